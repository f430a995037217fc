//! Before deleting: the checklist, then the highlighted item's details (the
//! field being edited first), and the yes/no before an unsafe deletion request.

use super::lines::Lines;
use super::list::SelectList;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::ListState;
use unicode_width::UnicodeWidthStr;

use super::parts::{
    date_field, para_line, popup, popup_inner_width, scrolled, text_field_error, text_field_line,
};
use super::wrap::{cut, wrap, wrap_line, wrap_styled};
use crate::tui::theme::{DONE_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::text;
use crate::wizard::view::PageView;
use crate::wizard::view::checklist::{CheckLine, ChecklistFull, Typing};

/// From this width on, the day an item was done shows beside it.
const WIDE: u16 = 50;
pub(super) const NOTE_MARK: &str = " ✎";

/// Returns how far the detail pane can scroll.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    view: &PageView,
    full: &ChecklistFull,
    theme: &Theme,
) -> Option<u16> {
    let rows = &full.rows;
    let selected = view.cursor.unwrap_or(0);
    // The page's lead: how many are done, or the day deletion was requested.
    let header = view
        .lead
        .first()
        .map(|para| para_line(para.clone(), theme))
        .unwrap_or_default();
    // The list takes about half the pane and scrolls; the details get the rest.
    let room = area.height.saturating_sub(2);
    let list_height = (rows.len() as u16).min((room * 11 / 20).max(3));
    let [head, list_area, more, detail_area] =
        split::rows(area, [Fixed(1), Fixed(list_height), Fixed(1), Rest]);
    frame.render_widget(Lines::new(header), head);

    let width = list_area.width.saturating_sub(SELECTED_SYMBOL.len() as u16) as usize;
    let wide = area.width >= WIDE;
    let lines: Vec<Text> = rows
        .iter()
        .map(|row| Text::from(row_line(row, theme, width, wide)))
        .collect();
    let list = SelectList::new(lines)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_style(theme.selected());
    let mut list_state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, list_area, &mut list_state);
    let above = list_state.offset();
    let below = rows.len().saturating_sub(above + list_height as usize);
    if above + below > 0 {
        frame.render_widget(
            Lines::new(Line::styled(text::more(above, below), theme.dim())),
            more,
        );
    }

    let max = (selected < rows.len()).then(|| draw_detail(frame, detail_area, view, full, theme));
    if let Some(confirm) = &view.confirm {
        // Below the list when there is room, so the item stays in sight.
        let over = if detail_area.height >= 12 {
            detail_area
        } else {
            area
        };
        draw_confirm(frame, over, &confirm.title, &full.risks, theme);
    }
    max
}

/// The yes/no before an unsafe deletion request, over `area`: why, the
/// question and its keys.
fn draw_confirm(frame: &mut Frame, area: Rect, title: &str, risks: &[Vec<String>], theme: &Theme) {
    let inner = popup_inner_width(area);
    let rows = |text: &str| wrap(text, inner, 0).len();
    let mut lines: Vec<Line> = Vec::new();
    for wordings in risks {
        // The question and its keys must show: where the box would run
        // out of room (60x20), the reason is left to the item's details.
        let used: usize = lines.iter().map(|l| rows(&l.to_string())).sum();
        let fits = |said: &&String| used + rows(said) + 1 + 2 + 2 <= usize::from(area.height);
        let said = wordings.iter().find(fits).or(wordings.last());
        lines.push(Line::from(said.cloned().unwrap_or_default()));
        lines.push(Line::default());
    }
    lines.push(Line::styled(text::CONFIRM_DELETE_QUESTION, theme.heading()));
    lines.push(Line::styled(text::CONFIRM_DELETE_KEYS, theme.key()));
    popup(frame, area, title, lines, theme);
}

/// `[✓] Download every certificate ✎      2026-03-01`; derived items in
/// round brackets with "auto", the unused social item with a dash.
fn row_line<'a>(row: &CheckLine, theme: &Theme, width: usize, wide: bool) -> Line<'a> {
    let (mark, mark_style, note, right) = if row.not_used {
        ("[–]".to_string(), theme.dim(), "", text::NOT_USED.to_string())
    } else {
        let symbol = if row.done { DONE_SYMBOL } else { " " };
        let mark = if row.derived {
            format!("({symbol})")
        } else {
            format!("[{symbol}]")
        };
        let style = if row.done { theme.done() } else { Style::new() };
        let note = if row.noted { NOTE_MARK } else { "" };
        let right = if row.derived {
            text::AUTOMATIC.to_string()
        } else {
            row.done_on.clone().filter(|_| wide).unwrap_or_default()
        };
        (mark, style, note, right)
    };
    let title_style = if row.not_used { theme.dim() } else { Style::new() };
    let right_width = if right.is_empty() { 0 } else { right.width() + 1 };
    // Only the title is cut: the note mark and the date always show.
    let note_width = Span::raw(note).width();
    let title = cut(
        &row.title,
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
fn draw_detail(frame: &mut Frame, area: Rect, view: &PageView, full: &ChecklistFull, theme: &Theme) -> u16 {
    let width = area.width as usize;
    let mut top: Vec<Line> = Vec::new();
    match &full.typing {
        Some(Typing::Date(field)) => {
            top.push(Line::styled(text::DATE_DONE_QUESTION, theme.heading()));
            let below = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            };
            top.extend(date_field(frame, below, field, theme));
            top.push(Line::styled(text::DATE_KEYS, theme.dim()));
        }
        Some(Typing::Note(field)) => {
            let (line, cursor) = text_field_line(text::NOTE, field, width, theme);
            top.push(line);
            top.extend(text_field_error(field, width, 0, theme));
            top.push(Line::styled(text::NOTE_KEYS, theme.dim()));
            frame.set_cursor_position(Position::new(area.x + cursor, area.y));
        }
        None => {}
    }
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
    for para in &view.details {
        lines.extend(wrap_line(&para_line(para.clone(), theme), width, 0));
    }
    let (shown, max) = scrolled(lines, area.height as usize, full.scroll.into(), theme);
    frame.render_widget(Lines::new(shown), area);
    max
}
