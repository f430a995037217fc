//! The screens that change once there are several Coursera accounts, at
//! 80x24 and 60x20: Home grouped by account, the account question, an
//! account's decision and checklist named in the title, and the Summary.

mod support;

use coursera_exit::domain::actions::{self, accounts};
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Msg, Wizard};
use support::screen::render;
use support::wizard::{add, open, send, today};

fn snapshot(name: &str, wizard: &Wizard) {
    for (w, h) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(wizard, w, h).backend());
    }
}

/// a1 (an email) pays for Plus and a course; a2 (a Google sign-in) for a
/// Specialization, and is to be deleted.
fn two_accounts() -> State {
    let mut s = State::default();
    accounts::relabel(&mut s, "a1", "me@example.com").expect("label");
    add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        Some("Plus"),
    );
    let spec = add(
        &mut s,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-02-27",
        Some("Data Science"),
    );
    add(
        &mut s,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-25",
        Some("Python course"),
    );
    accounts::add(&mut s, "Google sign-in").expect("a2");
    let change = actions::Edit {
        account: Some("a2".into()),
        ..actions::Edit::default()
    };
    actions::edit(
        &mut s,
        &spec,
        change,
        &coursera_exit::domain::policy::Policy::embedded(),
        today(),
    )
    .expect("moved");
    actions::delete_account(&mut s, Some("a2"), None, false, today()).expect("deleting");
    s
}

#[test]
fn home_groups_the_plans_under_the_account_that_pays() {
    let w = open(two_accounts());
    let screen = render(&w, 80, 24).backend().to_string();
    let line = |needle: &str| screen.lines().position(|l| l.contains(needle)).expect(needle);
    assert!(line("a1 · me@example.com") < line(" s1 "));
    assert!(
        line(" s3 ") < line("a2 · Google sign-in"),
        "Python course is a1's: {screen}"
    );
    assert_eq!(line(" s2 "), line("a2 · Google sign-in") + 1, "{screen}");
    snapshot("accounts_home", &w);
}

#[test]
fn a_new_plan_asks_which_account_pays() {
    let mut w = open(two_accounts());
    send(&mut w, &[Msg::Add]);
    snapshot("accounts_identify_which_account", &w);
    send(&mut w, &[Msg::Down, Msg::Down, Msg::Next]);
    snapshot("accounts_identify_not_sure", &w);
    // Answered: the line of answers under each question names the account.
    let mut w = open(two_accounts());
    send(&mut w, &[Msg::Add, Msg::Down, Msg::Next]);
    let screen = render(&w, 80, 24).backend().to_string();
    assert!(screen.contains("Answers: account a2 · bought where?"), "{screen}");
}

#[test]
fn the_account_pages_name_the_account() {
    let mut w = open(two_accounts());
    // s2, a2's plan, is the third line of Home (after s1 and s3 of a1).
    send(&mut w, &[Msg::Down, Msg::Down, Msg::Account]);
    snapshot("accounts_decide_a2", &w);
    send(&mut w, &[Msg::NextField]);
    snapshot("accounts_decide_a1_after_tab", &w);
    send(&mut w, &[Msg::PrevField, Msg::Next]);
    snapshot("accounts_checklist_a2", &w);
    send(&mut w, &[Msg::Summary]);
    snapshot("accounts_summary", &w);
}

#[test]
fn adding_an_account_is_a_named_field_on_home() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::NewAccount]);
    support::wizard::type_text(&mut w, "work@example.com");
    snapshot("accounts_new_account_field", &w);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().accounts.len(), 2);
    assert_eq!(w.state().accounts[1].label.as_deref(), Some("work@example.com"));
}

#[test]
fn a_plans_steps_name_the_account_to_sign_in_to() {
    let mut w = open(two_accounts());
    // s2 (a2's Specialization): Decide, its first choice, then its steps.
    send(&mut w, &[Msg::Down, Msg::Down, Msg::Next, Msg::Next]);
    let screen = render(&w, 80, 24).backend().to_string();
    assert!(
        screen.contains("Paid by a2 · Google sign-in: sign in to that account"),
        "{screen}"
    );
    snapshot("accounts_steps_paid_by", &w);
}

#[test]
fn home_lists_the_accounts_before_any_plan() {
    let mut s = State::default();
    accounts::add(&mut s, "Google sign-in").expect("a2");
    let w = open(s);
    let screen = render(&w, 60, 20).backend().to_string();
    assert!(screen.contains("a2 · Google sign-in — not decided"), "{screen}");
    assert!(screen.contains("D delete or keep an account"), "{screen}");
    snapshot("accounts_home_no_plans", &w);
}

#[test]
fn an_accounts_label_is_renamed_in_a_box_over_its_decision() {
    let mut w = open(two_accounts());
    send(&mut w, &[Msg::Down, Msg::Down, Msg::Account, Msg::Rename]);
    support::wizard::type_text(&mut w, "old Google");
    let screen = render(&w, 60, 20).backend().to_string();
    assert!(screen.contains("Label: old Google"), "{screen}");
    snapshot("accounts_decide_rename", &w);
}
