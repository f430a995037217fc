//! A page described, as lines of plain text for a screen reader: words
//! where the screen has colours and symbols, numbers where it has a
//! highlight, and nothing a terminal would read as a command.

use crate::domain::text_limits::escaped_for_terminal;
use crate::wizard::keymap::{BINDINGS, Group};
use crate::wizard::text;
use crate::wizard::view::Urgency;
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
        out.extend(said(after.lead.iter().filter(|p| !before.lead.contains(p))));
    }
    for (i, (was, now)) in before.items.iter().zip(&after.items).enumerate() {
        if was.state != now.state {
            out.push(numbered(i, now));
        }
    }
    if !asked_about && before.cursor == after.cursor && before.details != after.details {
        // The same line, its status changed: only what is new about it.
        out.extend(said(after.details.iter().filter(|p| !before.details.contains(p))));
    } else if asked_about || before.cursor != after.cursor {
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
    }
    let ask_again = before.field != after.field || before.confirm != after.confirm;
    let last_line = what_to_type(after, mode);
    if mode == Mode::Normal && (ask_again || last_line != what_to_type(before, mode)) {
        // What Enter does may have changed with the highlight: say so.
        out.push(last_line);
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

/// A value refused, its field closed: the reason, and that nothing changed.
pub fn refused(why: &str) -> Vec<String> {
    safe(vec![text::plain_refused(unmarked(why))])
}

/// How to answer, and the words that stand for the screen's keys.
pub fn help() -> Vec<String> {
    let mut out: Vec<String> = text::PLAIN_HELP.iter().map(|l| l.to_string()).collect();
    out.push(text::PLAIN_WORDS.to_string());
    out.extend(
        BINDINGS
            .iter()
            // The words the lines above explain are not listed again.
            .filter(|b| !["", "help", "back", "quit", "tick", "note", "date"].contains(&b.word))
            .filter(|b| matches!(b.group, Group::Moving | Group::More))
            .map(|b| format!("  {}: {}", b.word, b.label)),
    );
    safe(out)
}

/// The paragraphs a listener needs: not the screen's key hints, each once.
fn said<'a>(paras: impl IntoIterator<Item = &'a Para>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in paras.into_iter().filter(|p| p.tone != Tone::Keys) {
        let line = para(p);
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// A paragraph in words: a warning says so, the screen's marks are dropped.
pub fn para(p: &Para) -> String {
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
    out.extend(said(&view.details));
    out
}

/// A field being typed or a yes/no question, with how to answer it.
pub fn asking(view: &PageView) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(field) = &view.field {
        out.push(String::new());
        out.push(text::plain_field(&field.label, &field.value));
        match &field.error {
            Some(error) => {
                out.push(format!("{}{error}", text::PLAIN_ERROR));
                out.push(text::PLAIN_FIELD_AGAIN.to_string());
            }
            None => out.push(text::PLAIN_FIELD_HOW.to_string()),
        }
    }
    if let Some(confirm) = &view.confirm {
        out.push(String::new());
        out.push(confirm.title.clone());
        out.extend(said(&confirm.lines));
        out.push(text::PLAIN_YES_OR_NO.to_string());
    }
    out
}

/// What can be typed on this page: the numbers, what Enter does, the words.
fn what_to_type(view: &PageView, mode: Mode) -> String {
    if mode != Mode::Normal {
        return String::new();
    }
    let answered = view.items.iter().any(|i| i.given);
    let needs_number = view.pick == Pick::Choose && view.items.len() > 1 && !answered;
    let enter = view
        .commands
        .iter()
        .find(|c| c.keys.starts_with("Enter"))
        .filter(|_| !needs_number)
        .map(|c| match (view.pick, view.cursor) {
            // Which line Enter takes, so it never surprises.
            (Pick::Choose, Some(at)) if view.items.len() > 1 => format!("{} {}", c.action, at + 1),
            _ => c.action.to_string(),
        });
    let mut words: Vec<String> = Vec::new();
    // The page's own words; those that work on every page are in the help.
    for command in view
        .commands
        .iter()
        .take(view.own_commands)
        .chain(&[text::HELP, text::QUIT])
    {
        if let Some(word) = word_for(command.keys) {
            // "remove" means "not used" on the checklist: say so.
            let shown = if command.action.to_lowercase().contains(word) {
                word.to_string()
            } else {
                format!("{word} ({})", command.action)
            };
            if !words.iter().any(|w| w.split(' ').next() == Some(word)) {
                words.push(shown);
            }
        }
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let numbers = match (view.items.len(), view.pick) {
        (0, _) => None,
        (n, Pick::Choose) => Some(text::plain_numbers_choose(n)),
        (n, Pick::Highlight) => Some(text::plain_numbers_read(n)),
    };
    text::plain_what_to_type(numbers.as_deref(), enter.as_deref(), &words)
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
