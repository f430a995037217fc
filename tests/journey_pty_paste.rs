//! Pasted text is text (issue 12): in the real binary, a bracketed paste of
//! "see mail⏎gdy" into a note becomes one line of the note — the newline
//! presses nothing and g, d, y run no command (they used to go home, remove
//! the subscription and confirm it); a paste outside a field does nothing;
//! and Ctrl-C, SIGTERM or SIGHUP while a note is being typed keep the note as typed.

mod support;

use support::pty::{BIN, Pty, StateDir, key};

const TODAY: &str = "2026-03-01";
const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

/// A state with one Plus monthly plan being cancelled, opened on its steps.
fn cancelling() -> StateDir {
    let dir = StateDir::new();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(BIN)
            .arg("--state")
            .arg(&dir.path)
            .args(["--today", TODAY])
            .args(args)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["region", "elsewhere"]);
    run(&[
        "add",
        "--plan",
        "plus-monthly",
        "--channel",
        "web",
        "--started",
        "2026-02-10",
    ]);
    run(&["decide", "s1", "--cancel"]);
    dir
}

fn open_steps(dir: &StateDir) -> Pty {
    let mut pty = Pty::wizard(&dir.path, TODAY, 80, 24);
    pty.wait_for("Your Coursera subscriptions");
    pty.send(key::ENTER);
    pty.wait_for("> [ ] 1. Go to coursera.org");
    pty
}

#[test]
fn a_pasted_newline_and_letters_go_into_the_note_and_run_no_command() {
    let dir = cancelling();
    let mut pty = open_steps(&dir);
    pty.send("n");
    pty.wait_for("Note:");
    pty.send(&format!("{PASTE_START}see mail\ngdy{PASTE_END}"));
    pty.wait_for("see mail gdy");
    pty.send(key::ENTER);
    pty.wait_for("Note: see mail gdy");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
    let saved = dir.read();
    assert!(
        saved.contains("id = \"s1\""),
        "the subscription is still there: {saved}"
    );
    assert!(saved.contains("note = \"see mail gdy\""), "{saved}");
}

#[test]
fn a_paste_outside_a_field_does_nothing() {
    let dir = cancelling();
    let mut pty = open_steps(&dir);
    pty.send(&format!("{PASTE_START}gdy{PASTE_END}"));
    // Then a key that shows the wizard is still where it was.
    pty.send(key::DOWN);
    pty.wait_for("> [ ] 2. Open the menu");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
    assert!(dir.read().contains("id = \"s1\""));
}

/// 4,990 characters pasted into a note: the field used to hold them all,
/// Enter refused them, and Ctrl-C left (130) with the note dropped. The
/// field now holds the first 2,000 and says so; Ctrl-C keeps them.
#[test]
fn a_paste_past_2000_characters_keeps_2000_says_so_and_ctrl_c_saves_them() {
    let dir = cancelling();
    let mut pty = open_steps(&dir);
    pty.send("n");
    pty.wait_for("Note:");
    pty.send(&format!("{PASTE_START}{}{PASTE_END}", "q".repeat(4990)));
    pty.wait_for("at most 2000 characters");
    pty.send(key::CTRL_C);
    assert_eq!(pty.exit_code(), 130);
    let saved = dir.read();
    let note = format!("note = \"{}\"", "q".repeat(2000));
    assert!(saved.contains(&note), "{saved}");
}

/// Opens a note, types `text`, leaves with `leave`: the exit code is
/// `code` and the note is saved as typed.
fn note_kept_after(text: &str, leave: impl FnOnce(&mut Pty), code: u32) {
    let dir = cancelling();
    let mut pty = open_steps(&dir);
    pty.send("n");
    pty.wait_for("Note:");
    pty.send(text);
    pty.wait_for(text);
    leave(&mut pty);
    assert_eq!(pty.exit_code(), code);
    let saved = dir.read();
    assert!(saved.contains(&format!("note = \"{text}\"")), "{saved}");
}

#[test]
fn ctrl_c_while_typing_a_note_keeps_the_note() {
    note_kept_after("ticket 4411", |pty| pty.send(key::CTRL_C), 130);
}

#[test]
fn sigterm_while_typing_a_note_keeps_the_note() {
    note_kept_after("left a voicemail", |pty| pty.signal(libc::SIGTERM), 143);
}

/// The terminal closing (its window shut, the ssh link gone) is SIGHUP.
#[test]
fn sighup_while_typing_a_note_keeps_the_note() {
    note_kept_after("asked in chat", |pty| pty.signal(libc::SIGHUP), 129);
}
