//! The two palettes (issue 13): `--theme light` and `--theme dark` paint the
//! screen's background (xterm colour 231 or 234); `auto` follows COLORFGBG;
//! NO_COLOR paints none; a value other than the three is exit 2 naming it.

mod support;

use support::pty::{BIN, Pty, StateDir};

/// The background colour of the screen's middle cell, once drawn.
fn background(args: &[&str], env: &[(&str, &str)]) -> vt100::Color {
    let dir = StateDir::new();
    let mut all: Vec<&std::ffi::OsStr> = vec!["--state".as_ref(), dir.path.as_os_str()];
    all.extend(["--today", "2026-03-01"].iter().map(|a| std::ffi::OsStr::new(*a)));
    all.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
    let mut pty = Pty::spawn(&all, env, 80, 24);
    pty.wait_for("Nothing is tracked yet");
    let colour = pty.cell_background(12, 60);
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
    colour
}

#[test]
fn light_and_dark_paint_their_own_background_and_auto_reads_colorfgbg() {
    assert_eq!(background(&["--theme", "light"], &[]), vt100::Color::Idx(231));
    assert_eq!(background(&["--theme", "dark"], &[]), vt100::Color::Idx(234));
    assert_eq!(background(&[], &[("COLORFGBG", "0;15")]), vt100::Color::Idx(231));
    assert_eq!(
        background(&["--theme", "auto"], &[("COLORFGBG", "15;0")]),
        vt100::Color::Idx(234)
    );
    assert_eq!(
        background(&["--theme", "light"], &[("NO_COLOR", "1")]),
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
