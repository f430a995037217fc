//! The front end's side of an export: it decides write / ask / up to date
//! from the bytes, never replaces a different file without a yes, and a
//! missing or wrong folder is an error with nothing half-written.

mod support;

use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

use coursera_exit::domain::policy::Policy;
use coursera_exit::effects::export::{Target, perform, target};
use coursera_exit::wizard::export::{CALENDAR_FILE, ExportOutcome, ExportRequest, PLAN_FILE};
use support::summary::several_and_deleting;
use support::wizard::today;

#[test]
fn no_file_is_written_identical_bytes_are_up_to_date_other_bytes_ask_first() {
    assert_eq!(target(None, b"plan"), Target::Write);
    assert_eq!(target(Some(b"plan"), b"plan"), Target::UpToDate);
    assert_eq!(target(Some(b"plan v1"), b"plan"), Target::AskFirst);
    assert_eq!(target(Some(b""), b"plan"), Target::AskFirst);
    assert_eq!(target(Some(b""), b""), Target::UpToDate);
}

fn request(dir: &Path, overwrite: bool) -> ExportRequest {
    ExportRequest::new(
        dir.to_path_buf(),
        &several_and_deleting(),
        &Policy::embedded(),
        today(),
        overwrite,
    )
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("a folder")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_empty_folder_gets_both_files_with_the_rendered_bytes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let request = request(dir.path(), false);
    let outcome = perform(&request);
    assert_eq!(
        outcome,
        ExportOutcome::Done {
            dir: dir.path().to_path_buf(),
            written: vec![dir.path().join(PLAN_FILE), dir.path().join(CALENDAR_FILE)],
            up_to_date: Vec::new(),
        }
    );
    for file in &request.files {
        assert_eq!(fs::read(&file.path).expect("written"), file.bytes);
    }
    assert_eq!(
        names(dir.path()),
        [CALENDAR_FILE, PLAN_FILE],
        "no temp files left"
    );
}

#[test]
fn exporting_again_finds_both_files_up_to_date() {
    let dir = tempfile::tempdir().expect("a temp dir");
    perform(&request(dir.path(), false));
    let ExportOutcome::Done {
        written, up_to_date, ..
    } = perform(&request(dir.path(), false))
    else {
        panic!("done")
    };
    assert!(written.is_empty());
    assert_eq!(up_to_date.len(), 2);
}

#[test]
fn a_different_file_is_left_alone_until_the_person_says_yes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mine = dir.path().join(PLAN_FILE);
    fs::write(&mine, "my own notes").expect("written");
    let outcome = perform(&request(dir.path(), false));
    assert_eq!(
        outcome,
        ExportOutcome::AskOverwrite {
            dir: dir.path().to_path_buf(),
            differing: vec![mine.clone()],
        }
    );
    assert_eq!(fs::read_to_string(&mine).expect("kept"), "my own notes");
    assert_eq!(
        names(dir.path()),
        [PLAN_FILE],
        "nothing else written before the answer"
    );

    let yes = request(dir.path(), true);
    let ExportOutcome::Done { written, .. } = perform(&yes) else {
        panic!("done")
    };
    assert_eq!(written.len(), 2);
    assert_eq!(fs::read(&mine).expect("replaced"), yes.files[0].bytes);
}

#[test]
fn a_missing_folder_is_an_error_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("not-there");
    let ExportOutcome::Failed { written, why, .. } = perform(&request(&missing, false)) else {
        panic!("failed")
    };
    assert!(written.is_empty());
    assert!(
        why.contains("not-there") && why.contains("does not exist"),
        "{why}"
    );
    assert!(!missing.exists());
}

#[test]
fn a_file_given_as_the_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("notes.txt");
    fs::write(&file, "x").expect("written");
    let ExportOutcome::Failed { why, .. } = perform(&request(&file, true)) else {
        panic!("failed")
    };
    assert!(why.contains("not a folder"), "{why}");
    assert_eq!(fs::read_to_string(&file).expect("kept"), "x");
}

#[test]
fn a_target_that_cannot_be_read_stops_the_export_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // A folder where the calendar would go: the plan must not be written alone.
    fs::create_dir(dir.path().join(CALENDAR_FILE)).expect("made");
    let ExportOutcome::Failed { written, why, .. } = perform(&request(dir.path(), true)) else {
        panic!("failed")
    };
    assert!(written.is_empty());
    assert!(why.contains(CALENDAR_FILE), "{why}");
    assert!(!dir.path().join(PLAN_FILE).exists());
}

#[test]
fn an_export_file_that_is_a_link_to_the_state_file_is_refused_and_the_state_untouched() {
    let dir = tempfile::tempdir().expect("a folder");
    let state = dir.path().join("state.toml");
    fs::write(&state, "schema_version = 2\n").expect("a state file");
    // Someone planted the plan's name as a link to the state file.
    std::os::unix::fs::symlink(&state, dir.path().join(PLAN_FILE)).expect("a link");
    let outcome = coursera_exit::effects::export::perform_beside(&request(dir.path(), true), &state);
    let ExportOutcome::Failed { written, why, .. } = outcome else {
        panic!("refused: {outcome:?}")
    };
    assert!(written.is_empty());
    assert!(why.contains("state file"), "{why}");
    assert_eq!(fs::read_to_string(&state).expect("kept"), "schema_version = 2\n");
    assert!(!dir.path().join(CALENDAR_FILE).exists(), "nothing half-written");
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.expect("mkfifo runs").success());
}

/// An attack on issue 12's fixes: a FIFO (or a device) at an export's name
/// was read, which waits for ever, or replaced by a file. It is named and
/// left as it is, and nothing is written.
#[test]
fn a_fifo_at_an_export_name_is_refused_without_waiting_and_left_alone() {
    let dir = tempfile::tempdir().expect("a folder");
    let fifo = dir.path().join(PLAN_FILE);
    mkfifo(&fifo);
    let started = std::time::Instant::now();
    let outcome = perform(&request(dir.path(), true));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let ExportOutcome::Failed { written, why, .. } = outcome else {
        panic!("refused: {outcome:?}")
    };
    assert!(written.is_empty());
    assert!(why.contains("FIFO"), "{why}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(!dir.path().join(CALENDAR_FILE).exists(), "nothing written");
}
