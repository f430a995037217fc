//! Files that are not what they seem (issue 12): a state path that is a link
//! to nowhere is refused naming its target and never replaced by a regular
//! file; a `--policy` that is a FIFO, a folder or over 1 MiB is refused at
//! once instead of hanging or being read whole.

mod cli_support;

use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

use cli_support::{Run, Sandbox, add_args};

#[test]
fn a_state_path_linking_to_nowhere_is_refused_naming_its_target_and_stays_a_link() {
    let sb = Sandbox::new("2026-03-01");
    let target = sb.dir().join("moved-away").join("state.toml");
    let link = sb.dir().join("link.toml");
    symlink(&target, &link).expect("a link");
    let mut cmd = sb.bare();
    cmd.arg("--state")
        .arg(&link)
        .args(["--today", "2026-03-01"])
        .args(add_args("plus-monthly", "web", "2026-02-01"));
    let args = ["add"];
    Run::from(cmd.output().expect("runs"), &args).fails_with(1, &["is a link to", "moved-away"]);
    // A reader says so too, rather than show an empty state.
    let mut cmd = sb.bare();
    cmd.arg("--state")
        .arg(&link)
        .args(["--today", "2026-03-01", "status"]);
    Run::from(cmd.output().expect("runs"), &["status"]).fails_with(1, &["moved-away"]);
    let meta = std::fs::symlink_metadata(&link).expect("still there");
    assert!(meta.file_type().is_symlink(), "never replaced by a regular file");
    assert!(!target.exists());
}

fn with_policy(sb: &Sandbox, policy: &std::path::Path) -> Run {
    let mut cmd = sb.bare();
    cmd.arg("--policy")
        .arg(policy)
        .args(["--today", "2026-03-01", "status"]);
    cmd.arg("--state").arg(sb.state());
    Run::from(cmd.output().expect("runs"), &["--policy"])
}

#[test]
fn a_policy_that_is_a_fifo_is_refused_without_waiting() {
    let sb = Sandbox::new("2026-03-01");
    let fifo = sb.dir().join("policy.fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let started = Instant::now();
    with_policy(&sb, &fifo).fails_with(1, &["policy.fifo", "not a file"]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "it did not wait for a writer"
    );
}

#[test]
fn a_policy_folder_or_one_over_1_mib_is_refused_naming_the_reason() {
    let sb = Sandbox::new("2026-03-01");
    with_policy(&sb, sb.dir()).fails_with(1, &["not a file"]);
    let big = sb.dir().join("big.toml");
    std::fs::write(&big, vec![b'#'; 1024 * 1024 + 1]).expect("written");
    with_policy(&sb, &big).fails_with(1, &["big.toml", "1 MiB"]);
    let missing = sb.dir().join("none.toml");
    with_policy(&sb, &missing).fails_with(1, &["none.toml", "no such file"]);
}

/// An attack on issue 12's fixes: a loop of links was reported as a link
/// "to a file that does not exist".
#[test]
fn a_state_path_in_a_loop_of_links_is_named_as_a_loop() {
    let sb = Sandbox::new("2026-03-01");
    let a = sb.dir().join("a.toml");
    let b = sb.dir().join("b.toml");
    symlink(&b, &a).expect("a link");
    symlink(&a, &b).expect("a link back");
    let mut cmd = sb.bare();
    cmd.arg("--state")
        .arg(&a)
        .args(["--today", "2026-03-01", "status"]);
    Run::from(cmd.output().expect("runs"), &["status"]).fails_with(1, &["a.toml", "loop"]);
}
