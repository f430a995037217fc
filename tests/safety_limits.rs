//! A writer never writes what the reader refuses (issue 12): the limits of
//! SPEC §5 are checked where text comes in — a label of 1 to 80 characters,
//! a note of at most 2,000, neither with a control character, dates within
//! 1900–2200 — and a policy whose plan has an empty name is refused when it
//! loads. Each refusal is exit 2 (exit 1 for the policy) naming the value,
//! and leaves the state file as it was.

mod cli_support;

use cli_support::Sandbox;

fn tracked() -> Sandbox {
    let sb = Sandbox::new("2026-03-01");
    sb.add("plus-monthly", "web", "2026-02-01");
    sb
}

#[test]
fn a_label_over_80_characters_or_with_a_control_character_is_refused() {
    let sb = tracked();
    let before = sb.state_bytes();
    let long = "x".repeat(81);
    sb.run(&["edit", "s1", "--label", &long])
        .fails_with(2, &["at most 80"]);
    sb.run(&["edit", "s1", "--label", "a\u{1b}[2Jb"])
        .fails_with(2, &["control", "U+001B"]);
    sb.run(&["edit", "s1", "--label", "a\u{9b}b"])
        .fails_with(2, &["U+009B"]);
    assert_eq!(sb.state_bytes(), before);
    // 80 characters of any script are fine: characters, not bytes.
    sb.ok(&["edit", "s1", "--label", &"学".repeat(80)]);
}

#[test]
fn a_note_over_2000_characters_or_with_a_line_break_is_refused() {
    let sb = tracked();
    let before = sb.state_bytes();
    let long = "n".repeat(2001);
    sb.run(&["done", "web-sign-in", "--subscription", "s1", "--note", &long])
        .fails_with(2, &["at most 2000"]);
    sb.run(&["done", "web-sign-in", "--subscription", "s1", "--note", "a\nb"])
        .fails_with(2, &["control"]);
    assert_eq!(sb.state_bytes(), before);
    sb.ok(&[
        "done",
        "web-sign-in",
        "--subscription",
        "s1",
        "--note",
        &"n".repeat(2000),
    ]);
}

#[test]
fn dates_outside_1900_to_2200_are_refused_everywhere_they_come_in() {
    let sb = tracked();
    sb.run(&[
        "add",
        "--plan",
        "plus-monthly",
        "--channel",
        "web",
        "--started",
        "1850-01-01",
    ])
    .fails_with(2, &["1850-01-01", "between 1900 and 2200"]);
    sb.run_on("9999-12-31", &["deadlines"])
        .fails_with(2, &["--today", "between 1900 and 2200"]);
    sb.run_on("1800-01-01", &["status"])
        .fails_with(2, &["between 1900 and 2200"]);
}

#[test]
fn a_policy_whose_plan_has_an_empty_name_is_refused_when_it_loads() {
    let sb = Sandbox::new("2026-03-01");
    let policy = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/policy.toml"))
        .expect("the policy")
        .replacen("name = \"Free trial\"", "name = \"\"", 1);
    let path = sb.dir().join("empty-name.toml");
    std::fs::write(&path, policy).expect("written");
    let mut cmd = sb.bare();
    cmd.arg("--policy")
        .arg(&path)
        .args(["--today", "2026-03-01", "status"]);
    cli_support::Run::from(cmd.output().expect("runs"), &["--policy"])
        .fails_with(1, &["empty-name.toml", "plans.free-trial.name"]);
}

/// A plan's name becomes the label of a subscription added without one: a
/// name the state file would refuse locked a person out of their own file.
#[test]
fn a_policy_whose_plan_name_holds_an_escape_code_is_refused_before_anything_is_saved() {
    let sb = Sandbox::new("2026-03-01");
    let policy = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/policy.toml"))
        .expect("the policy")
        .replacen(
            "name = \"Coursera Plus (monthly)\"",
            "name = \"Plus\\u001b[31m\"",
            1,
        );
    let path = sb.dir().join("escape-name.toml");
    std::fs::write(&path, policy).expect("written");
    let mut cmd = sb.bare();
    cmd.arg("--policy").arg(&path).arg("--state").arg(sb.state());
    cmd.args(["--today", "2026-03-01"])
        .args(cli_support::add_args("plus-monthly", "web", "2026-02-01"));
    cli_support::Run::from(cmd.output().expect("runs"), &["add"])
        .fails_with(1, &["plans.plus-monthly.name", "U+001B"]);
    assert!(!sb.state().exists(), "nothing was saved");
}

/// The last line of defence: whatever a writer holds is serialized and read
/// back before it is written, so a value that slipped past the input checks
/// is refused at the save, and the file stays readable.
#[test]
fn a_save_that_would_not_read_back_is_refused_and_leaves_the_file_as_it_was() {
    let sb = tracked();
    let before = sb.state_bytes();
    let (mut store, mut state) = coursera_exit::store::Store::open(&sb.state()).expect("opens");
    state.subscriptions[0].label = "sneaked\u{1b}[2J in".to_string();
    let err = store.save(&state).expect_err("refused").to_string();
    assert!(err.contains("refused when read back"), "{err}");
    assert!(err.contains("U+001B"), "{err}");
    assert_eq!(sb.state_bytes(), before);
    drop(store);
    sb.ok(&["status"]);
}

/// An attack on issue 12's fixes: a label of only invisible characters (a
/// zero-width space, a direction mark) or holding a line separator (U+2028,
/// which some terminals break a line at) was accepted.
#[test]
fn a_label_nobody_could_see_or_one_with_a_line_separator_is_refused() {
    let sb = tracked();
    let before = sb.state_bytes();
    sb.run(&["edit", "s1", "--label", "\u{200b}"])
        .fails_with(2, &["visible"]);
    sb.run(&["edit", "s1", "--label", "\u{202e}\u{200f}"])
        .fails_with(2, &["visible"]);
    sb.run(&["edit", "s1", "--label", "one\u{2028}two"])
        .fails_with(2, &["U+2028"]);
    sb.run(&[
        "done",
        "cancelled",
        "--subscription",
        "s1",
        "--note",
        "a\u{2029}b",
    ])
    .fails_with(2, &["U+2029"]);
    assert_eq!(sb.state_bytes(), before);
}

/// A hand-edited file with a key of a megabyte was quoted whole on stderr.
#[test]
fn a_huge_unknown_key_is_named_by_its_place_not_quoted_whole() {
    let sb = Sandbox::new("2026-03-01");
    let key = "k".repeat(1_000_000);
    std::fs::write(sb.state(), format!("schema_version = 3\n{key} = 1\n")).unwrap();
    let run = sb.run(&["status"]).fails_with(1, &["state.toml:2:1", "cut"]);
    assert!(run.stderr.len() < 4000, "{} bytes of message", run.stderr.len());
}

#[test]
fn a_year_0_today_names_the_years_a_date_may_have() {
    let sb = Sandbox::new("2026-03-01");
    sb.run_on("0000-01-01", &["status"])
        .fails_with(2, &["--today 0000-01-01", "between 1900 and 2200"]);
}
