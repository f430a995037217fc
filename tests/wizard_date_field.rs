//! The date field on its own: steps by day and month, clamping, and reasons.

mod support;

use coursera_exit::wizard::field::{DateField, FieldEvent};
use coursera_exit::wizard::{Msg, TextKey};
use support::wizard::{d, today};

fn field(date: &str) -> DateField {
    let mut f = DateField::new(d(date));
    f.begin();
    f
}

fn steps(f: &mut DateField, msg: Msg, n: usize) -> String {
    for _ in 0..n {
        f.on_msg(msg, today());
    }
    f.text().value().to_string()
}

#[test]
fn up_and_down_step_a_day_across_month_ends() {
    let mut f = field("2026-02-28");
    assert_eq!(steps(&mut f, Msg::Down, 28), "2026-01-31");
    assert_eq!(steps(&mut f, Msg::Up, 1), "2026-02-01");
}

#[test]
fn month_steps_clamp_to_the_month_end_and_recover_the_day() {
    let mut f = field("2026-01-31");
    assert_eq!(steps(&mut f, Msg::PageUp, 1), "2026-02-28");
    assert_eq!(
        steps(&mut f, Msg::PageUp, 1),
        "2026-03-31",
        "stepped from Jan 31, not from Feb 28"
    );
    assert_eq!(steps(&mut f, Msg::PageDown, 3), "2025-12-31");
    let mut leap = field("2024-03-31");
    assert_eq!(steps(&mut leap, Msg::PageDown, 1), "2024-02-29");
}

#[test]
fn a_day_step_starts_month_steps_afresh() {
    let mut f = field("2026-01-31");
    steps(&mut f, Msg::PageUp, 1);
    steps(&mut f, Msg::Down, 1);
    assert_eq!(steps(&mut f, Msg::PageUp, 1), "2026-03-27");
}

#[test]
fn stepping_past_today_shows_the_reason_at_once() {
    let mut f = field("2026-03-01");
    steps(&mut f, Msg::Up, 1);
    assert_eq!(f.error(), Some("after today, 2026-03-01"));
    steps(&mut f, Msg::Down, 1);
    assert_eq!(f.error(), None);
}

#[test]
fn enter_on_text_that_is_not_a_date_gives_the_reason_and_no_submit() {
    let mut f = field("2026-03-01");
    for c in "2026-13-01".chars() {
        f.on_msg(Msg::Text(TextKey::Insert(c)), today());
    }
    assert_eq!(f.on_msg(Msg::Next, today()), FieldEvent::Idle);
    assert!(f.error().expect("a reason").contains("no month 13"));
    f.on_msg(Msg::Text(TextKey::Clear), today());
    assert_eq!(f.error(), None, "editing clears the reason");
    assert_eq!(f.on_msg(Msg::Next, today()), FieldEvent::Idle);
    assert!(f.error().expect("a reason").contains("YYYY-MM-DD"));
}

#[test]
fn stepping_from_text_that_is_not_a_date_starts_from_today() {
    let mut f = field("2026-02-10");
    f.on_msg(Msg::Text(TextKey::Insert('x')), today());
    assert_eq!(steps(&mut f, Msg::Down, 1), "2026-02-28");
}

#[test]
fn esc_restores_the_value_from_before_the_edit() {
    let mut f = field("2026-02-10");
    steps(&mut f, Msg::PageDown, 2);
    assert_eq!(f.on_msg(Msg::Back, today()), FieldEvent::Cancelled);
    assert_eq!(f.text().value(), "2026-02-10");
    assert!(!f.editing());
}

#[test]
fn enter_on_an_offered_date_submits_it_as_shown() {
    // Issue 13: the date on show is valid; accepting it is choosing it.
    let mut f = DateField::suggest(today());
    f.begin();
    assert_eq!(f.on_msg(Msg::Next, today()), FieldEvent::Submit);
    assert_eq!(f.date(), Ok(today()));
}

#[test]
fn a_step_leaves_the_whole_date_selected_so_typing_replaces_it() {
    let mut f = DateField::new(today());
    f.begin();
    for c in "2026-02-14".chars() {
        f.on_msg(Msg::Text(TextKey::Insert(c)), today());
    }
    assert_eq!(steps(&mut f, Msg::Up, 1), "2026-02-15");
    assert!(f.text().fresh(), "selected again after the step");
    f.on_msg(Msg::Text(TextKey::Insert('2')), today());
    assert_eq!(f.text().value(), "2", "replaced, not appended");
}

#[test]
fn months_and_days_typed_without_a_leading_zero_are_read() {
    let mut f = DateField::new(today());
    f.begin();
    f.on_msg(Msg::Text(TextKey::Clear), today());
    for c in "2026-2-5".chars() {
        f.on_msg(Msg::Text(TextKey::Insert(c)), today());
    }
    assert_eq!(f.on_msg(Msg::Next, today()), FieldEvent::Submit);
    assert_eq!(f.date().map(|d| d.to_string()), Ok("2026-02-05".to_string()));
    // Still refused with its reason: a day that does not exist.
    f.on_msg(Msg::Text(TextKey::Clear), today());
    for c in "2026-2-30".chars() {
        f.on_msg(Msg::Text(TextKey::Insert(c)), today());
    }
    assert_eq!(f.on_msg(Msg::Next, today()), FieldEvent::Idle);
    assert!(
        f.error().is_some_and(|e| e.contains("28 days")),
        "{:?}",
        f.error()
    );
}

#[test]
fn typing_over_an_offered_date_chooses_it_and_esc_brings_the_offer_back() {
    let mut f = DateField::suggest(today());
    f.begin();
    for c in "2026-02-14".chars() {
        f.on_msg(Msg::Text(TextKey::Insert(c)), today());
    }
    assert!(!f.suggested());
    assert_eq!(f.on_msg(Msg::Back, today()), FieldEvent::Cancelled);
    assert!(f.suggested(), "cancelling undoes the choice");
    assert_eq!(f.text().value(), today().to_string(), "the offer is back");
}

/// SPEC §5: a state file holds years 1900 to 2200 only. A date outside them
/// was accepted here and then made every save fail.
#[test]
fn a_year_outside_1900_to_2200_is_refused_with_the_reason_of_the_command_line() {
    for typed in ["1026-03-01", "1899-12-31", "2201-01-01", "9999-12-31"] {
        let mut f = field("2026-03-01");
        f.on_msg(Msg::Text(TextKey::Clear), today());
        for c in typed.chars() {
            f.on_msg(Msg::Text(TextKey::Insert(c)), today());
        }
        assert_eq!(f.on_msg(Msg::Next, today()), FieldEvent::Idle, "{typed}");
        assert_eq!(
            f.error(),
            Some("the year must be between 1900 and 2200"),
            "{typed}"
        );
        assert!(f.date().is_err(), "{typed}");
    }
    let mut f = field("1900-01-01");
    assert_eq!(
        f.on_msg(Msg::Next, today()),
        FieldEvent::Submit,
        "the first day is in"
    );
}

#[test]
fn stepping_stops_at_the_first_and_last_day_a_state_file_holds() {
    let mut f = field("1900-01-02");
    assert_eq!(steps(&mut f, Msg::Down, 3), "1900-01-01");
    assert_eq!(steps(&mut f, Msg::PageDown, 2), "1900-01-01");
    assert_eq!(f.on_msg(Msg::Next, today()), FieldEvent::Submit);
    let mut f = field("2200-12-30");
    assert_eq!(steps(&mut f, Msg::Up, 3), "2200-12-31");
    assert_eq!(steps(&mut f, Msg::PageUp, 2), "2200-12-31");
    assert!(f.date().is_ok(), "{:?}", f.date());
    // A typed year outside the range steps from the nearest day inside it.
    let mut f = field("2026-03-01");
    f.on_msg(Msg::Text(TextKey::Clear), today());
    for c in "1026-03-01".chars() {
        f.on_msg(Msg::Text(TextKey::Insert(c)), today());
    }
    assert_eq!(steps(&mut f, Msg::PageDown, 1), "1900-01-01");
}
