//! Reading a state file strictly: size and kind first, then TOML, then the
//! rules, every fault named by line and column; the file is never touched.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use serde::Deserialize;

use super::error::{StoreError, io_err};
use super::paths::backup_path;
use super::{MAX_STATE_BYTES, refuse_dangling_link, resolve_symlink};
use crate::domain::state::{OLDEST_SCHEMA_VERSION, SCHEMA_VERSION, State};

/// Reads the state at `path` without any lock; a missing file is a fresh start.
/// Whatever the outcome, the file is not touched.
pub fn load(path: &Path) -> Result<State, StoreError> {
    // A link to a missing file is not a fresh start: the file is elsewhere.
    refuse_dangling_link(path)?;
    read_state(path).map(|(_, state)| state)
}

/// The file's bytes (None: no file) and the state they hold.
pub(super) fn read_state(path: &Path) -> Result<(Option<Vec<u8>>, State), StoreError> {
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

/// The longest message quoted from the TOML reader.
const MESSAGE_CHARS: usize = 300;

fn fault(path: &Path, text: &str, offset: usize, message: String) -> StoreError {
    let (line, column) = line_col(text, offset);
    // A message quotes what it found (an unknown key, a value): a megabyte
    // of it helps nobody, and the line and column say where the rest is.
    let message = match message.char_indices().nth(MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}… (cut; see line {line})", &message[..cut]),
        None => message,
    };
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
