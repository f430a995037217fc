//! Calendar arithmetic and date parsing with reasons a person can act on.

use chrono::{Datelike, Months, NaiveDate, Weekday};

/// `date` plus `k` months, clamped to the last day of the target month.
/// Always step from the anchor (anchor + k), never from the previous result,
/// so Jan 31 gives Feb 28 and then Mar 31.
pub fn add_months(date: NaiveDate, k: u32) -> NaiveDate {
    date.checked_add_months(Months::new(k)).unwrap_or(NaiveDate::MAX)
}

pub fn sub_months(date: NaiveDate, k: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(k)).unwrap_or(NaiveDate::MIN)
}

pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(chrono::TimeDelta::days(days))
        .unwrap_or(if days < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
}

/// The smallest k ≥ `k_min` with `anchor + k·step` months on or after `on_or_after`.
pub fn first_step_on_or_after(anchor: NaiveDate, step: u32, k_min: u32, on_or_after: NaiveDate) -> u32 {
    let months_apart =
        (on_or_after.year() - anchor.year()) * 12 + on_or_after.month() as i32 - anchor.month() as i32;
    // Start one step early: the clamped day can land either side of the target.
    let mut k = ((months_apart / step as i32) - 1).max(k_min as i32) as u32;
    while add_months(anchor, k * step) < on_or_after {
        k += 1;
    }
    k
}

/// The years a date may fall in (SPEC §5): wide enough for any real plan,
/// narrow enough that no output ever prints a five-digit year.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The date, if its year is within [`YEARS`]; else why not.
pub fn within_range(date: NaiveDate) -> Result<NaiveDate, String> {
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "the year must be between {} and {}",
            YEARS.start(),
            YEARS.end()
        ))
    }
}

/// A typed date as a state file may hold it: a day of the calendar
/// ([`parse_date`]) within [`YEARS`] ([`within_range`]). Every place a
/// person types a date (the command line, the wizard's date fields) reads it
/// with this, so none accepts a date the state file would refuse.
pub fn parse_in_range(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).and_then(within_range)
}

/// The day within [`YEARS`] nearest to `date`: where stepping a date stops.
pub fn clamp_to_range(date: NaiveDate) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).expect("a date");
    let last = NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31).expect("a date");
    date.clamp(first, last)
}

/// `date` plus `n` business days, counting Monday to Friday only: the day
/// after `date` is the first counted (a Friday plus one is the Monday).
pub fn add_business_days(date: NaiveDate, n: i64) -> NaiveDate {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = add_days(day, 1);
        if day.weekday().number_from_monday() <= 5 {
            left -= 1;
        }
    }
    day
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn month_name(month: u32) -> &'static str {
    MONTH_NAMES[(month as usize - 1) % 12]
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
    let next = add_months(first, 1);
    (next - first).num_days() as u32
}

/// Parses `YYYY-MM-DD`, saying what is wrong when it is not a date.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    // Byte by byte, without allocating: the state file holds a hundred dates
    // and they are read before the first frame.
    let bytes = text.trim().as_bytes();
    let well_formed = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err("not a date; write it as YYYY-MM-DD, e.g. 2026-03-01".to_string());
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let (year, month, day) = (number(0..4) as i32, number(5..7), number(8..10));
    if let Some(date) = NaiveDate::from_ymd_opt(year, month, day).filter(|_| year >= 1) {
        return Ok(date);
    }
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month:02}; months go from 01 to 12"));
    }
    if year < 1 {
        // Year 0 is no date at all; say the range every date must be in.
        return Err(format!(
            "the year must be between {} and {}",
            YEARS.start(),
            YEARS.end()
        ));
    }
    let len = days_in_month(year, month);
    Err(format!("{} {year} has {len} days", month_name(month)))
}

/// "Mon 2026-03-02": the weekday helps people place a date.
pub fn long_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(14);
    out.push_str(weekday_name(date.weekday()));
    out.push(' ');
    push_iso(&mut out, date);
    out
}

/// "Mar 2": the fewest columns that still name a day, for a line with no
/// room for the year (beside "in 25 days", the year is never in doubt).
pub fn brief_date(date: NaiveDate) -> String {
    let month = &month_name(date.month())[..3];
    format!("{month} {}", date.day())
}

/// "2026-03-02", as chrono's `Display` writes it.
pub fn iso_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_iso(&mut out, date);
    out
}

/// Digit by digit rather than through `fmt`: a page description formats
/// every date it shows (two forms each, a few hundred with 50
/// subscriptions) after every key, and `fmt` was a tenth of a first frame.
fn push_iso(out: &mut String, date: NaiveDate) {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // Outside the four digits every stored date has (1900–2200): chrono's form.
        out.push_str(&date.to_string());
        return;
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let year = year as u32;
    for n in [year / 1000, year / 100, year / 10, year] {
        out.push(digit(n));
    }
    for part in [date.month(), date.day()] {
        out.push('-');
        out.push(digit(part / 10));
        out.push(digit(part));
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn dates_are_written_as_chrono_writes_them(days in -800_000i32..=800_000) {
            let date = NaiveDate::from_num_days_from_ce_opt(730_000 + days).expect("a date");
            prop_assert_eq!(iso_date(date), date.to_string());
            prop_assert_eq!(long_date(date), format!("{} {date}", date.weekday()));
        }

        #[test]
        fn every_four_two_two_digit_text_is_a_date_exactly_when_the_calendar_has_it(
            year in 0i32..=9999, month in 0u32..=99, day in 0u32..=99,
        ) {
            let text = format!("{year:04}-{month:02}-{day:02}");
            let expected = NaiveDate::from_ymd_opt(year, month, day).filter(|_| year >= 1);
            match (parse_date(&text), expected) {
                (Ok(date), Some(expected)) => prop_assert_eq!(date, expected),
                (Err(reason), None) => prop_assert!(!reason.is_empty()),
                (got, expected) => prop_assert!(false, "{text}: {got:?} but the calendar says {expected:?}"),
            }
        }
    }

    #[test]
    fn a_date_that_does_not_exist_is_refused_with_the_reason() {
        assert_eq!(parse_date("2026-02-30").unwrap_err(), "February 2026 has 28 days");
        assert_eq!(parse_date("2024-02-30").unwrap_err(), "February 2024 has 29 days");
        assert_eq!(parse_date("2026-04-00").unwrap_err(), "April 2026 has 30 days");
        assert!(parse_date("2026-13-01").unwrap_err().contains("no month 13"));
        assert!(
            parse_date("0000-01-01")
                .unwrap_err()
                .contains("between 1900 and 2200")
        );
        for bad in [
            "2026-3-01",
            "2026/03/01",
            "26-03-01",
            "2026-03-01x",
            "",
            "２０２６-03-01",
        ] {
            assert!(parse_date(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
        }
        assert_eq!(parse_date(" 2026-03-01 "), Ok(d("2026-03-01")));
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn month_steps_from_jan_31_clamp_then_recover() {
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2026-01-31"), 2), d("2026-03-31"));
        assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
        assert_eq!(add_months(d("2024-02-29"), 12), d("2025-02-28"));
    }

    #[test]
    fn february_30_is_refused_with_the_month_length() {
        assert_eq!(parse_date("2026-02-30").unwrap_err(), "February 2026 has 28 days");
        assert_eq!(parse_date("2024-02-30").unwrap_err(), "February 2024 has 29 days");
        assert_eq!(parse_date("2026-04-31").unwrap_err(), "April 2026 has 30 days");
        assert!(parse_date("2026-13-01").unwrap_err().contains("no month 13"));
        assert!(parse_date("tomorrow").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2026-1-5").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(parse_date("2024-02-29"), Ok(d("2024-02-29")));
    }

    #[test]
    fn business_days_skip_weekends() {
        // Wednesday + 10 business days is the Wednesday two weeks on.
        assert_eq!(add_business_days(d("2026-01-28"), 10), d("2026-02-11"));
        // Friday + 1 is Monday; Saturday + 1 is Monday too.
        assert_eq!(add_business_days(d("2026-01-30"), 1), d("2026-02-02"));
        assert_eq!(add_business_days(d("2026-01-31"), 1), d("2026-02-02"));
        assert_eq!(add_business_days(d("2026-01-31"), 0), d("2026-01-31"));
    }

    #[test]
    fn years_outside_1900_to_2200_are_refused() {
        assert!(within_range(d("1899-12-31")).is_err());
        assert!(within_range(d("2201-01-01")).is_err());
        assert_eq!(within_range(d("2200-12-31")), Ok(d("2200-12-31")));
        assert_eq!(
            parse_in_range("1026-03-01").unwrap_err(),
            "the year must be between 1900 and 2200"
        );
        assert_eq!(parse_in_range("1900-01-01"), Ok(d("1900-01-01")));
        assert_eq!(clamp_to_range(d("1899-12-31")), d("1900-01-01"));
        assert_eq!(clamp_to_range(d("2201-01-01")), d("2200-12-31"));
        assert_eq!(clamp_to_range(d("2026-03-01")), d("2026-03-01"));
    }

    #[test]
    fn first_step_finds_the_smallest_step_on_or_after() {
        let a = d("2026-01-31");
        assert_eq!(first_step_on_or_after(a, 1, 1, d("2026-02-10")), 1);
        assert_eq!(first_step_on_or_after(a, 1, 1, d("2026-03-01")), 2);
        assert_eq!(first_step_on_or_after(a, 1, 1, d("2026-01-01")), 1);
        assert_eq!(first_step_on_or_after(a, 1, 0, d("2026-01-31")), 0);
        assert_eq!(first_step_on_or_after(a, 12, 1, d("2030-02-01")), 5);
    }
}
