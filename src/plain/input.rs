//! A line typed at the plain prompt, read as what it asks for. Pure: the
//! mode and the page described decide what a line means.

use crate::domain::text_limits::one_line;
use crate::wizard::keymap::by_word;
use crate::wizard::text;
use crate::wizard::view::{PageView, Pick};
use crate::wizard::{Mode, Msg, TextKey};

/// What a line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Send these messages.
    Send(Vec<Msg>),
    /// Highlight line `n` (from 1) first, then send these.
    At(usize, Vec<Msg>),
    /// Highlight line `n` and say what it means, choosing nothing.
    About(usize),
    /// Open a field with `open` (on line `at`, if given), type `text` into
    /// it and accept it — refused if `open` opens no field there.
    Fill {
        at: Option<usize>,
        open: Msg,
        text: String,
    },
    /// The plain help.
    Help,
    /// The whole page again.
    Show,
}

/// Words that keep their meaning even in a field (a note cannot be just "quit").
const FIELD_WORDS: [&str; 5] = ["back", "quit", "help", "show", "clear"];

/// Reads `line` (without its line break); the reason in one line when it
/// means nothing here.
pub fn parse(line: &str, mode: Mode, view: &PageView) -> Result<Request, String> {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    match mode {
        Mode::Edit => Ok(match lower.as_str() {
            w if FIELD_WORDS.contains(&w) => match w {
                "back" => Request::Send(vec![Msg::Back]),
                "quit" => Request::Send(vec![Msg::Back, Msg::Quit]),
                "help" => Request::Help,
                "show" => Request::Show,
                _ => Request::Send(vec![Msg::Text(TextKey::Clear), Msg::Next]),
            },
            "" => Request::Send(vec![Msg::Next]),
            _ => Request::Send(typed(line)),
        }),
        Mode::Confirm => match lower.as_str() {
            "help" | "?" => Ok(Request::Help),
            "show" => Ok(Request::Show),
            word => by_word(word, mode)
                .map(|msg| Request::Send(vec![msg]))
                .ok_or_else(|| text::PLAIN_YES_OR_NO.to_string()),
        },
        // The plain front end never opens the screen's key overlay; if it
        // is open, any line closes it.
        Mode::Help => Ok(Request::Send(vec![Msg::Back])),
        Mode::Normal => normal(trimmed, &lower, view),
    }
}

fn normal(line: &str, lower: &str, view: &PageView) -> Result<Request, String> {
    match lower {
        "" => return enter(view),
        "help" | "?" => return Ok(Request::Help),
        "show" => return Ok(Request::Show),
        _ => {}
    }
    let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim_start();
    if let Ok(n) = word.parse::<usize>() {
        if !rest.is_empty() {
            return Err(text::plain_not_understood(line));
        }
        let n = line_number(n, view)?;
        return Ok(match view.pick {
            Pick::Choose => Request::At(n, vec![Msg::Next]),
            Pick::Highlight => Request::About(n),
        });
    }
    if word.eq_ignore_ascii_case("about") {
        let n = rest
            .parse::<usize>()
            .map_err(|_| text::plain_about_which(view.items.len()))?;
        return Ok(Request::About(line_number(n, view)?));
    }
    // One letter is a key (D is not d); a word is a word in any case.
    let msg = if word.chars().count() == 1 {
        by_word(word, Mode::Normal)
    } else {
        by_word(&word.to_lowercase(), Mode::Normal)
    };
    let Some(msg) = msg else {
        // A date typed at a date question that is not open yet.
        if view.field.is_some() {
            return Ok(Request::Fill {
                at: None,
                open: Msg::EditDate,
                text: line.to_string(),
            });
        }
        return Err(text::plain_not_understood(line));
    };
    if msg == Msg::Help {
        return Ok(Request::Help);
    }
    // "note 3 call on Monday", "date 2 2026-03-01", "tick 4", "remove 2".
    let (at, rest) = match rest.split_once(char::is_whitespace).unwrap_or((rest, "")) {
        (n, more) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            let n = n
                .parse::<usize>()
                .map_err(|_| text::plain_no_line(view.items.len()))?;
            (Some(line_number(n, view)?), more.trim_start())
        }
        _ => (None, rest),
    };
    Ok(match (msg, at) {
        (Msg::EditNote | Msg::EditDate, _) if !rest.is_empty() => Request::Fill {
            at,
            open: msg,
            text: rest.to_string(),
        },
        _ if !rest.is_empty() => return Err(text::plain_not_understood(line)),
        (_, Some(n)) => Request::At(n, vec![msg]),
        (_, None) => Request::Send(vec![msg]),
    })
}

/// Enter alone: what the page offers — but a question is not answered by
/// Enter unless it was answered before (then Enter keeps that answer) or has
/// one answer only: a number is asked for.
fn enter(view: &PageView) -> Result<Request, String> {
    let answered = view.items.iter().any(|i| i.given);
    if view.pick == Pick::Choose && view.items.len() > 1 && !answered {
        return Err(text::plain_enter_needs_number(view.items.len()));
    }
    Ok(Request::Send(vec![Msg::Next]))
}

/// `n` if the page has such a line.
fn line_number(n: usize, view: &PageView) -> Result<usize, String> {
    if (1..=view.items.len()).contains(&n) {
        Ok(n)
    } else {
        Err(text::plain_no_line(view.items.len()))
    }
}

/// The field emptied, `text` typed into it and accepted.
pub fn typed(text: &str) -> Vec<Msg> {
    let mut msgs = vec![Msg::Text(TextKey::Clear)];
    msgs.extend(one_line(text).chars().map(|c| Msg::Text(TextKey::Insert(c))));
    msgs.push(Msg::Next);
    msgs
}
