//! Steps as message sequences: whole journeys from Add through Identify and
//! Decide to Home for each plan and decision, with the saved state checked
//! after every step; notes, unticking, the date edit and its refusals; the
//! account kept with a smaller footprint; going back never losing anything.

mod support;

use coursera_exit::domain::checklist::{CANCELLED, REFUND_RECEIVED, REFUND_REQUESTED};
use coursera_exit::domain::deadlines::{DeadlineKind, deadlines};
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{Channel, Decision, PlanKind, Region};
use coursera_exit::domain::state::{Pause, State, Subscription};
use coursera_exit::wizard::decide::Choice;
use coursera_exit::wizard::steps::{Editing, Entry, Steps};
use coursera_exit::wizard::{Mode, Msg, Page, TextKey, Wizard, route};
use support::wizard::{add, d, open, repeat, send, today, type_text};

fn steps(w: &Wizard) -> &Steps {
    match w.page() {
        Page::Steps(page) => page,
        other => panic!("expected Steps, on {:?}", other.screen()),
    }
}

fn entries(w: &Wizard) -> Vec<Entry> {
    steps(w).entries(w.state(), w.policy(), w.today())
}

fn selected(w: &Wizard) -> Entry {
    entries(w)[steps(w).cursor(w.state(), w.policy(), w.today())].clone()
}

/// Moves the highlight to `entry`.
fn go_to(w: &mut Wizard, entry: &Entry) {
    let at = entries(w)
        .iter()
        .position(|e| e == entry)
        .unwrap_or_else(|| panic!("{entry:?} is not listed: {:?}", entries(w)));
    repeat(w, Msg::PageUp, 1);
    repeat(w, Msg::Up, 30);
    repeat(w, Msg::Down, at);
    assert_eq!(&selected(w), entry);
}

/// Esc until Home: back through Decide and every question, from the last.
fn back_home(w: &mut Wizard) {
    for _ in 0..12 {
        if w.screen() == Screen::Home {
            return;
        }
        send(w, &[Msg::Back]);
    }
    panic!("Esc never reached Home, on {:?}", w.screen());
}

fn item(id: &str) -> Entry {
    Entry::Item(id.to_string())
}

fn sub(w: &Wizard) -> &Subscription {
    &w.state().subscriptions[0]
}

/// Highlights the `index`-th line of the current list and presses Enter.
fn pick(w: &mut Wizard, index: usize) {
    repeat(w, Msg::Up, 8);
    repeat(w, Msg::Down, index);
    w.update(Msg::Next);
}

const CHANNELS: [Channel; 4] = [
    Channel::Web,
    Channel::Ios,
    Channel::Android,
    Channel::Organization,
];
const PLANS: [PlanKind; 5] = [
    PlanKind::FreeTrial,
    PlanKind::SpecializationMonthly,
    PlanKind::PlusMonthly,
    PlanKind::PlusAnnual,
    PlanKind::CoursePurchase,
];

/// From an empty Home, answers every Identify question (a trial: 7 days; no
/// certificate; not in the EU or the UK); ends on Decide.
fn identify(plan: PlanKind, channel: Channel, started: &str) -> Wizard {
    identify_in(plan, channel, started, Region::Elsewhere)
}

/// The same, living in `region`.
fn identify_in(plan: PlanKind, channel: Channel, started: &str, region: Region) -> Wizard {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(
        &mut w,
        CHANNELS.iter().position(|c| *c == channel).expect("a channel"),
    );
    if plan != PlanKind::Organization {
        pick(&mut w, PLANS.iter().position(|p| *p == plan).expect("a plan"));
    }
    let trial = plan == PlanKind::FreeTrial;
    if trial {
        // How long: 7 days, the first line.
        pick(&mut w, 0);
    }
    type_text(&mut w, started);
    send(&mut w, &[Msg::Next]);
    if !trial {
        // A certificate earned? No, the first line.
        pick(&mut w, 0);
    }
    // The first subscription asks where the person lives: yes, no, not sure.
    pick(&mut w, usize::from(region == Region::Elsewhere));
    assert_eq!(w.state().region, Some(region));
    assert!(sub(&w).is_complete());
    assert_eq!((sub(&w).plan, sub(&w).channel), (Some(plan), Some(channel)));
    assert_eq!(w.screen(), Screen::Decide, "Identify leads to Decide");
    w
}

/// On Decide, chooses `choice`; ends on Steps.
fn choose(w: &mut Wizard, choice: Choice) {
    let Page::Decide(page) = w.page() else {
        panic!("on Decide")
    };
    let all = page.choices(w.state(), w.policy(), w.today());
    let at = all.iter().position(|c| *c == choice).expect("offered");
    pick(w, at);
    assert_eq!(w.screen(), Screen::Steps);
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Steps,
            subscription: Some("s1".into())
        }
    );
}

/// Whether a step is done in the saved state, with the day it was done.
fn saved_done(sub: &Subscription, id: &str) -> Option<chrono::NaiveDate> {
    match id {
        CANCELLED => sub.cancelled_on,
        REFUND_REQUESTED => sub.refund_requested_on,
        REFUND_RECEIVED => sub.refund_received_on,
        _ => sub.item(id).filter(|r| r.done).and_then(|r| r.done_on),
    }
}

/// The steps listed now, in order.
fn item_ids(w: &Wizard) -> Vec<String> {
    entries(w)
        .into_iter()
        .filter_map(|e| match e {
            Entry::Item(id) => Some(id),
            _ => None,
        })
        .collect()
}

/// Ticks every step in order with Space, checking the saved state after
/// each; a step that appears on the way ("The refund has arrived", once the
/// refund was asked for) is ticked in its turn. Returns the ids ticked.
fn tick_all(w: &mut Wizard) -> Vec<String> {
    let mut ticked = Vec::new();
    while let Some(id) = item_ids(w)
        .into_iter()
        .find(|id| saved_done(sub(w), id).is_none())
    {
        assert_eq!(
            selected(w),
            item(&id),
            "the highlight waits on the first step not done"
        );
        assert!(send(w, &[Msg::Toggle]).save, "{id}: a tick saves");
        assert_eq!(saved_done(sub(w), &id), Some(today()), "{id}: done today");
        let listed = item_ids(w);
        let at = listed.iter().position(|x| *x == id).expect("still listed");
        for later in &listed[at + 1..] {
            assert_eq!(saved_done(sub(w), later), None, "{later}: not yet");
        }
        send(w, &[Msg::Next]);
        assert!(ticked.len() < 50, "ticking ends");
        ticked.push(id);
    }
    ticked
}

/// Enter on "Finish" goes to Home beside the subscription, with a notice.
fn finish(w: &mut Wizard) {
    assert_eq!(selected(w), Entry::Finish);
    assert!(send(w, &[Msg::Next]).save);
    assert_eq!(w.screen(), Screen::Home);
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Home,
            subscription: Some("s1".into())
        }
    );
    assert!(w.notice().is_some(), "Home says where things stand");
}

fn policy_step_ids(w: &Wizard, channel: Channel) -> Vec<String> {
    w.policy()
        .channel(channel)
        .steps
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

fn refund_step_ids(w: &Wizard) -> Vec<String> {
    w.policy().refund.steps.iter().map(|s| s.id.clone()).collect()
}

#[test]
fn a_free_trial_cancelled_on_the_website_from_identify_to_home() {
    let mut w = identify(PlanKind::FreeTrial, Channel::Web, "2026-02-27");
    choose(&mut w, Choice::Cancel);
    assert_eq!(sub(&w).decision, Some(Decision::Cancel));
    let ticked = tick_all(&mut w);
    let mut expected = policy_step_ids(&w, Channel::Web);
    expected.push(CANCELLED.to_string());
    assert_eq!(ticked, expected, "the web steps, then \"I have cancelled\"");
    assert_eq!(sub(&w).cancelled_on, Some(today()));
    // The frozen dates: cancel-by done, the trial's last day kept.
    let rows = steps(&w).dates(w.state(), w.policy(), today());
    let kinds: Vec<(DeadlineKind, bool)> = rows.iter().map(|r| (r.kind, r.done)).collect();
    assert_eq!(
        kinds,
        [
            (DeadlineKind::CancelBy, true),
            (DeadlineKind::TrialLastDay, false)
        ]
    );
    finish(&mut w);
    let notice = w.notice().expect("a notice").text.clone();
    assert!(
        notice.contains("Thu 2026-03-05"),
        "access until the trial's last day: {notice}"
    );
    assert_eq!(route::continue_screen(sub(&w)), None, "nothing left for it");
}

#[test]
fn a_specialization_paused_for_each_length_from_identify_to_home() {
    for months in [1, 2, 3] {
        let mut w = identify(PlanKind::SpecializationMonthly, Channel::Web, "2026-01-31");
        choose(&mut w, Choice::Pause(months));
        assert_eq!(sub(&w).decision, Some(Decision::Pause));
        assert_eq!(
            sub(&w).pause,
            Some(Pause {
                from: today(),
                months
            })
        );
        assert_eq!(entries(&w), [Entry::Pause, Entry::Finish], "nothing to tick");
        assert_eq!(selected(&w), Entry::Pause);
        // The pause was chosen before today: e changes the day it was chosen.
        send(&mut w, &[Msg::EditDate]);
        assert_eq!(w.mode(), Mode::Edit);
        type_text(&mut w, "2026-02-10");
        assert!(send(&mut w, &[Msg::Next]).save);
        assert_eq!(
            sub(&w).pause,
            Some(Pause {
                from: d("2026-02-10"),
                months
            })
        );
        let resumes = steps(&w)
            .dates(w.state(), w.policy(), today())
            .into_iter()
            .find(|r| r.kind == DeadlineKind::PauseResumes)
            .map(|r| r.date);
        // SPEC §4: the pause begins when the paid month ends, at the first
        // charge on or after 02-10 (01-31 + 1 month = 02-28); it resumes
        // `months` later, counted from the anchor: 01-31 + (1 + n) months.
        let expected = ["2026-03-31", "2026-04-30", "2026-05-31"][months as usize - 1];
        assert_eq!(resumes, Some(d(expected)), "{months} months from 02-28");
        send(&mut w, &[Msg::Next]);
        finish(&mut w);
        assert_eq!(sub(&w).cancelled_on, None);
    }
}

#[test]
fn keeping_a_plan_has_nothing_to_tick_and_finishes_on_home() {
    let mut w = identify(PlanKind::SpecializationMonthly, Channel::Web, "2026-01-31");
    choose(&mut w, Choice::Keep);
    assert_eq!((sub(&w).decision, sub(&w).pause), (Some(Decision::Keep), None));
    assert_eq!(entries(&w), [Entry::Finish]);
    finish(&mut w);
}

/// The refund steps: how to ask, "I have asked for a refund", then "The
/// refund has arrived", which is listed only once the refund was asked for.
fn refund_block(w: &Wizard) -> Vec<String> {
    let mut ids = refund_step_ids(w);
    ids.extend([REFUND_REQUESTED.to_string(), REFUND_RECEIVED.to_string()]);
    ids
}

#[test]
fn a_specialization_cancelled_in_its_first_week_lists_the_refund_steps_after_the_cancel() {
    // First payment 02-25: refund-by = 02-25 + 7 − 1 = 03-03, still open.
    let mut w = identify(PlanKind::SpecializationMonthly, Channel::Web, "2026-02-25");
    choose(&mut w, Choice::Cancel);
    assert!(!sub(&w).refund_wanted, "a plain cancel");
    assert!(
        !item_ids(&w).contains(&REFUND_RECEIVED.to_string()),
        "nothing can arrive before it is asked for"
    );
    let ticked = tick_all(&mut w);
    let mut expected = policy_step_ids(&w, Channel::Web);
    expected.push(CANCELLED.to_string());
    expected.extend(refund_block(&w));
    assert_eq!(ticked, expected);
    assert_eq!(sub(&w).refund_requested_on, Some(today()));
    assert_eq!(sub(&w).refund_received_on, Some(today()));
    let refund = steps(&w)
        .dates(w.state(), w.policy(), today())
        .into_iter()
        .find(|r| r.kind == DeadlineKind::RefundBy)
        .expect("the refund row stays");
    assert_eq!(refund.date, d("2026-03-03"));
    assert!(refund.done, "done once requested");
    finish(&mut w);
}

#[test]
fn once_cancelled_with_a_refund_asked_for_the_access_day_is_not_promised() {
    // The terms do not say whether a refunded payment's access lasts: a
    // newcomer read "access until D" beside a refund on its way.
    let mut w = identify(PlanKind::SpecializationMonthly, Channel::Web, "2026-02-25");
    choose(&mut w, Choice::Cancel);
    let lead = |w: &Wizard| {
        w.view()
            .lead
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    go_to(&mut w, &item(CANCELLED));
    send(&mut w, &[Msg::Toggle]);
    assert!(
        lead(&w).contains("You will not be charged again; access until"),
        "{}",
        lead(&w)
    );
    assert!(!lead(&w).contains("do not count on that day"), "{}", lead(&w));
    go_to(&mut w, &item(REFUND_REQUESTED));
    send(&mut w, &[Msg::Toggle]);
    assert!(lead(&w).contains("do not count on that day"), "{}", lead(&w));
}

#[test]
fn plus_monthly_in_the_eu_has_refund_steps_while_the_withdrawal_is_open() {
    // Paid 02-20: Plus monthly is never refunded, but in the EU or the UK
    // withdrawal-by = 02-20 + 14 − 1 = 03-05 is still open.
    let mut w = identify_in(PlanKind::PlusMonthly, Channel::Web, "2026-02-20", Region::EuUk);
    choose(&mut w, Choice::Refund);
    assert_eq!(
        (sub(&w).decision, sub(&w).refund_wanted),
        (Some(Decision::Cancel), true)
    );
    let ticked = tick_all(&mut w);
    let mut expected = refund_block(&w);
    expected.extend(policy_step_ids(&w, Channel::Web));
    expected.push(CANCELLED.to_string());
    assert_eq!(ticked, expected, "the refund first: its window closes first");
    let withdrawal = steps(&w)
        .dates(w.state(), w.policy(), today())
        .into_iter()
        .find(|r| r.kind == DeadlineKind::WithdrawalBy)
        .expect("the withdrawal row stays");
    assert_eq!((withdrawal.date, withdrawal.done), (d("2026-03-05"), true));
    finish(&mut w);
}

#[test]
fn plans_without_an_open_refund_window_have_no_refund_steps() {
    for (plan, started) in [
        // Plus monthly elsewhere: subscriptions are not refunded at all.
        (PlanKind::PlusMonthly, "2026-02-20"),
        // The latest payment (02-10) is not the first: no refund-by.
        (PlanKind::SpecializationMonthly, "2026-01-10"),
    ] {
        let mut w = identify(plan, Channel::Web, started);
        let Page::Decide(page) = w.page() else {
            panic!("on Decide")
        };
        let offered = page.choices(w.state(), w.policy(), w.today());
        assert!(!offered.contains(&Choice::Refund), "{plan:?}: {offered:?}");
        choose(&mut w, Choice::Cancel);
        let mut expected: Vec<Entry> = policy_step_ids(&w, Channel::Web)
            .iter()
            .map(|s| item(s))
            .collect();
        expected.extend([item(CANCELLED), Entry::Finish]);
        assert_eq!(entries(&w), expected, "{plan:?}");
    }
}

#[test]
fn app_store_plans_cancel_in_the_store_with_no_coursera_refund_step() {
    for (channel, plan) in [
        (Channel::Ios, PlanKind::PlusAnnual),
        (Channel::Android, PlanKind::PlusMonthly),
    ] {
        let mut w = identify(plan, channel, "2026-02-20");
        choose(&mut w, Choice::Cancel);
        let ticked = tick_all(&mut w);
        let mut expected = policy_step_ids(&w, channel);
        expected.push(CANCELLED.to_string());
        assert_eq!(ticked, expected, "{channel:?}");
        assert_eq!(sub(&w).refund_requested_on, None);
        finish(&mut w);
    }
}

#[test]
fn a_course_bought_once_asks_for_its_refund() {
    let mut w = identify(PlanKind::CoursePurchase, Channel::Web, "2026-02-25");
    choose(&mut w, Choice::Refund);
    assert_eq!(sub(&w).decision, Some(Decision::Cancel));
    let ticked = tick_all(&mut w);
    assert_eq!(ticked, refund_block(&w), "nothing to cancel, only the refund");
    assert_eq!(sub(&w).cancelled_on, None);
    assert_eq!(sub(&w).refund_requested_on, Some(today()));
    assert_eq!(route::continue_screen(sub(&w)), None);
    finish(&mut w);
}

#[test]
fn an_organization_plan_is_ended_by_asking_the_administrator() {
    let mut w = identify(PlanKind::Organization, Channel::Organization, "2025-09-01");
    choose(&mut w, Choice::Cancel);
    let ticked = tick_all(&mut w);
    let mut expected = policy_step_ids(&w, Channel::Organization);
    expected.push(CANCELLED.to_string());
    assert_eq!(ticked, expected);
    finish(&mut w);
}

fn cancelling_a_trial() -> Wizard {
    let mut w = identify(PlanKind::FreeTrial, Channel::Web, "2026-02-27");
    choose(&mut w, Choice::Cancel);
    w
}

#[test]
fn space_on_a_ticked_step_unticks_it() {
    let mut w = cancelling_a_trial();
    send(&mut w, &[Msg::Toggle]);
    assert!(sub(&w).item("web-sign-in").is_some_and(|r| r.done));
    assert!(send(&mut w, &[Msg::Toggle]).save);
    assert_eq!(sub(&w).item("web-sign-in"), None, "nothing left to keep");
    go_to(&mut w, &item(CANCELLED));
    send(&mut w, &[Msg::Toggle]);
    assert_eq!(sub(&w).cancelled_on, Some(today()));
    send(&mut w, &[Msg::Toggle]);
    assert_eq!(sub(&w).cancelled_on, None, "untick takes the cancel back");
}

#[test]
fn a_note_is_saved_without_ticking_and_esc_leaves_it_as_it_was() {
    let mut w = cancelling_a_trial();
    send(&mut w, &[Msg::Down, Msg::EditNote]);
    assert_eq!(w.mode(), Mode::Edit);
    assert!(matches!(steps(&w).editing(), Some(Editing::Note { .. })));
    type_text(&mut w, "the menu is top left on my screen");
    assert!(send(&mut w, &[Msg::Next]).save);
    let record = sub(&w).item("web-profile-menu").expect("a record").clone();
    assert_eq!(record.note.as_deref(), Some("the menu is top left on my screen"));
    assert!(!record.done, "a note is not a tick");
    // Esc throws the edit away.
    send(&mut w, &[Msg::EditNote]);
    send(&mut w, &[Msg::Text(TextKey::Clear)]);
    type_text(&mut w, "other");
    assert!(!send(&mut w, &[Msg::Back]).save);
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(
        sub(&w).item("web-profile-menu").and_then(|r| r.note.as_deref()),
        Some("the menu is top left on my screen")
    );
    // A ticked step keeps its note and its day.
    send(&mut w, &[Msg::Toggle]);
    let record = sub(&w).item("web-profile-menu").expect("a record");
    assert_eq!(
        (record.done, record.done_on, record.note.as_deref()),
        (true, Some(today()), Some("the menu is top left on my screen"))
    );
}

#[test]
fn a_note_on_i_have_cancelled_keeps_the_cancel_date() {
    let mut w = cancelling_a_trial();
    go_to(&mut w, &item(CANCELLED));
    send(&mut w, &[Msg::EditDate]);
    type_text(&mut w, "2026-02-28");
    send(&mut w, &[Msg::Next, Msg::EditNote]);
    type_text(&mut w, "confirmation email 2026-02-28");
    send(&mut w, &[Msg::Next]);
    assert_eq!(sub(&w).cancelled_on, Some(d("2026-02-28")));
    assert_eq!(
        sub(&w).item(CANCELLED).and_then(|r| r.note.as_deref()),
        Some("confirmation email 2026-02-28")
    );
}

#[test]
fn the_cancel_date_offers_today_and_refuses_invalid_future_and_too_early_dates_inline() {
    let mut w = cancelling_a_trial();
    go_to(&mut w, &item(CANCELLED));
    send(&mut w, &[Msg::EditDate]);
    let date = |w: &Wizard| match steps(w).editing() {
        Some(Editing::Date { field, .. }) => (
            field.text().value().to_string(),
            field.error().map(str::to_string),
        ),
        other => panic!("the date field is open: {other:?}"),
    };
    assert_eq!(date(&w), ("2026-03-01".to_string(), None), "today is offered");
    for (typed, reason) in [
        ("2026-02-30", "February 2026 has 28 days"),
        ("2026-03-02", "after today, 2026-03-01"),
        ("2026-02-26", "before s1 started, Fri 2026-02-27"),
    ] {
        send(&mut w, &[Msg::Text(TextKey::Clear)]);
        type_text(&mut w, typed);
        let before = w.state().clone();
        assert!(!send(&mut w, &[Msg::Next]).save, "{typed}");
        assert_eq!(w.state(), &before, "{typed}: nothing saved");
        assert_eq!(w.mode(), Mode::Edit, "{typed}: still editing");
        let (value, error) = date(&w);
        assert_eq!(value, typed);
        assert_eq!(error.as_deref(), Some(reason), "{typed}");
    }
    // ↓ steps a day earlier; the start day itself is accepted.
    send(&mut w, &[Msg::Text(TextKey::Clear)]);
    type_text(&mut w, "2026-02-28");
    send(&mut w, &[Msg::Down]);
    assert!(send(&mut w, &[Msg::Next]).save);
    assert_eq!(sub(&w).cancelled_on, Some(d("2026-02-27")));
    assert_eq!(w.mode(), Mode::Normal);
}

/// The tester's steps: Space on "I have cancelled", `e`, 1026-03-01,
/// Enter. It was accepted, and every save after it failed (the state file
/// holds years 1900 to 2200): now it is refused in the field, with the
/// command line's reason, and ↓/PgDn stop at 1900-01-01.
#[test]
fn a_cancel_date_outside_1900_to_2200_is_refused_inline_and_stepping_stays_inside() {
    let mut w = cancelling_a_trial();
    go_to(&mut w, &item(CANCELLED));
    send(&mut w, &[Msg::Toggle, Msg::EditDate]);
    let error = |w: &Wizard| match steps(w).editing() {
        Some(Editing::Date { field, .. }) => field.error().map(str::to_string),
        other => panic!("the date field is open: {other:?}"),
    };
    let before = w.state().clone();
    for typed in ["1026-03-01", "2201-01-01"] {
        send(&mut w, &[Msg::Text(TextKey::Clear)]);
        type_text(&mut w, typed);
        assert!(!send(&mut w, &[Msg::Next]).save, "{typed}");
        assert_eq!(w.mode(), Mode::Edit, "{typed}: still editing");
        assert_eq!(
            error(&w).as_deref(),
            Some("the year must be between 1900 and 2200"),
            "{typed}"
        );
        assert_eq!(w.state(), &before, "{typed}: nothing recorded");
        let shown = w.view().field.clone().expect("the field is described");
        assert_eq!(
            shown.error.as_deref(),
            Some("the year must be between 1900 and 2200")
        );
    }
    send(&mut w, &[Msg::Text(TextKey::Clear)]);
    type_text(&mut w, "1900-01-03");
    repeat(&mut w, Msg::Down, 5);
    repeat(&mut w, Msg::PageDown, 3);
    match steps(&w).editing() {
        Some(Editing::Date { field, .. }) => assert_eq!(field.text().value(), "1900-01-01"),
        other => panic!("the date field is open: {other:?}"),
    }
    send(&mut w, &[Msg::Back]);
    assert_eq!(sub(&w).cancelled_on, Some(today()), "the tick's day is kept");
}

#[test]
fn esc_in_the_date_field_cancels_the_edit_and_keeps_the_saved_date() {
    let mut w = cancelling_a_trial();
    go_to(&mut w, &item(CANCELLED));
    send(&mut w, &[Msg::Toggle, Msg::EditDate]);
    type_text(&mut w, "2026-02-27");
    assert!(!send(&mut w, &[Msg::Back]).save);
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(sub(&w).cancelled_on, Some(today()));
    assert_eq!(w.screen(), Screen::Steps, "Esc left the field, not the screen");
}

#[test]
fn e_gives_any_step_the_day_it_was_done() {
    let mut w = cancelling_a_trial();
    send(&mut w, &[Msg::EditDate]);
    type_text(&mut w, "2026-02-28");
    assert!(send(&mut w, &[Msg::Next]).save);
    let record = sub(&w).item("web-sign-in").expect("a record");
    assert_eq!((record.done, record.done_on), (true, Some(d("2026-02-28"))));
}

#[test]
fn back_from_steps_keeps_every_tick_and_note_and_reopening_returns_to_them() {
    let mut w = cancelling_a_trial();
    send(&mut w, &[Msg::Toggle, Msg::Next, Msg::EditNote]);
    type_text(&mut w, "found it");
    send(&mut w, &[Msg::Next]);
    let saved = w.state().subscriptions.clone();
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Decide);
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Identify);
    back_home(&mut w);
    assert_eq!(w.state().subscriptions, saved);
    send(&mut w, &[Msg::Next]);
    assert_eq!(
        w.screen(),
        Screen::Steps,
        "a decided subscription opens on its steps"
    );
    assert_eq!(selected(&w), item("web-profile-menu"), "the first step not done");

    // Quit and start again: the same position.
    let mut again = open(w.state().clone());
    assert_eq!(again.screen(), Screen::Steps);
    assert_eq!(again.state().subscriptions, saved);
    send(&mut again, &[Msg::Back]);
    assert_eq!(again.screen(), Screen::Decide);
}

#[test]
fn continue_leads_to_the_next_unfinished_screen() {
    let mut w = cancelling_a_trial();
    back_home(&mut w);
    assert_eq!(route::continue_screen(sub(&w)), Some(Screen::Steps));
    send(&mut w, &[Msg::Continue]);
    assert_eq!(w.screen(), Screen::Steps);

    let mut state = State::default();
    add(&mut state, PlanKind::PlusAnnual, Channel::Web, "2025-06-15", None);
    let undecided = &state.subscriptions[0];
    assert_eq!(route::continue_screen(undecided), Some(Screen::Decide));
    assert_eq!(route::open_screen(undecided), Screen::Decide);
}

#[test]
fn the_account_kept_ticks_its_footprint_steps_as_account_items() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Account]);
    pick(&mut w, 1);
    assert_eq!(w.screen(), Screen::Steps);
    assert_eq!(steps(&w).id(), None);
    let keep: Vec<String> = w
        .policy()
        .account_keep
        .steps
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let mut expected: Vec<Entry> = keep.iter().map(|id| item(id)).collect();
    expected.push(Entry::Finish);
    assert_eq!(entries(&w), expected);
    for (n, id) in keep.iter().enumerate() {
        assert!(send(&mut w, &[Msg::Toggle]).save);
        let record = w.state().accounts[0].item(id).expect("an account item");
        assert_eq!((record.done, record.done_on), (true, Some(today())), "{id}");
        assert_eq!(w.state().accounts[0].items.len(), n + 1);
        send(&mut w, &[Msg::Next]);
    }
    assert!(w.state().subscriptions.is_empty());
    assert_eq!(selected(&w), Entry::Finish);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.screen(), Screen::Home);
    assert!(w.notice().is_some());
}

#[test]
fn a_trial_that_became_paid_shows_it_on_steps_and_esc_offers_the_conversion() {
    let mut state = State::default();
    add(&mut state, PlanKind::FreeTrial, Channel::Web, "2026-02-01", None);
    state.subscriptions[0].decision = Some(Decision::Cancel);
    let mut w = open(state);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.screen(), Screen::Steps);
    // The trial's rows stay, overdue, until the conversion is recorded.
    let rows = deadlines(w.state(), &w.policy().rules, today());
    assert!(rows.iter().all(|r| r.days_left < 0));
    send(&mut w, &[Msg::Back]);
    let Page::Decide(page) = w.page() else {
        panic!("on Decide")
    };
    assert_eq!(
        page.choices(w.state(), w.policy(), today())[0],
        Choice::Became(PlanKind::SpecializationMonthly)
    );
}

#[test]
fn the_sidebar_marks_steps_done_once_nothing_is_left_for_the_decision() {
    use coursera_exit::wizard::progress::steps;
    let steps_mark = |w: &Wizard| {
        steps(w.state(), w.policy(), Screen::Home, Some(sub(w)))
            .into_iter()
            .find(|s| s.screen == Screen::Steps)
            .map(|s| s.done)
    };
    let mut kept = identify(PlanKind::SpecializationMonthly, Channel::Web, "2026-01-31");
    assert_eq!(steps_mark(&kept), Some(false));
    choose(&mut kept, Choice::Keep);
    assert_eq!(steps_mark(&kept), Some(true), "keeping needs no ticks");
    let mut cancelling = cancelling_a_trial();
    assert_eq!(steps_mark(&cancelling), Some(false));
    go_to(&mut cancelling, &item(CANCELLED));
    send(&mut cancelling, &[Msg::Toggle]);
    assert_eq!(steps_mark(&cancelling), Some(true));
}

#[test]
fn progress_is_the_same_on_every_screen_for_the_same_state() {
    use coursera_exit::wizard::progress::{done_count, steps, task_count};
    let w = cancelling_a_trial();
    let marks = |screen: Screen, focus| {
        steps(w.state(), w.policy(), screen, focus)
            .map(|s| (s.screen, s.done))
            .to_vec()
    };
    let on_steps = marks(Screen::Steps, Some(sub(&w)));
    assert!(on_steps.iter().any(|(s, done)| *s == Screen::Decide && *done));
    // Deadlines, the checklist and the summary are about no one subscription.
    for screen in Screen::JOURNEY {
        assert_eq!(marks(screen, None), on_steps, "on {screen:?}");
    }
    let here = steps(w.state(), w.policy(), Screen::Home, None);
    let home = here.iter().find(|s| s.screen == Screen::Home).expect("Home");
    assert!(home.current && home.done, "Home on show stays ticked");
    assert_eq!(done_count(&here), 3, "Home, Identify and Decide");
    // Deadlines and Summary are views, and the account is not being deleted.
    assert_eq!(task_count(&here), 4, "Home, Identify, Decide and Steps");
}

#[test]
fn the_checklist_counts_as_a_task_only_when_the_account_is_being_deleted() {
    use coursera_exit::domain::plan::AccountDecision;
    use coursera_exit::wizard::progress::{done_count, steps, task_count};
    let w = cancelling_a_trial();
    let mut state = w.state().clone();
    for (decision, tasks) in [
        (None, 4),
        (Some(AccountDecision::Keep), 4),
        (Some(AccountDecision::Delete), 5),
    ] {
        state.accounts[0].decision = decision;
        assert_eq!(
            task_count(&steps(&state, w.policy(), Screen::Home, None)),
            tasks,
            "{decision:?}"
        );
    }
    state.accounts[0].requested_on = Some(state.subscriptions[0].started.expect("a start date"));
    let all = steps(&state, w.policy(), Screen::Home, None);
    assert_eq!(
        done_count(&all),
        3,
        "the request alone leaves the checklist open: certificates and the reply are still to come"
    );
    // Deleting an account with no subscription: the checklist is the journey.
    state.subscriptions.clear();
    let only = steps(&state, w.policy(), Screen::Home, None);
    assert_eq!((done_count(&only), task_count(&only)), (0, 1));
}

#[test]
fn the_overview_keys_work_from_steps_and_esc_comes_back() {
    let mut w = cancelling_a_trial();
    for (key, screen) in [
        (Msg::Deadlines, Screen::Deadlines),
        (Msg::Summary, Screen::Summary),
    ] {
        assert!(send(&mut w, &[key]).save, "{key:?} saves the position");
        assert_eq!(w.screen(), screen, "{key:?} from Steps");
        send(&mut w, &[Msg::Back]);
        assert_eq!(w.screen(), Screen::Steps, "Esc on {screen:?} returns to Steps");
    }
    send(&mut w, &[Msg::Account]);
    assert!(
        matches!(w.page(), Page::Decide(p) if p.id().is_none()),
        "D: the account"
    );
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Steps, "Esc on the account returns to Steps");
    send(&mut w, &[Msg::Home]);
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Home,
            subscription: Some("s1".into())
        },
        "g: Home beside the subscription"
    );
    assert!(sub(&w).decision.is_some(), "nothing is lost on the way");
}

#[test]
fn esc_on_steps_opened_from_deadlines_returns_to_deadlines_at_the_same_row() {
    let mut w = cancelling_a_trial();
    send(&mut w, &[Msg::Deadlines]);
    let Page::Deadlines(table) = w.page() else {
        panic!("on Deadlines")
    };
    let rows = deadlines(w.state(), &w.policy().rules, today());
    let row = table.selected(&rows, w.state());
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.screen(), Screen::Steps);
    send(&mut w, &[Msg::Back]);
    let Page::Deadlines(table) = w.page() else {
        panic!("Esc returns to Deadlines, not to Decide")
    };
    assert_eq!(table.selected(&rows, w.state()), row);
    // Opened on its own, Steps' Esc is still the previous step.
    send(&mut w, &[Msg::Back]);
    assert_eq!(
        w.screen(),
        Screen::Steps,
        "Deadlines' Esc: where it was opened from"
    );
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Decide);
}

#[test]
fn overview_keys_are_text_while_a_note_is_typed() {
    let mut w = cancelling_a_trial();
    send(&mut w, &[Msg::EditNote]);
    assert_eq!(w.mode(), Mode::Edit);
    send(&mut w, &[Msg::Deadlines, Msg::Summary, Msg::Home, Msg::Account]);
    assert_eq!(w.screen(), Screen::Steps);
}

#[test]
fn choosing_cancel_says_what_is_left_to_do_without_a_tick() {
    let w = cancelling_a_trial();
    let notice = w.notice().expect("a notice").text.clone();
    assert!(!notice.contains('✓'), "{notice}");
    assert!(notice.contains("I have cancelled"), "{notice}");
}

#[test]
fn esc_retraces_deadlines_and_summary_back_to_steps() {
    let mut w = cancelling_a_trial();
    send(&mut w, &[Msg::Deadlines, Msg::Summary]);
    assert_eq!(w.screen(), Screen::Summary);
    let mut trail = Vec::new();
    for _ in 0..3 {
        send(&mut w, &[Msg::Back]);
        trail.push(w.screen());
    }
    assert_eq!(trail, [Screen::Deadlines, Screen::Steps, Screen::Decide]);
}

#[test]
fn the_stores_refund_is_said_once_with_the_steps_that_cancel_and_not_for_a_plan_kept() {
    // Bought in an app: a refund is the store's to give. Said once on the
    // page (with the channel's warnings when they are there, else alone),
    // on both front ends, which draw from the same lead.
    let times = |w: &mut Wizard, store: &str| {
        w.view()
            .lead
            .iter()
            .chain(&w.view().details)
            .filter(|p| p.text.contains(store))
            .count()
    };
    let apple = "reportaproblem.apple.com";
    let google = "order history in the Play Store";
    let mut w = identify(PlanKind::SpecializationMonthly, Channel::Ios, "2026-02-25");
    choose(&mut w, Choice::Cancel);
    assert_eq!(times(&mut w, apple), 1, "{:?}", w.view().lead);
    let mut w = identify(PlanKind::PlusAnnual, Channel::Android, "2026-02-25");
    choose(&mut w, Choice::Cancel);
    assert_eq!(times(&mut w, google), 1, "{:?}", w.view().lead);
    // Nothing to cancel: the store's refund text alone says it.
    let mut state = support::wizard::single(PlanKind::CoursePurchase, Channel::Ios, "2026-02-25");
    support::wizard::resume_at(&mut state, Screen::Steps, Some("s1"));
    let mut w = open(state);
    assert_eq!(w.screen(), Screen::Steps);
    assert_eq!(times(&mut w, apple), 1, "{:?}", w.view().lead);
    let mut w = identify(PlanKind::CoursePurchase, Channel::Ios, "2026-02-25");
    choose(&mut w, Choice::Keep);
    assert_eq!(
        times(&mut w, apple),
        0,
        "nothing to ask back: {:?}",
        w.view().lead
    );
    let mut w = identify(PlanKind::SpecializationMonthly, Channel::Ios, "2026-02-25");
    choose(&mut w, Choice::Keep);
    assert_eq!(
        times(&mut w, apple),
        0,
        "nothing to ask back: {:?}",
        w.view().lead
    );
}
