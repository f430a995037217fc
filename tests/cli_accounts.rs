//! Several Coursera accounts through the command line: adding and naming
//! them, saying which one pays, deleting the extra one after its checklist,
//! and the files of version 1 and 2 that held a single account.

mod cli_support;

use cli_support::{Json, Sandbox, add_args};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("a fixture")
}

/// The `deadlines --json` rows as (account, subscription or "-", kind, date).
fn rows(deadlines: &Json) -> Vec<(String, String, String, String)> {
    deadlines["deadlines"]
        .items()
        .iter()
        .map(|r| {
            let sub = if r["subscription"].is_null() {
                "-".to_string()
            } else {
                r["subscription"].str().to_string()
            };
            (
                r["account"].str().to_string(),
                sub,
                r["kind"].str().to_string(),
                r["date"].str().to_string(),
            )
        })
        .collect()
}

#[test]
fn one_account_reads_exactly_as_version_2_did() {
    let sb = Sandbox::new("2026-03-05");
    sb.add("plus-monthly", "web", "2026-03-01");
    sb.ok(&["delete-account", "--requested-on", "2026-03-02"]);
    let status = sb.status();
    assert!(status.keys().contains(&"account"), "{status:?}");
    assert_eq!(
        status["accounts"].items().len(),
        1,
        "the list holds the one account"
    );
    assert_eq!(status["accounts"][0]["id"].str(), "a1");
    assert!(!status["subscriptions"][0].keys().contains(&"account"));
    for row in sb.deadlines()["deadlines"].items() {
        assert!(!row.keys().contains(&"account"), "{row:?}");
    }
    let ics = sb.ok(&["export", "--format", "ics"]);
    assert!(
        ics.contains("UID:account-support-reply-due@coursera-exit"),
        "{ics}"
    );
    let saved = String::from_utf8(sb.state_bytes()).unwrap();
    assert!(saved.contains("schema_version = 3\n"), "{saved}");
    assert!(saved.contains("[[accounts]]\nid = \"a1\"\n"), "{saved}");
    assert!(
        saved.contains("account = \"a1\"\n"),
        "each subscription names its payer: {saved}"
    );
}

#[test]
fn accounts_are_added_listed_renamed_and_named_by_id() {
    let sb = Sandbox::new("2026-03-05");
    assert_eq!(sb.ok(&["account", "add", "--label", "Google sign-in"]), "a2\n");
    assert_eq!(sb.ok(&["account", "add", "--label", "work@example.com"]), "a3\n");
    sb.ok(&["account", "rename", "a1", "--label", "me@example.com"]);
    let list = sb.ok(&["account", "list"]);
    assert!(
        list.starts_with("a1  me@example.com  decision: not decided"),
        "{list}"
    );
    assert!(list.contains("a2  Google sign-in"), "{list}");
    assert!(list.contains("a3  work@example.com"), "{list}");
    let json = Json::parse(&sb.ok(&["account", "list", "--json"]));
    let ids: Vec<&str> = json.items().iter().map(|a| a["id"].str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3"]);
    assert_eq!(json[1]["label"].str(), "Google sign-in");
}

#[test]
fn a_wrong_account_or_action_is_exit_2_naming_what_there_is() {
    let sb = Sandbox::new("2026-03-05");
    sb.ok(&["account", "add", "--label", "Google sign-in"]);
    sb.run(&add_args("plus-monthly", "web", "2026-03-01"))
        .fails_with(2, &["2 accounts", "a1, a2"]);
    sb.run(&["delete-account"]).fails_with(2, &["a1, a2"]);
    sb.run(&["delete-account", "a7"])
        .fails_with(2, &["account a7", "no such account", "a1, a2"]);
    sb.run(&["account", "merge"])
        .fails_with(2, &["not an action", "add, list, rename or remove"]);
    sb.run(&["account", "add"]).fails_with(2, &["--label TEXT"]);
    sb.run(&["account", "remove"])
        .fails_with(2, &["needs the account's id"]);
    sb.run(&["account", "add", "--label", "x\u{1b}[31m"])
        .fails_with(2, &["--label"]);
    // a1 has no label and shows as "Coursera account": that name is taken.
    sb.run(&["account", "add", "--label", "coursera account "])
        .fails_with(2, &["a1 is already called that"]);
    sb.run(&["done", "download-certificates"])
        .fails_with(2, &["a1, a2"]);
    sb.run(&["guide", "account"]).fails_with(2, &["a1, a2"]);
    assert_eq!(sb.ok(&["account", "list"]).lines().count(), 2, "nothing changed");
}

#[test]
fn an_account_that_pays_for_something_or_the_last_one_cannot_be_removed() {
    let sb = Sandbox::new("2026-03-05");
    sb.ok(&["account", "add", "--label", "Google sign-in"]);
    let mut args = add_args("plus-monthly", "web", "2026-03-01").to_vec();
    args.extend(["--account", "a2"]);
    assert_eq!(sb.ok(&args), "s1\n");
    sb.run(&["account", "remove", "a2"])
        .fails_with(2, &["pays for s1"]);
    sb.ok(&["edit", "s1", "--account", "a1"]);
    sb.ok(&["account", "remove", "a2"]);
    sb.run(&["account", "remove", "a1"])
        .fails_with(2, &["the only account"]);
    // Ids are never reused.
    assert_eq!(sb.ok(&["account", "add", "--label", "again"]), "a3\n");
}

/// The consolidation of the issue: two accounts, keep a1, delete a2 after its checklist.
#[test]
fn consolidating_keeps_a1_and_deletes_a2_after_its_checklist() {
    let sb = Sandbox::new("2026-03-10");
    sb.ok(&["account", "rename", "a1", "--label", "me@example.com"]);
    sb.ok(&["account", "add", "--label", "Google sign-in"]);
    let mut plus = add_args("plus-monthly", "web", "2026-02-20").to_vec();
    plus.extend(["--account", "a1"]);
    sb.ok(&plus);
    let mut spec = add_args("specialization-monthly", "web", "2026-03-05").to_vec();
    spec.extend(["--account", "a2", "--label", "Data Science"]);
    sb.ok(&spec);

    sb.ok(&["delete-account", "a1", "--undo"]);
    sb.ok(&["delete-account", "a2"]);
    // The extra account's checklist says what cannot move between accounts.
    let guide = sb.ok(&["guide", "a2"]);
    assert!(
        guide.starts_with("a2  Google sign-in  (decision: delete it)"),
        "{guide}"
    );
    assert!(guide.contains("Pays for: Data Science (s2)"), "{guide}");
    assert!(guide.contains("(move-to-kept-account)"), "{guide}");
    assert!(guide.contains("cannot move payments or certificates"), "{guide}");
    assert!(guide.contains("Still to cancel: Data Science (s2)."), "{guide}");
    // No key works on paper: the wizard's hints stay in the wizard.
    assert!(!guide.contains("c: the steps"), "{guide}");
    assert!(
        !guide.contains("Coursera Plus"),
        "a1's plan is not a2's business: {guide}"
    );

    sb.ok(&[
        "done",
        "move-to-kept-account",
        "--account",
        "a2",
        "--note",
        "certs in ~/certs/google",
    ]);
    sb.ok(&["done", "cancelled", "--subscription", "s2", "--on", "2026-03-06"]);
    sb.ok(&["done", "download-certificates", "--account", "a2"]);
    let run = sb
        .run(&[
            "done",
            "request-deletion",
            "--account",
            "a2",
            "--on",
            "2026-03-07",
        ])
        .success();
    assert!(
        run.stderr.is_empty(),
        "nothing left to warn about: {}",
        run.stderr
    );

    let deadlines = sb.deadlines();
    let support: Vec<_> = rows(&deadlines)
        .into_iter()
        .filter(|r| r.2 == "support-reply-due")
        .collect();
    assert_eq!(
        support,
        [(
            "a2".into(),
            "-".into(),
            "support-reply-due".into(),
            "2026-04-07".into()
        )]
    );
    let row = deadlines["deadlines"]
        .items()
        .iter()
        .find(|r| r["kind"].str() == "support-reply-due")
        .cloned()
        .expect("a row");
    assert_eq!(row["label"].str(), "a2 · Google sign-in");
    assert!(rows(&deadlines).iter().any(|r| r.0 == "a1" && r.1 == "s1"));

    let status = sb.status();
    assert!(!status.keys().contains(&"account"), "several: `accounts` instead");
    let accounts = status["accounts"].items();
    assert_eq!(accounts[0]["decision"].str(), "keep");
    assert_eq!(accounts[1]["decision"].str(), "delete");
    assert_eq!(accounts[1]["requested_on"].str(), "2026-03-07");
    assert_eq!(accounts[1]["subscriptions"][0].str(), "s2");
    assert_eq!(status["subscriptions"][1]["account"].str(), "a2");
    let moved = accounts[1]["items"]
        .items()
        .iter()
        .find(|i| i["id"].str() == "move-to-kept-account")
        .cloned()
        .expect("the item");
    assert!(moved["done"].bool());
    assert_eq!(moved["note"].str(), "certs in ~/certs/google");

    let ics = sb.ok(&["export", "--format", "ics"]);
    assert!(ics.contains("UID:a2-support-reply-due@coursera-exit"), "{ics}");
    let markdown = sb.ok(&["export", "--format", "markdown"]);
    assert!(markdown.contains("## Accounts"), "{markdown}");
    assert!(markdown.contains("### a2 · Google sign-in"), "{markdown}");
    assert!(markdown.contains("- Paid by: a2 · Google sign-in"), "{markdown}");
    let text = sb.ok(&["status"]);
    assert!(
        text.contains("s2  Data Science  (specialization-monthly)  paid by a2"),
        "{text}"
    );
    assert!(
        text.contains("\na2  Google sign-in  decision: delete · deletion requested 2026-03-07"),
        "{text}"
    );
}

#[test]
fn a_real_version_2_file_migrates_at_its_first_save_and_the_bak_keeps_its_bytes() {
    let sb = Sandbox::new("2026-03-10");
    let original = fixture("v2-eu-deleting.toml");
    std::fs::write(sb.state(), &original).unwrap();
    let before = sb.ok(&["deadlines", "--json"]);
    let status = sb.status();
    assert_eq!(status["account"]["region"].str(), "eu-uk");
    assert_eq!(sb.state_bytes(), original, "readers change nothing");

    assert_eq!(sb.ok(&["account", "add", "--label", "Google sign-in"]), "a2\n");
    let bak = std::fs::read(sb.dir().join("state.toml.bak")).unwrap();
    assert_eq!(bak, original, "the .bak keeps the version-2 bytes");
    let saved = String::from_utf8(sb.state_bytes()).unwrap();
    assert!(saved.contains("schema_version = 3\n"), "{saved}");
    assert!(saved.contains("region = \"eu-uk\"\n"), "{saved}");
    assert!(!saved.contains("[account]"), "{saved}");
    assert!(
        saved.contains("[[accounts]]\nid = \"a1\"\ndecision = \"delete\"\nrequested_on = \"2026-03-05\"\n"),
        "{saved}"
    );
    assert!(saved.contains("note = \"PDFs in ~/certs\""), "{saved}");
    assert!(saved.contains("note = \"confirmation mail kept\""), "{saved}");

    // The dates are those of the one account, now a1.
    sb.ok(&["account", "remove", "a2"]);
    let after = sb.ok(&["deadlines", "--json"]);
    assert_eq!(after, before, "the same rows once there is one account again");
}

#[test]
fn a_real_version_1_file_migrates_to_one_account_holding_every_subscription() {
    let sb = Sandbox::new("2026-03-10");
    let original = fixture("valid.toml");
    std::fs::write(sb.state(), &original).unwrap();
    sb.ok(&["region", "elsewhere"]);
    assert_eq!(std::fs::read(sb.dir().join("state.toml.bak")).unwrap(), original);
    let saved = String::from_utf8(sb.state_bytes()).unwrap();
    assert!(saved.contains("schema_version = 3\n"), "{saved}");
    assert_eq!(saved.matches("account = \"a1\"").count(), 2, "{saved}");
    assert!(
        saved.contains("note = \"PDFs in ~/Documents/certificates\""),
        "{saved}"
    );
}

#[test]
fn a_hand_edited_version_3_file_is_checked_like_any_other() {
    let sb = Sandbox::new("2026-03-10");
    for (text, says) in [
        (
            "schema_version = 3\nnext_id = 2\nnext_account_id = 3\n[[accounts]]\nid = \"a1\"\n[[accounts]]\nid = \"a2\"\n\
             [[subscriptions]]\nid = \"s1\"\nlabel = \"x\"\n",
            "names no account; the accounts are a1, a2",
        ),
        (
            "schema_version = 3\n[[accounts]]\nid = \"a5\"\n",
            "raise next_account_id to 6",
        ),
        (
            "schema_version = 3\n[account]\ndecision = \"keep\"\n",
            "[account] is a version-2 section",
        ),
        (
            "schema_version = 3\n[[accounts]]\nid = \"a1\"\nregion = \"eu-uk\"\n",
            "region is one answer for the person",
        ),
        (
            "schema_version = 2\n[[accounts]]\nid = \"a1\"\n",
            "[[accounts]] is written by version 3",
        ),
        (
            "schema_version = 3\naccount_focus = \"\\u001b[2J\"\n",
            "account_focus",
        ),
    ] {
        std::fs::write(sb.state(), text).unwrap();
        sb.run(&["status"]).fails_with(1, &[says]);
        sb.run(&["account", "add", "--label", "x"]).fails_with(1, &[says]);
        assert_eq!(sb.state_bytes(), text.as_bytes(), "left as it was");
    }
    // A subscription may leave out its account while there is only one.
    std::fs::write(
        sb.state(),
        "schema_version = 3\nnext_id = 2\n[[subscriptions]]\nid = \"s1\"\nlabel = \"x\"\n",
    )
    .unwrap();
    assert_eq!(sb.status()["subscriptions"][0]["id"].str(), "s1");
}

#[test]
fn delete_account_warns_about_money_that_can_still_come_back_from_its_own_plans() {
    let sb = Sandbox::new("2026-03-06");
    sb.ok(&["account", "add", "--label", "Google sign-in"]);
    let mut spec = add_args("specialization-monthly", "web", "2026-03-05").to_vec();
    spec.extend(["--account", "a2", "--label", "Data Science"]);
    sb.ok(&spec);
    let mut plus = add_args("course-purchase", "web", "2026-03-04").to_vec();
    plus.extend(["--account", "a1", "--label", "Python"]);
    sb.ok(&plus);
    let run = sb.run(&["delete-account", "a2"]).success();
    assert!(
        run.stderr
            .contains("warning: Data Science (s1): money can still be asked back until"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("coursera-exit guide s1"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("Python"),
        "a1's purchase is not a2's: {}",
        run.stderr
    );
    let run = sb.run(&["delete-account", "a2", "--undo"]).success();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn an_account_whose_deletion_was_requested_is_not_removed_and_its_reply_not_lost() {
    let sb = Sandbox::new("2026-03-06");
    sb.ok(&["account", "add", "--label", "Google sign-in"]);
    sb.ok(&["delete-account", "a2", "--requested-on", "2026-03-05"]);
    sb.run(&["account", "remove", "a2"]).fails_with(
        2,
        &["deletion was requested on 2026-03-05", "delete-account a2 --undo"],
    );
    assert!(sb.ok(&["deadlines"]).contains("Support reply due"));
    sb.ok(&["delete-account", "a2", "--undo"]);
    sb.ok(&["account", "remove", "a2"]);
}

#[test]
fn a_label_that_reads_as_an_id_is_refused_and_a_capital_id_is_an_account() {
    let sb = Sandbox::new("2026-03-06");
    sb.run(&["account", "add", "--label", "a1"])
        .fails_with(2, &["reads as an account's id"]);
    sb.ok(&["account", "add", "--label", "Google sign-in"]);
    sb.run(&["guide", "A9"])
        .fails_with(2, &["account A9", "no such account"]);
}
