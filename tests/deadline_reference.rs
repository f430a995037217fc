//! An independent statement of SPEC §4 (version 2), written from SPEC.md
//! alone: its own calendar (leap years, month lengths, anchored month steps,
//! business days), its own reading of every row of the rules table, its own
//! order. The engine's full row list — subscription, label, plan, kind, date,
//! days left, urgency, done, order — must equal this one for random states,
//! and for a deterministic grid of every plan × channel × region ×
//! certificate × decision × cancellation × refund.
//!
//! Where SPEC's text leaves a choice open, the reading taken is written
//! next to the code that takes it ("Reading: …").
//!
//! Case counts: 512 per property by default (a few seconds in a debug
//! build); `PROPTEST_CASES=20000 cargo test --test deadline_reference` runs more.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use coursera_exit::domain::deadlines::{Deadline, deadlines};
use coursera_exit::domain::plan::{AccountDecision, Channel, Decision, PlanKind, Region};
use coursera_exit::domain::policy::{Policy, Rules};
use coursera_exit::domain::state::{ItemRecord, Pause, State, Subscription};
use proptest::prelude::*;

static POLICY: LazyLock<Policy> = LazyLock::new(Policy::embedded);

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(512)
}

// ---- The calendar, from first principles ----

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

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn plus(day: NaiveDate, n: i64) -> NaiveDate {
    day + TimeDelta::days(n)
}

/// anchor + k months, always from the anchor: the anchor's day of the month,
/// or the month's last day when that month is shorter.
fn months_after(anchor: NaiveDate, k: u32) -> NaiveDate {
    let index = anchor.year() * 12 + anchor.month0() as i32 + k as i32;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    ymd(year, month, anchor.day().min(month_len(year, month)))
}

/// `n` business days after `day`, counting Monday to Friday only.
fn business_days_after(day: NaiveDate, n: i64) -> NaiveDate {
    let mut at = day;
    let mut left = n;
    while left > 0 {
        at = plus(at, 1);
        if !matches!(at.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    at
}

/// The smallest k ≥ `k_min` whose step `anchor + k·months_per_step months`
/// is still ahead: on or after today (a charge due today is still ahead), or,
/// for a subscription cancelled on C, strictly after C (a charge due on C
/// counts as taken).
fn coming_step(
    anchor: NaiveDate,
    months_per_step: u32,
    k_min: u32,
    cancelled: Option<NaiveDate>,
    today: NaiveDate,
) -> (u32, NaiveDate) {
    (k_min..)
        .map(|k| (k, months_after(anchor, k * months_per_step)))
        .find(|&(_, day)| match cancelled {
            Some(c) => day > c,
            None => day >= today,
        })
        .expect("some step is late enough")
}

// ---- The rows, as SPEC §4 states them ----

/// §4's tie-break order of kinds.
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

fn urgency(days_left: i64) -> &'static str {
    match days_left {
        ..0 => "overdue",
        0 => "today",
        1..=2 => "urgent",
        3..=7 => "soon",
        _ => "later",
    }
}

/// One row as `deadlines --json` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    subscription: Option<String>,
    label: String,
    plan: Option<&'static str>,
    kind: &'static str,
    date: NaiveDate,
    days_left: i64,
    urgency: &'static str,
    done: bool,
}

fn shown_engine(rows: &[Deadline]) -> Vec<Shown> {
    rows.iter()
        .map(|r| Shown {
            subscription: r.subscription.clone(),
            label: r.label.clone(),
            plan: r.plan.map(PlanKind::id),
            kind: r.kind.id(),
            date: r.date,
            days_left: r.days_left,
            urgency: r.urgency.id(),
            done: r.done,
        })
        .collect()
}

type Bare = (&'static str, NaiveDate, bool);

/// The rows of one subscription (kind, date, done), in no particular order.
fn reference_subscription(sub: &Subscription, rules: &Rules, eu_uk: bool, today: NaiveDate) -> Vec<Bare> {
    // A subscription still being identified has no rows; a trial asks no
    // certificate question.
    let (Some(plan), Some(channel), Some(start)) = (sub.plan, sub.channel, sub.started) else {
        return Vec::new();
    };
    if sub.certificate_earned.is_none() && plan != PlanKind::FreeTrial {
        return Vec::new();
    }
    // `organization`: none.
    if plan == PlanKind::Organization {
        return Vec::new();
    }
    let margin = rules.margin_days;
    let cancelled = sub.cancelled_on;
    let asked = sub.refund_requested_on.is_some();
    let certificate = sub.certificate_earned == Some(true);
    let converted = sub.trial_started.is_some() && plan != PlanKind::FreeTrial;
    // No refund-by or withdrawal-by for app-store or organization channels,
    // for a kept plan, or once a certificate was earned.
    let refundable = channel == Channel::Web && sub.decision != Some(Decision::Keep) && !certificate;
    let withdrawal = eu_uk && refundable;
    // A later decision (keep, cancel) replaces a pause.
    let pause = sub
        .pause
        .filter(|_| !matches!(sub.decision, Some(Decision::Keep | Decision::Cancel)));

    let mut rows: Vec<Bare> = Vec::new();
    // Rows that `refund-expected` does not join (see the pause below).
    let mut refund_expected_shown = true;

    match plan {
        PlanKind::FreeTrial => {
            let length = sub.trial_days.map_or(rules.trial_days, i64::from);
            let last_day = plus(start, length - 1);
            let first_charge = plus(start, length);
            rows.push(("cancel-by", plus(last_day, -margin), cancelled.is_some()));
            rows.push(("trial-last-day", last_day, false));
            if cancelled.is_none() {
                rows.push(("first-charge", first_charge, false));
            }
            // Withdrawal: from the trial's start, once it was charged (with C
            // in place of today for a cancelled trial).
            // Reading: a trial has no "next charge" after its first one, so an
            // overdue withdrawal-by of an unconverted trial stays listed like
            // the trial's other (overdue) rows.
            if withdrawal && cancelled.unwrap_or(today) >= first_charge {
                rows.push((
                    "withdrawal-by",
                    plus(start, rules.withdrawal_days - margin),
                    asked,
                ));
            }
            if cancelled.is_some() && today > last_day {
                rows.clear();
            }
        }
        PlanKind::SpecializationMonthly | PlanKind::PlusMonthly | PlanKind::PlusAnnual => {
            let (months, charge_kind) = if plan == PlanKind::PlusAnnual {
                (12, "renewal")
            } else {
                (1, "next-charge")
            };
            let billing = |rows: &mut Vec<Bare>, charge: NaiveDate| {
                let access_until = plus(charge, -1);
                rows.push(("cancel-by", plus(access_until, -margin), cancelled.is_some()));
                rows.push(("access-until", access_until, false));
                if cancelled.is_none() {
                    rows.push((charge_kind, charge, false));
                }
                if cancelled.is_some() && today > access_until {
                    rows.clear();
                }
            };
            match pause {
                Some(Pause { from, months: n }) => {
                    // The pause begins when the paid month ends: the first
                    // charge on or after the day it was recorded.
                    let (k, _) = (1..)
                        .map(|k| (k, months_after(start, k)))
                        .find(|&(_, day)| day >= from)
                        .expect("a charge after the pause");
                    let resumes = months_after(start, k + n);
                    if cancelled.unwrap_or(today) < resumes {
                        rows.push(("cancel-by", plus(resumes, -1 - margin), cancelled.is_some()));
                        if cancelled.is_none() {
                            rows.push(("pause-resumes", resumes, false));
                        }
                        // Reading: cancelled while paused, the day before the
                        // resume day plays the frozen access-until; past it, no rows.
                        if cancelled.is_some() && today > plus(resumes, -1) {
                            rows.clear();
                        }
                        // Reading: "replace every other row" is taken word
                        // for word — a refund-expected too.
                        refund_expected_shown = cancelled.is_some_and(|_| today > plus(resumes, -1));
                    } else {
                        // From P on: billing anchored at P, P itself a charge
                        // (k ≥ 0); no refund-by, no withdrawal-by.
                        let (_, charge) = coming_step(resumes, 1, 0, cancelled, today);
                        billing(&mut rows, charge);
                    }
                }
                None => {
                    let (k, charge) = coming_step(start, months, 1, cancelled, today);
                    let first_payment = k == 1;
                    billing(&mut rows, charge);
                    if !rows.is_empty() {
                        // Only the first payment is refundable (never a later
                        // month, never a renewal), and not one a trial turned into.
                        let window = match plan {
                            PlanKind::SpecializationMonthly => Some(rules.specialization_refund_days),
                            PlanKind::PlusAnnual => Some(rules.annual_refund_days),
                            _ => None,
                        };
                        let refund_by = window
                            .filter(|_| first_payment && refundable && !converted)
                            .map(|w| plus(start, w - margin));
                        if let Some(day) = refund_by {
                            rows.push(("refund-by", day, asked));
                        }
                        if withdrawal && first_payment {
                            let began = if converted {
                                sub.trial_started.expect("converted")
                            } else {
                                start
                            };
                            let day = plus(began, rules.withdrawal_days - margin);
                            if refund_by.is_none_or(|r| day > r) {
                                rows.push(("withdrawal-by", day, asked));
                            }
                        }
                    }
                }
            }
        }
        PlanKind::CoursePurchase => {
            // One payment: a missed refund-by or withdrawal-by stays listed
            // while days_left ≥ −30.
            let listed = |day: NaiveDate| (day - today).num_days() >= -rules.missed_refund_listed_days;
            if refundable {
                let refund_by = plus(start, rules.course_refund_days - margin);
                if listed(refund_by) {
                    rows.push(("refund-by", refund_by, asked));
                }
                let withdrawal_by = plus(start, rules.withdrawal_days - margin);
                if withdrawal && withdrawal_by > refund_by && listed(withdrawal_by) {
                    rows.push(("withdrawal-by", withdrawal_by, asked));
                }
            }
        }
        PlanKind::Organization => unreachable!("no rows, above"),
    }

    if let Some(requested) = sub.refund_requested_on
        && refund_expected_shown
    {
        let day = business_days_after(requested, rules.refund_wait_business_days);
        if (day - today).num_days() >= -rules.missed_refund_listed_days {
            rows.push(("refund-expected", day, sub.refund_received_on.is_some()));
        }
    }
    rows
}

/// Every row of the state, in §4 order: by date, then subscription in the
/// order added (account rows last), then kind.
fn reference(state: &State, rules: &Rules, today: NaiveDate) -> Vec<Shown> {
    let eu_uk = state.region == Some(Region::EuUk);
    let mut keyed: Vec<((NaiveDate, usize, usize), Shown)> = Vec::new();
    let mut push = |position: usize, sub: Option<&Subscription>, (kind, date, done): Bare| {
        let days_left = (date - today).num_days();
        let rank = KIND_ORDER.iter().position(|k| *k == kind).expect("a §4 kind");
        let row = Shown {
            subscription: sub.map(|s| s.id.clone()),
            label: sub.map_or("Coursera account".to_string(), |s| s.label.clone()),
            plan: sub.and_then(|s| s.plan).map(PlanKind::id),
            kind,
            date,
            days_left,
            urgency: urgency(days_left),
            done,
        };
        keyed.push(((date, position, rank), row));
    };
    for (position, sub) in state.subscriptions.iter().enumerate() {
        for row in reference_subscription(sub, rules, eu_uk, today) {
            push(position, Some(sub), row);
        }
    }
    // Deletion requested on R: support-reply-due = R + 1 month, done once
    // the written confirmation is ticked.
    if state.accounts[0].decision == Some(AccountDecision::Delete)
        && let Some(requested) = state.accounts[0].requested_on
    {
        let confirmed = state.accounts[0]
            .item("written-confirmation")
            .is_some_and(|i| i.done);
        let due = months_after(requested, rules.support_reply_months);
        push(usize::MAX, None, ("support-reply-due", due, confirmed));
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, row)| row).collect()
}

/// The engine's rows equal the reference's, row by row.
fn same_rows(state: &State, rules: &Rules, today: NaiveDate) -> Result<(), String> {
    let engine = shown_engine(&deadlines(state, rules, today));
    let want = reference(state, rules, today);
    if engine == want {
        return Ok(());
    }
    let line = |r: &Shown| {
        format!(
            "{:?} {} {} left {} {} done {}",
            r.subscription.as_deref().unwrap_or("account"),
            r.kind,
            r.date,
            r.days_left,
            r.urgency,
            r.done
        )
    };
    let engine: Vec<String> = engine.iter().map(line).collect();
    let want: Vec<String> = want.iter().map(line).collect();
    Err(format!(
        "today {today}\nengine:    {engine:#?}\nreference: {want:#?}\nstate: {:#?}",
        state.subscriptions
    ))
}

// ---- Building states as the command line would save them ----

const RENEWING_PAID: [PlanKind; 3] = [
    PlanKind::SpecializationMonthly,
    PlanKind::PlusMonthly,
    PlanKind::PlusAnnual,
];

fn channels_for(plan: PlanKind) -> &'static [Channel] {
    // Plan organization only with channel organization (SPEC §6).
    if plan == PlanKind::Organization {
        &[Channel::Organization]
    } else {
        &Channel::ALL
    }
}

/// A day from `from` to `to` picked by a fraction (`from` when the span is empty).
fn within(from: NaiveDate, to: NaiveDate, fraction: u16) -> NaiveDate {
    let span = (to - from).num_days().max(0);
    plus(from, span * i64::from(fraction) / i64::from(u16::MAX))
}

/// How a day (of a pause or a cancellation) is picked between the start and today.
#[derive(Debug, Clone, Copy)]
enum DayPick {
    Fraction(u16),
    /// A charge day (the j-th, or the latest one on or before today).
    ChargeDay(u32),
    /// Around a pause's resume day.
    AroundResume(i64),
}

#[derive(Debug, Clone, Copy)]
enum Choice {
    None,
    Keep,
    Cancel,
    Pause { months: u32, on: DayPick },
}

/// What a person can have told the tool about one subscription.
#[derive(Debug, Clone)]
struct Facts {
    plan: PlanKind,
    channel: usize,
    /// 0: not answered (a trial), 1: no, 2: yes.
    certificate: u8,
    trial_days: Option<u32>,
    converted: bool,
    choice: Choice,
    /// A hand-edited file: `keep`/`cancel` with the pause still written.
    stale_pause: Option<(u32, u16)>,
    cancel: Option<DayPick>,
    refund: Option<(u16, Option<u16>)>,
    /// 0..=3: one question still unanswered.
    unset: u8,
}

fn trial_length(f: &Facts, rules: &Rules) -> i64 {
    f.trial_days.map_or(rules.trial_days, i64::from)
}

/// The charge days of the plan, before any pause: the trial's first charge,
/// monthly or yearly steps from the start.
fn charge_day(plan: PlanKind, start: NaiveDate, j: u32, length: i64) -> NaiveDate {
    match plan {
        PlanKind::FreeTrial => plus(start, length),
        PlanKind::PlusAnnual => months_after(start, 12 * (1 + j % 6)),
        _ => months_after(start, 1 + j % 40),
    }
}

/// The latest charge day on or before `today` (the start if none).
fn latest_charge(plan: PlanKind, start: NaiveDate, today: NaiveDate, length: i64) -> NaiveDate {
    (0..80)
        .map(|j| charge_day(plan, start, j, length))
        .take_while(|d| *d <= today)
        .last()
        .unwrap_or(start)
}

fn pick_day(
    pick: DayPick,
    plan: PlanKind,
    start: NaiveDate,
    today: NaiveDate,
    length: i64,
    resumes: Option<NaiveDate>,
) -> NaiveDate {
    let day = match pick {
        DayPick::Fraction(f) => within(start, today, f),
        DayPick::ChargeDay(j) => {
            let day = charge_day(plan, start, j, length);
            if day <= today {
                day
            } else {
                latest_charge(plan, start, today, length)
            }
        }
        DayPick::AroundResume(delta) => match resumes {
            Some(p) => plus(p, delta),
            None => within(start, today, 1 << 15),
        },
    };
    day.clamp(start, today)
}

/// The resume day of a Specialization from `start` paused `months` on `from`.
fn resume_day(start: NaiveDate, from: NaiveDate, months: u32) -> NaiveDate {
    let k = (1..).find(|&k| months_after(start, k) >= from).expect("a charge");
    months_after(start, k + months)
}

fn done_item(id: &str, on: NaiveDate) -> ItemRecord {
    ItemRecord {
        done: true,
        done_on: Some(on),
        ..ItemRecord::new(id)
    }
}

/// The subscription `f` describes, started on `start` (for a converted trial:
/// its first charge), as `add`/`edit`/`decide`/`done` would have saved it by
/// `today`. `pause_from` overrides the pause day when the caller chose it.
fn make_sub(
    id: String,
    f: &Facts,
    start: NaiveDate,
    today: NaiveDate,
    rules: &Rules,
    pause_from: Option<NaiveDate>,
) -> Subscription {
    let plan = f.plan;
    let mut s = Subscription::new(id, POLICY.plan(plan).name.clone());
    s.plan = Some(plan);
    s.channel = Some(channels_for(plan)[f.channel % channels_for(plan).len()]);
    s.started = Some(start);
    s.certificate_earned = match (plan, f.certificate) {
        (PlanKind::FreeTrial, 0) => None,
        (_, 2) => Some(true),
        _ => Some(false),
    };
    let length = trial_length(f, rules);
    if plan == PlanKind::FreeTrial {
        s.trial_days = f.trial_days;
    } else if f.converted && RENEWING_PAID.contains(&plan) {
        // `edit ID --plan KIND --started <first-charge>` keeps the trial's start.
        s.trial_started = Some(plus(start, -length));
        s.trial_days = f.trial_days;
    }
    let mut resumes = None;
    match f.choice {
        Choice::None => {}
        Choice::Keep => s.decision = Some(Decision::Keep),
        Choice::Cancel => s.decision = Some(Decision::Cancel),
        Choice::Pause { months, on } if plan.can_pause() => {
            let from = pause_from
                .filter(|d| *d <= today)
                .unwrap_or_else(|| pick_day(on, plan, start, today, length, None));
            s.decision = Some(Decision::Pause);
            s.pause = Some(Pause { from, months });
            resumes = Some(resume_day(start, from, months));
        }
        Choice::Pause { .. } => {}
    }
    if let Some((months, fraction)) = f.stale_pause
        && plan.can_pause()
        && matches!(s.decision, Some(Decision::Keep | Decision::Cancel))
    {
        s.pause = Some(Pause {
            from: within(start, today, fraction),
            months,
        });
    }
    // Only what renews can be cancelled (a course purchase has no "I have cancelled").
    if let Some(pick) = f.cancel
        && plan != PlanKind::CoursePurchase
    {
        let on = pick_day(pick, plan, start, today, length, resumes);
        s.cancelled_on = Some(on);
        s.items.push(done_item("cancelled", on));
        if s.decision.is_none() {
            s.decision = Some(Decision::Cancel);
        }
    }
    if let Some((asked, received)) = f.refund {
        let asked = within(start, today, asked);
        s.refund_requested_on = Some(asked);
        s.items.push(done_item("refund-requested", asked));
        if let Some(received) = received {
            let received = within(asked, today, received);
            s.refund_received_on = Some(received);
            s.items.push(done_item("refund-received", received));
        }
    }
    match f.unset {
        0 => s.plan = None,
        1 => s.channel = None,
        2 => s.started = None,
        3 if plan != PlanKind::FreeTrial => s.certificate_earned = None,
        _ => {}
    }
    s
}

#[derive(Debug, Clone)]
struct AccountFacts {
    region: Option<Region>,
    decision: Option<AccountDecision>,
    requested_ago: Option<i64>,
    confirmed: bool,
}

fn apply_account(state: &mut State, a: &AccountFacts, today: NaiveDate) {
    state.region = a.region;
    state.accounts[0].decision = a.decision;
    state.accounts[0].requested_on = a.requested_ago.map(|n| plus(today, -n));
    if let Some(on) = state.accounts[0].requested_on {
        state.accounts[0].items.push(done_item("request-deletion", on));
        if a.confirmed {
            state.accounts[0]
                .items
                .push(done_item("written-confirmation", today));
        }
    }
}

// ---- Generators ----

/// Any day from `from` to `to`, with the month ends (28–31) drawn often and
/// Jan 31, Feb 29 and Dec 31 picked by name.
fn date_between(from: NaiveDate, to: NaiveDate) -> BoxedStrategy<NaiveDate> {
    let span = (to - from).num_days();
    let any = (0..=span).prop_map(move |n| plus(from, n));
    let month_end = (0..=span, 0u32..4).prop_map(move |(n, back)| {
        let d = plus(from, n);
        ymd(d.year(), d.month(), month_len(d.year(), d.month()) - back).clamp(from, to)
    });
    let (y0, y1) = (from.year() + 1, to.year() - 1);
    let named = (y0..=y1, 0usize..4).prop_map(move |(y, which)| {
        let leap_year = (y - y.rem_euclid(4)..=y).rev().find(|y| is_leap(*y)).unwrap_or(y);
        let day = match which {
            0 => ymd(y, 1, 31),
            1 if is_leap(leap_year) => ymd(leap_year, 2, 29),
            1 => ymd(y, 2, 28),
            2 => ymd(y, 12, 31),
            _ => ymd(y, 2, 28),
        };
        day.clamp(from, to)
    });
    prop_oneof![2 => any, 2 => month_end, 1 => named].boxed()
}

fn day_pick() -> impl Strategy<Value = DayPick> {
    prop_oneof![
        2 => any::<u16>().prop_map(DayPick::Fraction),
        2 => any::<u32>().prop_map(DayPick::ChargeDay),
        1 => (-2i64..=2).prop_map(DayPick::AroundResume),
    ]
}

fn choice_for(plan: PlanKind) -> BoxedStrategy<Choice> {
    let plain = prop_oneof![Just(Choice::None), Just(Choice::Keep), Just(Choice::Cancel)];
    if plan.can_pause() {
        let pause = (1u32..=3, day_pick()).prop_map(|(months, on)| Choice::Pause { months, on });
        prop_oneof![3 => plain, 2 => pause].boxed()
    } else {
        plain.boxed()
    }
}

/// `unset` ranges over 0..unset_max: values 0..=3 leave a question unanswered.
fn facts(unset_max: u8) -> impl Strategy<Value = Facts> {
    proptest::sample::select(PlanKind::ALL.to_vec()).prop_flat_map(move |plan| {
        let basics = (
            0usize..4,
            0u8..=2,
            proptest::option::of(1u32..=31),
            prop_oneof![2 => Just(false), 1 => Just(true)],
        );
        let later = (
            choice_for(plan),
            prop_oneof![9 => Just(None), 1 => (1u32..=3, any::<u16>()).prop_map(Some)],
            proptest::option::weighted(0.4, day_pick()),
            proptest::option::weighted(0.35, (any::<u16>(), proptest::option::of(any::<u16>()))),
            0..unset_max,
        );
        (basics, later).prop_map(
            move |(
                (channel, certificate, trial_days, converted),
                (choice, stale_pause, cancel, refund, unset),
            )| {
                Facts {
                    plan,
                    channel,
                    certificate,
                    trial_days,
                    converted,
                    choice,
                    stale_pause,
                    cancel,
                    refund,
                    unset,
                }
            },
        )
    })
}

fn account_facts() -> impl Strategy<Value = AccountFacts> {
    (
        prop_oneof![
            Just(None),
            Just(Some(Region::EuUk)),
            Just(Some(Region::Elsewhere))
        ],
        prop_oneof![
            Just(None),
            Just(Some(AccountDecision::Delete)),
            Just(Some(AccountDecision::Keep))
        ],
        proptest::option::of(0i64..=120),
        any::<bool>(),
    )
        .prop_map(|(region, decision, requested_ago, confirmed)| AccountFacts {
            region,
            decision,
            requested_ago,
            confirmed,
        })
}

/// The embedded numbers mostly; now and then others a `--policy` file could
/// give, so that windows cross and kinds share a day.
fn rules_variant() -> BoxedStrategy<Rules> {
    let embedded = Just(POLICY.rules.clone());
    let other = (
        (0i64..=2, 1i64..=14, 1i64..=14, 1i64..=30, 1i64..=30),
        (0i64..=15, 1i64..=31, 0i64..=45, 1u32..=3),
    )
        .prop_map(
            |((margin, course, specialization, annual, withdrawal), (wait, trial, listed, reply))| Rules {
                margin_days: margin,
                course_refund_days: course,
                specialization_refund_days: specialization,
                annual_refund_days: annual,
                withdrawal_days: withdrawal,
                refund_wait_business_days: wait,
                trial_days: trial,
                missed_refund_listed_days: listed,
                support_reply_months: reply,
                ..POLICY.rules.clone()
            },
        );
    prop_oneof![3 => embedded, 1 => other].boxed()
}

/// Where today falls relative to one subscription.
#[derive(Debug, Clone, Copy)]
enum TodayPick {
    After(i64),
    /// On (delta = 0) or around the j-th charge day.
    AroundCharge(u32, i64),
    /// On or around the resume day of its pause.
    AroundResume(i64),
}

fn today_pick() -> impl Strategy<Value = TodayPick> {
    prop_oneof![
        2 => (0i64..=45).prop_map(TodayPick::After),
        2 => (0i64..=1500).prop_map(TodayPick::After),
        3 => (any::<u32>(), prop_oneof![3 => Just(0i64), 2 => -2i64..=2]).prop_map(|(j, d)| TodayPick::AroundCharge(j, d)),
        2 => (-3i64..=3).prop_map(TodayPick::AroundResume),
    ]
}

fn one_subscription_state(
    f: &Facts,
    start: NaiveDate,
    pick: TodayPick,
    account: &AccountFacts,
    rules: &Rules,
) -> (State, NaiveDate) {
    let length = trial_length(f, rules);
    let mut pause_from = None;
    let today = match pick {
        TodayPick::After(n) => plus(start, n),
        TodayPick::AroundCharge(j, delta) => plus(charge_day(f.plan, start, j, length), delta),
        TodayPick::AroundResume(delta) => match f.choice {
            Choice::Pause { months, on } if f.plan.can_pause() => {
                let horizon = plus(start, 400);
                let from = pick_day(on, f.plan, start, horizon, length, None);
                pause_from = Some(from);
                plus(resume_day(start, from, months), delta).max(from)
            }
            _ => plus(charge_day(f.plan, start, 0, length), delta),
        },
    }
    .max(start);
    let mut state = State::default();
    let sub = make_sub("s1".into(), f, start, today, rules, pause_from);
    state.subscriptions.push(sub);
    state.next_id = 2;
    apply_account(&mut state, account, today);
    (state, today)
}

fn many_subscriptions_state(
    today: NaiveDate,
    subs: &[(Facts, i64)],
    first_id: u32,
    account: &AccountFacts,
    rules: &Rules,
) -> State {
    let mut state = State {
        next_id: first_id,
        ..State::default()
    };
    for (f, ago) in subs {
        let id = format!("s{}", state.next_id);
        state.next_id += 1;
        let start = plus(today, -ago);
        state
            .subscriptions
            .push(make_sub(id, f, start, today, rules, None));
    }
    apply_account(&mut state, account, today);
    state
}

// ---- The properties ----

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// One complete subscription, today on and around its charge and resume
    /// days, every decision, cancellation, refund and region.
    #[test]
    fn engine_matches_the_reference_for_one_subscription(
        f in facts(4).prop_map(|f| Facts { unset: 9, ..f }),
        start in date_between(ymd(1950, 1, 1), ymd(2150, 12, 31)),
        pick in today_pick(),
        account in account_facts(),
        rules in rules_variant(),
    ) {
        let (state, today) = one_subscription_state(&f, start, pick, &account, &rules);
        if let Err(diff) = same_rows(&state, &rules, today) {
            prop_assert!(false, "{}\nfacts: {:?}", diff, f);
        }
    }

    /// The same state looked at on an earlier day (`--today` before a
    /// stored cancellation, pause or refund day: SPEC §6 does not re-check
    /// them), where a cancelled plan's C stands in for today.
    #[test]
    fn engine_matches_the_reference_on_a_day_before_what_was_recorded(
        f in facts(4).prop_map(|f| Facts { unset: 9, ..f }),
        start in date_between(ymd(1950, 1, 1), ymd(2150, 12, 31)),
        pick in today_pick(),
        earlier in 1i64..=40,
        account in account_facts(),
        rules in rules_variant(),
    ) {
        let (state, today) = one_subscription_state(&f, start, pick, &account, &rules);
        let looked = plus(today, -earlier).max(start);
        if let Err(diff) = same_rows(&state, &rules, looked) {
            prop_assert!(false, "{}\nfacts: {:?}", diff, f);
        }
    }

    /// Whole states: up to five subscriptions (some not identified yet),
    /// ids from a random counter ("s10" after "s9"), the account.
    #[test]
    fn engine_matches_the_reference_for_whole_states(
        today in date_between(ymd(1950, 1, 1), ymd(2150, 12, 31)),
        subs in proptest::collection::vec(
            (facts(12), prop_oneof![0i64..=45, 0i64..=1500, 25i64..=40]),
            0..=5,
        ),
        first_id in 1u32..=12,
        account in account_facts(),
        rules in rules_variant(),
    ) {
        let state = many_subscriptions_state(today, &subs, first_id, &account, &rules);
        if let Err(diff) = same_rows(&state, &rules, today) {
            prop_assert!(false, "{}", diff);
        }
    }
}

// ---- A deterministic grid, so every combination is met at least once ----

#[test]
fn engine_matches_the_reference_on_a_grid_of_every_combination() {
    let rules = &POLICY.rules;
    let starts = [
        ymd(2026, 1, 31),
        ymd(2024, 2, 29),
        ymd(2025, 12, 31),
        ymd(2026, 1, 15),
    ];
    let regions = [None, Some(Region::EuUk), Some(Region::Elsewhere)];
    let mut checked = 0;
    let mut failures = Vec::new();
    for plan in PlanKind::ALL {
        let choices: Vec<Choice> = if plan.can_pause() {
            let mut c = vec![Choice::None, Choice::Keep, Choice::Cancel];
            for months in 1..=3 {
                c.push(Choice::Pause {
                    months,
                    on: DayPick::Fraction(20_000),
                });
                c.push(Choice::Pause {
                    months,
                    on: DayPick::ChargeDay(0),
                });
            }
            c
        } else {
            vec![Choice::None, Choice::Keep, Choice::Cancel]
        };
        let certificates: &[u8] = if plan == PlanKind::FreeTrial {
            &[0, 1, 2]
        } else {
            &[1, 2]
        };
        let trial_days: &[Option<u32>] = if plan == PlanKind::FreeTrial {
            &[None, Some(1), Some(14), Some(31)]
        } else {
            &[None]
        };
        let converted: &[bool] = if RENEWING_PAID.contains(&plan) {
            &[false, true]
        } else {
            &[false]
        };
        let cancels = [
            None,
            Some(DayPick::Fraction(30_000)),
            Some(DayPick::ChargeDay(0)),
            Some(DayPick::AroundResume(0)),
        ];
        let refunds = [None, Some((10_000, None)), Some((10_000, Some(30_000)))];
        for channel in 0..channels_for(plan).len() {
            for &certificate in certificates {
                for &days in trial_days {
                    for &converted in converted {
                        for &choice in &choices {
                            for cancel in cancels {
                                for refund in refunds {
                                    let f = Facts {
                                        plan,
                                        channel,
                                        certificate,
                                        trial_days: days,
                                        converted,
                                        choice,
                                        stale_pause: None,
                                        cancel,
                                        refund,
                                        unset: 9,
                                    };
                                    for start in starts {
                                        for pick in [
                                            TodayPick::After(3),
                                            TodayPick::After(40),
                                            TodayPick::After(400),
                                            TodayPick::AroundCharge(0, 0),
                                            TodayPick::AroundCharge(1, 1),
                                            TodayPick::AroundResume(0),
                                        ] {
                                            for region in regions {
                                                let account = AccountFacts {
                                                    region,
                                                    decision: None,
                                                    requested_ago: None,
                                                    confirmed: false,
                                                };
                                                let (state, today) =
                                                    one_subscription_state(&f, start, pick, &account, rules);
                                                checked += 1;
                                                if let Err(diff) = same_rows(&state, rules, today) {
                                                    failures.push(diff);
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked} states");
    assert!(
        failures.is_empty(),
        "{} of {checked} states differ; the first:\n{}",
        failures.len(),
        failures[0]
    );
}
