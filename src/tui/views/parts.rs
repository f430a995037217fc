//! Pieces several views share: deadline lines, popups, the date field.

use super::lines::Lines;
use super::list::SelectList;
use crate::tui::split;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, ListState, Padding};

use unicode_width::UnicodeWidthStr;

use super::wrap::{cut, wrap_line};
use crate::tui::theme::{DONE_SYMBOL, ERROR_SYMBOL, SELECTED_SYMBOL, Theme, urgency_symbol};
use crate::wizard::text;
use crate::wizard::view::{DueLine, FieldState, Para, Tone};

/// Below this width a pane drops weekdays and puts dates above what they
/// are about (the sidebar leaves 41 columns at 60x20).
pub const NARROW: u16 = 50;

/// "! Cancel by Wed 2026-03-04 · in 3 days", urgency by symbol and colour,
/// whole: for a caller that puts what does not fit on a line of its own
/// (Home's banner); `compact` leaves out the weekday.
pub fn whole_deadline_line<'a>(row: &DueLine, theme: &Theme, compact: bool) -> Line<'a> {
    let date = if compact { &row.short_date } else { &row.long_date };
    compose_deadline(row, &row.title, Some(date), theme)
}

/// [`whole_deadline_line`] in `width` columns, on one line. What gives way,
/// in turn: the weekday, the year ("Mar 4"), the date, then the end of the
/// title (with "…"). "in 23 days" and "done" are never cut: a cut "in 23"
/// would say something else.
pub fn deadline_line<'a>(row: &DueLine, theme: &Theme, compact: bool, width: usize) -> Line<'a> {
    let dates = if compact {
        vec![&row.short_date, &row.brief_date]
    } else {
        vec![&row.long_date, &row.short_date, &row.brief_date]
    };
    for date in dates {
        let line = compose_deadline(row, &row.title, Some(date), theme);
        if line.width() <= width {
            return line;
        }
    }
    let undated = compose_deadline(row, &row.title, None, theme);
    let over = undated.width().saturating_sub(width);
    if over == 0 {
        return undated;
    }
    let title = cut(&row.title, row.title.width().saturating_sub(over));
    compose_deadline(row, &title, None, theme)
}

/// The symbol, the title, the date (if any) and how near it is, or "done".
fn compose_deadline<'a>(row: &DueLine, title: &str, date: Option<&str>, theme: &Theme) -> Line<'a> {
    let titled = match date {
        Some(date) => format!("{title} {date}"),
        None => title.to_string(),
    };
    if row.done {
        return Line::styled(text::deadline_done(DONE_SYMBOL, &titled), theme.done());
    }
    let style = theme.urgency(row.urgency);
    Line::from(vec![
        Span::styled(format!("{} ", urgency_symbol(row.urgency)), style),
        Span::styled(titled, style),
        Span::styled(format!(" · {}", row.when), style.add_modifier(Modifier::BOLD)),
    ])
}

/// A paragraph of a page's description as one styled line (the caller wraps it).
pub fn para_line<'a>(para: Para, theme: &Theme) -> Line<'a> {
    let style = match para.tone {
        Tone::Plain => Style::default(),
        Tone::Heading => theme.heading(),
        Tone::Quiet | Tone::KeyHint | Tone::Source => theme.dim(),
        Tone::Warning => theme.warning(),
        Tone::Error => theme.error(),
        Tone::Done => theme.done(),
        Tone::Due(urgency) => theme.urgency(urgency),
        Tone::Keys => theme.key(),
    };
    Line::styled(para.text, style)
}

/// Where a rule comes from ("Source: … (as of …)"), shown beside it (SPEC §2).
pub fn source_line<'a>(source: &str, theme: &Theme) -> Line<'a> {
    Line::styled(source.to_string(), theme.dim())
}

/// How wide [`popup`] makes its box over `area`.
fn popup_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(56)
}

/// The columns of text inside a [`popup`] over `area` (borders and padding off).
pub fn popup_inner_width(area: Rect) -> usize {
    popup_width(area).saturating_sub(4).max(1) as usize
}

/// A bordered box over the middle of `area`, cleared first.
/// Returns where the box is, for a caller that puts the cursor in it.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, theme: &Theme) -> Rect {
    let width = popup_width(area);
    let inner_width = popup_inner_width(area);
    // Wrapped here, once, by the same word wrap that sizes the box: the
    // last line (the keys to answer) never falls off the bottom, and no
    // second wrap runs every frame.
    let lines: Vec<Line> = lines
        .iter()
        .flat_map(|l| {
            if l.width() <= inner_width {
                vec![l.clone()]
            } else {
                wrap_line(l, inner_width, 0)
            }
        })
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = split::centered(area, width, height);
    // The narrow margin beside the box is cleared too: two columns of the
    // page behind it read as stray characters ("01 │", "No│").
    let band = Rect {
        x: area.x,
        width: area.width,
        ..rect
    };
    frame.render_widget(Clear, band);
    let block = Block::bordered()
        .border_style(theme.heading())
        .padding(Padding::horizontal(1))
        .title(Line::from(format!(" {title} ")));
    frame.render_widget(Lines::new(lines).block(block), rect);
    rect
}

/// The date field: the value (reversed while wholly selected), its weekday,
/// and the reason when it cannot be accepted. Returns the lines; puts the
/// cursor when editing. `area` is where the first line goes.
pub fn date_field(frame: &mut Frame, area: Rect, field: &FieldState, theme: &Theme) -> Vec<Line<'static>> {
    const LABEL: &str = "  Date: ";
    let value_style = if field.fresh || !field.editing {
        theme.selected()
    } else {
        theme.heading().add_modifier(Modifier::UNDERLINED)
    };
    let shown = if field.value.is_empty() {
        " ".to_string()
    } else {
        field.value.clone()
    };
    let mut first = vec![Span::raw(LABEL), Span::styled(shown, value_style)];
    if let Some(date) = &field.long_date {
        first.push(Span::styled(format!("  {date}"), theme.dim()));
    } else {
        first.push(Span::styled(format!("  {}", text::DATE_FORMAT), theme.dim()));
    }
    let mut lines = vec![Line::from(first)];
    if let Some(error) = &field.error {
        lines.push(Line::styled(format!("  {ERROR_SYMBOL} {error}"), theme.error()));
    }
    if field.editing && area.height > 0 {
        let x = area.x + LABEL.len() as u16 + field.cursor_column as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
    lines
}

/// A question's answers as radio buttons: `(•)` marks the saved answer,
/// `>` and the selection style the one under the cursor.
pub fn choice_list(
    frame: &mut Frame,
    area: Rect,
    labels: impl IntoIterator<Item = (String, bool)>,
    cursor: usize,
    theme: &Theme,
) {
    let items: Vec<Text> = labels
        .into_iter()
        .map(|(label, chosen)| Text::from(format!("{}{label}", if chosen { "(•) " } else { "( ) " })))
        .collect();
    let list = SelectList::new(items)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_style(theme.selected());
    frame.render_stateful_widget(list, area, &mut ListState::default().with_selected(Some(cursor)));
}

/// The part of `lines` that fits `height` rows from `scroll` on (clamped so
/// the last line can reach the bottom), with "↑/↓ n more" on the last row
/// when some are out of sight; and the largest scroll that still shows
/// something new.
pub fn scrolled<'a>(
    lines: Vec<Line<'a>>,
    height: usize,
    scroll: usize,
    theme: &Theme,
) -> (Vec<Line<'a>>, u16) {
    if lines.len() <= height {
        return (lines, 0);
    }
    let room = height.saturating_sub(1);
    let max = lines.len().saturating_sub(room);
    let scroll = scroll.min(max);
    let below = lines.len().saturating_sub(scroll + room);
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(room).collect();
    if height > 0 {
        // PgUp/PgDn scroll what is beside a list.
        shown.push(Line::styled(text::detail_more(scroll, below), theme.dim()));
    }
    (shown, max.try_into().unwrap_or(u16::MAX))
}

/// A one-line text field after `label`, in `width` columns: the value
/// (highlighted while wholly selected, underlined while typed in), scrolled
/// so the cursor stays in sight; and the cursor's column in the line.
pub fn text_field_line(label: &str, field: &FieldState, width: usize, theme: &Theme) -> (Line<'static>, u16) {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let label_width = label.width();
    let value: Vec<char> = field.value.chars().collect();
    let room = width.saturating_sub(label_width + 1).max(1);
    // Column where each character starts (and, last, the end): the cursor
    // is a column, the text a list of characters (a CJK one takes two).
    let mut starts = Vec::with_capacity(value.len() + 1);
    let mut col = 0;
    for c in &value {
        starts.push(col);
        col += c.width().unwrap_or(0);
    }
    starts.push(col);
    let wanted = field.cursor_column;
    let cursor = starts[..value.len()]
        .iter()
        .take_while(|at| **at < wanted)
        .count();
    let column = |i: usize| starts[i];
    // Scroll so the cursor's column is in the room.
    let mut start = 0;
    while column(cursor) - column(start) + 1 > room && start < cursor {
        start += 1;
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in &value[start..] {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        shown.push(*c);
        used += w;
    }
    let style = if field.fresh {
        theme.selected()
    } else {
        theme.heading().add_modifier(Modifier::UNDERLINED)
    };
    let line = Line::from(vec![
        Span::raw(label.to_string()),
        Span::styled(if shown.is_empty() { " ".to_string() } else { shown }, style),
    ]);
    (line, (label_width + column(cursor) - column(start)) as u16)
}

/// Under a text field, why some of what was typed or pasted is not in it
/// ("✗ a note is at most 2000 characters: …"), wrapped to `width` columns,
/// each line after `indent` spaces; nothing when all of it went in.
pub fn text_field_error(
    field: &FieldState,
    width: usize,
    indent: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(error) = &field.error else {
        return Vec::new();
    };
    let pad = " ".repeat(indent);
    super::wrap::wrap(
        &format!("{ERROR_SYMBOL} {error}"),
        width.saturating_sub(indent),
        2,
    )
    .into_iter()
    .map(|l| Line::styled(format!("{pad}{l}"), theme.error()))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::view::Urgency;

    fn reply_due(done: bool) -> DueLine {
        DueLine {
            title: "Support reply due".to_string(),
            long_date: "Fri 2027-01-01".to_string(),
            short_date: "2027-01-01".to_string(),
            brief_date: "Jan 1".to_string(),
            when: "in 25 days".to_string(),
            urgency: Urgency::Later,
            done,
        }
    }

    #[test]
    fn a_deadline_line_gives_up_the_weekday_the_year_the_date_then_the_title_never_the_days_left() {
        let theme = Theme::plain();
        let said =
            |width: usize, done: bool| deadline_line(&reply_due(done), &theme, false, width).to_string();
        assert_eq!(said(80, false), "· Support reply due Fri 2027-01-01 · in 25 days");
        assert_eq!(said(45, false), "· Support reply due 2027-01-01 · in 25 days");
        assert_eq!(said(39, false), "· Support reply due Jan 1 · in 25 days");
        assert_eq!(said(33, false), "· Support reply due · in 25 days");
        assert_eq!(said(25, false), "· Support r… · in 25 days");
        assert_eq!(said(32, true), "✓ Support reply due Jan 1 · done");
        for width in 16..60 {
            for done in [false, true] {
                let line = said(width, done);
                assert!(line.width() <= width, "{width}: {line}");
                let end = if done { "· done" } else { "· in 25 days" };
                assert!(line.ends_with(end), "{width}: {line}");
            }
        }
    }
}
