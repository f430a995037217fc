//! The release binaries the process benchmarks run: ours and the floor
//! (`examples/bare.rs`), built with the release profile as shipped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `cargo bench` builds our binary with the bench profile into
/// `target/release/` too, over the release build's, and an up-to-date
/// release build does not put its own back. The programs measured are
/// built in a target folder of their own, so they are always the release
/// profile as shipped (with its link order: assets/link-order.txt names the
/// release profile's functions).
fn release_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("measured")
        .join("release")
}

pub fn ours() -> PathBuf {
    release_dir().join("coursera-exit")
}

pub fn bare() -> PathBuf {
    release_dir().join("examples").join("bare")
}

/// `cargo build --release` of the binary, then of the examples, into
/// `target/measured`, so both programs are the release profile of the tree
/// as it is (quick when nothing changed).
pub fn build_release() -> Result<(), String> {
    // Our binary alone first, exactly as `cargo build --release` makes it:
    // built together with the examples, it would take the features the
    // dev-dependencies turn on in shared crates, so be another build (other
    // code, other symbol names than assets/link-order.txt holds).
    cargo_release("--bins")?;
    cargo_release("--examples")
}

fn cargo_release(what: &str) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO")
        .or_else(|| option_env!("CARGO").map(Into::into))
        .unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let target = release_dir().parent().expect("a target folder").to_path_buf();
    let status = Command::new(cargo)
        .args(["build", "--release", what, "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo build --release {what} failed ({status})"))
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
