//! Turns command-line text into domain values, naming the flag, the value and
//! the reason when it cannot (`--started 2026-02-30: February 2026 has 28 days`).

use chrono::NaiveDate;

use super::Failure;
use crate::domain::actions::{Field, Refusal};
use crate::domain::dates::parse_in_range;
use crate::domain::plan::{Channel, PlanKind, Region};
use crate::domain::state::TRIAL_DAYS;

/// A date of the calendar within the years a state file holds (1900–2200).
pub fn date(flag: &str, text: &str) -> Result<NaiveDate, Failure> {
    parse_in_range(text).map_err(|why| Failure::Usage(format!("{flag} {text}: {why}")))
}

pub fn opt_date(flag: &str, text: Option<&str>) -> Result<Option<NaiveDate>, Failure> {
    text.map(|t| date(flag, t)).transpose()
}

pub fn plan(text: &str) -> Result<PlanKind, Failure> {
    PlanKind::from_id(text).ok_or_else(|| {
        let ids: Vec<&str> = PlanKind::ALL.iter().map(|k| k.id()).collect();
        Failure::Usage(format!(
            "--plan {text}: not a plan kind; use one of {}",
            ids.join(", ")
        ))
    })
}

pub fn channel(text: &str) -> Result<Channel, Failure> {
    Channel::from_id(text).ok_or_else(|| {
        let ids: Vec<&str> = Channel::ALL.iter().map(|c| c.id()).collect();
        Failure::Usage(format!(
            "--channel {text}: not a channel; use one of {}",
            ids.join(", ")
        ))
    })
}

pub fn region(text: &str) -> Result<Region, Failure> {
    Region::from_id(text).ok_or_else(|| {
        Failure::Usage(format!(
            "region {text}: not a region; use eu-uk (you live in the EU or the UK) or elsewhere"
        ))
    })
}

/// A whole number of days; the range is the domain's to check (it names the rule).
pub fn trial_days(text: &str) -> Result<u32, Failure> {
    text.trim().parse::<u32>().map_err(|_| {
        Failure::Usage(format!(
            "--trial-days {text}: write the trial's length as a whole number of days, {} to {}",
            TRIAL_DAYS.start(),
            TRIAL_DAYS.end()
        ))
    })
}

pub fn boolean(flag: &str, text: &str) -> Result<bool, Failure> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" => Ok(true),
        "false" | "no" => Ok(false),
        _ => Err(Failure::Usage(format!("{flag} {text}: write true or false"))),
    }
}

pub fn pause_months(text: &str) -> Result<u32, Failure> {
    text.parse::<u32>()
        .map_err(|_| Failure::Usage(format!("--pause {text}: write the number of months, 1, 2 or 3")))
}

pub fn days(flag: &str, text: &str) -> Result<i64, Failure> {
    text.parse::<i64>()
        .map_err(|_| Failure::Usage(format!("{flag} {text}: write a whole number of days")))
}

/// The flag a refused value came in through.
pub fn flag(field: Field) -> &'static str {
    match field {
        Field::Id => "",
        Field::Channel => "--channel",
        Field::Started => "--started",
        Field::On => "--on",
        Field::RequestedOn => "--requested-on",
        Field::Item => "",
        Field::Subscription => "--subscription",
        Field::Pause => "--pause",
        Field::Label => "--label",
        Field::Note => "--note",
        Field::TrialDays => "--trial-days",
        Field::Region => "region",
        Field::Account => "account",
    }
}

impl From<Refusal> for Failure {
    fn from(r: Refusal) -> Failure {
        let flag = flag(r.field);
        if r.value.is_empty() {
            // Nothing was given: the reason says what is missing.
            Failure::Usage(if flag.is_empty() {
                r.reason
            } else {
                format!("{flag}: {}", r.reason)
            })
        } else if flag.is_empty() {
            Failure::Usage(format!("{}: {}", r.value, r.reason))
        } else {
            Failure::Usage(format!("{flag} {}: {}", r.value, r.reason))
        }
    }
}
