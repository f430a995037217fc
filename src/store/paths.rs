//! Where the side files of a state file live, and whether a path names one.

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

/// `candidate` is the state file at `state`, or one of its side files, by
/// whatever path either is named (a link, `./`, `..`): an export must not
/// be written there.
pub fn is_state_or_side_file(state: &Path, candidate: &Path) -> bool {
    let (state, candidate) = (where_it_is(state), where_it_is(candidate));
    // A hard link is another name for the same file: compare what the names hold.
    if let Ok(other) = fs::metadata(&candidate) {
        let same =
            |path: &Path| fs::metadata(path).is_ok_and(|m| m.dev() == other.dev() && m.ino() == other.ino());
        let sides = [backup_path(&state), edited_path(&state), lock_path(&state)];
        if same(&state) || sides.iter().any(|side| same(side)) {
            return true;
        }
    }
    let (Some(name), Some(other)) = (state.file_name(), candidate.file_name()) else {
        return false;
    };
    if state.parent() != candidate.parent() {
        return false;
    }
    let (name, other) = (name.to_string_lossy(), other.to_string_lossy());
    let side = |suffix: &str| {
        other == format!("{name}{suffix}") || other.starts_with(&format!("{name}{suffix}.tmp-"))
    };
    ["", ".bak", ".edited"].into_iter().any(side) || other == format!("{name}.lock")
}

/// The path with its folder (and, if it exists, itself) resolved: links, `.` and `..`.
fn where_it_is(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    match (fs::canonicalize(parent_dir(path)), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".lock")
}

pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

/// Where a hand edit made during a run is kept (see [`Store::save`]).
pub fn edited_path(path: &Path) -> PathBuf {
    sibling(path, ".edited")
}

pub(super) fn temp_path(path: &Path) -> PathBuf {
    sibling(path, &format!(".tmp-{}", std::process::id()))
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

pub(super) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

pub(super) const REGULAR_FILE: &str = "a file";

/// A kind of file, in words: what a message says stands in the way.
pub(super) fn kind_in_words(kind: fs::FileType) -> &'static str {
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        REGULAR_FILE
    }
}

/// What `path` leads to (links followed) when that is not a regular file:
/// an export must not replace a device such as `/dev/null` with a file,
/// nor wait on a FIFO. None: a file, or nothing there yet.
pub fn special_file(path: &Path) -> Option<&'static str> {
    let meta = fs::metadata(path).ok()?;
    (!meta.is_file()).then(|| kind_in_words(meta.file_type()))
}
