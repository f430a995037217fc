//! Mutation test of the state file (issue 12): valid states are built
//! through the command line, then mutated — bytes flipped, the file cut
//! short, a value given the wrong type, a huge string, invalid UTF-8, a NUL
//! — and run through every reader and writer. Nothing may panic or hang; a
//! refused file is left byte for byte as it was; an accepted file reads back
//! equal after a save.
//!
//! Two levels: the library (store, deadlines, both exports, the wizard
//! opening on it) for many mutations, and the real binary (status, deadlines,
//! export, and a writer) for a sample. `COURSERA_EXIT_MUTATION_RUNS` sets how
//! many (default 600 in the library, a tenth of that through the binary).

mod cli_support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cli_support::{BIN, Sandbox};
use coursera_exit::domain::deadlines::deadlines;
use coursera_exit::domain::policy::Policy;
use coursera_exit::export::{ics, markdown};
use coursera_exit::store::{self, Store};
use coursera_exit::wizard::Wizard;

const TODAY: &str = "2026-03-01";

fn runs() -> usize {
    std::env::var("COURSERA_EXIT_MUTATION_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(600)
}

/// A small deterministic generator: the same failures on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Valid state files, each built by the real binary as a person would.
fn seeds() -> Vec<Vec<u8>> {
    let scripts: [&[&[&str]]; 4] = [
        &[
            &["region", "eu-uk"],
            &[
                "add",
                "--plan",
                "free-trial",
                "--channel",
                "web",
                "--started",
                "2026-02-25",
                "--trial-days",
                "14",
            ],
            &[
                "add",
                "--plan",
                "plus-monthly",
                "--channel",
                "web",
                "--started",
                "2026-02-10",
                "--label",
                "Plus ✓ 学习",
            ],
            &["decide", "s2", "--cancel"],
            &[
                "done",
                "cancelled",
                "--subscription",
                "s2",
                "--note",
                "ticket 4411",
            ],
            &["done", "refund-requested", "--subscription", "s2"],
        ],
        &[
            &[
                "add",
                "--plan",
                "specialization-monthly",
                "--channel",
                "web",
                "--started",
                "2026-01-31",
            ],
            &["decide", "s1", "--pause", "2"],
            &[
                "add",
                "--plan",
                "course-purchase",
                "--channel",
                "web",
                "--started",
                "2026-02-27",
                "--certificate-earned",
            ],
            &["delete-account", "--requested-on", "2026-02-28"],
            &[
                "done",
                "download-certificates",
                "--note",
                "PDFs in ~/Documents/certs",
            ],
        ],
        &[
            &["region", "elsewhere"],
            &[
                "add",
                "--plan",
                "plus-annual",
                "--channel",
                "ios",
                "--started",
                "2025-06-01",
            ],
            &[
                "add",
                "--plan",
                "organization",
                "--channel",
                "organization",
                "--started",
                "2024-09-01",
            ],
            &["decide", "s1", "--keep"],
        ],
        // Several accounts (state version 3): one kept, one being deleted.
        &[
            &["account", "rename", "a1", "--label", "me@example.com"],
            &["account", "add", "--label", "Google sign-in ✓"],
            &[
                "add",
                "--plan",
                "plus-monthly",
                "--channel",
                "web",
                "--started",
                "2026-02-20",
                "--account",
                "a2",
            ],
            &["delete-account", "a1", "--undo"],
            &["delete-account", "a2", "--requested-on", "2026-02-28"],
            &[
                "done",
                "move-to-kept-account",
                "--account",
                "a2",
                "--note",
                "certificates in ~/certs",
            ],
        ],
    ];
    scripts
        .iter()
        .map(|script| {
            let sb = Sandbox::new(TODAY);
            for args in *script {
                sb.ok(args);
            }
            sb.state_bytes()
        })
        .collect()
}

/// One mutation of `bytes`, of a kind picked by `rng`.
fn mutate(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let at = rng.below(out.len());
    match rng.below(8) {
        // A bit flipped.
        0 => out[at] ^= 1 << rng.below(8),
        // A byte replaced by any byte.
        1 => out[at] = rng.below(256) as u8,
        // Cut short.
        2 => out.truncate(at),
        // A NUL inserted.
        3 => out.insert(at, 0),
        // Invalid UTF-8.
        4 => out.splice(at..at, [0xC3, 0x28, 0xFF]).for_each(drop),
        // A huge string where a value was.
        5 => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let huge = "x".repeat(300_000 + rng.below(900_000));
            return text.replacen("\"web\"", &format!("\"{huge}\""), 1).into_bytes();
        }
        // A value of the wrong type.
        6 => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let swaps = [
                ("\"2026-", "2026"),
                ("= true", "= \"yes\""),
                ("= \"s", "= 7"),
                ("= 2\n", "= \"2\"\n"),
            ];
            let (from, to) = swaps[rng.below(swaps.len())];
            return text.replacen(from, to, 1).into_bytes();
        }
        // A line duplicated (a key given twice, a table repeated).
        _ => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let lines: Vec<&str> = text.lines().collect();
            let line = lines[rng.below(lines.len())];
            return text.replacen(line, &format!("{line}\n{line}"), 1).into_bytes();
        }
    }
    out
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a date")
}

/// Every reader and writer of the library on the mutated file at `path`.
fn through_the_library(path: &Path, original: &[u8], policy: &Policy) {
    match store::load(path) {
        Err(_) => {
            assert_eq!(
                std::fs::read(path).expect("still there"),
                original,
                "a reader changed a refused file"
            );
            // A writer refuses it too, and leaves it as it was.
            assert!(
                Store::open(path).is_err(),
                "a writer accepted what the reader refused"
            );
            assert_eq!(
                std::fs::read(path).expect("still there"),
                original,
                "a writer changed a refused file"
            );
        }
        Ok(state) => {
            let rows = deadlines(&state, &policy.rules, today());
            let _ = markdown::render(&state, policy, today());
            let _ = ics::render(&state, policy, today());
            let wizard = Wizard::open(state.clone(), policy.clone(), today());
            assert_eq!(wizard.deadlines(), rows.as_slice());
            let (mut store, opened) = Store::open(path).expect("a writer opens what a reader read");
            assert_eq!(opened, state);
            store.save(&state).expect("what was read can be saved");
            let again = store::load(path).expect("what was saved reads back");
            assert_eq!(again, state, "an accepted file reads back equal");
        }
    }
}

#[test]
fn mutated_state_files_never_panic_and_refused_ones_stay_as_they_were() {
    let policy = Policy::embedded();
    let seeds = seeds();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut accepted, mut refused) = (0, 0);
    for run in 0..runs() {
        let seed = &seeds[run % seeds.len()];
        let bytes = mutate(seed, &mut rng);
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("state.toml");
        std::fs::write(&path, &bytes).expect("written");
        let outcome = std::panic::catch_unwind(|| through_the_library(&path, &bytes, &policy));
        if let Err(panic) = outcome {
            let kept = dir.keep().join("state.toml");
            std::panic::resume_unwind(Box::new(format!(
                "run {run}: {panic:?}; the file is {}",
                kept.display()
            )));
        }
        match store::load(&path) {
            Ok(_) => accepted += 1,
            Err(_) => refused += 1,
        }
    }
    // Both outcomes must be exercised, or the test proves nothing.
    assert!(
        accepted > 0 && refused > 0,
        "accepted {accepted}, refused {refused}"
    );
}

/// Runs the binary with a time limit; returns its exit code.
fn run_bounded(state: &Path, args: &[&str]) -> i32 {
    let mut child = Command::new(BIN)
        .arg("--state")
        .arg(state)
        .args(["--today", TODAY])
        .args(args)
        .env_remove("COURSERA_EXIT_STATE")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary starts");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waits") {
            return status.code().expect("exited, not killed by a signal");
        }
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?} hung");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn mutated_state_files_through_the_binary_exit_cleanly_and_refused_ones_stay() {
    let seeds = seeds();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let readers: [&[&str]; 4] = [
        &["status", "--json"],
        &["deadlines"],
        &["export", "--format", "ics"],
        &["export", "--format", "markdown"],
    ];
    let writer: &[&str] = &[
        "add",
        "--plan",
        "plus-monthly",
        "--channel",
        "web",
        "--started",
        "2026-02-01",
    ];
    for run in 0..(runs() / 10).max(12) {
        let bytes = mutate(&seeds[run % seeds.len()], &mut rng);
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("state.toml");
        std::fs::write(&path, &bytes).expect("written");
        let readable = store::load(&path).is_ok();
        for args in readers {
            let code = run_bounded(&path, args);
            // 0 or 1 (refused with a message); never 101 (a panic).
            assert!(code == 0 || code == 1, "run {run}: {args:?} exited {code}");
            assert_eq!(
                code == 0,
                readable,
                "run {run}: {args:?} disagrees with the reader"
            );
            assert_eq!(
                std::fs::read(&path).expect("there"),
                bytes,
                "run {run}: a reader changed the file"
            );
        }
        let code = run_bounded(&path, writer);
        // 2: a readable file with several accounts, where `add` must be told which pays.
        assert!(
            code == 0 || code == 1 || (code == 2 && readable),
            "run {run}: the writer exited {code}"
        );
        assert!(
            readable || code == 1,
            "run {run}: the writer accepted what the reader refused"
        );
        if code == 1 {
            // Refused (or a save that would pass 1 MiB): nothing changed.
            assert_eq!(
                std::fs::read(&path).expect("there"),
                bytes,
                "run {run}: a refusing writer changed the file"
            );
        }
        if readable {
            // The writer's save reads back.
            assert!(
                store::load(&path).is_ok(),
                "run {run}: the writer left a file the reader refuses"
            );
        }
    }
}
