//! The Deadlines table as message sequences: where the highlight starts and
//! moves, what Enter opens, and where Esc goes back to.

mod support;

use coursera_exit::domain::actions;
use coursera_exit::domain::deadlines::{Deadline, DeadlineKind, deadlines};
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::deadlines::Deadlines;
use coursera_exit::wizard::{Msg, Page, Wizard};
use support::wizard::{add, d, open, repeat, resume_at, today};

/// Three subscriptions and a deletion request (today 2026-03-01): a missed
/// refund, a trial ending now, a Plus monthly and the support reply.
fn several() -> State {
    let mut s = State::default();
    add(
        &mut s,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-10",
        Some("Course"),
    );
    add(
        &mut s,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-24",
        Some("Trial"),
    );
    add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        Some("Plus"),
    );
    actions::delete_account(&mut s, None, Some(d("2026-02-15")), false, today()).expect("requested");
    s
}

fn rows(w: &Wizard) -> Vec<Deadline> {
    deadlines(w.state(), &w.policy().rules, w.today())
}

fn page(w: &Wizard) -> &Deadlines {
    match w.page() {
        Page::Deadlines(p) => p,
        other => panic!("expected Deadlines, on {:?}", other.screen()),
    }
}

fn highlighted(w: &Wizard) -> Deadline {
    let rows = rows(w);
    rows[page(w).selected(&rows, w.state())].clone()
}

/// Home, then `t`.
fn from_home(state: State) -> Wizard {
    let mut w = open(state);
    assert_eq!(w.screen(), Screen::Home);
    assert!(w.update(Msg::Deadlines).save, "the position is saved");
    assert_eq!(w.screen(), Screen::Deadlines);
    assert_eq!(w.state().journey.screen, Screen::Deadlines);
    w
}

#[test]
fn the_table_opens_on_the_most_urgent_row_not_done() {
    let w = from_home(several());
    let row = highlighted(&w);
    // The missed refund is behind; the trial's cancel-by is today.
    assert_eq!((row.kind, row.date), (DeadlineKind::CancelBy, today()));
    assert_eq!(row.subscription.as_deref(), Some("s2"));
}

#[test]
fn up_and_down_move_one_row_and_stop_at_the_ends() {
    let mut w = from_home(several());
    let count = rows(&w).len();
    repeat(&mut w, Msg::Up, count + 3);
    assert_eq!(page(&w).selected(&rows(&w), w.state()), 0);
    w.update(Msg::Down);
    assert_eq!(page(&w).selected(&rows(&w), w.state()), 1);
    repeat(&mut w, Msg::Down, count + 3);
    assert_eq!(page(&w).selected(&rows(&w), w.state()), count - 1);
    assert_eq!(highlighted(&w), rows(&w)[count - 1]);
}

#[test]
fn page_keys_scroll_the_details_without_moving_the_row() {
    let mut w = from_home(several());
    let at = page(&w).selected(&rows(&w), w.state());
    w.update(Msg::PageDown);
    w.update(Msg::PageDown);
    assert_eq!(page(&w).selected(&rows(&w), w.state()), at, "the row stays");
    let scrolled = page(&w).detail_scroll();
    assert!(scrolled > 0, "the details scrolled");
    w.update(Msg::PageUp);
    assert!(page(&w).detail_scroll() < scrolled, "PgUp scrolls back");
    repeat(&mut w, Msg::PageUp, 20);
    assert_eq!(page(&w).detail_scroll(), 0, "and stops at the top");
}

#[test]
fn another_row_shows_its_details_from_the_top() {
    let mut w = from_home(several());
    let count = rows(&w).len();
    repeat(&mut w, Msg::Up, count);
    w.update(Msg::PageDown);
    w.update(Msg::Down);
    assert_eq!(page(&w).selected(&rows(&w), w.state()), 1);
    assert_eq!(page(&w).detail_scroll(), 0);
}

#[test]
fn moving_saves_nothing() {
    let mut w = from_home(several());
    for msg in [Msg::Down, Msg::Up, Msg::PageDown, Msg::PageUp] {
        assert!(!w.update(msg).save, "{msg:?}");
    }
}

#[test]
fn enter_on_a_subscription_row_opens_that_subscriptions_steps() {
    let mut w = from_home(several());
    let row = highlighted(&w);
    let id = row.subscription.clone().expect("a subscription row");
    assert!(w.update(Msg::Next).save);
    assert_eq!(w.screen(), Screen::Steps);
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Steps,
            subscription: Some(id)
        }
    );
}

#[test]
fn enter_on_the_account_row_opens_the_checklist() {
    let mut w = from_home(several());
    let account = rows(&w)
        .iter()
        .position(|r| r.kind == DeadlineKind::SupportReplyDue)
        .expect("the support reply row");
    repeat(&mut w, Msg::Up, 30);
    repeat(&mut w, Msg::Down, account);
    assert_eq!(highlighted(&w).subscription, None);
    w.update(Msg::Next);
    assert_eq!(w.screen(), Screen::Checklist);
}

#[test]
fn esc_goes_back_to_home_with_the_same_subscription_selected() {
    let mut w = open(several());
    repeat(&mut w, Msg::Down, 2);
    w.update(Msg::Deadlines);
    w.update(Msg::Back);
    assert_eq!(w.screen(), Screen::Home);
    match w.page() {
        Page::Home(home) => assert_eq!(home.selected(), 2),
        other => panic!("on {:?}", other.screen()),
    }
}

#[test]
fn esc_goes_back_to_the_checklist_when_opened_from_it() {
    let mut s = several();
    resume_at(&mut s, Screen::Checklist, None);
    let mut w = open(s);
    assert_eq!(w.screen(), Screen::Checklist);
    w.update(Msg::Deadlines);
    assert_eq!(w.screen(), Screen::Deadlines);
    w.update(Msg::Back);
    assert_eq!(w.screen(), Screen::Checklist);
}

#[test]
fn a_saved_position_on_the_deadlines_resumes_there() {
    let w = from_home(several());
    let saved = w.state().clone();
    let again = open(saved);
    assert_eq!(again.screen(), Screen::Deadlines);
}

#[test]
fn s_goes_on_to_the_summary() {
    let mut w = from_home(several());
    w.update(Msg::Summary);
    assert_eq!(w.screen(), Screen::Summary);
}

#[test]
fn with_nothing_tracked_the_keys_do_nothing_and_esc_still_goes_home() {
    let mut w = from_home(State::default());
    assert!(rows(&w).is_empty());
    for msg in [Msg::Down, Msg::Up, Msg::Next] {
        w.update(msg);
        assert_eq!(w.screen(), Screen::Deadlines, "{msg:?}");
    }
    w.update(Msg::Back);
    assert_eq!(w.screen(), Screen::Home);
}

#[test]
fn an_empty_table_says_why_when_every_plan_is_identified_but_none_has_a_date() {
    use coursera_exit::wizard::deadlines::empty_reason;
    use coursera_exit::wizard::text;
    // A course bought in the Android app: no Coursera refund window, nothing renews.
    let state = support::wizard::single(
        coursera_exit::domain::plan::PlanKind::CoursePurchase,
        coursera_exit::domain::plan::Channel::Android,
        "2026-02-24",
    );
    let mut w = support::wizard::open(state.clone());
    assert!(w.deadlines().is_empty());
    assert_eq!(
        empty_reason(&state, w.policy(), w.today()),
        text::DEADLINES_NONE_DUE
    );
    w.update(coursera_exit::wizard::Msg::Deadlines);
    let said: Vec<String> = w.view().lead.iter().map(|p| p.text.clone()).collect();
    assert!(said.contains(&text::DEADLINES_NONE_DUE.to_string()), "{said:?}");
    assert!(
        !said
            .iter()
            .any(|p| p.contains("once a subscription is identified")),
        "{said:?}"
    );
}

#[test]
fn an_empty_table_for_a_kept_course_says_it_is_kept_and_until_when_a_refund_could_be_asked() {
    use coursera_exit::domain::plan::Decision;
    // Bought 02-27: its refund window is open until 02-27 + 7 − 1 = 03-05.
    let mut state = support::wizard::single(PlanKind::CoursePurchase, Channel::Web, "2026-02-27");
    state.subscriptions[0].decision = Some(Decision::Keep);
    let w = from_home(state);
    assert!(rows(&w).is_empty(), "a kept plan lists no refund-by");
    let said: Vec<String> = w.view().lead.iter().map(|p| p.text.clone()).collect();
    let why = said.join(" ");
    assert!(why.contains("you keep \"Course (one payment)\""), "{why}");
    assert!(why.contains("until Thu 2026-03-05"), "{why}");
    assert!(!why.contains("once its refund window has passed"), "{why}");
    // Past the window, kept: no refund to point to, still the right reason.
    let mut state = w.state().clone();
    state.subscriptions[0].started = Some(d("2026-02-01"));
    resume_at(&mut state, Screen::Home, None);
    let w = from_home(state);
    let why = w
        .view()
        .lead
        .iter()
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(why.contains("you keep \"Course (one payment)\""), "{why}");
    assert!(!why.contains("refund window is still open"), "{why}");
}

/// SPEC §4: the reply to a deletion request names the two-month extension
/// for a person in the EU or the UK. The calendar and the record said it;
/// the Deadlines page left it out.
#[test]
fn the_deletion_reply_row_names_the_eu_uk_extension_where_it_applies() {
    use coursera_exit::domain::plan::Region;
    use coursera_exit::domain::policy::Policy;
    let extension = Policy::embedded()
        .deadline(DeadlineKind::SupportReplyDue)
        .eu_uk
        .clone();
    for (region, said) in [(Region::EuUk, true), (Region::Elsewhere, false)] {
        let mut state = State::default();
        actions::set_region(&mut state, region);
        actions::delete_account(&mut state, None, Some(d("2026-02-20")), false, today()).unwrap();
        resume_at(&mut state, Screen::Deadlines, None);
        let w = open(state);
        assert_eq!(highlighted(&w).kind, DeadlineKind::SupportReplyDue);
        let details = format!("{:?}", w.view().details);
        assert_eq!(details.contains(&extension), said, "{region:?}: {details}");
    }
}
