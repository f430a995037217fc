//! Writing durably and only where nothing else stands: a fresh temporary
//! file, fsync, rename, fsync the folder; the lock, opened as carefully.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use super::FILE_MODE;
use super::error::{StoreError, io_err};
use super::paths::{REGULAR_FILE, backup_path, kind_in_words, parent_dir, temp_path};

/// Deletes `FILE.tmp-<pid>` and `FILE.bak.tmp-<pid>` files. Only the lock
/// holder writes them, so once the lock is ours any that exist are debris of
/// a writer that was killed mid-save. Best effort: a leftover is harmless.
pub(super) fn remove_stale_temps(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let prefixes = [format!("{name}.tmp-"), format!("{name}.bak.tmp-")];
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let stale = prefixes.iter().any(|p| {
            file_name
                .strip_prefix(p.as_str())
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        });
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Copies (never renames: readers must always find FILE) the file to FILE.bak.
pub(super) fn backup(path: &Path, bytes: &[u8], like: Option<&fs::Metadata>) -> Result<(), StoreError> {
    let bak = backup_path(path);
    write_durably_like(&bak, bytes, like).map_err(|e| match e {
        StoreError::NotSaved { doing, source, .. } => StoreError::NotSaved {
            path: path.to_path_buf(),
            doing: format!("copying it to {} ({doing})", bak.display()),
            source,
        },
        other => other,
    })
}

/// Temp file in the same folder, fsync, rename over, fsync the folder.
/// On failure before the rename the old file is untouched, the temp file is
/// removed and the error is `NotSaved`. What stands at `path` is replaced,
/// a symlink included: a side file or an export is never written through one.
pub fn write_durably(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    // A replaced file keeps its mode and owner (a person may have shared or hidden it).
    let existing = fs::symlink_metadata(path).ok().filter(|m| m.is_file());
    write_durably_like(path, bytes, existing.as_ref())
}

/// `write_durably`, the new file taking the mode and owner of `like` (None: `0600`, ours).
pub(super) fn write_durably_like(
    path: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
) -> Result<(), StoreError> {
    write_durably_with(path, bytes, like, &mut |file, bytes| file.write_all(bytes))
}

/// `write_durably_like` with the step that writes the bytes into the temporary
/// file supplied by the caller, so tests can make it fail half way.
#[doc(hidden)]
pub fn write_durably_with(
    path: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
    write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), StoreError> {
    let dir = parent_dir(path);
    let tmp = temp_path(path);
    let not_saved = |doing: &str| {
        let doing = doing.to_string();
        move |source| StoreError::NotSaved {
            path: path.to_path_buf(),
            doing,
            source,
        }
    };
    // Created here or not at all: something already at the temporary name
    // (a link, another program's file) is not ours to open, nor to remove.
    let mut file = match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(&tmp)
    {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let what = what_stands_at(&tmp).unwrap_or("something");
            return Err(not_saved(&format!(
                "creating the temporary file {} ({what} is in the way: remove it)",
                tmp.display()
            ))(e));
        }
        Err(e) => return Err(not_saved("creating a temporary file beside it")(e)),
    };
    let result = (|| {
        if let Some(like) = like {
            file.set_permissions(fs::Permissions::from_mode(like.mode() & 0o7777))
                .map_err(not_saved("copying its permissions"))?;
            keep_owner(&file, like).map_err(not_saved(&format!(
                "keeping its owner (user id {}): the file belongs to another user, and a save would make it yours; run coursera-exit as that user",
                like.uid()
            )))?;
        }
        write(&mut file, bytes).map_err(not_saved("writing the new version"))?;
        file.sync_all()
            .map_err(not_saved("flushing the new version to disk"))?;
        fs::rename(&tmp, path).map_err(not_saved("putting the new version in place"))
    })();
    drop(file);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    File::open(dir).and_then(|d| d.sync_all()).map_err(io_err(
        dir,
        "flush the folder to disk after saving (the new version is in place)",
    ))
}

/// The new file gets the owner of the one it replaces. Only root can give a
/// file away, so anyone else writing another user's file is refused rather
/// than silently taking it over; a group that cannot be kept is let go.
fn keep_owner(file: &File, like: &fs::Metadata) -> io::Result<()> {
    let ours = file.metadata()?;
    if ours.uid() != like.uid() {
        return std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid()));
    }
    if ours.gid() != like.gid() {
        let _ = std::os::unix::fs::fchown(file, None, Some(like.gid()));
    }
    Ok(())
}

/// Opens (or creates) the lock file, never through a link and never waiting
/// on a FIFO: whatever else stands at its name is named and left alone.
pub(super) fn open_lock(lock_path: &Path) -> Result<File, StoreError> {
    let in_the_way = |what| StoreError::InTheWay {
        path: lock_path.to_path_buf(),
        what,
        role: "lock",
    };
    let opened = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(lock_path);
    match opened {
        Ok(lock) if lock.metadata().is_ok_and(|m| m.is_file()) => Ok(lock),
        Ok(_) => Err(in_the_way(what_stands_at(lock_path).unwrap_or("something"))),
        Err(e) => match what_stands_at(lock_path) {
            Some(what) if what != REGULAR_FILE => Err(in_the_way(what)),
            _ => Err(io_err(lock_path, "create the lock file")(e)),
        },
    }
}

/// What stands at `path` itself (a link is a link), in words (None: nothing).
fn what_stands_at(path: &Path) -> Option<&'static str> {
    fs::symlink_metadata(path)
        .ok()
        .map(|m| kind_in_words(m.file_type()))
}
