//! `--plain`: the whole journey of SPEC §3 line by line over pipes, as a
//! screen reader user or a script would take it, checked through the saved
//! state (read back with `status --json`), with no escape sequence printed.

mod cli_support;

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use cli_support::Sandbox;

/// The binary in plain mode on the sandbox's state, lines typed on stdin.
fn plain(sb: &Sandbox, lines: &[&str]) -> Output {
    let mut child = spawn(sb, &["--plain"]);
    let mut stdin = child.stdin.take().expect("stdin");
    for line in lines {
        // A wizard that has already ended (refused, quit) reads no more.
        if writeln!(stdin, "{line}").is_err() {
            break;
        }
    }
    drop(stdin);
    child.wait_with_output().expect("the wizard ends")
}

fn spawn(sb: &Sandbox, args: &[&str]) -> Child {
    sb.bare()
        .arg("--state")
        .arg(sb.state())
        .args(["--today", sb.today])
        .args(args)
        .env_remove("COURSERA_EXIT_PLAIN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// No ESC, no CSI, no other control character but the line break: a screen
/// reader hears only words.
fn assert_no_escapes(out: &Output) {
    let bad: Vec<(usize, u8)> = out
        .stdout
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, b)| (*b < 0x20 && *b != b'\n') || *b == 0x7f)
        .collect();
    assert!(bad.is_empty(), "control bytes {bad:?} in:\n{}", stdout(out));
    let text = stdout(out);
    for c in text.chars() {
        assert!(
            !('\u{80}'..='\u{9f}').contains(&c),
            "C1 control {c:?} in:\n{text}"
        );
    }
}

/// Add a 7-day trial bought on the website, identify it (started
/// 2026-02-25, living elsewhere), cancel it and say so, then decide to
/// delete the account and request the deletion past the warning.
const JOURNEY: &[&str] = &[
    "a",          // Home: add
    "1",          // bought on the website
    "1",          // a free trial
    "1",          // 7 days
    "2026-02-25", // started
    "2",          // not in the EU or the UK
    "1",          // Decide: cancel it
    "tick 8",     // Steps: I have cancelled
    "",           // Enter: on to Finish
    "",           // Finish: back to Home
    "D",          // the account
    "1",          // delete it
    "tick 8",     // Checklist: request deletion
    "maybe",      // not an answer: asked again
    "yes",        // past the warning: certificates not downloaded
    "quit",
];

#[test]
fn a_script_completes_the_whole_journey_over_pipes_and_it_is_saved() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, JOURNEY);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(text.contains("Where did you buy it?"), "{text}");
    assert!(text.contains("Cancel by Mon 2026-03-02, tomorrow"), "{text}");
    assert!(text.contains("Type yes or no."), "{text}");

    let sub = sb.subscription("s1");
    assert_eq!(sub["plan"].str(), "free-trial");
    assert_eq!(sub["channel"].str(), "web");
    assert_eq!(sub["started"].str(), "2026-02-25");
    assert_eq!(sub["trial_days"].int(), 7);
    assert_eq!(sub["decision"].str(), "cancel");
    assert_eq!(sub["cancelled_on"].str(), "2026-03-01");
    let status = sb.status();
    assert_eq!(status["account"]["decision"].str(), "delete");
    assert_eq!(status["account"]["requested_on"].str(), "2026-03-01");
    assert_eq!(status["account"]["region"].str(), "elsewhere");
}

#[test]
fn the_journey_prints_no_escape_sequence_at_all() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, JOURNEY);
    assert_no_escapes(&out);
}

#[test]
fn coming_back_resumes_where_the_person_left_off() {
    let sb = Sandbox::new("2026-03-01");
    plain(&sb, JOURNEY);
    let again = plain(&sb, &["quit"]);
    assert_eq!(again.status.code(), Some(0));
    let text = stdout(&again);
    assert!(
        text.contains("Before deleting your account"),
        "resumed on the checklist:\n{text}"
    );
    assert!(text.contains("Deletion requested Sun 2026-03-01"), "{text}");
    let home = plain(&sb, &["g", "quit"]);
    let text = stdout(&home);
    assert!(
        text.contains(
            "Free trial (7 days) (s1) (You will not be charged again; access until Tue 2026-03-03)"
        ),
        "{text}"
    );
}

#[test]
fn the_end_of_input_saves_what_was_answered_and_exits_0() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, &["a", "1", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let sub = sb.subscription("s1");
    assert_eq!(sub["channel"].str(), "web");
    assert_eq!(sub["plan"].str(), "plus-monthly");
    assert!(sub["started"].is_null(), "not answered yet");
}

#[test]
fn input_that_means_nothing_is_answered_in_one_line_and_asked_again() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, &["a", "frobnicate", "9", "quit"]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "> Not understood: \"frobnicate\". Type a number, a word from the last line, help or quit.\n> "
        ),
        "{text}"
    );
    assert!(
        text.contains("> There is no such line here: type 1 to 5.\n> "),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_typed_date_that_does_not_exist_is_refused_with_the_reason() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, &["a", "1", "3", "2026-02-30", "2026-02-10", "quit"]);
    let text = stdout(&out);
    assert!(text.contains("Error: "), "{text}");
    assert!(text.contains("28 days"), "the reason: {text}");
    assert_eq!(sb.subscription("s1")["started"].str(), "2026-02-10");
}

#[test]
fn notes_and_dates_go_in_by_line_number_on_the_checklist() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(
        &sb,
        &[
            "D",
            "1",
            "note 1 saved as PDF in Documents",
            "date 4 2026-02-20",
            "quit",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let status = sb.status();
    let items = status["account"]["items"].items();
    let certificates = &items[0];
    assert_eq!(certificates["note"].str(), "saved as PDF in Documents");
    let receipts = &items[3];
    assert!(receipts["done"].bool(), "{receipts:?}");
    assert_eq!(receipts["done_on"].str(), "2026-02-20");
}

/// A year outside 1900–2200 was taken by `date N`, and then every save
/// failed and `quit` exited 1: now it is refused with the command line's reason.
#[test]
fn a_date_outside_1900_to_2200_is_refused_with_the_reason() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, &["D", "1", "date 4 1026-03-01", "quit"]);
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Error: the year must be between 1900 and 2200"),
        "{text}"
    );
    let status = sb.status();
    let receipts = &status["account"]["items"].items()[3];
    assert!(!receipts["done"].bool(), "nothing recorded: {receipts:?}");
}

/// A refused value used to leave its field open, asking again: in a
/// script the next command line became the value (`r` stored as the note,
/// over the one there). Now the prompt takes commands again at once, with
/// the reason, and the value before is kept.
#[test]
fn a_refused_note_returns_to_the_prompt_and_the_next_line_is_a_command() {
    let sb = Sandbox::new("2026-03-01");
    let long = "x".repeat(2500);
    let by_line = format!("note 1 {long}");
    let out = plain(
        &sb,
        &[
            "D",
            "1",
            "note 1 saved as PDF in Documents",
            &by_line,
            "r",
            // Opened first, then typed on its own line: the same.
            "n",
            &long,
            "r",
            "quit",
        ],
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(
        text.matches("Error: a note is at most 2000 characters").count(),
        2,
        "{text}"
    );
    assert_eq!(text.matches("Nothing was changed.").count(), 2, "{text}");
    assert!(!text.contains("Type another value"), "not asked again: {text}");
    let status = sb.status();
    let certificates = &status["account"]["items"].items()[0];
    assert_eq!(certificates["note"].str(), "saved as PDF in Documents");
}

#[test]
fn a_refused_date_returns_to_the_prompt_and_the_next_line_is_a_command() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, &["D", "1", "date 4 2026-02-30", "2026-02-20", "quit"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Error: February 2026 has 28 days. Nothing was changed."),
        "{text}"
    );
    assert!(
        text.contains("Not understood: \"2026-02-20\""),
        "read as a command: {text}"
    );
    let status = sb.status();
    let receipts = &status["account"]["items"].items()[3];
    assert!(!receipts["done"].bool(), "nothing recorded: {receipts:?}");
}

#[test]
fn a_refused_label_returns_to_the_prompt_and_the_next_line_is_a_command() {
    let sb = Sandbox::new("2026-03-01");
    sb.add("plus-monthly", "web", "2026-02-10");
    let long = "y".repeat(100);
    let out = plain(&sb, &["r", &long, "home", "quit"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Error: a label is at most 80 characters"), "{text}");
    assert!(text.contains("Nothing was changed."), "{text}");
    assert_eq!(sb.subscription("s1")["label"].str(), "Coursera Plus (monthly)");
}

#[test]
fn a_refused_export_folder_returns_to_the_prompt_and_the_next_line_is_a_command() {
    let sb = Sandbox::new("2026-03-01");
    sb.add("plus-monthly", "web", "2026-02-10");
    let out = plain(&sb, &["s", "w", "no-such-folder", ".", "quit"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Nothing was changed."), "{text}");
    assert!(text.contains("Not understood: \".\""), "{text}");
    let written: Vec<_> = std::fs::read_dir(sb.dir())
        .expect("the sandbox")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md") || name.ends_with(".ics"))
        .collect();
    assert!(written.is_empty(), "nothing exported to '.': {written:?}");
}

#[test]
fn a_label_with_a_bidi_override_is_printed_escaped() {
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&[
        "add",
        "--plan",
        "plus-annual",
        "--channel",
        "web",
        "--started",
        "2026-01-10",
        "--label",
        "x\u{202e}z",
    ]);
    let out = plain(&sb, &["quit"]);
    assert_no_escapes(&out);
    let text = stdout(&out);
    assert!(text.contains("x\\u{202e}z"), "{text}");
}

#[test]
fn the_environment_variable_asks_for_plain_mode_too() {
    let sb = Sandbox::new("2026-03-01");
    let mut child = sb
        .bare()
        .arg("--state")
        .arg(sb.state())
        .args(["--today", sb.today])
        .env("COURSERA_EXIT_PLAIN", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"quit\n")
        .expect("reads");
    let out = child.wait_with_output().expect("ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("Your Coursera subscriptions"));
}

#[test]
fn without_plain_a_pipe_is_still_refused_with_exit_2() {
    let sb = Sandbox::new("2026-03-01");
    let out = Command::new(env!("CARGO_BIN_EXE_coursera-exit"))
        .arg("--state")
        .arg(sb.state())
        .env_remove("COURSERA_EXIT_PLAIN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// Waits until the wizard has printed its first prompt (so it holds the lock).
fn wait_for_prompt(child: &mut Child) -> std::process::ChildStdout {
    use std::io::Read;
    let mut stdout = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    let start = Instant::now();
    while !seen.ends_with(b"> ") {
        assert!(start.elapsed() < Duration::from_secs(20), "no prompt");
        if stdout.read(&mut byte).expect("reads") == 0 {
            panic!("ended early: {}", String::from_utf8_lossy(&seen));
        }
        seen.push(byte[0]);
    }
    stdout
}

#[test]
fn ctrl_c_at_the_prompt_saves_and_exits_130() {
    let sb = Sandbox::new("2026-03-01");
    let mut child = spawn(&sb, &["--plain"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let _stdout = wait_for_prompt(&mut child);
    writeln!(stdin, "a").expect("typed");
    // The signal may arrive before the line is read; either way it is saved
    // at the end, and a subscription is there.
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill(2) on our own child's pid has no memory effects.
    let rc = unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    assert_eq!(rc, 0);
    let status = child.wait().expect("ends");
    assert_eq!(status.code(), Some(130));
    assert_eq!(sb.subscription("s1")["id"].str(), "s1");
}

#[test]
fn a_second_wizard_on_the_same_file_is_refused_with_exit_3() {
    let sb = Sandbox::new("2026-03-01");
    let mut first = spawn(&sb, &["--plain"]);
    let stdin = first.stdin.take().expect("stdin");
    let _stdout = wait_for_prompt(&mut first);
    let second = plain(&sb, &["quit"]);
    assert_eq!(
        second.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    drop(stdin);
    assert_eq!(first.wait().expect("ends").code(), Some(0));
}

#[test]
fn a_note_where_no_note_goes_changes_nothing_and_says_so() {
    let sb = Sandbox::new("2026-03-01");
    sb.add("specialization-monthly", "web", "2026-01-08");
    // Home → the subscription → Decide, where a number would choose.
    let out = plain(&sb, &["1", "note 2 call on monday", "date 2 2026-02-28", "quit"]);
    let text = stdout(&out);
    assert!(
        text.contains("Line 2 takes no note; nothing was changed."),
        "{text}"
    );
    assert!(
        text.contains("Line 2 takes no date; nothing was changed."),
        "{text}"
    );
    assert!(sb.subscription("s1")["decision"].is_null(), "no choice was made");
}

#[test]
fn enter_alone_does_not_answer_a_question_and_about_n_reads_without_choosing() {
    let sb = Sandbox::new("2026-03-01");
    sb.add("specialization-monthly", "web", "2026-01-08");
    let out = plain(&sb, &["1", "", "about 3", "quit"]);
    let text = stdout(&out);
    assert!(text.contains("Enter alone does not answer this"), "{text}");
    assert!(text.contains("About line 3: "), "{text}");
    assert!(sb.subscription("s1")["decision"].is_null(), "no choice was made");
}

#[test]
fn what_was_typed_is_echoed_escaped_never_run_by_the_terminal() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, &["\u{1b}[2Jclear\u{7}", "\u{1b}[A", "quit"]);
    assert_no_escapes(&out);
    assert!(stdout(&out).contains("Not understood: \"\\u{1b}[2Jclear\\u{7}\""));
}

#[test]
fn help_in_any_case_is_the_line_help_and_quit_still_quits_after_it() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(&sb, &["Help", "HELP", "quit"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("How to answer, one line at a time:"), "{text}");
    assert!(
        !text.contains("Esc closes"),
        "not the screen's key overlay: {text}"
    );
    assert!(text.trim_end().ends_with("go on where you left off."), "{text}");
}

/// Several accounts line by line: name the second, say it pays for a new
/// plan, and decide about it by its own name.
#[test]
fn a_second_account_is_named_chosen_and_decided_line_by_line() {
    let sb = Sandbox::new("2026-03-01");
    let out = plain(
        &sb,
        &[
            "new-account",
            "Google sign-in",
            "me@example.com", // the account had so far, asked right after
            "add",
            "2",          // which account pays: a2
            "1",          // the website
            "3",          // Coursera Plus, monthly
            "2026-02-27", // the first payment
            "1",          // no certificate
            "2",          // not in the EU or the UK
            "2",          // keep paying
            "home",
            "account",
            "2", // keep a2, with a smaller footprint
            "quit",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_no_escapes(&out);
    let text = stdout(&out);
    assert!(
        text.contains("Which of your Coursera accounts pays for it?"),
        "{text}"
    );
    assert!(text.contains("2. Google sign-in (a2)"), "{text}");
    assert!(text.contains("paid by a2 · Google sign-in (s1)"), "{text}");
    assert!(
        text.contains("Delete or keep the account · a2 · Google sign-in"),
        "{text}"
    );
    let status = sb.status();
    assert_eq!(status["subscriptions"][0]["account"].str(), "a2");
    assert_eq!(status["accounts"][1]["label"].str(), "Google sign-in");
    assert_eq!(status["accounts"][0]["label"].str(), "me@example.com");
    assert_eq!(status["accounts"][1]["decision"].str(), "keep");
    assert!(status["accounts"][0]["decision"].is_null(), "a1 untouched");
}
