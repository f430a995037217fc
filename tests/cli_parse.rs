//! The command-line grammar of SPEC §6, argv by argv: what each line parses
//! to, and for the refused ones the exit code and what the message names.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;
use std::process::Command as Process;

use coursera_exit::cli::{
    AddArgs, Cli, Command, DecideArgs, DeleteAccountArgs, DoneArgs, EditArgs, Exit, ExportArgs, Format, parse,
};

fn args(argv: &[&str]) -> Vec<OsString> {
    argv.iter().map(OsString::from).collect()
}

fn cli(command: Command) -> Cli {
    Cli {
        state: None,
        today: None,
        policy: None,
        theme: None,
        plain: false,
        command: Some(command),
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

/// A usage error: exit 2, the whole frame, and every needle.
fn assert_refused(argv: Vec<OsString>, needles: &[&str]) -> String {
    let shown = format!("{argv:?}");
    let exit = parse(argv).expect_err(&shown);
    let Exit::Usage(text) = &exit else {
        panic!("{shown} should be a usage error, got {exit:?}");
    };
    assert_eq!(exit.exit_code(), 2, "{shown}");
    assert!(text.starts_with("error: "), "{shown}: {text}");
    assert!(text.contains("\nUsage: coursera-exit"), "{shown}: {text}");
    assert!(
        text.ends_with("\nFor more information, try '--help'.\n"),
        "{shown}: {text}"
    );
    for needle in needles {
        assert!(text.contains(needle), "{shown}: {needle:?} not in\n{text}");
    }
    text.clone()
}

/// Help or the version: exit 0, for standard output.
fn printed(argv: &[&str]) -> String {
    match parse(args(argv)) {
        Err(exit @ Exit::Print(_)) => {
            assert_eq!(exit.exit_code(), 0, "{argv:?}");
            exit.text().to_string()
        }
        other => panic!("{argv:?} should print, got {other:?}"),
    }
}

#[test]
fn every_subcommand_parses_into_its_arguments() {
    let cases = vec![
        (
            vec![],
            Cli {
                command: None,
                ..cli(Command::Path)
            },
        ),
        (
            vec![
                "add",
                "--plan",
                "plus-monthly",
                "--channel",
                "web",
                "--started",
                "2026-01-31",
            ],
            cli(Command::Add(AddArgs {
                plan: s("plus-monthly"),
                channel: s("web"),
                started: s("2026-01-31"),
                label: None,
                certificate_earned: false,
                trial_days: None,
                account: None,
            })),
        ),
        (
            vec![
                "add",
                "--certificate-earned",
                "--label=My course",
                "--started=2026-02-01",
                "--channel=ios",
                "--plan=course-purchase",
            ],
            cli(Command::Add(AddArgs {
                plan: s("course-purchase"),
                channel: s("ios"),
                started: s("2026-02-01"),
                label: some("My course"),
                certificate_earned: true,
                trial_days: None,
                account: None,
            })),
        ),
        (
            vec!["edit", "s1"],
            cli(Command::Edit(EditArgs {
                id: s("s1"),
                label: None,
                plan: None,
                started: None,
                channel: None,
                certificate_earned: None,
                trial_days: None,
                account: None,
            })),
        ),
        (
            vec![
                "edit",
                "--label",
                "L",
                "s2",
                "--plan",
                "plus-annual",
                "--started",
                "2026-01-01",
                "--channel",
                "android",
                "--certificate-earned",
                "false",
            ],
            cli(Command::Edit(EditArgs {
                id: s("s2"),
                label: some("L"),
                plan: some("plus-annual"),
                started: some("2026-01-01"),
                channel: some("android"),
                certificate_earned: some("false"),
                trial_days: None,
                account: None,
            })),
        ),
        (vec!["remove", "s3"], cli(Command::Remove { id: s("s3") })),
        (
            vec!["decide", "s1", "--cancel"],
            cli(Command::Decide(DecideArgs {
                id: s("s1"),
                cancel: true,
                pause: None,
                keep: false,
                on: None,
            })),
        ),
        (
            vec!["decide", "--pause", "2", "s1", "--on", "2026-02-10"],
            cli(Command::Decide(DecideArgs {
                id: s("s1"),
                cancel: false,
                pause: some("2"),
                keep: false,
                on: some("2026-02-10"),
            })),
        ),
        (
            vec!["decide", "s1", "--keep"],
            cli(Command::Decide(DecideArgs {
                id: s("s1"),
                cancel: false,
                pause: None,
                keep: true,
                on: None,
            })),
        ),
        (
            vec!["delete-account"],
            cli(Command::DeleteAccount(DeleteAccountArgs {
                account: None,
                requested_on: None,
                undo: false,
            })),
        ),
        (
            vec!["delete-account", "--requested-on", "2026-02-01"],
            cli(Command::DeleteAccount(DeleteAccountArgs {
                account: None,
                requested_on: some("2026-02-01"),
                undo: false,
            })),
        ),
        (
            vec!["delete-account", "--undo"],
            cli(Command::DeleteAccount(DeleteAccountArgs {
                account: None,
                requested_on: None,
                undo: true,
            })),
        ),
        (
            vec![
                "done",
                "cancelled",
                "--subscription",
                "s1",
                "--note",
                "ticket 42",
                "--on",
                "2026-02-10",
                "--undo",
            ],
            cli(Command::Done(DoneArgs {
                item: s("cancelled"),
                subscription: some("s1"),
                account: None,
                note: some("ticket 42"),
                on: some("2026-02-10"),
                undo: true,
            })),
        ),
        (vec!["status"], cli(Command::Status { json: false })),
        (vec!["status", "--json"], cli(Command::Status { json: true })),
        (
            vec!["deadlines"],
            cli(Command::Deadlines {
                json: false,
                within: None,
            }),
        ),
        (
            vec!["deadlines", "--within", "30", "--json"],
            cli(Command::Deadlines {
                json: true,
                within: some("30"),
            }),
        ),
        (
            vec!["export", "--format", "ics"],
            cli(Command::Export(ExportArgs {
                format: Format::Ics,
                output: None,
                include_done: false,
            })),
        ),
        (
            vec!["export", "--output", "plan.md", "--format=markdown"],
            cli(Command::Export(ExportArgs {
                format: Format::Markdown,
                output: Some(PathBuf::from("plan.md")),
                include_done: false,
            })),
        ),
        (
            vec!["export", "--include-done", "--format", "ics"],
            cli(Command::Export(ExportArgs {
                format: Format::Ics,
                output: None,
                include_done: true,
            })),
        ),
        (vec!["path"], cli(Command::Path)),
        (
            vec!["region", "eu-uk"],
            cli(Command::Region { region: s("eu-uk") }),
        ),
        (
            vec!["guide", "account"],
            cli(Command::Guide { target: s("account") }),
        ),
        (
            vec!["completions", "fish"],
            cli(Command::Completions { shell: s("fish") }),
        ),
        (vec!["man"], cli(Command::Man)),
    ];
    for (argv, expected) in cases {
        assert_eq!(parse(args(&argv)), Ok(expected), "{argv:?}");
    }
}

#[test]
fn global_flags_go_before_or_after_the_subcommand_in_either_spelling() {
    let expected = Cli {
        state: Some(PathBuf::from("s.toml")),
        today: some("2026-03-01"),
        policy: Some(PathBuf::from("p.toml")),
        theme: None,
        plain: false,
        command: Some(Command::Status { json: true }),
    };
    for argv in [
        &[
            "--state",
            "s.toml",
            "--today",
            "2026-03-01",
            "--policy",
            "p.toml",
            "status",
            "--json",
        ][..],
        &[
            "status",
            "--json",
            "--state=s.toml",
            "--today=2026-03-01",
            "--policy=p.toml",
        ],
        &[
            "--policy=p.toml",
            "status",
            "--today",
            "2026-03-01",
            "--json",
            "--state",
            "s.toml",
        ],
    ] {
        assert_eq!(parse(args(argv)), Ok(expected.clone()), "{argv:?}");
    }
    // The wizard takes the global flags alone.
    let wizard = parse(args(&["--today", "2026-03-01"])).unwrap();
    assert_eq!((wizard.today, wizard.command), (some("2026-03-01"), None));
}

#[test]
fn a_global_flag_on_both_sides_of_the_subcommand_takes_the_later_value() {
    let cli = parse(args(&["--today", "2026-01-01", "path", "--today", "2026-01-02"])).unwrap();
    assert_eq!(cli.today, some("2026-01-02"));
    assert_refused(
        args(&["path", "--today", "2026-01-01", "--today", "2026-01-02"]),
        &["'--today YYYY-MM-DD' cannot be used multiple times"],
    );
    assert_refused(
        args(&["--state", "a", "--state", "b", "path"]),
        &["'--state FILE' cannot be used multiple times"],
    );
}

#[test]
fn values_starting_with_a_dash_need_an_equals_sign_except_for_within() {
    let within = |argv: &[&str]| match parse(args(argv)).unwrap().command {
        Some(Command::Deadlines { within, .. }) => within,
        other => panic!("{other:?}"),
    };
    assert_eq!(within(&["deadlines", "--within", "-7"]), some("-7"));
    assert_eq!(within(&["deadlines", "--within=-7"]), some("-7"));

    let note = |argv: &[&str]| match parse(args(argv)).unwrap().command {
        Some(Command::Done(d)) => d.note,
        other => panic!("{other:?}"),
    };
    assert_eq!(note(&["done", "x", "--note=-x"]), some("-x"));
    assert_eq!(note(&["done", "x", "--note", "-"]), some("-"));
    assert_eq!(note(&["done", "x", "--note="]), some(""));

    assert_refused(
        args(&["done", "x", "--note", "-x"]),
        &["value is required for '--note TEXT'", "'--note=-x'"],
    );
    assert_refused(
        args(&["edit", "s1", "--label", "-5"]),
        &["value is required for '--label TEXT'", "'--label=-5'"],
    );
    // A following flag is not taken as the value: the value was forgotten.
    let text = assert_refused(
        args(&["edit", "s1", "--label", "--plan", "x"]),
        &["value is required for '--label TEXT'"],
    );
    assert!(!text.contains("tip"), "{text}");
}

#[test]
fn double_dash_ends_the_options() {
    match parse(args(&["done", "--", "-x"])).unwrap().command {
        Some(Command::Done(d)) => assert_eq!(d.item, "-x"),
        other => panic!("{other:?}"),
    }
    assert_refused(
        args(&["status", "--", "--json"]),
        &["unexpected argument '--json'"],
    );
}

#[test]
fn paths_keep_bytes_that_are_not_utf8_and_other_values_refuse_them_by_name() {
    let bad = || OsString::from_vec(b"st\xffte".to_vec());
    let mut argv = args(&["path", "--state"]);
    argv.push(bad());
    assert_eq!(parse(argv).unwrap().state, Some(PathBuf::from(bad())));
    let mut argv = args(&["export", "--format", "ics"]);
    argv.push(OsString::from("--output"));
    argv.push(bad());
    match parse(argv).unwrap().command {
        Some(Command::Export(x)) => assert_eq!(x.output, Some(PathBuf::from(bad()))),
        other => panic!("{other:?}"),
    }

    for (before, what) in [
        (&["--today"][..], "'--today YYYY-MM-DD'"),
        (&["done", "x", "--note"], "'--note TEXT'"),
        (&["remove"], "'ID'"),
        (&["done"], "'ITEM'"),
        (&["deadlines", "--within"], "'--within DAYS'"),
    ] {
        let mut argv = args(before);
        argv.push(bad());
        assert_refused(argv, &[what, "not valid UTF-8"]);
    }
    let mut with_equals = OsString::from("--policy=");
    with_equals.push(bad());
    assert_eq!(
        parse(vec![with_equals]).unwrap().policy,
        Some(PathBuf::from(bad()))
    );
}

#[test]
fn usage_errors_exit_2_naming_the_flag_the_value_and_the_reason() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["frobnicate"], &["unrecognized subcommand 'frobnicate'"]),
        (&["--frob"], &["unexpected argument '--frob'"]),
        (&["-x"], &["unexpected argument '-x'"]),
        (
            &["status", "--frob"],
            &["unexpected argument '--frob'", "Usage: coursera-exit status"],
        ),
        (
            &["add"],
            &[
                "required arguments were not provided",
                "--plan KIND",
                "--channel CH",
                "--started YYYY-MM-DD",
            ],
        ),
        (
            &["add", "--plan", "plus-monthly", "--channel", "web"],
            &["required", "--started YYYY-MM-DD"],
        ),
        (&["edit"], &["required", "ID", "Usage: coursera-exit edit ID"]),
        (&["remove"], &["required", "ID"]),
        (&["decide", "--keep"], &["required", "ID"]),
        (&["done"], &["required", "ITEM"]),
        (&["export"], &["required", "--format markdown|ics"]),
        (&["--today"], &["a value is required for '--today YYYY-MM-DD'"]),
        (&["path", "--state"], &["a value is required for '--state FILE'"]),
        (&["path", "--state="], &["a value is required for '--state FILE'"]),
        (
            &["decide", "s1", "--pause"],
            &["a value is required for '--pause 1|2|3'"],
        ),
        (
            &["add", "--plan", "a", "--plan", "b"],
            &["'--plan KIND' cannot be used multiple times"],
        ),
        (
            &["status", "--json", "--json"],
            &["'--json' cannot be used multiple times"],
        ),
        (&["remove", "s1", "s2"], &["unexpected argument 's2'"]),
        (&["path", "extra"], &["unexpected argument 'extra'"]),
        (&["decide", "s1"], &["--cancel", "--pause", "--keep"]),
        (
            &["decide", "s1", "--cancel", "--keep"],
            &["'--cancel' cannot be used with '--keep'"],
        ),
        (
            &["decide", "s1", "--keep", "--pause", "1"],
            &["'--keep' cannot be used with '--pause 1|2|3'"],
        ),
        (
            &["delete-account", "--requested-on", "2026-01-01", "--undo"],
            &["'--requested-on YYYY-MM-DD' cannot be used with '--undo'"],
        ),
        (
            &["delete-account", "--undo", "--requested-on", "2026-01-01"],
            &["'--undo' cannot be used with '--requested-on YYYY-MM-DD'"],
        ),
        (
            &["export", "--format", "pdf"],
            &[
                "invalid value 'pdf'",
                "--format",
                "possible values: markdown, ics",
            ],
        ),
        (
            &["export", "--format=ICS"],
            &["invalid value 'ICS'", "possible values: markdown, ics"],
        ),
        (
            &["export", "--format"],
            &[
                "value is required for '--format",
                "possible values: markdown, ics",
            ],
        ),
        (
            &["status", "--json=x"],
            &["unexpected value 'x' for '--json'", "takes no value"],
        ),
        (&["--help=x"], &["unexpected value 'x' for '--help'"]),
        (&["add", "--help=1"], &["unexpected value '1' for '--help'"]),
        (&["--version=2"], &["unexpected value '2' for '--version'"]),
        (
            &["decide", "s1", "--cancel=yes"],
            &["unexpected value 'yes' for '--cancel'"],
        ),
        (&["path", "--version"], &["unexpected argument '--version'"]),
        (&["--json", "status"], &["unexpected argument '--json'"]),
        (&["help", "nosuch"], &["unrecognized subcommand 'nosuch'"]),
        (&["help", "add", "status"], &["unexpected argument 'status'"]),
    ];
    for (argv, needles) in cases {
        assert_refused(args(argv), needles);
    }
}

#[test]
fn a_typo_in_a_subcommand_or_flag_names_the_nearest_valid_one() {
    for (argv, nearest) in [
        (&["statsu"][..], "did you mean `status`?"),
        (&["dedlines"], "did you mean `deadlines`?"),
        (&["ad"], "did you mean `add`?"),
        (&["delete-acount"], "did you mean `delete-account`?"),
        (&["hlep"], "did you mean `help`?"),
        (&["help", "exprot"], "did you mean `export`?"),
        (&["status", "--jsno"], "did you mean `--json`?"),
        (&["deadlines", "--withn", "3"], "did you mean `--within`?"),
        (&["add", "--labl", "x"], "did you mean `--label`?"),
        (
            &["edit", "s1", "--trial-day", "7"],
            "did you mean `--trial-days`?",
        ),
        // Global flags are near wherever they are typed.
        (&["--stat", "x", "path"], "did you mean `--state`?"),
        (&["path", "--tody", "2026-01-01"], "did you mean `--today`?"),
        (&["--verison"], "did you mean `--version`?"),
    ] {
        assert_refused(args(argv), &[nearest]);
    }
    // Nothing near: no guess.
    for argv in [&["frobnicate"][..], &["status", "--frob"], &["x"]] {
        let text = assert_refused(args(argv), &[]);
        assert!(!text.contains("did you mean"), "{argv:?}: {text}");
    }
}

#[test]
fn the_first_of_help_version_or_an_error_wins_left_to_right() {
    assert!(printed(&["status", "--help", "--frob"]).contains("Usage: coursera-exit status"));
    assert_refused(args(&["status", "--frob", "--help"]), &["'--frob'"]);
    assert!(printed(&["--help", "status"]).contains("Commands:"));
    assert!(printed(&["-V", "--help"]).starts_with("coursera-exit "));
    assert!(printed(&["--help", "-V"]).contains("Commands:"));
}

#[test]
fn version_prints_the_name_and_the_package_version() {
    let expected = format!("coursera-exit {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(printed(&["--version"]), expected);
    assert_eq!(printed(&["-V"]), expected);
    assert_eq!(printed(&["--version", "path"]), expected);
}

/// SPEC §6: each subcommand with its flags.
const SUBCOMMANDS: &[(&str, &[&str])] = &[
    (
        "add",
        &[
            "--plan KIND",
            "--channel CH",
            "--started YYYY-MM-DD",
            "--label TEXT",
            "--certificate-earned",
            "--trial-days N",
        ],
    ),
    (
        "edit",
        &[
            "ID",
            "--label TEXT",
            "--plan KIND",
            "--started YYYY-MM-DD",
            "--channel CH",
            "--certificate-earned true|false",
            "--trial-days N",
        ],
    ),
    ("remove", &["ID"]),
    (
        "decide",
        &["ID", "--cancel", "--pause 1|2|3", "--keep", "--on YYYY-MM-DD"],
    ),
    ("delete-account", &["--requested-on YYYY-MM-DD", "--undo"]),
    (
        "done",
        &[
            "ITEM",
            "--subscription ID",
            "--note TEXT",
            "--on YYYY-MM-DD",
            "--undo",
        ],
    ),
    ("status", &["--json"]),
    ("deadlines", &["--json", "--within DAYS"]),
    (
        "export",
        &["--format markdown|ics", "--output FILE", "--include-done"],
    ),
    ("path", &[]),
    ("region", &["eu-uk|elsewhere"]),
    ("guide", &["ID|account"]),
    ("completions", &["bash|zsh|fish"]),
    ("man", &[]),
];

const GLOBALS: &[&str] = &[
    "--state FILE",
    "--today YYYY-MM-DD",
    "--policy FILE",
    "--theme light|dark|auto",
    "--plain",
];

#[test]
fn top_help_lists_every_subcommand_and_global_flag_the_same_three_ways() {
    let help = printed(&["--help"]);
    assert_eq!(printed(&["-h"]), help);
    assert_eq!(printed(&["help"]), help);
    assert_eq!(printed(&["help", "help"]), help);
    assert_eq!(printed(&["help", "--help"]), help);
    assert_eq!(printed(&["help", "-h"]), help);
    for (name, _) in SUBCOMMANDS {
        let row = format!("\n  {name} ");
        assert!(help.contains(&row), "{name} not listed:\n{help}");
    }
    for flag in GLOBALS
        .iter()
        .chain(&["-h, --help", "-V, --version", "help [COMMAND]"])
    {
        assert!(help.contains(flag), "{flag} not in:\n{help}");
    }
    assert!(help.contains("wizard"), "{help}");
    assert!(help.contains("Exit codes"), "{help}");
}

#[test]
fn each_subcommand_help_shows_its_usage_and_every_flag_with_its_value() {
    for (name, flags) in SUBCOMMANDS {
        let help = printed(&[name, "--help"]);
        assert_eq!(printed(&[name, "-h"]), help, "{name}");
        assert_eq!(printed(&["help", name]), help, "{name}");
        assert_eq!(printed(&[name, "--state", "x", "--help"]), help, "{name}");
        let usage = help
            .lines()
            .find(|l| l.starts_with("Usage: "))
            .unwrap_or_else(|| panic!("no usage line for {name}:\n{help}"));
        assert!(
            usage.starts_with(&format!("Usage: coursera-exit {name}")),
            "{usage}"
        );
        for flag in flags.iter().chain(GLOBALS) {
            let row = format!("\n  {flag} ");
            assert!(help.contains(&row), "{name}: no row for {flag}:\n{help}");
        }
        for flag in *flags {
            let bare = flag.split(' ').next().unwrap();
            assert!(usage.contains(bare), "{name}: {bare} not in {usage}");
        }
        assert!(
            help.lines()
                .all(|l| l.chars().count() <= 80 || l.starts_with("Usage: ")),
            "{name}: a help line is wider than 80 columns:\n{help}"
        );
    }
}

// ---- through the binary: the streams and the exit codes ----

fn run(argv: &[&str]) -> (Option<i32>, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_coursera-exit"))
        .args(argv)
        .env_remove("COURSERA_EXIT_STATE")
        .output()
        .unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (out.status.code(), text(out.stdout), text(out.stderr))
}

#[test]
fn help_and_version_go_to_stdout_with_exit_0() {
    for argv in [&["--help"][..], &["help", "done"], &["export", "-h"], &["-V"]] {
        let (code, out, err) = run(argv);
        assert_eq!(code, Some(0), "{argv:?}");
        assert_eq!(err, "", "{argv:?}");
        assert_eq!(out, printed(argv), "{argv:?}");
    }
}

#[test]
fn usage_errors_go_to_stderr_with_exit_2() {
    for argv in [
        &["frobnicate"][..],
        &["add", "--plan", "x"],
        &["status", "--json=1"],
    ] {
        let (code, out, err) = run(argv);
        assert_eq!(code, Some(2), "{argv:?}");
        assert_eq!(out, "", "{argv:?}");
        let expected = parse(args(argv)).unwrap_err();
        assert_eq!(err, expected.text(), "{argv:?}");
    }
}
