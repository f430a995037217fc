//! The help text, written from the grammar table: `--help` at any level and `help [COMMAND]`.

use std::ffi::OsString;
use std::fmt::Write as _;

use super::Exit;
use super::parse::{unrecognized, usage};
use super::table::{GLOBALS, SUBS, Sub, TOP_USAGE};

pub(super) const ABOUT: &str =
    "Leave Coursera cleanly: which plan you are on, pause, cancel or delete, what to
save, and the exact dates. With no command it opens the full-screen wizard.

It never talks to Coursera: it guides, computes and remembers, in a local TOML
file (see `coursera-exit path`).";

pub(super) const EXIT_CODES: &str = "Exit codes: 0 ok; 1 error; 2 bad usage or value, or the wizard without a
terminal; 3 the state file is in use by another coursera-exit; 130, 143, 129
the wizard ended by Ctrl-C, SIGTERM or SIGHUP (the state saved).";

/// `help [COMMAND]`: the rest of the line names at most one subcommand.
pub(super) fn help_command(parser: &mut lexopt::Parser) -> Exit {
    let rest: Vec<OsString> = parser.raw_args().map(|raw| raw.collect()).unwrap_or_default();
    let sub = match rest.first() {
        None => None,
        Some(name) if name == "help" || name == "--help" || name == "-h" => None,
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

/// Help lines are folded to this width; the left column is as wide as its widest entry.
const WIDTH: usize = 80;

pub(super) fn help(sub: Option<&Sub>) -> String {
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
    let arguments: Vec<(String, &str)> = sub
        .positional
        .iter()
        .chain(&sub.second)
        .map(|&(n, h)| (n.to_string(), h))
        .collect();
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
