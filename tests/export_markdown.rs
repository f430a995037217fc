//! The Markdown record: whole-document snapshots of two typical plans, and the
//! table staying a table whatever a label holds.

use chrono::NaiveDate;
use coursera_exit::domain::actions::{self, Choice, NewSubscription, Tick};
use coursera_exit::domain::deadlines::{DeadlineKind, deadlines};
use coursera_exit::domain::plan::{Channel, PlanKind, Region};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::{State, Subscription};
use coursera_exit::export::markdown;
use insta::assert_snapshot;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-03-03";

fn add(
    state: &mut State,
    plan: PlanKind,
    channel: Channel,
    started: &str,
    label: Option<&str>,
    certificate: bool,
) -> String {
    let new = NewSubscription {
        plan,
        channel,
        started: d(started),
        label: label.map(str::to_string),
        certificate_earned: certificate,
        trial_days: None,
        account: None,
    };
    actions::add(state, new, &Policy::embedded(), d(TODAY)).unwrap()
}

fn tick(state: &mut State, item: &str, subscription: Option<&str>, on: &str, note: Option<&str>) {
    let tick = Tick {
        item,
        subscription,
        account: None,
        note: note.map(str::to_string),
        on: Some(d(on)),
        undo: false,
    };
    actions::done(state, tick, &Policy::embedded(), d(TODAY)).unwrap();
}

fn render(state: &State) -> String {
    markdown::render(state, &Policy::embedded(), d(TODAY))
}

#[test]
fn a_trial_being_cancelled_on_the_website() {
    let policy = Policy::embedded();
    let mut state = State::default();
    let trial = add(
        &mut state,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-03-01",
        Some("Data Science trial"),
        false,
    );
    actions::decide(&mut state, &trial, Choice::Cancel, None, &policy, d(TODAY)).unwrap();
    tick(&mut state, "web-sign-in", Some(&trial), "2026-03-02", None);
    tick(&mut state, "web-profile-menu", Some(&trial), "2026-03-02", None);
    tick(
        &mut state,
        "web-my-purchases",
        Some(&trial),
        "2026-03-02",
        Some("It was under Settings, not My Purchases"),
    );
    assert_snapshot!(render(&state));
}

#[test]
fn a_full_deletion_with_several_subscriptions() {
    let policy = Policy::embedded();
    let today = d(TODAY);
    let mut state = State::default();
    let plus = add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-01-20",
        None,
        false,
    );
    let spec = add(
        &mut state,
        PlanKind::SpecializationMonthly,
        Channel::Android,
        "2026-01-31",
        Some("Machine Learning"),
        false,
    );
    add(
        &mut state,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-25",
        Some("Python | basics"),
        true,
    );
    add(
        &mut state,
        PlanKind::Organization,
        Channel::Organization,
        "2025-09-01",
        Some("Work seat"),
        false,
    );
    actions::decide(&mut state, &plus, Choice::Cancel, None, &policy, today).unwrap();
    actions::decide(&mut state, &spec, Choice::Cancel, None, &policy, today).unwrap();
    tick(
        &mut state,
        "cancelled",
        Some(&plus),
        "2026-03-01",
        Some("Confirmation email kept"),
    );
    tick(
        &mut state,
        "refund-requested",
        Some(&plus),
        "2026-03-01",
        Some("Ticket #48213"),
    );
    tick(&mut state, "android-cancel", Some(&spec), "2026-02-19", None);
    tick(&mut state, "cancelled", Some(&spec), "2026-02-19", None);
    actions::delete_account(&mut state, None, None, false, today).unwrap();
    tick(
        &mut state,
        "download-certificates",
        None,
        "2026-02-15",
        Some("PDFs in ~/Documents/coursera - a copy on the USB stick"),
    );
    tick(
        &mut state,
        "save-receipts",
        None,
        "2026-02-15",
        Some("Receipts folder in mail, *all* of them"),
    );
    tick(&mut state, "check-sign-in", None, "2026-02-16", None);
    tick(
        &mut state,
        "request-deletion",
        None,
        "2026-02-20",
        Some("No delete button; asked privacy@ by email"),
    );
    assert_eq!(state.accounts[0].requested_on, Some(d("2026-02-20")));
    assert_snapshot!(render(&state));
}

#[test]
fn an_eu_uk_learner_withdrawing_from_the_plan_a_trial_became() {
    let policy = Policy::embedded();
    let today = d(TODAY);
    let mut state = State::default();
    actions::set_region(&mut state, Region::EuUk);
    // A 7-day trial from 02-20, charged on 02-27 and recorded as Plus monthly:
    // the withdrawal counts from the trial's first day, until 03-05.
    let plus = add(
        &mut state,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-20",
        Some("Data Science"),
        false,
    );
    actions::convert_trial(&mut state, &plus, PlanKind::PlusMonthly, &policy, today).unwrap();
    tick(&mut state, "cancelled", Some(&plus), "2026-03-02", None);
    tick(
        &mut state,
        "refund-requested",
        Some(&plus),
        "2026-03-02",
        Some("Withdrawal sent, ticket 5521"),
    );
    // A 14-day trial still running.
    let python = add(
        &mut state,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-03-02",
        Some("Python trial"),
        false,
    );
    let change = actions::Edit {
        trial_days: Some(14),
        ..actions::Edit::default()
    };
    actions::edit(&mut state, &python, change, &policy, today).unwrap();
    assert_snapshot!(render(&state));
}

#[test]
fn table_rows_keep_one_cell_per_column_whatever_the_label_holds() {
    let mut state = State {
        next_id: 2,
        ..State::default()
    };
    state.subscriptions.push(Subscription {
        plan: Some(PlanKind::PlusMonthly),
        channel: Some(Channel::Web),
        started: Some(d("2026-02-20")),
        certificate_earned: Some(false),
        ..Subscription::new("s1".into(), "Plus | team\nsecond line".into())
    });
    let text = render(&state);
    let rows = deadlines(&state, &Policy::embedded().rules, d(TODAY));
    let table: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(
        table.len(),
        rows.len() + 2,
        "header, rule and one line per deadline:\n{text}"
    );
    for line in table {
        let unescaped_pipes = line
            .match_indices('|')
            .filter(|(i, _)| !line[..*i].ends_with('\\'))
            .count();
        assert_eq!(unescaped_pipes, 5, "{line}");
    }
    assert!(text.contains("Plus \\| team<br>second line"), "{text}");
}

/// Issue 11: the record listed the dates but never how to act on them, so it
/// never said that Coursera may refuse a refund, that the money takes 7 to 10
/// business days, or where an EU/UK withdrawal is sent.
#[test]
fn the_record_says_what_each_date_asks_with_the_refund_caveats_and_its_source() {
    let policy = Policy::embedded();
    let mut state = State::default();
    actions::set_region(&mut state, Region::EuUk);
    add(
        &mut state,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-27",
        Some("Python course"),
        false,
    );
    let plus = add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-25",
        Some("Plus"),
        false,
    );
    tick(&mut state, "refund-requested", Some(&plus), "2026-03-02", None);
    let text = render(&state);
    let guide = text
        .split("### What the dates ask")
        .nth(1)
        .expect("a section on what the dates ask")
        .split("## Sources")
        .next()
        .unwrap();
    for kind in [
        DeadlineKind::RefundBy,
        DeadlineKind::WithdrawalBy,
        DeadlineKind::RefundExpected,
    ] {
        let rule = policy.deadline(kind);
        assert!(guide.contains(&format!("**{}**", rule.title)), "{guide}");
        assert!(guide.contains(&format!("<{}>", rule.origin.source)), "{guide}");
    }
    for said in [
        "Coursera may still refuse",
        "7 to 10 business days",
        "Learner Help Center",
    ] {
        assert!(guide.contains(said), "{said:?} in {guide}");
    }
}
