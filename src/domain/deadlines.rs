//! The dates that matter (SPEC §4): one function of the saved facts and `today`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{add_business_days, add_days, add_months, first_step_on_or_after};
use super::plan::{Channel, Decision, PlanKind};
use super::policy::{Rules, checklist_ids};
use super::state::{Account, State, Subscription};

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

/// The label of account-level rows while there is one account.
pub const ACCOUNT_LABEL: &str = super::state::ACCOUNT_WORDS;

/// One row of the deadline table; serializes to the JSON shape of SPEC §6.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub subscription: Option<String>,
    /// The account that pays for the subscription, or the account the row is
    /// about (in the JSON only once there are several: `commands::json`).
    #[serde(skip)]
    pub account: String,
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
    let eu_uk = state.eu_uk();
    let mut keyed: Vec<(usize, Deadline)> = Vec::new();
    for (index, sub) in state.subscriptions.iter().enumerate() {
        for row in subscription_rows(sub, rules, eu_uk, today) {
            keyed.push((index, place(row, Ok(sub), today)));
        }
    }
    // Account rows after every subscription's, in the order the accounts were added.
    let after = state.subscriptions.len();
    for (index, account) in state.accounts.iter().enumerate() {
        for row in account_rows(account, rules) {
            keyed.push((after + index, place(row, Err((state, account)), today)));
        }
    }
    keyed.sort_by_key(|(index, d)| (d.date, *index, d.kind));
    keyed.into_iter().map(|(_, d)| d).collect()
}

/// A row of a subscription (Ok) or of an account (Err), placed relative to today.
fn place(row: Row, about: Result<&Subscription, (&State, &Account)>, today: NaiveDate) -> Deadline {
    let days_left = (row.date - today).num_days();
    let sub = about.ok();
    Deadline {
        subscription: sub.map(|s| s.id.clone()),
        account: match about {
            Ok(s) => s.account.clone(),
            Err((_, a)) => a.id.clone(),
        },
        label: match about {
            Ok(s) => s.label.clone(),
            Err((state, a)) => state.account_name(a),
        },
        plan: sub.and_then(|s| s.plan),
        kind: row.kind,
        date: row.date,
        days_left,
        urgency: Urgency::from_days_left(days_left),
        done: row.done,
    }
}

/// The rows of one subscription, unsorted. An incomplete subscription has
/// none; `eu_uk` is the account holder's answer to "EU or UK?".
pub fn subscription_rows(sub: &Subscription, rules: &Rules, eu_uk: bool, today: NaiveDate) -> Vec<Row> {
    if !sub.is_complete() {
        return Vec::new();
    }
    let (Some(plan), Some(channel), Some(start)) = (sub.plan, sub.channel, sub.started) else {
        return Vec::new();
    };
    if plan == PlanKind::Organization {
        return Vec::new();
    }
    let kept = sub.decision == Some(Decision::Keep);
    // Coursera refunds only what it billed: not an app store's sale, not an organization's seat.
    let coursera_billed = channel == Channel::Web;
    let facts = Facts {
        start,
        today,
        cancelled_on: sub.cancelled_on,
        refund_requested: sub.refund_requested_on.is_some(),
        refund_allowed: coursera_billed && !kept && !sub.certificate(),
        withdrawal_allowed: eu_uk && coursera_billed && !kept && !sub.certificate(),
        trial_started: sub.trial_started.filter(|_| plan != PlanKind::FreeTrial),
        rules,
    };
    let mut rows = match plan {
        PlanKind::FreeTrial => facts.trial(sub.trial_length(rules.trial_days)),
        PlanKind::SpecializationMonthly | PlanKind::PlusMonthly => match pause_resumes(sub) {
            // While a pause lasts it replaces every other row, a refund's
            // arrival date included; a cancelled pause that has run out has
            // no rows, and then that date is listed as for any cancelled plan.
            Some(resumes) if facts.reference() < resumes => {
                let rows = facts.paused(resumes);
                if !rows.is_empty() {
                    return rows;
                }
                rows
            }
            // Billing restarts on the day the pause ends: that day is itself a charge.
            Some(resumes) => facts.billing(plan, resumes, 1, 0, false),
            None => facts.billing(plan, start, 1, 1, true),
        },
        PlanKind::PlusAnnual => facts.billing(plan, start, 12, 1, true),
        PlanKind::CoursePurchase => facts.one_time(),
        PlanKind::Organization => Vec::new(),
    };
    if let Some(asked) = sub.refund_requested_on {
        let row = Row::new(
            DeadlineKind::RefundExpected,
            add_business_days(asked, rules.refund_wait_business_days),
            sub.refund_received_on.is_some(),
        );
        if (row.date - today).num_days() >= -rules.missed_refund_listed_days {
            rows.push(row);
        }
    }
    rows
}

struct Facts<'a> {
    start: NaiveDate,
    today: NaiveDate,
    cancelled_on: Option<NaiveDate>,
    refund_requested: bool,
    /// Coursera's own refund can apply to this plan as bought and decided.
    refund_allowed: bool,
    /// The EU/UK right of withdrawal can apply.
    withdrawal_allowed: bool,
    /// The trial a paid plan was converted from began on this day.
    trial_started: Option<NaiveDate>,
    rules: &'a Rules,
}

impl Facts<'_> {
    fn margin(&self) -> i64 {
        self.rules.margin_days
    }

    fn cancelled(&self) -> bool {
        self.cancelled_on.is_some()
    }

    /// A cancelled subscription is frozen at the day it was cancelled.
    fn reference(&self) -> NaiveDate {
        self.cancelled_on.unwrap_or(self.today)
    }

    /// The last day to ask for a refund within `window` days of `from`.
    fn window_row(&self, kind: DeadlineKind, from: NaiveDate, window: i64) -> Row {
        Row::new(
            kind,
            add_days(from, window - self.margin()),
            self.refund_requested,
        )
    }

    /// The EU/UK withdrawal row for access that began on `began`, listed only
    /// when it says more than the refund row beside it.
    fn withdrawal(&self, began: NaiveDate, refund: Option<&Row>) -> Option<Row> {
        if !self.withdrawal_allowed {
            return None;
        }
        let row = self.window_row(DeadlineKind::WithdrawalBy, began, self.rules.withdrawal_days);
        refund.is_none_or(|r| row.date > r.date).then_some(row)
    }

    fn trial(&self, length: i64) -> Vec<Row> {
        let last_day = add_days(self.start, length - 1);
        let first_charge = add_days(self.start, length);
        let cancel_by = Row::new(
            DeadlineKind::CancelBy,
            add_days(last_day, -self.margin()),
            self.cancelled(),
        );
        let last = Row::new(DeadlineKind::TrialLastDay, last_day, false);
        // Cancelled: nothing more is charged, and access ends with the trial.
        if self.cancelled() && self.today > last_day {
            return Vec::new();
        }
        let mut rows = vec![cancel_by, last];
        if !self.cancelled() {
            rows.push(Row::new(DeadlineKind::FirstCharge, first_charge, false));
        }
        // Charged (for a cancelled trial: cancelled on the charge day or
        // later, which counts as taken): the withdrawal counts from the
        // trial's first day.
        if self.reference() >= first_charge {
            rows.extend(self.withdrawal(self.start, None));
        }
        rows
    }

    fn paused(&self, resumes: NaiveDate) -> Vec<Row> {
        let last_paused_day = add_days(resumes, -1);
        let cancel_by = Row::new(
            DeadlineKind::CancelBy,
            add_days(last_paused_day, -self.margin()),
            self.cancelled(),
        );
        if !self.cancelled() {
            return vec![cancel_by, Row::new(DeadlineKind::PauseResumes, resumes, false)];
        }
        if self.today > last_paused_day {
            Vec::new()
        } else {
            vec![cancel_by]
        }
    }

    /// Recurring charges on `anchor + k·step` months, the first counted one
    /// being `k_min`; `refundable` is false once billing restarted after a pause.
    fn billing(
        &self,
        plan: PlanKind,
        anchor: NaiveDate,
        step: u32,
        k_min: u32,
        refundable: bool,
    ) -> Vec<Row> {
        let k = match self.cancelled_on {
            // Cancelling on a charge day was too late for that charge.
            Some(cancelled) => first_step_on_or_after(anchor, step, k_min, add_days(cancelled, 1)),
            // A charge due today is still ahead.
            None => first_step_on_or_after(anchor, step, k_min, self.today),
        };
        let charge = add_months(anchor, k * step);
        let access_until = add_days(charge, -1);
        if self.cancelled() && self.today > access_until {
            return Vec::new();
        }
        let mut rows = vec![
            Row::new(
                DeadlineKind::CancelBy,
                add_days(access_until, -self.margin()),
                self.cancelled(),
            ),
            Row::new(DeadlineKind::AccessUntil, access_until, false),
        ];
        if !self.cancelled() {
            let kind = if step == 12 {
                DeadlineKind::Renewal
            } else {
                DeadlineKind::NextCharge
            };
            rows.push(Row::new(kind, charge, false));
        }
        // Only the first payment can come back, while it is the latest one.
        if !(refundable && k == 1) {
            return rows;
        }
        let window = match plan {
            PlanKind::SpecializationMonthly => Some(self.rules.specialization_refund_days),
            PlanKind::PlusAnnual => Some(self.rules.annual_refund_days),
            _ => None,
        };
        // The charge a trial turned into is not refunded by Coursera.
        let refund = window
            .filter(|_| self.refund_allowed && self.trial_started.is_none())
            .map(|w| self.window_row(DeadlineKind::RefundBy, self.start, w));
        let began = self.trial_started.unwrap_or(self.start);
        let withdrawal = self.withdrawal(began, refund.as_ref());
        rows.extend(refund);
        rows.extend(withdrawal);
        rows
    }

    fn one_time(&self) -> Vec<Row> {
        let refund = self
            .refund_allowed
            .then(|| self.window_row(DeadlineKind::RefundBy, self.start, self.rules.course_refund_days));
        let withdrawal = self.withdrawal(self.start, refund.as_ref());
        // A missed window stays listed for a while, so the person sees what they missed.
        let listed = |row: &Row| (row.date - self.today).num_days() >= -self.rules.missed_refund_listed_days;
        refund.into_iter().chain(withdrawal).filter(listed).collect()
    }
}

/// Account-level rows: the support reply due after a deletion request.
pub fn account_rows(account: &Account, rules: &Rules) -> Vec<Row> {
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

/// The last day money can be asked back through Coursera, while a refund
/// window or the EU/UK withdrawal is open and no refund was asked for yet.
pub fn refund_until(state: &State, sub: &Subscription, rules: &Rules, today: NaiveDate) -> Option<NaiveDate> {
    open_refund_windows(state, sub, rules, today)
        .last()
        .map(|(_, day)| *day)
}

/// The refund windows still open for a subscription (Coursera's refund, the
/// EU/UK withdrawal), by date, while no refund was asked for yet.
pub fn open_refund_windows(
    state: &State,
    sub: &Subscription,
    rules: &Rules,
    today: NaiveDate,
) -> Vec<(DeadlineKind, NaiveDate)> {
    if sub.refund_requested_on.is_some() || !super::checklist::refund_possible(sub, state) {
        return Vec::new();
    }
    // The windows as they would be if the person cancelled now: keeping or
    // pausing a plan hides them, but choosing again brings them back.
    let mut cancelling = sub.clone();
    if matches!(cancelling.decision, Some(Decision::Keep | Decision::Pause)) {
        cancelling.decision = Some(Decision::Cancel);
        cancelling.pause = None;
    }
    let mut open: Vec<(DeadlineKind, NaiveDate)> =
        subscription_rows(&cancelling, rules, state.eu_uk(), today)
            .iter()
            .filter(|r| matches!(r.kind, DeadlineKind::RefundBy | DeadlineKind::WithdrawalBy))
            .filter(|r| !r.done && r.date >= today)
            .map(|r| (r.kind, r.date))
            .collect();
    open.sort_by_key(|(_, day)| *day);
    open
}

/// What deleting an account would put at stake, plan by plan, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stake<'s> {
    /// Nobody has said which account pays for it: it could be this one.
    AccountNotNamed(&'s Subscription),
    /// Money can still be asked back until this day.
    Refund(&'s Subscription, NaiveDate),
    /// Money was asked back and has not arrived; it is due by this day.
    /// Gone with the account, the request is harder to follow up.
    RefundAwaited(&'s Subscription, NaiveDate),
    /// Access is paid for until this day; the deletion ends it.
    PaidUntil(&'s Subscription, NaiveDate),
}

impl Stake<'_> {
    /// Money: a refund still to ask for, or one on its way.
    pub fn is_money(&self) -> bool {
        matches!(self, Stake::Refund(..) | Stake::RefundAwaited(..))
    }
}

/// The stakes of deleting `account` (the wizard asks a yes for them, the
/// command line warns): only its own plans, and those no account is named
/// for. Money that can still be asked back comes first (it is what a
/// deletion would cost; the wizard spells out only the first few), then
/// money asked back and not yet arrived, then the plans that may be this
/// account's, then the access already paid for;
/// each in the order the plans were added.
pub fn deletion_stakes<'s>(
    state: &'s State,
    account: &str,
    rows: &[Deadline],
    rules: &Rules,
    today: NaiveDate,
) -> Vec<Stake<'s>> {
    let own: Vec<&Subscription> = state
        .subscriptions
        .iter()
        .filter(|s| s.account == account && !s.account_unknown)
        .collect();
    let refunds = own
        .iter()
        .filter_map(|sub| Some(Stake::Refund(sub, refund_until(state, sub, rules, today)?)));
    let awaited = own.iter().filter_map(|sub| {
        let due = rows.iter().find(|r| {
            r.kind == DeadlineKind::RefundExpected && !r.done && r.subscription.as_deref() == Some(&sub.id)
        })?;
        Some(Stake::RefundAwaited(sub, due.date))
    });
    let not_named = state.account_not_named().map(Stake::AccountNotNamed);
    let paid = own.iter().filter_map(|sub| {
        let paid = rows.iter().find(|r| {
            r.kind == DeadlineKind::AccessUntil
                && r.days_left >= 0
                && r.subscription.as_deref() == Some(&sub.id)
        })?;
        Some(Stake::PaidUntil(sub, paid.date))
    });
    refunds.chain(awaited).chain(not_named).chain(paid).collect()
}

/// The day a recorded pause ends and billing resumes. The pause begins when
/// the month already paid for ends (the first charge on or after the day it
/// was chosen), not on that day: P = S + (k + n) months.
pub fn pause_resumes(sub: &Subscription) -> Option<NaiveDate> {
    let (start, paid_to, months) = pause_span(sub)?;
    Some(add_months(start, paid_to + months))
}

/// The day a pause begins: the charge that ends the month already paid for
/// (SPEC §4), the one the pause must be set on Coursera before.
pub fn pause_begins(sub: &Subscription) -> Option<NaiveDate> {
    let (start, paid_to, _) = pause_span(sub)?;
    Some(add_months(start, paid_to))
}

/// The anchor, the step of the first charge on or after the day the pause
/// was chosen, and its length; None unless a pause is in force.
fn pause_span(sub: &Subscription) -> Option<(NaiveDate, u32, u32)> {
    // A later decision (keep, cancel) replaces the pause.
    let replaced = matches!(sub.decision, Some(Decision::Keep | Decision::Cancel));
    let pause = sub
        .pause
        .filter(|_| !replaced && sub.plan.is_some_and(PlanKind::can_pause))?;
    let start = sub.started?;
    Some((
        start,
        first_step_on_or_after(start, 1, 1, pause.from),
        pause.months,
    ))
}

/// A trial nobody cancelled has turned into a paid plan once its first charge
/// is behind us; returns the day of that charge, the new plan's anchor.
pub fn converted_trial_charge(sub: &Subscription, rules: &Rules, today: NaiveDate) -> Option<NaiveDate> {
    if sub.plan != Some(PlanKind::FreeTrial) || sub.cancelled_on.is_some() {
        return None;
    }
    let first_charge = trial_first_charge(sub, rules)?;
    (today > first_charge).then_some(first_charge)
}

/// The day a trial is first charged: the day after its last day (day 8 of a 7-day trial).
pub fn trial_first_charge(sub: &Subscription, rules: &Rules) -> Option<NaiveDate> {
    Some(add_days(sub.started?, sub.trial_length(rules.trial_days)))
}
