//! The state file (SPEC §5): strict reading, one writer at a time, a backup
//! before the first save of a run, and durable writes that never tear.
//!
//! Invariant the crash safety rests on: FILE is only ever replaced by a
//! `rename` of a complete, fsynced temporary file, so a reader (or a crash)
//! sees the old bytes or the new ones, never a mix. Temporary files are named
//! `FILE.tmp-<pid>` (and `FILE.bak.tmp-<pid>`) and are only written by the
//! process holding `FILE.lock`, which is what lets the next lock holder
//! delete any that a killed writer left behind.
//!
//! Who may read them: every file is created `0600` (a replaced one keeps its
//! mode and owner), and a temporary file is created afresh, never opened where
//! something already stands, so nothing is written through a planted link.
//! A state file that is a symlink stays one (its target is replaced); its
//! side files (`.bak`, `.edited`, `.lock`, temporary files) sit beside that
//! target, so two paths to one file share one lock.
//!
//! Here: the one writer (`Store`); `read` diagnoses a file without touching
//! it; `write` puts bytes in place durably; `paths` names the side files;
//! `error` says what went wrong.

use std::fs::{self, File};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::domain::state::State;

/// Files larger than this are refused before parsing.
pub const MAX_STATE_BYTES: u64 = 1024 * 1024;

/// The mode of every file this creates: the owner alone reads and writes it.
pub const FILE_MODE: u32 = 0o600;
/// The mode of the data folder, when this creates it.
pub const FOLDER_MODE: u32 = 0o700;

const HEADER: &str = "# coursera-exit state: your answers and progress.\n\
# You may edit it by hand while coursera-exit is not running; see the README.\n";

mod error;
mod paths;
mod read;
mod write;

pub use error::StoreError;
pub use paths::{backup_path, edited_path, is_state_or_side_file, lock_path, special_file};
pub use read::{load, parse, read_limited};
pub use write::{write_durably, write_durably_with};

use error::io_err;
use read::read_state;
use write::{backup, open_lock, remove_stale_temps, write_durably_like};

pub fn to_toml(state: &State) -> String {
    let body = toml::to_string(state).expect("the state always serializes");
    format!("{HEADER}{body}")
}

/// The one writer of a state file: holds `FILE.lock` for as long as it lives.
pub struct Store {
    /// The state file itself: a symlink given as the path is followed.
    path: PathBuf,
    _lock: File,
    backed_up: bool,
    /// The folder holding the file, as found when the lock was taken (device,
    /// inode): a folder swapped for another during the run is not written to.
    folder: Option<(u64, u64)>,
    /// The file's bytes as this run last read or wrote them (None: no
    /// file): anything else found before a save is a hand edit.
    known: Option<Vec<u8>>,
}

impl Store {
    /// Takes the lock, clears temporary files a killed writer left, and reads
    /// the state. A second writer gets `Busy`; the lock goes with the process,
    /// so a killed writer never blocks the next run.
    pub fn open(path: &Path) -> Result<(Store, State), StoreError> {
        refuse_dangling_link(path)?;
        let path = &resolve_symlink(path);
        // Refused before the lock is made, so a wrong --state leaves nothing beside it.
        if let Ok(meta) = fs::metadata(path) {
            if !meta.is_file() {
                return Err(StoreError::NotAFile {
                    path: path.to_path_buf(),
                });
            }
            if meta.nlink() > 1 {
                return Err(StoreError::HardLinked {
                    path: path.to_path_buf(),
                    links: meta.nlink(),
                });
            }
        }
        let lock_path = lock_path(path);
        let lock = open_lock(&lock_path)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Busy {
                    path: path.to_path_buf(),
                    lock: lock_path,
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err(&lock_path, "lock it")(e)),
        }
        remove_stale_temps(path);
        let (known, state) = read_state(path)?;
        Ok((
            Store {
                path: path.to_path_buf(),
                _lock: lock,
                backed_up: false,
                folder: identity(paths::parent_dir(path)),
                known,
            },
            state,
        ))
    }

    /// The state file this store writes (a link given as the path, resolved).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the state durably. Before the first save of a run the file as it
    /// was is copied to `FILE.bak`. A file changed by hand since this run
    /// read or wrote it is first set aside as `FILE.edited` (its path is
    /// returned), so the edit is not lost to the save.
    pub fn save(&mut self, state: &State) -> Result<Option<PathBuf>, StoreError> {
        // What is saved must read back: nothing is written that the reader would refuse.
        let text = to_toml(state);
        if text.len() as u64 > MAX_STATE_BYTES {
            return Err(StoreError::WouldBeTooLarge {
                path: self.path.clone(),
                size: text.len() as u64,
                limit: MAX_STATE_BYTES,
            });
        }
        if let Err(e) = parse(&self.path, text.as_bytes()) {
            return Err(StoreError::WouldNotReadBack {
                path: self.path.clone(),
                reason: e.reason(),
            });
        }
        self.still_in_place()?;
        // Read once, for both: a file that cannot be read is not overwritten.
        let current = read_limited(&self.path)?;
        // The copies hold the same private data: they get the file's mode and owner.
        let like = fs::metadata(&self.path).ok();
        let kept = match &current {
            Some(bytes) if Some(bytes) != self.known.as_ref() => {
                let edited = edited_path(&self.path);
                write_durably_like(&edited, bytes, like.as_ref())?;
                Some(edited)
            }
            _ => None,
        };
        if !self.backed_up {
            if let Some(bytes) = &current {
                backup(&self.path, bytes, like.as_ref())?;
            }
            self.backed_up = true;
        }
        write_durably_like(&self.path, text.as_bytes(), like.as_ref())?;
        self.known = Some(text.into_bytes());
        Ok(kept)
    }

    /// The place this run locked is still the place it writes: its folder
    /// was not swapped for another (a link to someone else's folder, say),
    /// and the file did not become a link. Either would send the save, with
    /// this run's rights, somewhere the lock does not cover.
    fn still_in_place(&self) -> Result<(), StoreError> {
        let moved = |what| StoreError::Moved {
            path: self.path.clone(),
            what,
        };
        // A folder that is gone is not a swap: the write fails and says so.
        let folder = identity(paths::parent_dir(&self.path));
        if folder.is_some() && folder != self.folder {
            return Err(moved("the folder holding it was replaced"));
        }
        if fs::symlink_metadata(&self.path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(moved("it was replaced by a symbolic link"));
        }
        Ok(())
    }
}

/// A file's identity (device, inode), links followed; None: nothing there.
fn identity(path: &Path) -> Option<(u64, u64)> {
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// A link to nowhere is never replaced by a regular file: the person meant
/// the file it names, which is missing.
fn refuse_dangling_link(path: &Path) -> Result<(), StoreError> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match fs::metadata(path) {
        Err(e) if is_link && e.raw_os_error() == Some(libc::ELOOP) => Err(StoreError::LinkLoop {
            path: path.to_path_buf(),
        }),
        Err(_) if is_link => Err(StoreError::DanglingLink {
            path: path.to_path_buf(),
            target: fs::read_link(path).unwrap_or_default(),
        }),
        _ => Ok(()),
    }
}

/// A state file kept elsewhere and linked into place stays linked: the
/// rename replaces the file the link points to, not the link.
fn resolve_symlink(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match is_link.then(|| fs::canonicalize(path)) {
        Some(Ok(target)) => target,
        _ => path.to_path_buf(),
    }
}
