//! The command line of SPEC §6: `lexopt` splits the arguments, and the small
//! grammar in `table` (one table per subcommand) checks them and writes the help.
//! clap did the same at ~200 KB of code, and the whole of `.text` is resident
//! at the first frame, so it cost most of the SPEC §7 memory budget.
//!
//! Values that need a reason when they are wrong (dates, plans, channels, ids)
//! are taken as text and checked by `commands`, so the message can name the
//! flag, the value and the reason together.

mod completions;
mod help;
mod man;
mod parse;
mod table;

pub use completions::{SHELLS, completions};
pub use man::man_page;

use std::ffi::OsString;
use std::io::Write as _;
use std::path::PathBuf;

use lexopt::Arg;

use crate::domain::text_limits::escaped_for_terminal;

use help::{help, help_command};
use parse::{Given, Level, unknown_option, unrecognized, usage, utf8};
use table::{SUBS, Sub};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cli {
    pub state: Option<PathBuf>,
    pub today: Option<String>,
    pub policy: Option<PathBuf>,
    /// `--theme`, as typed (checked where it is used).
    pub theme: Option<String>,
    /// `--plain`: the wizard line by line.
    pub plain: bool,
    /// None opens the wizard.
    pub command: Option<Command>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Add(AddArgs),
    Edit(EditArgs),
    Remove {
        id: String,
    },
    Decide(DecideArgs),
    DeleteAccount(DeleteAccountArgs),
    Account(AccountArgs),
    Region {
        region: String,
    },
    Done(DoneArgs),
    Status {
        json: bool,
    },
    Deadlines {
        json: bool,
        within: Option<String>,
    },
    Export(ExportArgs),
    Path,
    /// A subscription id, or `account`.
    Guide {
        target: String,
    },
    /// bash, zsh or fish (checked when run, so the message can list them).
    Completions {
        shell: String,
    },
    Man,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddArgs {
    pub plan: String,
    pub channel: String,
    pub started: String,
    pub label: Option<String>,
    pub certificate_earned: bool,
    pub trial_days: Option<String>,
    pub account: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditArgs {
    pub id: String,
    pub label: Option<String>,
    pub plan: Option<String>,
    pub started: Option<String>,
    pub channel: Option<String>,
    pub certificate_earned: Option<String>,
    pub trial_days: Option<String>,
    pub account: Option<String>,
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
    /// None: the only account.
    pub account: Option<String>,
    pub requested_on: Option<String>,
    pub undo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneArgs {
    pub item: String,
    pub subscription: Option<String>,
    /// For an account item: which account (None: the only one).
    pub account: Option<String>,
    pub note: Option<String>,
    pub on: Option<String>,
    pub undo: bool,
}

/// `account add|list|rename|remove`: the action as typed (checked when run,
/// so the message can list the actions), with what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountArgs {
    pub action: String,
    pub id: Option<String>,
    pub label: Option<String>,
    pub json: bool,
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
    /// ics: the done deadlines too, as cancelled events.
    pub include_done: bool,
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
    /// A usage error quotes what was typed, shown escaped.
    /// Prints the text where it goes and gives the exit code: help that could
    /// not be written (a full disk, `>/dev/full`) is an error, as for any
    /// other output; a closed pipe (`| head`) is not.
    pub fn print(&self) -> u8 {
        match self {
            Exit::Print(text) => {
                let mut out = std::io::stdout().lock();
                match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        let _ = writeln!(std::io::stderr(), "error: could not write the output: {e}");
                        1
                    }
                    _ => self.exit_code(),
                }
            }
            Exit::Usage(text) => {
                let _ = std::io::stderr()
                    .lock()
                    .write_all(escaped_for_terminal(text).as_bytes());
                self.exit_code()
            }
        }
    }
}

fn version() -> String {
    format!("coursera-exit {}\n", env!("CARGO_PKG_VERSION"))
}

/// `--help=x`, `--version=x`: these flags take no value.
fn no_value(parser: &mut lexopt::Parser, here: Option<&Sub>, name: &str) -> Result<(), Exit> {
    match parser.optional_value() {
        Some(value) => Err(usage(
            here,
            format_args!(
                "unexpected value '{}' for '--{name}' found",
                value.to_string_lossy()
            ),
        )),
        None => Ok(()),
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
            Arg::Short('h') => return Err(Exit::Print(help(here))),
            Arg::Long("help") => {
                no_value(&mut parser, here, "help")?;
                return Err(Exit::Print(help(here)));
            }
            Arg::Short('V') if here.is_none() => return Err(Exit::Print(version())),
            Arg::Long("version") if here.is_none() => {
                no_value(&mut parser, here, "version")?;
                return Err(Exit::Print(version()));
            }
            Arg::Long(name) => match level.find(name) {
                Some(slot) => level.take(slot, &mut parser)?,
                None => return Err(unknown_option(here, name)),
            },
            Arg::Short(c) => return Err(usage(here, format_args!("unexpected argument '-{c}' found"))),
            Arg::Value(value) => match here {
                None => match SUBS.iter().find(|s| value == s.name) {
                    Some(s) => sub = Some((s, Level::new(Some(s)))),
                    None if value == "help" => return Err(help_command(&mut parser)),
                    None => return Err(unrecognized(&value)),
                },
                Some(s) => match (s.positional, &level.positional, s.second, &level.second) {
                    (Some((name, _)), None, _, _) => level.positional = Some(utf8(here, name, value)?),
                    (_, Some(_), Some((name, _)), None) => level.second = Some(utf8(here, name, value)?),
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
    let [state, today, policy, theme, plain] = globals;
    Ok(Cli {
        state: state.and_then(Given::path),
        today: today.and_then(Given::text),
        policy: policy.and_then(Given::path),
        theme: theme.and_then(Given::text),
        plain: plain.is_some(),
        command,
    })
}
