//! The real binary in a pseudo-terminal: a person's first journey, resuming,
//! and every way out leaving the terminal as it was and the state saved.

mod support;

use std::ffi::OsStr;

use support::pty::{BIN, Pty, StateDir, key};

const TODAY: &str = "2026-03-01";

fn wizard(dir: &StateDir) -> Pty {
    Pty::wizard(&dir.path, TODAY, 80, 24)
}

/// From an empty Home, key by key, to the first question.
fn start_adding(pty: &mut Pty) {
    pty.wait_for("Nothing is tracked yet");
    pty.send("a");
    pty.wait_for("Where did you buy it?");
}

#[test]
fn a_free_trial_added_key_by_key_goes_to_decide_then_home_shows_its_next_deadline() {
    let dir = StateDir::new();
    let mut pty = wizard(&dir);
    start_adding(&mut pty);
    pty.send(key::ENTER);
    pty.wait_for("What are you paying for?");
    pty.send(key::ENTER);
    // Version 2: a trial's length, then no certificate question.
    pty.wait_for("How long is the free trial?");
    pty.send(key::ENTER);
    pty.wait_for("When did the trial start?");
    pty.send("2026-02-27");
    pty.wait_for("Fri 2026-02-27");
    pty.send(key::ENTER);
    // The first subscription asks, once, where the person lives: no.
    let region = pty.wait_for("Do you live in the EU or the UK?");
    assert!(!region.contains("certificate under this plan"), "{region}");
    pty.keys(&[key::DOWN, key::ENTER]);
    let decide = pty.wait_for("What do you want to do with Free trial (7 days)?");
    // A 7-day trial from 02-27: last day 03-05, cancel by the day before.
    assert!(
        decide.contains("Cancel by Wed 2026-03-04 · in 3 days"),
        "{decide}"
    );
    // Back through the answers, from the last one, to Home.
    pty.send(key::ESC);
    pty.wait_for("When did the trial start?");
    pty.send(key::ESC);
    pty.wait_for("How long is the free trial?");
    pty.send(key::ESC);
    pty.wait_for("What are you paying for?");
    pty.send(key::ESC);
    pty.wait_for("Where did you buy it?");
    pty.send(key::ESC);
    let home = pty.wait_for("Most urgent");
    assert!(home.contains("Cancel by Wed 2026-03-04 · in 3 days"), "{home}");
    assert!(
        home.contains("Most urgent: Last day to cancel Free trial"),
        "{home}"
    );
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
    assert!(!pty.alternate_screen(), "the normal screen is back");
    let saved = dir.read();
    assert!(saved.contains("plan = \"free-trial\""), "{saved}");
    assert!(saved.contains("trial_days = 7"), "{saved}");
    assert!(saved.contains("started = \"2026-02-27\""), "{saved}");
    assert!(saved.contains("region = \"elsewhere\""), "{saved}");
}

#[test]
fn quitting_and_reopening_resumes_at_the_same_question() {
    let dir = StateDir::new();
    let mut pty = wizard(&dir);
    start_adding(&mut pty);
    pty.keys(&[key::DOWN, key::ENTER]);
    pty.wait_for("What are you paying for?");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);

    let mut again = wizard(&dir);
    let screen = again.wait_for("What are you paying for?");
    // Where it was bought, what is paid, the date, the certificate and,
    // for the first subscription, where the person lives.
    assert!(screen.contains("Question 2 of 5"), "{screen}");
    assert!(
        screen.contains("iPhone/iPad"),
        "the earlier answer is shown: {screen}"
    );
    again.send("q");
    assert_eq!(again.exit_code(), 0);
}

#[test]
fn esc_goes_back_and_the_answer_is_still_marked() {
    let dir = StateDir::new();
    let mut pty = wizard(&dir);
    start_adding(&mut pty);
    pty.keys(&[key::DOWN, key::DOWN, key::ENTER]);
    pty.wait_for("What are you paying for?");
    pty.send(key::ESC);
    let screen = pty.wait_for("Where did you buy it?");
    assert!(screen.contains("(•) In the Android app"), "{screen}");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
}

/// Each way of ending the run from inside a question.
fn ends_with(end: impl FnOnce(&mut Pty), code: u32) {
    let dir = StateDir::new();
    let mut pty = wizard(&dir);
    start_adding(&mut pty);
    end(&mut pty);
    assert_eq!(pty.exit_code(), code);
    assert!(!pty.alternate_screen(), "the alternate screen is left");
    let saved = dir.read();
    assert!(saved.contains("id = \"s1\""), "the state is saved: {saved}");
    assert!(
        saved.contains("screen = \"identify\""),
        "with the position: {saved}"
    );
}

#[test]
fn ctrl_c_saves_restores_the_screen_and_exits_130() {
    ends_with(|pty| pty.send(key::CTRL_C), 130);
}

#[test]
fn sigterm_saves_restores_the_screen_and_exits_143() {
    ends_with(|pty| pty.signal(libc::SIGTERM), 143);
}

#[test]
fn a_second_signal_in_a_row_still_restores_the_screen_and_keeps_the_first_code() {
    ends_with(
        |pty| {
            pty.signal(libc::SIGTERM);
            // Sent together, the kernel may hand over SIGINT first (the lower number).
            std::thread::sleep(std::time::Duration::from_millis(20));
            pty.signal(libc::SIGINT);
        },
        143,
    );
}

#[test]
fn sighup_saves_and_exits_129() {
    ends_with(|pty| pty.signal(libc::SIGHUP), 129);
}

#[test]
fn ctrl_c_while_typing_a_date_still_quits() {
    let dir = StateDir::new();
    let mut pty = wizard(&dir);
    start_adding(&mut pty);
    pty.send(key::ENTER);
    pty.wait_for("What are you paying for?");
    pty.send(key::ENTER);
    pty.wait_for("How long is the free trial?");
    pty.send(key::ENTER);
    pty.wait_for("When did the trial start?");
    pty.send("2026-0");
    pty.send(key::CTRL_C);
    assert_eq!(pty.exit_code(), 130);
    assert!(!dir.read().contains("started"), "a half-typed date is not saved");
}

#[test]
fn a_terminal_too_small_says_so_and_resizing_back_redraws() {
    let dir = StateDir::new();
    let mut pty = wizard(&dir);
    pty.wait_for("Nothing is tracked yet");
    pty.resize(59, 20);
    pty.wait_for("needs at least 60x20");
    pty.resize(80, 24);
    pty.wait_for("Nothing is tracked yet");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
}

#[test]
fn stdout_redirected_to_a_file_exits_2_with_only_a_message() {
    let dir = StateDir::new();
    let out = dir.dir.path().join("out.txt");
    let script = format!(
        "exec '{BIN}' --state '{}' --today {TODAY} > '{}'",
        dir.path.display(),
        out.display()
    );
    let mut pty = Pty::program(
        OsStr::new("sh"),
        &[OsStr::new("-c"), OsStr::new(&script)],
        &[],
        80,
        24,
    );
    assert_eq!(pty.exit_code(), 2);
    let screen = pty.screen();
    assert!(screen.contains("needs an interactive terminal"), "{screen}");
    assert!(!pty.alternate_screen());
    let written = std::fs::read(&out).expect("the redirect file");
    assert!(
        written.is_empty(),
        "nothing on stdout: {:?}",
        String::from_utf8_lossy(&written)
    );
    assert!(!dir.path.exists(), "no state file is created");
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let dir = StateDir::new();
    let command = format!("'{BIN}' --state '{}' --today {TODAY}", dir.path.display());
    let mut shell = Pty::program(
        OsStr::new("bash"),
        &[OsStr::new("--norc"), OsStr::new("--noprofile"), OsStr::new("-i")],
        &[("PS1", "shell$ ")],
        80,
        24,
    );
    shell.wait_for("shell$");
    shell.send(&format!("{command}\r"));
    shell.wait_for("Nothing is tracked yet");
    shell.send(key::CTRL_Z);
    let screen = shell.wait_for("Stopped");
    assert!(
        !shell.alternate_screen(),
        "the shell gets its screen back: {screen}"
    );
    shell.send("fg\r");
    shell.wait_for("Nothing is tracked yet");
    assert!(shell.alternate_screen());
    shell.send("q");
    shell.wait_gone("Nothing is tracked yet");
    shell.send("exit\r");
    assert_eq!(shell.exit_code(), 0);
}

#[test]
fn closing_the_terminal_ends_the_wizard_with_129_and_keeps_the_state() {
    let dir = StateDir::new();
    std::fs::write(&dir.path, "schema_version = 1\n").expect("a state file");
    let (code, took) = support::pty::hang_up_after_start(&dir.path, TODAY);
    assert_eq!(code, 129);
    assert!(
        took < std::time::Duration::from_secs(10),
        "it went within seconds, not spinning: {took:?}"
    );
    assert!(dir.read().contains("schema_version = 1"));
}

#[test]
fn no_color_draws_without_colour_and_keeps_the_symbols() {
    let dir = StateDir::new();
    let args = [
        OsStr::new("--state"),
        dir.path.as_os_str(),
        OsStr::new("add"),
        OsStr::new("--plan"),
        OsStr::new("free-trial"),
        OsStr::new("--channel"),
        OsStr::new("web"),
        OsStr::new("--started"),
        OsStr::new("2026-02-24"),
        OsStr::new("--today"),
        OsStr::new(TODAY),
    ];
    let added = std::process::Command::new(BIN)
        .args(args)
        .output()
        .expect("add runs");
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );

    for (no_color, coloured) in [("1", false), ("", true)] {
        let args = [
            OsStr::new("--state"),
            dir.path.as_os_str(),
            OsStr::new("--today"),
            OsStr::new(TODAY),
        ];
        let mut pty = Pty::spawn(&args, &[("NO_COLOR", no_color)], 80, 24);
        let screen = pty.wait_for("Cancel by Sun 2026-03-01 · today");
        assert!(screen.contains("! Most urgent"), "the symbol says it: {screen}");
        assert_eq!(pty.has_colour(), coloured, "NO_COLOR={no_color:?}");
        pty.send("q");
        assert_eq!(pty.exit_code(), 0);
    }
}

#[test]
fn a_hand_edit_made_while_the_wizard_runs_is_kept_and_the_person_told() {
    let dir = StateDir::new();
    let mut pty = wizard(&dir);
    start_adding(&mut pty);
    pty.keys(&[key::DOWN, key::ENTER]);
    pty.wait_for("What are you paying for?");
    // Someone edits the file in another terminal, then the wizard saves.
    let by_hand = format!("{}# a note typed by hand\n", dir.read());
    std::fs::write(&dir.path, &by_hand).expect("edit the state file");
    // A Specialization, monthly: its date question comes next.
    pty.keys(&[key::DOWN, key::ENTER]);
    let screen = pty.wait_for("changed outside the wizard");
    assert!(
        screen.contains("Question 3 of 5"),
        "the answer was taken: {screen}"
    );
    let edited = dir.path.with_file_name("state.toml.edited");
    assert_eq!(
        std::fs::read_to_string(&edited).expect("the edit is kept"),
        by_hand
    );
    // The date question opens its field for typing: Esc leaves it, then q quits.
    pty.send(key::ESC);
    pty.wait_gone("Enter accept");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
}
