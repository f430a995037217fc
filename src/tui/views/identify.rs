//! Identify the plan: one question at a time, with what each answer means.

use super::lines::Lines;
use super::list::SelectList;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListState, Paragraph, Wrap};

use super::parts::{choice_list, date_field, para_line, scrolled, text_field_line};
use super::wrap::{wrap, wrap_line, wrap_styled};
use crate::tui::theme::{ERROR_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::text;
use crate::wizard::view::identify::{DateQuestion, IdentifyFull};
use crate::wizard::view::{FieldState, PageView};

/// Returns how far what the highlighted answer means can scroll, on a
/// question with answers to choose from.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    view: &PageView,
    full: &IdentifyFull,
    theme: &Theme,
) -> Option<u16> {
    // A subscription that is gone: nothing to ask.
    if full.position.is_empty() {
        return None;
    }
    // The answers so far, except while explaining where to look (room is
    // short at 60x20), in as many rows as they take (two at most).
    let answers_line = Line::styled(full.answers.clone(), theme.dim());
    let mut answers = wrap_line(&answers_line, usize::from(area.width), 0);
    answers.truncate(if full.not_sure { 0 } else { 2 });
    let answers_height = answers.len() as u16;
    let [head, body, answers_area] = split::rows(area, [Fixed(2), Rest, Fixed(answers_height)]);
    let head_line = Line::styled(full.position.clone(), theme.dim());
    frame.render_widget(Lines::new(head_line), head);
    let mut scroll = None;
    if full.not_sure {
        draw_not_sure(frame, body, view, &full.tips, theme);
    } else if let Some(date) = &full.date {
        draw_date(frame, body, view, date, theme);
    } else {
        scroll = Some(draw_choices(frame, body, view, full, theme));
    }
    frame.render_widget(Lines::new(answers), answers_area);
    scroll
}

/// "> ( ) " before a choice's label.
const CHOICE_LEAD: usize = 6;

/// The question on show.
fn question(view: &PageView) -> String {
    view.heading.first().map(|p| p.text.clone()).unwrap_or_default()
}

/// Returns how far the meaning of the highlighted answer can scroll.
fn draw_choices(frame: &mut Frame, area: Rect, view: &PageView, full: &IdentifyFull, theme: &Theme) -> u16 {
    // A label too long for its line goes on under itself, never cut.
    let room = usize::from(area.width).saturating_sub(CHOICE_LEAD);
    let labels: Vec<(String, bool)> = view
        .items
        .iter()
        .map(|item| (wrap(&item.text, room, 0).join("\n    "), item.given))
        .collect();
    let list_height: usize = labels.iter().map(|(label, _)| label.lines().count()).sum();
    let below = match &full.length {
        Some(field) => length_below(field, usize::from(area.width), theme),
        None => Vec::new(),
    };
    let field_height = if full.length.is_some() { 1 + below.len() } else { 0 };
    // Short of room for a page of the meaning and its "↓ more" (the plan
    // question at 60x20), the blank lines around the list give theirs: a
    // pane of two lines showed nothing at all, with no sign there was more.
    let question_height = wrap(&question(view), usize::from(area.width), 0).len().max(1);
    let spaced = question_height + 1 + list_height + field_height + 1;
    let tight = usize::from(area.height).saturating_sub(spaced) <= SCROLL_PAGE;
    let (question_rows, gap) = match tight {
        true => (question_height, 0),
        false => (question_height.max(2), 1),
    };
    let [question_area, list_area, field_area, _gap, detail_area] = split::rows(
        area,
        [
            Fixed(question_rows as u16),
            Fixed(list_height as u16),
            Fixed(field_height as u16),
            Fixed(gap),
            Rest,
        ],
    );
    frame.render_widget(
        Paragraph::new(Line::styled(question(view), theme.heading())).wrap(Wrap { trim: true }),
        question_area,
    );
    let cursor = view.cursor.unwrap_or(0);
    choice_list(frame, list_area, labels, cursor, theme);
    if let Some(field) = &full.length {
        draw_length(frame, field_area, field, below, theme);
    }
    let width = usize::from(detail_area.width);
    let height = usize::from(detail_area.height);
    let paragraphs: Vec<Vec<Line>> = full
        .detail
        .iter()
        .map(|paragraph| wrap_line(&para_line(paragraph.clone(), theme), width, 0))
        .collect();
    // Taller than its pane (the region question at 60x20), it says how
    // much more there is and scrolls with PgUp/PgDn, as every detail pane
    // does. Not while a number is typed (PgUp/PgDn are the field's then),
    // nor in a pane too short to show a page of PgDn (3 lines) and the
    // mark: there only whole paragraphs, as many as fit — a rule or a
    // source cut off mid-sentence would say something else.
    if full.length.is_none() && height > SCROLL_PAGE {
        let lines: Vec<Line> = paragraphs.into_iter().flatten().collect();
        let (shown, max) = scrolled(lines, height, usize::from(full.detail_scroll), theme);
        frame.render_widget(Lines::new(shown), detail_area);
        return max;
    }
    // Shorter than a PgDn (the plan question at 60x20): each PgDn shows the
    // next pane's worth, and the last row says how much is left, so no
    // rule is out of reach without a sign.
    let total: usize = paragraphs.iter().map(Vec::len).sum();
    if full.length.is_none() && height >= 2 && total > height {
        let lines: Vec<Line> = paragraphs.into_iter().flatten().collect();
        let room = height - 1;
        let pages = (total - room).div_ceil(room);
        let page = (usize::from(full.detail_scroll) / SCROLL_PAGE).min(pages);
        let offset = (page * room).min(total - room);
        let below = total - offset - room;
        let mut shown: Vec<Line> = lines.into_iter().skip(offset).take(room).collect();
        shown.push(Line::styled(text::detail_more(offset, below), theme.dim()));
        frame.render_widget(Lines::new(shown), detail_area);
        return u16::try_from(pages * SCROLL_PAGE).unwrap_or(u16::MAX);
    }
    let mut lines = Vec::new();
    for wrapped in paragraphs {
        if lines.len() + wrapped.len() > height {
            break;
        }
        lines.extend(wrapped);
    }
    frame.render_widget(Lines::new(lines), detail_area);
    0
}

/// The lines PgUp/PgDn move a detail pane.
const SCROLL_PAGE: usize = 3;

/// The number field of "another number of days", with why a value was refused.
fn draw_length(frame: &mut Frame, area: Rect, field: &FieldState, below: Vec<Line>, theme: &Theme) {
    let width = area.width as usize;
    let (line, cursor) = text_field_line(text::TRIAL_LENGTH_PROMPT, field, width, theme);
    let mut lines = vec![line];
    lines.extend(below);
    frame.render_widget(Lines::new(lines), area);
    frame.set_cursor_position(Position::new(area.x + cursor, area.y));
}

/// What goes under the length field: why a value was refused (whole, as
/// the date field says it), else the keys.
fn length_below(field: &FieldState, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    match &field.error {
        Some(error) => wrap_styled(&format!("{ERROR_SYMBOL} {error}"), width, 2, theme.warning()),
        None => wrap_styled(text::TRIAL_LENGTH_KEYS, width, 0, theme.dim()),
    }
}

fn draw_date(frame: &mut Frame, area: Rect, view: &PageView, date: &DateQuestion, theme: &Theme) {
    let [question_area, field_area, keys] = split::rows(area, [Fixed(3), Fixed(3), Rest]);
    let lines = vec![
        Line::styled(question(view), theme.heading()),
        Line::styled(date.hint.clone(), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), question_area);
    let field = match &date.field {
        Some(field) => {
            let mut lines = date_field(frame, field_area, field, theme);
            if date.suggested {
                let width = (field_area.width as usize).saturating_sub(2);
                lines.extend(
                    wrap(text::DATE_SUGGESTED, width, 0)
                        .into_iter()
                        .map(|l| Line::styled(format!("  {l}"), theme.dim())),
                );
            }
            lines
        }
        // Closed with nothing accepted: the offered day is not an answer.
        None => vec![Line::from(vec![
            Span::raw("  Date: "),
            Span::styled(text::DATE_NOT_CHOSEN, theme.warning()),
        ])],
    };
    frame.render_widget(Paragraph::new(field).wrap(Wrap { trim: false }), field_area);
    frame.render_widget(
        Paragraph::new(Line::styled(date.keys, theme.dim())).wrap(Wrap { trim: true }),
        keys,
    );
}

fn draw_not_sure(frame: &mut Frame, area: Rect, view: &PageView, tips: &[String], theme: &Theme) {
    // Numbered here: the screen picks the answers with the arrows.
    let lines: Vec<Line> = tips
        .iter()
        .enumerate()
        .map(|(i, tip)| Line::from(format!("{}. {tip}", i + 1)))
        .collect();
    let [tips, list_area] = split::rows(area, [Rest, Fixed(view.items.len() as u16 + 1)]);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), tips);
    let items: Vec<Text> = view
        .items
        .iter()
        .map(|item| Text::from(item.text.clone()))
        .collect();
    let list = SelectList::new(items)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_style(theme.selected());
    let [_, list_area] = split::rows(list_area, [Fixed(1), Rest]);
    frame.render_stateful_widget(
        list,
        list_area,
        &mut ListState::default().with_selected(view.cursor),
    );
}
