//! The release binaries the process benchmarks run: ours and the floor
//! (`examples/bare.rs`), built with the release profile as shipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// Where `cargo build --release` said it put each program. `cargo bench`
/// itself builds our binary with the bench profile into the same
/// `target/release/coursera-exit`, and a release build that is already up
/// to date does not put its own back: the exact artifact is what is run.
static BUILT: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();

/// `cargo bench` builds our binary into the profile folder; the release
/// build puts the example beside it, in `examples/`.
fn release_dir() -> PathBuf {
    let ours = Path::new(env!("CARGO_BIN_EXE_coursera-exit"));
    ours.parent().expect("the binary lives in a folder").to_path_buf()
}

pub fn ours() -> PathBuf {
    BUILT
        .get()
        .map_or_else(|| release_dir().join("coursera-exit"), |b| b.0.clone())
}

pub fn bare() -> PathBuf {
    BUILT
        .get()
        .map_or_else(|| release_dir().join("examples").join("bare"), |b| b.1.clone())
}

/// `cargo build --release --bins --examples`, so both programs are the
/// release profile of the tree as it is (a no-op when nothing changed).
pub fn build_release() -> Result<(), String> {
    let cargo = std::env::var_os("CARGO")
        .or_else(|| option_env!("CARGO").map(Into::into))
        .unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let out = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--bins",
            "--examples",
            "--message-format=json-render-diagnostics",
            "--manifest-path",
        ])
        .arg(&manifest)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo build --release failed ({})", out.status));
    }
    let executable = |name: &str| -> Option<PathBuf> {
        String::from_utf8_lossy(&out.stdout).lines().find_map(|line| {
            let message: serde_json::Value = serde_json::from_str(line).ok()?;
            (message["target"]["name"] == name).then_some(())?;
            message["executable"].as_str().map(PathBuf::from)
        })
    };
    let (Some(ours), Some(bare)) = (executable("coursera-exit"), executable("bare")) else {
        return Err("cargo build --release named no executable for coursera-exit or bare".into());
    };
    let _ = BUILT.set((ours, bare));
    Ok(())
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
