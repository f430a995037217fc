//! Before deleting: the checklist, then the highlighted item's details (the
//! field being edited first), and the yes/no before an unsafe deletion request.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::parts::{date_field, para_line, popup, popup_inner_width, scrolled, text_field_line};
use super::wrap::{cut, wrap, wrap_line, wrap_styled};
use crate::domain::checklist::Item;
use crate::domain::dates::long_date;
use crate::tui::theme::{DONE_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::checklist::{Checklist, Editing, Row, deletion_risks, rows};
use crate::wizard::field::format_date;
use crate::wizard::text;
use crate::wizard::view::checklist as shared;

/// From this width on, the day an item was done shows beside it.
const WIDE: u16 = 50;
pub(super) const NOTE_MARK: &str = " ✎";

/// Returns how far the detail pane can scroll.
pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Checklist, theme: &Theme) -> Option<u16> {
    let state = wizard.state();
    let rows = rows(state, wizard.policy());
    let items: Vec<&Item> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Item(item) => Some(item),
            Row::NotUsed(_) => None,
        })
        .collect();
    let done = items.iter().filter(|i| i.done).count();
    let header = match state.focused_account().requested_on {
        Some(on) => Line::styled(text::deletion_requested(&long_date(on)), theme.done()),
        None => Line::styled(text::checklist_progress(done, items.len()), theme.dim()),
    };
    // The list takes about half the pane and scrolls; the details get the rest.
    let room = area.height.saturating_sub(2);
    let list_height = (rows.len() as u16).min((room * 11 / 20).max(3));
    let [head, list_area, more, detail_area] =
        split::rows(area, [Fixed(1), Fixed(list_height), Fixed(1), Rest]);
    frame.render_widget(Paragraph::new(header), head);

    let width = list_area.width.saturating_sub(SELECTED_SYMBOL.len() as u16) as usize;
    let wide = area.width >= WIDE;
    let lines: Vec<ListItem> = rows
        .iter()
        .map(|row| ListItem::new(row_line(row, theme, width, wide)))
        .collect();
    let list = List::new(lines)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_style(theme.selected());
    let mut list_state = ListState::default().with_selected(Some(page.selected()));
    frame.render_stateful_widget(list, list_area, &mut list_state);
    let above = list_state.offset();
    let below = rows.len().saturating_sub(above + list_height as usize);
    if above + below > 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(text::more(above, below), theme.dim())),
            more,
        );
    }

    let max = rows
        .get(page.selected())
        .map(|row| draw_detail(frame, detail_area, wizard, page, row, theme));
    if page.confirming().is_some() {
        let mut lines = Vec::new();
        let risks = deletion_risks(state, wizard.policy());
        if risks.certificates {
            lines.push(Line::from(text::CONFIRM_CERTIFICATES));
            lines.push(Line::default());
        }
        // Below the list when there is room, so the item stays in sight.
        let over = if detail_area.height >= 12 {
            detail_area
        } else {
            area
        };
        if !risks.renewing.is_empty() {
            let still = text::confirm_renewing(&risks.renewing);
            let with_why = format!("{still} {}", risks.why_renewing);
            // The question and its keys must show: where the box would run
            // out of room (60x20), the reason is left to the item's details.
            let inner = popup_inner_width(over);
            let rows = |text: &str| wrap(text, inner, 0).len();
            let used: usize = lines.iter().map(|l| rows(&l.to_string())).sum();
            let fits = used + rows(&with_why) + 1 + 2 + 2 <= usize::from(over.height);
            lines.push(Line::from(if fits { with_why } else { still }));
            lines.push(Line::default());
        }
        lines.push(Line::styled(text::CONFIRM_DELETE_QUESTION, theme.heading()));
        lines.push(Line::styled(text::CONFIRM_DELETE_KEYS, theme.key()));
        popup(frame, over, text::CONFIRM_DELETE_TITLE, lines, theme);
    }
    max
}

/// `[✓] Download every certificate ✎      2026-03-01`; derived items in
/// round brackets with "auto", the unused social item with a dash.
fn row_line<'a>(row: &Row, theme: &Theme, width: usize, wide: bool) -> Line<'a> {
    let (mark, mark_style, title, note, right) = match row {
        Row::Item(item) => {
            let symbol = if item.done { DONE_SYMBOL } else { " " };
            let mark = if item.derived {
                format!("({symbol})")
            } else {
                format!("[{symbol}]")
            };
            let style = if item.done { theme.done() } else { Style::new() };
            let note = if item.note.is_some() { NOTE_MARK } else { "" };
            let right = if item.derived {
                text::AUTOMATIC.to_string()
            } else {
                item.done_on.filter(|_| wide).map(format_date).unwrap_or_default()
            };
            (mark, style, item.title.clone(), note, right)
        }
        Row::NotUsed(rule) => (
            "[–]".to_string(),
            theme.dim(),
            rule.title.clone(),
            "",
            text::NOT_USED.to_string(),
        ),
    };
    let title_style = match row {
        Row::NotUsed(_) => theme.dim(),
        Row::Item(_) => Style::new(),
    };
    let right_width = if right.is_empty() { 0 } else { right.width() + 1 };
    // Only the title is cut: the note mark and the date always show.
    let note_width = Span::raw(note).width();
    let title = cut(
        &title,
        width.saturating_sub(mark.chars().count() + 1 + note_width + right_width),
    );
    let used = mark.chars().count() + 1 + Span::raw(title.as_str()).width() + note_width;
    let gap = width.saturating_sub(used + right.width());
    Line::from(vec![
        Span::styled(mark, mark_style),
        Span::raw(" "),
        Span::styled(title, title_style),
        Span::styled(note, title_style),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.dim()),
    ])
}

/// The field being edited, then status, why, how, extras and the source.
fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    wizard: &Wizard,
    page: &Checklist,
    row: &Row,
    theme: &Theme,
) -> u16 {
    let width = area.width as usize;
    let mut top: Vec<Line> = Vec::new();
    match page.editing() {
        Some(Editing::Date(field)) => {
            top.push(Line::styled(text::DATE_DONE_QUESTION, theme.heading()));
            let below = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            };
            top.extend(date_field(
                frame,
                below,
                &crate::wizard::view::FieldState::date(field),
                theme,
            ));
            top.push(Line::styled(text::DATE_KEYS, theme.dim()));
        }
        Some(Editing::Note(field)) => {
            let (line, cursor) = text_field_line(
                text::NOTE,
                &crate::wizard::view::FieldState::text(field),
                width,
                theme,
            );
            top.push(line);
            top.push(Line::styled(text::NOTE_KEYS, theme.dim()));
            frame.set_cursor_position(Position::new(area.x + cursor, area.y));
        }
        None => {}
    }
    let editing = !top.is_empty();
    let mut lines: Vec<Line> = Vec::new();
    for line in top {
        // The field line stays whole (the cursor sits on it); hints wrap.
        if line.width() <= width || line.spans.len() > 1 {
            lines.push(line);
        } else {
            let style = line.style;
            let plain = line.to_string();
            lines.extend(wrap_styled(&plain, width, 0, style));
        }
    }
    for para in shared::row_detail(wizard, row) {
        lines.extend(wrap_line(&para_line(para, theme), width, 0));
    }
    // While a note or date is typed, the details stay at the top, where the field is.
    let scroll = if editing { 0 } else { page.detail_scroll().into() };
    let (shown, max) = scrolled(lines, area.height as usize, scroll, theme);
    frame.render_widget(Paragraph::new(shown), area);
    max
}
