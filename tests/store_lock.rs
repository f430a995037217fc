//! One writer at a time (SPEC §5): a writer holds `FILE.lock` for its whole
//! run, a second writer exits 3 naming the file, readers never wait and never
//! fail because of the lock, and a lock dies with the process that held it.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};

use coursera_exit::domain::state::{State, Subscription};
use coursera_exit::store::{self, Store, StoreError};

const BIN: &str = env!("CARGO_BIN_EXE_coursera-exit");
/// Selects the helper process of this test binary (see `helper_hold_lock`).
const HELPER: &str = "COURSERA_EXIT_TEST_HELPER";
const HELPER_STATE: &str = "COURSERA_EXIT_TEST_HELPER_STATE";
const LOCKED: &str = "@@locked@@";

/// Tests run in parallel threads, and a process spawned by one holds a copy
/// of every open file, locks included, between its fork and its exec. So a
/// lock dropped and taken again could look busy; tests that lock or spawn
/// take turns.
static TURN: Mutex<()> = Mutex::new(());

fn take_turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(PoisonError::into_inner)
}

fn binary(state: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env_remove("COURSERA_EXIT_STATE")
        .arg("--state")
        .arg(state)
        .args(["--today", "2026-03-01"])
        .args(args)
        .output()
        .expect("the binary runs")
}

fn add(state: &Path) -> Output {
    binary(
        state,
        &[
            "add",
            "--plan",
            "plus-monthly",
            "--channel",
            "web",
            "--started",
            "2026-01-31",
        ],
    )
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder with a state file holding one subscription.
fn saved_state() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("state.toml");
    let mut state = State::default();
    state
        .subscriptions
        .push(Subscription::new("s1".into(), "Already here".into()));
    state.next_id = 2;
    let (mut writer, _) = Store::open(&path).expect("open");
    writer.save(&state).expect("save");
    drop(writer);
    let bytes = fs::read(&path).unwrap();
    (dir, path, bytes)
}

#[test]
fn a_second_writer_in_the_same_process_is_told_the_file_is_busy() {
    let _turn = take_turn();
    let (_dir, path, _) = saved_state();
    let (_first, _) = Store::open(&path).unwrap();
    match Store::open(&path) {
        Err(e @ StoreError::Busy { .. }) => {
            assert_eq!(e.exit_code(), 3);
            assert!(
                e.to_string().starts_with(&format!("{}: in use", path.display())),
                "{e}"
            );
        }
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("two writers at once"),
    }
}

#[test]
fn the_lock_is_released_when_the_writer_is_dropped() {
    let _turn = take_turn();
    let (_dir, path, _) = saved_state();
    let first = Store::open(&path).unwrap();
    drop(first);
    assert!(Store::open(&path).is_ok());
}

#[test]
fn a_second_writer_process_exits_3_naming_the_busy_file_and_changes_nothing() {
    let _turn = take_turn();
    let (dir, path, before) = saved_state();
    let (_holder, _) = Store::open(&path).unwrap();
    let out = add(&path);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&path.display().to_string()),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(!store::backup_path(&path).exists());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "only the file and its lock"
    );
}

#[test]
fn readers_succeed_while_a_writer_holds_the_lock() {
    let _turn = take_turn();
    let (_dir, path, _) = saved_state();
    let (_holder, _) = Store::open(&path).unwrap();
    for args in [&["status", "--json"][..], &["deadlines", "--json"], &["path"]] {
        let out = binary(&path, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    // The reader saw the last saved state, not an empty one.
    let status = String::from_utf8(binary(&path, &["status", "--json"]).stdout).unwrap();
    assert!(status.contains("Already here"), "{status}");
}

/// Runs `helper_hold_lock` of this very test binary as a child process that
/// takes the lock on `state` and keeps it until it is killed.
fn spawn_lock_holder(state: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "helper_hold_lock",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(HELPER, "hold-lock")
        .env(HELPER_STATE, state)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the helper");
    let stderr = child.stderr.take().expect("piped");
    for line in BufReader::new(stderr).lines() {
        if line.expect("read the helper").contains(LOCKED) {
            return child;
        }
    }
    let status = child.wait();
    panic!("the helper ended without taking the lock: {status:?}");
}

#[test]
fn a_lock_left_by_a_killed_writer_does_not_block_the_next_run() {
    let _turn = take_turn();
    let (_dir, path, _) = saved_state();
    let mut holder = spawn_lock_holder(&path);
    // The child really holds it: a writer is turned away.
    assert_eq!(add(&path).status.code(), Some(3));

    holder.kill().expect("SIGKILL the holder");
    holder.wait().expect("reap the holder");
    // The lock file stays behind; only the lock on it died with the process.
    assert!(store::lock_path(&path).exists());
    let out = add(&path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "s2");
}

/// Not a test: the child process of `spawn_lock_holder`.
#[test]
#[ignore = "helper process started by other tests"]
fn helper_hold_lock() {
    if std::env::var(HELPER).as_deref() != Ok("hold-lock") {
        return;
    }
    let path = PathBuf::from(std::env::var_os(HELPER_STATE).expect("the state path"));
    let _held = Store::open(&path).expect("take the lock");
    eprintln!("{LOCKED}");
    // Long enough for any test, short enough not to linger if the parent dies.
    std::thread::sleep(std::time::Duration::from_secs(60));
}
