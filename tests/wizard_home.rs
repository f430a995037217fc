//! Home, resuming, help and quitting, as message sequences on the pure wizard.

mod support;

use coursera_exit::domain::deadlines::{DeadlineKind, Urgency, deadlines};
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{AccountDecision, Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::home::next_deadline;
use coursera_exit::wizard::identify::Question;
use coursera_exit::wizard::{Exit, Mode, Msg, Page};
use support::wizard::{add, d, open, resume_at, send, single, today};

fn two_subscriptions() -> State {
    let mut state = State::default();
    add(
        &mut state,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-27",
        Some("ML trial"),
    );
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-05",
        None,
    );
    state
}

fn ids(state: &State) -> Vec<&str> {
    state.subscriptions.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn remove_asks_first_and_y_removes_the_selected_one() {
    let mut w = open(two_subscriptions());
    let effects = send(&mut w, &[Msg::Down, Msg::Remove]);
    assert!(!effects.save, "asking changes nothing");
    assert_eq!(w.mode(), Mode::Confirm);
    let Page::Home(home) = w.page() else {
        panic!("on Home")
    };
    assert_eq!(home.confirm_remove(), Some("s2"));
    assert!(send(&mut w, &[Msg::Yes]).save);
    assert_eq!(ids(w.state()), ["s1"]);
    assert_eq!(w.mode(), Mode::Normal);
}

#[test]
fn remove_answered_no_or_esc_keeps_everything() {
    for answer in [Msg::No, Msg::Back] {
        let mut w = open(two_subscriptions());
        send(&mut w, &[Msg::Remove]);
        assert!(!send(&mut w, &[answer]).save);
        assert_eq!(ids(w.state()), ["s1", "s2"], "{answer:?}");
        assert_eq!(w.mode(), Mode::Normal);
    }
}

#[test]
fn other_keys_do_not_answer_the_remove_question() {
    let mut w = open(two_subscriptions());
    send(&mut w, &[Msg::Remove, Msg::Next, Msg::Down, Msg::Add]);
    assert_eq!(w.mode(), Mode::Confirm);
    assert_eq!(ids(w.state()), ["s1", "s2"]);
}

#[test]
fn removing_the_subscription_to_continue_forgets_the_continue() {
    let mut state = two_subscriptions();
    resume_at(&mut state, Screen::Home, Some("s1"));
    let mut w = open(state);
    send(&mut w, &[Msg::Remove, Msg::Yes]);
    assert_eq!(w.state().journey, Journey::default());
}

#[test]
fn add_starts_a_new_subscription_beside_the_others() {
    let mut w = open(two_subscriptions());
    assert!(send(&mut w, &[Msg::Add]).save);
    assert_eq!(ids(w.state()), ["s1", "s2", "s3"]);
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Identify,
            subscription: Some("s3".into())
        }
    );
}

#[test]
fn enter_opens_the_selected_subscription() {
    let mut w = open(two_subscriptions());
    send(&mut w, &[Msg::Down, Msg::Next]);
    let Page::Decide(page) = w.page() else {
        panic!("on Decide: nothing is decided yet")
    };
    assert_eq!(page.id(), Some("s2"));
}

#[test]
fn reopening_resumes_at_the_saved_position() {
    let mut state = two_subscriptions();
    let blank = coursera_exit::domain::actions::add_blank(&mut state, "New subscription").expect("an id");
    state.subscription_mut(&blank).expect("added").channel = Some(Channel::Android);
    resume_at(&mut state, Screen::Identify, Some(&blank));
    let w = open(state);
    let Page::Identify(page) = w.page() else {
        panic!("resumed on Identify")
    };
    assert_eq!(page.id(), blank);
    assert_eq!(
        page.question(),
        Question::Plan,
        "at the first unanswered question"
    );
}

#[test]
fn reopening_goes_home_when_the_saved_subscription_is_gone() {
    let mut state = two_subscriptions();
    resume_at(&mut state, Screen::Identify, Some("s9"));
    let w = open(state);
    assert_eq!(w.screen(), Screen::Home);
    assert_eq!(
        w.state().journey,
        Journey::default(),
        "the stale position is not kept"
    );
}

#[test]
fn every_saved_screen_reopens_on_that_screen() {
    for screen in [
        Screen::Decide,
        Screen::Steps,
        Screen::Checklist,
        Screen::Deadlines,
        Screen::Summary,
    ] {
        let mut state = two_subscriptions();
        resume_at(&mut state, screen, Some("s2"));
        let w = open(state);
        assert_eq!(w.screen(), screen);
    }
}

#[test]
fn q_and_ctrl_c_save_and_quit_with_their_own_exit() {
    let mut w = open(two_subscriptions());
    let q = send(&mut w, &[Msg::Quit]);
    assert_eq!((q.save, q.exit), (true, Some(Exit::Quit)));
    let c = send(&mut w, &[Msg::Add, Msg::Interrupt]);
    assert_eq!((c.save, c.exit), (true, Some(Exit::Interrupt)));
}

#[test]
fn help_opens_over_the_screen_and_closes_without_changing_it() {
    let mut w = open(two_subscriptions());
    send(&mut w, &[Msg::Down, Msg::Help]);
    assert_eq!(w.mode(), Mode::Help);
    send(&mut w, &[Msg::Down, Msg::Add, Msg::Remove]);
    assert_eq!(ids(w.state()), ["s1", "s2"], "keys in the help do nothing else");
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.mode(), Mode::Normal);
    let Page::Home(home) = w.page() else {
        panic!("on Home")
    };
    assert_eq!(home.selected(), 1, "the selection is where it was");
}

#[test]
fn moving_on_home_saves_nothing() {
    let mut w = open(two_subscriptions());
    for msg in [
        Msg::Down,
        Msg::Up,
        Msg::PageDown,
        Msg::Toggle,
        Msg::Help,
        Msg::Back,
    ] {
        assert!(!w.update(msg).save, "{msg:?}");
    }
}

#[test]
fn the_next_deadline_is_the_first_open_one_from_today_else_the_latest_missed() {
    // Bought 02-10: refund-by 02-16 (7 days less a margin) is missed and is all there is.
    let mut state = single(PlanKind::CoursePurchase, Channel::Web, "2026-02-10");
    // Plus monthly from 02-05: no refund-by at all; cancel-by 03-03 ahead
    // (next charge 03-05, access until 03-04).
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-05",
        None,
    );
    let rows = deadlines(&state, &open(State::default()).policy().rules, today());
    let missed = next_deadline(&rows, &state, Some("s1")).expect("a row");
    assert_eq!(
        (missed.kind, missed.date, missed.urgency),
        (DeadlineKind::RefundBy, d("2026-02-16"), Urgency::Overdue)
    );
    let ahead = next_deadline(&rows, &state, Some("s2")).expect("a row");
    assert_eq!(
        (ahead.kind, ahead.days_left, ahead.urgency),
        (DeadlineKind::CancelBy, 2, Urgency::Urgent)
    );
    assert_eq!(
        next_deadline(&rows, &state, None),
        Some(ahead),
        "the most urgent is ahead, not missed"
    );
}

#[test]
fn the_most_urgent_deadline_can_be_the_accounts_support_reply() {
    // Plus yearly from 2025-06-15: its first deadline is in June.
    let mut state = single(PlanKind::PlusAnnual, Channel::Web, "2025-06-15");
    state.accounts[0].decision = Some(AccountDecision::Delete);
    state.accounts[0].requested_on = Some(today());
    let rows = deadlines(&state, &open(State::default()).policy().rules, today());
    let next = next_deadline(&rows, &state, None).expect("a row");
    assert_eq!(next.subscription, None, "the account's row");
    assert_eq!(next.kind, DeadlineKind::SupportReplyDue);
}

/// A newcomer's walk: the day after a refund's safe last day (SPEC §4: one
/// day inside the window), Home said "Coursera's refund window has closed"
/// although by the same rule the window may still be open that day. In the
/// margin it says so, and ask now; after it, that the window has closed.
#[test]
fn the_day_after_a_refunds_safe_day_says_the_window_may_still_be_open() {
    use coursera_exit::domain::policy::Policy;
    let policy = Policy::embedded();
    let rule = policy.deadline(DeadlineKind::RefundBy);
    // Bought 02-22: refund-by 02-28, yesterday (today is 03-01).
    let w = open(single(PlanKind::CoursePurchase, Channel::Web, "2026-02-22"));
    let said = format!("{:?}", w.view());
    assert!(said.contains(&rule.overdue_margin), "{said}");
    assert!(!said.contains(&rule.overdue), "not yet closed: {said}");
    // Bought 02-21: refund-by 02-27, two days ago: the window has closed.
    let w = open(single(PlanKind::CoursePurchase, Channel::Web, "2026-02-21"));
    let said = format!("{:?}", w.view());
    assert!(said.contains(&rule.overdue), "{said}");
    assert!(!said.contains(&rule.overdue_margin), "{said}");
}
