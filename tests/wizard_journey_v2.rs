//! The journey of SPEC §3 "Version 2", as message sequences on the pure
//! wizard (today 2026-03-01): the refund offered first while a window is
//! open and leading the steps, the refund's arrival, the EU/UK answer from
//! any page (`A`), "not charged again" after cancelling, what to do after a
//! missed cancel-by, the warning before deleting the account, and the
//! for-credit item a person can mark "not mine".

mod support;

use coursera_exit::domain::checklist::{CANCELLED, REFUND_RECEIVED, REFUND_REQUESTED};
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{AccountDecision, Channel, Decision, PlanKind, Region};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::checklist::{Row, rows};
use coursera_exit::wizard::decide::Choice;
use coursera_exit::wizard::home::next_deadline;
use coursera_exit::wizard::steps::Entry;
use coursera_exit::wizard::{Mode, Msg, Page, Wizard};
use support::screen::lines;
use support::wizard::{add, d, open, repeat, resume_at, send, tick};

fn decide_choices(w: &Wizard) -> Vec<Choice> {
    match w.page() {
        Page::Decide(page) => page.choices(w.state(), w.policy(), w.today()),
        other => panic!("expected Decide, on {:?}", other.screen()),
    }
}

fn step_entries(w: &Wizard) -> Vec<Entry> {
    match w.page() {
        Page::Steps(page) => page.entries(w.state(), w.policy(), w.today()),
        other => panic!("expected Steps, on {:?}", other.screen()),
    }
}

fn item_ids(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Item(id) => Some(id.clone()),
            _ => None,
        })
        .collect()
}

fn screen_text(w: &Wizard, width: u16, height: u16) -> String {
    lines(w, width, height).join("\n")
}

/// The main pane's text as one line (the sidebar and borders left out), so
/// a sentence wrapped over several rows reads as written.
fn pane_text(w: &Wizard, width: u16, height: u16) -> String {
    let sidebar = if width >= 76 { 24 } else { 15 };
    let rows: Vec<String> = lines(w, width, height)
        .iter()
        .map(|l| {
            let cells: Vec<char> = l.chars().collect();
            let end = cells.len().saturating_sub(1);
            cells[(sidebar + 1).min(end)..end].iter().collect::<String>()
        })
        .collect();
    rows.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decide for one subscription bought on the website, region answered.
fn deciding(plan: PlanKind, started: &str, region: Region) -> Wizard {
    let mut state = State {
        region: Some(region),
        ..State::default()
    };
    add(&mut state, plan, Channel::Web, started, None);
    resume_at(&mut state, Screen::Decide, Some("s1"));
    open(state)
}

#[test]
fn a_specialization_in_its_first_week_offers_cancel_and_refund_first_with_its_last_day() {
    // Enrolled 2026-02-25: refund-by = 02-25 + 7 − 1 = 03-03.
    let w = deciding(PlanKind::SpecializationMonthly, "2026-02-25", Region::Elsewhere);
    assert_eq!(decide_choices(&w)[0], Choice::Refund);
    // At 80 columns the weekday would cut the line: it goes.
    let screen = screen_text(&w, 80, 24);
    assert!(
        screen.contains("Cancel and ask for a refund (until 2026-03-03)"),
        "{screen}"
    );
    let wide = screen_text(&w, 100, 30);
    assert!(
        wide.contains("Cancel and ask for a refund (until Tue 2026-03-03)"),
        "{wide}"
    );
}

#[test]
fn plus_monthly_elsewhere_offers_no_refund_but_in_the_eu_offers_the_withdrawal() {
    // Plus monthly is never refunded by Coursera (2026 terms).
    let w = deciding(PlanKind::PlusMonthly, "2026-02-27", Region::Elsewhere);
    assert!(!decide_choices(&w).contains(&Choice::Refund));
    // In the EU/UK: 14 days from 02-27, a day inside: 03-12.
    let w = deciding(PlanKind::PlusMonthly, "2026-02-27", Region::EuUk);
    assert_eq!(decide_choices(&w)[0], Choice::Refund);
    assert!(screen_text(&w, 100, 30).contains("(until Thu 2026-03-12)"));
}

#[test]
fn the_refund_choice_stays_on_offer_after_keeping_the_plan() {
    // Keeping hides the refund rows; changing one's mind must still find them.
    let mut w = deciding(PlanKind::PlusAnnual, "2026-02-27", Region::Elsewhere);
    let keep = decide_choices(&w)
        .iter()
        .position(|c| *c == Choice::Keep)
        .expect("keep");
    repeat(&mut w, Msg::Down, keep);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().subscriptions[0].decision, Some(Decision::Keep));
    send(&mut w, &[Msg::Back]);
    assert_eq!(decide_choices(&w)[0], Choice::Refund);
}

#[test]
fn cancel_and_refund_leads_the_steps_with_the_refund_and_a_plain_cancel_does_not() {
    let mut w = deciding(PlanKind::PlusAnnual, "2026-02-27", Region::Elsewhere);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.screen(), Screen::Steps);
    let sub = &w.state().subscriptions[0];
    assert_eq!(sub.decision, Some(Decision::Cancel));
    assert!(sub.refund_wanted, "the refund is remembered as wanted");
    let ids = item_ids(&step_entries(&w));
    assert_eq!(ids.first().map(String::as_str), Some("refund-help-center"));
    let requested = ids.iter().position(|i| i == REFUND_REQUESTED).expect("listed");
    let cancelled = ids.iter().position(|i| i == CANCELLED).expect("listed");
    assert!(requested < cancelled, "{ids:?}");
    assert!(
        !ids.iter().any(|i| i == REFUND_RECEIVED),
        "nothing can arrive before it is asked for: {ids:?}"
    );

    // The same plan, cancelled without asking for the money: cancel first.
    let mut w = deciding(PlanKind::PlusAnnual, "2026-02-27", Region::Elsewhere);
    let cancel = decide_choices(&w)
        .iter()
        .position(|c| *c == Choice::Cancel)
        .expect("cancel");
    repeat(&mut w, Msg::Down, cancel);
    send(&mut w, &[Msg::Next]);
    assert!(!w.state().subscriptions[0].refund_wanted);
    let ids = item_ids(&step_entries(&w));
    assert_eq!(ids.first().map(String::as_str), Some("web-sign-in"));
}

#[test]
fn after_asking_the_arrival_is_ticked_and_its_date_shown() {
    let mut w = deciding(PlanKind::CoursePurchase, "2026-02-26", Region::Elsewhere);
    send(&mut w, &[Msg::Next]);
    let ids = item_ids(&step_entries(&w));
    let asked = ids.iter().position(|i| i == REFUND_REQUESTED).expect("listed");
    repeat(&mut w, Msg::Up, 10);
    repeat(&mut w, Msg::Down, asked);
    send(&mut w, &[Msg::Toggle]);
    assert_eq!(
        w.state().subscriptions[0].refund_requested_on,
        Some(d("2026-03-01"))
    );
    // Ten business days after Sunday 03-01: Friday 03-13.
    let screen = screen_text(&w, 100, 40);
    assert!(screen.contains("Refund due Fri 2026-03-13"), "{screen}");
    let ids = item_ids(&step_entries(&w));
    let arrived = ids
        .iter()
        .position(|i| i == REFUND_RECEIVED)
        .expect("listed once asked");
    repeat(&mut w, Msg::Up, 10);
    repeat(&mut w, Msg::Down, arrived);
    send(&mut w, &[Msg::Toggle]);
    assert_eq!(
        w.state().subscriptions[0].refund_received_on,
        Some(d("2026-03-01"))
    );
    let row = w
        .deadlines()
        .iter()
        .find(|r| r.kind.id() == "refund-expected")
        .expect("still listed");
    assert!(row.done, "the arrival is done once ticked");
}

#[test]
fn a_opens_where_you_live_from_any_page_and_the_answer_changes_the_dates() {
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-27",
        None,
    );
    resume_at(&mut state, Screen::Steps, Some("s1"));
    let mut w = open(state);
    assert!(!w.deadlines().iter().any(|r| r.kind.id() == "withdrawal-by"));
    send(&mut w, &[Msg::Region]);
    let (_, cursor) = w.region_question().expect("open over Steps");
    assert_eq!(cursor, 1, "the saved answer (no) is highlighted");
    assert!(screen_text(&w, 80, 24).contains("Do you live in the EU or the UK?"));
    let effects = send(&mut w, &[Msg::Up, Msg::Next]);
    assert!(effects.save, "the answer is saved");
    assert!(w.region_question().is_none());
    assert_eq!(w.state().region, Some(Region::EuUk));
    assert_eq!(w.screen(), Screen::Steps, "the page underneath stays");
    let withdrawal = w
        .deadlines()
        .iter()
        .find(|r| r.kind.id() == "withdrawal-by")
        .expect("the withdrawal date appears at once");
    assert_eq!(withdrawal.date, d("2026-03-12"));

    // "Not sure" takes the answer back: counted as elsewhere until answered.
    send(&mut w, &[Msg::Region, Msg::Down, Msg::Down, Msg::Next]);
    assert_eq!(w.state().region, None);
    assert!(!w.deadlines().iter().any(|r| r.kind.id() == "withdrawal-by"));
    // Esc closes it without a change.
    send(&mut w, &[Msg::Region, Msg::Up, Msg::Back]);
    assert_eq!(w.state().region, None);
}

#[test]
fn d_opens_the_account_decision() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Account]);
    assert_eq!(w.screen(), Screen::Decide);
    assert_eq!(
        decide_choices(&w),
        vec![Choice::DeleteAccount, Choice::KeepAccount]
    );
}

#[test]
fn after_cancelling_home_says_it_will_not_be_charged_again_and_the_frozen_dates_are_not_most_urgent() {
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    add(&mut state, PlanKind::FreeTrial, Channel::Web, "2026-02-25", None);
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-10",
        None,
    );
    tick(&mut state, CANCELLED, Some("s1"), "2026-02-28");
    let w = open(state);
    // The trial's last day (03-03) is closer than Plus's cancel-by (03-08),
    // but cancelled, it asks nothing: Plus is what needs doing.
    let next = next_deadline(w.deadlines(), w.state(), None).expect("a row");
    assert_eq!(next.subscription.as_deref(), Some("s2"));
    assert_eq!(next.kind.id(), "cancel-by");
    let wide = screen_text(&w, 100, 30);
    assert!(
        wide.contains("✓ You will not be charged again; access until Tue 2026-03-03"),
        "{wide}"
    );
    // At the design size, SPEC §3's sentence as written (on two lines,
    // broken after "again;"), not a shorter one.
    let screen = pane_text(&w, 80, 24);
    assert!(
        screen.contains("✓ You will not be charged again; access until Tue 2026-03-03"),
        "{screen}"
    );
    assert!(
        screen_text(&w, 80, 24).contains("│   ✓ You will not be charged again;"),
        "broken after 'again;'"
    );
    // At 60x20 too.
    let narrow = pane_text(&w, 60, 20);
    assert!(
        narrow.contains("✓ You will not be charged again; access until Tue 2026-03-03"),
        "{narrow}"
    );
}

#[test]
fn a_missed_cancel_by_says_to_cancel_today_before_the_next_charge() {
    // Plus monthly from 2026-01-02: next charge 03-02, cancel-by 02-28 (missed).
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-01-02",
        None,
    );
    resume_at(&mut state, Screen::Home, Some("s1"));
    let w = open(state);
    let home = pane_text(&w, 80, 24);
    assert!(
        home.contains("cancel today anyway — the next charge is on Mon 2026-03-02"),
        "{home}"
    );
    let mut state = w.state().clone();
    state.subscriptions[0].decision = Some(Decision::Cancel);
    resume_at(&mut state, Screen::Steps, Some("s1"));
    let w = open(state);
    let steps = pane_text(&w, 80, 24);
    assert!(
        steps.contains("cancel today anyway — the next charge is on Mon 2026-03-02"),
        "{steps}"
    );
    assert!(steps.contains("cannot be asked back"), "{steps}");
}

#[test]
fn a_missed_cancel_by_on_deadlines_says_what_to_do_now_in_the_words_of_its_steps() {
    // Plus monthly from 2026-01-02: next charge 03-02, cancel-by 02-28 (missed).
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-01-02",
        None,
    );
    state.subscriptions[0].decision = Some(Decision::Cancel);
    resume_at(&mut state, Screen::Steps, Some("s1"));
    let w = open(state.clone());
    let advice = w
        .view()
        .lead
        .iter()
        .find(|p| p.text.contains("cancel today anyway"))
        .map(|p| p.text.clone())
        .expect("Steps says what to do now");
    resume_at(&mut state, Screen::Deadlines, Some("s1"));
    let w = open(state);
    // The missed cancel-by is the row highlighted; its details say the same.
    let details: Vec<String> = w.view().details.iter().map(|p| p.text.clone()).collect();
    assert!(details[0].starts_with("Last day to cancel"), "{details:?}");
    assert!(details.contains(&advice), "{details:?}");
    for (width, height) in [(80, 24), (60, 20)] {
        let pane = pane_text(&w, width, height);
        assert!(
            pane.contains("cancel today anyway — the next charge is on Mon 2026-03-02"),
            "{width}x{height}: {pane}"
        );
    }
}

#[test]
fn deleting_the_account_with_money_at_stake_asks_first_and_no_keeps_everything() {
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    add(
        &mut state,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-27",
        Some("Python"),
    );
    add(&mut state, PlanKind::PlusAnnual, Channel::Web, "2025-06-01", None);
    resume_at(&mut state, Screen::Decide, None);
    let mut w = open(state);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.mode(), Mode::Confirm, "a yes is needed first");
    let Page::Decide(page) = w.page() else {
        panic!("still on Decide")
    };
    let warnings = page.confirming_delete().expect("warnings").join("\n");
    // Course refund-by: 02-27 + 7 − 1 = 03-05; Plus yearly paid until 2026-05-31.
    assert!(
        warnings.contains(
            "Python (s1): a refund is still possible until Thu 2026-03-05 — ask before you delete."
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains("(s2) is paid until Sun 2026-05-31"),
        "{warnings}"
    );
    send(&mut w, &[Msg::No]);
    assert_eq!(w.state().accounts[0].decision, None, "no changes nothing");
    assert_eq!(w.screen(), Screen::Decide);
    send(&mut w, &[Msg::Next, Msg::Yes]);
    assert_eq!(w.state().accounts[0].decision, Some(AccountDecision::Delete));
    assert_eq!(w.screen(), Screen::Checklist);
}

#[test]
fn before_deleting_a_refund_still_possible_is_said_first_and_no_key_is_offered_that_the_question_ignores() {
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    // Three plans paid for, then a course whose refund window is open
    // (02-27 + 7 − 1 = 03-05): four warnings, three spelled out.
    add(&mut state, PlanKind::PlusAnnual, Channel::Web, "2025-06-01", None);
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-10",
        None,
    );
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-12",
        None,
    );
    add(
        &mut state,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-27",
        Some("Python"),
    );
    resume_at(&mut state, Screen::Decide, None);
    let mut w = open(state);
    // The details, where `t` works, may point to it.
    let details: Vec<String> = w.view().details.iter().map(|p| p.text.clone()).collect();
    assert!(
        details[1].contains("Python (s4): a refund is still possible"),
        "{details:?}"
    );
    assert!(details.iter().any(|p| p.contains("Deadlines (t)")), "{details:?}");
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.mode(), Mode::Confirm);
    let Page::Decide(page) = w.page() else {
        panic!("still on Decide")
    };
    let warnings = page.confirming_delete().expect("warnings").to_vec();
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    assert!(
        warnings[0].starts_with("Python (s4): a refund is still possible until Thu 2026-03-05"),
        "money comes first: {warnings:?}"
    );
    assert_eq!(warnings[3], "…and 1 more: see Deadlines after answering.");
    // Only y and n answer the question: no other key is named in it.
    let said = lines(&w, 80, 24).join("\n");
    assert!(said.contains("a refund is still possible"), "{said}");
    assert!(!said.contains("(t)"), "{said}");
    w.update(Msg::Deadlines);
    assert_eq!(w.mode(), Mode::Confirm, "t does nothing in the question");
    // More refunds than are spelled out: the count says what is left out.
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    for _ in 0..4 {
        add(
            &mut state,
            PlanKind::CoursePurchase,
            Channel::Web,
            "2026-02-27",
            None,
        );
    }
    resume_at(&mut state, Screen::Decide, None);
    let mut w = open(state);
    send(&mut w, &[Msg::Next]);
    let Page::Decide(page) = w.page() else {
        panic!("still on Decide")
    };
    let warnings = page.confirming_delete().expect("warnings");
    assert_eq!(
        warnings.last().map(String::as_str),
        Some("…and 1 more refund still possible: see Deadlines after answering.")
    );
}

#[test]
fn deleting_with_nothing_at_stake_needs_no_extra_yes() {
    let mut state = State::default();
    resume_at(&mut state, Screen::Decide, None);
    let mut w = open(state);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.screen(), Screen::Checklist);
}

#[test]
fn the_for_credit_item_can_be_marked_not_mine_and_brought_back() {
    let mut state = State::default();
    state.accounts[0].decision = Some(AccountDecision::Delete);
    resume_at(&mut state, Screen::Checklist, None);
    let mut w = open(state);
    let at = rows(w.state(), w.policy())
        .iter()
        .position(|r| r.id() == "for-credit")
        .expect("listed until answered");
    repeat(&mut w, Msg::Down, at);
    send(&mut w, &[Msg::Remove]);
    assert_eq!(w.state().accounts[0].for_credit, Some(false));
    let row = rows(w.state(), w.policy())
        .into_iter()
        .nth(at)
        .expect("kept in place");
    assert!(matches!(row, Row::NotUsed(rule) if rule.id == "for-credit"));
    send(&mut w, &[Msg::Toggle]);
    assert_eq!(w.state().accounts[0].for_credit, Some(true));
}

#[test]
fn a_trials_length_is_shown_beside_its_name() {
    let mut state = State::default();
    add(&mut state, PlanKind::FreeTrial, Channel::Web, "2026-02-25", None);
    state.subscriptions[0].trial_days = Some(14);
    let w = open(state);
    assert!(screen_text(&w, 80, 24).contains("Free trial (14 days)"));
}
