//! Two Coursera accounts, typed key by key against the real binary: add the
//! second account, say which account pays for a new plan, keep the first
//! account and delete the second after its checklist.

mod support;

use support::pty::{Pty, StateDir, key};

const TODAY: &str = "2026-03-01";

fn cli(dir: &StateDir, args: &[&str]) -> String {
    dir.cli(TODAY, args)
}

#[test]
fn consolidating_two_accounts_keeps_the_first_and_deletes_the_second_key_by_key() {
    let dir = StateDir::new();
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
    cli(&dir, &["region", "elsewhere"]);

    let mut pty = Pty::wizard(&dir.path, TODAY, 80, 24);
    pty.wait_for("Your Coursera subscriptions");
    // The second account, named as the person tells it apart.
    pty.send("N");
    pty.wait_for("Another Coursera account");
    pty.send("Google sign-in");
    pty.send(key::ENTER);
    pty.wait_for("Added a2 · Google sign-in");
    // Then the account had so far, so the two can be told apart.
    pty.wait_for("The account you had so far");
    pty.send("me@example.com");
    pty.send(key::ENTER);
    pty.wait_for("Your first account is now a1 · me@example.com");
    let home = pty.wait_for("a2 · Google sign-in — not decided");
    assert!(home.contains("a1 · me@example.com — not decided"), "{home}");

    // A new plan asks which account pays for it first.
    pty.send("a");
    let question = pty.wait_for("Which of your Coursera accounts pays for it?");
    assert!(question.contains("me@example.com (a1)"), "{question}");
    pty.send(key::DOWN);
    pty.wait_for("> ( ) Google sign-in (a2)");
    pty.send(key::ENTER);
    pty.wait_for("Where did you buy it?");
    pty.send(key::ENTER);
    pty.wait_for("What are you paying for?");
    pty.send(key::DOWN);
    pty.send(key::ENTER);
    pty.wait_for("When was the first payment?");
    pty.send("2026-02-27");
    pty.send(key::ENTER);
    pty.wait_for("certificate");
    pty.send(key::ENTER);
    pty.wait_for("What do you want to do with");
    pty.send("g");
    let home = pty.wait_for("Your Coursera subscriptions");
    let line = |needle: &str| home.lines().position(|l| l.contains(needle)).expect(needle);
    assert_eq!(
        line(" s2 "),
        line("a2 · Google sign-in") + 1,
        "the plan is listed under the account that pays: {home}"
    );
    assert_eq!(line(" s1 "), line("a1 · me@example.com") + 1, "{home}");

    // Keep the first account: D on its plan opens it.
    pty.send(key::UP);
    pty.wait_for("> Plus");
    pty.send("D");
    pty.wait_for("Delete or keep the account · a1");
    pty.send(key::DOWN);
    pty.send(key::ENTER);
    pty.wait_for("Keeping the account");

    // Delete the second one: D on its plan, past the warning of a refund still open.
    pty.send("g");
    pty.wait_for("Your Coursera subscriptions");
    pty.send(key::DOWN);
    pty.wait_for("> Specialization (monthly)");
    pty.send("D");
    pty.wait_for("Delete or keep the account · a2 · Google sign-in");
    pty.send(key::ENTER);
    let warning = pty.wait_for("Before you delete");
    assert!(warning.contains("(s2): a refund is"), "{warning}");
    assert!(!warning.contains("(s1)"), "a1's plan goes on: {warning}");
    pty.send("y");
    let checklist = pty.wait_for("Before deleting your account · a2");
    assert!(
        checklist.contains("> [ ] Save what cannot move to the account you keep"),
        "{checklist}"
    );
    pty.send(" ");
    pty.wait_for("> [✓] Save what cannot move");
    pty.send("n");
    pty.wait_for("type a note");
    pty.send("certificates in ~/certs/google");
    pty.send(key::ENTER);
    pty.wait_for("Note: certificates in ~/certs/google");
    pty.send(key::DOWN);
    pty.wait_for("> [ ] Download every certificate");
    pty.send(" ");
    pty.wait_for("> [✓] Download every certificate");
    pty.keys(&[key::DOWN; 7]);
    pty.wait_for("> [ ] Request deletion");
    pty.send(" ");
    // The Specialization still renews: deleting is not cancelling.
    pty.wait_for("anyway?");
    pty.send("y");
    let done = pty.wait_for("Deletion requested; answer due");
    assert!(done.contains("answer due Wed 2026-04-01"), "{done}");
    pty.send("q");
    assert_eq!(pty.exit_code(), 0);

    let saved = dir.read();
    assert!(saved.contains("schema_version = 3"), "{saved}");
    assert!(
        saved.contains("[[accounts]]\nid = \"a1\"\nlabel = \"me@example.com\"\ndecision = \"keep\""),
        "{saved}"
    );
    assert!(
        saved.contains(
            "[[accounts]]\nid = \"a2\"\nlabel = \"Google sign-in\"\ndecision = \"delete\"\nrequested_on = \"2026-03-01\""
        ),
        "{saved}"
    );
    assert!(
        saved.contains("note = \"certificates in ~/certs/google\""),
        "{saved}"
    );
    assert!(saved.contains("id = \"s2\"\naccount = \"a2\""), "{saved}");

    let json: serde_json::Value = serde_json::from_str(&cli(&dir, &["deadlines", "--json"])).expect("JSON");
    let reply = json["deadlines"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["kind"] == "support-reply-due")
        .expect("a support-reply-due row");
    assert_eq!(reply["account"], "a2");
    assert_eq!(reply["date"], "2026-04-01");
    let ics = cli(&dir, &["export", "--format", "ics"]);
    assert!(ics.contains("UID:a2-support-reply-due@coursera-exit"), "{ics}");
}
