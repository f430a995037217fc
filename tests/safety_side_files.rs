//! What stands beside the state file is never written through, and what the
//! side files hold stays as private as the state itself (issue 12, items 2,
//! 3, 5 and 6; each failed on the code before it): a link or FIFO planted at
//! `FILE.lock`, a folder at a temporary name, a second (hard) name for the
//! file, a `.bak` left readable by others, a file that belongs to another user.

mod cli_support;

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, symlink};
use std::time::{Duration, Instant};

use cli_support::Sandbox;

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).expect("exists").mode() & 0o7777
}

#[test]
fn a_link_planted_at_the_lock_is_never_followed() {
    let sb = Sandbox::new("2026-03-01");
    let elsewhere = sb.dir().join("created-elsewhere");
    let lock = sb.dir().join("state.toml.lock");
    symlink(&elsewhere, &lock).unwrap();
    sb.run(&["region", "eu-uk"])
        .fails_with(1, &["state.toml.lock", "a symbolic link", "lock"]);
    assert!(!elsewhere.exists(), "nothing was created through the link");
    assert!(fs::symlink_metadata(&lock).unwrap().file_type().is_symlink());
    assert!(!sb.state().exists(), "nothing was saved without the lock");
}

#[test]
fn a_fifo_planted_at_the_lock_is_named_instead_of_hanging_every_writer() {
    let sb = Sandbox::new("2026-03-01");
    let lock = sb.dir().join("state.toml.lock");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&lock)
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    sb.run(&["region", "elsewhere"])
        .fails_with(1, &["state.toml.lock", "FIFO"]);
    assert!(started.elapsed() < Duration::from_secs(10), "it did not wait");
}

#[test]
fn a_state_path_that_is_a_folder_is_refused_without_leaving_a_lock_beside_it() {
    let sb = Sandbox::new("2026-03-01");
    let folder = sb.dir().join("adir");
    fs::create_dir(&folder).unwrap();
    let mut cmd = sb.bare();
    cmd.arg("--state")
        .arg(&folder)
        .args(["--today", "2026-03-01", "region", "eu-uk"]);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a state file"));
    assert!(!sb.dir().join("adir.lock").exists(), "no lock debris");
}

#[test]
fn a_folder_at_the_temporary_name_is_named_in_the_message() {
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&["region", "eu-uk"]);
    let before = sb.state_bytes();
    // The temporary name carries the writer's process id: plant it from a
    // shell that then becomes the writer, so the id is the same.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"mkdir "$1.tmp-$$" && exec "$2" --state "$1" --today 2026-03-01 region elsewhere"#)
        .arg("sh")
        .arg(sb.state())
        .arg(env!("CARGO_BIN_EXE_coursera-exit"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("a folder is in the way"), "{stderr}");
    assert!(stderr.contains("state.toml.tmp-"), "{stderr}");
    assert_eq!(sb.state_bytes(), before, "left as it was");
}

#[test]
fn a_state_file_with_a_second_hard_name_is_not_written_and_not_exported_over() {
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&["region", "eu-uk"]);
    let other = sb.dir().join("other-name.toml");
    fs::hard_link(sb.state(), &other).unwrap();
    let before = sb.state_bytes();
    sb.run(&["region", "elsewhere"])
        .fails_with(1, &["2 names (hard links)", "one name"]);
    assert_eq!(sb.state_bytes(), before);
    // The export compares what the names hold, not how they are spelled.
    let out = sb.run(&[
        "export",
        "--format",
        "markdown",
        "--output",
        other.to_str().unwrap(),
    ]);
    out.fails_with(2, &["the state file"]);
    assert_eq!(fs::read(&other).unwrap(), before);
}

#[test]
fn the_backup_gets_the_state_files_mode_not_an_older_backups() {
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&["region", "eu-uk"]); // the state, 0600
    sb.ok(&["region", "elsewhere"]); // and its .bak
    let bak = sb.dir().join("state.toml.bak");
    fs::set_permissions(&bak, fs::Permissions::from_mode(0o644)).unwrap();
    sb.ok(&["region", "eu-uk"]);
    assert_eq!(mode(&bak), 0o600, "a world-readable .bak of a private file");
    fs::set_permissions(sb.state(), fs::Permissions::from_mode(0o640)).unwrap();
    sb.ok(&["region", "elsewhere"]);
    assert_eq!(mode(&sb.state()), 0o640, "a save keeps the file's mode");
    assert_eq!(mode(&bak), 0o640, "and the .bak takes it");
}

/// The decision (SPEC §5 leaves it open): a save keeps the file's owner.
/// Only root can give a file to someone else; anyone else saving another
/// user's file is refused, never silently made its owner.
#[test]
fn a_save_by_root_keeps_the_owner_of_another_users_file() {
    if !running_as_root() {
        eprintln!("skipped: needs root to give a file to another user");
        return;
    }
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&["region", "eu-uk"]);
    sb.ok(&["region", "elsewhere"]);
    let (nobody, nogroup) = (65534, 65534);
    std::os::unix::fs::chown(sb.state(), Some(nobody), Some(nogroup)).unwrap();
    sb.ok(&["region", "eu-uk"]);
    let meta = fs::metadata(sb.state()).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (nobody, nogroup));
    let bak = fs::metadata(sb.dir().join("state.toml.bak")).unwrap();
    assert_eq!(bak.uid(), nobody, "the copy is theirs too");
}

#[test]
fn a_save_of_another_users_file_by_someone_else_is_refused_and_changes_nothing() {
    if !running_as_root() {
        eprintln!("skipped: needs root to run as another user");
        return;
    }
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&["region", "eu-uk"]);
    // A folder anyone may write in, holding root's file, saved by nobody.
    fs::set_permissions(sb.dir(), fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(sb.state(), fs::Permissions::from_mode(0o666)).unwrap();
    let lock = sb.dir().join("state.toml.lock");
    fs::set_permissions(&lock, fs::Permissions::from_mode(0o666)).unwrap();
    let before = sb.state_bytes();
    let mut cmd = sb.bare();
    cmd.arg("--state")
        .arg(sb.state())
        .args(["--today", "2026-03-01", "region", "elsewhere"]);
    std::os::unix::process::CommandExt::uid(&mut cmd, 65534);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("belongs to another user"), "{stderr}");
    assert_eq!(sb.state_bytes(), before);
    assert_eq!(fs::metadata(sb.state()).unwrap().uid(), 0);
}

fn running_as_root() -> bool {
    // The owner of a file this process creates is the process's user.
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

/// An attack on issue 12's fixes: `export --output` replaced a FIFO, a
/// device or a link to one with a regular file (run by root on /dev/null,
/// it broke every program on the machine). It is refused, exit 2, and what
/// stands there is left as it was.
#[test]
fn an_export_over_a_fifo_or_a_link_to_one_is_refused_and_left_alone() {
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&["region", "eu-uk"]);
    let fifo = sb.dir().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let link = sb.dir().join("link-to-pipe");
    symlink(&fifo, &link).unwrap();
    for target in [&fifo, &link] {
        let started = Instant::now();
        sb.run(&["export", "--format", "ics", "--output", target.to_str().unwrap()])
            .fails_with(2, &["a FIFO (named pipe), not a file"]);
        assert!(started.elapsed() < Duration::from_secs(10), "it did not wait");
    }
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}

/// An attack on issue 12's fixes: while root's wizard ran on a file in a
/// user's folder, the user swapped the folder for a link to one of root's,
/// and the save wrote state text over root's file there. The place locked
/// at the start is the only place written.
#[test]
fn a_folder_swapped_during_a_run_is_not_written_to() {
    let sb = Sandbox::new("2026-03-01");
    let folder = sb.dir().join("d");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("state.toml");
    let (mut store, state) = coursera_exit::store::Store::open(&path).expect("opens");
    let elsewhere = sb.dir().join("rootonly");
    fs::create_dir(&elsewhere).unwrap();
    fs::write(elsewhere.join("state.toml"), "secret").unwrap();
    fs::rename(&folder, sb.dir().join("d2")).unwrap();
    symlink(&elsewhere, &folder).unwrap();
    let err = store.save(&state).expect_err("refused").to_string();
    assert!(err.contains("the folder holding it was replaced"), "{err}");
    assert_eq!(
        fs::read_to_string(elsewhere.join("state.toml")).unwrap(),
        "secret"
    );
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 1, "nothing beside it");
}

/// The same attack on the file itself: replaced by a link during the run.
#[test]
fn a_state_file_turned_into_a_link_during_a_run_is_not_written_through_or_over() {
    let sb = Sandbox::new("2026-03-01");
    sb.ok(&["region", "eu-uk"]);
    let (mut store, state) = coursera_exit::store::Store::open(&sb.state()).expect("opens");
    let other = sb.dir().join("other.toml");
    fs::write(&other, "not a state file").unwrap();
    fs::rename(sb.state(), sb.dir().join("moved.toml")).unwrap();
    symlink(&other, sb.state()).unwrap();
    let err = store.save(&state).expect_err("refused").to_string();
    assert!(err.contains("replaced by a symbolic link"), "{err}");
    assert!(fs::symlink_metadata(sb.state()).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(&other).unwrap(), "not a state file");
}
