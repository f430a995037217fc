//! What loading the built-in policy costs at start: the TOML parse of
//! `EMBEDDED_POLICY` against the blob `build.rs` wrote (`Policy::embedded`).
//! Count instructions with callgrind on the profiling build, subtracting `none`:
//!
//! cargo build --profile profiling --example policy_load
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!   target/profiling/examples/policy_load embedded 1     # or: parse 1, none 1
//!
//! Or time many loads: `cargo run --release --example policy_load -- parse 1000`.

use std::hint::black_box;
use std::time::Instant;

use coursera_exit::domain::policy::{EMBEDDED_POLICY, Policy};

fn main() {
    let mut args = std::env::args().skip(1);
    let how = args.next().unwrap_or_default();
    let times: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let load: fn() -> Option<Policy> = match how.as_str() {
        "parse" => || Policy::parse(black_box(EMBEDDED_POLICY)).ok(),
        "embedded" => || Some(Policy::embedded()),
        "none" => || None,
        _ => {
            eprintln!("usage: policy_load parse|embedded|none [TIMES]");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    for _ in 0..times {
        // Kept, as the program keeps its policy: a start never pays for the drop.
        std::mem::forget(black_box(load()));
    }
    let each = start.elapsed() / times.max(1);
    println!("{how}: {each:?} per load ({times} loads)");
}
