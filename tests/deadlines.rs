//! SPEC §4, case by case: the worked cases of the table, then the edges the
//! rules have to get right (month ends, leap days, year changes, charge days,
//! certificates, pauses, cancellations, channels, the account row, order).

use std::sync::LazyLock;

use chrono::NaiveDate;
use coursera_exit::domain::actions::{self, NewSubscription, Tick};
use coursera_exit::domain::dates::parse_date;
use coursera_exit::domain::deadlines::{
    Deadline, DeadlineKind, converted_trial_charge, deadlines, subscription_rows,
};
use coursera_exit::domain::plan::{AccountDecision, Channel, PlanKind};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::{ItemRecord, State, Subscription};

static POLICY: LazyLock<Policy> = LazyLock::new(Policy::embedded);

fn d(text: &str) -> NaiveDate {
    parse_date(text).unwrap_or_else(|why| panic!("{text}: {why}"))
}

/// A row as the spec writes it: kind, date, days left, urgency, done.
type Row = (&'static str, &'static str, i64, &'static str, bool);

fn shown(rows: &[Deadline]) -> Vec<(String, String, i64, String, bool)> {
    rows.iter()
        .map(|r| {
            (
                r.kind.id().to_string(),
                r.date.format("%Y-%m-%d").to_string(),
                r.days_left,
                r.urgency.id().to_string(),
                r.done,
            )
        })
        .collect()
}

fn expected(rows: &[Row]) -> Vec<(String, String, i64, String, bool)> {
    rows.iter()
        .map(|&(kind, date, days, urgency, done)| {
            (
                kind.to_string(),
                date.to_string(),
                days,
                urgency.to_string(),
                done,
            )
        })
        .collect()
}

/// Asserts the whole table: these rows, in this order, and no others.
#[track_caller]
fn assert_rows(got: &[Deadline], want: &[Row]) {
    assert_eq!(shown(got), expected(want));
}

fn sub(plan: PlanKind, channel: Channel, started: &str, cert: bool) -> Subscription {
    Subscription {
        plan: Some(plan),
        channel: Some(channel),
        started: Some(d(started)),
        certificate_earned: Some(cert),
        ..Subscription::new("s1".into(), plan.id().into())
    }
}

fn web(plan: PlanKind, started: &str) -> Subscription {
    sub(plan, Channel::Web, started, false)
}

fn state_of(subs: Vec<Subscription>) -> State {
    let mut state = State::default();
    for (i, mut s) in subs.into_iter().enumerate() {
        s.id = format!("s{}", i + 1);
        state.subscriptions.push(s);
    }
    state.next_id = state.subscriptions.len() as u32 + 1;
    state
}

fn at(state: &State, today: &str) -> Vec<Deadline> {
    deadlines(state, &POLICY.rules, d(today))
}

fn alone(s: Subscription, today: &str) -> Vec<Deadline> {
    at(&state_of(vec![s]), today)
}

fn kinds(rows: &[Deadline]) -> Vec<DeadlineKind> {
    rows.iter().map(|r| r.kind).collect()
}

fn date_of(rows: &[Deadline], kind: DeadlineKind) -> Option<NaiveDate> {
    rows.iter().find(|r| r.kind == kind).map(|r| r.date)
}

/// A subscription added the way `coursera-exit add` adds it (web channel).
fn added(plan: PlanKind, started: &str, cert: bool, today: &str) -> (State, String) {
    let mut state = State::default();
    let new = NewSubscription {
        plan,
        channel: Channel::Web,
        started: d(started),
        label: None,
        certificate_earned: cert,
        trial_days: None,
        account: None,
    };
    let id = actions::add(&mut state, new, &POLICY, d(today)).expect("a valid subscription");
    (state, id)
}

fn tick(state: &mut State, item: &str, subscription: Option<&str>, on: &str, today: &str) {
    let tick = Tick {
        item,
        subscription,
        account: None,
        note: None,
        on: Some(d(on)),
        undo: false,
    };
    actions::done(state, tick, &POLICY, d(today)).expect("the item can be ticked");
}

/// The worked case's subscription rows all name the subscription and its plan.
#[track_caller]
fn assert_belongs(rows: &[Deadline], id: &str, plan: PlanKind) {
    for row in rows {
        assert_eq!(row.subscription.as_deref(), Some(id), "{row:?}");
        assert_eq!(row.plan, Some(plan), "{row:?}");
        assert_eq!(row.label, POLICY.plan(plan).name, "{row:?}");
    }
}

// ---- The worked cases of SPEC §4, value by value ----

#[test]
fn worked_case_free_trial_started_jan_1() {
    let (state, id) = added(PlanKind::FreeTrial, "2026-01-01", false, "2026-01-03");
    let rows = at(&state, "2026-01-03");
    assert_belongs(&rows, &id, PlanKind::FreeTrial);
    assert_rows(
        &rows,
        &[
            ("cancel-by", "2026-01-06", 3, "soon", false),
            ("trial-last-day", "2026-01-07", 4, "soon", false),
            ("first-charge", "2026-01-08", 5, "soon", false),
        ],
    );
}

#[test]
fn worked_case_specialization_from_jan_31_recovers_to_mar_31() {
    let (state, _) = added(PlanKind::SpecializationMonthly, "2026-01-31", false, "2026-03-01");
    assert_rows(
        &at(&state, "2026-03-01"),
        &[
            ("cancel-by", "2026-03-29", 28, "later", false),
            ("access-until", "2026-03-30", 29, "later", false),
            ("next-charge", "2026-03-31", 30, "later", false),
        ],
    );
}

#[test]
fn worked_case_specialization_charge_due_today_is_still_ahead() {
    let (state, _) = added(PlanKind::SpecializationMonthly, "2026-01-15", false, "2026-03-15");
    assert_rows(
        &at(&state, "2026-03-15"),
        &[
            ("cancel-by", "2026-03-13", -2, "overdue", false),
            ("access-until", "2026-03-14", -1, "overdue", false),
            ("next-charge", "2026-03-15", 0, "today", false),
        ],
    );
}

#[test]
fn worked_case_plus_annual_from_feb_29_first_year_has_a_refund_by() {
    let (state, id) = added(PlanKind::PlusAnnual, "2024-02-29", false, "2024-03-05");
    let rows = at(&state, "2024-03-05");
    assert_belongs(&rows, &id, PlanKind::PlusAnnual);
    assert_rows(
        &rows,
        &[
            ("refund-by", "2024-03-13", 8, "later", false),
            ("cancel-by", "2025-02-26", 358, "later", false),
            ("access-until", "2025-02-27", 359, "later", false),
            ("renewal", "2025-02-28", 360, "later", false),
        ],
    );
}

#[test]
fn worked_case_plus_annual_from_feb_29_second_year_has_none() {
    let (state, _) = added(PlanKind::PlusAnnual, "2024-02-29", false, "2025-03-01");
    assert_rows(
        &at(&state, "2025-03-01"),
        &[
            ("cancel-by", "2026-02-26", 362, "later", false),
            ("access-until", "2026-02-27", 363, "later", false),
            ("renewal", "2026-02-28", 364, "later", false),
        ],
    );
}

#[test]
fn worked_case_course_purchase_with_certificate_has_no_rows() {
    let (state, _) = added(PlanKind::CoursePurchase, "2026-01-25", true, "2026-02-03");
    assert_rows(&at(&state, "2026-02-03"), &[]);
}

#[test]
fn worked_case_plus_annual_bought_on_ios_has_no_refund_by() {
    let s = sub(PlanKind::PlusAnnual, Channel::Ios, "2026-01-31", false);
    assert_rows(
        &alone(s, "2026-02-03"),
        &[
            ("cancel-by", "2027-01-29", 360, "later", false),
            ("access-until", "2027-01-30", 361, "later", false),
            ("renewal", "2027-01-31", 362, "later", false),
        ],
    );
}

#[test]
fn worked_case_account_deletion_requested_jan_31() {
    let mut state = State::default();
    actions::delete_account(&mut state, None, Some(d("2026-01-31")), false, d("2026-02-03"))
        .expect("a past request date");
    let rows = at(&state, "2026-02-03");
    assert_rows(&rows, &[("support-reply-due", "2026-02-28", 25, "later", false)]);
    let json = serde_json::to_value(&rows[0]).expect("a row serializes");
    assert_eq!(json["subscription"], serde_json::Value::Null);
    assert_eq!(json["plan"], serde_json::Value::Null);
    assert_eq!(json["label"], "Coursera account");
    assert_eq!(json["kind"], "support-reply-due");
    assert_eq!(json["date"], "2026-02-28");
    assert_eq!(json["urgency"], "later");
}

// ---- Month ends, leap days and year changes ----

/// (plan, start, today, the charge that must come next)
const CHARGES: &[(PlanKind, &str, &str, &str)] = &[
    (
        PlanKind::SpecializationMonthly,
        "2026-01-29",
        "2026-02-01",
        "2026-02-28",
    ),
    (
        PlanKind::SpecializationMonthly,
        "2026-01-29",
        "2026-03-01",
        "2026-03-29",
    ),
    (
        PlanKind::SpecializationMonthly,
        "2026-01-30",
        "2026-02-01",
        "2026-02-28",
    ),
    (
        PlanKind::SpecializationMonthly,
        "2026-01-30",
        "2026-03-01",
        "2026-03-30",
    ),
    (
        PlanKind::SpecializationMonthly,
        "2026-01-31",
        "2026-04-01",
        "2026-04-30",
    ),
    (
        PlanKind::SpecializationMonthly,
        "2026-01-31",
        "2026-05-01",
        "2026-05-31",
    ),
    (PlanKind::PlusMonthly, "2024-01-29", "2024-02-01", "2024-02-29"),
    (PlanKind::PlusMonthly, "2024-01-30", "2024-02-01", "2024-02-29"),
    (PlanKind::PlusMonthly, "2024-01-31", "2024-02-01", "2024-02-29"),
    (PlanKind::PlusMonthly, "2024-01-31", "2024-03-01", "2024-03-31"),
    (PlanKind::PlusMonthly, "2024-02-29", "2024-03-01", "2024-03-29"),
    (PlanKind::PlusMonthly, "2024-02-29", "2025-02-01", "2025-02-28"),
    (PlanKind::PlusMonthly, "2024-02-29", "2025-03-01", "2025-03-29"),
    (PlanKind::PlusAnnual, "2024-02-29", "2026-03-01", "2027-02-28"),
    (PlanKind::PlusAnnual, "2024-02-29", "2027-03-01", "2028-02-29"),
    (PlanKind::PlusAnnual, "2023-02-28", "2024-01-01", "2024-02-28"),
    // Dec → Jan: the charge moves into the next year.
    (
        PlanKind::SpecializationMonthly,
        "2025-12-15",
        "2025-12-20",
        "2026-01-15",
    ),
    (
        PlanKind::SpecializationMonthly,
        "2025-12-31",
        "2026-01-02",
        "2026-01-31",
    ),
    (
        PlanKind::SpecializationMonthly,
        "2025-12-31",
        "2026-02-01",
        "2026-02-28",
    ),
    (PlanKind::PlusMonthly, "2025-11-30", "2025-12-30", "2025-12-30"),
    (PlanKind::PlusMonthly, "2025-11-30", "2025-12-31", "2026-01-30"),
    (PlanKind::PlusAnnual, "2025-12-31", "2026-01-01", "2026-12-31"),
];

#[test]
fn charges_clamp_to_the_month_end_and_step_from_the_start() {
    for &(plan, start, today, charge) in CHARGES {
        let rows = alone(web(plan, start), today);
        let kind = if plan == PlanKind::PlusAnnual {
            DeadlineKind::Renewal
        } else {
            DeadlineKind::NextCharge
        };
        assert_eq!(
            date_of(&rows, kind),
            Some(d(charge)),
            "{plan:?} from {start}, today {today}"
        );
        let access = d(charge).pred_opt().expect("a day before");
        assert_eq!(
            date_of(&rows, DeadlineKind::AccessUntil),
            Some(access),
            "{start}, {today}"
        );
        let cancel = access.pred_opt().expect("a day before");
        assert_eq!(
            date_of(&rows, DeadlineKind::CancelBy),
            Some(cancel),
            "{start}, {today}"
        );
    }
}

// ---- Today on a charge day ----

#[test]
fn the_day_after_a_charge_moves_to_the_next_one() {
    let rows = alone(web(PlanKind::SpecializationMonthly, "2026-01-15"), "2026-03-16");
    assert_eq!(date_of(&rows, DeadlineKind::NextCharge), Some(d("2026-04-15")));
    let rows = alone(web(PlanKind::PlusAnnual, "2025-03-10"), "2026-03-11");
    assert_eq!(date_of(&rows, DeadlineKind::Renewal), Some(d("2027-03-10")));
}

// ---- Certificates ----

#[test]
fn certificate_removes_the_plus_annual_refund_by_only() {
    let with = sub(PlanKind::PlusAnnual, Channel::Web, "2026-01-10", true);
    assert_rows(
        &alone(with, "2026-01-12"),
        &[
            ("cancel-by", "2027-01-08", 361, "later", false),
            ("access-until", "2027-01-09", 362, "later", false),
            ("renewal", "2027-01-10", 363, "later", false),
        ],
    );
    let without = sub(PlanKind::PlusAnnual, Channel::Web, "2026-01-10", false);
    assert!(kinds(&alone(without, "2026-01-12")).contains(&DeadlineKind::RefundBy));
}

#[test]
fn certificate_removes_every_course_purchase_row_even_a_missed_one() {
    for today in ["2026-01-25", "2026-02-07", "2026-02-20"] {
        let with = sub(PlanKind::CoursePurchase, Channel::Web, "2026-01-25", true);
        assert_rows(&alone(with, today), &[]);
        let without = sub(PlanKind::CoursePurchase, Channel::Web, "2026-01-25", false);
        assert_eq!(kinds(&alone(without, today)), [DeadlineKind::RefundBy], "{today}");
    }
}

// ---- Plus annual: the refund-by belongs to the first year ----

#[test]
fn plus_annual_refund_by_only_while_the_first_renewal_is_ahead() {
    let refund = |today| {
        date_of(
            &alone(web(PlanKind::PlusAnnual, "2025-03-10"), today),
            DeadlineKind::RefundBy,
        )
    };
    assert_eq!(
        refund("2025-03-10"),
        Some(d("2025-03-23")),
        "k = 1, in the window"
    );
    assert_eq!(
        refund("2025-09-01"),
        Some(d("2025-03-23")),
        "k = 1, missed: listed until renewal"
    );
    assert_eq!(
        refund("2026-03-10"),
        Some(d("2025-03-23")),
        "k = 1 on the renewal day"
    );
    assert_eq!(refund("2026-03-11"), None, "k = 2: renewals are not refundable");
    assert_eq!(refund("2027-06-01"), None, "k = 3");
}

// ---- Pauses ----

// ---- Cancelled subscriptions: frozen at the cancel day ----

fn cancelled(mut s: Subscription, on: &str) -> Subscription {
    s.cancelled_on = Some(d(on));
    s
}

#[test]
fn cancelled_monthly_keeps_its_frozen_access_until_and_then_has_no_rows() {
    let s = || cancelled(web(PlanKind::SpecializationMonthly, "2026-01-15"), "2026-02-20");
    assert_rows(
        &alone(s(), "2026-03-01"),
        &[
            ("cancel-by", "2026-03-13", 12, "later", true),
            ("access-until", "2026-03-14", 13, "later", false),
        ],
    );
    assert_rows(
        &alone(s(), "2026-03-14"),
        &[
            ("cancel-by", "2026-03-13", -1, "overdue", true),
            ("access-until", "2026-03-14", 0, "today", false),
        ],
    );
    // Not rolled on to the next month: no charge will come.
    assert_rows(&alone(s(), "2026-03-15"), &[]);
    assert_rows(&alone(s(), "2026-04-01"), &[]);
}

#[test]
fn cancelled_plus_annual_drops_the_renewal_and_keeps_its_refund_by() {
    let s = cancelled(web(PlanKind::PlusAnnual, "2026-01-10"), "2026-01-20");
    assert_rows(
        &alone(s.clone(), "2026-01-21"),
        &[
            ("refund-by", "2026-01-23", 2, "urgent", false),
            ("cancel-by", "2027-01-08", 352, "later", true),
            ("access-until", "2027-01-09", 353, "later", false),
        ],
    );
    let asked = Subscription {
        refund_requested_on: Some(d("2026-01-21")),
        ..s
    };
    let rows = alone(asked, "2026-01-21");
    assert!(rows.iter().any(|r| r.kind == DeadlineKind::RefundBy && r.done));
}

#[test]
fn cancelled_trial_keeps_its_last_day_until_it_has_passed() {
    let s = || cancelled(web(PlanKind::FreeTrial, "2026-01-01"), "2026-01-04");
    assert_rows(
        &alone(s(), "2026-01-05"),
        &[
            ("cancel-by", "2026-01-06", 1, "urgent", true),
            ("trial-last-day", "2026-01-07", 2, "urgent", false),
        ],
    );
    assert_eq!(
        kinds(&alone(s(), "2026-01-07")),
        [DeadlineKind::CancelBy, DeadlineKind::TrialLastDay]
    );
    assert_rows(&alone(s(), "2026-01-08"), &[]);
}

// ---- Channels, organization, incomplete ----

#[test]
fn organization_plans_have_no_rows() {
    for cert in [false, true] {
        for today in ["2026-01-10", "2026-02-10", "2027-01-10"] {
            let s = sub(PlanKind::Organization, Channel::Organization, "2026-01-10", cert);
            assert_rows(&alone(s, today), &[]);
        }
    }
}

#[test]
fn an_incomplete_subscription_has_no_rows() {
    let complete = web(PlanKind::SpecializationMonthly, "2026-01-10");
    assert!(
        !alone(complete.clone(), "2026-02-01").is_empty(),
        "the complete one has rows"
    );
    let missing: [fn(&mut Subscription); 4] = [
        |s| s.plan = None,
        |s| s.channel = None,
        |s| s.started = None,
        |s| s.certificate_earned = None,
    ];
    for (i, unset) in missing.iter().enumerate() {
        let mut s = complete.clone();
        unset(&mut s);
        assert!(
            subscription_rows(&s, &POLICY.rules, false, d("2026-02-01")).is_empty(),
            "case {i}"
        );
        assert_rows(&alone(s, "2026-02-01"), &[]);
    }
}

// ---- The account row ----

#[test]
fn support_reply_due_is_one_month_later_clamped() {
    let cases = [
        ("2026-01-31", "2026-02-28"),
        ("2024-01-31", "2024-02-29"),
        ("2026-03-31", "2026-04-30"),
        ("2025-12-31", "2026-01-31"),
        ("2025-12-15", "2026-01-15"),
        ("2026-02-28", "2026-03-28"),
    ];
    for (requested, due) in cases {
        let mut state = State::default();
        actions::delete_account(&mut state, None, Some(d(requested)), false, d(requested)).expect("today");
        let rows = at(&state, requested);
        assert_eq!(kinds(&rows), [DeadlineKind::SupportReplyDue], "{requested}");
        assert_eq!(rows[0].date, d(due), "{requested}");
    }
}

#[test]
fn support_reply_due_is_done_once_written_confirmation_is_ticked() {
    let mut state = State::default();
    tick(&mut state, "request-deletion", None, "2026-01-31", "2026-02-03");
    assert_rows(
        &at(&state, "2026-02-03"),
        &[("support-reply-due", "2026-02-28", 25, "later", false)],
    );
    tick(
        &mut state,
        "written-confirmation",
        None,
        "2026-02-10",
        "2026-02-10",
    );
    assert_rows(
        &at(&state, "2026-02-10"),
        &[("support-reply-due", "2026-02-28", 18, "later", true)],
    );
}

#[test]
fn no_account_row_without_a_deletion_request() {
    let today = d("2026-02-03");
    let mut planned = State::default();
    actions::delete_account(&mut planned, None, None, false, today).expect("plan the deletion");
    assert_rows(&at(&planned, "2026-02-03"), &[]);

    let mut undone = State::default();
    actions::delete_account(&mut undone, None, Some(d("2026-01-31")), false, today).expect("request");
    actions::delete_account(&mut undone, None, None, true, today).expect("undo");
    assert_rows(&at(&undone, "2026-02-03"), &[]);

    let mut kept = State::default();
    kept.accounts[0].decision = Some(AccountDecision::Keep);
    kept.accounts[0].requested_on = Some(d("2026-01-31"));
    kept.accounts[0].items.push(ItemRecord {
        done: true,
        ..ItemRecord::new("written-confirmation")
    });
    assert_rows(&at(&kept, "2026-02-03"), &[]);
}

// ---- A missed one-time refund ----

// ---- A trial nobody cancelled ----

#[test]
fn trial_past_its_first_charge_stays_overdue_and_offers_the_conversion() {
    let trial = || web(PlanKind::FreeTrial, "2026-01-01");
    assert_rows(
        &alone(trial(), "2026-01-20"),
        &[
            ("cancel-by", "2026-01-06", -14, "overdue", false),
            ("trial-last-day", "2026-01-07", -13, "overdue", false),
            ("first-charge", "2026-01-08", -12, "overdue", false),
        ],
    );
    let rules = &POLICY.rules;
    assert_eq!(
        converted_trial_charge(&trial(), rules, d("2026-01-20")),
        Some(d("2026-01-08"))
    );
    assert_eq!(
        converted_trial_charge(&trial(), rules, d("2026-01-09")),
        Some(d("2026-01-08"))
    );
    assert_eq!(
        converted_trial_charge(&trial(), rules, d("2026-01-08")),
        None,
        "the charge is today"
    );
    let stopped = cancelled(trial(), "2026-01-05");
    assert_eq!(converted_trial_charge(&stopped, rules, d("2026-01-20")), None);
    let monthly = web(PlanKind::PlusMonthly, "2026-01-01");
    assert_eq!(converted_trial_charge(&monthly, rules, d("2026-01-20")), None);
}

// ---- Urgency ----

// ---- Order ----

#[test]
fn rows_of_one_subscription_on_one_date_sort_by_kind() {
    // With no margin and a 28-day window, kinds of one subscription share dates.
    let mut policy = Policy::embedded();
    policy.rules.margin_days = 0;
    policy.rules.annual_refund_days = 28;
    policy.rules.specialization_refund_days = 28;
    let state = state_of(vec![
        web(PlanKind::SpecializationMonthly, "2026-02-01"),
        web(PlanKind::FreeTrial, "2026-02-20"),
    ]);
    let rows = deadlines(&state, &policy.rules, d("2026-02-05"));
    let got: Vec<(&str, String, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.subscription.as_deref().unwrap_or("account"),
                r.date.to_string(),
                r.kind.id(),
            )
        })
        .collect();
    let want = [
        ("s2", "2026-02-26", "cancel-by"),
        ("s2", "2026-02-26", "trial-last-day"),
        ("s2", "2026-02-27", "first-charge"),
        ("s1", "2026-02-28", "cancel-by"),
        ("s1", "2026-02-28", "access-until"),
        ("s1", "2026-03-01", "refund-by"),
        ("s1", "2026-03-01", "next-charge"),
    ];
    let want: Vec<(&str, String, &str)> = want.iter().map(|&(s, d, k)| (s, d.to_string(), k)).collect();
    assert_eq!(got, want);
    let spec_order = [
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
    let mut all = DeadlineKind::ALL;
    all.sort();
    assert_eq!(all.map(DeadlineKind::id), spec_order);
}

#[test]
fn a_pause_begins_on_the_charge_that_ends_the_month_already_paid_for() {
    use coursera_exit::domain::deadlines::{pause_begins, pause_resumes};
    use coursera_exit::domain::plan::Decision;
    use coursera_exit::domain::state::Pause;
    // Paid monthly from 10-31: chosen on 12-07, the paid month ends with the
    // charge of 12-31 (clamped from the 31st), and 2 months on is 02-28.
    let mut s = web(PlanKind::SpecializationMonthly, "2026-10-31");
    s.decision = Some(Decision::Pause);
    s.pause = Some(Pause {
        from: d("2026-12-07"),
        months: 2,
    });
    assert_eq!(pause_begins(&s), Some(d("2026-12-31")));
    assert_eq!(pause_resumes(&s), Some(d("2027-02-28")));
    // Chosen on a charge day: that day's charge is the one the pause starts at.
    s.pause = Some(Pause {
        from: d("2026-11-30"),
        months: 1,
    });
    assert_eq!(pause_begins(&s), Some(d("2026-11-30")));
    // Replaced by a later decision: no pause in force.
    s.decision = Some(Decision::Cancel);
    assert_eq!(pause_begins(&s), None);
}
