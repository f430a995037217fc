//! The parsing machinery: each option's value is checked for its kind as it is
//! read, and the errors read like clap's so scripts and habits carry over.

use std::ffi::OsString;
use std::path::PathBuf;

use super::table::{GLOBAL_COUNT, GLOBALS, Kind, Opt, SUBS, Sub, TOP_USAGE};
use super::{Command, Exit, Format};

/// A value as given, already checked for its kind.
pub(super) enum Given {
    Switch,
    Text(String),
    Path(PathBuf),
    Format(Format),
}

impl Given {
    pub(super) fn text(self) -> Option<String> {
        match self {
            Given::Text(text) => Some(text),
            _ => None,
        }
    }

    pub(super) fn path(self) -> Option<PathBuf> {
        match self {
            Given::Path(path) => Some(path),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
pub(super) enum Slot {
    Global(usize),
    Own(usize),
}

/// What was given on one side of the subcommand name (`sub` is None before it).
pub(super) struct Level {
    pub(super) sub: Option<&'static Sub>,
    pub(super) globals: [Option<Given>; GLOBAL_COUNT],
    pub(super) opts: Vec<Option<Given>>,
    pub(super) positional: Option<String>,
    pub(super) second: Option<String>,
}

impl Level {
    pub(super) fn new(sub: Option<&'static Sub>) -> Level {
        Level {
            sub,
            globals: Default::default(),
            opts: sub.map_or(Vec::new(), |s| s.opts.iter().map(|_| None).collect()),
            positional: None,
            second: None,
        }
    }

    fn own_opts(&self) -> &'static [Opt] {
        self.sub.map_or(&[], |s| s.opts)
    }

    pub(super) fn find(&self, name: &str) -> Option<Slot> {
        if let Some(i) = GLOBALS.iter().position(|o| o.name == name) {
            return Some(Slot::Global(i));
        }
        self.own_opts().iter().position(|o| o.name == name).map(Slot::Own)
    }

    /// Reads the option's value into its slot, refusing a second one or one it conflicts with.
    pub(super) fn take(&mut self, slot: Slot, parser: &mut lexopt::Parser) -> Result<(), Exit> {
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

    pub(super) fn command(mut self, sub: &Sub) -> Result<Command, Exit> {
        let mut missing = Vec::new();
        if let (Some((name, _)), None, false) = (sub.positional, &self.positional, sub.positional_optional) {
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

    pub(super) fn given(&mut self, name: &str) -> Option<Given> {
        let i = self.own_opts().iter().position(|o| o.name == name);
        debug_assert!(i.is_some(), "--{name} is not in the table");
        self.opts[i?].take()
    }

    pub(super) fn text(&mut self, name: &str) -> Option<String> {
        self.given(name).and_then(Given::text)
    }

    /// A required option's text; `command` has checked that it was given.
    pub(super) fn required(&mut self, name: &str) -> String {
        self.text(name).unwrap_or_default()
    }

    pub(super) fn switch(&mut self, name: &str) -> bool {
        self.given(name).is_some()
    }

    /// `command` has checked that it was given.
    pub(super) fn positional(&mut self) -> String {
        self.positional.take().unwrap_or_default()
    }

    /// A positional that may be left out.
    pub(super) fn optional_positional(&mut self) -> Option<String> {
        self.positional.take()
    }

    /// The second positional, when the table has one and it was given.
    pub(super) fn second(&mut self) -> Option<String> {
        self.second.take()
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

pub(super) fn utf8(sub: Option<&Sub>, what: &str, value: OsString) -> Result<String, Exit> {
    value.into_string().map_err(|value| {
        let value = value.to_string_lossy();
        usage(
            sub,
            format_args!("invalid value '{value}' for '{what}': not valid UTF-8"),
        )
    })
}

pub(super) fn unrecognized(name: &std::ffi::OsStr) -> Exit {
    let name = name.to_string_lossy();
    let names = SUBS.iter().map(|s| s.name).chain(["help"]);
    let tip = did_you_mean(&name, names, "");
    usage(None, format_args!("unrecognized subcommand '{name}'{tip}"))
}

/// `--name` is not an option here: the message, with the nearest one there is.
pub(super) fn unknown_option(sub: Option<&Sub>, name: &str) -> Exit {
    let own = sub
        .map_or(&[][..], |s| s.opts)
        .iter()
        .chain(&GLOBALS)
        .map(|o| o.name);
    let extra: &[&str] = if sub.is_none() {
        &["help", "version"]
    } else {
        &["help"]
    };
    let tip = did_you_mean(name, own.chain(extra.iter().copied()), "--");
    usage(sub, format_args!("unexpected argument '--{name}' found{tip}"))
}

/// "did you mean `status`?" for the candidate nearest to a typo, if one is near enough:
/// at most two edits (a swap of two neighbours is one), and fewer than half the word.
fn did_you_mean<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>, prefix: &str) -> String {
    let limit = (typed.chars().count() / 2).clamp(1, 2);
    candidates
        .map(|c| (edit_distance(typed, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map_or(String::new(), |(_, c)| {
            format!("\n\n  tip: did you mean `{prefix}{c}`?")
        })
}

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // rows[i][j]: the distance between a[..i] and b[..j]; only three rows are needed.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

pub(super) fn usage(sub: Option<&Sub>, message: impl std::fmt::Display) -> Exit {
    let line = sub.map_or(TOP_USAGE, |s| s.usage);
    Exit::Usage(format!(
        "error: {message}\n\nUsage: coursera-exit {line}\n\nFor more information, try '--help'.\n"
    ))
}
