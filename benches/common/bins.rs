//! The release binaries the process benchmarks run: ours and the floor
//! (`examples/bare.rs`), built with the release profile as shipped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `cargo bench` builds our binary into the profile folder; the release
/// build puts the example beside it, in `examples/`.
fn release_dir() -> PathBuf {
    let ours = Path::new(env!("CARGO_BIN_EXE_coursera-exit"));
    ours.parent().expect("the binary lives in a folder").to_path_buf()
}

pub fn ours() -> PathBuf {
    release_dir().join("coursera-exit")
}

pub fn bare() -> PathBuf {
    release_dir().join("examples").join("bare")
}

/// `cargo build --release --bins --examples`, so both programs are the
/// release profile of the tree as it is (a no-op when nothing changed).
pub fn build_release() -> Result<(), String> {
    let cargo = std::env::var_os("CARGO")
        .or_else(|| option_env!("CARGO").map(Into::into))
        .unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let status = Command::new(cargo)
        .args(["build", "--release", "--bins", "--examples", "--manifest-path"])
        .arg(&manifest)
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo build --release failed ({status})"))
    }
}

/// Size on disk and, when `strip` is installed, the size once stripped.
pub fn sizes(path: &Path) -> Result<(u64, Option<u64>), String> {
    let on_disk = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let copy = dir.path().join("stripped");
    let stripped = Command::new("strip")
        .arg("-o")
        .arg(&copy)
        .arg(path)
        .status()
        .ok()
        .filter(|s| s.success())
        .and_then(|_| std::fs::metadata(&copy).ok())
        .map(|m| m.len());
    Ok((on_disk, stripped))
}
