//! SPEC §4 as properties over dates from 1900 to 2200. Each property checks
//! the engine against an oracle written here from the spec's words (month
//! lengths by the leap-year rule, steps counted from the anchor, brute-force
//! search for the next charge), never against the engine's own helpers.
//!
//! 256 cases per property by default (proptest's default, fast in a debug
//! build); `PROPTEST_CASES=10000 cargo test --test deadline_properties` runs more.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, TimeDelta};
use coursera_exit::domain::dates::{add_months, first_step_on_or_after, parse_date};
use coursera_exit::domain::deadlines::{Deadline, DeadlineKind, Urgency, deadlines};
use coursera_exit::domain::plan::{AccountDecision, Channel, Decision, PlanKind};
use coursera_exit::domain::policy::{Policy, Rules};
use coursera_exit::domain::state::{ItemRecord, Pause, State, Subscription};
use proptest::prelude::*;

static POLICY: LazyLock<Policy> = LazyLock::new(Policy::embedded);

fn rules() -> &'static Rules {
    &POLICY.rules
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

// ---- The oracle ----

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn month_len(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// anchor + k months: same day of the month, or the month's last day if shorter.
fn step(anchor: NaiveDate, k: u32) -> NaiveDate {
    let months = anchor.year() * 12 + anchor.month0() as i32 + k as i32;
    let (year, month) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
    ymd(year, month, anchor.day().min(month_len(year, month)))
}

/// The smallest k ≥ k_min whose step lands on or after `day`, by trying each k.
fn first_k(anchor: NaiveDate, months: u32, k_min: u32, day: NaiveDate) -> u32 {
    (k_min..)
        .find(|k| step(anchor, k * months) >= day)
        .expect("some step is late enough")
}

/// SPEC §4 tie-break order, written out rather than taken from `Ord`.
const KIND_ORDER: [&str; 11] = [
    "cancel-by",
    "refund-by",
    "withdrawal-by",
    "trial-last-day",
    "access-until",
    "first-charge",
    "next-charge",
    "renewal",
    "pause-resumes",
    "refund-expected",
    "support-reply-due",
];

fn kind_rank(kind: DeadlineKind) -> usize {
    KIND_ORDER
        .iter()
        .position(|k| *k == kind.id())
        .expect("every kind is in §4's list")
}

fn urgency_of(days_left: i64) -> &'static str {
    match days_left {
        ..0 => "overdue",
        0 => "today",
        1..=2 => "urgent",
        3..=7 => "soon",
        _ => "later",
    }
}

// ---- Generators ----

const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid");
const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(2200, 12, 31).expect("valid");

/// Any day from `from` to `to`, with the month ends (29–31) drawn often,
/// since that is where clamping goes wrong.
fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = (to - from).num_days();
    let any = (0..=span).prop_map(move |n| from + days(n));
    let month_end = (0..=span, 0u32..4).prop_map(move |(n, back)| {
        let d = from + days(n);
        let day = month_len(d.year(), d.month()).saturating_sub(back);
        ymd(d.year(), d.month(), day).clamp(from, to)
    });
    prop_oneof![any, month_end]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    date_between(FIRST_DAY, LAST_DAY)
}

fn plan() -> impl Strategy<Value = PlanKind> {
    proptest::sample::select(PlanKind::ALL.to_vec())
}

fn channel_for(plan: PlanKind) -> BoxedStrategy<Channel> {
    if plan == PlanKind::Organization {
        Just(Channel::Organization).boxed()
    } else {
        proptest::sample::select(Channel::ALL.to_vec()).boxed()
    }
}

/// A day between `from` and `to` chosen by a fraction, `from` when the span is empty.
fn within(from: NaiveDate, to: NaiveDate, fraction: u16) -> NaiveDate {
    let span = (to - from).num_days().max(0);
    from + days(span * i64::from(fraction) / i64::from(u16::MAX))
}

/// What the wizard and the command line could have saved about one subscription,
/// relative to `today`: mostly started before today, sometimes (an earlier
/// `--today`) after it.
fn subscription(today: NaiveDate) -> impl Strategy<Value = Subscription> {
    let facts = (
        plan(),
        // Starts a few days apart put rows of different subscriptions on one date.
        prop_oneof![-60i64..=4000, 25i64..=40],
        any::<bool>(),
        proptest::option::of(any::<u16>()),
        proptest::option::of((any::<u16>(), 1u32..=3)),
        proptest::option::of(any::<u16>()),
        0u8..12,
    );
    facts.prop_flat_map(move |(plan, ago, cert, cancel, pause, refund, unset)| {
        channel_for(plan).prop_map(move |channel| {
            let started = (today - days(ago)).clamp(FIRST_DAY, LAST_DAY);
            let mut s = Subscription::new("s0".into(), format!("{} bought {started}", plan.id()));
            s.plan = Some(plan);
            s.channel = Some(channel);
            s.started = Some(started);
            s.certificate_earned = Some(cert);
            s.cancelled_on = cancel.map(|f| within(started, today, f));
            s.refund_requested_on = refund.map(|f| within(started, today, f));
            // Only a Specialization can pause (SPEC §2); `decide` refuses the others.
            if plan == PlanKind::SpecializationMonthly {
                s.pause = pause.map(|(f, months)| Pause {
                    from: within(started, today, f),
                    months,
                });
            }
            // Now and then a question is still unanswered.
            match unset {
                0 => s.plan = None,
                1 => s.channel = None,
                2 => s.started = None,
                3 => s.certificate_earned = None,
                _ => {}
            }
            s
        })
    })
}

/// A whole state: up to four subscriptions added in order (ids from a random
/// counter, so "s10" may follow "s9"), and an account that may be deleting.
fn state_and_today() -> impl Strategy<Value = (State, NaiveDate)> {
    let today = date_between(ymd(1911, 1, 1), LAST_DAY);
    today.prop_flat_map(|today| {
        let subs = proptest::collection::vec(subscription(today), 0..=4);
        let account = (
            proptest::option::of(prop_oneof![
                Just(AccountDecision::Delete),
                Just(AccountDecision::Keep)
            ]),
            proptest::option::of(date_between(today - days(120), today)),
            any::<bool>(),
        );
        (subs, account, 1u32..20).prop_map(move |(subs, (decision, requested, confirmed), first_id)| {
            let mut state = State {
                next_id: first_id,
                ..State::default()
            };
            for mut s in subs {
                s.id = format!("s{}", state.next_id);
                state.next_id += 1;
                state.subscriptions.push(s);
            }
            state.accounts[0].decision = decision;
            state.accounts[0].requested_on = requested;
            if confirmed {
                let record = ItemRecord {
                    done: true,
                    done_on: Some(today),
                    ..ItemRecord::new("written-confirmation")
                };
                state.accounts[0].items.push(record);
            }
            (state, today)
        })
    })
}

/// The embedded numbers, or others a `--policy` file could give: with no
/// margin, or a refund window of whole months, kinds of one subscription
/// fall on the same day and the kind order of §4 shows.
fn rules_variant() -> impl Strategy<Value = Rules> {
    let numbers = prop_oneof![
        2 => Just((1i64, 14i64)),
        1 => (0i64..=3, prop_oneof![Just(14i64), Just(28), Just(29), Just(30), Just(31)]),
    ];
    numbers.prop_map(|(margin, refund)| Rules {
        margin_days: margin,
        course_refund_days: refund,
        annual_refund_days: refund,
        ..POLICY.rules.clone()
    })
}

fn rows_of<'a>(rows: &'a [Deadline], id: &str) -> Vec<&'a Deadline> {
    rows.iter()
        .filter(|r| r.subscription.as_deref() == Some(id))
        .collect()
}

fn find(rows: &[&Deadline], kind: DeadlineKind) -> Option<NaiveDate> {
    rows.iter().find(|r| r.kind == kind).map(|r| r.date)
}

fn billing_sub(plan: PlanKind, started: NaiveDate) -> State {
    let mut s = Subscription::new("s1".into(), plan.id().into());
    s.plan = Some(plan);
    s.channel = Some(Channel::Web);
    s.started = Some(started);
    s.certificate_earned = Some(false);
    State {
        next_id: 2,
        subscriptions: vec![s],
        ..State::default()
    }
}

// ---- Month steps ----

proptest! {
    #[test]
    fn kth_step_is_the_anchor_plus_k_months_clamped_to_the_month_end(
        anchor in any_date(),
        k in 0u32..=1200,
    ) {
        let got = add_months(anchor, k);
        prop_assert_eq!(got, step(anchor, k));
        prop_assert_eq!(got.day(), anchor.day().min(month_len(got.year(), got.month())));
        prop_assert!(got >= anchor);
        if k >= 1 {
            prop_assert!(got > anchor);
        }
        prop_assert!(add_months(anchor, k + 1) > got, "strictly increasing in k");
    }

    #[test]
    fn kth_step_does_not_drift_from_the_anchor(anchor in any_date(), k in 1u32..=60) {
        // Months in between may be shorter; the step still comes back to the anchor's day.
        let chained = (0..k).fold(anchor, |d, _| add_months(d, 1));
        let anchored = add_months(anchor, k);
        prop_assert!(anchored >= chained);
        let clamped_day = anchor.day().min(month_len(anchored.year(), anchored.month()));
        prop_assert_eq!(anchored.day(), clamped_day);
    }

    #[test]
    fn first_step_on_or_after_is_the_smallest_late_enough_step(
        anchor in any_date(),
        target in any_date(),
        months in prop_oneof![Just(1u32), Just(12u32)],
        k_min in 0u32..=1,
    ) {
        let k = first_step_on_or_after(anchor, months, k_min, target);
        prop_assert_eq!(k, first_k(anchor, months, k_min, target));
    }
}

// ---- Reading dates back ----

proptest! {
    #[test]
    fn every_date_reads_back_from_its_iso_form(day in any_date()) {
        prop_assert_eq!(parse_date(&day.format("%Y-%m-%d").to_string()), Ok(day));
    }

    #[test]
    fn a_day_past_the_month_end_is_refused_with_the_month_length(
        day in any_date(),
        past in 1u32..=4,
    ) {
        let (year, month) = (day.year(), day.month());
        let len = month_len(year, month);
        let text = format!("{year:04}-{month:02}-{:02}", len + past);
        let why = parse_date(&text).expect_err("no such day");
        prop_assert!(why.ends_with(&format!("{year} has {len} days")), "{}: {}", text, why);
    }
}

// ---- Charges through `deadlines()` ----

proptest! {
    #[test]
    fn next_charge_is_the_smallest_step_from_the_start_on_or_after_today(
        plan in prop_oneof![
            Just(PlanKind::SpecializationMonthly),
            Just(PlanKind::PlusMonthly),
            Just(PlanKind::PlusAnnual),
        ],
        started in date_between(FIRST_DAY, ymd(2190, 12, 31)),
        later in -400i64..=3700,
    ) {
        let today = started + days(later);
        let rows = deadlines(&billing_sub(plan, started), rules(), today);
        let rows: Vec<&Deadline> = rows.iter().collect();
        let (months, kind) = match plan {
            PlanKind::PlusAnnual => (12, DeadlineKind::Renewal),
            _ => (1, DeadlineKind::NextCharge),
        };
        let k = first_k(started, months, 1, today);
        let charge = step(started, k * months);
        prop_assert_eq!(find(&rows, kind), Some(charge));
        prop_assert!(charge >= today);
        prop_assert_eq!(find(&rows, DeadlineKind::AccessUntil), Some(charge - days(1)));
        prop_assert_eq!(find(&rows, DeadlineKind::CancelBy), Some(charge - days(2)));
        // Since 2026 only a first payment is refundable: 7 days for a
        // Specialization, 14 for a year of Plus, none for Plus monthly.
        let refund = match plan {
            PlanKind::SpecializationMonthly if k == 1 => Some(started + days(6)),
            PlanKind::PlusAnnual if k == 1 => Some(started + days(13)),
            _ => None,
        };
        prop_assert_eq!(find(&rows, DeadlineKind::RefundBy), refund);
    }

    #[test]
    fn a_pause_bills_again_from_the_day_it_ends(
        started in date_between(FIRST_DAY, ymd(2190, 12, 31)),
        pause_after in 0i64..=400,
        months in 1u32..=3,
        // Around the resume day often: the day itself is the first charge.
        around in prop_oneof![-100i64..=800, -2i64..=2],
    ) {
        let from = started + days(pause_after);
        // The pause begins when the month already paid ends.
        let paid_to = first_k(started, 1, 1, from);
        let resumes = step(started, paid_to + months);
        let today = (resumes + days(around)).max(from);
        let mut state = billing_sub(PlanKind::SpecializationMonthly, started);
        state.subscriptions[0].decision = Some(Decision::Pause);
        state.subscriptions[0].pause = Some(Pause { from, months });
        let rows = deadlines(&state, rules(), today);
        let rows: Vec<&Deadline> = rows.iter().collect();
        if today < resumes {
            prop_assert_eq!(rows.len(), 2);
            prop_assert_eq!(find(&rows, DeadlineKind::PauseResumes), Some(resumes));
            prop_assert_eq!(find(&rows, DeadlineKind::CancelBy), Some(resumes - days(2)));
        } else {
            let charge = step(resumes, first_k(resumes, 1, 0, today));
            prop_assert_eq!(rows.len(), 3);
            prop_assert_eq!(find(&rows, DeadlineKind::NextCharge), Some(charge));
            prop_assert_eq!(find(&rows, DeadlineKind::AccessUntil), Some(charge - days(1)));
            prop_assert_eq!(find(&rows, DeadlineKind::CancelBy), Some(charge - days(2)));
        }
    }

    #[test]
    fn a_cancelled_plan_is_frozen_at_the_cancel_day(
        plan in prop_oneof![
            Just(PlanKind::SpecializationMonthly),
            Just(PlanKind::PlusMonthly),
            Just(PlanKind::PlusAnnual),
        ],
        started in date_between(FIRST_DAY, ymd(2190, 12, 31)),
        cancel_after in 0i64..=800,
        later in 0i64..=800,
    ) {
        let cancelled_on = started + days(cancel_after);
        let today = cancelled_on + days(later);
        let mut state = billing_sub(plan, started);
        state.subscriptions[0].cancelled_on = Some(cancelled_on);
        let rows = deadlines(&state, rules(), today);
        let rows: Vec<&Deadline> = rows.iter().collect();
        let months = if plan == PlanKind::PlusAnnual { 12 } else { 1 };
        // A charge due on the cancellation day was already taken.
        let charge = step(started, first_k(started, months, 1, cancelled_on + days(1)) * months);
        let access_until = charge - days(1);
        if today > access_until {
            prop_assert!(rows.is_empty(), "{:?}", rows);
        } else {
            prop_assert_eq!(find(&rows, DeadlineKind::AccessUntil), Some(access_until));
            prop_assert_eq!(find(&rows, DeadlineKind::CancelBy), Some(access_until - days(1)));
            prop_assert!(rows.iter().all(|r| r.kind != DeadlineKind::NextCharge && r.kind != DeadlineKind::Renewal));
        }
    }
}

// ---- Every generated state ----

proptest! {
    #[test]
    fn every_state_gives_rows_that_keep_the_section_4_rules(
        (state, today) in state_and_today(),
        rules in rules_variant(),
    ) {
        let rows = deadlines(&state, &rules, today);

        // Order: by date, then subscription as added (account last), then kind.
        let position = |r: &Deadline| match &r.subscription {
            Some(id) => state.subscriptions.iter().position(|s| &s.id == id).expect("a known id"),
            None => usize::MAX,
        };
        let keys: Vec<_> = rows.iter().map(|r| (r.date, position(r), kind_rank(r.kind))).collect();
        prop_assert!(keys.windows(2).all(|w| w[0] <= w[1]), "not in §4 order: {:?}", rows);

        for r in &rows {
            prop_assert_eq!(r.days_left, (r.date - today).num_days(), "{:?}", r);
            prop_assert_eq!(r.urgency.id(), urgency_of(r.days_left), "{:?}", r);
            prop_assert_eq!(r.urgency, Urgency::from_days_left(r.days_left));
        }

        for sub in &state.subscriptions {
            let mine = rows_of(&rows, &sub.id);
            check_subscription(sub, &mine, &rules, today)?;
        }

        let account: Vec<&Deadline> = rows.iter().filter(|r| r.subscription.is_none()).collect();
        let deleting = state.accounts[0].decision == Some(AccountDecision::Delete);
        match state.accounts[0].requested_on.filter(|_| deleting) {
            Some(requested) => {
                prop_assert_eq!(account.len(), 1);
                let row = account[0];
                prop_assert_eq!(row.kind, DeadlineKind::SupportReplyDue);
                prop_assert_eq!(row.date, step(requested, 1));
                prop_assert_eq!(row.plan, None);
                prop_assert_eq!(row.label.as_str(), "Coursera account");
                let confirmed = state.accounts[0].item("written-confirmation").is_some_and(|i| i.done);
                prop_assert_eq!(row.done, confirmed);
            }
            None => prop_assert!(account.is_empty(), "{:?}", account),
        }
    }
}

fn check_subscription(
    sub: &Subscription,
    rows: &[&Deadline],
    rules: &Rules,
    today: NaiveDate,
) -> Result<(), TestCaseError> {
    use DeadlineKind::*;
    let margin = days(rules.margin_days);
    let Some(plan) = sub.plan.filter(|_| sub.is_complete()) else {
        prop_assert!(rows.is_empty(), "incomplete yet {:?}", rows);
        return Ok(());
    };
    for r in rows {
        prop_assert_eq!(r.plan, Some(plan));
        prop_assert_eq!(&r.label, &sub.label);
    }
    let has = |kind| rows.iter().any(|r| r.kind == kind);
    let cancelled = sub.cancelled_on.is_some();

    // Cancel one whole day before the last day you have, which ends before the charge.
    if let (Some(cancel), Some(access)) = (find(rows, CancelBy), find(rows, AccessUntil)) {
        prop_assert_eq!(cancel, access - margin);
    }
    if let (Some(cancel), Some(last)) = (find(rows, CancelBy), find(rows, TrialLastDay)) {
        prop_assert_eq!(cancel, last - margin);
    }
    if let Some(resumes) = find(rows, PauseResumes) {
        prop_assert_eq!(find(rows, CancelBy), Some(resumes - days(1) - margin));
    }
    for charge_kind in [NextCharge, Renewal] {
        if let Some(charge) = find(rows, charge_kind) {
            prop_assert_eq!(find(rows, AccessUntil), Some(charge - days(1)));
            prop_assert!(charge >= today);
        }
    }
    if let Some(first) = find(rows, FirstCharge) {
        prop_assert_eq!(find(rows, TrialLastDay), Some(first - days(1)));
    }

    // Which kinds each plan may have.
    let allowed: &[DeadlineKind] = match plan {
        PlanKind::FreeTrial => &[CancelBy, TrialLastDay, FirstCharge, WithdrawalBy, RefundExpected],
        PlanKind::SpecializationMonthly => &[
            CancelBy,
            RefundBy,
            WithdrawalBy,
            AccessUntil,
            NextCharge,
            PauseResumes,
            RefundExpected,
        ],
        PlanKind::PlusMonthly => &[
            CancelBy,
            WithdrawalBy,
            AccessUntil,
            NextCharge,
            PauseResumes,
            RefundExpected,
        ],
        PlanKind::PlusAnnual => &[
            CancelBy,
            RefundBy,
            WithdrawalBy,
            AccessUntil,
            Renewal,
            RefundExpected,
        ],
        PlanKind::CoursePurchase => &[RefundBy, WithdrawalBy, RefundExpected],
        PlanKind::Organization => &[],
    };
    for r in rows {
        prop_assert!(allowed.contains(&r.kind), "{:?} has {:?}", plan, r);
    }
    let app_store = sub
        .channel
        .is_some_and(|c| matches!(c, Channel::Ios | Channel::Android));
    let kept = sub.decision == Some(Decision::Keep);
    if app_store || kept || sub.certificate() {
        prop_assert!(!has(RefundBy) && !has(WithdrawalBy), "{:?}", rows);
    }

    // Done only for the facts that make it so.
    for r in rows {
        let done_ok = match r.kind {
            CancelBy => r.done == cancelled,
            RefundBy | WithdrawalBy => r.done == sub.refund_requested_on.is_some(),
            RefundExpected => r.done == sub.refund_received_on.is_some(),
            _ => !r.done,
        };
        prop_assert!(done_ok, "{:?} with cancelled {:?}", r, sub.cancelled_on);
    }

    if cancelled {
        for gone in [NextCharge, Renewal, FirstCharge, PauseResumes] {
            prop_assert!(!has(gone), "cancelled yet {:?}", rows);
        }
        // Rows vanish once the last day with access is behind us.
        for last in [AccessUntil, TrialLastDay] {
            if let Some(day) = find(rows, last) {
                prop_assert!(today <= day, "{:?}", rows);
            }
        }
        let length = sub.trial_length(rules.trial_days);
        if plan == PlanKind::FreeTrial && today > sub.started.expect("complete") + days(length - 1) {
            prop_assert!(rows.iter().all(|r| r.kind == RefundExpected), "{:?}", rows);
        }
    } else if plan.renews() {
        let charge = [FirstCharge, NextCharge, Renewal, PauseResumes]
            .into_iter()
            .filter(|k| has(*k))
            .count();
        prop_assert_eq!(charge, 1, "one coming charge or resume day: {:?}", rows);
        prop_assert!(has(CancelBy));
    }

    if let (PlanKind::CoursePurchase, Some(refund)) = (plan, find(rows, RefundBy)) {
        let paid = sub.started.expect("complete");
        prop_assert_eq!(refund, paid + days(rules.course_refund_days) - margin);
        prop_assert!((refund - today).num_days() >= -rules.missed_refund_listed_days);
    }
    Ok(())
}
