//! Coursera's rules as data. The engine reads numbers (margin, refund window,
//! trial length) and every user-visible sentence from here, so a change in
//! Coursera's terms is an edit to `assets/policy.toml`, not to code.
//!
//! The types, the TOML parse and the blob live in files that `build.rs` shares:
//! it checks `assets/policy.toml` at build time and stores it as a blob, so a
//! start decodes that instead of parsing TOML (SPEC §7).

mod blob;
mod check;
mod data;

pub use data::*;

use chrono::NaiveDate;

use super::deadlines::{Deadline, DeadlineKind};
use super::plan::{Channel, PlanKind};
use super::state::Subscription;
// check.rs names it through `super::`, as build.rs provides it.
use super::text_limits;

/// The policy compiled into the binary, as text: what `--policy FILE` replaces.
pub const EMBEDDED_POLICY: &str = include_str!("../../assets/policy.toml");

/// `EMBEDDED_POLICY`, parsed and checked by `build.rs`.
static EMBEDDED_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/policy.blob"));

/// A name and an id in one pair of brackets: "Python course (s1)",
/// "Free trial (7 days, s1)".
pub fn with_id(name: &str, id: &str) -> String {
    match name.strip_suffix(')') {
        Some(open) if open.contains(" (") => format!("{open}, {id})"),
        _ => format!("{name} ({id})"),
    }
}

impl Policy {
    /// The built-in policy. It cannot be invalid: the build fails on a bad `assets/policy.toml`.
    pub fn embedded() -> Policy {
        Policy::from_blob(EMBEDDED_BLOB).expect("build.rs writes the blob from the same types")
    }

    pub fn plan(&self, kind: PlanKind) -> &PlanRule {
        self.plans
            .iter()
            .find(|p| p.id == kind)
            .expect("validated: every plan kind present")
    }

    pub fn channel(&self, channel: Channel) -> &ChannelRule {
        self.channels
            .iter()
            .find(|c| c.id == channel)
            .expect("validated: every channel present")
    }

    pub fn deadline(&self, kind: DeadlineKind) -> &DeadlineText {
        self.deadlines
            .iter()
            .find(|d| d.kind == kind)
            .expect("validated: every deadline kind present")
    }

    /// What a deadline asks, in the policy's words, with its subscription
    /// named ("Last day to cancel Free trial").
    pub fn deadline_summary(&self, row: &Deadline) -> String {
        self.deadline(row.kind).summary.replace("{label}", &row.label)
    }

    /// How a subscription is named where its dates are: its label, and for a
    /// trial how long it lasts ("Free trial (14 days)", "Python (7-day trial)").
    pub fn display_label(&self, sub: &Subscription) -> String {
        if sub.plan != Some(PlanKind::FreeTrial) {
            return sub.label.clone();
        }
        let days = sub.trial_length(self.rules.trial_days);
        if sub.label == self.plan(PlanKind::FreeTrial).name {
            format!("{} ({days} days)", sub.label)
        } else {
            format!("{} ({days}-day trial)", sub.label)
        }
    }

    /// How to act on a date of this kind, with what is said only to a
    /// person in the EU or the UK (the longer wait for a deletion's answer).
    pub fn deadline_how(&self, kind: DeadlineKind, eu_uk: bool) -> String {
        let text = self.deadline(kind);
        match eu_uk && !text.eu_uk.is_empty() {
            true => format!("{} {}", text.how, text.eu_uk),
            false => text.how.clone(),
        }
    }

    /// What can still be done about a row whose day has passed: in the
    /// margin after a refund's or withdrawal's safe day the window itself
    /// may still be open, and saying it has closed would be a day early.
    pub fn overdue_words(&self, row: &Deadline) -> &str {
        let text = self.deadline(row.kind);
        let in_margin = row.days_left < 0 && -row.days_left <= self.rules.margin_days;
        match in_margin && !text.overdue_margin.is_empty() {
            true => &text.overdue_margin,
            false => &text.overdue,
        }
    }

    pub fn checklist_item(&self, id: &str) -> Option<&ChecklistRule> {
        self.checklist.iter().find(|c| c.id == id)
    }

    /// The day the rules were last checked: the newest `as_of` of any rule.
    pub fn checked_on(&self) -> NaiveDate {
        self.origins()
            .into_iter()
            .filter_map(|(_, origin)| check::as_of_day(&origin.as_of))
            .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
            .max()
            .expect("validated: every as_of is a day, and there are rules")
    }

    /// More than `STALE_AFTER_DAYS` since the rules were checked: Coursera
    /// may have changed them since (SPEC §2).
    pub fn stale(&self, today: NaiveDate) -> bool {
        (today - self.checked_on()).num_days() > STALE_AFTER_DAYS
    }

    /// The one line of SPEC §2 that says the rules may be out of date.
    pub fn stale_notice(&self, today: NaiveDate) -> Option<String> {
        self.stale(today).then(|| {
            format!(
                "These rules were checked on {}; Coursera changes its terms — check the sources before relying on a date.",
                super::dates::long_date(self.checked_on())
            )
        })
    }
}

/// How long rules are trusted without a new check (about six months).
pub const STALE_AFTER_DAYS: i64 = 183;
