//! The questions and choices SPEC v2 added, typed key by key into the real
//! binary at 80x24: a 14-day trial with the EU/UK question, then a Plus
//! monthly plan whose EU/UK withdrawal is offered first, its refund steps
//! leading, the refund asked for; `A` changes where the person lives; the
//! saved file and `deadlines --json` agree with what was shown.

mod support;

use std::process::Command;

use support::pty::{BIN, Pty, StateDir, key};

const TODAY: &str = "2026-03-01";

#[test]
fn a_14_day_trial_and_an_eu_withdrawal_walked_key_by_key() {
    let dir = StateDir::new();
    let mut pty = Pty::wizard(&dir.path, TODAY, 80, 24);
    pty.wait_for("Nothing is tracked yet");

    // A trial: website, free trial, 14 days, started 02-27, lives in the EU.
    pty.send("a");
    pty.wait_for("Where did you buy it?");
    pty.send(key::ENTER);
    pty.wait_for("What are you paying for?");
    pty.send(key::ENTER);
    pty.wait_for("How long is the free trial?");
    pty.send(key::DOWN);
    pty.wait_for("> ( ) 14 days");
    pty.send(key::ENTER);
    pty.wait_for("When did the trial start?");
    pty.send("2026-02-27");
    pty.wait_for("Fri 2026-02-27");
    pty.send(key::ENTER);
    let region = pty.wait_for("Do you live in the EU or the UK?");
    assert!(
        !region.contains("Have you earned a certificate"),
        "no certificate question for a trial: {region}"
    );
    pty.send(key::ENTER);
    // 14 days from 02-27: last day 03-12, cancel by 03-11.
    pty.wait_for("What do you want to do with Free trial (14 days)?");
    pty.wait_for("Cancel by Wed 2026-03-11");
    pty.send("g");
    pty.wait_for("Your Coursera subscriptions");

    // Plus monthly from 02-27: no Coursera refund, but the EU withdrawal
    // (02-27 + 14 − 1 = 03-12) is offered first.
    pty.send("a");
    pty.wait_for("Where did you buy it?");
    pty.send(key::ENTER);
    pty.wait_for("What are you paying for?");
    pty.keys(&[key::DOWN, key::DOWN]);
    pty.wait_for("> ( ) Coursera Plus, paid monthly");
    pty.send(key::ENTER);
    pty.wait_for("When was the first payment?");
    pty.send("2026-02-27");
    pty.wait_for("Fri 2026-02-27");
    pty.send(key::ENTER);
    pty.wait_for("Have you earned a certificate under this plan?");
    pty.send(key::ENTER);
    pty.wait_for("> ( ) Cancel and ask for a refund (until 2026-03-12)");
    pty.wait_for("Withdraw by Thu 2026-03-12");
    pty.send(key::ENTER);
    pty.wait_for("and ask for a refund");
    pty.wait_for("> [ ] 1. Open Coursera's \"Request a refund\"");
    pty.keys(&[key::DOWN, key::DOWN, key::DOWN]);
    pty.wait_for("> [ ] I have asked for a refund");
    pty.send(" ");
    pty.wait_for("[✓] I have asked for a refund");
    pty.wait_for("The refund has arrived");

    // Elsewhere after all: the withdrawal goes from the deadlines.
    pty.send("A");
    pty.wait_for("Where you live");
    pty.send(key::DOWN);
    pty.wait_for("> ( ) No, somewhere else");
    pty.send(key::ENTER);
    pty.wait_for("Saved: not in the EU or the UK");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);

    let saved = dir.read();
    assert!(saved.contains("trial_days = 14"), "{saved}");
    assert!(saved.contains("region = \"elsewhere\""), "{saved}");
    assert!(saved.contains("refund_requested_on = \"2026-03-01\""), "{saved}");

    let out = Command::new(BIN)
        .arg("--state")
        .arg(&dir.path)
        .args(["--today", TODAY, "deadlines"])
        .output()
        .expect("deadlines runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Withdraw"), "{text}");
    assert!(
        text.contains("2026-03-13"),
        "the refund is due 10 business days after 03-01: {text}"
    );
}
