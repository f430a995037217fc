//! Deadlines: one row per date, in the domain's order, urgency by symbol and
//! colour; below the table, what the highlighted row asks and where the rule
//! comes from.

use super::lines::Lines;
use super::list::SelectList;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListState, Paragraph, Wrap};

use super::parts::{NARROW, scrolled, source_line};
use super::wrap::{wrap, wrap_styled};
use crate::tui::theme::{DONE_SYMBOL, SELECTED_SYMBOL, Theme, urgency_symbol};
use crate::wizard::text;
use crate::wizard::view::PageView;
use crate::wizard::view::deadlines::{DeadlinesFull, DueRow, RowDetail};

/// From this width on, a row keeps its columns (date, when, what) on one
/// line; narrower, the date and when go above what.
const ONE_LINE: u16 = NARROW;

/// Returns how far the detail pane can scroll.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    view: &PageView,
    full: &DeadlinesFull,
    theme: &Theme,
) -> Option<u16> {
    let rows = &full.rows;
    let Some(shown_detail) = &full.detail else {
        draw_empty(frame, area, view, theme);
        return None;
    };
    let selected = view.cursor.unwrap_or(0);
    let wide = area.width >= ONE_LINE;
    let width = area.width as usize;
    // The table keeps most of the pane; the details take what they need of
    // the rest and scroll (PgUp/PgDn) when they need more.
    let budget = (area.height as usize * 2 / 5).max(3);
    let detail = detail(shown_detail, theme, width);
    let mut detail_height = detail.len().min(budget);
    // Two-line rows leave a blank line when the table's height is odd: the details use it.
    let table_height = (area.height as usize).saturating_sub(usize::from(wide) + 1 + detail_height);
    if !wide && table_height % 2 == 1 && detail.len() > detail_height {
        detail_height += 1;
    }
    let detail_height = detail_height as u16;
    // The line between table and details says what is out of sight, if anything.
    let [header, table, more, detail_area] = split::rows(
        area,
        [Fixed(u16::from(wide)), Rest, Fixed(1), Fixed(detail_height)],
    );
    let inner = width.saturating_sub(SELECTED_SYMBOL.len());
    let columns = wide.then(|| Columns::for_rows(rows, inner));
    if let Some(columns) = &columns {
        let head = format!(
            "{}  {:<date$} {:<when$}  {}",
            " ".repeat(SELECTED_SYMBOL.len()),
            text::COLUMN_DATE,
            text::COLUMN_WHEN,
            text::COLUMN_WHAT,
            date = columns.date,
            when = columns.when,
        );
        frame.render_widget(Lines::new(Line::styled(head, theme.dim())), header);
    }
    // Only the rows in sight are built (a dozen of ~80 with 50 subscriptions).
    // The window starts where ratatui's List would scroll to from offset 0
    // (the top, or the selection at the bottom), and holds every whole row
    // that fits from there.
    let height_of = |row: &DueRow| match &columns {
        Some(columns) => what_lines(row, columns.what),
        None => 1 + what_lines(row, inner.saturating_sub(2)),
    };
    let room = table.height as usize;
    let above = first_in_sight(&rows[..=selected], room, height_of);
    let shown = rows_shown(rows[above..].iter().map(height_of), room);
    let items: Vec<Text> = rows[above..above + shown]
        .iter()
        .map(|row| match &columns {
            Some(columns) => one_line(row, theme, columns),
            None => two_lines(row, theme, inner),
        })
        .map(Text::from)
        .collect();
    let list = SelectList::new(items)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_style(theme.selected());
    let mut state = ListState::default().with_selected(Some(selected - above));
    frame.render_stateful_widget(list, table, &mut state);
    let below = rows.len() - (above + shown);
    if above + below > 0 {
        frame.render_widget(
            Lines::new(Line::styled(text::more(above, below), theme.dim())),
            more,
        );
    }
    let (detail, max) = scrolled(detail, detail_height as usize, full.scroll.into(), theme);
    frame.render_widget(Lines::new(detail), detail_area);
    Some(max)
}

/// How many whole rows of these heights fit in `height` lines; at least
/// one (cut) when there is any room at all.
fn rows_shown(heights: impl Iterator<Item = usize>, height: usize) -> usize {
    let mut used = 0;
    let mut count = 0;
    for h in heights {
        if used + h > height {
            break;
        }
        used += h;
        count += 1;
    }
    if height == 0 { 0 } else { count.max(1) }
}

/// The first row in sight when the last of `rows` is selected: 0 while it
/// fits from the top, else the window ends with it.
fn first_in_sight(rows: &[DueRow], height: usize, height_of: impl Fn(&DueRow) -> usize) -> usize {
    let mut used = 0;
    for (i, row) in rows.iter().enumerate().rev() {
        used += height_of(row);
        if used > height {
            return (i + 1).min(rows.len() - 1);
        }
    }
    0
}

/// The widths of the one-line table. The weekday goes first when a row's
/// what would not fit beside it; a what that still does not fit wraps
/// under its column rather than being cut.
struct Columns {
    /// The date column: with the weekday ("Tue 2026-03-03") or without.
    date: usize,
    weekday: bool,
    when: usize,
    what: usize,
}

impl Columns {
    fn for_rows(rows: &[DueRow], width: usize) -> Columns {
        let when = rows
            .iter()
            .map(|r| r.due.when.chars().count())
            .fold(text::COLUMN_WHEN.len(), usize::max);
        let longest = rows.iter().map(what_width).max().unwrap_or(0);
        let with = |date: usize| width.saturating_sub(Self::lead(date, when));
        let long = rows[0].due.long_date.chars().count();
        let short = rows[0].due.short_date.chars().count();
        let weekday = longest <= with(long);
        let date = if weekday { long } else { short };
        Columns {
            date,
            weekday,
            when,
            what: with(date),
        }
    }

    /// Symbol, date, when and their gaps: where the what column starts.
    fn lead(date: usize, when: usize) -> usize {
        1 + 1 + date + 1 + when + 2
    }
}

/// The symbol and style of a row: done rows are dimmed with ✓, the others by urgency.
fn marks(row: &DueRow, theme: &Theme) -> (&'static str, Style, Style) {
    let row = &row.due;
    if row.done {
        (DONE_SYMBOL, theme.done(), theme.dim())
    } else {
        let style = theme.urgency(row.urgency);
        (urgency_symbol(row.urgency), style, style)
    }
}

fn what(row: &DueRow) -> String {
    format!("{} · {}", row.due.title, row.label)
}

/// The width of [`what`], without building it.
fn what_width(row: &DueRow) -> usize {
    Span::raw(row.due.title.as_str()).width() + 3 + Span::raw(row.label.as_str()).width()
}

/// How many lines [`wrap_what`] makes of this row's what at `width`.
fn what_lines(row: &DueRow, width: usize) -> usize {
    if what_width(row) <= width {
        1
    } else {
        wrap_what(&what(row), width).len()
    }
}

/// `✗ Mon 2026-02-23  6 days ago    Refund by · Python course`, the what
/// wrapped under its column when it is longer than the column.
fn one_line<'a>(row: &DueRow, theme: &Theme, columns: &Columns) -> Vec<Line<'a>> {
    let (symbol, mark, style) = marks(row, theme);
    let due = &row.due;
    let date = if columns.weekday {
        &due.long_date
    } else {
        &due.short_date
    };
    let lead = format!(" {date} {:<when$}  ", due.when, when = columns.when);
    let what_style = if due.done { theme.dim() } else { Style::new() };
    let mut parts = wrap_what(&what(row), columns.what).into_iter();
    let first = parts.next().unwrap_or_default();
    let indent = " ".repeat(Columns::lead(columns.date, columns.when));
    let mut lines = vec![Line::from(vec![
        Span::styled(symbol, mark),
        Span::styled(lead, style),
        Span::styled(first, what_style),
    ])];
    lines.extend(parts.map(|part| Line::styled(format!("{indent}{part}"), what_style)));
    lines
}

/// Narrow terminals: the date and days left, then what, indented.
fn two_lines<'a>(row: &DueRow, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let (symbol, mark, style) = marks(row, theme);
    let due = &row.due;
    let date = if width >= 30 {
        &due.long_date
    } else {
        &due.short_date
    };
    let what_style = if due.done { theme.dim() } else { Style::new() };
    let mut lines = vec![Line::from(vec![
        Span::styled(symbol, mark),
        Span::styled(format!(" {date} · {}", due.when), style),
    ])];
    lines.extend(
        wrap_what(&what(row), width.saturating_sub(2))
            .into_iter()
            .map(|part| Line::styled(format!("  {part}"), what_style)),
    );
    lines
}

/// "Title · label" wrapped to `width`: after the "·" when the label then
/// fits whole on the next line, else word by word (the "·" never starting
/// a line).
fn wrap_what(what: &str, width: usize) -> Vec<String> {
    if Span::raw(what).width() <= width {
        return vec![what.to_string()];
    }
    if let Some((title, label)) = what.split_once(" · ")
        && Span::raw(title).width() + 2 <= width
        && Span::raw(label).width() <= width
    {
        return vec![format!("{title} ·"), label.to_string()];
    }
    let mut lines = wrap(what, width, 0);
    for i in 1..lines.len() {
        if let Some(rest) = lines[i].strip_prefix("· ") {
            let rest = rest.to_string();
            lines[i - 1].push_str(" ·");
            lines[i] = rest;
        }
    }
    lines
}

/// What the highlighted row asks, what to do now if its day has passed,
/// how, and the rule's source, wrapped to `width`.
fn detail<'a>(row: &RowDetail, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let heading = theme.heading().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = wrap_styled(&row.summary, width, 0, heading);
    if let Some(overdue) = &row.overdue {
        lines.extend(wrap_styled(&format!("! {overdue}"), width, 2, theme.warning()));
    }
    lines.extend(wrap(&row.how, width, 0).into_iter().map(Line::from));
    let source = source_line(&row.source, theme).to_string();
    lines.extend(wrap_styled(&source, width, 0, theme.dim()));
    lines
}

/// No dates yet: the page's first line as a heading, then why.
fn draw_empty(frame: &mut Frame, area: Rect, view: &PageView, theme: &Theme) {
    let mut said = view.lead.iter().map(|para| para.text.clone());
    let mut lines = vec![Line::styled(said.next().unwrap_or_default(), theme.heading())];
    for rest in said {
        lines.extend([Line::default(), Line::from(rest)]);
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}
