//! The Identify questionnaire as message sequences: what is saved after each
//! answer, where each path leads, and what is refused.

mod support;

use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::identify::{Choice, Question};
use coursera_exit::wizard::{Mode, Msg, Page, TextKey, Wizard, text};
use support::wizard::{d, open, repeat, send, today, type_text};

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

fn identify(wizard: &Wizard) -> &coursera_exit::wizard::identify::Identify {
    match wizard.page() {
        Page::Identify(page) => page,
        other => panic!("expected Identify, on {:?}", other.screen()),
    }
}

fn question(wizard: &Wizard) -> Question {
    identify(wizard).question()
}

/// Highlights the `index`-th line of the current list and presses Enter.
fn pick(wizard: &mut Wizard, index: usize) -> bool {
    repeat(wizard, Msg::Up, 8);
    repeat(wizard, Msg::Down, index);
    wizard.update(Msg::Next).save
}

fn only_sub(wizard: &Wizard) -> &coursera_exit::domain::state::Subscription {
    assert_eq!(wizard.state().subscriptions.len(), 1, "one subscription");
    &wizard.state().subscriptions[0]
}

#[test]
fn every_channel_and_plan_ends_on_decide_with_every_answer_saved() {
    for (ci, channel) in CHANNELS.iter().enumerate() {
        let plans: Vec<Option<PlanKind>> = if *channel == Channel::Organization {
            vec![None]
        } else {
            PLANS.iter().copied().map(Some).collect()
        };
        for (pi, plan) in plans.iter().enumerate() {
            for certificate in [false, true] {
                let mut w = open(State::default());
                assert!(send(&mut w, &[Msg::Add]).save, "adding saves");
                assert_eq!(question(&w), Question::Channel);
                assert!(pick(&mut w, ci), "the channel answer saves");
                assert_eq!(only_sub(&w).channel, Some(*channel));
                if plan.is_some() {
                    assert_eq!(question(&w), Question::Plan);
                    assert!(pick(&mut w, pi), "the plan answer saves");
                }
                let expected_plan = plan.unwrap_or(PlanKind::Organization);
                assert_eq!(only_sub(&w).plan, Some(expected_plan), "{channel:?} {plan:?}");
                assert_eq!(question(&w), Question::Started);
                assert_eq!(w.mode(), Mode::Edit, "the date opens for typing");
                type_text(&mut w, "2026-02-20");
                assert!(send(&mut w, &[Msg::Next]).save, "the date saves");
                assert_eq!(only_sub(&w).started, Some(d("2026-02-20")));
                assert_eq!(question(&w), Question::Certificate);
                assert!(
                    pick(&mut w, usize::from(certificate)),
                    "the certificate answer saves"
                );

                let sub = only_sub(&w);
                assert!(sub.is_complete(), "{channel:?} {plan:?}: complete");
                assert_eq!(sub.certificate_earned, Some(certificate));
                assert_eq!(
                    sub.label,
                    w.policy().plan(expected_plan).name,
                    "the label is the plan's name"
                );
                assert_eq!(w.screen(), Screen::Decide, "{channel:?} {plan:?}: on to Decide");
                assert_eq!(
                    w.state().journey,
                    Journey {
                        screen: Screen::Decide,
                        subscription: Some(sub.id.clone())
                    }
                );
            }
        }
    }
}

#[test]
fn the_organization_channel_implies_the_plan_and_skips_its_question() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(&mut w, 3);
    assert_eq!(only_sub(&w).plan, Some(PlanKind::Organization));
    assert_eq!(question(&w), Question::Started);
    assert_eq!(identify(&w).position(only_sub(&w)), (2, 3));
    // Back from the date goes to the channel, not to a plan question.
    send(&mut w, &[Msg::Back, Msg::Back]);
    assert_eq!(question(&w), Question::Channel);
}

#[test]
fn leaving_the_organization_channel_forgets_the_implied_plan() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(&mut w, 3);
    send(&mut w, &[Msg::Back, Msg::Back]);
    pick(&mut w, 0);
    assert_eq!(only_sub(&w).channel, Some(Channel::Web));
    assert_eq!(only_sub(&w).plan, None);
    assert_eq!(question(&w), Question::Plan);
}

#[test]
fn not_sure_where_it_was_bought_explains_and_comes_back_later() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(&mut w, 4);
    assert!(identify(&w).not_sure(), "the where-to-look page shows");
    assert_eq!(identify(&w).choices(), vec![Choice::Found, Choice::Later]);
    assert!(pick(&mut w, 1), "coming back later saves");
    assert_eq!(w.screen(), Screen::Home);
    let sub = only_sub(&w).clone();
    assert!(!sub.is_complete());
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Home,
            subscription: Some(sub.id.clone())
        }
    );

    // Next time: Home offers to continue, which reopens the same question.
    let mut again = open(w.state().clone());
    assert_eq!(again.screen(), Screen::Home);
    send(&mut again, &[Msg::Continue]);
    assert_eq!(question(&again), Question::Channel);
    assert_eq!(identify(&again).id(), sub.id);
}

#[test]
fn not_sure_of_the_plan_keeps_the_channel_and_found_it_returns_to_the_question() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(&mut w, 1);
    pick(&mut w, 5);
    assert!(identify(&w).not_sure());
    assert_eq!(
        only_sub(&w).channel,
        Some(Channel::Ios),
        "the answer so far is kept"
    );
    assert_eq!(only_sub(&w).plan, None);
    pick(&mut w, 0);
    assert!(!identify(&w).not_sure());
    assert_eq!(question(&w), Question::Plan);
    pick(&mut w, 2);
    assert_eq!(only_sub(&w).plan, Some(PlanKind::PlusMonthly));
}

#[test]
fn not_sure_takes_back_an_earlier_answer_to_the_same_question() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(&mut w, 0);
    pick(&mut w, 3);
    // Esc leaves the date field, Esc again goes back to the plan.
    send(&mut w, &[Msg::Back, Msg::Back]);
    assert_eq!(question(&w), Question::Plan);
    pick(&mut w, 5);
    assert_eq!(only_sub(&w).plan, None);
    assert_eq!(only_sub(&w).channel, Some(Channel::Web));
}

fn at_date_question() -> Wizard {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(&mut w, 0);
    pick(&mut w, 0);
    assert_eq!(question(&w), Question::Started);
    w
}

#[test]
fn an_impossible_date_is_refused_with_its_reason_and_never_saved() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-02-30");
    let effects = send(&mut w, &[Msg::Next]);
    assert!(!effects.save);
    assert_eq!(question(&w), Question::Started);
    assert_eq!(w.mode(), Mode::Edit, "still editing");
    assert_eq!(identify(&w).date().error(), Some("February 2026 has 28 days"));
    assert_eq!(only_sub(&w).started, None);
}

#[test]
fn a_date_after_today_is_refused_and_never_saved() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-03-02");
    assert!(!send(&mut w, &[Msg::Next]).save);
    assert_eq!(identify(&w).date().error(), Some("after today, 2026-03-01"));
    assert_eq!(only_sub(&w).started, None);
    // Stepping a day back makes it acceptable.
    send(&mut w, &[Msg::Down]);
    assert_eq!(identify(&w).date().error(), None);
    assert!(send(&mut w, &[Msg::Next]).save);
    assert_eq!(only_sub(&w).started, Some(today()));
}

#[test]
fn typing_replaces_the_offered_date_and_backspace_edits_it() {
    let mut w = at_date_question();
    assert_eq!(
        identify(&w).date().text().value(),
        "2026-03-01",
        "today is offered"
    );
    type_text(&mut w, "2026-01-15");
    assert_eq!(identify(&w).date().text().value(), "2026-01-15");
    send(&mut w, &[Msg::Text(TextKey::DeleteBack)]);
    type_text(&mut w, "6");
    assert_eq!(identify(&w).date().text().value(), "2026-01-16");
}

#[test]
fn esc_cancels_the_edit_then_goes_back_a_question() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-01");
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(
        identify(&w).date().text().value(),
        "2026-03-01",
        "the edit is undone"
    );
    assert_eq!(only_sub(&w).started, None);
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Plan);
}

#[test]
fn q_while_typing_a_date_is_text_not_quit() {
    let mut w = at_date_question();
    let effects = send(&mut w, &[Msg::Quit]);
    assert_eq!(effects.exit, None);
    assert_eq!(w.mode(), Mode::Edit);
}

#[test]
fn back_navigation_keeps_every_answer() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-02-01");
    send(&mut w, &[Msg::Next]);
    assert_eq!(question(&w), Question::Certificate);
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Started);
    assert_eq!(w.mode(), Mode::Normal, "going back does not reopen the field");
    assert_eq!(identify(&w).date().text().value(), "2026-02-01");
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Plan);
    let sub = only_sub(&w);
    assert_eq!(
        identify(&w).choices()[identify(&w).cursor()],
        Choice::Plan(PlanKind::FreeTrial)
    );
    assert_eq!(identify(&w).answer(sub), Some(Choice::Plan(PlanKind::FreeTrial)));
    send(&mut w, &[Msg::Back, Msg::Back]);
    assert_eq!(w.screen(), Screen::Home);
    let sub = only_sub(&w);
    assert_eq!(
        (sub.channel, sub.plan, sub.started),
        (
            Some(Channel::Web),
            Some(PlanKind::FreeTrial),
            Some(d("2026-02-01"))
        )
    );
}

#[test]
fn tab_moves_on_only_from_an_answered_question() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add, Msg::NextField]);
    assert_eq!(question(&w), Question::Channel);
    assert!(w.notice().is_some(), "it says why");
    pick(&mut w, 0);
    send(&mut w, &[Msg::Back, Msg::NextField]);
    assert_eq!(question(&w), Question::Plan);
}

#[test]
fn adding_and_leaving_at_once_leaves_nothing_behind() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    assert!(send(&mut w, &[Msg::Back]).save);
    assert_eq!(w.screen(), Screen::Home);
    assert!(w.state().subscriptions.is_empty());
    assert_eq!(w.state().next_id, 2, "ids are never reused");
}

#[test]
fn e_jumps_to_the_date_once_the_plan_is_known() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add, Msg::EditDate]);
    assert_eq!(question(&w), Question::Channel, "no plan yet");
    pick(&mut w, 0);
    pick(&mut w, 0);
    type_text(&mut w, "2026-02-25");
    send(&mut w, &[Msg::Next]);
    send(&mut w, &[Msg::Back, Msg::Back, Msg::EditDate]);
    assert_eq!(question(&w), Question::Started);
    assert_eq!(w.mode(), Mode::Edit);
}

#[test]
fn finishing_identify_opens_decide_for_the_new_subscription_and_its_deadline() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-02-27");
    send(&mut w, &[Msg::Next]);
    pick(&mut w, 0);
    let Page::Decide(decide) = w.page() else {
        panic!("on Decide")
    };
    assert_eq!(decide.id(), Some("s1"));
    let rows = coursera_exit::domain::deadlines::deadlines(w.state(), &w.policy().rules, today());
    let next = coursera_exit::wizard::home::next_deadline(&rows, Some("s1")).expect("a deadline");
    assert_eq!(next.date, d("2026-03-04"), "a trial from 02-27: cancel by 03-04");
}

/// What Enter does on the closed date question, as the footer says it.
fn enter_action(wizard: &Wizard) -> &'static str {
    wizard
        .commands()
        .iter()
        .find(|c| c.keys.split('/').any(|k| k == "Enter"))
        .map(|c| c.action)
        .expect("the footer says what Enter does")
}

#[test]
fn esc_after_a_refused_date_then_enter_reopens_the_editor_and_records_nothing() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-02-30");
    send(&mut w, &[Msg::Next, Msg::Up, Msg::Back]);
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(only_sub(&w).started, None);
    assert_eq!(
        enter_action(&w),
        text::CHOOSE_DATE.action,
        "the footer does not promise the next question"
    );
    let effects = send(&mut w, &[Msg::Next]);
    assert!(!effects.save, "nothing to save");
    assert_eq!(question(&w), Question::Started, "Enter does not move on");
    assert_eq!(w.mode(), Mode::Edit, "Enter reopens the editor");
    assert_eq!(only_sub(&w).started, None);
    // e reopens it too.
    send(&mut w, &[Msg::Back, Msg::EditDate]);
    assert_eq!(w.mode(), Mode::Edit);
    assert_eq!(only_sub(&w).started, None);
}

#[test]
fn enter_on_the_offered_date_records_nothing_and_says_why() {
    let mut w = at_date_question();
    assert!(identify(&w).date().suggested(), "today is only offered");
    let effects = send(&mut w, &[Msg::Next]);
    assert!(!effects.save);
    assert_eq!(only_sub(&w).started, None);
    assert_eq!(question(&w), Question::Started);
    assert_eq!(w.mode(), Mode::Edit, "still editing");
    assert_eq!(identify(&w).date().error(), Some(text::DATE_CHOOSE_FIRST));
}

#[test]
fn enter_accepts_today_once_the_person_types_it_or_steps_to_it() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-03-01");
    assert!(send(&mut w, &[Msg::Next]).save);
    assert_eq!(only_sub(&w).started, Some(today()));

    let mut w = at_date_question();
    send(&mut w, &[Msg::Down, Msg::Up]);
    assert!(!identify(&w).date().suggested(), "stepping chooses");
    assert!(send(&mut w, &[Msg::Next]).save);
    assert_eq!(only_sub(&w).started, Some(today()));
}

#[test]
fn esc_restores_the_offer_not_a_choice() {
    let mut w = at_date_question();
    send(&mut w, &[Msg::Down, Msg::Back, Msg::Next]);
    assert!(identify(&w).date().suggested(), "the step was cancelled");
    assert!(!send(&mut w, &[Msg::Next]).save);
    assert_eq!(only_sub(&w).started, None);
}

#[test]
fn with_a_saved_date_enter_moves_on_and_the_footer_says_so() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-02-01");
    send(&mut w, &[Msg::Next, Msg::Back]);
    assert_eq!((question(&w), w.mode()), (Question::Started, Mode::Normal));
    assert_eq!(enter_action(&w), text::NEXT.action);
    // An edit cancelled keeps the saved date, and Enter still moves on.
    send(&mut w, &[Msg::EditDate, Msg::Down, Msg::Back, Msg::Next]);
    assert_eq!(question(&w), Question::Certificate);
    assert_eq!(only_sub(&w).started, Some(d("2026-02-01")));
}

#[test]
fn reopening_a_question_puts_the_cursor_on_its_saved_answer() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    pick(&mut w, 2);
    pick(&mut w, 3);
    // Back to the plan, then the channel: each shows its own answer highlighted.
    send(&mut w, &[Msg::Back, Msg::Back]);
    assert_eq!(question(&w), Question::Plan);
    assert_eq!(
        identify(&w).choices()[identify(&w).cursor()],
        Choice::Plan(PLANS[3])
    );
    send(&mut w, &[Msg::Back]);
    assert_eq!(
        identify(&w).choices()[identify(&w).cursor()],
        Choice::Channel(CHANNELS[2])
    );
    // Reopened later from Home, at the channel question: the same.
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Home);
    let mut again = open(w.state().clone());
    send(&mut again, &[Msg::Next, Msg::Back, Msg::Back]);
    assert_eq!(question(&again), Question::Plan);
    assert_eq!(
        identify(&again).choices()[identify(&again).cursor()],
        Choice::Plan(PLANS[3])
    );
}
