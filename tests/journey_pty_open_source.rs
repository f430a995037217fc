//! `o` opens the highlighted rule's source in the browser (issue 13), the
//! real binary in a pseudo-terminal with a stand-in `xdg-open` first on the
//! PATH that records what it was asked to open; and with no opener at all,
//! the wizard says so and shows the address to copy.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

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
            "--started",
            "2026-02-20",
        ])
        .env_remove("COURSERA_EXIT_STATE")
        .output()
        .expect("runs");
    assert!(out.status.success());
    dir
}

fn wizard_with_path(dir: &StateDir, path: &str) -> Pty {
    let args: Vec<&std::ffi::OsStr> = vec![
        "--state".as_ref(),
        dir.path.as_os_str(),
        "--today".as_ref(),
        TODAY.as_ref(),
    ];
    Pty::spawn(&args, &[("PATH", path)], 80, 24)
}

#[test]
fn o_on_home_opens_the_plans_rule_in_the_browser() {
    let dir = tracked();
    let bin = dir.dir.path().join("bin");
    std::fs::create_dir(&bin).expect("a folder");
    let record = dir.dir.path().join("opened.txt");
    let opener = bin.join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", record.display()),
    )
    .expect("written");
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("executable");
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let mut pty = wizard_with_path(&dir, &path);
    pty.wait_for("Your Coursera subscriptions");
    pty.send("o");
    pty.wait_for("Opening https://www.coursera.org/about/terms");
    let started = Instant::now();
    while !record.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the opener never ran"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(50));
    let opened = std::fs::read_to_string(&record).expect("recorded");
    assert_eq!(opened.trim(), "https://www.coursera.org/about/terms");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
}

#[test]
fn with_no_opener_the_wizard_says_so_and_shows_the_address() {
    let dir = tracked();
    let empty = dir.dir.path().join("nothing-here");
    std::fs::create_dir(&empty).expect("a folder");
    let mut pty = wizard_with_path(&dir, &empty.display().to_string());
    pty.wait_for("Your Coursera subscriptions");
    pty.send("o");
    let screen = pty.wait_for("Could not open a browser");
    assert!(screen.contains("xdg-open"), "{screen}");
    assert!(screen.contains("coursera.org/about/terms"), "{screen}");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);
}
