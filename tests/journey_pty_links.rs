//! Addresses as OSC 8 hyperlinks where the terminal shows them (issue 13):
//! the real binary in a pseudo-terminal, links forced on and off with
//! FORCE_HYPERLINK. The screen a person sees is the same either way; only
//! the bytes carry the link, and only when asked.

mod support;

use support::pty::{BIN, Pty, StateDir};

const TODAY: &str = "2026-03-01";

fn tracked() -> StateDir {
    let dir = StateDir::new();
    let out = std::process::Command::new(BIN)
        .arg("--state")
        .arg(&dir.path)
        .args([
            "--today",
            TODAY,
            "add",
            "--plan",
            "plus-annual",
            "--channel",
            "web",
        ])
        .args(["--started", "2026-02-20"])
        .env_remove("COURSERA_EXIT_STATE")
        .output()
        .expect("runs");
    assert!(out.status.success());
    dir
}

/// Opens Deadlines, where the highlighted date's source is shown; returns
/// the screen and every byte written.
fn deadlines_page(force: &str) -> (String, String) {
    let dir = tracked();
    let args: Vec<&std::ffi::OsStr> = vec![
        "--state".as_ref(),
        dir.path.as_os_str(),
        "--today".as_ref(),
        TODAY.as_ref(),
    ];
    let mut pty = Pty::spawn(&args, &[("FORCE_HYPERLINK", force)], 80, 24);
    pty.wait_for("Your Coursera subscriptions");
    pty.send("t");
    let screen = pty.wait_for("www.coursera.support/s/article/learner-000001486");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
    (screen, pty.raw())
}

const LINK: &str = "\u{1b}]8;;https://www.coursera.support/s/article/learner-000001486\u{1b}\\\
                    www.coursera.support/s/article/learner-000001486\u{1b}]8;;\u{1b}\\";

#[test]
fn where_the_terminal_shows_links_an_address_is_one_and_the_screen_is_unchanged() {
    let (linked, bytes) = deadlines_page("1");
    assert!(bytes.contains(LINK), "no OSC 8 link in the output");
    let (plain, plain_bytes) = deadlines_page("0");
    assert!(
        !plain_bytes.contains("\u{1b}]8;;"),
        "a link where the terminal shows none"
    );
    assert_eq!(linked, plain, "the link moved something on screen");
}
