//! Refusals of the command line (SPEC §6): a bad value exits 2 naming the
//! value and the reason, and leaves the state file byte for byte as it was;
//! a bad policy file exits 1; the wizard refuses to start without a terminal.

mod cli_support;

use cli_support::{Run, Sandbox, add_args};

/// A state with s1 (a monthly Specialization), s2 (Coursera Plus monthly) and
/// s3 (a course purchase), today 2026-03-01.
fn seeded() -> Sandbox {
    let sb = Sandbox::new("2026-03-01");
    sb.add("specialization-monthly", "web", "2026-01-31");
    sb.add("plus-monthly", "web", "2026-02-01");
    sb.add("course-purchase", "web", "2026-02-20");
    sb
}

/// Each command exits 2 with all its needles on stderr, and writes nothing.
fn refused(sb: &Sandbox, cases: &[(&[&str], &[&str])]) {
    for (args, needles) in cases {
        let before = sb.state_bytes();
        assert!(!before.is_empty(), "the sandbox should hold a state");
        sb.run(args).fails_with(2, needles);
        assert!(
            sb.state_bytes() == before,
            "`{}` changed the state file",
            args.join(" ")
        );
    }
}

#[test]
fn impossible_and_future_dates_are_named_with_the_reason() {
    let sb = seeded();
    refused(
        &sb,
        &[
            (
                &add_args("plus-monthly", "web", "2026-02-30"),
                &["--started 2026-02-30: February 2026 has 28 days"],
            ),
            (
                &add_args("plus-monthly", "web", "2026-05-01"),
                &["--started 2026-05-01: after today, 2026-03-01"],
            ),
            (
                &add_args("plus-monthly", "web", "March 1"),
                &["--started March 1"],
            ),
            (
                &["edit", "s1", "--started", "2026-03-02"],
                &["--started 2026-03-02: after today, 2026-03-01"],
            ),
            (
                &["edit", "s1", "--started", "2026-13-01"],
                &["--started 2026-13-01"],
            ),
            (
                &["decide", "s1", "--pause", "1", "--on", "2026-03-02"],
                &["--on 2026-03-02: after today, 2026-03-01"],
            ),
            (
                &["done", "cancelled", "--subscription", "s1", "--on", "2026-04-01"],
                &["--on 2026-04-01", "after today"],
            ),
            (
                &["done", "download-certificates", "--on", "2026-02-29"],
                &["--on 2026-02-29", "February 2026 has 28 days"],
            ),
            (
                &["delete-account", "--requested-on", "2026-03-02"],
                &["--requested-on 2026-03-02: after today"],
            ),
        ],
    );
}

#[test]
fn unknown_plans_channels_and_bad_pairs_are_refused() {
    let sb = seeded();
    refused(
        &sb,
        &[
            (
                &add_args("plus", "web", "2026-02-01"),
                &["--plan plus", "plus-monthly"],
            ),
            (
                &add_args("plus-monthly", "fax", "2026-02-01"),
                &["--channel fax", "ios"],
            ),
            (
                &add_args("organization", "web", "2026-02-01"),
                &["--channel web", "organization"],
            ),
            (
                &["edit", "s1", "--plan", "organization"],
                &["--channel web", "organization"],
            ),
            (&["edit", "s1", "--plan", "monthly"], &["--plan monthly"]),
            (&["edit", "s1", "--channel", "apple"], &["--channel apple"]),
            (
                &["edit", "s1", "--certificate-earned", "maybe"],
                &["--certificate-earned maybe"],
            ),
        ],
    );
}

#[test]
fn a_region_other_than_the_two_is_refused_listing_both() {
    let sb = seeded();
    refused(
        &sb,
        &[
            (&["region", "mars"], &["region mars", "eu-uk", "elsewhere"]),
            (&["region", "EU"], &["region EU", "eu-uk", "elsewhere"]),
            (&["region", ""], &["eu-uk", "elsewhere"]),
            (&["region"], &["required", "eu-uk|elsewhere"]),
        ],
    );
}

#[test]
fn a_trial_length_is_1_to_31_days_and_only_for_a_free_trial() {
    let sb = seeded();
    let trial = sb.add("free-trial", "web", "2026-02-27");
    let add = |days: &'static str, plan: &'static str| -> Vec<&'static str> {
        let mut args = add_args(plan, "web", "2026-02-27").to_vec();
        args.extend_from_slice(&["--trial-days", days]);
        args
    };
    let edit = |id: &str, days: &str| -> Vec<String> {
        ["edit", id, "--trial-days", days].map(str::to_string).to_vec()
    };
    let range = "a trial lasts 1 to 31 days";
    let only = "only a free trial has a length in days";
    let cases: Vec<(Vec<String>, Vec<&str>)> = vec![
        (strings(&add("0", "free-trial")), vec!["--trial-days 0", range]),
        (strings(&add("32", "free-trial")), vec!["--trial-days 32", range]),
        (
            strings(&add("abc", "free-trial")),
            vec!["--trial-days abc", "whole number of days"],
        ),
        (
            strings(&add("7.5", "free-trial")),
            vec!["--trial-days 7.5", "whole number of days"],
        ),
        (
            strings(&add("7", "plus-monthly")),
            vec!["--trial-days 7", only, "plus-monthly"],
        ),
        (
            strings(&add("14", "course-purchase")),
            vec!["--trial-days 14", only, "course-purchase"],
        ),
        (edit(&trial, "0"), vec!["--trial-days 0", range]),
        (edit(&trial, "32"), vec!["--trial-days 32", range]),
        (
            edit(&trial, "abc"),
            vec!["--trial-days abc", "whole number of days"],
        ),
        (
            edit("s1", "7"),
            vec!["--trial-days 7", only, "specialization-monthly"],
        ),
        (
            ["edit", &trial, "--plan", "plus-annual", "--trial-days", "7"]
                .map(str::to_string)
                .to_vec(),
            vec!["--trial-days 7", only, "plus-annual"],
        ),
    ];
    for (args, needles) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&sb, &[(&args, needles)]);
    }
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

#[test]
fn unknown_subscription_ids_are_named_by_every_command() {
    let sb = seeded();
    let needles: &[&str] = &["s9", "no such subscription"];
    refused(
        &sb,
        &[
            (&["edit", "s9", "--label", "x"], needles),
            (&["remove", "s9"], needles),
            (&["decide", "s9", "--cancel"], needles),
            (&["done", "cancelled", "--subscription", "s9"], needles),
            (&["remove", "account"], &["account"]),
        ],
    );
}

#[test]
fn pause_is_only_for_a_monthly_specialization_and_only_for_the_allowed_months() {
    let sb = Sandbox::new("2026-03-01");
    for (plan, channel) in [
        ("free-trial", "web"),
        ("plus-monthly", "web"),
        ("plus-annual", "ios"),
        ("course-purchase", "web"),
        ("organization", "organization"),
    ] {
        let id = sb.add(plan, channel, "2026-02-27");
        refused(&sb, &[(&["decide", &id, "--pause", "1"], &["--pause", plan])]);
    }
    let id = sb.add("specialization-monthly", "web", "2026-01-31");
    refused(
        &sb,
        &[
            (
                &["decide", &id, "--pause", "4"],
                &["--pause 4", "1, 2 or 3 months"],
            ),
            (&["decide", &id, "--pause", "0"], &["--pause 0"]),
            (&["decide", &id, "--pause", "two"], &["--pause two"]),
            (
                &["decide", &id, "--pause", "1", "--on", "2026-01-30"],
                &["--on 2026-01-30", "before"],
            ),
        ],
    );
}

#[test]
fn decide_takes_exactly_one_choice_and_on_only_with_pause() {
    let sb = seeded();
    refused(
        &sb,
        &[
            (&["decide", "s1"], &["--cancel", "--keep"]),
            (&["decide", "s1", "--cancel", "--keep"], &["--cancel", "--keep"]),
            (
                &["decide", "s1", "--cancel", "--pause", "1"],
                &["--cancel", "--pause"],
            ),
            (
                &["decide", "s1", "--cancel", "--on", "2026-02-10"],
                &["--on 2026-02-10"],
            ),
            (
                &["decide", "s1", "--keep", "--on", "2026-02-10"],
                &["--on 2026-02-10"],
            ),
        ],
    );
}

#[test]
fn items_must_match_where_they_belong() {
    let sb = seeded();
    let org = sb.add("organization", "organization", "2025-09-01");
    refused(
        &sb,
        &[
            (&["done", "cancelled"], &["cancelled", "--subscription"]),
            (
                &["done", "refund-requested"],
                &["refund-requested", "--subscription"],
            ),
            (&["done", "web-sign-in"], &["web-sign-in", "--subscription"]),
            (
                &["done", "download-certificates", "--subscription", "s1"],
                &["--subscription s1", "download-certificates"],
            ),
            (
                &["done", "written-confirmation", "--subscription", "s2"],
                &["--subscription s2", "written-confirmation"],
            ),
            (&["done", "fly-to-the-moon"], &["fly-to-the-moon"]),
            (
                &["done", "fly-to-the-moon", "--subscription", "s1"],
                &["fly-to-the-moon", "s1"],
            ),
            (
                &["done", "ios-settings", "--subscription", "s1"],
                &["ios-settings", "s1"],
            ),
            // A course purchase has nothing to cancel; an employer's seat no refund.
            (
                &["done", "cancelled", "--subscription", "s3"],
                &["cancelled", "s3"],
            ),
            (
                &["done", "refund-requested", "--subscription", &org],
                &["refund-requested", &org, "employer or university"],
            ),
            (
                &["done", "refund-received", "--subscription", &org],
                &["refund-received", &org, "employer or university"],
            ),
            (&["done", "cancel-subscriptions"], &["cancel-subscriptions"]),
        ],
    );
}

#[test]
fn bad_today_and_within_values_are_named() {
    let sb = seeded();
    refused(
        &sb,
        &[
            (&["deadlines", "--within", "abc"], &["--within abc"]),
            (&["deadlines", "--within", "1.5"], &["--within 1.5"]),
        ],
    );
    for today in ["2026-02-30", "tomorrow", "2026-3-1x"] {
        sb.run_on(today, &["status"]).fails_with(2, &["--today", today]);
        let before = sb.state_bytes();
        sb.run_on(today, &["remove", "s1"])
            .fails_with(2, &["--today", today]);
        assert!(sb.state_bytes() == before);
    }
    sb.run_on("2026-02-30", &["status"])
        .fails_with(2, &["--today 2026-02-30: February 2026 has 28 days"]);
}

#[test]
fn a_refused_command_on_a_missing_state_creates_no_file() {
    let sb = Sandbox::new("2026-03-01");
    sb.run(&add_args("plus-monthly", "web", "2026-02-30"))
        .fails_with(2, &[]);
    sb.run(&["remove", "s1"]).fails_with(2, &["s1"]);
    assert!(!sb.state().exists());
}

// ---- --policy ----

fn policy_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/policy.toml")).unwrap()
}

/// The policy text without the `[[plans]]` table whose id is `plan`.
fn without_plan(text: &str, plan: &str) -> String {
    let mut out = String::new();
    for (i, block) in text.split("\n[[").enumerate() {
        let dropped = block.starts_with("plans]]") && block.contains(&format!("\nid = \"{plan}\"\n"));
        if !dropped {
            if i > 0 {
                out.push_str("\n[[");
            }
            out.push_str(block);
        }
    }
    assert_ne!(out, text, "the policy should have a plan {plan}");
    out
}

#[test]
fn a_policy_missing_a_plan_kind_exits_1_naming_the_file_and_the_field() {
    let sb = seeded();
    let before = sb.state_bytes();
    for plan in ["organization", "free-trial"] {
        let file = sb.dir().join(format!("no-{plan}.toml"));
        std::fs::write(&file, without_plan(&policy_text(), plan)).unwrap();
        let file = file.to_str().unwrap();
        sb.run(&["--policy", file, "deadlines"])
            .fails_with(1, &[file, "plans", plan]);
        sb.run(&["--policy", file, "decide", "s1", "--cancel"])
            .fails_with(1, &[file, "plans", plan]);
    }
    assert!(sb.state_bytes() == before);
}

/// Runs `status` with the built-in policy edited (`from` → `to`): exit 1 naming the file and `field`.
fn bad_policy_is_named(from: &str, to: &str, field: &str) {
    let sb = seeded();
    let text = policy_text();
    assert!(text.contains(from), "the policy should contain {from:?}");
    let file = sb.dir().join("bad.toml");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
    let file = file.to_str().unwrap();
    let run = sb
        .run(&["status", "--policy", file])
        .fails_with(1, &[file, field]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn a_policy_with_a_value_out_of_range_exits_1_naming_the_file_and_the_field() {
    bad_policy_is_named("margin_days = 1\n", "margin_days = -4\n", "margin_days");
}

#[test]
fn a_policy_with_an_unknown_field_exits_1_naming_the_file_and_the_field() {
    bad_policy_is_named(
        "withdrawal_days = 14\n",
        "withdrawal_days = 14\nwithdrawal_dayz = 14\n",
        "withdrawal_dayz",
    );
}

#[test]
fn a_policy_field_of_the_wrong_type_exits_1_naming_the_file_and_the_field() {
    bad_policy_is_named("margin_days = 1\n", "margin_days = \"one\"\n", "margin_days");
}

#[test]
fn a_policy_text_with_a_line_break_or_escape_is_refused_naming_its_key() {
    // A line break in a step's text made a heading of its own in the
    // Markdown record and reached the terminal raw through `guide`.
    let step = "text = \"Go to coursera.org and sign in to the account that pays.\"";
    for (hidden, code) in [
        ("\\n\\n# Injected heading", "U+000A"),
        ("\\u001b[2J", "U+001B"),
        ("\\u202e", "U+202E"),
    ] {
        let to = step.replacen("pays.", &format!("pays.{hidden}"), 1);
        bad_policy_is_named(step, &to, "channels.web.steps.web-sign-in.text");
        bad_policy_is_named(step, &to, code);
    }
}

#[test]
fn a_policy_value_quoted_in_an_error_stays_on_one_line() {
    let sb = seeded();
    let text = policy_text().replacen(
        "condition = \"",
        "condition = \"other\\n# HEADING\\n- fake item\\r",
        1,
    );
    let file = sb.dir().join("bad.toml");
    std::fs::write(&file, text).unwrap();
    let run = sb
        .run(&["status", "--policy", file.to_str().unwrap()])
        .fails_with(1, &["condition"]);
    assert!(!run.stderr.contains("\n# HEADING"), "{}", run.stderr);
    assert!(run.stderr.contains("\\n# HEADING"), "{}", run.stderr);
}

#[test]
fn a_policy_as_of_outside_1900_to_2200_says_so() {
    bad_policy_is_named(
        "as_of = \"2026-07-03\"",
        "as_of = \"2201-07-03\"",
        "outside the years 1900–2200",
    );
}

/// `policy-v1.toml` is `assets/policy.toml` as version 1 shipped it (commit b41c86f).
#[test]
fn a_version_1_policy_is_refused_naming_the_file_and_the_numbers_it_lacks() {
    let sb = seeded();
    let before = sb.state_bytes();
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/policy-v1.toml");
    assert!(
        std::fs::read_to_string(file)
            .unwrap()
            .contains("\nrefund_days = 14\n")
    );
    for args in [&["status"][..], &["decide", "s1", "--cancel"]] {
        let mut argv = vec!["--policy", file];
        argv.extend_from_slice(args);
        sb.run(&argv).fails_with(
            1,
            &[
                file,
                "version-1 policy",
                "course_refund_days",
                "specialization_refund_days",
                "annual_refund_days",
                "withdrawal_days",
                "refund_wait_business_days",
                "support_reply_extension_months",
            ],
        );
    }
    assert!(sb.state_bytes() == before);
}

#[test]
fn a_missing_policy_file_exits_1_naming_it() {
    let sb = seeded();
    let file = sb.dir().join("nowhere.toml");
    sb.run(&["--policy", file.to_str().unwrap(), "status"])
        .fails_with(1, &[file.to_str().unwrap()]);
}

// ---- the wizard ----

#[test]
fn the_wizard_without_a_terminal_exits_2_pointing_to_status_and_writes_no_escape_codes() {
    let sb = Sandbox::new("2026-03-01");
    let out = sb
        .bare()
        .args(["--state", "state.toml", "--today", "2026-03-01"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let run = Run::from(out, &["(wizard)"]).fails_with(2, &["coursera-exit status"]);
    assert!(
        !run.raw_stdout.contains(&0x1b),
        "escape bytes on stdout: {:?}",
        run.stdout
    );
    assert!(
        !run.stderr.contains('\u{1b}'),
        "escape bytes on stderr: {:?}",
        run.stderr
    );
    assert!(
        !sb.state().exists(),
        "the wizard should not have touched the state"
    );
}

#[test]
fn a_state_whose_ids_have_run_out_refuses_add_and_is_left_readable() {
    let sb = Sandbox::new("2026-03-01");
    std::fs::write(sb.state(), "schema_version = 1\nnext_id = 4294967295\n").expect("write the state");
    refused(
        &sb,
        &[(
            &add_args("plus-monthly", "web", "2026-02-01"),
            &["next_id = 4294967295", "no more subscriptions can be added"],
        )],
    );
    sb.run(&["status"]).success();
}
