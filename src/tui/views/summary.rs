//! Summary: each choice with its progress, the next deadlines, the dates
//! that have passed, and the export (its folder prompt and overwrite question).

use super::lines::Lines;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding};
use unicode_width::UnicodeWidthStr;

use super::document::draw_blocks;
use super::parts::{NARROW, deadline_line, popup, text_field_line};
use super::wrap::{cut, wrap, wrap_styled};
use crate::tui::theme::{ERROR_SYMBOL, INCOMPLETE_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::text;
use crate::wizard::view::summary::{AccountLine, ChoiceLine, SummaryDue, SummaryFull};
use crate::wizard::view::{FieldState, PageView, Para};

/// Detail lines are indented under their entry.
const INDENT: usize = 4;

pub fn draw(frame: &mut Frame, area: Rect, view: &PageView, ov: &SummaryFull, theme: &Theme) {
    let width = area.width as usize;
    let compact = width < usize::from(NARROW);

    let export: Vec<Line> = match &ov.last_export {
        Some(last) => wrap(last, width, 2)
            .into_iter()
            .map(|l| Line::styled(l, theme.done()))
            .collect(),
        None => wrap_styled(text::EXPORT_WHAT, width, 0, theme.dim()),
    };
    let [body, _gap, bottom] = split::rows(area, [Rest, Fixed(1), Fixed(export.len() as u16)]);
    frame.render_widget(Lines::new(export), bottom);

    // In the order of the page's items: what is due, then the choices.
    let mut blocks = vec![Part::Line(Line::styled(text::SUMMARY_NEXT, theme.heading()))];
    if ov.next.is_empty() {
        blocks.push(Part::Line(Line::styled(
            format!("  {}", text::NOTHING_COMING),
            theme.dim(),
        )));
    }
    blocks.extend(ov.next.iter().map(Part::Due));
    if !ov.missed.is_empty() {
        blocks.push(Part::Line(Line::default()));
        blocks.push(Part::Line(Line::styled(
            format!("{ERROR_SYMBOL} {}", text::missed(ov.missed.len())),
            theme.error(),
        )));
        blocks.extend(ov.missed.iter().map(Part::Due));
    }
    blocks.push(Part::Line(Line::default()));
    blocks.push(Part::Line(Line::styled(text::SUMMARY_CHOICES, theme.heading())));
    if ov.choices.is_empty() {
        for l in wrap(text::SUMMARY_NONE_TRACKED, width, 0) {
            blocks.push(Part::Line(Line::styled(l, theme.dim())));
        }
    }
    blocks.extend(ov.choices.iter().map(Part::Choice));
    blocks.extend(ov.accounts.iter().map(Part::Account));

    let kinds: Vec<bool> = blocks.iter().map(|b| !matches!(b, Part::Line(_))).collect();
    let selected = view.cursor.unwrap_or(0);
    // Only the blocks in view are built.
    let highlighted = kinds
        .iter()
        .enumerate()
        .filter(|(_, entry)| **entry)
        .nth(selected)
        .map(|(i, _)| i);
    let mut blocks: Vec<Option<Part>> = blocks.into_iter().map(Some).collect();
    let build = |i: usize| {
        let (first, rest) = match blocks[i].take() {
            Some(Part::Line(line)) => return vec![line],
            Some(Part::Due(due)) => deadline_lines(due, theme, compact, width),
            Some(Part::Choice(choice)) => choice_lines(choice, width, theme),
            Some(Part::Account(account)) => account_lines(account, width, theme),
            None => return Vec::new(),
        };
        let selected = Some(i) == highlighted;
        let symbol = if selected { SELECTED_SYMBOL } else { "  " };
        let mut first = first;
        first.spans.insert(0, Span::raw(symbol));
        if selected {
            first = first.patch_style(theme.selected());
        }
        let mut lines = vec![first];
        lines.extend(rest);
        lines
    };
    draw_blocks(frame, body, &kinds, selected, build, theme);

    if let Some(field) = &ov.prompt {
        draw_prompt(frame, area, field, theme);
    }
    if let Some(confirm) = &view.confirm {
        draw_overwrite(frame, area, &confirm.lines, theme);
    }
}

/// One part of the summary, built only when it comes into view.
enum Part<'a> {
    Line(Line<'static>),
    Due(&'a SummaryDue),
    Choice(&'a ChoiceLine),
    Account(&'a AccountLine),
}

/// "label · plan   id", then what was decided and how far it has got.
fn choice_lines(choice: &ChoiceLine, width: usize, theme: &Theme) -> (Line<'static>, Vec<Line<'static>>) {
    let id = format!(" {}", choice.id);
    // A label too long for the line is cut with "…", leaving room for the id.
    let label_room = width.saturating_sub(SELECTED_SYMBOL.len() + id.len());
    let mut first = vec![Span::styled(cut(&choice.label, label_room), theme.heading())];
    if let Some(plan) = &choice.plan {
        // The plan's name is cut first, so the id stays in sight.
        let label = Span::raw(choice.label.as_str()).width();
        let room = width.saturating_sub(SELECTED_SYMBOL.len() + label + id.len());
        first.push(Span::raw(cut(&format!(" · {plan}"), room)));
    }
    let used: usize = first.iter().map(|s| s.width()).sum::<usize>() + SELECTED_SYMBOL.len();
    first.push(Span::raw(" ".repeat(width.saturating_sub(used + id.len()))));
    first.push(Span::styled(id, theme.dim()));

    if choice.identifying {
        let marked: Vec<String> = choice
            .parts
            .iter()
            .map(|part| format!("{INCOMPLETE_SYMBOL} {part}"))
            .collect();
        return (Line::from(first), indented(&marked, width, theme.warning()));
    }
    let style = if choice.decided {
        Style::new()
    } else {
        theme.warning()
    };
    (Line::from(first), indented(&choice.parts, width, style))
}

fn account_lines(account: &AccountLine, width: usize, theme: &Theme) -> (Line<'static>, Vec<Line<'static>>) {
    let first = Line::styled(cut(&account.name, width), theme.heading());
    let style = if account.decided {
        Style::new()
    } else {
        theme.warning()
    };
    (first, indented(&account.parts, width, style))
}

/// The deadline with its urgency, then whose it is.
fn deadline_lines(
    row: &SummaryDue,
    theme: &Theme,
    compact: bool,
    width: usize,
) -> (Line<'static>, Vec<Line<'static>>) {
    // After the two columns of the selection mark.
    let first = deadline_line(
        &row.due,
        theme,
        compact,
        width.saturating_sub(SELECTED_SYMBOL.len()),
    );
    let rest = vec![Line::styled(
        format!(
            "{}{}",
            " ".repeat(INDENT),
            cut(&row.label, width.saturating_sub(INDENT))
        ),
        theme.dim(),
    )];
    (first, rest)
}

/// The parts joined by " · ", under the entry; a line breaks between parts
/// (so a date is never split), or inside a part too long for a line.
fn indented(parts: &[String], width: usize, style: Style) -> Vec<Line<'static>> {
    let room = width.saturating_sub(INDENT);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts {
        let len = line.width();
        if len == 0 {
            line.push_str(part);
        } else if len + 3 + part.width() <= room {
            line.push_str(" · ");
            line.push_str(part);
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(part);
        }
    }
    lines.push(line);
    let pad = " ".repeat(INDENT);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        // Only a part longer than a whole line needs the word wrap.
        if line.width() <= room {
            out.push(Line::styled(pad.clone() + &line, style));
        } else {
            out.extend(
                wrap(&line, room, 2)
                    .into_iter()
                    .map(|l| Line::styled(pad.clone() + &l, style)),
            );
        }
    }
    out
}

/// A box over the pane: the folder field, why it was refused, what is written.
fn draw_prompt(frame: &mut Frame, area: Rect, field: &FieldState, theme: &Theme) {
    let width = area.width.saturating_sub(2).min(64);
    let inner = width.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    // The end of a long folder stays in view, with the cursor.
    let (line, cursor) = text_field_line(text::EXPORT_FOLDER, field, inner, theme);
    lines.push(line);
    if let Some(error) = &field.error {
        for l in wrap(&format!("{ERROR_SYMBOL} {error}"), inner, 2) {
            lines.push(Line::styled(l, theme.error()));
        }
    }
    lines.push(Line::default());
    for l in wrap(text::EXPORT_FILES, inner, 0) {
        lines.push(Line::from(l));
    }
    for l in wrap(text::EXPORT_HINT, inner, 0) {
        lines.push(Line::styled(l, theme.key()));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = split::centered(area, width, height);
    // The margins beside the box too, as every other box does: the page's
    // symbols there would read as stray characters ("✗│", "┐1 │").
    frame.render_widget(
        Clear,
        Rect {
            x: area.x,
            width: area.width,
            ..rect
        },
    );
    let block = Block::bordered()
        .border_style(theme.heading())
        .padding(Padding::horizontal(1))
        .title(Line::from(format!(" {} ", text::EXPORT_TITLE)));
    let text_area = block.inner(rect);
    frame.render_widget(Lines::new(lines).block(block), rect);
    if text_area.height > 0 && text_area.width > 0 {
        let x = text_area.x + cursor;
        frame.set_cursor_position(Position::new(
            x.min(text_area.right().saturating_sub(1)),
            text_area.y,
        ));
    }
}

/// The question before replacing files that differ from what would be written.
fn draw_overwrite(frame: &mut Frame, area: Rect, question: &[Para], theme: &Theme) {
    let mut lines: Vec<Line> = question.iter().map(|p| Line::from(p.text.clone())).collect();
    lines.push(Line::default());
    lines.push(Line::styled(text::OVERWRITE_KEYS, theme.key()));
    popup(frame, area, text::OVERWRITE_TITLE, lines, theme);
}
