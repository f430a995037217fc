//! A writer killed with SIGKILL at random moments, many times (SPEC §5):
//! the state file always parses and is one of the states that were saved,
//! never a torn mix, never an older one than already seen; readers working
//! meanwhile see the same; temporary files do not pile up.
//!
//! Runs: 40 by default; `COURSERA_EXIT_CRASH_RUNS=500` for a long run,
//! `COURSERA_EXIT_CRASH_SEED=N` to vary the moments.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use coursera_exit::domain::state::{ItemRecord, State, Subscription};
use coursera_exit::store::{self, Store};

const HELPER: &str = "COURSERA_EXIT_TEST_HELPER";
const HELPER_STATE: &str = "COURSERA_EXIT_TEST_HELPER_STATE";
const READY: &str = "@@ready@@";

/// The n-th state of the sequence the writer saves. Its size changes with n,
/// and n is written in several places far apart, so a file mixing two saves
/// would not equal any `state_for`.
fn state_for(n: u64) -> State {
    let mut state = State::default();
    for i in 1..=8u64 {
        let mut sub = Subscription::new(format!("s{i}"), format!("save {n} subscription {i}"));
        let mut item = ItemRecord::new("web-cancel");
        item.note = Some(format!("{n}:").repeat(200 + ((n * 7 + i) % 50) as usize));
        sub.items.push(item);
        state.subscriptions.push(sub);
    }
    state.next_id = 9;
    state
}

/// The sequence number of a state read back, checking it is exactly one
/// of the saved states.
fn which_save(state: &State, context: &str) -> u64 {
    let label = &state.subscriptions.first().expect(context).label;
    let n: u64 = label
        .strip_prefix("save ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{context}: unexpected label {label:?}"));
    assert!(
        *state == state_for(n),
        "{context}: a torn state claiming to be save {n}"
    );
    n
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp-"))
        .collect()
}

/// xorshift64*: the test needs varied moments, not a random crate.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn a_writer_killed_at_random_moments_never_leaves_a_torn_or_older_file() {
    let runs = env_number("COURSERA_EXIT_CRASH_RUNS", 40);
    let seed = env_number("COURSERA_EXIT_CRASH_SEED", 0x5eed_c0ff_ee15_600d);
    println!("{runs} runs, COURSERA_EXIT_CRASH_SEED={seed}");
    let mut moments = Moments(seed.max(1));

    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("state.toml");
    let (mut first, _) = Store::open(&path).unwrap();
    first.save(&state_for(0)).unwrap();
    drop(first);

    let mut seen = 0;
    let mut kills_mid_save = 0;
    for run in 0..runs {
        let mut child = Command::new(std::env::current_exe().expect("the test binary"))
            .args([
                "helper_save_forever",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(HELPER, "save-forever")
            .env(HELPER_STATE, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the writer");
        // One run in four is killed as it starts (taking the lock, cleaning,
        // backing up); the others once it is saving.
        if run % 4 != 0 {
            let stderr = child.stderr.take().expect("piped");
            let ready = BufReader::new(stderr)
                .lines()
                .any(|l| l.is_ok_and(|l| l.contains(READY)));
            assert!(ready, "run {run}: the writer ended early: {:?}", child.wait());
        }
        // Read while the writer saves: readers take no lock and never see a torn file.
        let until = Instant::now() + Duration::from_micros(moments.next_below(20_000));
        while Instant::now() < until {
            let state = store::load(&path).unwrap_or_else(|e| panic!("run {run}, reading: {e}"));
            let n = which_save(&state, &format!("run {run}, reading"));
            assert!(n >= seen, "run {run}: went back from save {seen} to {n}");
            seen = n;
        }
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap the writer");

        let state = store::load(&path).unwrap_or_else(|e| panic!("run {run}, after the kill: {e}"));
        let n = which_save(&state, &format!("run {run}, after the kill"));
        assert!(n >= seen, "run {run}: went back from save {seen} to {n}");
        seen = n;
        if store::backup_path(&path).exists() {
            let backup = store::load(&store::backup_path(&path)).expect("the backup parses");
            which_save(&backup, &format!("run {run}, the backup"));
        }

        let temps = temp_files(dir.path());
        // The writer before was cleaned up by this one; only this one's can remain.
        assert!(temps.len() <= 1, "run {run}: temporary files pile up: {temps:?}");
        kills_mid_save += temps.len();
    }
    println!("last save seen: {seen}; {kills_mid_save} kills left a half-written temporary file");
    assert!(seen > 0, "no run saved anything: the test proved nothing");
    assert!(
        kills_mid_save > 0,
        "no kill landed mid-save: the test proved nothing"
    );

    let _next = Store::open(&path).expect("the next writer starts");
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
}

/// Not a test: the writer of the test above. Resumes after the last saved
/// state and saves the next ones until it is killed.
#[test]
#[ignore = "helper process started by other tests"]
fn helper_save_forever() {
    if std::env::var(HELPER).as_deref() != Ok("save-forever") {
        return;
    }
    let path = PathBuf::from(std::env::var_os(HELPER_STATE).expect("the state path"));
    let (mut store, state) = Store::open(&path).expect("take the lock");
    let mut n = which_save(&state, "the writer");
    let give_up = Instant::now() + Duration::from_secs(30);
    eprintln!("{READY}");
    while Instant::now() < give_up {
        n += 1;
        store.save(&state_for(n)).expect("save");
    }
}
