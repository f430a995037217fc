//! Decide as message sequences: the choices each plan offers, the dates each
//! choice leads to (from the domain, never changed by looking), what choosing
//! saves and where it goes, the trial that became a paid plan, and the account.

mod support;

use coursera_exit::domain::actions::{self, Tick};
use coursera_exit::domain::deadlines::{DeadlineKind, deadlines};
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{AccountDecision, Channel, Decision, PlanKind, Region};
use coursera_exit::domain::state::{Pause, State};
use coursera_exit::wizard::decide::{Choice, Decide, TRIAL_BECOMES};
use coursera_exit::wizard::identify::Question;
use coursera_exit::wizard::{Msg, Page, Wizard};
use support::wizard::{add, d, open, repeat, resume_at, send, single, today};

fn decide(w: &Wizard) -> &Decide {
    match w.page() {
        Page::Decide(page) => page,
        other => panic!("expected Decide, on {:?}", other.screen()),
    }
}

fn choices(w: &Wizard) -> Vec<Choice> {
    decide(w).choices(w.state(), w.policy(), w.today())
}

fn highlighted(w: &Wizard) -> Choice {
    let all = choices(w);
    all[decide(w).cursor(&all)]
}

/// Highlights `choice` (it must be offered).
fn highlight(w: &mut Wizard, choice: Choice) {
    let at = choices(w)
        .iter()
        .position(|c| *c == choice)
        .unwrap_or_else(|| panic!("{choice:?} is not offered: {:?}", choices(w)));
    repeat(w, Msg::Up, 8);
    repeat(w, Msg::Down, at);
    assert_eq!(highlighted(w), choice);
}

/// A wizard on Decide for one subscription of `plan` bought on `channel` on
/// `started`, added from the command line (where one lives: not answered).
fn on_decide(plan: PlanKind, channel: Channel, started: &str) -> Wizard {
    let mut state = single(plan, channel, started);
    resume_at(&mut state, Screen::Decide, Some("s1"));
    let w = open(state);
    assert_eq!(decide(&w).id(), Some("s1"));
    w
}

/// The state of [`on_decide`] for a plan bought on the website, to change before opening.
fn decide_state(plan: PlanKind, started: &str) -> State {
    on_decide(plan, Channel::Web, started).state().clone()
}

/// The kinds and dates `choice` shows.
fn shown(w: &Wizard, choice: Choice) -> Vec<(DeadlineKind, String)> {
    decide(w)
        .dates(w.state(), w.policy(), w.today(), choice)
        .into_iter()
        .map(|r| (r.kind, r.date.to_string()))
        .collect()
}

#[test]
fn each_plan_offers_the_choices_that_apply_to_it() {
    let pause_lengths: Vec<Choice> = open(State::default())
        .policy()
        .pause
        .months
        .iter()
        .map(|m| Choice::Pause(*m))
        .collect();
    assert_eq!(pause_lengths.len(), 3, "the policy offers 1, 2 or 3 months");
    let mut monthly_spec = pause_lengths.clone();
    monthly_spec.extend([Choice::Cancel, Choice::Keep]);
    // In its first week the first payment can still come back: that leads.
    let mut first_week_spec = vec![Choice::Refund];
    first_week_spec.extend(monthly_spec.iter().copied());
    let cases = [
        (
            PlanKind::FreeTrial,
            Channel::Web,
            "2026-02-27",
            vec![Choice::Cancel, Choice::Keep],
        ),
        // The latest payment (02-28) is not the first: no refund-by.
        (
            PlanKind::SpecializationMonthly,
            Channel::Web,
            "2026-01-31",
            monthly_spec,
        ),
        // First payment 02-25: refund-by = 02-25 + 7 − 1 = 03-03, open.
        (
            PlanKind::SpecializationMonthly,
            Channel::Web,
            "2026-02-25",
            first_week_spec,
        ),
        // Plus monthly is never refunded (outside the EU and the UK).
        (
            PlanKind::PlusMonthly,
            Channel::Web,
            "2026-02-25",
            vec![Choice::Cancel, Choice::Keep],
        ),
        (
            PlanKind::PlusMonthly,
            Channel::Ios,
            "2026-02-20",
            vec![Choice::Cancel, Choice::Keep],
        ),
        (
            PlanKind::PlusAnnual,
            Channel::Android,
            "2025-06-15",
            vec![Choice::Cancel, Choice::Keep],
        ),
        // Bought 2026-02-25: refund-by = 02-25 + 7 − 1 = 03-03.
        (
            PlanKind::CoursePurchase,
            Channel::Web,
            "2026-02-25",
            vec![Choice::Refund, Choice::Keep],
        ),
        // Bought 2026-01-10: the window closed on 01-16.
        (
            PlanKind::CoursePurchase,
            Channel::Web,
            "2026-01-10",
            vec![Choice::Keep],
        ),
        // Through an app store: Apple or Google refund it, not Coursera.
        (
            PlanKind::CoursePurchase,
            Channel::Ios,
            "2026-02-25",
            vec![Choice::Keep],
        ),
        (
            PlanKind::Organization,
            Channel::Organization,
            "2025-09-01",
            vec![Choice::Cancel, Choice::Keep],
        ),
    ];
    for (plan, channel, started, expected) in cases {
        let w = on_decide(plan, channel, started);
        assert_eq!(choices(&w), expected, "{plan:?} {channel:?} {started}");
    }
}

#[test]
fn cancel_shows_the_cancel_by_access_and_refund_rows_of_the_subscription() {
    // SPEC §4 worked case shape: Plus monthly from 2026-02-20, today 03-01:
    // next charge 03-20, access until 03-19, cancel by 03-18; no refund-by.
    let w = on_decide(PlanKind::PlusMonthly, Channel::Web, "2026-02-20");
    assert_eq!(
        shown(&w, Choice::Cancel),
        [
            (DeadlineKind::CancelBy, "2026-03-18".to_string()),
            (DeadlineKind::AccessUntil, "2026-03-19".to_string()),
        ]
    );
    assert_eq!(
        shown(&w, Choice::Keep),
        [(DeadlineKind::NextCharge, "2026-03-20".to_string())]
    );
    // A Specialization in its first week: refund by 02-25 + 7 − 1 = 03-03;
    // next charge 03-25, access until 03-24, cancel by 03-23. Keeping it
    // gives the refund up.
    let spec = on_decide(PlanKind::SpecializationMonthly, Channel::Web, "2026-02-25");
    let cancelled = [
        (DeadlineKind::RefundBy, "2026-03-03".to_string()),
        (DeadlineKind::CancelBy, "2026-03-23".to_string()),
        (DeadlineKind::AccessUntil, "2026-03-24".to_string()),
    ];
    assert_eq!(shown(&spec, Choice::Refund), cancelled);
    assert_eq!(shown(&spec, Choice::Cancel), cancelled);
    assert_eq!(
        shown(&spec, Choice::Keep),
        [(DeadlineKind::NextCharge, "2026-03-25".to_string())]
    );
    // A trial: cancel by the day before its last day, which it keeps, and
    // the charge that cancelling late would bring (a newcomer missed it).
    let trial = on_decide(PlanKind::FreeTrial, Channel::Web, "2026-02-27");
    assert_eq!(
        shown(&trial, Choice::Cancel),
        [
            (DeadlineKind::CancelBy, "2026-03-04".to_string()),
            (DeadlineKind::TrialLastDay, "2026-03-05".to_string()),
            (DeadlineKind::FirstCharge, "2026-03-06".to_string()),
        ]
    );
}

#[test]
fn a_pause_shows_the_dates_the_domain_gives_a_copy_with_the_pause_applied() {
    let w = on_decide(PlanKind::SpecializationMonthly, Channel::Web, "2026-01-31");
    let before = w.state().clone();
    for months in [1, 2, 3] {
        // What the command line would give after `decide s1 --pause N` today.
        let mut copy = before.clone();
        actions::decide(
            &mut copy,
            "s1",
            actions::Choice::Pause { months },
            None,
            w.policy(),
            today(),
        )
        .expect("a pause");
        let expected: Vec<(DeadlineKind, String)> = deadlines(&copy, &w.policy().rules, today())
            .into_iter()
            .map(|r| (r.kind, r.date.to_string()))
            .collect();
        assert_eq!(shown(&w, Choice::Pause(months)), expected, "{months} months");
    }
    // Chosen on 03-01 for 2 months: the pause begins when the paid month
    // ends, at the first charge on or after 03-01 (01-31 + 2 months =
    // 03-31); billing resumes 01-31 + (2 + 2) months = 05-31; cancel by
    // 05-31 − 1 day − margin = 05-29.
    assert_eq!(
        shown(&w, Choice::Pause(2)),
        [
            (DeadlineKind::CancelBy, "2026-05-29".to_string()),
            (DeadlineKind::PauseResumes, "2026-05-31".to_string()),
        ]
    );
    assert_eq!(w.state(), &before, "looking at a choice changes nothing");
}

#[test]
fn moving_through_the_choices_saves_nothing_and_enter_records_the_highlighted_one() {
    let mut w = on_decide(PlanKind::SpecializationMonthly, Channel::Web, "2026-01-31");
    for msg in [Msg::Down, Msg::Down, Msg::Up, Msg::PageDown, Msg::PageUp] {
        assert!(!w.update(msg).save, "{msg:?}");
    }
    assert_eq!(w.state().subscriptions[0].decision, None);
    highlight(&mut w, Choice::Pause(3));
    assert!(send(&mut w, &[Msg::Next]).save);
    let sub = &w.state().subscriptions[0];
    assert_eq!(sub.decision, Some(Decision::Pause));
    assert_eq!(
        sub.pause,
        Some(Pause {
            from: today(),
            months: 3
        })
    );
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Steps,
            subscription: Some("s1".into())
        }
    );
}

#[test]
fn every_choice_is_recorded_as_its_decision_and_goes_to_steps() {
    let cases = [
        (
            PlanKind::FreeTrial,
            Channel::Web,
            "2026-02-27",
            Choice::Cancel,
            Decision::Cancel,
        ),
        (
            PlanKind::FreeTrial,
            Channel::Web,
            "2026-02-27",
            Choice::Keep,
            Decision::Keep,
        ),
        (
            PlanKind::PlusAnnual,
            Channel::Ios,
            "2025-06-15",
            Choice::Cancel,
            Decision::Cancel,
        ),
        (
            PlanKind::CoursePurchase,
            Channel::Web,
            "2026-02-25",
            Choice::Refund,
            Decision::Cancel,
        ),
        (
            PlanKind::CoursePurchase,
            Channel::Web,
            "2026-02-25",
            Choice::Keep,
            Decision::Keep,
        ),
        (
            PlanKind::Organization,
            Channel::Organization,
            "2025-09-01",
            Choice::Cancel,
            Decision::Cancel,
        ),
    ];
    for (plan, channel, started, choice, decision) in cases {
        let mut w = on_decide(plan, channel, started);
        highlight(&mut w, choice);
        assert!(send(&mut w, &[Msg::Next]).save);
        let sub = &w.state().subscriptions[0];
        assert_eq!(sub.decision, Some(decision), "{plan:?} {choice:?}");
        assert_eq!(sub.pause, None);
        assert_eq!(w.screen(), Screen::Steps, "{plan:?} {choice:?}");
        assert!(w.notice().is_some(), "it says what was recorded");
    }
}

#[test]
fn a_second_choice_replaces_the_first_and_a_longer_pause_keeps_the_day_it_was_chosen() {
    let mut state = State::default();
    add(
        &mut state,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-01-31",
        None,
    );
    let policy = open(State::default()).policy().clone();
    actions::decide(
        &mut state,
        "s1",
        actions::Choice::Pause { months: 1 },
        Some(d("2026-02-10")),
        &policy,
        today(),
    )
    .expect("a pause");
    resume_at(&mut state, Screen::Decide, Some("s1"));
    let mut w = open(state);
    assert_eq!(
        highlighted(&w),
        Choice::Pause(1),
        "the saved answer is highlighted"
    );
    assert_eq!(decide(&w).answer(w.state()), Some(Choice::Pause(1)));
    highlight(&mut w, Choice::Pause(2));
    send(&mut w, &[Msg::Next]);
    assert_eq!(
        w.state().subscriptions[0].pause,
        Some(Pause {
            from: d("2026-02-10"),
            months: 2
        }),
        "a longer pause, chosen on the same day"
    );
    send(&mut w, &[Msg::Back]);
    highlight(&mut w, Choice::Cancel);
    send(&mut w, &[Msg::Next]);
    let sub = &w.state().subscriptions[0];
    assert_eq!((sub.decision, sub.pause), (Some(Decision::Cancel), None));
}

#[test]
fn a_cancelled_subscription_cannot_be_paused_or_kept_until_the_cancel_is_taken_back() {
    let mut w = on_decide(PlanKind::SpecializationMonthly, Channel::Web, "2026-01-31");
    let mut state = w.state().clone();
    let tick = Tick {
        item: "cancelled",
        subscription: Some("s1"),
        account: None,
        note: None,
        on: None,
        undo: false,
    };
    actions::done(&mut state, tick, w.policy(), today()).expect("cancelled");
    state.journey = w.state().journey.clone();
    w = open(state);
    for choice in [Choice::Pause(1), Choice::Keep] {
        highlight(&mut w, choice);
        let before = w.state().clone();
        assert!(!send(&mut w, &[Msg::Next]).save);
        assert_eq!(w.state(), &before, "{choice:?}");
        assert_eq!(w.screen(), Screen::Decide);
        let notice = w.notice().expect("a reason").text.clone();
        assert!(notice.contains("I have cancelled"), "{notice}");
    }
}

#[test]
fn back_goes_to_the_answers_then_home_and_keeps_every_answer() {
    let mut state = decide_state(PlanKind::SpecializationMonthly, "2026-01-31");
    state.region = Some(Region::Elsewhere);
    let mut w = open(state);
    highlight(&mut w, Choice::Pause(2));
    send(&mut w, &[Msg::Next]);
    let decided = w.state().subscriptions.clone();
    assert!(
        send(&mut w, &[Msg::Back]).save,
        "Steps → Decide saves the position"
    );
    assert_eq!(w.screen(), Screen::Decide);
    assert_eq!(highlighted(&w), Choice::Pause(2), "the answer is marked");
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Identify);
    // From the last question (certificate) back through date, plan, channel.
    repeat(&mut w, Msg::Back, 4);
    assert_eq!(w.screen(), Screen::Home);
    assert_eq!(
        w.state().subscriptions,
        decided,
        "nothing was lost on the way back"
    );
    // Enter on Home now opens the steps of the decision.
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.screen(), Screen::Steps);
}

#[test]
fn back_from_decide_asks_where_one_lives_while_it_is_unanswered() {
    // Added from the command line: nobody was asked yet.
    let mut w = on_decide(PlanKind::SpecializationMonthly, Channel::Web, "2026-01-31");
    send(&mut w, &[Msg::Back]);
    let Page::Identify(page) = w.page() else {
        panic!("on Identify")
    };
    assert_eq!(page.question(), Question::Region);
    // Answered: the questions are all there is to go back through.
    let mut state = decide_state(PlanKind::SpecializationMonthly, "2026-01-31");
    state.region = Some(Region::EuUk);
    let mut w = open(state);
    send(&mut w, &[Msg::Back]);
    let Page::Identify(page) = w.page() else {
        panic!("on Identify")
    };
    // Back from Decide retraces the questions from the last one (the review
    // found Esc jumping to question 1); the region is not asked again.
    assert_eq!(page.question(), Question::Certificate, "the last question");
}

#[test]
fn a_trial_past_its_first_charge_asks_which_plan_it_became_then_offers_that_plans_choices() {
    // Started 02-01: first charge 02-08, before today (03-01).
    let mut w = on_decide(PlanKind::FreeTrial, Channel::Web, "2026-02-01");
    assert_eq!(
        decide(&w).converted_on(w.state(), w.policy(), today()),
        Some(d("2026-02-08"))
    );
    let offered: Vec<Choice> = TRIAL_BECOMES.into_iter().map(Choice::Became).collect();
    assert_eq!(choices(&w), offered);
    // Plus monthly from 02-08: next charge 03-08, cancel by 03-06, and no refund of that first charge.
    assert_eq!(
        shown(&w, Choice::Became(PlanKind::PlusMonthly)),
        [
            (DeadlineKind::CancelBy, "2026-03-06".to_string()),
            (DeadlineKind::NextCharge, "2026-03-08".to_string()),
        ]
    );
    highlight(&mut w, Choice::Became(PlanKind::PlusMonthly));
    assert!(send(&mut w, &[Msg::Next]).save);
    let sub = &w.state().subscriptions[0];
    assert_eq!(sub.plan, Some(PlanKind::PlusMonthly));
    assert_eq!(sub.started, Some(d("2026-02-08")));
    assert!(sub.converted_from_trial());
    assert_eq!(
        sub.trial_started,
        Some(d("2026-02-01")),
        "the trial's start is kept"
    );
    assert_eq!(
        sub.label,
        w.policy().plan(PlanKind::PlusMonthly).name,
        "the default label follows"
    );
    assert_eq!(
        w.screen(),
        Screen::Decide,
        "still deciding, now about the paid plan"
    );
    assert_eq!(decide(&w).converted_on(w.state(), w.policy(), today()), None);
    assert_eq!(choices(&w), [Choice::Cancel, Choice::Keep]);
    assert_eq!(highlighted(&w), Choice::Cancel);
    assert!(
        !shown(&w, Choice::Cancel)
            .iter()
            .any(|(k, _)| *k == DeadlineKind::RefundBy),
        "a trial's first charge is not refundable"
    );
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().subscriptions[0].decision, Some(Decision::Cancel));
    assert_eq!(w.screen(), Screen::Steps);
}

#[test]
fn a_trial_before_its_first_charge_is_not_asked_about_conversion() {
    let w = on_decide(PlanKind::FreeTrial, Channel::Web, "2026-02-22");
    assert_eq!(decide(&w).converted_on(w.state(), w.policy(), today()), None);
    assert_eq!(choices(&w), [Choice::Cancel, Choice::Keep]);
}

#[test]
fn capital_d_on_home_decides_about_the_account() {
    let mut w = open(State::default());
    assert!(send(&mut w, &[Msg::Account]).save);
    assert_eq!(decide(&w).id(), None);
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Decide,
            subscription: None
        }
    );
    assert_eq!(choices(&w), [Choice::DeleteAccount, Choice::KeepAccount]);
    assert!(
        decide(&w)
            .dates(w.state(), w.policy(), today(), Choice::DeleteAccount)
            .is_empty(),
        "no date until a deletion is requested"
    );
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Home);
}

#[test]
fn deleting_the_account_goes_to_the_checklist_and_keeping_it_to_its_steps() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Account]);
    highlight(&mut w, Choice::DeleteAccount);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().accounts[0].decision, Some(AccountDecision::Delete));
    assert_eq!(
        w.state().accounts[0].requested_on,
        None,
        "planning is not requesting"
    );
    assert_eq!(w.screen(), Screen::Checklist);

    let mut w = open(State::default());
    send(&mut w, &[Msg::Account]);
    highlight(&mut w, Choice::KeepAccount);
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().accounts[0].decision, Some(AccountDecision::Keep));
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Steps,
            subscription: None
        }
    );
}

#[test]
fn keeping_the_account_after_a_deletion_request_asks_to_take_the_request_back_first() {
    let mut state = State::default();
    actions::delete_account(&mut state, None, Some(d("2026-02-20")), false, today()).expect("requested");
    resume_at(&mut state, Screen::Decide, None);
    let mut w = open(state);
    assert_eq!(highlighted(&w), Choice::DeleteAccount, "the saved answer");
    highlight(&mut w, Choice::KeepAccount);
    let before = w.state().clone();
    assert!(!send(&mut w, &[Msg::Next]).save);
    assert_eq!(w.state(), &before);
    assert_eq!(w.state().accounts[0].requested_on, Some(d("2026-02-20")));
    assert!(w.notice().is_some_and(|n| n.text.contains("Request deletion")));
}

#[test]
fn a_decide_position_for_a_subscription_that_is_gone_opens_home() {
    let state = State {
        journey: Journey {
            screen: Screen::Decide,
            subscription: Some("s4".into()),
        },
        ..State::default()
    };
    let w = open(state);
    assert_eq!(w.screen(), Screen::Home);
}

#[test]
fn a_decide_position_for_an_incomplete_subscription_opens_its_questions() {
    let mut state = State::default();
    let id = actions::add_blank(&mut state, "New subscription").expect("an id");
    resume_at(&mut state, Screen::Decide, Some(&id));
    let w = open(state);
    assert_eq!(w.screen(), Screen::Identify);
}

#[test]
fn a_cancel_or_refund_chosen_is_not_shown_as_done_but_names_the_step_that_finishes_it() {
    let cases = [
        (
            PlanKind::SpecializationMonthly,
            Channel::Web,
            "2026-02-20",
            Choice::Cancel,
            "I have cancelled",
        ),
        (
            PlanKind::CoursePurchase,
            Channel::Web,
            "2026-02-25",
            Choice::Refund,
            "I have asked for a refund",
        ),
    ];
    for (plan, channel, started, choice, step) in cases {
        let mut w = on_decide(plan, channel, started);
        highlight(&mut w, choice);
        send(&mut w, &[Msg::Next]);
        let notice = w.notice().expect("a notice").text.clone();
        assert!(!notice.contains('✓'), "{choice:?}: {notice}");
        assert!(notice.contains(step), "{choice:?}: {notice}");
    }
    // Keeping is done once chosen.
    let mut w = on_decide(PlanKind::SpecializationMonthly, Channel::Web, "2026-02-20");
    highlight(&mut w, Choice::Keep);
    send(&mut w, &[Msg::Next]);
    assert!(w.notice().is_some_and(|n| n.text.contains('✓')));
}

#[test]
fn a_course_bought_in_a_store_is_not_titled_refund_or_keep_when_keep_is_all_there_is() {
    // Bought in the Android app 6 days ago: only Google refunds it.
    let mut state = single(PlanKind::CoursePurchase, Channel::Android, "2026-02-23");
    resume_at(&mut state, Screen::Decide, Some("s1"));
    let w = open(state);
    assert_eq!(choices(&w), [Choice::Keep]);
    assert_eq!(w.view().title, "A one-time purchase");
    // On the website within its 7 days, the refund is a choice and the title says so.
    let mut web = single(PlanKind::CoursePurchase, Channel::Web, "2026-02-26");
    resume_at(&mut web, Screen::Decide, Some("s1"));
    let w = open(web);
    assert_eq!(choices(&w), [Choice::Refund, Choice::Keep]);
    assert_eq!(w.view().title, "Refund or keep");
}

#[test]
fn asking_for_money_back_shows_the_window_still_open_not_the_one_missed_beside_it() {
    // Bought 2026-02-20 on the website in the EU: Coursera's 7 days are over,
    // the 14-day withdrawal is not.
    let mut state = decide_state(PlanKind::CoursePurchase, "2026-02-20");
    state.region = Some(Region::EuUk);
    let w = open(state);
    let kinds: Vec<DeadlineKind> = shown(&w, Choice::Refund).into_iter().map(|(k, _)| k).collect();
    assert!(kinds.contains(&DeadlineKind::WithdrawalBy), "{kinds:?}");
    assert!(
        !kinds.contains(&DeadlineKind::RefundBy),
        "the missed one contradicts the choice: {kinds:?}"
    );
    // Without a window open, the missed one still says what was missed.
    let w = open(decide_state(PlanKind::CoursePurchase, "2026-02-20"));
    let kinds: Vec<DeadlineKind> = shown(&w, Choice::Refund).into_iter().map(|(k, _)| k).collect();
    assert!(kinds.contains(&DeadlineKind::RefundBy), "{kinds:?}");
}

#[test]
fn a_course_bought_once_and_kept_reads_keep_it_on_decide_summary_and_the_record() {
    // Nothing renews: keeping it is not "paying" on any page that says it.
    let mut w = on_decide(PlanKind::CoursePurchase, Channel::Web, "2026-02-27");
    highlight(&mut w, Choice::Keep);
    let said = |w: &mut Wizard| -> Vec<String> {
        let view = w.view();
        view.items
            .iter()
            .flat_map(|i| std::iter::once(i.text.clone()).chain(i.state.clone()))
            .chain(view.lead.iter().chain(&view.details).map(|p| p.text.clone()))
            .collect()
    };
    let decide_said = said(&mut w);
    assert!(decide_said.iter().any(|t| t == "Keep it"), "{decide_said:?}");
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.state().subscriptions[0].decision, Some(Decision::Keep));
    send(&mut w, &[Msg::Summary]);
    assert_eq!(w.screen(), Screen::Summary);
    let summary_said = said(&mut w);
    assert!(summary_said.iter().any(|t| t == "keep it"), "{summary_said:?}");
    let record = coursera_exit::export::markdown::render(w.state(), w.policy(), w.today());
    assert!(record.contains("- Decision: keep it\n"), "{record}");
    for text in decide_said.iter().chain(&summary_said).chain([&record]) {
        assert!(!text.to_lowercase().contains("keep paying"), "{text}");
    }
}
