//! Checks `assets/policy.toml` at build time, with the runtime's own types and
//! checks (the modules below are the crate's files), and writes it to
//! `$OUT_DIR/policy.blob` for `Policy::embedded`: a start then copies strings
//! instead of parsing 21 KB of TOML (SPEC §7). A bad policy fails the build
//! with the message `--policy FILE` would print.
//!
//! It also hands the linker `assets/link-order.txt` for release builds: the
//! functions a first frame runs, placed side by side so a start maps fewer
//! pages of code (SPEC §7's peak memory; `scripts/link-order.sh` makes it).

use std::path::Path;

#[allow(dead_code)] // only the enums and their ids are needed here
#[path = "src/domain/plan.rs"]
mod plan;

#[allow(dead_code)]
#[path = "src/domain/deadlines/kind.rs"]
mod deadline_kind;

#[path = "src/domain/policy/blob.rs"]
mod blob;
#[path = "src/domain/policy/check.rs"]
mod check;
#[path = "src/domain/policy/data.rs"]
mod data;
#[allow(dead_code)] // only the label check is needed here
#[path = "src/domain/text_limits.rs"]
mod text_limits;

// The policy modules name these through `super::`, as in the crate.
use deadline_kind::DeadlineKind;
use plan::{Channel, PlanKind};

const POLICY: &str = "assets/policy.toml";
const LINK_ORDER: &str = "assets/link-order.txt";

/// Every file this script reads or includes.
const INPUTS: [&str; 7] = [
    POLICY,
    "src/domain/plan.rs",
    "src/domain/deadlines/kind.rs",
    "src/domain/policy/blob.rs",
    "src/domain/policy/check.rs",
    "src/domain/policy/data.rs",
    "src/domain/text_limits.rs",
];

fn main() {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    link_order();
    let text = std::fs::read_to_string(POLICY).unwrap_or_else(|e| fail(&format!("could not read it: {e}")));
    let policy = data::Policy::parse(&text).unwrap_or_else(|e| fail(&e.to_string()));
    let blob = policy.to_blob();
    // The codec is hand-written: prove it on the real policy before shipping it.
    match data::Policy::from_blob(&blob) {
        Ok(read) if read == policy => {}
        Ok(_) => fail("the blob reads back different (src/domain/policy/blob.rs)"),
        Err(e) => fail(&format!("the blob does not read back: {e}")),
    }
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out_dir).join("policy.blob");
    std::fs::write(&out, blob).unwrap_or_else(|e| fail(&format!("could not write {}: {e}", out.display())));
}

/// The order file for rust-lld, the default linker of x86_64 Linux since
/// Rust 1.90; another linker would refuse the flag, so it is given only
/// there and only when nobody chose a linker of their own. Names it does
/// not find are skipped: an old file costs memory, never a build.
fn link_order() {
    println!("cargo::rerun-if-changed={LINK_ORDER}");
    println!("cargo::rerun-if-env-changed=COURSERA_EXIT_LINK_MAP");
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let own_linker = env("CARGO_ENCODED_RUSTFLAGS").contains("link")
        || std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some();
    if env("TARGET") != "x86_64-unknown-linux-gnu"
        || env("PROFILE") != "release"
        || own_linker
        || !rustc_has_lld()
    {
        return;
    }
    let dir = env("CARGO_MANIFEST_DIR");
    let order = Path::new(&dir).join(LINK_ORDER);
    if order.is_file() {
        println!(
            "cargo::rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        println!("cargo::rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    // scripts/link-order.sh reads the names the release build gives its functions here.
    let map = env("COURSERA_EXIT_LINK_MAP");
    if !map.is_empty() {
        println!("cargo::rustc-link-arg-bins=-Wl,-Map={map}");
    }
}

/// rustc 1.90 or later: rust-lld links by default.
fn rustc_has_lld() -> bool {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let Ok(out) = std::process::Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let version = String::from_utf8_lossy(&out.stdout);
    let mut numbers = version
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .split(['.', '-'])
        .map(|n| n.parse::<u32>().unwrap_or(0));
    let (major, minor) = (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0));
    (major, minor) >= (1, 90)
}

fn fail(why: &str) -> ! {
    eprintln!("{POLICY}: {why}");
    std::process::exit(1);
}
