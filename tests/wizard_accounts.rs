//! The wizard with several accounts, message by message: a plan whose
//! account is not known is never filed under a guess, the account question
//! comes back until it is answered, and deleting any account warns about it.

mod support;

use coursera_exit::domain::actions::accounts;
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::identify::Question;
use coursera_exit::wizard::{Msg, Page, Wizard};
use support::wizard::{add, open, send, type_text};

fn two_accounts() -> State {
    let mut s = State::default();
    add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        Some("Plus"),
    );
    accounts::add(&mut s, "Google sign-in").expect("a2");
    s
}

fn question(w: &Wizard) -> Question {
    match w.page() {
        Page::Identify(page) => page.question(),
        other => panic!("not on Identify: {:?}", other.screen()),
    }
}

#[test]
fn not_sure_which_account_pays_is_kept_as_not_answered_and_asked_again() {
    let mut w = open(two_accounts());
    send(&mut w, &[Msg::Add]);
    assert_eq!(question(&w), Question::Account);
    // "Not sure" is the line after the two accounts; then "Come back later".
    send(&mut w, &[Msg::Down, Msg::Down, Msg::Next, Msg::Down, Msg::Next]);
    assert_eq!(w.screen(), Screen::Home);
    let sub = &w.state().subscriptions[1];
    assert!(sub.account_unknown, "not filed under a guess");
    let home = w.view().clone();
    let line = home
        .items
        .iter()
        .find(|i| i.text.contains("(s2)"))
        .expect("s2 listed");
    assert!(line.text.contains("paid by: not answered yet"), "{}", line.text);

    // Opened again, the account question comes first once more.
    send(&mut w, &[Msg::Down, Msg::Next]);
    assert_eq!(question(&w), Question::Account);
    send(&mut w, &[Msg::Down, Msg::Next]);
    let sub = &w.state().subscriptions[1];
    assert_eq!((sub.account.as_str(), sub.account_unknown), ("a2", false));
    assert_eq!(question(&w), Question::Channel);
}

#[test]
fn deleting_either_account_warns_about_a_plan_whose_account_is_not_known() {
    let mut s = two_accounts();
    let id = coursera_exit::domain::actions::add_blank(&mut s, "Mystery plan").expect("added");
    s.subscription_mut(&id).expect("there").account_unknown = true;
    for (tabs, account) in [(0, "a1"), (1, "a2")] {
        let mut w = open(s.clone());
        send(&mut w, &[Msg::Account]);
        for _ in 0..tabs {
            send(&mut w, &[Msg::NextField]);
        }
        assert_eq!(w.state().focused_account().id, account);
        send(&mut w, &[Msg::Next]);
        let Page::Decide(page) = w.page() else {
            panic!("still on Decide, asking")
        };
        let warnings = page.confirming_delete().expect("a question first").join("\n");
        assert!(
            warnings.contains("Mystery plan (s2): you have not said which account pays for it"),
            "{account}: {warnings}"
        );
    }
}

#[test]
fn the_second_account_is_followed_by_a_name_for_the_first() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::NewAccount]);
    type_text(&mut w, "Google sign-in");
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().accounts.len(), 2);
    type_text(&mut w, "me@example.com");
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().accounts[0].label.as_deref(), Some("me@example.com"));
    // A label already taken is refused: the two could not be told apart.
    send(&mut w, &[Msg::NewAccount]);
    type_text(&mut w, "google SIGN-IN");
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().accounts.len(), 2);
    assert!(
        w.notice()
            .is_some_and(|n| n.text.contains("a2 is already called that")),
        "{:?}",
        w.notice()
    );
}

#[test]
fn not_sure_after_an_answer_takes_the_answer_back_and_no_account_claims_the_plan() {
    let mut w = open(two_accounts());
    send(&mut w, &[Msg::Add, Msg::Down, Msg::Next]);
    assert_eq!(w.state().subscriptions[1].account, "a2");
    // Back to the account question, then "Not sure".
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Account);
    send(&mut w, &[Msg::Down, Msg::Next]);
    let state = w.state();
    assert!(state.subscriptions[1].account_unknown);
    for account in ["a1", "a2"] {
        assert!(
            state.paid_by(account).all(|s| s.id != "s2"),
            "{account} does not claim a plan nobody named"
        );
    }
}

#[test]
fn a_renewing_plan_whose_account_is_not_known_keeps_cancel_every_subscription_open_for_both() {
    let mut s = State::default();
    add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        Some("Plus"),
    );
    let id = add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-25",
        Some("Mystery"),
    );
    accounts::add(&mut s, "Google sign-in").expect("a2");
    s.subscription_mut(&id).expect("there").account_unknown = true;
    for account in ["a1", "a2"] {
        let renewing = coursera_exit::domain::checklist::still_renewing(&s, account);
        assert!(renewing.iter().any(|r| r.id == id), "{account}");
    }
}

#[test]
fn an_account_is_renamed_on_its_own_page() {
    let mut w = open(two_accounts());
    send(&mut w, &[Msg::Account, Msg::NextField, Msg::Rename]);
    assert_eq!(w.state().focused_account().id, "a2");
    // The field opens with the label, selected: typing replaces it.
    type_text(&mut w, "me.again@gmail.com");
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().accounts[1].label.as_deref(), Some("me.again@gmail.com"));
    assert!(
        w.view().title.contains("a2 · me.again@gmail.com"),
        "{}",
        w.view().title
    );
    // Esc leaves it as it was.
    send(&mut w, &[Msg::Rename]);
    type_text(&mut w, "oops");
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.state().accounts[1].label.as_deref(), Some("me.again@gmail.com"));
}
