//! Checks `assets/policy.toml` at build time, with the runtime's own types and
//! checks (the modules below are the crate's files), and writes it to
//! `$OUT_DIR/policy.blob` for `Policy::embedded`: a start then copies strings
//! instead of parsing 21 KB of TOML (SPEC §7). A bad policy fails the build
//! with the message `--policy FILE` would print.

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

// The policy modules name these through `super::`, as in the crate.
use deadline_kind::DeadlineKind;
use plan::{Channel, PlanKind};

const POLICY: &str = "assets/policy.toml";

/// Every file this script reads or includes.
const INPUTS: [&str; 6] = [
    POLICY,
    "src/domain/plan.rs",
    "src/domain/deadlines/kind.rs",
    "src/domain/policy/blob.rs",
    "src/domain/policy/check.rs",
    "src/domain/policy/data.rs",
];

fn main() {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
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

fn fail(why: &str) -> ! {
    eprintln!("{POLICY}: {why}");
    std::process::exit(1);
}
