//! The state file (SPEC §5): strict reading, one writer at a time, a backup
//! before the first save of a run, and durable writes that never tear.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::domain::state::{SCHEMA_VERSION, State};

/// Files larger than this are refused before parsing.
pub const MAX_STATE_BYTES: u64 = 1024 * 1024;

const HEADER: &str = "# coursera-exit state: your answers and progress.\n\
# You may edit it by hand while coursera-exit is not running; see the README.\n";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: could not {action}: {source}")]
    Io { path: PathBuf, action: &'static str, source: io::Error },
    #[error("{path}:{line}:{column}: {message}\n  The file was left as it is. Fix it by hand, or restore {path}.bak (see the README).")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: {message}\n  The file was left as it is. Fix it by hand, or restore {path}.bak (see the README).")]
    Invalid { path: PathBuf, message: String },
    #[error("{path}: this file comes from a newer version of coursera-exit (schema_version = {found}; this build reads {supported}).\n  Update coursera-exit; the file was left as it is.")]
    NewerSchema { path: PathBuf, found: i64, supported: u32 },
    #[error("{path}: the file is {size} bytes, over the {limit}-byte limit of a state file; it was not read.\n  Check that --state names the right file.")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: the state file is in use by another coursera-exit (lock {lock}); close it and try again")]
    Busy { path: PathBuf, lock: PathBuf },
}

impl StoreError {
    /// SPEC §6: 3 for a busy state file, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            StoreError::Busy { .. } => 3,
            _ => 1,
        }
    }
}

fn io_err<'a>(path: &'a Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io { path: path.to_path_buf(), action, source }
}

/// Reads the state at `path`; a missing file is a fresh start.
pub fn load(path: &Path) -> Result<State, StoreError> {
    let bytes = match read_limited(path)? {
        Some(b) => b,
        None => return Ok(State::default()),
    };
    parse(path, &bytes)
}

fn read_limited(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(path, "read it")(e)),
    };
    if meta.is_dir() {
        return Err(StoreError::Invalid { path: path.to_path_buf(), message: "is a folder, not a state file".into() });
    }
    if meta.len() > MAX_STATE_BYTES {
        return Err(StoreError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit: MAX_STATE_BYTES });
    }
    let bytes = fs::read(path).map_err(io_err(path, "read it"))?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        return Err(StoreError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit: MAX_STATE_BYTES });
    }
    Ok(Some(bytes))
}

/// Parses the bytes of a state file, naming the line and column of any fault.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<State, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]), e.valid_up_to());
        StoreError::Parse { path: path.to_path_buf(), line, column, message: "not UTF-8 text".into() }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parse_error = |e: toml::de::Error| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        StoreError::Parse { path: path.to_path_buf(), line, column, message: e.message().trim().to_string() }
    };
    // The version is checked before the fields: a newer file may have fields we do not know.
    let table: toml::Table = toml::from_str(text).map_err(parse_error)?;
    match table.get("schema_version") {
        None => {
            return Err(StoreError::Invalid {
                path: path.to_path_buf(),
                message: format!("schema_version is missing; this build writes schema_version = {SCHEMA_VERSION}"),
            });
        }
        Some(toml::Value::Integer(v)) if *v > SCHEMA_VERSION as i64 => {
            return Err(StoreError::NewerSchema { path: path.to_path_buf(), found: *v, supported: SCHEMA_VERSION });
        }
        Some(toml::Value::Integer(v)) if *v == SCHEMA_VERSION as i64 => {}
        Some(other) => {
            return Err(StoreError::Invalid {
                path: path.to_path_buf(),
                message: format!("schema_version = {other} is not a version this build reads ({SCHEMA_VERSION})"),
            });
        }
    }
    let state: State = toml::from_str(text).map_err(parse_error)?;
    state
        .validate()
        .map_err(|message| StoreError::Invalid { path: path.to_path_buf(), message })?;
    Ok(state)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

pub fn to_toml(state: &State) -> String {
    let body = toml::to_string(state).expect("the state always serializes");
    format!("{HEADER}{body}")
}

/// The one writer of a state file: holds `FILE.lock` for as long as it lives.
pub struct Store {
    path: PathBuf,
    _lock: File,
    backed_up: bool,
}

impl Store {
    /// Takes the lock and reads the state. A second writer gets `Busy`.
    pub fn open(path: &Path) -> Result<(Store, State), StoreError> {
        let lock_path = lock_path(path);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_err(&lock_path, "create the lock file"))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Busy { path: path.to_path_buf(), lock: lock_path });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err(&lock_path, "lock it")(e)),
        }
        let state = load(path)?;
        Ok((Store { path: path.to_path_buf(), _lock: lock, backed_up: false }, state))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the state durably. Before the first save of a run the file as it
    /// was is copied to `FILE.bak`.
    pub fn save(&mut self, state: &State) -> Result<(), StoreError> {
        if !self.backed_up {
            backup(&self.path)?;
            self.backed_up = true;
        }
        write_durably(&self.path, to_toml(state).as_bytes())
    }
}

pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".lock")
}

pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
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

/// Copies (never renames: readers must always find FILE) the file to FILE.bak.
fn backup(path: &Path) -> Result<(), StoreError> {
    match fs::read(path) {
        Ok(bytes) => write_durably(&backup_path(path), &bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(path, "read it for the backup")(e)),
    }
}

/// Temp file in the same folder, fsync, rename over, fsync the folder.
/// On failure the old file is untouched and the temp file is removed.
pub fn write_durably(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = parent_dir(path);
    let tmp = sibling(path, &format!(".tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)
            .map_err(io_err(path, "create a temporary file beside it"))?;
        file.write_all(bytes).map_err(io_err(path, "write it"))?;
        file.sync_all().map_err(io_err(path, "flush it to disk"))?;
        drop(file);
        fs::rename(&tmp, path).map_err(io_err(path, "replace it"))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err(dir, "flush the folder to disk"))
}
