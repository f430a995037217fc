//! Cancelling a free trial, typed key by key against the real binary: added
//! on Home, identified, decided, each website step ticked, "I have cancelled"
//! recorded, back on Home; then the saved file and `deadlines --json` agree.

mod support;

use std::process::Command;

use support::pty::{BIN, Pty, StateDir, key};

const TODAY: &str = "2026-03-01";

#[test]
fn a_free_trial_is_cancelled_key_by_key_and_its_cancel_by_is_done() {
    let dir = StateDir::new();
    let mut pty = Pty::wizard(&dir.path, TODAY, 80, 24);
    pty.wait_for("Nothing is tracked yet");
    pty.send("a");
    pty.wait_for("Where did you buy it?");
    pty.send(key::ENTER);
    pty.wait_for("What are you paying for?");
    pty.send(key::ENTER);
    pty.wait_for("How long is the free trial?");
    pty.send(key::ENTER);
    pty.wait_for("When did the trial start?");
    pty.send("2026-02-27");
    pty.wait_for("Fri 2026-02-27");
    pty.send(key::ENTER);
    pty.wait_for("Do you live in the EU or the UK?");
    pty.keys(&[key::DOWN, key::ENTER]);

    // A 7-day trial from 02-27: last day 03-05, cancel by 03-04, first charge 03-06.
    let decide = pty.wait_for("What do you want to do with Free trial (7 days)?");
    assert!(decide.contains("> ( ) Cancel it"), "cancel comes first: {decide}");
    assert!(
        decide.contains("Cancel by Wed 2026-03-04 · in 3 days"),
        "{decide}"
    );
    assert!(decide.contains("Trial last day Thu 2026-03-05"), "{decide}");
    pty.send(key::DOWN);
    pty.wait_for("> ( ) Keep it and start paying");
    let keep = pty.wait_for("First charge Fri 2026-03-06");
    assert!(
        !keep.contains("Trial last day"),
        "the detail follows the highlight: {keep}"
    );
    pty.send(key::UP);
    pty.wait_for("> ( ) Cancel it");
    pty.send(key::ENTER);

    let steps = pty.wait_for("Cancel Free trial");
    assert!(steps.contains("> [ ] 1. Go to coursera.org"), "{steps}");
    assert!(
        steps.contains("! Removing the Coursera app"),
        "the warnings show: {steps}"
    );
    for n in 1..=7 {
        pty.send(" ");
        pty.wait_for(&format!("[✓] {n}."));
        pty.send(key::ENTER);
    }
    let last = pty.wait_for("> [ ] I have cancelled");
    assert!(last.contains("Cancel by Wed 2026-03-04"), "not yet done: {last}");
    pty.send(" ");
    // Version 2: no more charges, said where the urgent date was.
    let cancelled = pty.wait_for("charged again; access until Thu 2026-03-05.");
    assert!(
        cancelled.contains("✓ Cancelled on Sun 2026-03-01. You will not be"),
        "{cancelled}"
    );
    assert!(cancelled.contains("[✓] I have cancelled"), "{cancelled}");
    pty.send(key::ENTER);
    pty.wait_for("> Finish: back to Home");
    pty.send(key::ENTER);
    let home = pty.wait_for("Free trial: cancelled on Sun 2026-03-01");
    // Version 2: where its next date was, Home says SPEC §3's sentence (on
    // two lines at 80 columns); the frozen last day is no longer "Most urgent".
    assert!(home.contains("✓ You will not be charged again;"), "{home}");
    assert!(home.contains("  access until Thu 2026-03-05"), "{home}");
    assert!(!home.contains("Most urgent"), "{home}");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);

    let saved = dir.read();
    assert!(saved.contains("decision = \"cancel\""), "{saved}");
    assert!(saved.contains("cancelled_on = \"2026-03-01\""), "{saved}");
    assert!(
        saved.contains("id = \"web-confirm\""),
        "each step is kept: {saved}"
    );

    let out = Command::new(BIN)
        .arg("--state")
        .arg(&dir.path)
        .args(["--today", TODAY, "deadlines", "--json"])
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows = json["deadlines"].as_array().expect("a list of deadlines");
    let row = |kind: &str| {
        rows.iter()
            .find(|r| r["kind"] == kind)
            .unwrap_or_else(|| panic!("a {kind} row in {json}"))
    };
    assert_eq!(row("cancel-by")["done"], true);
    assert_eq!(row("cancel-by")["date"], "2026-03-04");
    assert_eq!(row("trial-last-day")["date"], "2026-03-05");
    assert!(
        !rows.iter().any(|r| r["kind"] == "first-charge"),
        "no charge will come: {json}"
    );
}
