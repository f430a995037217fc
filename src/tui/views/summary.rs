//! Summary: each choice with its progress, the next deadlines, the dates
//! that have passed, and the export (its folder prompt and overwrite question).

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::document::draw_blocks;
use super::parts::{NARROW, deadline_line, popup, text_field_line};
use super::wrap::{cut, wrap, wrap_styled};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{ACCOUNT_LABEL, Deadline};
use crate::tui::theme::{ERROR_SYMBOL, INCOMPLETE_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::export::{CALENDAR_FILE, PLAN_FILE, file_name};
use crate::wizard::field::format_date;
use crate::wizard::summary::{AccountChoice, Choice, FolderPrompt, Overwrite, Summary};
use crate::wizard::text;

/// Detail lines are indented under their entry.
const INDENT: usize = 4;

pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Summary, theme: &Theme) {
    let ov = wizard.summary();
    let width = area.width as usize;
    let compact = width < usize::from(NARROW);

    let export: Vec<Line> = match &wizard.exports().last {
        Some(dir) => wrap(
            &text::last_export(&dir.display().to_string(), &[PLAN_FILE, CALENDAR_FILE]),
            width,
            2,
        )
        .into_iter()
        .map(|l| Line::styled(l, theme.done()))
        .collect(),
        None => wrap_styled(text::EXPORT_WHAT, width, 0, theme.dim()),
    };
    let [body, _gap, bottom] = split::rows(area, [Rest, Fixed(1), Fixed(export.len() as u16)]);
    frame.render_widget(Paragraph::new(export), bottom);

    // In the order of `Overview::entries`: what is due, then the choices.
    let mut blocks = vec![Part::Line(Line::styled(text::SUMMARY_NEXT, theme.heading()))];
    if ov.next.is_empty() {
        blocks.push(Part::Line(Line::styled(
            format!("  {}", text::NOTHING_COMING),
            theme.dim(),
        )));
    }
    blocks.extend((0..ov.next.len()).map(Part::Next));
    if !ov.overdue.is_empty() {
        blocks.push(Part::Line(Line::default()));
        blocks.push(Part::Line(Line::styled(
            format!("{ERROR_SYMBOL} {}", text::missed(ov.overdue.len())),
            theme.error(),
        )));
        blocks.extend((0..ov.overdue.len()).map(Part::Missed));
    }
    blocks.push(Part::Line(Line::default()));
    blocks.push(Part::Line(Line::styled(text::SUMMARY_CHOICES, theme.heading())));
    if ov.choices.is_empty() {
        for l in wrap(text::SUMMARY_NONE_TRACKED, width, 0) {
            blocks.push(Part::Line(Line::styled(l, theme.dim())));
        }
    }
    blocks.extend((0..ov.choices.len()).map(Part::Choice));
    blocks.extend((0..ov.accounts.len()).map(Part::Account));

    let kinds: Vec<bool> = blocks.iter().map(|b| !matches!(b, Part::Line(_))).collect();
    // Only the blocks in view are built.
    let highlighted = kinds
        .iter()
        .enumerate()
        .filter(|(_, entry)| **entry)
        .nth(page.selected())
        .map(|(i, _)| i);
    let mut blocks: Vec<Option<Part>> = blocks.into_iter().map(Some).collect();
    let build = |i: usize| {
        let (first, rest) = match blocks[i].take() {
            Some(Part::Line(line)) => return vec![line],
            Some(Part::Next(j)) => deadline_lines(&ov.next[j], wizard, theme, compact, width),
            Some(Part::Missed(j)) => deadline_lines(&ov.overdue[j], wizard, theme, compact, width),
            Some(Part::Choice(j)) => choice_lines(&ov.choices[j], width, theme),
            Some(Part::Account(j)) => account_lines(&ov.accounts[j], width, theme),
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
    draw_blocks(frame, body, &kinds, page.selected(), build, theme);

    if let Some(prompt) = page.prompt() {
        draw_prompt(frame, area, prompt, theme);
    }
    if let Some(overwrite) = page.overwrite() {
        draw_overwrite(frame, area, overwrite, theme);
    }
}

/// One part of the summary, built only when it comes into view.
enum Part {
    Line(Line<'static>),
    Next(usize),
    Missed(usize),
    Choice(usize),
    Account(usize),
}

/// "label · plan   id", then what was decided and how far it has got.
fn choice_lines(choice: &Choice, width: usize, theme: &Theme) -> (Line<'static>, Vec<Line<'static>>) {
    let date = format_date;
    let id = format!(" {}", choice.id);
    // A label too long for the line is cut with "…", leaving room for the id.
    let label_room = width.saturating_sub(SELECTED_SYMBOL.len() + id.len());
    let mut first = vec![Span::styled(cut(&choice.label, label_room), theme.heading())];
    if let Some(plan) = choice.plan.as_ref().filter(|p| **p != choice.label) {
        // The plan's name is cut first, so the id stays in sight.
        let label = Span::raw(choice.label.as_str()).width();
        let room = width.saturating_sub(SELECTED_SYMBOL.len() + label + id.len());
        first.push(Span::raw(cut(&format!(" · {plan}"), room)));
    }
    let used: usize = first.iter().map(|s| s.width()).sum::<usize>() + SELECTED_SYMBOL.len();
    first.push(Span::raw(" ".repeat(width.saturating_sub(used + id.len()))));
    first.push(Span::styled(id, theme.dim()));

    if !choice.complete {
        let line = format!("{INCOMPLETE_SYMBOL} {}", text::STILL_IDENTIFYING);
        return (Line::from(first), indented(&[line], width, theme.warning()));
    }
    let mut parts = vec![match choice.decision {
        Some(decision) => decision.words(choice.plan_kind, choice.pause.map(|p| p.months)),
        None => text::NOT_DECIDED.to_string(),
    }];
    if choice.steps_total > 0 {
        parts.push(text::steps_progress(choice.steps_done, choice.steps_total));
    }
    if let Some(on) = choice.next_charge {
        parts.push(text::summary_next_charge(&long_date(on)));
    }
    if let Some(pause) = choice.pause {
        parts.push(text::paused_until(&date(pause.until), pause.over));
    }
    if let Some(on) = choice.cancelled_on {
        parts.push(text::summary_cancelled(&date(on)));
    }
    if let Some(on) = choice.refund_requested_on {
        parts.push(text::refund_asked_on(&date(on)));
    }
    parts.extend(choice.paid_by.clone());
    let style = if choice.decision.is_some() {
        Style::new()
    } else {
        theme.warning()
    };
    (Line::from(first), indented(&parts, width, style))
}

fn account_lines(
    account: &AccountChoice,
    width: usize,
    theme: &Theme,
) -> (Line<'static>, Vec<Line<'static>>) {
    let date = format_date;
    let name = account.name.as_deref().unwrap_or(ACCOUNT_LABEL);
    let first = Line::styled(cut(name, width), theme.heading());
    let Some(decision) = account.decision else {
        return (
            first,
            indented(&[text::NOT_DECIDED.to_string()], width, theme.warning()),
        );
    };
    let mut parts = vec![
        text::account_decision_name(decision).to_string(),
        text::account_progress(account.done, account.total),
    ];
    if let Some(on) = account.requested_on {
        parts.push(text::deletion_requested_on(&date(on)));
    }
    (first, indented(&parts, width, Style::new()))
}

/// The deadline with its urgency, then whose it is and what to do.
fn deadline_lines(
    row: &Deadline,
    wizard: &Wizard,
    theme: &Theme,
    compact: bool,
    width: usize,
) -> (Line<'static>, Vec<Line<'static>>) {
    let first = deadline_line(
        &crate::wizard::view::DueLine::of(&super::deadlines::shown_as(row, wizard), wizard.policy()),
        theme,
        compact,
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
fn draw_prompt(frame: &mut Frame, area: Rect, prompt: &FolderPrompt, theme: &Theme) {
    let width = area.width.saturating_sub(2).min(64);
    let inner = width.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    // The end of a long folder stays in view, with the cursor.
    let (field, cursor) = text_field_line(
        text::EXPORT_FOLDER,
        &crate::wizard::view::FieldState::text(&prompt.field),
        inner,
        theme,
    );
    lines.push(field);
    if let Some(error) = &prompt.error {
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
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    if text_area.height > 0 && text_area.width > 0 {
        let x = text_area.x + cursor;
        frame.set_cursor_position(Position::new(
            x.min(text_area.right().saturating_sub(1)),
            text_area.y,
        ));
    }
}

fn draw_overwrite(frame: &mut Frame, area: Rect, overwrite: &Overwrite, theme: &Theme) {
    let names: Vec<String> = overwrite.differing.iter().map(|p| file_name(p)).collect();
    let lines = vec![
        Line::from(text::overwrite_question(
            &names,
            &overwrite.dir.display().to_string(),
        )),
        Line::default(),
        Line::styled(text::OVERWRITE_KEYS, theme.key()),
    ];
    popup(frame, area, text::OVERWRITE_TITLE, lines, theme);
}
