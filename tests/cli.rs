//! The command-line contract of SPEC §6 (with the dates of §4), run on the
//! real binary: what each subcommand prints and what it changes.

mod cli_support;

use cli_support::{Json, Row, Sandbox, add_args, assert_rows, kinds_and_dates};
use coursera_exit::domain::plan::PlanKind;
use coursera_exit::domain::policy::Policy;

/// A sandbox holding one subscription added with `label` on `today`.
fn tracked(today: &'static str, plan: &str, channel: &str, started: &str, extra: &[&str]) -> Sandbox {
    let sb = Sandbox::new(today);
    let mut args = add_args(plan, channel, started).to_vec();
    args.extend_from_slice(&["--label", "L"]);
    args.extend_from_slice(extra);
    assert_eq!(sb.ok(&args), "s1\n");
    sb
}

fn row<'a>(
    plan: &'a str,
    kind: &'a str,
    date: &'a str,
    days_left: i64,
    urgency: &'a str,
    done: bool,
) -> Row<'a> {
    Row {
        subscription: Some("s1"),
        label: "L",
        plan: Some(plan),
        kind,
        date,
        days_left,
        urgency,
        done,
    }
}

// ---- add → deadlines --json, per plan kind (SPEC §4 worked cases) ----

#[test]
fn issue_done_means_specialization_monthly_from_jan_31_seen_on_march_1() {
    let sb = Sandbox::new("2026-03-01");
    let mut cmd = sb.bare();
    cmd.args(["--state", "try.toml", "--today", "2026-03-01"])
        .args(add_args("specialization-monthly", "web", "2026-01-31"));
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, b"s1\n");

    let out = sb
        .bare()
        .args([
            "--state",
            "try.toml",
            "--today",
            "2026-03-01",
            "deadlines",
            "--json",
        ])
        .output()
        .unwrap();
    let json = Json::parse(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        json.keys(),
        ["today", "deadlines", "policy_checked_on", "policy_stale"]
    );
    assert_eq!(json["today"].str(), "2026-03-01");
    let policy = Policy::embedded();
    assert_eq!(json["policy_checked_on"].str(), policy.checked_on().to_string());
    assert!(!json["policy_stale"].bool());
    let label = &policy.plan(PlanKind::SpecializationMonthly).name;
    let plan = "specialization-monthly";
    let r = |kind, date, days_left| Row {
        subscription: Some("s1"),
        label,
        plan: Some(plan),
        kind,
        date,
        days_left,
        urgency: "later",
        done: false,
    };
    assert_rows(
        &json["deadlines"],
        &[
            r("cancel-by", "2026-03-29", 28),
            r("access-until", "2026-03-30", 29),
            r("next-charge", "2026-03-31", 30),
        ],
    );
}

#[test]
fn free_trial_rows_are_last_day_first_charge_and_cancel_a_day_before() {
    for channel in ["web", "ios", "android"] {
        let sb = tracked("2026-01-03", "free-trial", channel, "2026-01-01", &[]);
        let p = "free-trial";
        assert_rows(
            &sb.deadlines()["deadlines"],
            &[
                row(p, "cancel-by", "2026-01-06", 3, "soon", false),
                row(p, "trial-last-day", "2026-01-07", 4, "soon", false),
                row(p, "first-charge", "2026-01-08", 5, "soon", false),
            ],
        );
    }
}

#[test]
fn specialization_monthly_clamps_to_month_end_and_a_charge_today_is_ahead() {
    let p = "specialization-monthly";
    let sb = tracked("2026-02-10", p, "web", "2026-01-31", &[]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "refund-by", "2026-02-06", -4, "overdue", false),
            row(p, "cancel-by", "2026-02-26", 16, "later", false),
            row(p, "access-until", "2026-02-27", 17, "later", false),
            row(p, "next-charge", "2026-02-28", 18, "later", false),
        ],
    );
    let sb = tracked("2026-03-15", p, "android", "2026-01-15", &[]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "cancel-by", "2026-03-13", -2, "overdue", false),
            row(p, "access-until", "2026-03-14", -1, "overdue", false),
            row(p, "next-charge", "2026-03-15", 0, "today", false),
        ],
    );
}

#[test]
fn plus_monthly_has_no_refund_by_and_in_the_eu_uk_only_a_withdrawal_by() {
    let p = "plus-monthly";
    let sb = tracked("2026-03-05", p, "web", "2025-12-31", &[]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "cancel-by", "2026-03-29", 24, "later", false),
            row(p, "access-until", "2026-03-30", 25, "later", false),
            row(p, "next-charge", "2026-03-31", 26, "later", false),
        ],
    );
    // The first payment, for a person living in the EU or the UK.
    let sb = tracked("2026-03-05", p, "web", "2026-03-01", &[]);
    sb.ok(&["region", "eu-uk"]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "withdrawal-by", "2026-03-14", 9, "later", false),
            row(p, "cancel-by", "2026-03-30", 25, "later", false),
            row(p, "access-until", "2026-03-31", 26, "later", false),
            row(p, "next-charge", "2026-04-01", 27, "later", false),
        ],
    );
    sb.ok(&["region", "elsewhere"]);
    let kinds: Vec<_> = kinds_and_dates(&sb.deadlines()["deadlines"])
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(kinds, ["cancel-by", "access-until", "next-charge"]);
}

#[test]
fn app_store_channels_get_no_refund_by_and_no_withdrawal_by() {
    for channel in ["ios", "android"] {
        let p = "plus-monthly";
        let sb = tracked("2026-03-05", p, channel, "2025-12-31", &[]);
        assert_rows(
            &sb.deadlines()["deadlines"],
            &[
                row(p, "cancel-by", "2026-03-29", 24, "later", false),
                row(p, "access-until", "2026-03-30", 25, "later", false),
                row(p, "next-charge", "2026-03-31", 26, "later", false),
            ],
        );
        let p = "plus-annual";
        let sb = tracked("2026-02-03", p, channel, "2026-01-31", &[]);
        assert_rows(
            &sb.deadlines()["deadlines"],
            &[
                row(p, "cancel-by", "2027-01-29", 360, "later", false),
                row(p, "access-until", "2027-01-30", 361, "later", false),
                row(p, "renewal", "2027-01-31", 362, "later", false),
            ],
        );
        // On the web, in the EU or the UK, this one would have a withdrawal-by 02-07.
        let sb = tracked("2026-02-03", "course-purchase", channel, "2026-01-25", &[]);
        sb.ok(&["region", "eu-uk"]);
        assert_eq!(sb.deadlines()["deadlines"].items(), &[]);
    }
}

#[test]
fn plus_annual_refund_only_in_the_first_year_and_without_a_certificate() {
    let p = "plus-annual";
    let sb = tracked("2024-03-05", p, "web", "2024-02-29", &[]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "refund-by", "2024-03-13", 8, "later", false),
            row(p, "cancel-by", "2025-02-26", 358, "later", false),
            row(p, "access-until", "2025-02-27", 359, "later", false),
            row(p, "renewal", "2025-02-28", 360, "later", false),
        ],
    );
    let sb = tracked("2025-03-01", p, "web", "2024-02-29", &[]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "cancel-by", "2026-02-26", 362, "later", false),
            row(p, "access-until", "2026-02-27", 363, "later", false),
            row(p, "renewal", "2026-02-28", 364, "later", false),
        ],
    );
    let sb = tracked("2024-03-05", p, "web", "2024-02-29", &["--certificate-earned"]);
    let kinds: Vec<_> = kinds_and_dates(&sb.deadlines()["deadlines"])
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(kinds, ["cancel-by", "access-until", "renewal"]);
}

#[test]
fn course_purchase_has_a_seven_day_refund_by_unless_a_certificate_was_earned() {
    let p = "course-purchase";
    let sb = tracked("2026-01-27", p, "web", "2026-01-25", &[]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[row(p, "refund-by", "2026-01-31", 4, "soon", false)],
    );
    // Missed, it stays listed so the person sees it.
    assert_rows(
        &sb.deadlines_on("2026-02-03")["deadlines"],
        &[row(p, "refund-by", "2026-01-31", -3, "overdue", false)],
    );
    let sb = tracked("2026-01-29", p, "web", "2026-01-25", &[]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[row(p, "refund-by", "2026-01-31", 2, "urgent", false)],
    );
    let sb = tracked("2026-01-27", p, "web", "2026-01-25", &["--certificate-earned"]);
    assert_eq!(sb.deadlines()["deadlines"].items(), &[]);
}

#[test]
fn organization_plan_has_no_deadlines() {
    let sb = tracked("2026-02-03", "organization", "organization", "2025-06-01", &[]);
    assert_eq!(sb.deadlines()["deadlines"].items(), &[]);
}

#[test]
fn rows_of_several_subscriptions_sort_by_date_then_order_added_then_kind() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("free-trial", "web", "2026-03-01"); // s1: cancel-by 03-06, trial-last-day 03-07, first-charge 03-08
    sb.add("course-purchase", "web", "2026-03-01"); // s2: refund-by 03-07 too
    sb.ok(&["delete-account", "--requested-on", "2026-02-07"]); // support-reply-due 03-07
    let rows = sb.deadlines();
    let order: Vec<(String, String, String)> = rows["deadlines"]
        .items()
        .iter()
        .map(|r| {
            let sub = if r["subscription"].is_null() {
                "null".into()
            } else {
                r["subscription"].str().into()
            };
            (r["date"].str().into(), sub, r["kind"].str().into())
        })
        .collect();
    // On one date the subscription added first comes first, whatever its
    // kind (refund-by sorts before trial-last-day only within a subscription).
    let want = [
        ("2026-03-06", "s1", "cancel-by"),
        ("2026-03-07", "s1", "trial-last-day"),
        ("2026-03-07", "s2", "refund-by"),
        ("2026-03-07", "null", "support-reply-due"),
        ("2026-03-08", "s1", "first-charge"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(order, want);
}

// ---- add, edit, remove ----

#[test]
fn add_prints_only_the_new_id_and_ids_are_never_reused() {
    let sb = Sandbox::new("2026-03-01");
    assert_eq!(sb.ok(&add_args("plus-monthly", "web", "2026-02-01")), "s1\n");
    assert_eq!(sb.ok(&add_args("free-trial", "ios", "2026-02-27")), "s2\n");
    sb.ok(&["remove", "s2"]);
    assert_eq!(sb.add("course-purchase", "web", "2026-02-20"), "s3");
    let ids: Vec<String> = sb.status()["subscriptions"]
        .items()
        .iter()
        .map(|s| s["id"].str().to_string())
        .collect();
    assert_eq!(ids, ["s1", "s3"]);
}

#[test]
fn add_defaults_the_label_to_the_plan_name_and_takes_label_and_certificate() {
    let policy = Policy::embedded();
    let sb = Sandbox::new("2026-03-01");
    for kind in PlanKind::ALL {
        let channel = if kind == PlanKind::Organization {
            "organization"
        } else {
            "web"
        };
        let id = sb.add(kind.id(), channel, "2026-02-01");
        let sub = sb.subscription(&id);
        assert_eq!(sub["label"].str(), policy.plan(kind).name, "{id}");
        assert_eq!(sub["plan"].str(), kind.id());
        assert!(!sub["certificate_earned"].bool());
    }
    let mut args = add_args("course-purchase", "android", "2026-02-01").to_vec();
    args.extend_from_slice(&["--label", "Machine Learning", "--certificate-earned"]);
    sb.ok(&args);
    let sub = sb.subscription("s7");
    assert_eq!(sub["label"].str(), "Machine Learning");
    assert_eq!(sub["channel"].str(), "android");
    assert_eq!(sub["started"].str(), "2026-02-01");
    assert!(sub["certificate_earned"].bool());
}

#[test]
fn edit_changes_each_answer_and_the_dates_follow() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("free-trial", "ios", "2026-03-01");
    sb.ok(&["edit", "s1", "--label", "Data Science"]);
    assert_eq!(sb.subscription("s1")["label"].str(), "Data Science");
    sb.ok(&["edit", "s1", "--plan", "plus-annual", "--started", "2026-02-25"]);
    let sub = sb.subscription("s1");
    assert_eq!(
        (sub["plan"].str(), sub["started"].str()),
        ("plus-annual", "2026-02-25")
    );
    assert!(
        !kinds_and_dates(&sb.deadlines()["deadlines"])
            .iter()
            .any(|(k, _)| k == "refund-by")
    );
    sb.ok(&["edit", "s1", "--channel", "web"]);
    assert_eq!(sb.subscription("s1")["channel"].str(), "web");
    // Bought on the website, the first year's payment has its 14 days.
    assert!(
        kinds_and_dates(&sb.deadlines()["deadlines"]).contains(&("refund-by".into(), "2026-03-10".into()))
    );
    sb.ok(&["edit", "s1", "--certificate-earned", "true"]);
    assert!(sb.subscription("s1")["certificate_earned"].bool());
    sb.ok(&["edit", "s1", "--certificate-earned", "false"]);
    assert!(!sb.subscription("s1")["certificate_earned"].bool());
    sb.ok(&[
        "edit",
        "s1",
        "--plan",
        "organization",
        "--channel",
        "organization",
    ]);
    assert_eq!(sb.deadlines()["deadlines"].items(), &[]);
}

#[test]
fn remove_drops_the_subscription_and_its_rows() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("plus-monthly", "web", "2026-03-01");
    sb.add("specialization-monthly", "web", "2026-03-01");
    sb.ok(&["remove", "s1"]);
    let ids: Vec<String> = sb.status()["subscriptions"]
        .items()
        .iter()
        .map(|s| s["id"].str().to_string())
        .collect();
    assert_eq!(ids, ["s2"]);
    assert!(
        sb.deadlines()["deadlines"]
            .items()
            .iter()
            .all(|r| r["subscription"].str() == "s2")
    );
}

// ---- trials: their length, and the paid plan one turns into ----

#[test]
fn trial_days_sets_the_length_and_the_dates_follow_it() {
    let p = "free-trial";
    let sb = tracked("2026-01-03", p, "web", "2026-01-01", &["--trial-days", "14"]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "cancel-by", "2026-01-13", 10, "later", false),
            row(p, "trial-last-day", "2026-01-14", 11, "later", false),
            row(p, "first-charge", "2026-01-15", 12, "later", false),
        ],
    );
    // Issue 11: wherever a trial's dates are, its length is said.
    let text = sb.ok(&["deadlines"]);
    assert!(text.contains("Cancel by: L (14-day trial, s1)"), "{text}");
    let calendar = sb.ok(&["export", "--format", "ics"]).replace("\r\n ", "");
    assert!(calendar.contains("For: L (14-day trial\\, s1)"), "{calendar}");
    sb.ok(&["edit", "s1", "--trial-days", "7"]);
    assert_eq!(sb.subscription("s1")["trial_days"].int(), 7);
    assert_eq!(
        kinds_and_dates(&sb.deadlines()["deadlines"])[2],
        ("first-charge".into(), "2026-01-08".into())
    );
    // A trial may be one day long: its only day is also its last.
    sb.ok(&["edit", "s1", "--trial-days", "1"]);
    assert_eq!(
        kinds_and_dates(&sb.deadlines()["deadlines"]),
        [
            ("cancel-by".into(), "2025-12-31".into()),
            ("trial-last-day".into(), "2026-01-01".into()),
            ("first-charge".into(), "2026-01-02".into()),
        ]
    );
}

/// A 7-day trial from 02-01, never cancelled: charged on 02-08.
fn charged_trial() -> Sandbox {
    let sb = tracked("2026-03-05", "free-trial", "web", "2026-02-01", &[]);
    let status = sb.ok(&["status"]);
    assert!(
        status.contains("coursera-exit edit s1 --plan KIND --started 2026-02-08"),
        "{status}"
    );
    sb
}

#[test]
fn converting_a_trial_keeps_its_start_and_a_second_run_changes_nothing() {
    let sb = charged_trial();
    let convert = ["edit", "s1", "--plan", "plus-monthly", "--started", "2026-02-08"];
    sb.ok(&convert);
    let sub = sb.subscription("s1");
    assert_eq!(
        (
            sub["plan"].str(),
            sub["started"].str(),
            sub["trial_started"].str()
        ),
        ("plus-monthly", "2026-02-08", "2026-02-01")
    );
    assert!(sub["trial_days"].is_null(), "no longer a trial");
    assert!(
        !sb.ok(&["status"]).contains("--plan KIND"),
        "nothing left to record"
    );
    let once = sb.state_bytes();
    sb.ok(&convert);
    assert!(
        sb.state_bytes() == once,
        "the same conversion again changed the file"
    );
}

#[test]
fn a_conversion_sticks_through_later_edits_until_the_plan_is_a_trial_again() {
    let sb = charged_trial();
    sb.ok(&[
        "edit",
        "s1",
        "--plan",
        "specialization-monthly",
        "--started",
        "2026-02-08",
    ]);
    // The charge a trial became is not refunded by Coursera.
    let no_refund = |sb: &Sandbox| {
        !kinds_and_dates(&sb.deadlines()["deadlines"])
            .iter()
            .any(|(k, _)| k == "refund-by")
    };
    assert!(no_refund(&sb));
    for edit in [
        &["--plan", "plus-monthly"][..],
        &["--plan", "specialization-monthly"],
        &["--started", "2026-02-09"],
        &["--started", "2026-02-08"],
        &["--channel", "web"],
        &["--label", "Data Science"],
        &["--certificate-earned", "true"],
        &["--certificate-earned", "false"],
    ] {
        let mut args = vec!["edit", "s1"];
        args.extend_from_slice(edit);
        sb.ok(&args);
        assert_eq!(
            sb.subscription("s1")["trial_started"].str(),
            "2026-02-01",
            "after edit {edit:?}"
        );
        assert!(no_refund(&sb), "after edit {edit:?}");
    }
    sb.ok(&["edit", "s1", "--plan", "free-trial"]);
    let sub = sb.subscription("s1");
    assert_eq!(
        (sub["plan"].str(), sub["started"].str()),
        ("free-trial", "2026-02-01")
    );
    assert!(sub["trial_started"].is_null());
    assert_eq!(sub["trial_days"].int(), 7);
}

#[test]
fn a_trial_cancelled_on_its_charge_day_keeps_its_withdrawal_on_an_earlier_today() {
    // SPEC §4: a cancelled plan's dates are computed with C in place of
    // today, and a charge due on C counts as taken: the trial was charged,
    // so its EU/UK withdrawal applies, whatever day it is looked at.
    let sb = tracked("2025-02-08", "free-trial", "web", "2025-02-01", &[]);
    sb.ok(&["region", "eu-uk"]);
    sb.ok(&["done", "cancelled", "--subscription", "s1", "--on", "2025-02-08"]);
    let p = "free-trial";
    assert_rows(
        &sb.deadlines_on("2025-02-03")["deadlines"],
        &[
            row(p, "cancel-by", "2025-02-06", 3, "soon", true),
            row(p, "trial-last-day", "2025-02-07", 4, "soon", false),
            row(p, "withdrawal-by", "2025-02-14", 11, "later", false),
        ],
    );
    // Cancelled the day before the charge: nothing was taken, nothing to withdraw.
    sb.ok(&["done", "cancelled", "--subscription", "s1", "--on", "2025-02-07"]);
    let kinds = kinds_and_dates(&sb.deadlines_on("2025-02-03")["deadlines"]);
    assert!(
        !kinds.iter().any(|(kind, _)| kind == "withdrawal-by"),
        "{kinds:?}"
    );
}

#[test]
fn a_converted_trial_withdraws_from_the_trial_start_in_the_eu_uk() {
    let sb = tracked("2026-02-10", "free-trial", "web", "2026-02-01", &[]);
    sb.ok(&["region", "eu-uk"]);
    let p = "plus-monthly";
    // Before the conversion the charged trial already shows it.
    assert!(
        kinds_and_dates(&sb.deadlines()["deadlines"])
            .contains(&("withdrawal-by".into(), "2026-02-14".into()))
    );
    sb.ok(&["edit", "s1", "--plan", p, "--started", "2026-02-08"]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "withdrawal-by", "2026-02-14", 4, "soon", false),
            row(p, "cancel-by", "2026-03-06", 24, "later", false),
            row(p, "access-until", "2026-03-07", 25, "later", false),
            row(p, "next-charge", "2026-03-08", 26, "later", false),
        ],
    );
}

#[test]
fn a_trial_added_without_the_certificate_question_is_complete_once_converted() {
    // What the wizard saves for a trial: certificates cannot be earned in one,
    // so the question is skipped and `certificate_earned` is absent.
    let sb = Sandbox::new("2026-03-05");
    std::fs::write(
        sb.state(),
        "schema_version = 2\nnext_id = 2\n\n[[subscriptions]]\nid = \"s1\"\nlabel = \"Free trial\"\n\
         plan = \"free-trial\"\nchannel = \"web\"\nstarted = \"2026-02-01\"\n",
    )
    .unwrap();
    assert!(sb.subscription("s1")["complete"].bool());
    sb.ok(&["edit", "s1", "--plan", "plus-monthly", "--started", "2026-02-08"]);
    let sub = sb.subscription("s1");
    assert!(sub["complete"].bool(), "{sub:?}");
    assert!(!sub["certificate_earned"].bool());
    assert_eq!(
        kinds_and_dates(&sb.deadlines()["deadlines"]),
        [
            ("cancel-by".into(), "2026-03-06".into()),
            ("access-until".into(), "2026-03-07".into()),
            ("next-charge".into(), "2026-03-08".into()),
        ]
    );
}

// ---- decide ----

#[test]
fn decide_cancel_and_keep_record_the_choice_but_leave_the_dates_to_the_facts() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("plus-monthly", "web", "2025-12-31");
    let before = sb.deadlines();
    sb.ok(&["decide", "s1", "--cancel"]);
    assert_eq!(sb.subscription("s1")["decision"].str(), "cancel");
    assert_eq!(sb.deadlines(), before);
    sb.ok(&["decide", "s1", "--keep"]);
    assert_eq!(sb.subscription("s1")["decision"].str(), "keep");
    assert_eq!(sb.deadlines(), before);
}

#[test]
fn decide_pause_replaces_the_billing_rows_until_the_pause_ends() {
    let p = "specialization-monthly";
    let sb = tracked("2026-03-01", p, "web", "2026-01-31", &[]);
    sb.ok(&["decide", "s1", "--pause", "2", "--on", "2026-02-10"]);
    let sub = sb.subscription("s1");
    assert_eq!(sub["decision"].str(), "pause");
    assert_eq!(sub["pause"].keys(), ["from", "months"]);
    assert_eq!(
        (sub["pause"]["from"].str(), sub["pause"]["months"].int()),
        ("2026-02-10", 2)
    );
    // The pause begins when the paid month ends (02-28), not on 02-10.
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "cancel-by", "2026-04-28", 58, "later", false),
            row(p, "pause-resumes", "2026-04-30", 60, "later", false),
        ],
    );
    // From the day it ends, billing is anchored on it and that day is a charge.
    assert_rows(
        &sb.deadlines_on("2026-04-30")["deadlines"],
        &[
            row(p, "cancel-by", "2026-04-28", -2, "overdue", false),
            row(p, "access-until", "2026-04-29", -1, "overdue", false),
            row(p, "next-charge", "2026-04-30", 0, "today", false),
        ],
    );
}

#[test]
fn decide_pause_is_recorded_today_without_on_and_keep_ends_it() {
    let sb = tracked("2026-03-01", "specialization-monthly", "web", "2026-01-31", &[]);
    let billing = sb.deadlines();
    sb.ok(&["decide", "s1", "--pause", "1"]);
    let pause = &sb.subscription("s1")["pause"];
    assert_eq!((pause["from"].str(), pause["months"].int()), ("2026-03-01", 1));
    // Paid until 03-30 (the charge of 03-31 is the pause's first month).
    assert_eq!(
        kinds_and_dates(&sb.deadlines()["deadlines"]),
        [
            ("cancel-by".into(), "2026-04-28".into()),
            ("pause-resumes".into(), "2026-04-30".into())
        ]
    );
    sb.ok(&["decide", "s1", "--keep"]);
    assert!(sb.subscription("s1")["pause"].is_null());
    assert_eq!(sb.deadlines(), billing);
}

// ---- done ----

#[test]
fn done_cancelled_freezes_the_rows_at_the_cancel_day() {
    let p = "plus-monthly";
    let sb = tracked("2026-03-05", p, "web", "2025-12-31", &[]);
    sb.ok(&["done", "cancelled", "--subscription", "s1", "--on", "2026-03-05"]);
    assert_eq!(sb.subscription("s1")["cancelled_on"].str(), "2026-03-05");
    assert_rows(
        &sb.deadlines_on("2026-03-20")["deadlines"],
        &[
            row(p, "cancel-by", "2026-03-29", 9, "later", true),
            row(p, "access-until", "2026-03-30", 10, "later", false),
        ],
    );
    assert_eq!(sb.deadlines_on("2026-03-31")["deadlines"].items(), &[]);
}

#[test]
fn done_cancelled_undo_brings_the_charges_back() {
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2025-12-31", &[]);
    let before = sb.deadlines();
    sb.ok(&["done", "cancelled", "--subscription", "s1"]);
    assert_ne!(sb.deadlines(), before);
    sb.ok(&["done", "cancelled", "--subscription", "s1", "--undo"]);
    assert!(sb.subscription("s1")["cancelled_on"].is_null());
    assert_eq!(sb.deadlines(), before);
}

#[test]
fn done_cancelled_on_a_trial_keeps_only_the_frozen_last_day() {
    let p = "free-trial";
    let sb = tracked("2026-01-03", p, "web", "2026-01-01", &[]);
    sb.ok(&["done", "cancelled", "--subscription", "s1"]);
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "cancel-by", "2026-01-06", 3, "soon", true),
            row(p, "trial-last-day", "2026-01-07", 4, "soon", false),
        ],
    );
    assert_eq!(sb.deadlines_on("2026-01-08")["deadlines"].items(), &[]);
}

#[test]
fn done_refund_requested_marks_refund_by_done_adds_refund_expected_and_undo_clears_it() {
    let p = "course-purchase";
    let sb = tracked("2026-01-29", p, "web", "2026-01-25", &[]);
    sb.ok(&[
        "done",
        "refund-requested",
        "--subscription",
        "s1",
        "--on",
        "2026-01-28",
    ]);
    assert_eq!(sb.subscription("s1")["refund_requested_on"].str(), "2026-01-28");
    // Ten business days after Wednesday 01-28.
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[
            row(p, "refund-by", "2026-01-31", 2, "urgent", true),
            row(p, "refund-expected", "2026-02-11", 13, "later", false),
        ],
    );
    sb.ok(&["done", "refund-received", "--subscription", "s1"]);
    assert_eq!(sb.subscription("s1")["refund_received_on"].str(), "2026-01-29");
    assert!(sb.deadlines()["deadlines"][1]["done"].bool());
    sb.ok(&["done", "refund-requested", "--subscription", "s1", "--undo"]);
    let sub = sb.subscription("s1");
    assert!(sub["refund_requested_on"].is_null() && sub["refund_received_on"].is_null());
    assert_rows(
        &sb.deadlines()["deadlines"],
        &[row(p, "refund-by", "2026-01-31", 2, "urgent", false)],
    );
}

#[test]
fn a_refund_request_is_recorded_for_any_identified_plan_even_without_a_refund_window() {
    // Plus monthly has no refund-by (an EU/UK withdrawal, or a request made
    // anyway); an App Store purchase is refunded by Apple. Either way the
    // request and its arrival are facts worth a date.
    for (plan, channel, started) in [
        ("plus-monthly", "web", "2025-12-31"),
        ("plus-annual", "ios", "2026-01-31"),
        ("specialization-monthly", "android", "2026-01-15"),
    ] {
        let sb = tracked("2026-03-05", plan, channel, started, &[]);
        let before = kinds_and_dates(&sb.deadlines()["deadlines"]);
        assert!(!before.iter().any(|(k, _)| k.starts_with("refund")), "{plan}");
        sb.ok(&[
            "done",
            "refund-requested",
            "--subscription",
            "s1",
            "--on",
            "2026-03-02",
        ]);
        assert_eq!(sb.subscription("s1")["refund_requested_on"].str(), "2026-03-02");
        let after = kinds_and_dates(&sb.deadlines()["deadlines"]);
        assert!(
            after.contains(&("refund-expected".into(), "2026-03-16".into())),
            "{plan}: {after:?}"
        );
        sb.ok(&["done", "refund-received", "--subscription", "s1"]);
        assert_eq!(sb.subscription("s1")["refund_received_on"].str(), "2026-03-05");
    }
}

#[test]
fn done_ticks_a_step_with_its_day_and_note_and_undo_unticks_it() {
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2025-12-31", &[]);
    let step = |sb: &Sandbox| {
        sb.subscription("s1")["items"]
            .items()
            .iter()
            .find(|i| i["id"].str() == "web-sign-in")
            .unwrap()
            .clone()
    };
    sb.ok(&[
        "done",
        "web-sign-in",
        "--subscription",
        "s1",
        "--on",
        "2026-03-04",
        "--note",
        "old password",
    ]);
    let item = step(&sb);
    assert_eq!(item.keys(), ["id", "done", "done_on", "note"]);
    assert!(item["done"].bool());
    assert_eq!(
        (item["done_on"].str(), item["note"].str()),
        ("2026-03-04", "old password")
    );
    sb.ok(&["done", "web-sign-in", "--subscription", "s1", "--undo"]);
    let item = step(&sb);
    assert!(!item["done"].bool());
    assert!(item["done_on"].is_null());
}

#[test]
fn done_ticks_account_checklist_items_without_a_subscription() {
    let sb = Sandbox::new("2026-03-05");
    sb.ok(&["delete-account"]);
    sb.ok(&["done", "download-certificates", "--note", "~/certs"]);
    let status = sb.status();
    let item = status["account"]["items"]
        .items()
        .iter()
        .find(|i| i["id"].str() == "download-certificates")
        .unwrap();
    assert!(item["done"].bool());
    assert_eq!(
        (item["done_on"].str(), item["note"].str()),
        ("2026-03-05", "~/certs")
    );
}

#[test]
fn done_request_deletion_records_the_request_and_its_reply_due_date() {
    let sb = Sandbox::new("2026-02-03");
    sb.ok(&["done", "request-deletion", "--on", "2026-01-31"]);
    let account = &sb.status()["account"];
    assert_eq!(
        (account["decision"].str(), account["requested_on"].str()),
        ("delete", "2026-01-31")
    );
    assert_eq!(
        kinds_and_dates(&sb.deadlines()["deadlines"]),
        [("support-reply-due".into(), "2026-02-28".into())]
    );
}

#[test]
fn requesting_deletion_warns_about_plans_that_still_renew_as_the_wizard_asks() {
    let sb = Sandbox::new("2026-03-01");
    let plus = sb.add("plus-monthly", "web", "2026-02-01");
    let course = sb.add("course-purchase", "web", "2026-02-20");
    let run = sb.run(&["done", "request-deletion"]).success();
    assert!(
        run.stderr
            .contains(&format!("still to cancel: Coursera Plus (monthly) ({plus})")),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains(&format!("({course})")),
        "a one-time purchase does not renew: {}",
        run.stderr
    );
    // Once it is cancelled there is nothing to warn about.
    sb.ok(&["done", "request-deletion", "--undo"]);
    sb.ok(&["done", "cancelled", "--subscription", &plus]);
    let run = sb.run(&["done", "request-deletion"]).success();
    assert!(!run.stderr.contains("still to cancel"), "{}", run.stderr);
}

#[test]
fn done_written_confirmation_marks_support_reply_due_done() {
    let sb = Sandbox::new("2026-02-03");
    sb.ok(&["delete-account", "--requested-on", "2026-01-31"]);
    let account_row = |done| Row {
        subscription: None,
        label: "Coursera account",
        plan: None,
        kind: "support-reply-due",
        date: "2026-02-28",
        days_left: 25,
        urgency: "later",
        done,
    };
    assert_rows(&sb.deadlines()["deadlines"], &[account_row(false)]);
    sb.ok(&["done", "written-confirmation", "--note", "ticket 4711"]);
    assert_rows(&sb.deadlines()["deadlines"], &[account_row(true)]);
    sb.ok(&["done", "written-confirmation", "--undo"]);
    assert_rows(&sb.deadlines()["deadlines"], &[account_row(false)]);
}

#[test]
fn cancel_subscriptions_ticks_itself_once_every_renewing_plan_is_cancelled() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("plus-monthly", "web", "2026-03-01");
    sb.add("course-purchase", "web", "2026-03-01");
    sb.ok(&["delete-account"]);
    let derived = |sb: &Sandbox| {
        let status = sb.status();
        status["account"]["items"]
            .items()
            .iter()
            .find(|i| i["id"].str() == "cancel-subscriptions")
            .unwrap()["done"]
            .bool()
    };
    assert!(!derived(&sb));
    sb.ok(&["done", "cancelled", "--subscription", "s1"]);
    assert!(derived(&sb));
}

// ---- delete-account ----

#[test]
fn delete_account_plans_the_deletion_and_requested_on_adds_the_reply_row() {
    let sb = Sandbox::new("2026-02-03");
    sb.ok(&["delete-account"]);
    let account = &sb.status()["account"];
    assert_eq!(account["decision"].str(), "delete");
    assert!(account["requested_on"].is_null());
    assert_eq!(sb.deadlines()["deadlines"].items(), &[]);
    sb.ok(&["delete-account", "--requested-on", "2026-01-31"]);
    assert_eq!(sb.status()["account"]["requested_on"].str(), "2026-01-31");
    assert_eq!(
        kinds_and_dates(&sb.deadlines()["deadlines"]),
        [("support-reply-due".into(), "2026-02-28".into())]
    );
}

#[test]
fn delete_account_undo_returns_to_keep_without_a_row() {
    let sb = Sandbox::new("2026-02-03");
    sb.ok(&["delete-account", "--requested-on", "2026-01-31"]);
    sb.ok(&["delete-account", "--undo"]);
    let account = &sb.status()["account"];
    assert_eq!(account["decision"].str(), "keep");
    assert!(account["requested_on"].is_null());
    assert_eq!(sb.deadlines()["deadlines"].items(), &[]);
}

// ---- status ----

#[test]
fn status_json_has_the_contract_keys_in_order_and_nulls_for_unset_values() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("plus-monthly", "web", "2025-12-31");
    let status = sb.status();
    assert_eq!(
        status.keys(),
        [
            "today",
            "subscriptions",
            "account",
            // Added with several accounts (issue 15): every account, here the one.
            "accounts",
            "deadlines",
            "policy_checked_on",
            "policy_stale"
        ]
    );
    assert_eq!(status["accounts"][0]["id"].str(), "a1");
    assert_eq!(status["today"].str(), "2026-03-05");
    let sub = &status["subscriptions"][0];
    assert_eq!(
        sub.keys(),
        [
            "id",
            "label",
            "plan",
            "channel",
            "started",
            "certificate_earned",
            "trial_days",
            "trial_started",
            "decision",
            "cancelled_on",
            "pause",
            "refund_requested_on",
            "refund_received_on",
            "complete",
            "items",
        ]
    );
    for unset in [
        "trial_days",
        "trial_started",
        "decision",
        "cancelled_on",
        "pause",
        "refund_requested_on",
        "refund_received_on",
    ] {
        assert!(sub[unset].is_null(), "{unset}");
    }
    assert!(sub["complete"].bool());
    for item in sub["items"].items() {
        assert_eq!(item.keys(), ["id", "done", "done_on", "note"]);
    }
    // Plus monthly has no refund window, but a request can be recorded all the same.
    let ids: Vec<&str> = sub["items"].items().iter().map(|i| i["id"].str()).collect();
    for id in ["cancelled", "refund-requested", "refund-received"] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    assert_eq!(
        status["account"].keys(),
        ["decision", "requested_on", "region", "items"]
    );
    for unset in ["decision", "requested_on", "region"] {
        assert!(status["account"][unset].is_null(), "{unset}");
    }
    let deadlines = sb.deadlines();
    assert_eq!(status["deadlines"], deadlines["deadlines"]);
    assert_eq!(status["policy_checked_on"], deadlines["policy_checked_on"]);
    assert!(!status["policy_stale"].bool());
}

#[test]
fn status_json_gives_the_trial_length_in_force_the_region_and_the_refund_dates() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("free-trial", "web", "2026-03-01");
    let mut args = add_args("free-trial", "web", "2026-03-01").to_vec();
    args.extend_from_slice(&["--trial-days", "14"]);
    sb.ok(&args);
    sb.add("course-purchase", "web", "2026-03-01");
    // The policy's default when none was given; the person's length otherwise; null for other plans.
    assert_eq!(sb.subscription("s1")["trial_days"].int(), 7);
    assert_eq!(sb.subscription("s2")["trial_days"].int(), 14);
    assert!(sb.subscription("s3")["trial_days"].is_null());

    sb.ok(&["region", "eu-uk"]);
    assert_eq!(sb.status()["account"]["region"].str(), "eu-uk");
    sb.ok(&["region", "elsewhere"]);
    assert_eq!(sb.status()["account"]["region"].str(), "elsewhere");

    sb.ok(&[
        "done",
        "refund-requested",
        "--subscription",
        "s3",
        "--on",
        "2026-03-02",
    ]);
    sb.ok(&[
        "done",
        "refund-received",
        "--subscription",
        "s3",
        "--on",
        "2026-03-04",
    ]);
    let sub = sb.subscription("s3");
    assert_eq!(
        (sub["refund_requested_on"].str(), sub["refund_received_on"].str()),
        ("2026-03-02", "2026-03-04")
    );
}

#[test]
fn status_text_lists_every_item_id() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("plus-monthly", "web", "2025-12-31");
    sb.add("plus-annual", "android", "2026-01-01");
    let text = sb.ok(&["status"]);
    let status = sb.status();
    let mut ids: Vec<&str> = status["subscriptions"]
        .items()
        .iter()
        .flat_map(|s| s["items"].items())
        .chain(status["account"]["items"].items())
        .map(|i| i["id"].str())
        .collect();
    ids.dedup();
    assert!(ids.len() > 10);
    for id in ids {
        assert!(text.contains(id), "status text lacks {id}:\n{text}");
    }
}

// ---- what reaches the terminal ----

#[test]
fn bidi_and_control_characters_of_a_label_reach_the_terminal_escaped() {
    // U+202E turns the rest of a line around: "s1" could read as "1s".
    let label = "Plus \u{202e}tnuocca krow";
    let sb = Sandbox::new("2026-03-05");
    let mut args = add_args("plus-monthly", "web", "2026-03-01").to_vec();
    args.extend_from_slice(&["--label", label]);
    sb.ok(&args);
    let shown = "Plus \\u{202e}tnuocca krow";
    for command in [
        &["status"][..],
        &["deadlines"],
        &["export", "--format", "markdown"],
    ] {
        let out = sb.ok(command);
        assert!(!out.contains('\u{202e}'), "{command:?} passed U+202E on");
        assert!(out.contains(shown), "{command:?}:\n{out}");
    }
    for command in [&["status", "--json"][..], &["deadlines", "--json"]] {
        let out = sb.ok(command);
        assert!(!out.contains('\u{202e}'), "{command:?} passed U+202E on");
        // Still the same JSON string.
        assert!(out.contains("Plus \\u202etnuocca krow"), "{command:?}:\n{out}");
    }
    assert_eq!(sb.subscription("s1")["label"].str(), label);
    // A value typed on the command line and quoted back in an error.
    let run = sb.run(&["edit", "s1", "--plan", "\u{1b}[2J\u{202e}"]);
    let run = run.fails_with(2, &["--plan \\u{1b}[2J\\u{202e}"]);
    assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{202e}'));
    let run = sb.run(&["\u{1b}[2J"]).fails_with(2, &["\\u{1b}[2J"]);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly_with_exit_0() {
    use std::fmt::Write as _;
    // Far more than a pipe holds, so the writer meets the closed pipe.
    let sb = Sandbox::new("2026-03-05");
    let mut text = String::from("schema_version = 2\nnext_id = 401\n");
    for n in 1..=400 {
        let _ = write!(
            text,
            "\n[[subscriptions]]\nid = \"s{n}\"\nlabel = \"Plus {n}\"\nplan = \"plus-monthly\"\n\
             channel = \"web\"\nstarted = \"2026-01-{:02}\"\ncertificate_earned = false\n",
            n % 28 + 1
        );
    }
    std::fs::write(sb.state(), text).unwrap();
    for command in [
        &["status", "--json"][..],
        &["status"],
        &["deadlines"],
        &["export", "--format", "ics"],
    ] {
        let mut child = sb
            .bare()
            .args(["--state", sb.state().to_str().unwrap(), "--today", sb.today])
            .args(command)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{command:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{command:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn output_that_cannot_be_written_is_exit_1_for_help_as_for_every_command() {
    // /dev/full refuses every write: the text is lost, so the exit says so.
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2026-03-01", &[]);
    for command in [&["--help"][..], &["status", "--help"], &["path"], &["status"]] {
        let out = sb
            .bare()
            .args(["--state", sb.state().to_str().unwrap(), "--today", sb.today])
            .args(command)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("could not write the output"),
            "{command:?}"
        );
    }
}

// ---- rules that go stale (SPEC §2) ----

#[test]
fn more_than_183_days_after_the_newest_as_of_status_and_deadlines_say_the_rules_may_be_stale() {
    let policy = Policy::embedded();
    let checked = policy.checked_on();
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2025-12-31", &[]);
    let line = format!(
        "These rules were checked on {}; Coursera changes its terms — check the sources before relying on a date.",
        coursera_exit::domain::dates::long_date(checked)
    );
    let day = |n: i64| (checked + chrono::Days::new(n as u64)).to_string();
    for (today, stale) in [(day(0), false), (day(183), false), (day(184), true)] {
        for command in ["status", "deadlines"] {
            let text = sb.ok_on(&today, &[command]);
            assert_eq!(
                text.lines().filter(|l| *l == line).count(),
                usize::from(stale),
                "{command} on {today}:\n{text}"
            );
            let json = Json::parse(&sb.ok_on(&today, &[command, "--json"]));
            assert_eq!(json["policy_checked_on"].str(), checked.to_string());
            assert_eq!(json["policy_stale"].bool(), stale, "{command} --json on {today}");
        }
    }
}

// ---- deadlines --within ----

#[test]
fn within_keeps_rows_not_done_up_to_n_days_including_overdue() {
    let sb = tracked("2026-02-04", "specialization-monthly", "web", "2026-02-01", &[]);
    sb.ok(&["done", "cancelled", "--subscription", "s1", "--on", "2026-02-03"]);
    // On 02-20: refund-by -13 (overdue), cancel-by 7 (done), access-until 8.
    let within = |n: &str| {
        let out = sb.ok_on("2026-02-20", &["deadlines", "--json", "--within", n]);
        kinds_and_dates(&Json::parse(&out)["deadlines"])
            .into_iter()
            .map(|(k, _)| k)
            .collect::<Vec<_>>()
    };
    assert_eq!(within("7"), ["refund-by"]);
    assert_eq!(within("8"), ["refund-by", "access-until"]);
    assert_eq!(within("-13"), ["refund-by"]);
    assert_eq!(within("-14"), Vec::<String>::new());
}

#[test]
fn within_in_text_prints_nothing_at_all_when_no_row_is_left() {
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2025-12-31", &[]);
    // cancel-by 03-29 is 24 days away.
    let run = sb.run(&["deadlines", "--within", "23"]).success();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    let text = sb.ok(&["deadlines", "--within", "24"]);
    assert!(text.contains("Cancel by: L (s1)"), "{text}");
    assert!(!text.contains("Access until"), "{text}");
    // Without --within an empty table still says so, and JSON is always JSON.
    let empty = Sandbox::new("2026-03-05");
    assert!(empty.ok(&["deadlines"]).contains("No deadlines."));
    let json = Json::parse(&sb.ok(&["deadlines", "--json", "--within", "23"]));
    assert_eq!(json["deadlines"].items(), &[]);
    // Stale rules do not make an empty --within speak either.
    assert_eq!(sb.ok_on("2028-01-01", &["deadlines", "--within", "-10000"]), "");
}

// ---- --today before and after the stored dates ----

#[test]
fn a_today_before_the_stored_start_is_accepted_and_still_computes() {
    let sb = tracked("2026-03-01", "specialization-monthly", "web", "2026-02-15", &[]);
    sb.ok_on("2026-02-01", &["edit", "s1", "--label", "Earlier"]);
    let rows = sb.deadlines_on("2026-02-01");
    let next = rows["deadlines"]
        .items()
        .iter()
        .find(|r| r["kind"].str() == "next-charge")
        .unwrap();
    assert_eq!((next["date"].str(), next["days_left"].int()), ("2026-03-15", 42));
    assert_eq!(sb.subscription("s1")["started"].str(), "2026-02-15");
}

#[test]
fn a_later_today_moves_to_the_next_charge_from_the_anchor() {
    let sb = tracked("2026-02-10", "specialization-monthly", "web", "2026-01-31", &[]);
    let rows = sb.deadlines_on("2026-06-20");
    assert_eq!(
        kinds_and_dates(&rows["deadlines"]),
        [
            ("cancel-by".into(), "2026-06-28".into()),
            ("access-until".into(), "2026-06-29".into()),
            ("next-charge".into(), "2026-06-30".into()),
        ]
    );
    assert_eq!(rows["today"].str(), "2026-06-20");
}

// ---- global flags, path, policy, export ----

#[test]
fn global_flags_work_before_and_after_the_subcommand() {
    let sb = Sandbox::new("2026-03-01");
    let policy = sb.dir().join("policy.toml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/policy.toml"),
        &policy,
    )
    .unwrap();
    let state = sb.state();
    let globals = [
        "--state",
        state.to_str().unwrap(),
        "--today",
        "2026-03-01",
        "--policy",
        policy.to_str().unwrap(),
    ];
    let run = |before: bool, args: &[&str]| {
        let mut cmd = sb.bare();
        if before {
            cmd.args(globals).args(args);
        } else {
            cmd.args(args).args(globals);
        }
        cli_support::Run::from(cmd.output().unwrap(), args)
            .success()
            .stdout
    };
    assert_eq!(run(false, &add_args("plus-monthly", "web", "2026-01-31")), "s1\n");
    assert_eq!(run(true, &add_args("free-trial", "web", "2026-02-27")), "s2\n");
    let after = run(false, &["deadlines", "--json"]);
    assert_eq!(Json::parse(&after)["deadlines"].items().len(), 6);
    assert_eq!(run(true, &["deadlines", "--json"]), after);
    assert_eq!(
        run(false, &["status", "--json"]),
        run(true, &["status", "--json"])
    );
}

#[test]
fn path_prints_the_state_flag_over_the_environment_variable() {
    let sb = Sandbox::new("2026-03-01");
    let from_env = sb.dir().join("from-env.toml");
    let path = |cmd: &mut std::process::Command| {
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        path(sb.bare().args(["path", "--state", "flag.toml"])),
        "flag.toml\n"
    );
    assert_eq!(
        path(sb.bare().env("COURSERA_EXIT_STATE", &from_env).arg("path")),
        format!("{}\n", from_env.display())
    );
    assert_eq!(
        path(
            sb.bare()
                .env("COURSERA_EXIT_STATE", &from_env)
                .args(["--state", "flag.toml", "path"])
        ),
        "flag.toml\n"
    );
}

#[test]
fn the_environment_variable_names_the_state_file_when_no_flag_does() {
    let sb = Sandbox::new("2026-03-01");
    let from_env = sb.dir().join("from-env.toml");
    let out = sb
        .bare()
        .env("COURSERA_EXIT_STATE", &from_env)
        .args(["--today", "2026-03-01"])
        .args(add_args("plus-monthly", "web", "2026-02-01"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&from_env)
            .unwrap()
            .contains("plus-monthly")
    );
    assert!(!sb.state().exists());
}

#[test]
fn path_prints_a_name_that_is_not_utf8_as_its_own_bytes_and_escapes_control_characters() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let sb = Sandbox::new("2026-03-01");
    let stdout = |name: &[u8]| {
        let out = sb
            .bare()
            .arg("--state")
            .arg(OsStr::from_bytes(name))
            .arg("path")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    // A script's `cat "$(coursera-exit path)"` must open this file, not one named with U+FFFD.
    assert_eq!(stdout(b"nu\xff/state.toml"), b"nu\xff/state.toml\n");
    // A line break or an escape in the name does not reach the terminal.
    assert_eq!(stdout(b"a\nb\x1b[2J.toml"), b"a\\nb\\u{1b}[2J.toml\n");
}

#[test]
fn path_defaults_to_the_data_folder() {
    let sb = Sandbox::new("2026-03-01");
    let data = sb.dir().join("data");
    let out = sb
        .bare()
        .env("XDG_DATA_HOME", &data)
        .env("HOME", sb.dir())
        .arg("path")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let want = data.join("coursera-exit").join("state.toml");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", want.display())
    );
}

#[test]
fn a_valid_policy_file_is_used_in_place_of_the_built_in_one() {
    let sb = tracked("2026-03-01", "specialization-monthly", "web", "2026-01-31", &[]);
    let builtin = sb.ok(&["deadlines", "--json"]);
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/policy.toml")).unwrap();
    let copy = sb.dir().join("copy.toml");
    std::fs::write(&copy, &text).unwrap();
    assert_eq!(
        sb.ok(&["deadlines", "--json", "--policy", copy.to_str().unwrap()]),
        builtin
    );

    assert!(text.contains("margin_days = 1\n"));
    let wider = sb.dir().join("wider.toml");
    std::fs::write(&wider, text.replacen("margin_days = 1\n", "margin_days = 3\n", 1)).unwrap();
    let rows = Json::parse(&sb.ok(&["deadlines", "--json", "--policy", wider.to_str().unwrap()]));
    assert_eq!(
        kinds_and_dates(&rows["deadlines"])[0],
        ("cancel-by".into(), "2026-03-27".into())
    );
}

#[test]
fn export_include_done_adds_the_done_deadlines_as_cancelled_events() {
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2025-12-31", &[]);
    sb.ok(&["done", "cancelled", "--subscription", "s1"]);
    let open = sb.ok(&["export", "--format", "ics"]);
    assert!(!open.contains("UID:s1-cancel-by@coursera-exit"), "{open}");
    let all = sb.ok(&["export", "--format", "ics", "--include-done"]);
    let event = all
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("UID:s1-cancel-by@coursera-exit"))
        .expect("the done cancel-by is exported");
    assert!(
        event.contains("\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n"),
        "{event}"
    );
    // Markdown lists done rows anyway.
    assert_eq!(
        sb.ok(&["export", "--format", "markdown", "--include-done"]),
        sb.ok(&["export", "--format", "markdown"])
    );
}

#[test]
fn export_writes_ics_and_markdown_to_stdout_or_to_the_output_file() {
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2025-12-31", &[]);
    for format in ["ics", "markdown"] {
        let stdout = sb.ok(&["export", "--format", format]);
        assert_eq!(sb.ok(&["export", "--format", format, "--output", "-"]), stdout);
        let file = sb.dir().join(format!("plan.{format}"));
        let printed = sb.ok(&["export", "--format", format, "--output", file.to_str().unwrap()]);
        assert_eq!(printed, "", "{format}: nothing on stdout when writing a file");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout, "{format}");
        assert!(!stdout.trim().is_empty(), "{format}: empty export");
    }
}

/// The Markdown record's section about s1 (labelled L), up to the next `##`.
fn plan_section(record: &str) -> &str {
    record
        .split("### L (s1)")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the plan's section")
}

#[test]
fn a_kept_course_exports_no_refund_steps_as_its_steps_page_has_none() {
    // Bought two days ago, its refund window still open; kept, it has no
    // refund rows (SPEC §4) and its Steps page has nothing to tick.
    let sb = tracked("2026-03-03", "course-purchase", "web", "2026-03-01", &[]);
    sb.ok(&["decide", "s1", "--keep"]);
    assert!(sb.ok(&["guide", "s1"]).contains("Nothing to do"));
    let record = sb.ok(&["export", "--format", "markdown"]);
    let plan = plan_section(&record);
    assert!(plan.contains("- Decision: keep it\n"), "{plan}");
    assert!(!plan.contains("Refund requested: not yet"), "{plan}");
    assert!(!plan.contains("- [ ]"), "no step left open:\n{plan}");
    assert!(
        !plan.contains("refund"),
        "nothing about asking for a refund:\n{plan}"
    );
    // Choosing the refund after all brings its steps back.
    sb.ok(&["decide", "s1", "--cancel"]);
    let record = sb.ok(&["export", "--format", "markdown"]);
    assert!(record.contains("Refund requested: not yet"), "{record}");
    assert!(record.contains("- [ ] I have asked for a refund"), "{record}");
}

#[test]
fn a_paused_plan_exports_how_to_pause_and_no_cancel_or_refund_steps_as_its_steps_page() {
    // Paused, it has no refund rows (SPEC §4) and its Steps page shows how
    // to pause, nothing to tick: the record said to cancel and to ask for a
    // refund the plan cannot get.
    let sb = tracked("2026-03-01", "specialization-monthly", "web", "2026-01-31", &[]);
    sb.ok(&["decide", "s1", "--pause", "2", "--on", "2026-02-10"]);
    let guide = sb.ok(&["guide", "s1"]);
    assert!(!guide.contains("[ ]"), "the page ticks nothing:\n{guide}");
    let record = sb.ok(&["export", "--format", "markdown"]);
    let plan = plan_section(&record);
    assert!(
        plan.contains("- Refund requested: no, the plan is paused\n"),
        "{plan}"
    );
    // Chosen on 02-10, it begins with the charge that ends the paid month.
    assert!(
        plan.contains("chosen on Tue 2026-02-10; it begins Sat 2026-02-28 (set it on Coursera before then)"),
        "{plan}"
    );
    assert!(
        sb.ok(&["status"])
            .contains("pause of 2 month(s) chosen 2026-02-10, begins 2026-02-28"),
        "status"
    );
    assert!(plan.contains("Steps: pause — Open My Purchases"), "{plan}");
    assert!(
        plan.contains("> Only if your subscription page shows a Pause option"),
        "{plan}"
    );
    assert!(!plan.contains("- [ ]"), "no step left open:\n{plan}");
    assert!(!plan.contains("Request a refund"), "{plan}");
    // Cancelling after all brings the steps back.
    sb.ok(&["decide", "s1", "--cancel"]);
    let record = sb.ok(&["export", "--format", "markdown"]);
    assert!(record.contains("- [ ] I have cancelled"), "{record}");
}

// ---- guide, completions, man ----

#[test]
fn guide_gives_a_subscriptions_steps_with_their_ids_warnings_refund_and_dates() {
    let policy = Policy::embedded();
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2026-03-01", &[]);
    sb.ok(&["region", "eu-uk"]);
    sb.ok(&[
        "done",
        "web-sign-in",
        "--subscription",
        "s1",
        "--note",
        "password in the manager",
    ]);
    let text = sb.ok(&["guide", "s1"]);
    let web = policy.channel(coursera_exit::domain::plan::Channel::Web);
    assert!(text.starts_with("s1  L\n"), "{text}");
    assert!(text.contains(&web.cancel_where), "{text}");
    assert!(
        text.contains(&format!("[✓] {} (web-sign-in)", web.steps[0].text)),
        "{text}"
    );
    assert!(text.contains("Note: password in the manager"), "{text}");
    for step in &web.steps[1..] {
        assert!(
            text.contains(&format!("[ ] {} ({})", step.text, step.id)),
            "{text}"
        );
    }
    for warning in &web.warnings {
        assert!(text.contains(warning.as_str()), "{text}");
    }
    // Plus monthly has no refund of its own, but the EU/UK withdrawal applies:
    // the Steps page's refund steps, its last day and what to expect.
    assert!(text.contains("Withdraw by Sat 2026-03-14, in 9 days"), "{text}");
    assert!(text.contains("(refund-request-form)"), "{text}");
    assert!(text.contains(&policy.refund.may_refuse), "{text}");
    // "The money arrived" is asked once the refund was asked for, as on the page.
    assert!(
        text.contains("(refund-requested)") && !text.contains("(refund-received)"),
        "{text}"
    );
    assert!(
        text.contains("2026-03-14     9d    later     Ask for your money back (EU/UK withdrawal) — L"),
        "{text}"
    );
    // Each rule the page follows, with where it comes from.
    assert!(
        text.contains("Source (as of 2026-12-03): www.coursera.support/s/article/learner-000001486"),
        "{text}"
    );
    sb.ok(&["done", "refund-requested", "--subscription", "s1"]);
    assert!(sb.ok(&["guide", "s1"]).contains("(refund-received)"));
    sb.ok(&["done", "refund-requested", "--subscription", "s1", "--undo"]);
    // Outside the EU and the UK there is no refund block at all.
    sb.ok(&["region", "elsewhere"]);
    let text = sb.ok(&["guide", "s1"]);
    assert!(
        !text.contains("(refund-help-center)") && !text.contains(&policy.region.how),
        "{text}"
    );
}

#[test]
fn guide_account_gives_the_checklist_with_why_and_how_or_the_keep_steps() {
    let policy = Policy::embedded();
    let sb = tracked("2026-03-05", "plus-monthly", "ios", "2026-03-01", &[]);
    // With an employer's seat every item of the checklist applies.
    sb.add("organization", "organization", "2025-09-01");
    sb.ok(&["delete-account"]);
    sb.ok(&["done", "download-certificates", "--note", "~/certs"]);
    let text = sb.ok(&["guide", "account"]);
    // Every item but the one about moving things between accounts: there is one account.
    for item in policy.checklist.iter().filter(|i| i.id != "move-to-kept-account") {
        assert!(
            text.contains(&format!("{} ({})", item.title, item.id)),
            "{}",
            item.id
        );
        assert!(
            text.contains(&item.why) && text.contains(&item.how),
            "{}",
            item.id
        );
    }
    assert!(
        text.contains("[✓] Download every certificate (download-certificates)"),
        "{text}"
    );
    assert!(text.contains("Note: ~/certs"), "{text}");
    // The iPhone plan still renews: the checklist says so where it asks.
    assert!(text.contains("Still to cancel: "), "{text}");
    assert!(!text.contains("keep-privacy-settings"), "{text}");
    assert!(!text.contains("move-to-kept-account"), "one account: {text}");
    sb.ok(&["delete-account", "--undo"]);
    let text = sb.ok(&["guide", "account"]);
    for step in &policy.account_keep.steps {
        assert!(text.contains(&format!("{} ({})", step.text, step.id)), "{text}");
    }
    assert!(!text.contains("(request-deletion)"), "{text}");
}

#[test]
fn cancel_every_subscription_ticked_with_nothing_tracked_says_a_plan_paid_for_must_be_added() {
    // Done because nothing is tracked, not because nothing is paid: a
    // person who never added their plan must not read it as cancelled.
    let sb = Sandbox::new("2026-03-05");
    sb.ok(&["delete-account"]);
    let text = sb.ok(&["guide", "account"]);
    assert!(text.contains("[✓] Cancel every subscription"), "{text}");
    assert!(
        text.contains("If you still pay for one, add it on Home"),
        "{text}"
    );
}

#[test]
fn guide_names_an_unknown_id_and_waits_for_an_incomplete_one() {
    let sb = tracked("2026-03-05", "plus-monthly", "web", "2026-03-01", &[]);
    sb.run(&["guide", "s9"])
        .fails_with(2, &["s9", "no such subscription", "s1"]);
    std::fs::write(
        sb.state(),
        "schema_version = 2\nnext_id = 2\n\n[[subscriptions]]\nid = \"s1\"\nlabel = \"Not sure\"\nchannel = \"web\"\n",
    )
    .unwrap();
    assert!(sb.ok(&["guide", "s1"]).contains("Still being identified"));
}

/// What bash completes for the words typed (the last one is being typed).
fn bash_completes(script: &str, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "{script}\nCOMP_WORDS=(coursera-exit {})\nCOMP_CWORD={}\n_coursera_exit\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words.len()
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut words: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    words.sort();
    words
}

#[test]
fn completions_for_bash_complete_subcommands_flags_and_their_values() {
    let sb = Sandbox::new("2026-03-05");
    let script = sb.ok(&["completions", "bash"]);
    assert_eq!(bash_completes(&script, &["sta"]), ["status"]);
    assert_eq!(
        bash_completes(&script, &["de"]),
        ["deadlines", "decide", "delete-account"]
    );
    assert_eq!(bash_completes(&script, &["deadlines", "--w"]), ["--within"]);
    assert_eq!(
        bash_completes(&script, &["--today", "2026-01-01", "add", "--tr"]),
        ["--trial-days"]
    );
    let plans: Vec<String> = PlanKind::ALL.iter().map(|k| k.id().to_string()).collect();
    let mut sorted = plans.clone();
    sorted.sort();
    assert_eq!(bash_completes(&script, &["add", "--plan", ""]), sorted);
    assert_eq!(bash_completes(&script, &["region", "e"]), ["elsewhere", "eu-uk"]);
    assert_eq!(
        bash_completes(&script, &["export", "--format", ""]),
        ["ics", "markdown"]
    );
    assert_eq!(
        bash_completes(&script, &["edit", "s1", "--certificate-earned", ""]),
        ["false", "true"]
    );
    let shells = bash_completes(&script, &["completions", ""]);
    for shell in ["bash", "zsh", "fish", "--help", "--state"] {
        assert!(shells.iter().any(|w| w == shell), "{shell} not in {shells:?}");
    }
    assert!(
        bash_completes(&script, &["--state", "st"]).is_empty(),
        "a file name, none here"
    );
}

#[test]
fn completions_for_zsh_start_as_compdef_and_other_shells_are_refused() {
    // Every subcommand and flag in each: the test after this one.
    let sb = Sandbox::new("2026-03-05");
    let zsh = sb.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef coursera-exit\n"), "{zsh}");
    sb.run(&["completions", "tcsh"])
        .fails_with(2, &["completions tcsh", "bash, zsh, fish"]);
}

#[test]
fn every_subcommand_and_flag_of_the_help_is_in_each_completion_and_the_manual() {
    let sb = Sandbox::new("2026-03-05");
    let bash = sb.ok(&["completions", "bash"]);
    let zsh = sb.ok(&["completions", "zsh"]);
    let fish = sb.ok(&["completions", "fish"]);
    let man = sb.ok(&["man"]);
    let help = sb.ok(&["--help"]);
    let subcommands: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let top = bash_completes(&bash, &[""]);
    for sub in &subcommands {
        assert!(top.iter().any(|w| w == sub), "bash lacks {sub}");
        assert!(zsh.contains(&format!("'{sub}:")), "zsh lacks {sub}");
        assert!(fish.contains(&format!(" -a {sub} ")), "fish lacks {sub}");
        let in_roff = sub.replace('-', "\\-");
        assert!(
            man.contains(&format!("coursera-exit {in_roff}")),
            "man lacks {sub}"
        );
        if *sub == "help" {
            continue; // takes a subcommand's name, no flag of its own
        }
        let flags: Vec<String> = sb
            .ok(&[sub, "--help"])
            .lines()
            .filter_map(|l| l.strip_prefix("  --"))
            .map(|l| l.split_whitespace().next().unwrap().to_string())
            .collect();
        let completed = bash_completes(&bash, &[sub, "--"]);
        for name in &flags {
            let flag = format!("--{name}");
            assert!(
                completed.contains(&flag),
                "bash lacks {flag} of {sub}: {completed:?}"
            );
            assert!(zsh.contains(&format!("'{flag}")), "zsh lacks {flag} of {sub}");
            assert!(
                fish.contains(&format!(" -l {name}")),
                "fish lacks {flag} of {sub}"
            );
            assert!(man.contains(&flag.replace('-', "\\-")), "man lacks {flag}");
        }
    }
    assert_eq!(
        bash_completes(&bash, &["--theme", ""]),
        ["auto", "dark", "light"],
        "a flag's values complete too"
    );
    assert!(zsh.contains("(light dark auto)"), "{zsh}");
    assert!(fish.contains("light dark auto"), "{fish}");
}

#[test]
fn man_prints_a_manual_page_that_groff_reads_without_a_warning() {
    let sb = Sandbox::new("2026-03-05");
    let page = sb.ok(&["man"]);
    assert!(page.starts_with(".TH COURSERA-EXIT 1 "), "{page}");
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "OPTIONS",
        "EXIT STATUS",
        "FILES",
    ] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "{section}");
    }
    let mut groff = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-P-cbu", "-ww", "-K", "utf8"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("groff runs");
    use std::io::Write as _;
    groff.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
    let out = groff.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warns");
    // The rendered page (plain: no bold, no underline) has every subcommand's usage.
    let shown = String::from_utf8_lossy(&out.stdout);
    for usage in [
        "coursera-exit deadlines [--json] [--within DAYS]",
        "--trial-days N",
        "COURSERA_EXIT_STATE",
    ] {
        assert!(shown.contains(usage), "{usage} not in:\n{shown}");
    }
}
