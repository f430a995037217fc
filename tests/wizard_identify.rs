//! The Identify questionnaire as message sequences: what is saved after each
//! answer, where each path leads, and what is refused. Version 2 of the
//! journey (SPEC §3): a trial's length instead of the certificate question,
//! and "Do you live in the EU or the UK?" once for the account.

mod support;

use coursera_exit::domain::deadlines::deadlines;
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{Channel, PlanKind, Region};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::home::next_deadline;
use coursera_exit::wizard::identify::{Choice, Question};
use coursera_exit::wizard::{Mode, Msg, Page, TextKey, Wizard, text};
use support::wizard::{d, open, repeat, send, single, today, type_text};

const CHANNELS: [Channel; 4] = [
    Channel::Web,
    Channel::Ios,
    Channel::Android,
    Channel::Organization,
];
/// The region question's lines, in order.
const REGION_YES: usize = 0;
const REGION_NO: usize = 1;
const REGION_NOT_SURE: usize = 2;
/// The trial length question's lines: 7 days, 14 days, another number.
const SEVEN_DAYS: usize = 0;
const FOURTEEN_DAYS: usize = 1;
const OTHER_LENGTH: usize = 2;

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

/// A subscription added from an empty Home, with these lines picked in turn.
fn added(lines: &[usize]) -> Wizard {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    for line in lines {
        pick(&mut w, *line);
    }
    w
}

/// The highlighted line of the current question.
fn highlighted(wizard: &Wizard) -> Choice {
    let page = identify(wizard);
    page.choices(wizard.state(), wizard.policy())[page.cursor()]
}

/// The questions the subscription being identified is asked, in order.
fn questions(wizard: &Wizard) -> Vec<Question> {
    let page = identify(wizard);
    let sub = wizard.state().subscription(page.id()).expect("being identified");
    page.questions(wizard.state(), sub)
}

/// "Question n of total" for the question on screen.
fn position(wizard: &Wizard) -> (usize, usize) {
    let page = identify(wizard);
    let sub = wizard.state().subscription(page.id()).expect("being identified");
    page.position(wizard.state(), sub)
}

/// The trial length field after "another number": types `days` and presses Enter.
fn type_length(wizard: &mut Wizard, days: &str) -> bool {
    assert_eq!(wizard.mode(), Mode::Edit, "the length field is open");
    send(wizard, &[Msg::Text(TextKey::Clear)]);
    type_text(wizard, days);
    wizard.update(Msg::Next).save
}

/// How a path through the questionnaire answers what is asked after the plan:
/// a trial's length (a line of the list, and the days typed for "another
/// number"), or the certificate question.
#[derive(Debug, Clone, Copy)]
enum After {
    Length(usize, u32),
    Certificate(bool),
}

#[test]
fn every_channel_and_plan_ends_on_decide_with_every_answer_saved() {
    let mut path = 0;
    for (ci, channel) in CHANNELS.iter().enumerate() {
        let plans: Vec<Option<PlanKind>> = if *channel == Channel::Organization {
            vec![None]
        } else {
            PLANS.iter().copied().map(Some).collect()
        };
        for (pi, plan) in plans.iter().enumerate() {
            let trial = *plan == Some(PlanKind::FreeTrial);
            let afters: Vec<After> = if trial {
                vec![
                    After::Length(SEVEN_DAYS, 7),
                    After::Length(FOURTEEN_DAYS, 14),
                    After::Length(OTHER_LENGTH, 10),
                ]
            } else {
                vec![After::Certificate(false), After::Certificate(true)]
            };
            for after in afters {
                // Every answer to the region question, in turn.
                path += 1;
                let region = path % 3;
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
                if let After::Length(line, days) = after {
                    assert_eq!(question(&w), Question::TrialLength, "a trial's length is asked");
                    if line == OTHER_LENGTH {
                        assert!(!pick(&mut w, line), "opening the field saves nothing");
                        assert!(type_length(&mut w, &days.to_string()), "the typed length saves");
                    } else {
                        assert!(pick(&mut w, line), "the length saves");
                    }
                    assert_eq!(only_sub(&w).trial_days, Some(days));
                }
                assert_eq!(question(&w), Question::Started);
                assert_eq!(w.mode(), Mode::Edit, "the date opens for typing");
                type_text(&mut w, "2026-02-20");
                assert!(send(&mut w, &[Msg::Next]).save, "the date saves");
                assert_eq!(only_sub(&w).started, Some(d("2026-02-20")));
                match after {
                    After::Certificate(earned) => {
                        assert_eq!(question(&w), Question::Certificate);
                        assert!(pick(&mut w, usize::from(earned)), "the certificate answer saves");
                    }
                    After::Length(..) => {
                        assert_ne!(
                            question(&w),
                            Question::Certificate,
                            "no certificate can be earned in a trial"
                        );
                    }
                }
                // The first subscription asks where the person lives, once for the account.
                assert_eq!(question(&w), Question::Region, "{channel:?} {plan:?}");
                assert!(pick(&mut w, region), "the region answer saves and moves on");
                let expected_region = match region {
                    REGION_YES => Some(Region::EuUk),
                    REGION_NO => Some(Region::Elsewhere),
                    _ => None,
                };
                assert_eq!(w.state().region, expected_region, "{region}");

                let sub = only_sub(&w);
                assert!(sub.is_complete(), "{channel:?} {plan:?}: complete");
                match after {
                    After::Certificate(earned) => {
                        assert_eq!(sub.certificate_earned, Some(earned));
                        assert_eq!(sub.trial_days, None, "only a trial has a length");
                    }
                    After::Length(..) => assert_eq!(sub.certificate_earned, None),
                }
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
    let mut w = added(&[3]);
    assert_eq!(only_sub(&w).plan, Some(PlanKind::Organization));
    assert_eq!(question(&w), Question::Started);
    assert_eq!(
        questions(&w),
        [
            Question::Channel,
            Question::Started,
            Question::Certificate,
            Question::Region
        ]
    );
    assert_eq!(position(&w), (2, 4));
    // Back from the date goes to the channel, not to a plan question.
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Channel);
}

#[test]
fn leaving_the_organization_channel_forgets_the_implied_plan() {
    let mut w = added(&[3]);
    send(&mut w, &[Msg::Back]);
    pick(&mut w, 0);
    assert_eq!(only_sub(&w).channel, Some(Channel::Web));
    assert_eq!(only_sub(&w).plan, None);
    assert_eq!(question(&w), Question::Plan);
}

#[test]
fn not_sure_where_it_was_bought_explains_and_comes_back_later() {
    let mut w = added(&[4]);
    assert!(identify(&w).not_sure(), "the where-to-look page shows");
    assert_eq!(
        identify(&w).choices(w.state(), w.policy()),
        vec![Choice::Found, Choice::Later]
    );
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
    let mut w = added(&[1, 5]);
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
    let mut w = added(&[0, 3]);
    // One Esc from the untouched date field goes back to the plan.
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Plan);
    pick(&mut w, 5);
    assert_eq!(only_sub(&w).plan, None);
    assert_eq!(only_sub(&w).channel, Some(Channel::Web));
}

/// A 7-day trial bought on the website, at its start date.
fn at_date_question() -> Wizard {
    let w = added(&[0, 0, SEVEN_DAYS]);
    assert_eq!(question(&w), Question::Started);
    w
}

/// The same trial, started 2026-02-27, at the region question (its last).
fn at_region_question() -> Wizard {
    let mut w = at_date_question();
    type_text(&mut w, "2026-02-27");
    send(&mut w, &[Msg::Next]);
    assert_eq!(question(&w), Question::Region);
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
    assert_eq!(question(&w), Question::TrialLength);
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
    let mut w = at_region_question();
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Started);
    assert_eq!(w.mode(), Mode::Normal, "going back does not reopen the field");
    assert_eq!(identify(&w).date().text().value(), "2026-02-27");
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::TrialLength);
    assert_eq!(highlighted(&w), Choice::TrialDays(7));
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Plan);
    let sub = only_sub(&w);
    assert_eq!(highlighted(&w), Choice::Plan(PlanKind::FreeTrial));
    assert_eq!(
        identify(&w).answer(w.state(), sub, w.policy()),
        Some(Choice::Plan(PlanKind::FreeTrial))
    );
    send(&mut w, &[Msg::Back, Msg::Back]);
    assert_eq!(w.screen(), Screen::Home);
    let sub = only_sub(&w);
    assert_eq!(
        (sub.channel, sub.plan, sub.trial_days, sub.started),
        (
            Some(Channel::Web),
            Some(PlanKind::FreeTrial),
            Some(7),
            Some(d("2026-02-27"))
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
    pick(&mut w, SEVEN_DAYS);
    type_text(&mut w, "2026-02-25");
    send(&mut w, &[Msg::Next]);
    send(&mut w, &[Msg::Back, Msg::Back]);
    assert_eq!(question(&w), Question::TrialLength);
    send(&mut w, &[Msg::EditDate]);
    assert_eq!(question(&w), Question::Started);
    assert_eq!(w.mode(), Mode::Edit);
}

/// The next deadline Home would show for s1.
fn next_date(w: &Wizard) -> chrono::NaiveDate {
    let rows = deadlines(w.state(), &w.policy().rules, today());
    next_deadline(&rows, w.state(), Some("s1"))
        .expect("a deadline")
        .date
}

#[test]
fn finishing_identify_opens_decide_for_the_new_subscription_and_its_deadline() {
    let mut w = at_region_question();
    pick(&mut w, REGION_NO);
    let Page::Decide(decide) = w.page() else {
        panic!("on Decide")
    };
    assert_eq!(decide.id(), Some("s1"));
    // SPEC §4: trial-last-day = S + (7 − 1) = 03-05; cancel-by one day before.
    assert_eq!(
        next_date(&w),
        d("2026-03-04"),
        "a 7-day trial from 02-27: cancel by 03-04"
    );
}

#[test]
fn the_trial_length_answered_moves_its_dates() {
    // SPEC §4, start 02-27: trial-last-day = S + (L − 1), cancel-by = that − 1.
    for (line, typed, cancel_by) in [
        (FOURTEEN_DAYS, None, "2026-03-11"),
        (OTHER_LENGTH, Some("10"), "2026-03-07"),
        // Three days: the last day is today, so cancel-by has passed while
        // the first charge (03-02) is still ahead: Home leads with it.
        (OTHER_LENGTH, Some("3"), "2026-02-28"),
    ] {
        let mut w = added(&[0, 0, line]);
        if let Some(days) = typed {
            type_length(&mut w, days);
        }
        type_text(&mut w, "2026-02-27");
        send(&mut w, &[Msg::Next]);
        pick(&mut w, REGION_NO);
        assert_eq!(w.screen(), Screen::Decide);
        assert_eq!(next_date(&w), d(cancel_by), "{typed:?}");
    }
}

#[test]
fn a_trial_is_asked_its_length_and_not_the_certificate_question() {
    let mut w = added(&[0, 0]);
    assert_eq!(question(&w), Question::TrialLength);
    assert_eq!(
        identify(&w).choices(w.state(), w.policy()),
        [Choice::TrialDays(7), Choice::TrialDays(14), Choice::OtherLength]
    );
    assert_eq!(
        questions(&w),
        [
            Question::Channel,
            Question::Plan,
            Question::TrialLength,
            Question::Started,
            Question::Region
        ]
    );
    assert_eq!(position(&w), (3, 5));
    // Another plan after all: the certificate question is back, the length gone.
    send(&mut w, &[Msg::Back]);
    pick(&mut w, 2);
    assert_eq!(question(&w), Question::Started);
    assert_eq!(
        questions(&w),
        [
            Question::Channel,
            Question::Plan,
            Question::Started,
            Question::Certificate,
            Question::Region
        ]
    );
}

#[test]
fn another_length_is_typed_and_only_1_to_31_days_are_accepted() {
    let mut w = added(&[0, 0]);
    assert!(!pick(&mut w, OTHER_LENGTH), "opening the field saves nothing");
    assert_eq!(w.mode(), Mode::Edit);
    assert!(!type_length(&mut w, "ten"));
    assert_eq!(identify(&w).length_error(), Some(text::TRIAL_LENGTH_NOT_A_NUMBER));
    for refused in ["0", "32"] {
        assert!(!type_length(&mut w, refused), "{refused} days");
        let why = identify(&w).length_error().expect("the reason is shown");
        assert!(why.contains("1 to 31"), "{refused}: {why}");
        assert_eq!(only_sub(&w).trial_days, None, "{refused} is never saved");
        assert_eq!(question(&w), Question::TrialLength);
    }
    // Typing clears the reason; Esc cancels the field and keeps nothing.
    type_text(&mut w, "3");
    assert_eq!(identify(&w).length_error(), None);
    send(&mut w, &[Msg::Back]);
    assert_eq!((w.mode(), only_sub(&w).trial_days), (Mode::Normal, None));
    assert_eq!(question(&w), Question::TrialLength);

    pick(&mut w, OTHER_LENGTH);
    assert!(type_length(&mut w, "31"));
    assert_eq!(only_sub(&w).trial_days, Some(31));
    assert_eq!(question(&w), Question::Started);
    // Back at the question, "another number" is highlighted and the field shows 31.
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::TrialLength);
    assert_eq!(highlighted(&w), Choice::OtherLength);
    pick(&mut w, OTHER_LENGTH);
    assert_eq!(identify(&w).length().value(), "31");
}

/// A wizard on Home with s1 (Plus monthly on the website) already tracked.
fn with_one_tracked(region: Option<Region>) -> Wizard {
    let mut state = single(PlanKind::PlusMonthly, Channel::Web, "2026-02-05");
    state.region = region;
    open(state)
}

/// Adds a subscription and answers up to its date: `channel`, `plan`
/// (not a trial), `started`.
fn add_until_certificate(w: &mut Wizard, channel: usize, plan: usize) {
    send(w, &[Msg::Add]);
    pick(w, channel);
    pick(w, plan);
    type_text(w, "2026-02-20");
    send(w, &[Msg::Next]);
    assert_eq!(question(w), Question::Certificate);
}

#[test]
fn the_region_is_asked_once_for_the_account() {
    let mut w = with_one_tracked(Some(Region::EuUk));
    add_until_certificate(&mut w, 0, 3);
    assert!(!questions(&w).contains(&Question::Region), "already answered");
    pick(&mut w, 0);
    assert_eq!(
        w.screen(),
        Screen::Decide,
        "the certificate was the last question"
    );
    assert_eq!(w.state().region, Some(Region::EuUk), "kept");
}

#[test]
fn an_unanswered_region_is_asked_again_only_where_money_could_depend_on_it() {
    // A web purchase without a certificate: a refund or withdrawal could depend on it.
    let mut w = with_one_tracked(None);
    add_until_certificate(&mut w, 0, 4);
    pick(&mut w, 0);
    assert_eq!(question(&w), Question::Region);
    assert!(pick(&mut w, REGION_YES));
    assert_eq!(w.state().region, Some(Region::EuUk));
    assert_eq!(w.screen(), Screen::Decide);

    // Bought in an app store: the store's rules, never Coursera's; not asked.
    let mut w = with_one_tracked(None);
    add_until_certificate(&mut w, 1, 3);
    assert!(!questions(&w).contains(&Question::Region), "{:?}", questions(&w));
    pick(&mut w, 0);
    assert_eq!(w.screen(), Screen::Decide);
    assert_eq!(w.state().region, None);

    // A certificate earned: the withdrawal is lost; not asked.
    let mut w = with_one_tracked(None);
    add_until_certificate(&mut w, 0, 4);
    pick(&mut w, 1);
    assert_eq!(w.screen(), Screen::Decide);
    assert_eq!(w.state().region, None);
}

#[test]
fn not_sure_where_one_lives_counts_as_no_says_so_and_moves_on() {
    let mut w = at_region_question();
    assert_eq!(
        identify(&w).choices(w.state(), w.policy()),
        [
            Choice::Region(Region::EuUk),
            Choice::Region(Region::Elsewhere),
            Choice::RegionNotSure
        ]
    );
    pick(&mut w, REGION_NOT_SURE);
    assert_eq!(w.state().region, None, "nothing is recorded");
    assert_eq!(w.screen(), Screen::Decide);
    let notice = w.notice().expect("the consequence is explained");
    assert_eq!(notice.text, w.policy().region.not_sure);
}

#[test]
fn not_sure_after_a_yes_takes_the_yes_back() {
    let mut w = at_region_question();
    assert!(send(&mut w, &[Msg::Toggle]).save, "Space records the yes");
    assert_eq!(w.state().region, Some(Region::EuUk));
    assert!(pick(&mut w, REGION_NOT_SURE), "taking it back saves");
    assert_eq!(w.state().region, None, "counted as no, as the notice says");
    assert_eq!(w.screen(), Screen::Decide);
}

#[test]
fn esc_from_the_region_question_goes_back_and_the_answer_stays_highlighted() {
    let mut w = added(&[0, 4]);
    type_text(&mut w, "2026-02-27");
    send(&mut w, &[Msg::Next]);
    pick(&mut w, 0);
    assert_eq!(question(&w), Question::Region);
    // Space records without moving on; the question stays in the list once answered.
    repeat(&mut w, Msg::Down, REGION_NO);
    assert!(send(&mut w, &[Msg::Toggle]).save);
    assert_eq!(w.state().region, Some(Region::Elsewhere));
    assert_eq!(question(&w), Question::Region);
    assert_eq!(position(&w), (5, 5));
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Certificate);
    send(&mut w, &[Msg::NextField]);
    assert_eq!(question(&w), Question::Region);
    assert_eq!(highlighted(&w), Choice::Region(Region::Elsewhere));
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
    // Opened with `e` (not on arrival), Esc closes the editor and stays.
    send(&mut w, &[Msg::Back, Msg::EditDate]);
    assert_eq!((question(&w), w.mode()), (Question::Started, Mode::Edit));
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
fn enter_on_the_offered_date_chooses_it() {
    // Issue 13: Enter on the date on show used to say "No date chosen yet".
    let mut w = at_date_question();
    assert!(identify(&w).date().suggested(), "today is offered");
    let effects = send(&mut w, &[Msg::Next]);
    assert!(effects.save);
    assert_eq!(only_sub(&w).started, Some(today()));
    assert_eq!(question(&w), Question::Region, "on to the next question");
}

#[test]
fn a_date_typed_without_leading_zeros_is_accepted() {
    let mut w = at_date_question();
    type_text(&mut w, "2026-2-5");
    assert!(send(&mut w, &[Msg::Next]).save);
    assert_eq!(only_sub(&w).started, Some(d("2026-02-05")));
}

#[test]
fn typing_after_a_step_replaces_the_date_instead_of_appending() {
    // Issue 13: ↑ then typing gave "2026-03-022026-03-31".
    let mut w = at_date_question();
    type_text(&mut w, "2026-02-20");
    send(&mut w, &[Msg::Up]);
    type_text(&mut w, "2026-02-10");
    assert_eq!(identify(&w).date().text().value(), "2026-02-10");
    assert!(send(&mut w, &[Msg::Next]).save);
    assert_eq!(only_sub(&w).started, Some(d("2026-02-10")));
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
fn one_esc_on_the_date_question_goes_back_a_question_and_records_nothing() {
    // Issue 13: it took two, the first only closing the editor.
    let mut w = at_date_question();
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::TrialLength);
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(only_sub(&w).started, None);
    // After a step, Esc first cancels that edit (SPEC §3: Esc cancels the edit).
    let mut w = at_date_question();
    send(&mut w, &[Msg::Down, Msg::Back]);
    assert_eq!((question(&w), w.mode()), (Question::Started, Mode::Normal));
    assert_eq!(only_sub(&w).started, None, "the step was not a choice");
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
    assert_eq!(
        question(&w),
        Question::Region,
        "a trial has no certificate question"
    );
    assert_eq!(only_sub(&w).started, Some(d("2026-02-01")));
}

#[test]
fn reopening_a_question_puts_the_cursor_on_its_saved_answer() {
    let mut w = added(&[2, 3]);
    // Back to the plan, then the channel: each shows its own answer highlighted.
    send(&mut w, &[Msg::Back]);
    assert_eq!(question(&w), Question::Plan);
    assert_eq!(highlighted(&w), Choice::Plan(PLANS[3]));
    send(&mut w, &[Msg::Back]);
    assert_eq!(highlighted(&w), Choice::Channel(CHANNELS[2]));
    // Reopened later from Home, at the channel question: the same.
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Home);
    let mut again = open(w.state().clone());
    send(&mut again, &[Msg::Next, Msg::Back]);
    assert_eq!(question(&again), Question::Plan);
    assert_eq!(highlighted(&again), Choice::Plan(PLANS[3]));
}

#[test]
fn bought_in_an_app_the_plan_question_says_the_store_refunds_not_coursera() {
    use coursera_exit::wizard::identify::Choice;
    use coursera_exit::wizard::view::identify::detail;
    let policy = coursera_exit::domain::policy::Policy::embedded();
    let mut state = State::default();
    let id = coursera_exit::domain::actions::add_blank(&mut state, "New").expect("an id");
    state.subscription_mut(&id).expect("added").channel = Some(Channel::Android);
    let sub = state.subscription(&id).expect("added");
    let said: Vec<String> = detail(Choice::Plan(PlanKind::CoursePurchase), sub, &state, &policy)
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert!(said.contains(&policy.refund.app_store), "{said:?}");
    assert!(
        !said.contains(&policy.plan(PlanKind::CoursePurchase).refund),
        "{said:?}"
    );
    state.subscription_mut(&id).expect("added").channel = Some(Channel::Web);
    let sub = state.subscription(&id).expect("added");
    let said: Vec<String> = detail(Choice::Plan(PlanKind::CoursePurchase), sub, &state, &policy)
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert!(
        said.contains(&policy.plan(PlanKind::CoursePurchase).refund),
        "{said:?}"
    );
}

/// Words shown beside the highlighted answer.
fn detail_words(w: &Wizard) -> String {
    let view = w.view();
    view.details
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Issue 11: beside the certificate question, Plus monthly said "it does not
/// change any refund for this plan" to a person in the EU or the UK, for
/// whom a certificate ends the right of withdrawal (no withdrawal-by row).
#[test]
fn the_certificate_question_says_it_ends_the_withdrawal_right_in_the_eu_or_uk() {
    let policy = coursera_exit::domain::policy::Policy::embedded();
    let mut w = with_one_tracked(Some(Region::EuUk));
    add_until_certificate(&mut w, 0, 2); // the website, Plus monthly
    let words = detail_words(&w);
    assert!(words.contains(&policy.region.certificate), "{words}");
    assert!(
        words.contains(&policy.plan(PlanKind::PlusMonthly).certificate),
        "{words}"
    );

    // Elsewhere, or bought in an app store, there is no such right to lose.
    let mut w = with_one_tracked(Some(Region::Elsewhere));
    add_until_certificate(&mut w, 0, 2);
    assert!(!detail_words(&w).contains(&policy.region.certificate));
    let mut w = with_one_tracked(Some(Region::EuUk));
    add_until_certificate(&mut w, 1, 2); // iPhone or iPad
    assert!(!detail_words(&w).contains(&policy.region.certificate));
}

/// Review of issue 13: the footer offered "e edit date" on a new trial's
/// length question, where no date is shown nor given yet. `e` is offered
/// away from the date question only once there is a date to edit.
#[test]
fn the_footer_offers_e_edit_date_only_where_there_is_a_date() {
    let offers_e = |w: &Wizard| w.commands().contains(&text::EDIT_DATE);
    // Website, free trial: how long is it?
    let mut w = added(&[0, 0]);
    assert_eq!(question(&w), Question::TrialLength);
    assert!(!offers_e(&w), "{:?}", w.commands());
    // 7 days, then the start date: back on the length question, the date
    // is in the answers and `e` edits it.
    pick(&mut w, SEVEN_DAYS);
    type_text(&mut w, "2026-02-27");
    send(&mut w, &[Msg::Next]);
    assert_eq!(only_sub(&w).started, Some(d("2026-02-27")));
    while question(&w) != Question::TrialLength {
        send(&mut w, &[Msg::Back]);
    }
    assert!(offers_e(&w), "{:?}", w.commands());
    send(&mut w, &[Msg::EditDate]);
    assert_eq!((question(&w), w.mode()), (Question::Started, Mode::Edit));
}

/// A newcomer who bought Plus in the iPhone app read "You have a right of
/// withdrawal" beside the region question: the store's rules apply to that
/// plan, and no withdrawal date is computed for it (SPEC §2).
#[test]
fn the_region_question_says_an_app_store_plan_gets_no_withdrawal_before_what_yes_means() {
    let policy = coursera_exit::domain::policy::Policy::embedded();
    for (channel_line, covered) in [(0, true), (1, false), (2, false)] {
        let mut w = added(&[channel_line, 2]);
        type_text(&mut w, "2026-02-20");
        send(&mut w, &[Msg::Next]);
        pick(&mut w, 0);
        assert_eq!(question(&w), Question::Region, "{channel_line}");
        assert_eq!(highlighted(&w), Choice::Region(Region::EuUk));
        let words = detail_words(&w);
        assert_eq!(
            words.starts_with(&policy.region.not_covered),
            !covered,
            "{channel_line}: {words}"
        );
        // What "yes" gives is said for a plan it reaches; `why` says it in general.
        assert_eq!(words.contains(&policy.region.eu_uk), covered, "{words}");
        assert!(words.contains(&policy.region.why), "{words}");
    }
}
