//! A line typed at the plain prompt, read as what it asks for. Pure: the
//! mode and the page described decide what a line means.

use crate::domain::text_limits::one_line;
use crate::wizard::keymap::by_word;
use crate::wizard::view::{PageView, Pick};
use crate::wizard::{Mode, Msg, TextKey};

/// What a line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Send these messages.
    Send(Vec<Msg>),
    /// Highlight line `n` (from 1) first, then send these.
    At(usize, Vec<Msg>),
    /// The plain help.
    Help,
    /// The whole page again.
    Show,
}

/// Reads `line` (without its line break); the reason in one line when it
/// means nothing here.
pub fn parse(line: &str, mode: Mode, view: &PageView) -> Result<Request, String> {
    let trimmed = line.trim();
    match mode {
        Mode::Edit => Ok(Request::Send(match trimmed {
            "back" => vec![Msg::Back],
            "" => vec![Msg::Next],
            _ => typed(line, None),
        })),
        Mode::Confirm => match trimmed.to_ascii_lowercase().as_str() {
            "help" | "?" => Ok(Request::Help),
            "show" => Ok(Request::Show),
            word => by_word(word, mode)
                .map(|msg| Request::Send(vec![msg]))
                .ok_or_else(|| crate::wizard::text::PLAIN_YES_OR_NO.to_string()),
        },
        Mode::Help => Ok(Request::Send(vec![Msg::Back])),
        Mode::Normal => normal(trimmed, view),
    }
}

fn normal(line: &str, view: &PageView) -> Result<Request, String> {
    use crate::wizard::text;
    match line {
        "" => return Ok(Request::Send(vec![Msg::Next])),
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
        let then = match view.pick {
            Pick::Choose => vec![Msg::Next],
            Pick::Highlight => Vec::new(),
        };
        return Ok(Request::At(n, then));
    }
    let Some(msg) = by_word(word, Mode::Normal) else {
        return Err(text::plain_not_understood(line));
    };
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
    let msgs = match msg {
        Msg::EditNote | Msg::EditDate if !rest.is_empty() => typed(rest, Some(msg)),
        _ if !rest.is_empty() => return Err(text::plain_not_understood(line)),
        _ => vec![msg],
    };
    Ok(match at {
        Some(n) => Request::At(n, msgs),
        None => Request::Send(msgs),
    })
}

/// `n` if the page has such a line.
fn line_number(n: usize, view: &PageView) -> Result<usize, String> {
    if (1..=view.items.len()).contains(&n) {
        Ok(n)
    } else {
        Err(crate::wizard::text::plain_no_line(view.items.len()))
    }
}

/// The field opened by `open` (if it needs opening), emptied, `text` typed
/// into it and accepted.
fn typed(text: &str, open: Option<Msg>) -> Vec<Msg> {
    let mut msgs: Vec<Msg> = open.into_iter().collect();
    msgs.push(Msg::Text(TextKey::Clear));
    msgs.extend(one_line(text).chars().map(|c| Msg::Text(TextKey::Insert(c))));
    msgs.push(Msg::Next);
    msgs
}
