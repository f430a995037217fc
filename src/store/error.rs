//! What can go wrong with the state file, in words a person can act on.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: could not {action}: {source}{}", cause_hint(source))]
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// The text is not valid TOML, or a value has the wrong type or name.
    #[error("{path}:{line}:{column}: {message}\n{excerpt}{}", what_to_do(path, backup.as_deref()))]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The offending line with a caret under the column (may be empty).
        excerpt: String,
        /// The backup, when one exists, as a way back.
        backup: Option<PathBuf>,
    },
    /// Well-formed TOML whose content breaks a rule (ids, counters, ranges).
    #[error("{path}: {message}\n{}", what_to_do(path, backup.as_deref()))]
    Invalid {
        path: PathBuf,
        message: String,
        backup: Option<PathBuf>,
    },
    #[error(
        "{path}: this file comes from a newer version of coursera-exit (schema_version = {found}; this build knows {supported}).\n  It was neither read nor changed. Update coursera-exit to use it."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: u32,
    },
    #[error(
        "{path}: the file is {size} bytes, over the {limit}-byte (1 MiB) limit of a state file; it was neither read nor changed.\n  Check that --state or COURSERA_EXIT_STATE names your state file (a real one is a few kilobytes)."
    )]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error(
        "{path}: not saved: with this change the state would be {size} bytes, over the {limit}-byte (1 MiB) limit of a state file.\n  The file was left as it was before this change. Long notes take the room: shorten some (coursera-exit done ITEM --note TEXT)."
    )]
    WouldBeTooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error(
        "{path}: is a folder or a special file, not a state file.\n  Check that --state or COURSERA_EXIT_STATE names a file."
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{path}: is a link to {target}, which does not exist.\n  Nothing was written: create that file (or fix the link), or give --state the file itself."
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error(
        "{path}: is a link that leads back to itself (a loop of links); nothing was written.\n  Fix the link, or give --state the file itself."
    )]
    LinkLoop { path: PathBuf },
    #[error(
        "{path}: this file has {links} names (hard links); nothing was changed.\n  A save puts a new file in place, which would leave the other names holding the old version, and a writer using another name would not see this one's lock. Keep one name (a symbolic link to it is fine) and try again."
    )]
    HardLinked { path: PathBuf, links: u64 },
    #[error(
        "{path}: {what} stands where coursera-exit keeps the state file's {role}; nothing was written through it.\n  Remove it (or move it away) and try again."
    )]
    InTheWay {
        path: PathBuf,
        what: &'static str,
        role: &'static str,
    },
    #[error(
        "{path}: not saved: the new version would be refused when read back ({reason}).\n  The file was left as it was before this change. This is a fault in coursera-exit: please report it."
    )]
    WouldNotReadBack { path: PathBuf, reason: String },
    #[error(
        "{path}: not saved: {what} since this run began, so nothing was written there.\n  Check what changed it, then start coursera-exit again."
    )]
    Moved { path: PathBuf, what: &'static str },
    #[error(
        "{path}: in use by another coursera-exit that is changing it (it holds {lock}).\n  Finish or close that one and try again; status, deadlines, export and path work meanwhile."
    )]
    Busy { path: PathBuf, lock: PathBuf },
    /// A save that failed before the file was replaced: the file on disk is
    /// still the previous save.
    #[error(
        "{path}: not saved: {doing} failed: {source}{}\n  The file was left as it was before this change.",
        cause_hint(source)
    )]
    NotSaved {
        path: PathBuf,
        doing: String,
        source: io::Error,
    },
}

impl StoreError {
    /// What is wrong, without the path or the advice around it.
    pub(super) fn reason(&self) -> String {
        match self {
            StoreError::Parse {
                line,
                column,
                message,
                ..
            } => format!("line {line}, column {column}: {message}"),
            StoreError::Invalid { message, .. } => message.clone(),
            other => other.to_string(),
        }
    }

    /// SPEC §6: 3 for a busy state file, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            StoreError::Busy { .. } => 3,
            _ => 1,
        }
    }
}

fn what_to_do(path: &Path, backup: Option<&Path>) -> String {
    let mut text = String::from(
        "  The file was not changed. Correct it by hand (see \"The state file\" in the README).",
    );
    if let Some(bak) = backup {
        text.push_str(&format!(
            "\n  Or go back to the copy taken before the last run's first save:\n    cp {} {}",
            shell_quoted(bak),
            shell_quoted(path)
        ));
    }
    text
}

/// A path as it can be pasted into a shell.
fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// Names the likely cause of a failed write in words a person can act on.
fn cause_hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::StorageFull => " — the disk is full; free some space",
        io::ErrorKind::QuotaExceeded => " — the disk quota is used up",
        io::ErrorKind::FileTooLarge => " — a file size limit (see `ulimit -f`) stopped the write",
        io::ErrorKind::NotFound => " — the folder does not exist",
        io::ErrorKind::NotADirectory => " — part of the path is a file, not a folder",
        io::ErrorKind::ReadOnlyFilesystem => " — the disk is mounted read-only",
        _ => "",
    }
}

pub(super) fn io_err<'a>(path: &'a Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        action,
        source,
    }
}
