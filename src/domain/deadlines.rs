//! The dates that matter (SPEC §4): one function of the saved facts and `today`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{add_days, add_months, first_step_on_or_after};
use super::plan::PlanKind;
use super::policy::{Rules, checklist_ids};
use super::state::{State, Subscription};

mod kind;

pub use kind::DeadlineKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    Overdue,
    Today,
    Urgent,
    Soon,
    Later,
}

impl Urgency {
    pub fn from_days_left(days_left: i64) -> Urgency {
        match days_left {
            d if d < 0 => Urgency::Overdue,
            0 => Urgency::Today,
            1..=2 => Urgency::Urgent,
            3..=7 => Urgency::Soon,
            _ => Urgency::Later,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::Today => "today",
            Urgency::Urgent => "urgent",
            Urgency::Soon => "soon",
            Urgency::Later => "later",
        }
    }
}

/// The label of account-level rows.
pub const ACCOUNT_LABEL: &str = "Coursera account";

/// One row of the deadline table; serializes to the JSON shape of SPEC §6.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub subscription: Option<String>,
    pub label: String,
    pub plan: Option<PlanKind>,
    pub kind: DeadlineKind,
    #[serde(serialize_with = "super::state::date::serialize")]
    pub date: NaiveDate,
    pub days_left: i64,
    pub urgency: Urgency,
    pub done: bool,
}

/// A row before it is placed in time relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub done: bool,
}

impl Row {
    fn new(kind: DeadlineKind, date: NaiveDate, done: bool) -> Row {
        Row { kind, date, done }
    }
}

/// Every deadline of every subscription and of the account, in §4 order:
/// by date, then subscription in the order added (account last), then kind.
pub fn deadlines(state: &State, rules: &Rules, today: NaiveDate) -> Vec<Deadline> {
    let mut keyed: Vec<(usize, Deadline)> = Vec::new();
    for (index, sub) in state.subscriptions.iter().enumerate() {
        for row in subscription_rows(sub, rules, today) {
            keyed.push((index, place(row, Some(sub), today)));
        }
    }
    for row in account_rows(state, rules) {
        keyed.push((usize::MAX, place(row, None, today)));
    }
    keyed.sort_by_key(|(index, d)| (d.date, *index, d.kind));
    keyed.into_iter().map(|(_, d)| d).collect()
}

fn place(row: Row, sub: Option<&Subscription>, today: NaiveDate) -> Deadline {
    let days_left = (row.date - today).num_days();
    Deadline {
        subscription: sub.map(|s| s.id.clone()),
        label: sub.map_or_else(|| ACCOUNT_LABEL.to_string(), |s| s.label.clone()),
        plan: sub.and_then(|s| s.plan),
        kind: row.kind,
        date: row.date,
        days_left,
        urgency: Urgency::from_days_left(days_left),
        done: row.done,
    }
}

/// The rows of one subscription, unsorted. An incomplete subscription has none.
pub fn subscription_rows(sub: &Subscription, rules: &Rules, today: NaiveDate) -> Vec<Row> {
    let (Some(plan), Some(channel), Some(start), Some(_)) =
        (sub.plan, sub.channel, sub.started, sub.certificate_earned)
    else {
        return Vec::new();
    };
    let facts = Facts {
        start,
        today,
        // A cancelled subscription is frozen at the day it was cancelled.
        reference: sub.cancelled_on.unwrap_or(today),
        cancelled: sub.cancelled_on.is_some(),
        refund_requested_on: sub.refund_requested_on,
        refundable: !channel.is_app_store(),
        certificate: sub.certificate(),
        from_trial: sub.converted_from_trial,
        rules,
    };
    match plan {
        PlanKind::FreeTrial => facts.trial(),
        PlanKind::SpecializationMonthly | PlanKind::PlusMonthly => {
            if let Some(pause) = sub.pause.filter(|_| plan.can_pause()) {
                let resumes = add_months(pause.from, pause.months);
                if facts.reference < resumes {
                    return facts.paused(resumes);
                }
                // Billing restarts on the day the pause ends: that day is itself a charge.
                return facts.billing(plan, resumes, 1, 0);
            }
            facts.billing(plan, start, 1, 1)
        }
        PlanKind::PlusAnnual => facts.billing(plan, start, 12, 1),
        PlanKind::CoursePurchase => facts.one_time_refund(),
        PlanKind::Organization => Vec::new(),
    }
}

struct Facts<'a> {
    start: NaiveDate,
    today: NaiveDate,
    reference: NaiveDate,
    cancelled: bool,
    refund_requested_on: Option<NaiveDate>,
    refundable: bool,
    certificate: bool,
    from_trial: bool,
    rules: &'a Rules,
}

impl Facts<'_> {
    fn margin(&self) -> i64 {
        self.rules.margin_days
    }

    /// The last day to ask for a refund of a payment made on `paid`.
    fn refund_by(&self, paid: NaiveDate) -> Row {
        let date = add_days(paid, self.rules.refund_days - self.margin());
        let done = self.refund_requested_on.is_some_and(|asked| asked >= paid);
        Row::new(DeadlineKind::RefundBy, date, done)
    }

    fn trial(&self) -> Vec<Row> {
        let first_charge = trial_first_charge(self.start, self.rules);
        let last_day = add_days(first_charge, -1);
        let cancel_by = Row::new(
            DeadlineKind::CancelBy,
            add_days(last_day, -self.margin()),
            self.cancelled,
        );
        let last = Row::new(DeadlineKind::TrialLastDay, last_day, false);
        if !self.cancelled {
            return vec![
                cancel_by,
                last,
                Row::new(DeadlineKind::FirstCharge, first_charge, false),
            ];
        }
        if self.today > last_day {
            Vec::new()
        } else {
            vec![cancel_by, last]
        }
    }

    fn paused(&self, resumes: NaiveDate) -> Vec<Row> {
        let last_paused_day = add_days(resumes, -1);
        let cancel_by = Row::new(
            DeadlineKind::CancelBy,
            add_days(last_paused_day, -self.margin()),
            self.cancelled,
        );
        if !self.cancelled {
            return vec![cancel_by, Row::new(DeadlineKind::PauseResumes, resumes, false)];
        }
        if self.today > last_paused_day {
            Vec::new()
        } else {
            vec![cancel_by]
        }
    }

    /// Recurring charges on `anchor + k·step` months, the first counted one being `k_min`.
    fn billing(&self, plan: PlanKind, anchor: NaiveDate, step: u32, k_min: u32) -> Vec<Row> {
        // A charge due on the reference day is still ahead.
        let k = first_step_on_or_after(anchor, step, k_min, self.reference);
        let charge = add_months(anchor, k * step);
        let access_until = add_days(charge, -1);
        if self.cancelled && self.today > access_until {
            return Vec::new();
        }
        let mut rows = vec![
            Row::new(
                DeadlineKind::CancelBy,
                add_days(access_until, -self.margin()),
                self.cancelled,
            ),
            Row::new(DeadlineKind::AccessUntil, access_until, false),
        ];
        if !self.cancelled {
            let kind = if step == 12 {
                DeadlineKind::Renewal
            } else {
                DeadlineKind::NextCharge
            };
            rows.push(Row::new(kind, charge, false));
        }
        let refund = match plan {
            // The 14 days run from the latest payment, the step before the next charge.
            PlanKind::PlusMonthly if k >= 1 => Some(add_months(anchor, (k - 1) * step)),
            // Only the first year's payment is refundable, and only without a certificate.
            PlanKind::PlusAnnual if k == 1 && !self.certificate => Some(anchor),
            _ => None,
        };
        // The charge a trial converted into is not refundable (SPEC §2).
        let refund = refund.filter(|paid| !(self.from_trial && *paid == self.start));
        if let Some(paid) = refund.filter(|_| self.refundable) {
            rows.push(self.refund_by(paid));
        }
        rows
    }

    fn one_time_refund(&self) -> Vec<Row> {
        if self.certificate || !self.refundable {
            return Vec::new();
        }
        let row = self.refund_by(self.start);
        let days_left = (row.date - self.today).num_days();
        if days_left >= -self.rules.missed_refund_listed_days {
            vec![row]
        } else {
            Vec::new()
        }
    }
}

/// Account-level rows: the support reply due after a deletion request.
pub fn account_rows(state: &State, rules: &Rules) -> Vec<Row> {
    let account = &state.account;
    match (account.deleting(), account.requested_on) {
        (true, Some(requested)) => {
            let confirmed = account
                .item(checklist_ids::WRITTEN_CONFIRMATION)
                .is_some_and(|i| i.done);
            vec![Row::new(
                DeadlineKind::SupportReplyDue,
                add_months(requested, rules.support_reply_months),
                confirmed,
            )]
        }
        _ => Vec::new(),
    }
}

/// The day of the payment a `refund-by` row is for: the rule of `Facts::refund_by`, run backwards.
pub fn refund_covers_payment_of(refund_by: NaiveDate, rules: &Rules) -> NaiveDate {
    add_days(refund_by, rules.margin_days - rules.refund_days)
}

/// A trial nobody cancelled has turned into a paid plan once its first charge
/// is behind us; returns the day of that charge, the new plan's anchor.
pub fn converted_trial_charge(sub: &Subscription, rules: &Rules, today: NaiveDate) -> Option<NaiveDate> {
    if sub.plan != Some(PlanKind::FreeTrial) || sub.cancelled_on.is_some() {
        return None;
    }
    let first_charge = trial_first_charge(sub.started?, rules);
    (today > first_charge).then_some(first_charge)
}

/// A trial started on `start` is first charged `trial_days` later (day 8 of a 7-day trial).
pub fn trial_first_charge(start: NaiveDate, rules: &Rules) -> NaiveDate {
    add_days(start, rules.trial_days)
}
