//! Exporting from the wizard, as data: which folder, which files with which
//! bytes, and what happened. The wizard only asks; `tui` reads and writes the
//! files and reports back with an [`ExportOutcome`], so no IO happens here.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::policy::Policy;
use crate::domain::state::State;
use crate::export::{ics, markdown};

/// The Markdown record, for a support ticket or a billing dispute.
pub const PLAN_FILE: &str = "coursera-exit-plan.md";
/// The calendar of the deadlines that are not done.
pub const CALENDAR_FILE: &str = "coursera-exit-deadlines.ics";

/// One file to write, with the exact bytes it should hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Asked of the front end: write these files into `dir`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub dir: PathBuf,
    pub files: Vec<ExportFile>,
    /// The person said yes to replacing files that differ.
    pub overwrite: bool,
}

impl ExportRequest {
    /// Both files, rendered from the state as it is now.
    pub fn new(
        dir: PathBuf,
        state: &State,
        policy: &Policy,
        today: NaiveDate,
        overwrite: bool,
    ) -> ExportRequest {
        let files = [
            (PLAN_FILE, markdown::render(state, policy, today)),
            (CALENDAR_FILE, ics::render(state, policy, today)),
        ]
        .into_iter()
        .map(|(name, text)| ExportFile {
            path: dir.join(name),
            bytes: text.into_bytes(),
        })
        .collect();
        ExportRequest {
            dir,
            files,
            overwrite,
        }
    }
}

/// What the front end did with an [`ExportRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    /// Every file now holds the new bytes: `written` were (re)written,
    /// `up_to_date` already held them.
    Done {
        dir: PathBuf,
        written: Vec<PathBuf>,
        up_to_date: Vec<PathBuf>,
    },
    /// Nothing was written: these files exist with other bytes, and the
    /// request did not say to overwrite.
    AskOverwrite { dir: PathBuf, differing: Vec<PathBuf> },
    /// Something could not be done. `written` lists the files already
    /// replaced whole before the failure (each write is all or nothing).
    Failed {
        dir: PathBuf,
        written: Vec<PathBuf>,
        why: String,
    },
}

/// Where exports go: folders known at start, and the last one used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exports {
    /// The folder the wizard was started in: what a relative folder is
    /// taken from (never the default: a person rarely means it). Empty: the
    /// process's current folder.
    pub cwd: PathBuf,
    /// What `~` stands for, when known.
    pub home: Option<PathBuf>,
    /// The person's Documents folder, when the system has one: the first default.
    pub documents: Option<PathBuf>,
    /// The folder of the last export (saved in the state): the next default.
    pub last: Option<PathBuf>,
    /// Asked of the front end by the message being handled.
    pub request: Option<ExportRequest>,
}

impl Exports {
    pub fn new(cwd: PathBuf, home: Option<PathBuf>) -> Exports {
        Exports {
            cwd,
            home,
            documents: None,
            last: None,
            request: None,
        }
    }

    /// The folder the prompt starts with: the last one used, else
    /// Documents, else home; the start folder only when there is neither.
    pub fn default_dir(&self) -> &Path {
        match (&self.last, &self.documents, &self.home) {
            (Some(dir), _, _) | (None, Some(dir), _) | (None, None, Some(dir)) => dir,
            _ if self.cwd.as_os_str().is_empty() => Path::new("."),
            _ => &self.cwd,
        }
    }

    /// The folder typed, as a path: `~` is the home folder, and a relative
    /// folder is taken from the one the wizard started in. Empty: None.
    pub fn resolve(&self, typed: &str) -> Option<PathBuf> {
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        let home_rest = match typed.strip_prefix('~') {
            Some("") => Some(""),
            Some(rest) => rest.strip_prefix('/'),
            None => None,
        };
        let path = match (home_rest, &self.home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(typed),
        };
        Some(if path.is_absolute() || self.cwd.as_os_str().is_empty() {
            path
        } else {
            self.cwd.join(path)
        })
    }
}

/// A path's file name, for short messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
