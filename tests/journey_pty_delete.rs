//! Deleting the account, typed key by key against the real binary: from Home
//! to the account decision, through the checklist (the question before an
//! unsafe request included), to the recorded request and its reply date.

mod support;

use std::process::Command;

use support::pty::{BIN, Pty, StateDir, key};

const TODAY: &str = "2026-03-01";

/// Runs a command-line subcommand on the same state; returns its stdout.
fn cli(dir: &StateDir, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--state")
        .arg(&dir.path)
        .args(["--today", TODAY])
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn deleting_the_account_key_by_key_records_the_request_and_its_reply_date() {
    let dir = StateDir::new();
    // One Plus monthly, already cancelled on the website.
    cli(
        &dir,
        &[
            "add",
            "--plan",
            "plus-monthly",
            "--channel",
            "web",
            "--started",
            "2026-02-20",
            "--label",
            "Plus",
        ],
    );
    cli(
        &dir,
        &["done", "cancelled", "--subscription", "s1", "--on", "2026-02-27"],
    );

    let mut pty = Pty::wizard(&dir.path, TODAY, 80, 24);
    pty.wait_for("Your Coursera subscriptions");
    pty.send("D");
    pty.wait_for("What do you want to do with your Coursera account?");
    pty.send(key::ENTER);
    // Cancelled on 02-27, before the charge of 03-20: paid until 03-19.
    let warning = pty.wait_for("Before you delete");
    assert!(warning.contains("paid until Thu 2026-03-19"), "{warning}");
    pty.send("y");
    let screen = pty.wait_for("Before deleting your account");
    assert!(screen.contains("1 of 9 items done"), "{screen}");
    assert!(
        screen.contains("(✓) Cancel every subscription"),
        "cancelled already: {screen}"
    );

    // Straight to "Request deletion": certificates are not saved, so it asks.
    pty.keys(&[key::DOWN; 7]);
    pty.wait_for("> [ ] Request deletion");
    pty.send(" ");
    let ask = pty.wait_for("Record the deletion request anyway?");
    assert!(ask.contains("can no longer be accessed"), "{ask}");
    pty.send("n");
    pty.wait_for("Not recorded: the request is still to do.");

    // The certificates: ticked, with a note.
    pty.keys(&[key::UP; 7]);
    pty.wait_for("> [ ] Download every certificate");
    pty.send(" ");
    pty.wait_for("> [✓] Download every certificate");
    pty.send("n");
    pty.wait_for("type a note");
    pty.send("PDFs in ~/certs");
    pty.send(key::ENTER);
    let screen = pty.wait_for("Note: PDFs in ~/certs");
    assert!(screen.contains("✓ Done Sun 2026-03-01"), "{screen}");

    // The transcripts, done yesterday: a day after today is refused first.
    pty.send(key::DOWN);
    pty.wait_for("> [ ] Save transcripts");
    pty.send("e");
    pty.send("2026-03-02");
    pty.send(key::ENTER);
    pty.wait_for("after today, 2026-03-01");
    pty.send(key::CTRL_U);
    pty.send("2026-02-28");
    pty.send(key::ENTER);
    pty.wait_for("[✓] Save transcripts");
    pty.wait_for("2026-02-28");

    // Now the request goes through without a question.
    pty.keys(&[key::DOWN; 6]);
    pty.wait_for("> [ ] Request deletion");
    pty.send(" ");
    let screen = pty.wait_for("Deletion requested; answer due");
    assert!(screen.contains("answer due Wed 2026-04-01"), "{screen}");
    pty.wait_for("✓ Deletion requested Sun 2026-03-01");
    assert!(!screen.contains("anyway?"), "no question this time: {screen}");

    // The reply date is on the Deadlines table.
    pty.send("t");
    let table = pty.wait_for("Support reply due");
    assert!(table.contains("2026-04-01"), "{table}");
    pty.send(key::ESC);
    pty.wait_for("Before deleting your account");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);

    let saved = dir.read();
    assert!(saved.contains("requested_on = \"2026-03-01\""), "{saved}");
    assert!(saved.contains("decision = \"delete\""), "{saved}");
    for (id, on) in [
        ("download-certificates", "2026-03-01"),
        ("save-transcripts", "2026-02-28"),
        ("request-deletion", "2026-03-01"),
    ] {
        let block = format!("id = \"{id}\"\ndone = true\ndone_on = \"{on}\"");
        assert!(saved.contains(&block), "{id} done on {on}: {saved}");
    }
    assert!(saved.contains("note = \"PDFs in ~/certs\""), "{saved}");

    let json: serde_json::Value = serde_json::from_str(&cli(&dir, &["deadlines", "--json"])).expect("JSON");
    let reply = json["deadlines"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["kind"] == "support-reply-due")
        .expect("a support-reply-due row");
    assert_eq!(reply["date"], "2026-04-01");
    assert_eq!(reply["done"], false);
    assert_eq!(reply["subscription"], serde_json::Value::Null);
}
