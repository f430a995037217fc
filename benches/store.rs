//! Load and durable save of the 50-subscription state (SPEC §7).
//! Run: cargo bench --bench store

mod common;

use coursera_exit::domain::policy::{EMBEDDED_POLICY, Policy};
use coursera_exit::store::{self, Store};

fn main() {
    let policy = Policy::embedded();
    let state = common::fifty_subscriptions(&policy);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("state.toml");
    let text = store::to_toml(&state);
    std::fs::write(&path, &text).expect("write");
    println!("50-subscription state: {} bytes", text.len());

    let times = common::time_runs(500, || {
        std::hint::black_box(store::load(&path).expect("load"));
    });
    common::report("load (read + parse + validate)", &times);

    let times = common::time_runs(500, || {
        std::hint::black_box(store::parse(&path, text.as_bytes()).expect("parse"));
    });
    common::report("parse only", &times);

    let times = common::time_runs(500, || {
        std::hint::black_box(store::to_toml(&state));
    });
    common::report("serialize only", &times);

    let (mut writer, _) = Store::open(&path).expect("open");
    let times = common::time_runs(100, || {
        writer.save(&state).expect("save");
    });
    common::report(
        "durable save (hand-edit check, temp, fsync, rename, fsync dir)",
        &times,
    );

    let times = common::time_runs(500, || {
        std::hint::black_box(Policy::embedded());
    });
    common::report("policy: built in (decoded from the build-time blob)", &times);

    let times = common::time_runs(500, || {
        std::hint::black_box(Policy::parse(EMBEDDED_POLICY).expect("the built-in policy parses"));
    });
    common::report("policy: the same TOML parsed (as --policy FILE)", &times);
}
