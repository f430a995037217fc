//! The grammar: every option and subcommand of SPEC §6 as data, which both the
//! parser and the help read, so the two cannot disagree.

use super::parse::{Given, Level};
use super::{
    AccountArgs, AddArgs, Command, DecideArgs, DeleteAccountArgs, DoneArgs, EditArgs, ExportArgs, Format,
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Switch,
    Text,
    /// Text that may start with `-` as a separate argument (`--within -7`).
    Signed,
    /// Any bytes but none (as clap refused an empty path).
    Path,
    Format,
}

pub(super) struct Opt {
    /// Without the leading `--`.
    pub(super) name: &'static str,
    /// The value's placeholder; empty for a switch.
    pub(super) value: &'static str,
    pub(super) kind: Kind,
    pub(super) help: &'static str,
}

const fn opt(name: &'static str, value: &'static str, kind: Kind, help: &'static str) -> Opt {
    Opt {
        name,
        value,
        kind,
        help,
    }
}

const fn switch(name: &'static str, help: &'static str) -> Opt {
    opt(name, "", Kind::Switch, help)
}

const fn text(name: &'static str, value: &'static str, help: &'static str) -> Opt {
    opt(name, value, Kind::Text, help)
}

impl Opt {
    /// How messages and help name it: `--plan KIND`, `--json`.
    pub(super) fn label(&self) -> String {
        match self.kind {
            Kind::Switch => format!("--{}", self.name),
            _ => format!("--{} {}", self.name, self.value),
        }
    }
}

pub(super) struct Sub {
    pub(super) name: &'static str,
    pub(super) about: &'static str,
    /// After `coursera-exit `, as in SPEC §6.
    pub(super) usage: &'static str,
    /// (placeholder, help)
    pub(super) positional: Option<(&'static str, &'static str)>,
    /// The positional may be left out (`delete-account [ID]`).
    pub(super) positional_optional: bool,
    /// A second positional, always optional (`account remove ID`): (placeholder, help).
    pub(super) second: Option<(&'static str, &'static str)>,
    pub(super) opts: &'static [Opt],
    pub(super) required: &'static [&'static str],
    /// At most one of these may be given; with `exactly_one`, also at least one.
    pub(super) one_of: &'static [&'static str],
    pub(super) exactly_one: bool,
    pub(super) build: fn(&mut Level) -> Command,
}

pub(super) const TOP_USAGE: &str =
    "[--state FILE] [--today YYYY-MM-DD] [--policy FILE] [--theme light|dark|auto] [--plain] [COMMAND]";

pub(super) const GLOBAL_COUNT: usize = 5;

/// In the order of `GLOBALS`, which is the order of the fields of `Cli`.
pub(super) const GLOBALS: [Opt; GLOBAL_COUNT] = [
    opt(
        "state",
        "FILE",
        Kind::Path,
        "The state file (default: your data folder; also COURSERA_EXIT_STATE)",
    ),
    text("today", "YYYY-MM-DD", "Compute as if today were this date"),
    opt(
        "policy",
        "FILE",
        Kind::Path,
        "Use this policy file instead of the built-in one",
    ),
    text(
        "theme",
        "light|dark|auto",
        "The wizard's colours: light, dark or auto (from COLORFGBG, else dark)",
    ),
    switch(
        "plain",
        "The wizard line by line, for screen readers and scripts (also COURSERA_EXIT_PLAIN=1)",
    ),
];

const ID: Option<(&str, &str)> = Some(("ID", "The subscription id (s1, s2, …; listed by `status`)"));
const JSON: Opt = switch("json", "Print JSON instead of text");
const PLANS: &str =
    "free-trial, specialization-monthly, plus-monthly, plus-annual, course-purchase or organization";
const CHANNELS: &str = "Where you pay: web, ios, android or organization";
const ACCOUNT: &str = "The account that pays for it (a1, a2, …; listed by `account list`); \
                       needed once there are several";
const TRIAL_DAYS: &str =
    "A free trial's length, 1 to 31 days, as the checkout page says (default: the policy's, 7)";

pub(super) const SUBS: &[Sub] = &[
    Sub {
        name: "add",
        about: "Track a subscription or purchase; prints its new id.",
        usage: "add --plan KIND --channel CH --started YYYY-MM-DD [--label TEXT] [--certificate-earned] \
                [--trial-days N] [--account ID]",
        positional: None,
        positional_optional: false,
        second: None,
        opts: &[
            text("plan", "KIND", PLANS),
            text("channel", "CH", CHANNELS),
            text(
                "started",
                "YYYY-MM-DD",
                "Trial start, first payment or purchase date",
            ),
            text(
                "label",
                "TEXT",
                "A name to recognise it by (default: the plan's name)",
            ),
            switch("certificate-earned", "A certificate was earned under this plan"),
            text("trial-days", "N", TRIAL_DAYS),
            text("account", "ID", ACCOUNT),
        ],
        required: &["plan", "channel", "started"],
        one_of: &[],
        exactly_one: false,
        build: |l| {
            Command::Add(AddArgs {
                plan: l.required("plan"),
                channel: l.required("channel"),
                started: l.required("started"),
                label: l.text("label"),
                certificate_earned: l.switch("certificate-earned"),
                trial_days: l.text("trial-days"),
                account: l.text("account"),
            })
        },
    },
    Sub {
        name: "edit",
        about: "Change what you told us about a subscription; the dates follow.",
        usage: "edit ID [--label TEXT] [--plan KIND] [--started YYYY-MM-DD] [--channel CH] \
                [--certificate-earned true|false] [--trial-days N] [--account ID]",
        positional: ID,
        positional_optional: false,
        second: None,
        opts: &[
            text("label", "TEXT", "A new name to recognise it by"),
            text("plan", "KIND", PLANS),
            text(
                "started",
                "YYYY-MM-DD",
                "Trial start, first payment or purchase date",
            ),
            text("channel", "CH", CHANNELS),
            text(
                "certificate-earned",
                "true|false",
                "Whether a certificate was earned under this plan",
            ),
            text("trial-days", "N", TRIAL_DAYS),
            text("account", "ID", "The account that pays for it (a1, a2, …)"),
        ],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| {
            Command::Edit(EditArgs {
                id: l.positional(),
                label: l.text("label"),
                plan: l.text("plan"),
                started: l.text("started"),
                channel: l.text("channel"),
                certificate_earned: l.text("certificate-earned"),
                trial_days: l.text("trial-days"),
                account: l.text("account"),
            })
        },
    },
    Sub {
        name: "remove",
        about: "Stop tracking a subscription.",
        usage: "remove ID",
        positional: ID,
        positional_optional: false,
        second: None,
        opts: &[],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| Command::Remove { id: l.positional() },
    },
    Sub {
        name: "decide",
        about: "Record what you will do with a subscription.",
        usage: "decide ID (--cancel | --pause 1|2|3 | --keep) [--on YYYY-MM-DD]",
        positional: ID,
        positional_optional: false,
        second: None,
        opts: &[
            switch("cancel", "Cancel it (then tick `done cancelled` once you have)"),
            text(
                "pause",
                "1|2|3",
                "Pause a monthly Specialization for 1, 2 or 3 months",
            ),
            switch("keep", "Keep paying"),
            text(
                "on",
                "YYYY-MM-DD",
                "The day the pause started (default: today); only with --pause",
            ),
        ],
        required: &[],
        one_of: &["cancel", "pause", "keep"],
        exactly_one: true,
        build: |l| {
            Command::Decide(DecideArgs {
                id: l.positional(),
                cancel: l.switch("cancel"),
                pause: l.text("pause"),
                keep: l.switch("keep"),
                on: l.text("on"),
            })
        },
    },
    Sub {
        name: "delete-account",
        about: "Plan the deletion of an account (and record the request), or undo that.",
        usage: "delete-account [ID] [--requested-on YYYY-MM-DD | --undo]",
        positional: Some((
            "ID",
            "The account (a1, a2, …; listed by `account list`); may be left out while there is one",
        )),
        positional_optional: true,
        second: None,
        opts: &[
            text(
                "requested-on",
                "YYYY-MM-DD",
                "The day you asked Coursera to delete the account",
            ),
            switch("undo", "Keep the account after all"),
        ],
        required: &[],
        one_of: &["requested-on", "undo"],
        exactly_one: false,
        build: |l| {
            Command::DeleteAccount(DeleteAccountArgs {
                account: l.optional_positional(),
                requested_on: l.text("requested-on"),
                undo: l.switch("undo"),
            })
        },
    },
    Sub {
        name: "account",
        about: "Several Coursera accounts: add one, list them, rename or remove one.",
        usage: "account add --label TEXT | account list [--json] | account rename ID --label TEXT | account remove ID",
        positional: Some((
            "add|list|rename|remove",
            "add: track another account (prints its id); list: every account; rename: a new label; \
             remove: stop tracking one that pays for nothing",
        )),
        positional_optional: false,
        second: Some(("ID", "The account to rename or remove (a1, a2, …)")),
        opts: &[
            text(
                "label",
                "TEXT",
                "How you tell the account apart: its email, \"Google sign-in\", …",
            ),
            JSON,
        ],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| {
            Command::Account(AccountArgs {
                action: l.positional(),
                id: l.second(),
                label: l.text("label"),
                json: l.switch("json"),
            })
        },
    },
    Sub {
        name: "region",
        about: "Say where you live: the EU/UK right of withdrawal depends on it.",
        usage: "region eu-uk|elsewhere",
        positional: Some((
            "eu-uk|elsewhere",
            "eu-uk: you live in the EU or the UK; elsewhere: anywhere else",
        )),
        positional_optional: false,
        second: None,
        opts: &[],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| Command::Region {
            region: l.positional(),
        },
    },
    Sub {
        name: "done",
        about: "Tick a step or checklist item (ids are listed by `status`).",
        usage: "done ITEM [--subscription ID | --account ID] [--note TEXT] [--on YYYY-MM-DD] [--undo]",
        positional: Some((
            "ITEM",
            "A step or checklist id, or `cancelled` / `refund-requested` / `refund-received`",
        )),
        positional_optional: false,
        second: None,
        opts: &[
            text(
                "subscription",
                "ID",
                "The subscription the item belongs to (not for account items)",
            ),
            text(
                "account",
                "ID",
                "The account an account item belongs to (a1, a2, …); needed once there are several",
            ),
            text("note", "TEXT", "Where the PDFs went, a ticket number, …"),
            text("on", "YYYY-MM-DD", "The day it was done (default: today)"),
            switch("undo", "Untick it"),
        ],
        required: &[],
        one_of: &["subscription", "account"],
        exactly_one: false,
        build: |l| {
            Command::Done(DoneArgs {
                item: l.positional(),
                subscription: l.text("subscription"),
                account: l.text("account"),
                note: l.text("note"),
                on: l.text("on"),
                undo: l.switch("undo"),
            })
        },
    },
    Sub {
        name: "status",
        about: "Everything tracked, with item ids and the deadlines.",
        usage: "status [--json]",
        positional: None,
        positional_optional: false,
        second: None,
        opts: &[JSON],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| Command::Status {
            json: l.switch("json"),
        },
    },
    Sub {
        name: "deadlines",
        about: "The dates that matter, most urgent first.",
        usage: "deadlines [--json] [--within DAYS]",
        positional: None,
        positional_optional: false,
        second: None,
        opts: &[
            JSON,
            opt(
                "within",
                "DAYS",
                Kind::Signed,
                "Only rows not done that fall within DAYS (overdue ones included)",
            ),
        ],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| Command::Deadlines {
            json: l.switch("json"),
            within: l.text("within"),
        },
    },
    Sub {
        name: "export",
        about: "Write the plan as a calendar (ics) or a record (markdown).",
        usage: "export --format markdown|ics [--output FILE] [--include-done]",
        positional: None,
        positional_optional: false,
        second: None,
        opts: &[
            opt(
                "format",
                "markdown|ics",
                Kind::Format,
                "ics: every deadline with a reminder the day before; markdown: a record to keep",
            ),
            opt(
                "output",
                "FILE",
                Kind::Path,
                "Where to write it; none or `-` for standard output",
            ),
            switch(
                "include-done",
                "ics: the done deadlines too, as cancelled events that clear an earlier import \
                 (markdown lists them always)",
            ),
        ],
        required: &["format"],
        one_of: &[],
        exactly_one: false,
        build: |l| {
            Command::Export(ExportArgs {
                format: match l.given("format") {
                    Some(Given::Format(format)) => format,
                    // Required, so checked before building.
                    _ => Format::Markdown,
                },
                output: l.given("output").and_then(Given::path),
                include_done: l.switch("include-done"),
            })
        },
    },
    Sub {
        name: "path",
        about: "Print the state file in use.",
        usage: "path",
        positional: None,
        positional_optional: false,
        second: None,
        opts: &[],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |_| Command::Path,
    },
    Sub {
        name: "guide",
        about: "A subscription's steps, or what to save before deleting an account, as text.",
        usage: "guide ID|account",
        positional: Some((
            "ID|account",
            "A subscription id (listed by `status`), or `account` (or an account id, a1, a2, …) \
             for an account's checklist",
        )),
        positional_optional: false,
        second: None,
        opts: &[],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| Command::Guide {
            target: l.positional(),
        },
    },
    Sub {
        name: "completions",
        about: "Print a shell completion script (bash, zsh or fish).",
        usage: "completions bash|zsh|fish",
        positional: Some((
            "bash|zsh|fish",
            "The shell; the script goes to standard output (where each \
             shell looks for it: the README, \"Shell completions\")",
        )),
        positional_optional: false,
        second: None,
        opts: &[],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| Command::Completions {
            shell: l.positional(),
        },
    },
    Sub {
        name: "man",
        about: "Print the manual page (roff); e.g. `coursera-exit man | man -l -`.",
        usage: "man",
        positional: None,
        positional_optional: false,
        second: None,
        opts: &[],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |_| Command::Man,
    },
];
