//! The two palettes (issue 13): `--theme light` and `--theme dark` colour the
//! keys of the footer with their own xterm colour (24 on a light terminal,
//! 80 on a dark one); `auto` follows COLORFGBG; NO_COLOR colours nothing; a
//! value other than the three is exit 2 naming it.

mod support;

use support::pty::{BIN, Pty, StateDir};

/// The colour of the footer's first key ("a" of "a add"), once drawn.
fn key_colour(args: &[&str], env: &[(&str, &str)]) -> vt100::Color {
    let dir = StateDir::new();
    let mut all: Vec<&std::ffi::OsStr> = vec!["--state".as_ref(), dir.path.as_os_str()];
    all.extend(["--today", "2026-03-01"].iter().map(|a| std::ffi::OsStr::new(*a)));
    all.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
    let mut pty = Pty::spawn(&all, env, 80, 24);
    pty.wait_for("Nothing is tracked yet");
    let colour = pty.cell_foreground(23, 1);
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
    colour
}

#[test]
fn light_and_dark_use_their_own_colours_and_auto_reads_colorfgbg() {
    assert_eq!(key_colour(&["--theme", "light"], &[]), vt100::Color::Idx(24));
    assert_eq!(key_colour(&["--theme", "dark"], &[]), vt100::Color::Idx(80));
    assert_eq!(key_colour(&[], &[("COLORFGBG", "0;15")]), vt100::Color::Idx(24));
    assert_eq!(
        key_colour(&["--theme", "auto"], &[("COLORFGBG", "15;0")]),
        vt100::Color::Idx(80)
    );
    assert_eq!(
        key_colour(&["--theme", "light"], &[("NO_COLOR", "1")]),
        vt100::Color::Default
    );
}

#[test]
fn an_unknown_theme_is_exit_2_naming_it_and_the_three_values() {
    let out = std::process::Command::new(BIN)
        .args(["--theme", "purple", "status"])
        .env_remove("COURSERA_EXIT_STATE")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--theme purple") && err.contains("light, dark or auto"),
        "{err}"
    );
}
