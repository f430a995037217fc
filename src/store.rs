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
//! mode), and a temporary file is created afresh, never opened where
//! something already stands, so nothing is written through a planted link.
//! A state file that is a symlink stays one (its target is replaced); its
//! side files (`.bak`, `.edited`, `.lock`, temporary files) sit beside that
//! target, so two paths to one file share one lock.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::state::{OLDEST_SCHEMA_VERSION, SCHEMA_VERSION, State};

/// Files larger than this are refused before parsing.
pub const MAX_STATE_BYTES: u64 = 1024 * 1024;

/// The mode of every file this creates: the owner alone reads and writes it.
pub const FILE_MODE: u32 = 0o600;
/// The mode of the data folder, when this creates it.
pub const FOLDER_MODE: u32 = 0o700;

const HEADER: &str = "# coursera-exit state: your answers and progress.\n\
# You may edit it by hand while coursera-exit is not running; see the README.\n";

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
    fn reason(&self) -> String {
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

fn io_err<'a>(path: &'a Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        action,
        source,
    }
}

/// Reads the state at `path` without any lock; a missing file is a fresh start.
/// Whatever the outcome, the file is not touched.
pub fn load(path: &Path) -> Result<State, StoreError> {
    // A link to a missing file is not a fresh start: the file is elsewhere.
    refuse_dangling_link(path)?;
    read_state(path).map(|(_, state)| state)
}

/// The file's bytes (None: no file) and the state they hold.
fn read_state(path: &Path) -> Result<(Option<Vec<u8>>, State), StoreError> {
    let Some(bytes) = read_limited(path)? else {
        return Ok((None, State::default()));
    };
    let state = parse(path, &bytes).map_err(|e| with_backup_hint(e, path))?;
    Ok((Some(bytes), state))
}

fn with_backup_hint(mut e: StoreError, path: &Path) -> StoreError {
    if let StoreError::Parse { backup, .. } | StoreError::Invalid { backup, .. } = &mut e {
        let bak = backup_path(&resolve_symlink(path));
        if bak.is_file() {
            *backup = Some(bak);
        }
    }
    e
}

/// Reads at most `MAX_STATE_BYTES`, refusing a larger file before parsing,
/// and a folder, FIFO or device (a reader must never wait). None: no file.
pub fn read_limited(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let too_large = |size| StoreError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_STATE_BYTES,
    };
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(path, "read it")(e)),
    };
    // A FIFO would block the reader, which must never wait.
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_STATE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(path, "read it")(e)),
    };
    // The file may have grown since the metadata was read.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(MAX_STATE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err(path, "read it"))?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        let size = fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(too_large(size));
    }
    Ok(Some(bytes))
}

/// Just the version, with its position, read before the fields: a newer
/// file may have fields this build does not know, and deserves the "newer
/// version" message rather than "unknown field".
#[derive(Deserialize)]
struct VersionOnly {
    schema_version: Option<toml::Spanned<toml::Value>>,
}

/// Parses the bytes of a state file, naming the line and column of any fault.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<State, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        fault(
            path,
            &valid,
            e.valid_up_to(),
            "this is not UTF-8 text; a state file is plain text".into(),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let invalid = |message: String| StoreError::Invalid {
        path: path.to_path_buf(),
        message,
        backup: None,
    };
    // `mktemp` and editors leave empty files; nothing was saved in one, so it is a fresh start.
    if text.trim().is_empty() {
        return Ok(State::default());
    }
    let toml_error = |e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        let mut message = friendlier(e.message());
        if offset >= text.trim_end().len() {
            message.push_str(" (the file ends here: it looks cut short)");
        }
        fault(path, text, offset, message)
    };
    // One parse on the common path; a file that fails it, or has another
    // version, is parsed again only to explain the version first (a newer
    // file may have fields this build does not know).
    let parsed: Result<State, toml::de::Error> = toml::from_str(text);
    if let Ok(state) = parsed.as_ref()
        && readable(i64::from(state.schema_version))
    {
        let state = parsed.map_err(toml_error)?.migrate().map_err(invalid)?;
        state.validate().map_err(invalid)?;
        return Ok(state);
    }
    let version: VersionOnly = toml::from_str(text).map_err(toml_error)?;
    let Some(version) = version.schema_version else {
        return Err(invalid(format!(
            "schema_version is missing; a state file starts with `schema_version = {SCHEMA_VERSION}`"
        )));
    };
    match version.get_ref() {
        toml::Value::Integer(v) if readable(*v) => {}
        toml::Value::Integer(v) if *v > SCHEMA_VERSION as i64 => {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: *v,
                supported: SCHEMA_VERSION,
            });
        }
        other => {
            let message = match other {
                toml::Value::Integer(v) => format!(
                    "schema_version = {v} is not a version coursera-exit has written; it should be {SCHEMA_VERSION} \
                     (or {OLDEST_SCHEMA_VERSION}, which is read and rewritten as {SCHEMA_VERSION})"
                ),
                _ => format!(
                    "schema_version must be the number {SCHEMA_VERSION}, without quotes; found a {}",
                    other.type_str()
                ),
            };
            return Err(fault(path, text, version.span().start, message));
        }
    }
    let state = parsed.map_err(toml_error)?.migrate().map_err(invalid)?;
    state.validate().map_err(invalid)?;
    Ok(state)
}

/// A version this build reads: its own, or an older one it migrates.
fn readable(version: i64) -> bool {
    (i64::from(OLDEST_SCHEMA_VERSION)..=i64::from(SCHEMA_VERSION)).contains(&version)
}

/// The toml crate's wording, where it speaks of its own internals.
fn friendlier(message: &str) -> String {
    let message = message.trim();
    match message {
        // What an enum (plan, channel, decision, screen) says when given a number or a bool.
        "wanted string or table" => "wrong type: expected one of the allowed words, in quotes".into(),
        _ => message.to_string(),
    }
}

fn fault(path: &Path, text: &str, offset: usize, message: String) -> StoreError {
    let (line, column) = line_col(text, offset);
    StoreError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
        excerpt: excerpt(text, line, column),
        backup: None,
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The line itself with a caret under the column, so the fault is seen
/// without opening an editor. Long or odd lines are left out rather than cut.
fn excerpt(text: &str, line: usize, column: usize) -> String {
    let Some(content) = text.lines().nth(line - 1) else {
        return String::new();
    };
    let content = content.trim_end_matches('\r').replace('\t', " ");
    if content.chars().count() > 100 || content.chars().any(char::is_control) {
        return String::new();
    }
    let number = line.to_string();
    let width = number.len();
    let caret = " ".repeat(column - 1);
    format!("  {number} | {content}\n  {:width$} | {caret}^\n", "")
}

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
}

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

fn temp_path(path: &Path) -> PathBuf {
    sibling(path, &format!(".tmp-{}", std::process::id()))
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Deletes `FILE.tmp-<pid>` and `FILE.bak.tmp-<pid>` files. Only the lock
/// holder writes them, so once the lock is ours any that exist are debris of
/// a writer that was killed mid-save. Best effort: a leftover is harmless.
fn remove_stale_temps(path: &Path) {
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
fn backup(path: &Path, bytes: &[u8], like: Option<&fs::Metadata>) -> Result<(), StoreError> {
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
fn write_durably_like(path: &Path, bytes: &[u8], like: Option<&fs::Metadata>) -> Result<(), StoreError> {
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

/// A link to nowhere is never replaced by a regular file: the person meant
/// the file it names, which is missing.
fn refuse_dangling_link(path: &Path) -> Result<(), StoreError> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && fs::metadata(path).is_err() {
        let target = fs::read_link(path).unwrap_or_default();
        return Err(StoreError::DanglingLink {
            path: path.to_path_buf(),
            target,
        });
    }
    Ok(())
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
fn open_lock(lock_path: &Path) -> Result<File, StoreError> {
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

const REGULAR_FILE: &str = "a file";

/// What stands at `path`, in words (None: nothing).
fn what_stands_at(path: &Path) -> Option<&'static str> {
    let kind = fs::symlink_metadata(path).ok()?.file_type();
    Some(if kind.is_symlink() {
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
    })
}
