//! The 23 worked cases of SPEC §4 (version 2), one test each, through the
//! real binary's command line (SPEC §6): the facts are entered with `add`,
//! `region`, `decide`, `done` and `delete-account`, and `deadlines --json`
//! must list exactly the rows of the table — kind, date, days left, urgency,
//! done, and the subscription, label and plan of each — and no other.
//!
//! The table's cases are "web channel, region elsewhere, nothing decided"
//! unless the case says otherwise; region elsewhere is answered explicitly.

mod cli_support;

use cli_support::{Row, Sandbox, add_args, assert_rows, kinds_and_dates};

/// One expected row: kind, date, days left, urgency, done.
type Want = (&'static str, &'static str, i64, &'static str, bool);

/// The default label of each plan kind (the plan's name in the policy).
fn label_of(plan: &str) -> &'static str {
    match plan {
        "free-trial" => "Free trial",
        "specialization-monthly" => "Specialization (monthly)",
        "plus-monthly" => "Coursera Plus (monthly)",
        "plus-annual" => "Coursera Plus (yearly)",
        "course-purchase" => "Course (one payment)",
        "organization" => "Employer or university",
        other => panic!("not a plan kind: {other}"),
    }
}

/// A sandbox whose `today` is the case's; the region answered, one
/// subscription added (`extra` are further `add` flags) on `added_on`.
fn case(
    today: &'static str,
    region: &str,
    added_on: &str,
    plan: &str,
    channel: &str,
    started: &str,
    extra: &[&str],
) -> Sandbox {
    let sb = Sandbox::new(today);
    sb.ok_on(added_on, &["region", region]);
    let mut args = add_args(plan, channel, started).to_vec();
    args.extend_from_slice(extra);
    assert_eq!(sb.ok_on(added_on, &args), "s1\n", "add prints only the new id");
    sb
}

/// The whole `deadlines --json` of `sb`: these rows of s1 (`plan`), in this
/// order, and nothing else.
#[track_caller]
fn assert_s1(sb: &Sandbox, plan: &str, want: &[Want]) {
    let out = sb.deadlines();
    assert_eq!(out["today"].str(), sb.today);
    let rows: Vec<Row> = want
        .iter()
        .map(|&(kind, date, days_left, urgency, done)| Row {
            subscription: Some("s1"),
            label: label_of(plan),
            plan: Some(plan),
            kind,
            date,
            days_left,
            urgency,
            done,
        })
        .collect();
    assert_rows(&out["deadlines"], &rows);
}

// ---- Free trials ----

#[test]
fn trial_of_the_default_seven_days_ends_on_day_seven_and_charges_on_day_eight() {
    let sb = case(
        "2026-01-03",
        "elsewhere",
        "2026-01-03",
        "free-trial",
        "web",
        "2026-01-01",
        &[],
    );
    assert_s1(
        &sb,
        "free-trial",
        &[
            ("cancel-by", "2026-01-06", 3, "soon", false),
            ("trial-last-day", "2026-01-07", 4, "soon", false),
            ("first-charge", "2026-01-08", 5, "soon", false),
        ],
    );
}

#[test]
fn trial_of_fourteen_days_moves_every_trial_date_by_its_length() {
    let sb = case(
        "2026-01-03",
        "elsewhere",
        "2026-01-03",
        "free-trial",
        "web",
        "2026-01-01",
        &["--trial-days", "14"],
    );
    assert_s1(
        &sb,
        "free-trial",
        &[
            ("cancel-by", "2026-01-13", 10, "later", false),
            ("trial-last-day", "2026-01-14", 11, "later", false),
            ("first-charge", "2026-01-15", 12, "later", false),
        ],
    );
}

#[test]
fn uncancelled_eu_uk_trial_stays_overdue_and_gains_a_withdrawal_counted_from_the_trial_start() {
    let sb = case(
        "2026-01-09",
        "eu-uk",
        "2026-01-03",
        "free-trial",
        "web",
        "2026-01-01",
        &[],
    );
    assert_s1(
        &sb,
        "free-trial",
        &[
            ("cancel-by", "2026-01-06", -3, "overdue", false),
            ("trial-last-day", "2026-01-07", -2, "overdue", false),
            ("first-charge", "2026-01-08", -1, "overdue", false),
            ("withdrawal-by", "2026-01-14", 5, "soon", false),
        ],
    );
}

// ---- Specialization (monthly) ----

#[test]
fn specialization_from_jan_31_first_charge_clamps_to_feb_28_with_a_missed_first_payment_refund() {
    let sb = case(
        "2026-02-10",
        "elsewhere",
        "2026-02-10",
        "specialization-monthly",
        "web",
        "2026-01-31",
        &[],
    );
    assert_s1(
        &sb,
        "specialization-monthly",
        &[
            ("refund-by", "2026-02-06", -4, "overdue", false),
            ("cancel-by", "2026-02-26", 16, "later", false),
            ("access-until", "2026-02-27", 17, "later", false),
            ("next-charge", "2026-02-28", 18, "later", false),
        ],
    );
}

#[test]
fn specialization_from_jan_31_steps_from_the_anchor_back_to_mar_31_and_drops_the_refund() {
    let sb = case(
        "2026-03-01",
        "elsewhere",
        "2026-03-01",
        "specialization-monthly",
        "web",
        "2026-01-31",
        &[],
    );
    assert_s1(
        &sb,
        "specialization-monthly",
        &[
            ("cancel-by", "2026-03-29", 28, "later", false),
            ("access-until", "2026-03-30", 29, "later", false),
            ("next-charge", "2026-03-31", 30, "later", false),
        ],
    );
}

#[test]
fn specialization_charge_due_today_is_still_ahead() {
    let sb = case(
        "2026-03-15",
        "elsewhere",
        "2026-03-15",
        "specialization-monthly",
        "web",
        "2026-01-15",
        &[],
    );
    assert_s1(
        &sb,
        "specialization-monthly",
        &[
            ("cancel-by", "2026-03-13", -2, "overdue", false),
            ("access-until", "2026-03-14", -1, "overdue", false),
            ("next-charge", "2026-03-15", 0, "today", false),
        ],
    );
}

// ---- Coursera Plus (monthly) ----

#[test]
fn plus_monthly_has_no_refund_by_and_its_charge_steps_from_dec_31_to_mar_31() {
    let sb = case(
        "2026-03-05",
        "elsewhere",
        "2026-03-05",
        "plus-monthly",
        "web",
        "2025-12-31",
        &[],
    );
    assert_s1(
        &sb,
        "plus-monthly",
        &[
            ("cancel-by", "2026-03-29", 24, "later", false),
            ("access-until", "2026-03-30", 25, "later", false),
            ("next-charge", "2026-03-31", 26, "later", false),
        ],
    );
}

#[test]
fn plus_monthly_in_the_eu_uk_has_a_fourteen_day_withdrawal_on_its_first_payment() {
    let sb = case(
        "2026-03-05",
        "eu-uk",
        "2026-03-05",
        "plus-monthly",
        "web",
        "2026-03-01",
        &[],
    );
    assert_s1(
        &sb,
        "plus-monthly",
        &[
            ("withdrawal-by", "2026-03-14", 9, "later", false),
            ("cancel-by", "2026-03-30", 25, "later", false),
            ("access-until", "2026-03-31", 26, "later", false),
            ("next-charge", "2026-04-01", 27, "later", false),
        ],
    );
}

// ---- Coursera Plus (yearly) ----

#[test]
fn plus_annual_from_feb_29_first_year_has_a_refund_by_and_renews_on_feb_28() {
    let sb = case(
        "2024-03-05",
        "elsewhere",
        "2024-03-05",
        "plus-annual",
        "web",
        "2024-02-29",
        &[],
    );
    assert_s1(
        &sb,
        "plus-annual",
        &[
            ("refund-by", "2024-03-13", 8, "later", false),
            ("cancel-by", "2025-02-26", 358, "later", false),
            ("access-until", "2025-02-27", 359, "later", false),
            ("renewal", "2025-02-28", 360, "later", false),
        ],
    );
}

#[test]
fn plus_annual_second_year_renewal_is_not_refundable() {
    let sb = case(
        "2025-03-01",
        "elsewhere",
        "2025-03-01",
        "plus-annual",
        "web",
        "2024-02-29",
        &[],
    );
    assert_s1(
        &sb,
        "plus-annual",
        &[
            ("cancel-by", "2026-02-26", 362, "later", false),
            ("access-until", "2026-02-27", 363, "later", false),
            ("renewal", "2026-02-28", 364, "later", false),
        ],
    );
}

#[test]
fn plus_annual_in_the_eu_uk_lists_no_withdrawal_on_the_same_day_as_its_refund_by() {
    let sb = case(
        "2024-03-05",
        "eu-uk",
        "2024-03-05",
        "plus-annual",
        "web",
        "2024-02-29",
        &[],
    );
    assert_s1(
        &sb,
        "plus-annual",
        &[
            ("refund-by", "2024-03-13", 8, "later", false),
            ("cancel-by", "2025-02-26", 358, "later", false),
            ("access-until", "2025-02-27", 359, "later", false),
            ("renewal", "2025-02-28", 360, "later", false),
        ],
    );
}

#[test]
fn plus_annual_bought_in_the_app_store_has_billing_rows_but_no_refund_by() {
    let sb = case(
        "2026-02-03",
        "elsewhere",
        "2026-02-03",
        "plus-annual",
        "ios",
        "2026-01-31",
        &[],
    );
    assert_s1(
        &sb,
        "plus-annual",
        &[
            ("cancel-by", "2027-01-29", 360, "later", false),
            ("access-until", "2027-01-30", 361, "later", false),
            ("renewal", "2027-01-31", 362, "later", false),
        ],
    );
}

// ---- One-time course purchases ----

#[test]
fn course_purchase_refund_by_is_seven_days_less_the_margin_and_stays_listed_when_missed() {
    let sb = case(
        "2026-02-03",
        "elsewhere",
        "2026-02-03",
        "course-purchase",
        "web",
        "2026-01-25",
        &[],
    );
    assert_s1(
        &sb,
        "course-purchase",
        &[("refund-by", "2026-01-31", -3, "overdue", false)],
    );
}

#[test]
fn course_purchase_in_the_eu_uk_adds_a_withdrawal_later_than_its_refund_by() {
    let sb = case(
        "2026-02-03",
        "eu-uk",
        "2026-02-03",
        "course-purchase",
        "web",
        "2026-01-25",
        &[],
    );
    assert_s1(
        &sb,
        "course-purchase",
        &[
            ("refund-by", "2026-01-31", -3, "overdue", false),
            ("withdrawal-by", "2026-02-07", 4, "soon", false),
        ],
    );
}

#[test]
fn course_purchase_with_a_certificate_has_no_rows() {
    let sb = case(
        "2026-02-03",
        "elsewhere",
        "2026-02-03",
        "course-purchase",
        "web",
        "2026-01-25",
        &["--certificate-earned"],
    );
    assert_eq!(kinds_and_dates(&sb.deadlines()["deadlines"]), []);
    assert_s1(&sb, "course-purchase", &[]);
}

#[test]
fn course_purchase_kept_has_no_refund_by() {
    let sb = case(
        "2026-01-27",
        "elsewhere",
        "2026-01-27",
        "course-purchase",
        "web",
        "2026-01-25",
        &[],
    );
    sb.ok(&["decide", "s1", "--keep"]);
    assert_eq!(sb.subscription("s1")["decision"].str(), "keep");
    assert_s1(&sb, "course-purchase", &[]);
}

#[test]
fn course_purchase_refund_requested_marks_refund_by_done_and_expects_it_ten_business_days_later() {
    let sb = case(
        "2026-01-29",
        "elsewhere",
        "2026-01-28",
        "course-purchase",
        "web",
        "2026-01-25",
        &[],
    );
    sb.ok_on(
        "2026-01-28",
        &[
            "done",
            "refund-requested",
            "--subscription",
            "s1",
            "--on",
            "2026-01-28",
        ],
    );
    assert_s1(
        &sb,
        "course-purchase",
        &[
            ("refund-by", "2026-01-31", 2, "urgent", true),
            ("refund-expected", "2026-02-11", 13, "later", false),
        ],
    );
}

// ---- A paused Specialization ----

/// Specialization from Jan 31, paused for two months, recorded on Feb 10.
fn paused_two_months(today: &'static str) -> Sandbox {
    let sb = case(
        today,
        "elsewhere",
        "2026-02-10",
        "specialization-monthly",
        "web",
        "2026-01-31",
        &[],
    );
    sb.ok_on(
        "2026-02-10",
        &["decide", "s1", "--pause", "2", "--on", "2026-02-10"],
    );
    sb
}

#[test]
fn pause_begins_when_the_paid_month_ends_and_only_the_resume_day_and_its_cancel_by_show() {
    let sb = paused_two_months("2026-03-01");
    assert_s1(
        &sb,
        "specialization-monthly",
        &[
            ("cancel-by", "2026-04-28", 58, "later", false),
            ("pause-resumes", "2026-04-30", 60, "later", false),
        ],
    );
}

#[test]
fn pause_on_its_resume_day_bills_again_with_the_resume_day_as_a_charge_due_today() {
    let sb = paused_two_months("2026-04-30");
    assert_s1(
        &sb,
        "specialization-monthly",
        &[
            ("cancel-by", "2026-04-28", -2, "overdue", false),
            ("access-until", "2026-04-29", -1, "overdue", false),
            ("next-charge", "2026-04-30", 0, "today", false),
        ],
    );
}

// ---- Cancelled subscriptions ----

#[test]
fn cancelled_plus_monthly_is_frozen_at_the_cancel_day_with_cancel_by_done() {
    let sb = case(
        "2026-03-20",
        "elsewhere",
        "2026-03-05",
        "plus-monthly",
        "web",
        "2025-12-31",
        &[],
    );
    sb.ok_on(
        "2026-03-05",
        &["done", "cancelled", "--subscription", "s1", "--on", "2026-03-05"],
    );
    assert_s1(
        &sb,
        "plus-monthly",
        &[
            ("cancel-by", "2026-03-29", 9, "later", true),
            ("access-until", "2026-03-30", 10, "later", false),
        ],
    );
}

#[test]
fn cancelling_on_a_charge_day_is_too_late_for_that_charge() {
    let sb = case(
        "2026-03-01",
        "elsewhere",
        "2026-02-28",
        "specialization-monthly",
        "web",
        "2026-01-31",
        &[],
    );
    sb.ok_on(
        "2026-02-28",
        &["done", "cancelled", "--subscription", "s1", "--on", "2026-02-28"],
    );
    assert_s1(
        &sb,
        "specialization-monthly",
        &[
            ("cancel-by", "2026-03-29", 28, "later", true),
            ("access-until", "2026-03-30", 29, "later", false),
        ],
    );
}

#[test]
fn specialization_cancelled_in_its_first_week_keeps_its_open_refund_by() {
    let sb = case(
        "2026-02-04",
        "elsewhere",
        "2026-02-03",
        "specialization-monthly",
        "web",
        "2026-02-01",
        &[],
    );
    sb.ok_on(
        "2026-02-03",
        &["done", "cancelled", "--subscription", "s1", "--on", "2026-02-03"],
    );
    assert_s1(
        &sb,
        "specialization-monthly",
        &[
            ("refund-by", "2026-02-07", 3, "soon", false),
            ("cancel-by", "2026-02-27", 23, "later", true),
            ("access-until", "2026-02-28", 24, "later", false),
        ],
    );
}

// ---- The account ----

#[test]
fn account_deletion_requested_on_jan_31_expects_a_reply_a_clamped_month_later() {
    let sb = Sandbox::new("2026-02-03");
    sb.ok(&["region", "elsewhere"]);
    sb.ok_on("2026-01-31", &["delete-account", "--requested-on", "2026-01-31"]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[Row {
            subscription: None,
            label: "Coursera account",
            plan: None,
            kind: "support-reply-due",
            date: "2026-02-28",
            days_left: 25,
            urgency: "later",
            done: false,
        }],
    );
}
