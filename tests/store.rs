//! The state file read strictly and kept safe (SPEC §5): broken files are
//! refused with their position and left byte for byte as they were, a BOM
//! and CRLF are accepted, the first save of a run leaves a `.bak`, and any
//! state survives a trip through the file unchanged.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{AccountDecision, Channel, Decision, PlanKind, Region};
use coursera_exit::domain::state::{Account, ItemRecord, Pause, State, Subscription};
use coursera_exit::domain::text_limits;
use coursera_exit::store::{self, MAX_STATE_BYTES, Store, StoreError};
use proptest::prelude::*;

const BIN: &str = env!("CARGO_BIN_EXE_coursera-exit");

/// Tests run in parallel threads, and a process spawned by one holds a copy
/// of every open file, locks included, between its fork and its exec. So a
/// lock dropped and taken again could look busy; tests that lock or spawn
/// take turns.
static TURN: Mutex<()> = Mutex::new(());

fn take_turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(PoisonError::into_inner)
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A state file with the given bytes, alone in a temporary folder.
struct Placed {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn place(bytes: &[u8]) -> Placed {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("state.toml");
    fs::write(&path, bytes).expect("write the fixture");
    Placed { dir, path }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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

const ADD: [&str; 7] = [
    "add",
    "--plan",
    "plus-monthly",
    "--channel",
    "web",
    "--started",
    "2026-01-31",
];

/// A broken fixture, where the fault is, and a phrase the message must hold.
struct Refused {
    fixture: &'static str,
    position: Option<(usize, usize)>,
    says: &'static str,
}

const REFUSED: [Refused; 10] = [
    // The header `[[subscriptions]` lacks its second `]`.
    Refused {
        fixture: "corrupt.toml",
        position: Some((36, 17)),
        says: "expected",
    },
    // Cut inside the label string, as a torn write would leave it.
    Refused {
        fixture: "truncated.toml",
        position: Some((38, 18)),
        says: "the file ends here",
    },
    Refused {
        fixture: "wrong-type.toml",
        position: Some((42, 22)),
        says: "expected a boolean",
    },
    // `cancelled_at` for `cancelled_on`: a typo is never dropped silently.
    Refused {
        fixture: "unknown-key.toml",
        position: Some((28, 1)),
        says: "unknown field `cancelled_at`",
    },
    // The byte 0xE9 (Latin-1 é) right after "caf" in the label on line 22.
    Refused {
        fixture: "not-utf8.toml",
        position: Some((22, 27)),
        says: "not UTF-8",
    },
    // Well-formed TOML that breaks a rule has no single position: the field is named.
    Refused {
        fixture: "duplicate-id.toml",
        position: None,
        says: "the id is used twice",
    },
    Refused {
        fixture: "newer-schema.toml",
        position: None,
        says: "comes from a newer version",
    },
    // Hand edits of the version-2 fields: a region other than the two words…
    Refused {
        fixture: "bad-region.toml",
        position: Some((8, 10)),
        says: "unknown variant `EU`, expected `eu-uk` or `elsewhere`",
    },
    // … and a trial length out of range, pointed at like a type error.
    Refused {
        fixture: "trial-days-out-of-range.toml",
        position: Some((12, 14)),
        says: "trial_days = 99: a trial lasts 1 to 31 days",
    },
    // A pause written by hand on a plan nothing offers one for: the trial's
    // Steps page would show how to pause it.
    Refused {
        fixture: "pause-on-a-trial.toml",
        position: None,
        says: "goes only with plan = \"specialization-monthly\"",
    },
];

fn position_text(r: &Refused, path: &Path) -> String {
    match r.position {
        Some((line, column)) => format!("{}:{line}:{column}: ", path.display()),
        None => format!("{}: ", path.display()),
    }
}

#[test]
fn each_broken_fixture_is_refused_naming_path_line_and_column() {
    for r in &REFUSED {
        let placed = place(&fixture(r.fixture));
        let err = store::load(&placed.path).expect_err(r.fixture);
        let message = err.to_string();
        assert!(
            message.starts_with(&position_text(r, &placed.path)),
            "{}: {message}",
            r.fixture
        );
        assert!(message.contains(r.says), "{}: {message}", r.fixture);
        assert_eq!(err.exit_code(), 1, "{}", r.fixture);
        match (&err, r.position) {
            (StoreError::Parse { line, column, .. }, Some(at)) => assert_eq!((*line, *column), at),
            (StoreError::Invalid { .. } | StoreError::NewerSchema { .. }, None) => {}
            _ => panic!("{}: unexpected kind of error {err:?}", r.fixture),
        }
    }
}

#[test]
fn a_refused_file_is_left_byte_for_byte_as_it_was_by_readers_and_writers() {
    let _turn = take_turn();
    for r in &REFUSED {
        let original = fixture(r.fixture);
        let placed = place(&original);
        store::load(&placed.path).expect_err(r.fixture);
        let refused = Store::open(&placed.path).err().expect(r.fixture);
        assert_eq!(refused.exit_code(), 1);
        assert_eq!(fs::read(&placed.path).unwrap(), original, "{}", r.fixture);
        // No backup, no temporary file: only the (empty) lock file was added.
        assert_eq!(
            names_in(placed.dir.path()),
            ["state.toml", "state.toml.lock"],
            "{}",
            r.fixture
        );
    }
}

#[test]
fn the_binary_refuses_a_broken_file_with_exit_1_and_changes_nothing() {
    let _turn = take_turn();
    for r in &REFUSED {
        let original = fixture(r.fixture);
        let placed = place(&original);
        for args in [&["status", "--json"][..], &["deadlines", "--json"][..], &ADD[..]] {
            let out = binary(&placed.path, args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{} {args:?}: {stderr}", r.fixture);
            assert!(
                stderr.contains(&position_text(r, &placed.path)) && stderr.contains(r.says),
                "{} {args:?}: {stderr}",
                r.fixture
            );
            assert!(out.stdout.is_empty(), "{} {args:?}", r.fixture);
            assert_eq!(
                fs::read(&placed.path).unwrap(),
                original,
                "{} {args:?}",
                r.fixture
            );
            assert!(
                !store::backup_path(&placed.path).exists(),
                "{} {args:?}",
                r.fixture
            );
        }
    }
}

#[test]
fn the_message_shows_the_faulty_line_and_says_what_to_do() {
    let placed = place(&fixture("wrong-type.toml"));
    let message = store::load(&placed.path).unwrap_err().to_string();
    assert!(
        message.contains("42 | certificate_earned = \"yes\"\n     |                      ^\n"),
        "{message}"
    );
    assert!(
        message.contains("The file was not changed. Correct it by hand"),
        "{message}"
    );
    // No backup yet, so none is offered.
    assert!(!message.contains(".bak"), "{message}");

    fs::write(store::backup_path(&placed.path), fixture("valid.toml")).unwrap();
    let message = store::load(&placed.path).unwrap_err().to_string();
    let restore = format!(
        "cp {} {}",
        store::backup_path(&placed.path).display(),
        placed.path.display()
    );
    assert!(message.contains(&restore), "{message}");
}

#[test]
fn the_restore_command_can_be_pasted_when_the_path_has_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("my files");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("state.toml");
    fs::write(&path, fixture("wrong-type.toml")).unwrap();
    fs::write(store::backup_path(&path), fixture("valid.toml")).unwrap();
    let message = store::load(&path).unwrap_err().to_string();
    let restore = format!("cp '{0}/state.toml.bak' '{0}/state.toml'", folder.display());
    assert!(message.contains(&restore), "{message}");
}

#[test]
fn a_bom_and_crlf_line_endings_are_accepted() {
    let valid = store::parse(Path::new("valid.toml"), &fixture("valid.toml")).expect("valid.toml");
    // The fixture is not trivially empty: both subscriptions and the account are there.
    assert_eq!(valid.subscriptions.len(), 2);
    assert_eq!(
        valid.subscriptions[1].started,
        NaiveDate::from_ymd_opt(2026, 1, 15)
    );
    assert_eq!(valid.subscriptions[1].pause.map(|p| p.months), Some(2));
    assert_eq!(
        valid.subscriptions[0].items[0].note.as_deref(),
        Some("ticket #4711, \"cancel\" confirmed")
    );
    assert_eq!(valid.accounts[0].decision, Some(AccountDecision::Delete));
    assert_eq!(
        valid.accounts[0].id, "a1",
        "the one account of version 1 becomes a1"
    );
    assert!(valid.subscriptions.iter().all(|s| s.account == "a1"));

    for name in ["bom.toml", "crlf.toml"] {
        let placed = place(&fixture(name));
        assert_eq!(store::load(&placed.path).expect(name), valid, "{name}");
    }
    let mut both = b"\xef\xbb\xbf".to_vec();
    both.extend(fixture("crlf.toml"));
    assert_eq!(store::parse(Path::new("both"), &both).unwrap(), valid);
}

#[test]
fn a_bom_and_crlf_do_not_shift_the_reported_position() {
    let text = String::from_utf8(fixture("wrong-type.toml")).unwrap();
    let bytes = format!("\u{feff}{}", text.replace('\n', "\r\n")).into_bytes();
    match store::parse(Path::new("x"), &bytes) {
        Err(StoreError::Parse { line, column, .. }) => assert_eq!((line, column), (42, 22)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_over_1_mib_is_refused_before_parsing_and_left_as_is() {
    let _turn = take_turn();
    // Not even text: parsing it would give a different error.
    let original = vec![0xffu8; MAX_STATE_BYTES as usize + 1];
    let placed = place(&original);
    let err = store::load(&placed.path).unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { size, .. } if size == MAX_STATE_BYTES + 1));
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{}: ", placed.path.display())) && message.contains("1048576"),
        "{message}"
    );
    assert!(Store::open(&placed.path).is_err());
    let out = binary(&placed.path, &ADD);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1048576"));
    assert!(fs::read(&placed.path).unwrap() == original);
    assert!(!store::backup_path(&placed.path).exists());
}

#[test]
fn a_file_of_exactly_1_mib_is_still_read() {
    let mut text = String::from_utf8(fixture("valid.toml")).unwrap();
    let padding = MAX_STATE_BYTES as usize - text.len() - 2;
    text.push_str(&format!("#{}\n", "x".repeat(padding)));
    assert_eq!(text.len() as u64, MAX_STATE_BYTES);
    let placed = place(text.as_bytes());
    assert_eq!(store::load(&placed.path).unwrap().subscriptions.len(), 2);
}

#[test]
fn a_newer_schema_is_refused_for_writing_too() {
    let _turn = take_turn();
    let original = fixture("newer-schema.toml");
    let placed = place(&original);
    match Store::open(&placed.path) {
        Err(e @ StoreError::NewerSchema { found: 4, .. }) => {
            assert!(e.to_string().contains("Update coursera-exit"), "{e}")
        }
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("a newer file was opened for writing"),
    }
    assert_eq!(fs::read(&placed.path).unwrap(), original);
}

/// `v1-converted-trial.toml` was written by the version-1 binary (commit
/// b41c86f): `add` a trial and a course, `done refund-requested`, then
/// `edit s1 --plan plus-monthly --started <first charge>`.
#[test]
fn a_version_1_file_is_read_as_it_is_and_written_as_version_3_at_its_first_save() {
    let _turn = take_turn();
    let original = fixture("v1-converted-trial.toml");
    let placed = place(&original);
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();

    // Read: version 1's mark of a converted trial becomes the trial's start
    // (its trials were all 7 days long).
    let state = store::load(&placed.path).unwrap();
    let converted = &state.subscriptions[0];
    assert_eq!(converted.trial_started, day("2026-02-01"));
    assert!(converted.converted_from_trial());
    assert_eq!(state.subscriptions[1].refund_requested_on, day("2026-02-26"));

    // Readers change nothing.
    for args in [
        &["status", "--json"][..],
        &["deadlines"],
        &["export", "--format", "ics"],
    ] {
        let out = binary(&placed.path, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(fs::read(&placed.path).unwrap() == original, "{args:?}");
    }
    assert!(!store::backup_path(&placed.path).exists());

    let out = binary(&placed.path, &["edit", "s2", "--label", "Python basics"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved = fs::read_to_string(&placed.path).unwrap();
    assert!(saved.contains("\nschema_version = 3\n"), "{saved}");
    assert!(
        saved.contains("\n[[accounts]]\nid = \"a1\"\n"),
        "one account: {saved}"
    );
    assert!(saved.contains("\ntrial_started = \"2026-02-01\"\n"), "{saved}");
    assert!(!saved.contains("converted_from_trial"), "{saved}");
    assert!(
        saved.contains("note = \"ticket 31337\""),
        "nothing else is lost: {saved}"
    );
    assert_eq!(
        fs::read(store::backup_path(&placed.path)).unwrap(),
        original,
        "the .bak keeps the version-1 bytes"
    );
    let again = store::load(&placed.path).unwrap();
    assert_eq!(again.schema_version, 3);
    assert_eq!(again.subscriptions[0], state.subscriptions[0]);
}

#[test]
fn the_version_1_mark_of_a_converted_trial_is_refused_in_a_version_2_file() {
    let text = String::from_utf8(fixture("v1-converted-trial.toml"))
        .unwrap()
        .replace("schema_version = 1", "schema_version = 2");
    let err = store::parse(Path::new("f.toml"), text.as_bytes()).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err:?}");
    assert!(
        message.contains("converted_from_trial is a version-1 key") && message.contains("trial_started"),
        "{message}"
    );
}

#[test]
fn a_newer_schema_is_refused_by_every_command_before_anything_is_written() {
    let _turn = take_turn();
    let original = fixture("newer-schema.toml");
    let placed = place(&original);
    for args in [
        &["status"][..],
        &["region", "eu-uk"],
        &["done", "download-certificates"],
        &["delete-account"],
    ] {
        let out = binary(&placed.path, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("comes from a newer version") && stderr.contains("schema_version = 4"),
            "{args:?}: {stderr}"
        );
        assert!(fs::read(&placed.path).unwrap() == original, "{args:?}");
    }
    assert!(!store::backup_path(&placed.path).exists());
}

#[test]
fn an_empty_file_is_a_fresh_start() {
    for text in ["", "\n  \r\n", "\u{feff}"] {
        let state = store::parse(Path::new("f.toml"), text.as_bytes()).unwrap();
        assert_eq!(state, coursera_exit::domain::state::State::default(), "{text:?}");
    }
}

#[test]
fn a_file_without_a_version_is_refused_with_the_fix() {
    for (text, says) in [
        ("# only a comment\n", "starts with `schema_version = 3`"),
        ("next_id = 1\n", "starts with `schema_version = 3`"),
    ] {
        let err = store::parse(Path::new("f.toml"), text.as_bytes()).unwrap_err();
        assert!(err.to_string().contains(says), "{text:?}: {err}");
    }
}

#[test]
fn a_schema_version_of_the_wrong_type_is_pointed_at() {
    let err = store::parse(Path::new("f.toml"), b"schema_version = \"1\"\n").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("f.toml:1:18: schema_version must be the number 3, without quotes"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        store::load(&dir.path().join("none.toml")).unwrap(),
        State::default()
    );
}

#[test]
fn a_folder_in_place_of_the_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = store::load(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::NotAFile { .. }), "{err:?}");
}

fn state_with_label(label: &str) -> State {
    let mut state = State::default();
    state
        .subscriptions
        .push(Subscription::new("s1".into(), label.into()));
    state.next_id = 2;
    state
}

#[test]
fn the_first_save_of_a_run_copies_the_file_as_it_was_to_bak() {
    let _turn = take_turn();
    let original = fixture("valid.toml");
    let placed = place(&original);
    let bak = store::backup_path(&placed.path);

    let (mut run, _) = Store::open(&placed.path).unwrap();
    run.save(&state_with_label("first")).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), original);
    run.save(&state_with_label("second")).unwrap();
    assert_eq!(
        fs::read(&bak).unwrap(),
        original,
        "only the first save of a run backs up"
    );
    drop(run);

    let last_of_previous_run = fs::read(&placed.path).unwrap();
    let (mut run, state) = Store::open(&placed.path).unwrap();
    assert_eq!(state, state_with_label("second"));
    run.save(&state_with_label("third")).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), last_of_previous_run);
}

#[test]
fn the_backup_is_a_copy_so_the_state_file_never_goes_missing() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    let inode_before = fs::metadata(&placed.path).unwrap().ino();
    let (mut run, _) = Store::open(&placed.path).unwrap();
    run.save(&state_with_label("next")).unwrap();
    // A rename would have moved the very inode to FILE.bak.
    assert_ne!(
        fs::metadata(store::backup_path(&placed.path)).unwrap().ino(),
        inode_before
    );
}

#[test]
fn restoring_the_backup_brings_back_the_state_before_the_run() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    let before = store::load(&placed.path).unwrap();
    let (mut run, _) = Store::open(&placed.path).unwrap();
    run.save(&state_with_label("a mistake")).unwrap();
    drop(run);
    fs::copy(store::backup_path(&placed.path), &placed.path).unwrap();
    assert_eq!(store::load(&placed.path).unwrap(), before);
}

#[test]
fn a_hand_edit_made_during_a_run_is_kept_as_edited_before_the_next_save() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    let edited = store::edited_path(&placed.path);
    let (mut run, _) = Store::open(&placed.path).unwrap();
    assert_eq!(
        run.save(&state_with_label("first")).unwrap(),
        None,
        "nothing changed by hand"
    );

    let by_hand = fs::read_to_string(&placed.path)
        .unwrap()
        .replace("first", "typed by hand");
    fs::write(&placed.path, &by_hand).unwrap();
    assert_eq!(
        run.save(&state_with_label("second")).unwrap(),
        Some(edited.clone())
    );
    assert_eq!(
        fs::read_to_string(&edited).unwrap(),
        by_hand,
        "the edit is kept whole"
    );
    assert_eq!(store::load(&placed.path).unwrap(), state_with_label("second"));

    assert_eq!(
        run.save(&state_with_label("third")).unwrap(),
        None,
        "our own save is no edit"
    );
    assert_eq!(fs::read_to_string(&edited).unwrap(), by_hand);
}

#[test]
fn a_file_created_by_hand_during_a_run_is_kept_too() {
    let _turn = take_turn();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.toml");
    let (mut run, _) = Store::open(&path).unwrap();
    fs::write(&path, "schema_version = 1\n").unwrap();
    assert_eq!(
        run.save(&state_with_label("new")).unwrap(),
        Some(store::edited_path(&path))
    );
}

#[test]
fn no_file_no_backup() {
    let _turn = take_turn();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.toml");
    let (mut run, _) = Store::open(&path).unwrap();
    run.save(&state_with_label("new")).unwrap();
    run.save(&state_with_label("newer")).unwrap();
    assert_eq!(names_in(dir.path()), ["state.toml", "state.toml.lock"]);
    assert_eq!(store::load(&path).unwrap(), state_with_label("newer"));
}

#[test]
fn the_binary_leaves_the_previous_state_in_bak() {
    let _turn = take_turn();
    let original = fixture("valid.toml");
    let placed = place(&original);
    let out = binary(&placed.path, &ADD);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "s3");
    assert_eq!(fs::read(store::backup_path(&placed.path)).unwrap(), original);
    assert_eq!(store::load(&placed.path).unwrap().subscriptions.len(), 3);
}

#[test]
fn taking_the_lock_removes_temporary_files_a_killed_writer_left() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    let dir = placed.dir.path();
    for name in [
        "state.toml.tmp-4242",
        "state.toml.bak.tmp-17",
        "state.toml.tmp-notes",
        "other.toml.tmp-1",
    ] {
        fs::write(dir.join(name), "half a sa").unwrap();
    }
    // A reader holds no lock, so it cannot know a temp file is stale: it leaves them.
    store::load(&placed.path).unwrap();
    assert_eq!(names_in(dir).len(), 5);

    let _run = Store::open(&placed.path).unwrap();
    assert_eq!(
        names_in(dir),
        [
            "other.toml.tmp-1",
            "state.toml",
            "state.toml.lock",
            "state.toml.tmp-notes"
        ]
    );
}

#[test]
fn saving_through_a_symlink_keeps_the_link_and_updates_its_target() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    let link = placed.dir.path().join("link.toml");
    std::os::unix::fs::symlink(&placed.path, &link).unwrap();
    let (mut run, _) = Store::open(&link).unwrap();
    run.save(&state_with_label("through the link")).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(
        store::load(&placed.path).unwrap(),
        state_with_label("through the link")
    );
}

#[test]
fn saving_keeps_the_permissions_a_person_gave_the_file() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    fs::set_permissions(&placed.path, fs::Permissions::from_mode(0o600)).unwrap();
    let (mut run, _) = Store::open(&placed.path).unwrap();
    run.save(&state_with_label("private")).unwrap();
    assert_eq!(
        fs::metadata(&placed.path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// A state whose file is `target` bytes long: subscriptions with the longest
/// notes, the last one's note cut to fit.
fn state_of_size(target: usize) -> State {
    let sub = |n: u32, note_len: usize| Subscription {
        plan: Some(PlanKind::PlusMonthly),
        channel: Some(Channel::Web),
        started: NaiveDate::from_ymd_opt(2026, 2, 1),
        certificate_earned: Some(false),
        items: vec![ItemRecord {
            id: "web-sign-in".into(),
            done: true,
            done_on: NaiveDate::from_ymd_opt(2026, 3, 1),
            note: Some("n".repeat(note_len)),
        }],
        ..Subscription::new(format!("s{n}"), "Plus".into())
    };
    let mut state = State::default();
    let size = |state: &State| store::to_toml(state).len();
    // Most of the way in one step (a serialization of 1 MiB is slow in a debug build).
    let one = size(&State {
        next_id: 2,
        subscriptions: vec![sub(1, 2000)],
        ..State::default()
    }) - size(&state);
    for _ in 0..target / one * 97 / 100 {
        state.subscriptions.push(sub(state.next_id, 2000));
        state.next_id += 1;
    }
    loop {
        state.subscriptions.push(sub(state.next_id, 1));
        state.next_id += 1;
        let room = target as i64 - size(&state) as i64;
        assert!(room >= 0, "overshot by {}: {one} a subscription", -room);
        if room <= 1999 {
            *state.subscriptions.last_mut().unwrap() = sub(state.next_id - 1, 1 + room as usize);
            break;
        }
        // Grow this one, leaving room for the next (small) one.
        let grow = (room as usize - 300).min(1999);
        *state.subscriptions.last_mut().unwrap() = sub(state.next_id - 1, 1 + grow);
    }
    assert_eq!(size(&state), target);
    state
}

#[test]
fn a_save_that_would_pass_1_mib_is_refused_with_the_reason_and_the_file_left_as_it_was() {
    let _turn = take_turn();
    let limit = MAX_STATE_BYTES as usize;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.toml");
    // Exactly 1 MiB is still a state file: saved, and read back.
    let (mut run, _) = Store::open(&path).unwrap();
    run.save(&state_of_size(limit)).unwrap();
    drop(run);
    assert_eq!(store::load(&path).unwrap(), state_of_size(limit));

    let near = state_of_size(limit - 1000);
    let (mut run, _) = Store::open(&path).unwrap();
    run.save(&near).unwrap();
    let before = fs::read(&path).unwrap();
    let err = run.save(&state_of_size(limit + 1)).unwrap_err();
    assert!(matches!(err, StoreError::WouldBeTooLarge { size, .. } if size == MAX_STATE_BYTES + 1));
    drop(run);
    assert_eq!(fs::read(&path).unwrap(), before);

    // Through the binary: a long note that would push it over is refused, exit 1.
    let long = "x".repeat(2000);
    let out = binary(
        &path,
        &[
            "done",
            "web-profile-menu",
            "--subscription",
            "s1",
            "--note",
            &long,
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("not saved") && stderr.contains("1048576"),
        "{stderr}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        names_in(dir.path()),
        ["state.toml", "state.toml.bak", "state.toml.lock"]
    );
}

// ---- who may read the files, and what is never written over (SPEC §5) --------

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_state_file_its_side_files_and_exports_are_private_in_a_private_data_folder() {
    let _turn = take_turn();
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let out = Command::new(BIN)
        .env_remove("COURSERA_EXIT_STATE")
        .env("XDG_DATA_HOME", &data)
        .env("HOME", home.path())
        .args(["--today", "2026-03-01"])
        .args(ADD)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = data.join("coursera-exit");
    assert_eq!(mode(&folder), 0o700, "the data folder");
    let path = folder.join("state.toml");
    assert_eq!(mode(&path), 0o600, "the state file");
    assert_eq!(mode(&store::lock_path(&path)), 0o600, "the lock");
    // The second run backs the first state up.
    let out = binary(&path, &["region", "eu-uk"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(mode(&store::backup_path(&path)), 0o600, "the backup");
    let export = home.path().join("plan.ics");
    let out = binary(
        &path,
        &["export", "--format", "ics", "--output", export.to_str().unwrap()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&export), 0o600, "an export");
}

#[test]
fn a_save_keeps_the_mode_a_person_gave_an_existing_file() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    fs::set_permissions(&placed.path, fs::Permissions::from_mode(0o640)).unwrap();
    let out = binary(&placed.path, &ADD);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(mode(&placed.path), 0o640);
}

#[test]
fn a_backup_that_is_a_symlink_is_replaced_not_written_through() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    let victim = placed.dir.path().join("victim.txt");
    fs::write(&victim, "not coursera-exit's").unwrap();
    std::os::unix::fs::symlink(&victim, store::backup_path(&placed.path)).unwrap();
    std::os::unix::fs::symlink(&victim, store::edited_path(&placed.path)).unwrap();
    let (mut run, _) = Store::open(&placed.path).unwrap();
    fs::write(&placed.path, "schema_version = 2\n").unwrap(); // a hand edit, kept as .edited
    run.save(&state_with_label("next")).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "not coursera-exit's");
    for side in [store::backup_path(&placed.path), store::edited_path(&placed.path)] {
        assert!(
            fs::symlink_metadata(&side).unwrap().file_type().is_file(),
            "{}",
            side.display()
        );
    }
    // Both hold the file as the save found it: the hand edit.
    assert_eq!(
        fs::read_to_string(store::backup_path(&placed.path)).unwrap(),
        "schema_version = 2\n"
    );
    assert_eq!(
        fs::read_to_string(store::edited_path(&placed.path)).unwrap(),
        "schema_version = 2\n"
    );
}

#[test]
fn a_temporary_file_is_created_afresh_never_opened_where_something_stands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.md");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "not coursera-exit's").unwrap();
    // The name this process would give its temporary file.
    let temp = dir.path().join(format!("plan.md.tmp-{}", std::process::id()));
    std::os::unix::fs::symlink(&victim, &temp).unwrap();
    let err = store::write_durably(&path, b"# plan\n").unwrap_err();
    assert!(matches!(err, StoreError::NotSaved { .. }), "{err:?}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "not coursera-exit's");
    assert!(
        fs::symlink_metadata(&temp).unwrap().file_type().is_symlink(),
        "not ours: left alone"
    );
    assert!(!path.exists());
}

#[test]
fn two_paths_to_one_state_file_share_one_lock() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("link.toml");
    std::os::unix::fs::symlink(&placed.path, &link).unwrap();
    let _held = Store::open(&placed.path).unwrap();
    match Store::open(&link) {
        Err(StoreError::Busy { lock, .. }) => assert_eq!(lock, store::lock_path(&placed.path)),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("a second path to the same file took a second lock"),
    }
    let out = binary(&link, &ADD);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_export_is_written_over_the_state_file_or_its_side_files() {
    let _turn = take_turn();
    let placed = place(&fixture("valid.toml"));
    binary(&placed.path, &["region", "eu-uk"]); // a .bak and a .lock
    let link = placed.dir.path().join("link.toml");
    std::os::unix::fs::symlink(&placed.path, &link).unwrap();
    let before = names_in(placed.dir.path());
    let bytes = |p: &Path| fs::read(p).ok();
    let state = bytes(&placed.path);
    let backup = bytes(&store::backup_path(&placed.path));
    for target in [
        placed.path.clone(),
        store::backup_path(&placed.path),
        store::edited_path(&placed.path),
        store::lock_path(&placed.path),
        placed.dir.path().join("state.toml.tmp-12345"),
        link.clone(),
        placed.dir.path().join(".").join("state.toml"),
    ] {
        let out = binary(
            &placed.path,
            &[
                "export",
                "--format",
                "markdown",
                "--output",
                target.to_str().unwrap(),
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", target.display());
        assert!(
            stderr.contains("the state file"),
            "{}: {stderr}",
            target.display()
        );
    }
    assert_eq!(names_in(placed.dir.path()), before);
    assert_eq!(bytes(&placed.path), state);
    assert_eq!(bytes(&store::backup_path(&placed.path)), backup);
}

// ---- round trip -------------------------------------------------------------

/// Text that stresses TOML quoting: quotes, backslashes, newlines, control
/// characters, `'''`/`"""`, and non-ASCII, besides arbitrary strings.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z \"'\\\\\n\r\t#=\\[\\]{}é✓日本\u{7f}\u{0}\u{feff}]{0,30}",
        Just("'''\"\"\"\\".to_string()),
    ]
}

/// Text a person may type: what `text` stresses, without control characters
/// (a label or note never holds one, SPEC §5).
fn typed() -> impl Strategy<Value = String> {
    // What a person can type: no control characters, no line separators.
    text().prop_map(|s| {
        s.chars()
            .filter(|c| !c.is_control() && !text_limits::is_line_separator(*c))
            .collect()
    })
}

fn label() -> impl Strategy<Value = String> {
    typed()
        .prop_map(|s| s.chars().take(80).collect::<String>())
        .prop_filter("a label the rules accept", |s| text_limits::label(s).is_ok())
}

/// Days within the years a state file holds (1900–2200).
fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2200, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).expect("day ≤ 365"))
}

fn items() -> impl Strategy<Value = Vec<ItemRecord>> {
    proptest::collection::btree_map(
        text(),
        (
            any::<bool>(),
            proptest::option::of(date()),
            proptest::option::of(typed()),
        ),
        0..4,
    )
    .prop_map(|m| {
        m.into_iter()
            .map(|(id, (done, done_on, note))| ItemRecord {
                id,
                done,
                done_on,
                note,
            })
            .collect()
    })
    .prop_shuffle()
}

fn subscription(number: u32) -> impl Strategy<Value = Subscription> {
    let facts = (
        label(),
        proptest::option::of(proptest::sample::select(PlanKind::ALL.to_vec())),
        proptest::option::of(proptest::sample::select(Channel::ALL.to_vec())),
        proptest::option::of(date()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(proptest::sample::select(vec![
            Decision::Cancel,
            Decision::Pause,
            Decision::Keep,
        ])),
    );
    let progress = (
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of((date(), 1u32..=12)),
        items(),
    );
    let trial = (
        proptest::option::of(1u32..=31),
        proptest::option::of(date()),
        proptest::bool::ANY,
    );
    (facts, progress, trial).prop_map(
        move |(
            (label, plan, channel, started, certificate_earned, decision),
            (cancelled_on, refund_requested_on, refund_received_on, pause, items),
            (trial_days, trial_started, refund_wanted),
        )| Subscription {
            id: format!("s{number}"),
            account: "a1".to_string(),
            account_unknown: false,
            label,
            plan,
            channel,
            started,
            certificate_earned,
            // A length only where a trial is or was (what `validate` asks).
            trial_days: trial_days.filter(|_| plan == Some(PlanKind::FreeTrial) || trial_started.is_some()),
            trial_started,
            // A pause only where one can be (what `validate` asks).
            decision: decision.filter(|d| *d != Decision::Pause || plan.is_none_or(PlanKind::can_pause)),
            cancelled_on,
            refund_requested_on,
            refund_received_on,
            refund_wanted,
            converted_from_trial: false,
            pause: pause
                .filter(|_| plan.is_none_or(PlanKind::can_pause))
                .map(|(from, months)| Pause { from, months }),
            items,
        },
    )
}

fn account() -> impl Strategy<Value = Account> {
    (
        proptest::option::of(proptest::sample::select(vec![
            AccountDecision::Delete,
            AccountDecision::Keep,
        ])),
        proptest::option::of(date()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(label()),
        items(),
    )
        .prop_map(
            |(decision, requested_on, social_sign_in, for_credit, label, items)| Account {
                id: String::new(),
                label,
                decision,
                requested_on,
                social_sign_in,
                for_credit,
                region: None,
                items,
            },
        )
}

fn state() -> impl Strategy<Value = State> {
    let numbers = proptest::collection::btree_set(1u32..500, 0..5)
        .prop_map(|set| set.into_iter().collect::<Vec<_>>())
        .prop_shuffle();
    (numbers, 0u32..3)
        .prop_flat_map(|(numbers, spare)| {
            let next_id = numbers.iter().max().map_or(1, |n| n + 1) + spare;
            let subscriptions: Vec<_> = numbers.into_iter().map(subscription).collect();
            let journey = (
                proptest::sample::select(Screen::JOURNEY.to_vec()),
                proptest::option::of(text()),
            )
                .prop_map(|(screen, subscription)| Journey { screen, subscription });
            let accounts = proptest::collection::vec(account(), 1..4);
            let region = proptest::option::of(proptest::sample::select(Region::ALL.to_vec()));
            let payers = proptest::collection::vec(0usize..3, subscriptions.len());
            (Just(next_id), journey, accounts, region, subscriptions, payers)
        })
        .prop_map(
            |(next_id, journey, mut accounts, region, mut subscriptions, payers)| {
                for (i, account) in accounts.iter_mut().enumerate() {
                    account.id = format!("a{}", i + 1);
                }
                for (sub, payer) in subscriptions.iter_mut().zip(payers) {
                    sub.account = format!("a{}", payer % accounts.len() + 1);
                }
                State {
                    next_id,
                    next_account_id: accounts.len() as u32 + 1,
                    region,
                    journey,
                    accounts,
                    subscriptions,
                    ..State::default()
                }
            },
        )
}

proptest! {
    #[test]
    fn any_valid_state_survives_the_file_unchanged(state in state()) {
        prop_assert_eq!(state.validate(), Ok(()));
        let text = store::to_toml(&state);
        let back = store::parse(Path::new("state.toml"), text.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, state);
    }
}
