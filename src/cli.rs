//! The command line of SPEC §6: `lexopt` splits the arguments, and the small
//! grammar below (one table per subcommand) checks them and writes the help.
//! clap did the same at ~200 KB of code, and the whole of `.text` is resident
//! at the first frame, so it cost most of the SPEC §7 memory budget.
//!
//! Values that need a reason when they are wrong (dates, plans, channels, ids)
//! are taken as text and checked by `commands`, so the message can name the
//! flag, the value and the reason together.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use lexopt::Arg;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cli {
    pub state: Option<PathBuf>,
    pub today: Option<String>,
    pub policy: Option<PathBuf>,
    /// None opens the wizard.
    pub command: Option<Command>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Add(AddArgs),
    Edit(EditArgs),
    Remove { id: String },
    Decide(DecideArgs),
    DeleteAccount(DeleteAccountArgs),
    Done(DoneArgs),
    Status { json: bool },
    Deadlines { json: bool, within: Option<String> },
    Export(ExportArgs),
    Path,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddArgs {
    pub plan: String,
    pub channel: String,
    pub started: String,
    pub label: Option<String>,
    pub certificate_earned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditArgs {
    pub id: String,
    pub label: Option<String>,
    pub plan: Option<String>,
    pub started: Option<String>,
    pub channel: Option<String>,
    pub certificate_earned: Option<String>,
}

/// Exactly one of `cancel`, `pause` and `keep` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecideArgs {
    pub id: String,
    pub cancel: bool,
    pub pause: Option<String>,
    pub keep: bool,
    pub on: Option<String>,
}

/// `requested_on` and `undo` are never both set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteAccountArgs {
    pub requested_on: Option<String>,
    pub undo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneArgs {
    pub item: String,
    pub subscription: Option<String>,
    pub note: Option<String>,
    pub on: Option<String>,
    pub undo: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Ics,
}

impl Format {
    const ALL: [(&'static str, Format); 2] = [("markdown", Format::Markdown), ("ics", Format::Ics)];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportArgs {
    pub format: Format,
    /// None or `-` is standard output.
    pub output: Option<PathBuf>,
}

/// Why parsing ended without a `Cli`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Help or the version: standard output, exit 0.
    Print(String),
    /// Bad usage: standard error, exit 2; the text is whole (`error: …`, the usage, a hint).
    Usage(String),
}

impl Exit {
    pub fn exit_code(&self) -> u8 {
        match self {
            Exit::Print(_) => 0,
            Exit::Usage(_) => 2,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Exit::Print(text) | Exit::Usage(text) => text,
        }
    }

    /// Writes the text where it belongs; a closed stream is not worth a second error.
    pub fn print(&self) {
        let _ = match self {
            Exit::Print(text) => std::io::stdout().lock().write_all(text.as_bytes()),
            Exit::Usage(text) => std::io::stderr().lock().write_all(text.as_bytes()),
        };
    }
}

/// Parses the arguments after the program name (`std::env::args_os().skip(1)`).
/// Left to right, like clap: the first of help, the version or an error wins.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, Exit> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut top = Level::new(None);
    let mut sub: Option<(&Sub, Level)> = None;
    loop {
        let level = sub.as_mut().map_or(&mut top, |(_, level)| level);
        let here = level.sub;
        let Some(arg) = parser.next().map_err(|e| usage(here, e))? else {
            break;
        };
        match arg {
            Arg::Short('h') | Arg::Long("help") => return Err(Exit::Print(help(here))),
            Arg::Short('V') | Arg::Long("version") if here.is_none() => {
                return Err(Exit::Print(format!(
                    "coursera-exit {}\n",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            Arg::Long(name) => match level.find(name) {
                Some(slot) => level.take(slot, &mut parser)?,
                None => return Err(usage(here, format_args!("unexpected argument '--{name}' found"))),
            },
            Arg::Short(c) => return Err(usage(here, format_args!("unexpected argument '-{c}' found"))),
            Arg::Value(value) => match here {
                None => match SUBS.iter().find(|s| value == s.name) {
                    Some(s) => sub = Some((s, Level::new(Some(s)))),
                    None if value == "help" => return Err(help_command(&mut parser)),
                    None => return Err(unrecognized(&value)),
                },
                Some(s) => match (s.positional, &level.positional) {
                    (Some((name, _)), None) => level.positional = Some(utf8(here, name, value)?),
                    _ => {
                        let value = value.to_string_lossy();
                        return Err(usage(here, format_args!("unexpected argument '{value}' found")));
                    }
                },
            },
        }
    }
    let mut globals = top.globals;
    let command = match sub {
        Some((s, mut level)) => {
            // Given on both sides of the subcommand, the later one wins (as with clap), so an
            // alias that sets `--state` can still be pointed elsewhere.
            for (global, later) in globals.iter_mut().zip(&mut level.globals) {
                if later.is_some() {
                    *global = later.take();
                }
            }
            Some(level.command(s)?)
        }
        None => None,
    };
    let [state, today, policy] = globals;
    Ok(Cli {
        state: state.and_then(Given::path),
        today: today.and_then(Given::text),
        policy: policy.and_then(Given::path),
        command,
    })
}

// ---- the grammar ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Switch,
    Text,
    /// Text that may start with `-` as a separate argument (`--within -7`).
    Signed,
    /// Any bytes but none (as clap refused an empty path).
    Path,
    Format,
}

struct Opt {
    /// Without the leading `--`.
    name: &'static str,
    /// The value's placeholder; empty for a switch.
    value: &'static str,
    kind: Kind,
    help: &'static str,
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
    fn label(&self) -> String {
        match self.kind {
            Kind::Switch => format!("--{}", self.name),
            _ => format!("--{} {}", self.name, self.value),
        }
    }
}

struct Sub {
    name: &'static str,
    about: &'static str,
    /// After `coursera-exit `, as in SPEC §6.
    usage: &'static str,
    /// (placeholder, help)
    positional: Option<(&'static str, &'static str)>,
    opts: &'static [Opt],
    required: &'static [&'static str],
    /// At most one of these may be given; with `exactly_one`, also at least one.
    one_of: &'static [&'static str],
    exactly_one: bool,
    build: fn(&mut Level) -> Command,
}

const TOP_USAGE: &str = "[--state FILE] [--today YYYY-MM-DD] [--policy FILE] [COMMAND]";

const ABOUT: &str = "Leave Coursera cleanly: which plan you are on, pause, cancel or delete, what to
save, and the exact dates. With no command it opens the full-screen wizard.

It never talks to Coursera: it guides, computes and remembers, in a local TOML
file (see `coursera-exit path`).";

const EXIT_CODES: &str = "Exit codes: 0 ok; 1 error; 2 bad usage or value, or the wizard without a
terminal; 3 the state file is in use by another coursera-exit.";

/// In the order of `GLOBALS`, which is the order of the fields of `Cli`.
const GLOBALS: [Opt; 3] = [
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
];

const ID: Option<(&str, &str)> = Some(("ID", "The subscription id (s1, s2, …; listed by `status`)"));
const JSON: Opt = switch("json", "Print JSON instead of text");
const PLANS: &str =
    "free-trial, specialization-monthly, plus-monthly, plus-annual, course-purchase or organization";
const CHANNELS: &str = "Where you pay: web, ios, android or organization";

const SUBS: &[Sub] = &[
    Sub {
        name: "add",
        about: "Track a subscription or purchase; prints its new id.",
        usage: "add --plan KIND --channel CH --started YYYY-MM-DD [--label TEXT] [--certificate-earned]",
        positional: None,
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
            })
        },
    },
    Sub {
        name: "edit",
        about: "Change what you told us about a subscription; the dates follow.",
        usage: "edit ID [--label TEXT] [--plan KIND] [--started YYYY-MM-DD] [--channel CH] \
                [--certificate-earned true|false]",
        positional: ID,
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
            })
        },
    },
    Sub {
        name: "remove",
        about: "Stop tracking a subscription.",
        usage: "remove ID",
        positional: ID,
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
        about: "Plan the deletion of your account (and record the request), or undo that.",
        usage: "delete-account [--requested-on YYYY-MM-DD | --undo]",
        positional: None,
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
                requested_on: l.text("requested-on"),
                undo: l.switch("undo"),
            })
        },
    },
    Sub {
        name: "done",
        about: "Tick a step or checklist item (ids are listed by `status`).",
        usage: "done ITEM [--subscription ID] [--note TEXT] [--on YYYY-MM-DD] [--undo]",
        positional: Some((
            "ITEM",
            "A step or checklist id, or `cancelled` / `refund-requested`",
        )),
        opts: &[
            text(
                "subscription",
                "ID",
                "The subscription the item belongs to (not for account items)",
            ),
            text("note", "TEXT", "Where the PDFs went, a ticket number, …"),
            text("on", "YYYY-MM-DD", "The day it was done (default: today)"),
            switch("undo", "Untick it"),
        ],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |l| {
            Command::Done(DoneArgs {
                item: l.positional(),
                subscription: l.text("subscription"),
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
        usage: "export --format markdown|ics [--output FILE]",
        positional: None,
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
            })
        },
    },
    Sub {
        name: "path",
        about: "Print the state file in use.",
        usage: "path",
        positional: None,
        opts: &[],
        required: &[],
        one_of: &[],
        exactly_one: false,
        build: |_| Command::Path,
    },
];

// ---- parsing ----

/// A value as given, already checked for its kind.
enum Given {
    Switch,
    Text(String),
    Path(PathBuf),
    Format(Format),
}

impl Given {
    fn text(self) -> Option<String> {
        match self {
            Given::Text(text) => Some(text),
            _ => None,
        }
    }

    fn path(self) -> Option<PathBuf> {
        match self {
            Given::Path(path) => Some(path),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
enum Slot {
    Global(usize),
    Own(usize),
}

/// What was given on one side of the subcommand name (`sub` is None before it).
struct Level {
    sub: Option<&'static Sub>,
    globals: [Option<Given>; 3],
    opts: Vec<Option<Given>>,
    positional: Option<String>,
}

impl Level {
    fn new(sub: Option<&'static Sub>) -> Level {
        Level {
            sub,
            globals: [None, None, None],
            opts: sub.map_or(Vec::new(), |s| s.opts.iter().map(|_| None).collect()),
            positional: None,
        }
    }

    fn own_opts(&self) -> &'static [Opt] {
        self.sub.map_or(&[], |s| s.opts)
    }

    fn find(&self, name: &str) -> Option<Slot> {
        if let Some(i) = GLOBALS.iter().position(|o| o.name == name) {
            return Some(Slot::Global(i));
        }
        self.own_opts().iter().position(|o| o.name == name).map(Slot::Own)
    }

    /// Reads the option's value into its slot, refusing a second one or one it conflicts with.
    fn take(&mut self, slot: Slot, parser: &mut lexopt::Parser) -> Result<(), Exit> {
        let (opt, given) = match slot {
            Slot::Global(i) => (&GLOBALS[i], &self.globals[i]),
            Slot::Own(i) => (&self.own_opts()[i], &self.opts[i]),
        };
        if given.is_some() {
            let label = opt.label();
            return Err(usage(
                self.sub,
                format_args!("the argument '{label}' cannot be used multiple times"),
            ));
        }
        if let Some(sub) = self.sub.filter(|s| s.one_of.contains(&opt.name)) {
            let earlier = sub.one_of.iter().find_map(|name| {
                let i = sub.opts.iter().position(|o| o.name == *name)?;
                self.opts[i].as_ref().map(|_| &sub.opts[i])
            });
            if let Some(earlier) = earlier {
                let (earlier, label) = (earlier.label(), opt.label());
                return Err(usage(
                    self.sub,
                    format_args!("the argument '{earlier}' cannot be used with '{label}'"),
                ));
            }
        }
        let value = read(self.sub, opt, parser)?;
        match slot {
            Slot::Global(i) => self.globals[i] = Some(value),
            Slot::Own(i) => self.opts[i] = Some(value),
        }
        Ok(())
    }

    fn is_given(&self, name: &str) -> bool {
        let i = self.own_opts().iter().position(|o| o.name == name);
        i.is_some_and(|i| self.opts[i].is_some())
    }

    fn command(mut self, sub: &Sub) -> Result<Command, Exit> {
        let mut missing = Vec::new();
        if let (Some((name, _)), None) = (sub.positional, &self.positional) {
            missing.push(name.to_string());
        }
        for opt in sub.opts.iter().filter(|o| sub.required.contains(&o.name)) {
            if !self.is_given(opt.name) {
                missing.push(opt.label());
            }
        }
        if sub.exactly_one && !sub.one_of.iter().any(|name| self.is_given(name)) {
            let choices: Vec<String> = sub
                .opts
                .iter()
                .filter(|o| sub.one_of.contains(&o.name))
                .map(Opt::label)
                .collect();
            missing.push(format!("one of {}", choices.join(", ")));
        }
        if !missing.is_empty() {
            let list = missing.join("\n  ");
            return Err(usage(
                Some(sub),
                format_args!("the following required arguments were not provided:\n  {list}"),
            ));
        }
        Ok((sub.build)(&mut self))
    }

    fn given(&mut self, name: &str) -> Option<Given> {
        let i = self.own_opts().iter().position(|o| o.name == name);
        debug_assert!(i.is_some(), "--{name} is not in the table");
        self.opts[i?].take()
    }

    fn text(&mut self, name: &str) -> Option<String> {
        self.given(name).and_then(Given::text)
    }

    /// A required option's text; `command` has checked that it was given.
    fn required(&mut self, name: &str) -> String {
        self.text(name).unwrap_or_default()
    }

    fn switch(&mut self, name: &str) -> bool {
        self.given(name).is_some()
    }

    /// `command` has checked that it was given.
    fn positional(&mut self) -> String {
        self.positional.take().unwrap_or_default()
    }
}

/// The option's value: `--flag=value` as written, or the next argument unless it looks
/// like an option (then the value was most likely forgotten, as clap judged too).
fn read(sub: Option<&Sub>, opt: &Opt, parser: &mut lexopt::Parser) -> Result<Given, Exit> {
    let attached = parser.optional_value();
    if opt.kind == Kind::Switch {
        return match attached {
            None => Ok(Given::Switch),
            Some(value) => {
                let (value, name) = (value.to_string_lossy(), opt.name);
                Err(usage(
                    sub,
                    format_args!("unexpected value '{value}' for '--{name}': it takes no value"),
                ))
            }
        };
    }
    let label = opt.label();
    let missing = |tip: String| {
        let list = if opt.kind == Kind::Format {
            possible_values()
        } else {
            String::new()
        };
        usage(
            sub,
            format_args!("a value is required for '{label}' but none was supplied{list}{tip}"),
        )
    };
    let value = match attached {
        Some(value) => value,
        None => match parser.value() {
            Err(_) => return Err(missing(String::new())),
            Ok(value) if opt.kind == Kind::Signed || !looks_like_option(&value) => value,
            Ok(value) => {
                let value = value.to_string_lossy();
                let tip = match value.starts_with("--") {
                    true => String::new(),
                    false => format!(
                        "\n\n  tip: to pass '{value}' as the value, write '--{}={value}'",
                        opt.name
                    ),
                };
                return Err(missing(tip));
            }
        },
    };
    match opt.kind {
        Kind::Path if value.is_empty() => Err(missing(String::new())),
        Kind::Path => Ok(Given::Path(value.into())),
        Kind::Format => {
            let found = Format::ALL.iter().find(|(name, _)| value == *name);
            let value = value.to_string_lossy();
            let list = possible_values();
            found
                .map(|&(_, format)| Given::Format(format))
                .ok_or_else(|| usage(sub, format_args!("invalid value '{value}' for '{label}'{list}")))
        }
        _ => utf8(sub, &label, value).map(Given::Text),
    }
}

fn looks_like_option(value: &std::ffi::OsStr) -> bool {
    value.len() > 1 && value.as_encoded_bytes().starts_with(b"-")
}

fn possible_values() -> String {
    let names: Vec<&str> = Format::ALL.iter().map(|(name, _)| *name).collect();
    format!("\n  [possible values: {}]", names.join(", "))
}

fn utf8(sub: Option<&Sub>, what: &str, value: OsString) -> Result<String, Exit> {
    value.into_string().map_err(|value| {
        let value = value.to_string_lossy();
        usage(
            sub,
            format_args!("invalid value '{value}' for '{what}': not valid UTF-8"),
        )
    })
}

fn unrecognized(name: &std::ffi::OsStr) -> Exit {
    let name = name.to_string_lossy();
    usage(None, format_args!("unrecognized subcommand '{name}'"))
}

fn usage(sub: Option<&Sub>, message: impl std::fmt::Display) -> Exit {
    let line = sub.map_or(TOP_USAGE, |s| s.usage);
    Exit::Usage(format!(
        "error: {message}\n\nUsage: coursera-exit {line}\n\nFor more information, try '--help'.\n"
    ))
}

/// `help [COMMAND]`: the rest of the line names at most one subcommand.
fn help_command(parser: &mut lexopt::Parser) -> Exit {
    let rest: Vec<OsString> = parser.raw_args().map(|raw| raw.collect()).unwrap_or_default();
    let sub = match rest.first() {
        None => None,
        Some(name) if name == "help" => None,
        Some(name) => match SUBS.iter().find(|s| name == s.name) {
            Some(sub) => Some(sub),
            None => return unrecognized(name),
        },
    };
    match rest.get(1) {
        None => Exit::Print(help(sub)),
        Some(extra) => {
            let extra = extra.to_string_lossy();
            usage(
                None,
                format_args!("unexpected argument '{extra}' found after 'help'"),
            )
        }
    }
}

// ---- help ----

/// Help lines are folded to this width; the left column is as wide as its widest entry.
const WIDTH: usize = 80;

fn help(sub: Option<&Sub>) -> String {
    let globals: Vec<(String, &str)> = GLOBALS.iter().map(|o| (o.label(), o.help)).collect();
    let help_row = ("-h, --help".to_string(), "Print help");
    let mut out = String::new();
    let Some(sub) = sub else {
        let mut commands: Vec<(String, &str)> = SUBS
            .iter()
            .map(|s| (s.name.to_string(), s.about.trim_end_matches('.')))
            .collect();
        commands.push((
            "help [COMMAND]".to_string(),
            "Print this help, or the help of COMMAND",
        ));
        let mut options = globals;
        options.push(help_row);
        options.push(("-V, --version".to_string(), "Print the version"));
        let _ = writeln!(out, "{ABOUT}\n\nUsage: coursera-exit {TOP_USAGE}");
        sections(
            &mut out,
            &[
                ("Commands:", commands),
                ("Options (before or after the command):", options),
            ],
        );
        let _ = writeln!(out, "\n{EXIT_CODES}");
        return out;
    };
    let _ = writeln!(out, "{}\n\nUsage: coursera-exit {}", sub.about, sub.usage);
    let arguments: Vec<(String, &str)> = sub.positional.iter().map(|&(n, h)| (n.to_string(), h)).collect();
    let mut options: Vec<(String, &str)> = sub.opts.iter().map(|o| (o.label(), o.help)).collect();
    options.push(help_row);
    sections(
        &mut out,
        &[
            ("Arguments:", arguments),
            ("Options:", options),
            ("Global options (before or after the command):", globals),
        ],
    );
    out
}

fn sections(out: &mut String, sections: &[(&str, Vec<(String, &str)>)]) {
    let left = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(l, _)| l.chars().count()))
        .max()
        .unwrap_or(0);
    for (title, rows) in sections.iter().filter(|(_, rows)| !rows.is_empty()) {
        let _ = write!(out, "\n{title}\n");
        for (label, text) in rows {
            let _ = write!(out, "  {label:left$}  ");
            fold(out, text, left + 4);
        }
    }
}

/// Writes `text` folded at `WIDTH` between words, continuation lines indented by `indent`.
fn fold(out: &mut String, text: &str, indent: usize) {
    let mut column = indent;
    for (i, word) in text.split(' ').enumerate() {
        let len = word.chars().count();
        if i > 0 && column + 1 + len > WIDTH {
            let _ = write!(out, "\n{:indent$}", "");
            column = indent;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += len;
    }
    out.push('\n');
}
