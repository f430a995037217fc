//! The calendar export, read back by an independent parser (the `icalendar`
//! crate): the events are exactly the open deadlines, and the text survives
//! folding and escaping byte for byte.

use chrono::NaiveDate;
use coursera_exit::domain::actions::{self, Choice, NewSubscription, Tick};
use coursera_exit::domain::deadlines::{Deadline, DeadlineKind, deadlines};
use coursera_exit::domain::plan::{Channel, PlanKind, Region};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::{State, Subscription};
use coursera_exit::export::ics;
use icalendar::parser::{Component, read_calendar, unfold};
use icalendar::{Calendar, Component as _, DatePerhapsTime};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-03-03";

fn add(state: &mut State, plan: PlanKind, channel: Channel, started: &str, label: &str) -> String {
    let new = NewSubscription {
        plan,
        channel,
        started: d(started),
        label: Some(label.to_string()),
        certificate_earned: false,
        trial_days: None,
        account: None,
    };
    actions::add(state, new, &Policy::embedded(), d(TODAY)).unwrap()
}

fn tick(state: &mut State, item: &str, subscription: Option<&str>, on: &str) {
    let tick = Tick {
        item,
        subscription,
        account: None,
        note: None,
        on: Some(d(on)),
        undo: false,
    };
    actions::done(state, tick, &Policy::embedded(), d(TODAY)).unwrap();
}

/// Several plans, a pause, a cancellation, refund requests and a deletion
/// request, for a person in the EU or the UK: rows of every kind, some done.
fn busy_state() -> State {
    let policy = Policy::embedded();
    let mut state = State::default();
    actions::set_region(&mut state, Region::EuUk);
    add(
        &mut state,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-03-01",
        "Data Science trial",
    );
    let plus = add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-25",
        "Plus",
    );
    let spec = add(
        &mut state,
        PlanKind::SpecializationMonthly,
        Channel::Android,
        "2026-01-31",
        "ML",
    );
    add(
        &mut state,
        PlanKind::PlusAnnual,
        Channel::Ios,
        "2025-06-15",
        "Plus yearly",
    );
    add(
        &mut state,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-25",
        "Python course",
    );
    let stats = add(
        &mut state,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-03-01",
        "Statistics",
    );
    actions::decide(
        &mut state,
        &spec,
        Choice::Pause { months: 2 },
        Some(d("2026-02-10")),
        &policy,
        d(TODAY),
    )
    .unwrap();
    tick(&mut state, "cancelled", Some(&plus), "2026-03-02");
    tick(&mut state, "refund-requested", Some(&plus), "2026-03-02");
    tick(&mut state, "refund-requested", Some(&stats), "2026-03-02");
    actions::delete_account(&mut state, None, Some(d("2026-03-01")), false, d(TODAY)).unwrap();
    state
}

fn render(state: &State) -> String {
    ics::render(state, &Policy::embedded(), d(TODAY))
}

fn open_rows(state: &State) -> Vec<Deadline> {
    deadlines(state, &Policy::embedded().rules, d(TODAY))
        .into_iter()
        .filter(|r| !r.done)
        .collect()
}

fn uid(row: &Deadline) -> String {
    let owner = row.subscription.as_deref().unwrap_or("account");
    format!("{owner}-{}@coursera-exit", row.kind.id())
}

fn value<'a>(component: &'a Component<'a>, name: &str) -> &'a str {
    component
        .find_prop(name)
        .unwrap_or_else(|| panic!("{} has no {name}", component.name))
        .val
        .as_str()
}

fn events<'a>(calendar: &'a icalendar::parser::Calendar<'a>) -> Vec<&'a Component<'a>> {
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect()
}

#[test]
fn every_open_deadline_is_one_all_day_event_with_its_uid_dates_and_alarm() {
    let state = busy_state();
    let rows = open_rows(&state);
    let mut kinds: Vec<DeadlineKind> = rows.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        DeadlineKind::ALL,
        "the fixture covers every kind: {rows:?}"
    );
    let text = render(&state);
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();

    assert_eq!(
        parsed
            .properties
            .iter()
            .find(|p| p.name == "VERSION")
            .unwrap()
            .val,
        "2.0"
    );
    assert_eq!(
        parsed.properties.iter().find(|p| p.name == "PRODID").unwrap().val,
        "-//coursera-exit//EN"
    );
    assert_eq!(
        parsed
            .properties
            .iter()
            .find(|p| p.name == "CALSCALE")
            .unwrap()
            .val,
        "GREGORIAN"
    );

    let events = events(&parsed);
    assert_eq!(events.len(), rows.len());
    assert_eq!(
        parsed.components.len(),
        rows.len(),
        "nothing but events at the top level"
    );
    for (event, row) in events.iter().zip(&rows) {
        assert_eq!(value(event, "UID"), uid(row));
        assert_eq!(value(event, "DTSTAMP"), "20260303T000000Z");
        let start = event.find_prop("DTSTART").unwrap();
        assert!(
            start
                .params
                .iter()
                .any(|p| p.key == "VALUE" && p.val.as_ref().is_some_and(|v| v == &"DATE"))
        );
        assert_eq!(value(event, "DTSTART"), row.date.format("%Y%m%d").to_string());
        assert_eq!(
            value(event, "DTEND"),
            row.date.succ_opt().unwrap().format("%Y%m%d").to_string()
        );

        let alarms: Vec<&Component> = event.components.iter().filter(|c| c.name == "VALARM").collect();
        assert_eq!(alarms.len(), 1, "{}", uid(row));
        assert_eq!(value(alarms[0], "ACTION"), "DISPLAY");
        assert_eq!(value(alarms[0], "TRIGGER"), "-PT15H");
        assert_eq!(value(alarms[0], "DESCRIPTION"), value(event, "SUMMARY"));
    }

    // The crate's typed view reads the same dates as all-day dates.
    let typed = Calendar::from(parsed.clone());
    let typed_events: Vec<_> = typed.events().collect();
    assert_eq!(typed_events.len(), rows.len());
    for (event, row) in typed_events.iter().zip(&rows) {
        assert_eq!(event.get_uid(), Some(uid(row).as_str()));
        assert_eq!(event.get_start(), Some(DatePerhapsTime::Date(row.date)));
        assert_eq!(
            event.get_end(),
            Some(DatePerhapsTime::Date(row.date.succ_opt().unwrap()))
        );
    }
}

#[test]
fn summaries_say_what_to_do_and_descriptions_give_how_plan_and_source() {
    let state = busy_state();
    let policy = Policy::embedded();
    let text = render(&state);
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    let trial_cancel = events(&parsed)
        .into_iter()
        .find(|e| value(e, "UID") == "s1-cancel-by@coursera-exit")
        .expect("the trial's cancel-by is open");
    assert_eq!(
        value(trial_cancel, "SUMMARY"),
        "Last day to cancel Data Science trial"
    );
    let rule = policy.deadline(DeadlineKind::CancelBy);
    let description = value(trial_cancel, "DESCRIPTION");
    assert!(description.starts_with(&rule.how), "{description}");
    assert!(
        description.contains("\n\nFor: Data Science trial (7-day trial, s1), plan: Free trial\n"),
        "{description}"
    );
    assert!(
        description.ends_with(&format!(
            "Source: {} (as of {})",
            rule.origin.source, rule.origin.as_of
        )),
        "{description}"
    );
}

/// The event of `uid` in the calendar of `state`: (summary, description).
fn event_text(state: &State, uid: &str) -> (String, String) {
    let text = render(state);
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    let event = events(&parsed)
        .into_iter()
        .find(|e| value(e, "UID") == uid)
        .unwrap_or_else(|| panic!("no event {uid}"));
    (
        value(event, "SUMMARY").to_string(),
        value(event, "DESCRIPTION").to_string(),
    )
}

#[test]
fn the_kinds_of_2026_say_what_to_do_how_and_on_what_authority() {
    let policy = Policy::embedded();
    let mut state = busy_state();
    let rule = |kind| policy.deadline(kind);
    let cited = |kind| {
        let origin = &policy.deadline(kind).origin;
        format!("Source: {} (as of {})", origin.source, origin.as_of)
    };

    let (summary, description) = event_text(&state, "s5-withdrawal-by@coursera-exit");
    assert_eq!(
        summary,
        "Ask for your money back (EU/UK withdrawal) — Python course"
    );
    assert!(
        description.starts_with(&rule(DeadlineKind::WithdrawalBy).how),
        "{description}"
    );
    assert!(description.contains(&policy.region.how), "{description}");
    assert!(
        description.contains(&format!("1. {}", policy.refund.steps[0].text)),
        "{description}"
    );
    assert!(
        description.ends_with(&cited(DeadlineKind::WithdrawalBy)),
        "{description}"
    );

    let (summary, description) = event_text(&state, "s5-refund-by@coursera-exit");
    assert_eq!(summary, "Ask for your money back — Python course");
    assert!(description.contains("How to ask:\n1. "), "{description}");

    // The ticket noted with the request comes along to the day to check.
    let note = Tick {
        item: "refund-requested",
        subscription: Some("s6"),
        account: None,
        note: Some("ticket 48213".to_string()),
        on: Some(d("2026-03-02")),
        undo: false,
    };
    actions::done(&mut state, note, &policy, d(TODAY)).unwrap();
    let (summary, description) = event_text(&state, "s6-refund-expected@coursera-exit");
    assert_eq!(summary, "Check that the refund arrived — Statistics");
    assert!(
        description.starts_with(&rule(DeadlineKind::RefundExpected).how),
        "{description}"
    );
    assert!(
        description.contains("Your note on the request: ticket 48213"),
        "{description}"
    );
    assert!(
        description.contains(&format!(
            "Once this day has passed: {}",
            rule(DeadlineKind::RefundExpected).overdue
        )),
        "{description}"
    );
    assert!(
        description.ends_with(&cited(DeadlineKind::RefundExpected)),
        "{description}"
    );

    let (summary, description) = event_text(&state, "s3-pause-resumes@coursera-exit");
    assert_eq!(summary, "ML: pause ends, billing resumes");
    assert!(
        description.ends_with(&cited(DeadlineKind::PauseResumes)),
        "{description}"
    );

    // The two-month extension is said to a person in the EU or the UK only.
    let extension = &rule(DeadlineKind::SupportReplyDue).eu_uk;
    let (_, description) = event_text(&state, "account-support-reply-due@coursera-exit");
    assert!(description.contains(extension.as_str()), "{description}");
    actions::set_region(&mut state, Region::Elsewhere);
    let (_, description) = event_text(&state, "account-support-reply-due@coursera-exit");
    assert!(!description.contains(extension.as_str()), "{description}");
}

#[test]
fn include_done_exports_done_rows_as_cancelled_events_with_a_later_sequence() {
    let state = busy_state();
    let policy = Policy::embedded();
    let all = deadlines(&state, &policy.rules, d(TODAY));
    let text = ics::render_with(&state, &policy, d(TODAY), true);
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    let events = events(&parsed);
    assert_eq!(events.len(), all.len(), "one event per row, done or not");
    for (event, row) in events.iter().zip(&all) {
        assert_eq!(value(event, "UID"), uid(row));
        let status = event.find_prop("STATUS").map(|p| p.val.as_str());
        let sequence = event.find_prop("SEQUENCE").map(|p| p.val.as_str());
        let alarms = event.components.iter().filter(|c| c.name == "VALARM").count();
        if row.done {
            assert_eq!(
                (status, sequence, alarms),
                (Some("CANCELLED"), Some("1"), 0),
                "{}",
                uid(row)
            );
        } else {
            assert_eq!((status, sequence, alarms), (None, None, 1), "{}", uid(row));
        }
    }
    // Without it, the open events are the same bytes.
    let open: String = text
        .split_inclusive("END:VEVENT\r\n")
        .filter(|e| !e.contains("STATUS:CANCELLED"))
        .collect();
    assert_eq!(open, render(&state));
}

#[test]
fn done_rows_are_not_exported() {
    let state = busy_state();
    let all = deadlines(&state, &Policy::embedded().rules, d(TODAY));
    let done: Vec<String> = all.iter().filter(|r| r.done).map(uid).collect();
    for kind in [
        "s2-cancel-by",
        "s2-withdrawal-by",
        "s6-refund-by",
        "s6-withdrawal-by",
    ] {
        assert!(
            done.contains(&format!("{kind}@coursera-exit")),
            "the fixture has done rows: {done:?}"
        );
    }
    let text = render(&state);
    for uid in &done {
        assert!(
            !unfold(&text).contains(&format!("UID:{uid}\r\n")),
            "{uid} was exported"
        );
    }

    // Ticking the written confirmation turns the account row done: it leaves the calendar.
    let mut confirmed = state.clone();
    assert!(render(&confirmed).contains("UID:account-support-reply-due@coursera-exit"));
    tick(&mut confirmed, "written-confirmation", None, "2026-03-03");
    assert!(!render(&confirmed).contains("UID:account-support-reply-due@coursera-exit"));
}

#[test]
fn the_same_state_and_day_give_identical_bytes_even_after_a_reload() {
    let state = busy_state();
    let first = render(&state);
    assert_eq!(first, render(&state));
    let reloaded: State = toml::from_str(&toml::to_string(&state).unwrap()).unwrap();
    assert_eq!(first, render(&reloaded));
    // DTSTAMP follows today, not a clock.
    let later = ics::render(&state, &Policy::embedded(), d("2026-03-04"));
    assert!(later.contains("DTSTAMP:20260304T000000Z\r\n"));
}

#[test]
fn adding_a_subscription_keeps_every_earlier_uid_on_the_same_date() {
    let mut state = busy_state();
    let dates = |state: &State| -> Vec<(String, String)> {
        let text = render(state);
        let unfolded = unfold(&text);
        let parsed = read_calendar(&unfolded).unwrap();
        events(&parsed)
            .into_iter()
            .map(|e| (value(e, "UID").to_string(), value(e, "DTSTART").to_string()))
            .collect()
    };
    let before = dates(&state);
    let new = add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        "Second Plus",
    );
    let after = dates(&state);
    for (uid, date) in &before {
        assert!(
            after.contains(&(uid.clone(), date.clone())),
            "{uid} moved or vanished"
        );
    }
    let added: Vec<&(String, String)> = after.iter().filter(|e| !before.contains(e)).collect();
    assert!(!added.is_empty());
    assert!(
        added.iter().all(|(uid, _)| uid.starts_with(&format!("{new}-"))),
        "{added:?}"
    );
}

/// A label as a hand-edited state file could hold: long, non-ASCII and full
/// of characters that TEXT must escape.
fn awkward_subscription(id: &str, label: &str) -> Subscription {
    Subscription {
        plan: Some(PlanKind::PlusMonthly),
        channel: Some(Channel::Web),
        started: Some(d("2026-02-20")),
        certificate_earned: Some(false),
        ..Subscription::new(id.to_string(), label.to_string())
    }
}

const AWKWARD_LABELS: [&str; 3] = [
    "Café crème, the long one; with a back\\slash and a\nsecond line — 日本語のコース 🎓😀 and more text to fold",
    "日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語",
    "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀,;\\",
];

fn awkward_state() -> State {
    let mut state = State {
        next_id: 4,
        ..State::default()
    };
    for (i, label) in AWKWARD_LABELS.iter().enumerate() {
        state
            .subscriptions
            .push(awkward_subscription(&format!("s{}", i + 1), label));
    }
    state
}

#[test]
fn every_physical_line_fits_75_octets_ends_with_crlf_and_splits_between_characters() {
    for state in [busy_state(), awkward_state()] {
        let text = render(&state);
        let mut folds = 0;
        for line in text.as_bytes().split_inclusive(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r\n").expect("every line ends with CRLF");
            assert!(!line.contains(&b'\r'), "a bare CR");
            assert!(
                line.len() <= 75,
                "{} octets: {:?}",
                line.len(),
                String::from_utf8_lossy(line)
            );
            let line = std::str::from_utf8(line).expect("a fold split a UTF-8 character");
            if line.starts_with(' ') {
                folds += 1;
            }
        }
        assert!(folds > 0, "long lines were folded");
    }
}

#[test]
fn unfolding_and_unescaping_give_the_original_labels_back() {
    let state = awkward_state();
    let policy = Policy::embedded();
    let text = render(&state);
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    let template = &policy.deadline(DeadlineKind::CancelBy).summary;
    for (i, label) in AWKWARD_LABELS.iter().enumerate() {
        let uid = format!("s{}-cancel-by@coursera-exit", i + 1);
        let event = events(&parsed)
            .into_iter()
            .find(|e| value(e, "UID") == uid)
            .unwrap();
        assert_eq!(value(event, "SUMMARY"), template.replace("{label}", label));
        assert!(value(event, "DESCRIPTION").contains(&format!("For: {label} (")));
    }
    // The parser's unescaping is what restored them: the raw text held escapes.
    assert!(unfolded.contains("Café crème\\, the long one\\; with a back\\\\slash and a\\nsecond line"));
}

#[test]
fn a_state_without_deadlines_gives_a_valid_empty_calendar() {
    let mut only_organization = State::default();
    add(
        &mut only_organization,
        PlanKind::Organization,
        Channel::Organization,
        "2026-01-01",
        "Work",
    );
    for state in [State::default(), only_organization] {
        assert!(open_rows(&state).is_empty());
        let text = render(&state);
        let unfolded = unfold(&text);
        let parsed = read_calendar(&unfolded).unwrap();
        assert!(parsed.components.is_empty());
        assert_eq!(
            parsed
                .properties
                .iter()
                .find(|p| p.name == "VERSION")
                .unwrap()
                .val,
            "2.0"
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    }
}

/// Issue 12: a calendar file printed to the terminal (`export --format ics`
/// with no --output) passed a label's right-to-left override through.
#[test]
fn a_bidirectional_control_in_a_label_is_written_out_not_obeyed() {
    let mut state = State::default();
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-03-01",
        "Plus \u{202e}evil",
    );
    let text = render(&state);
    assert!(!text.contains('\u{202e}'), "{text}");
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    let event = events(&parsed)[0];
    assert!(
        value(event, "SUMMARY").contains("Plus \\u{202e}evil"),
        "{}",
        value(event, "SUMMARY")
    );
}
