//! Carrying out an export the wizard asked for. Each file is written whole
//! or not at all (temp file + rename, `store::write_durably`); a file that
//! exists with other bytes is never replaced until the person says yes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::store;
use crate::wizard::export::{ExportOutcome, ExportRequest};
use crate::wizard::text;

/// What to do with one target file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing is there: write it.
    Write,
    /// It already holds these bytes: leave it, and say it is up to date.
    UpToDate,
    /// It holds something else: ask before overwriting.
    AskFirst,
}

/// Decides from what is there (None: no file) and what would be written.
pub fn target(existing: Option<&[u8]>, new: &[u8]) -> Target {
    match existing {
        None => Target::Write,
        Some(old) if old == new => Target::UpToDate,
        Some(_) => Target::AskFirst,
    }
}

/// [`perform`], refusing first any file that is the state file or one of
/// its side files, by whatever path or link (an export never replaces them).
pub fn perform_beside(request: &ExportRequest, state: &Path) -> ExportOutcome {
    if let Some(file) = request
        .files
        .iter()
        .find(|f| store::is_state_or_side_file(state, &f.path))
    {
        return ExportOutcome::Failed {
            dir: request.dir.clone(),
            written: Vec::new(),
            why: text::export_over_state(&shown(&file.path)),
        };
    }
    perform(request)
}

/// Checks the folder and every file first, so a missing folder, a file that
/// cannot be read or one that needs a yes stops the export before anything
/// is written; then writes what needs writing.
pub fn perform(request: &ExportRequest) -> ExportOutcome {
    let dir = &request.dir;
    let failed = |why: String| ExportOutcome::Failed {
        dir: dir.clone(),
        written: Vec::new(),
        why,
    };
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return failed(text::not_a_folder(&shown(dir))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return failed(text::no_such_folder(&shown(dir))),
        Err(e) => return failed(format!("{}: {e}", shown(dir))),
    }
    let mut targets = Vec::new();
    for file in &request.files {
        // Never replaced by a file, nor read (a FIFO would never answer).
        if let Some(what) = store::special_file(&file.path) {
            return failed(text::export_over_special(&shown(&file.path), what));
        }
        let existing = match fs::read(&file.path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return failed(format!("{}: {e}", shown(&file.path))),
        };
        targets.push(target(existing.as_deref(), &file.bytes));
    }
    let differing: Vec<PathBuf> = request
        .files
        .iter()
        .zip(&targets)
        .filter(|(_, t)| **t == Target::AskFirst)
        .map(|(f, _)| f.path.clone())
        .collect();
    if !differing.is_empty() && !request.overwrite {
        return ExportOutcome::AskOverwrite {
            dir: dir.clone(),
            differing,
        };
    }
    let mut written = Vec::new();
    let mut up_to_date = Vec::new();
    for (file, target) in request.files.iter().zip(targets) {
        if target == Target::UpToDate {
            up_to_date.push(file.path.clone());
            continue;
        }
        if let Err(e) = store::write_durably(&file.path, &file.bytes) {
            // The store's message explains itself on its first line.
            let why = e.to_string().lines().next().unwrap_or_default().to_string();
            return ExportOutcome::Failed {
                dir: dir.clone(),
                written,
                why,
            };
        }
        written.push(file.path.clone());
    }
    ExportOutcome::Done {
        dir: dir.clone(),
        written,
        up_to_date,
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
