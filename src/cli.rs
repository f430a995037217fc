//! The command line of SPEC §6. Values that need a reason when they are wrong
//! (dates, plans, channels, ids) are taken as text and checked by `commands`,
//! so the message can name the flag, the value and the reason together.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "coursera-exit",
    version,
    about = "Leave Coursera cleanly: which plan you are on, pause, cancel or delete, what to save, and the exact dates.",
    long_about = "Leave Coursera cleanly: which plan you are on, pause, cancel or delete, what to save, \
and the exact dates. With no subcommand it opens the full-screen wizard.\n\n\
It never talks to Coursera: it guides, computes and remembers, in a local TOML file \
(see `coursera-exit path`)."
)]
pub struct Cli {
    /// The state file (default: your data folder; also COURSERA_EXIT_STATE).
    #[arg(long, global = true, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Compute as if today were this date.
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Use this policy file instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Track a subscription or purchase; prints its new id.
    Add(AddArgs),
    /// Change what you told us about a subscription.
    Edit(EditArgs),
    /// Stop tracking a subscription.
    Remove {
        /// The subscription id (s1, s2, …).
        id: String,
    },
    /// Record what you will do with a subscription.
    Decide(DecideArgs),
    /// Plan the deletion of your account (and record the request), or undo that.
    DeleteAccount(DeleteAccountArgs),
    /// Tick a step or checklist item (ids are listed by `status`).
    Done(DoneArgs),
    /// Everything tracked, with item ids and the deadlines.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// The dates that matter, most urgent first.
    Deadlines {
        #[arg(long)]
        json: bool,
        /// Only rows not done that fall within DAYS (overdue ones included).
        #[arg(long, value_name = "DAYS", allow_hyphen_values = true)]
        within: Option<String>,
    },
    /// Write the plan as a calendar (ics) or a record (markdown).
    Export(ExportArgs),
    /// Print the state file in use.
    Path,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// free-trial, specialization-monthly, plus-monthly, plus-annual, course-purchase or organization.
    #[arg(long, value_name = "KIND")]
    pub plan: String,
    /// web, ios, android or organization.
    #[arg(long, value_name = "CH")]
    pub channel: String,
    /// Trial start, first payment or purchase date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub started: String,
    /// A name to recognise it by (default: the plan's name).
    #[arg(long, value_name = "TEXT")]
    pub label: Option<String>,
    /// A certificate was earned under this plan.
    #[arg(long)]
    pub certificate_earned: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub id: String,
    #[arg(long, value_name = "TEXT")]
    pub label: Option<String>,
    #[arg(long, value_name = "KIND")]
    pub plan: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub started: Option<String>,
    #[arg(long, value_name = "CH")]
    pub channel: Option<String>,
    #[arg(long, value_name = "true|false")]
    pub certificate_earned: Option<String>,
}

#[derive(Debug, Args)]
// The struct's own group would hold every field (ID and --on too), so exactly-one-of
// is a separate group of the three choices.
#[group(skip)]
#[command(group(
    clap::ArgGroup::new("choice").required(true).multiple(false).args(["cancel", "pause", "keep"])
))]
pub struct DecideArgs {
    pub id: String,
    /// Cancel it (then tick `done cancelled` once you have).
    #[arg(long)]
    pub cancel: bool,
    /// Pause a monthly Specialization for 1, 2 or 3 months.
    #[arg(long, value_name = "1|2|3")]
    pub pause: Option<String>,
    /// Keep paying.
    #[arg(long)]
    pub keep: bool,
    /// The day the pause started (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeleteAccountArgs {
    /// The day you asked Coursera to delete the account.
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "undo")]
    pub requested_on: Option<String>,
    /// Keep the account after all.
    #[arg(long)]
    pub undo: bool,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// A step or checklist id, or `cancelled` / `refund-requested`.
    pub item: String,
    /// The subscription the item belongs to (not for account items).
    #[arg(long, value_name = "ID")]
    pub subscription: Option<String>,
    /// Where the PDFs went, a ticket number, …
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The day it was done (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<String>,
    /// Untick it.
    #[arg(long)]
    pub undo: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Markdown,
    Ics,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: Format,
    /// Where to write it; none or `-` for standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
