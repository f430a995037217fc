//! A page described, as lines of plain text for a screen reader: words
//! where the screen has colours and symbols, numbers where it has a
//! highlight, and nothing a terminal would read as a command.

use crate::domain::deadlines::Urgency;
use crate::domain::text_limits::escaped_for_terminal;
use crate::wizard::keymap::{BINDINGS, Group};
use crate::wizard::text;
use crate::wizard::view::{Item, PageView, Para, Pick, Tone};
use crate::wizard::{Mode, Notice, NoticeKind};

/// The whole page: title, what leads in, the numbered lines, what the
/// highlighted one means, a field or a question, and what can be typed.
pub fn page(view: &PageView, mode: Mode) -> Vec<String> {
    let mut out = vec![String::new(), view.title.clone()];
    out.extend(view.heading.iter().filter(|p| p.text != view.title).map(para));
    out.extend(view.lead.iter().map(para));
    if !view.items.is_empty() {
        out.push(String::new());
        out.extend(view.items.iter().enumerate().map(|(i, item)| numbered(i, item)));
    }
    out.extend(details(view));
    out.extend(asking(view));
    out.push(what_to_type(view, mode));
    if out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    safe(out)
}

/// Only what changed from `before` to `after`: the whole page when it is
/// another page; else the lines whose state changed, the new details, a
/// field or question that opened.
pub fn changes(before: &PageView, after: &PageView, mode: Mode, asked_about: bool) -> Vec<String> {
    let same_page = before.title == after.title
        && before.heading == after.heading
        && before.items.len() == after.items.len()
        && before
            .items
            .iter()
            .zip(&after.items)
            .all(|(a, b)| a.text == b.text);
    if !same_page {
        return page(after, mode);
    }
    let mut out = Vec::new();
    if before.lead != after.lead {
        out.extend(after.lead.iter().filter(|p| !before.lead.contains(p)).map(para));
    }
    for (i, (was, now)) in before.items.iter().zip(&after.items).enumerate() {
        if was.state != now.state {
            out.push(numbered(i, now));
        }
    }
    if asked_about || before.cursor != after.cursor || before.details != after.details {
        out.extend(details(after));
        // A line with nothing more to say is said itself, once.
        if let Some(c) = after.cursor.filter(|_| after.details.is_empty())
            && let Some(item) = after.items.get(c)
            && !out.contains(&numbered(c, item))
        {
            out.push(numbered(c, item));
        }
    }
    if before.field != after.field || before.confirm != after.confirm {
        out.extend(asking(after));
        if mode == Mode::Normal {
            out.push(what_to_type(after, mode));
        }
    }
    safe(out)
}

/// A message the wizard left after the last answer.
pub fn notice(notice: &Notice) -> Vec<String> {
    let word = match notice.kind {
        NoticeKind::Error => text::PLAIN_ERROR,
        NoticeKind::Info | NoticeKind::Done => "",
    };
    safe(vec![format!("{word}{}", unmarked(&notice.text))])
}

/// How to answer, and the words that stand for the screen's keys.
pub fn help() -> Vec<String> {
    let mut out: Vec<String> = text::PLAIN_HELP.iter().map(|l| l.to_string()).collect();
    out.push(text::PLAIN_WORDS.to_string());
    out.extend(
        BINDINGS
            .iter()
            .filter(|b| !b.word.is_empty() && matches!(b.group, Group::Moving | Group::More))
            .map(|b| format!("  {}: {}", b.word, b.label)),
    );
    safe(out)
}

fn para(p: &Para) -> String {
    let word = match p.tone {
        Tone::Warning => text::PLAIN_WARNING,
        Tone::Error => text::PLAIN_ERROR,
        Tone::Due(Urgency::Overdue) => text::PLAIN_MISSED,
        _ => "",
    };
    format!("{word}{}", unmarked(&p.text))
}

/// The screen's mark at the start of a line ("✓ ", "! ") said by the tone instead.
fn unmarked(text: &str) -> &str {
    ["✓ ", "✗ ", "! ", "• "]
        .iter()
        .find_map(|mark| text.strip_prefix(mark))
        .unwrap_or(text)
}

fn numbered(i: usize, item: &Item) -> String {
    if item.state.is_empty() {
        format!("{}. {}", i + 1, item.text)
    } else {
        let state: Vec<&str> = item.state.iter().map(|s| unmarked(s)).collect();
        format!("{}. {} ({})", i + 1, item.text, state.join("; "))
    }
}

/// The highlighted line and what it means.
fn details(view: &PageView) -> Vec<String> {
    if view.details.is_empty() {
        return Vec::new();
    }
    let about = view.cursor.and_then(|c| view.items.get(c).map(|item| (c, item)));
    let mut out = vec![String::new()];
    if let Some((i, item)) = about {
        out.push(text::plain_about(i + 1, &item.text));
    }
    out.extend(view.details.iter().map(para));
    out
}

/// A field being typed or a yes/no question, with how to answer it.
pub fn asking(view: &PageView) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(field) = &view.field {
        out.push(String::new());
        out.push(text::plain_field(&field.label, &field.value));
        if let Some(error) = &field.error {
            out.push(format!("{}{error}", text::PLAIN_ERROR));
        }
        out.push(text::PLAIN_FIELD_HOW.to_string());
    }
    if let Some(confirm) = &view.confirm {
        out.push(String::new());
        out.push(confirm.title.clone());
        out.extend(confirm.lines.iter().map(para));
        out.push(text::PLAIN_YES_OR_NO.to_string());
    }
    out
}

/// What can be typed on this page: the numbers, what Enter does, the words.
fn what_to_type(view: &PageView, mode: Mode) -> String {
    if mode != Mode::Normal {
        return String::new();
    }
    let enter = view
        .commands
        .iter()
        .find(|c| c.keys.starts_with("Enter"))
        .map(|c| c.action);
    let mut words: Vec<&str> = Vec::new();
    // The page's own words; those that work on every page are in the help.
    for command in view
        .commands
        .iter()
        .take(view.own_commands)
        .chain(&[text::HELP, text::QUIT])
    {
        if let Some(word) = word_for(command.keys)
            && !words.contains(&word)
        {
            words.push(word);
        }
    }
    let numbers = match (view.items.len(), view.pick) {
        (0, _) => None,
        (n, Pick::Choose) => Some(text::plain_numbers_choose(n)),
        (n, Pick::Highlight) => Some(text::plain_numbers_read(n)),
    };
    text::plain_what_to_type(numbers.as_deref(), enter, &words)
}

/// The plain word for the key a footer entry names ("D" → "account").
fn word_for(keys: &str) -> Option<&'static str> {
    let first = keys.split(['/', ',']).next()?.split(" or ").next()?.trim();
    BINDINGS
        .iter()
        .filter(|b| !b.word.is_empty() && b.group.works_in(Mode::Normal))
        .find(|b| b.keys.iter().any(|(k, _)| k.name() == first))
        .map(|b| b.word)
}

/// Every line escaped: a label or a note may hold a terminal's escape codes.
fn safe(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| escaped_for_terminal(&l).into_owned())
        .collect()
}
