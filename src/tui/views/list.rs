//! The views' selection lists, drawn as ratatui's `List` draws them with a
//! highlight symbol, `HighlightSpacing::Always`, a highlight style, no
//! block, no list or item style, no scroll padding, top to bottom — cell
//! for cell, and with the same window (`ListState::offset`) — but without
//! `List`'s per-grapheme work for the lines that are printable ASCII.
//!
//! What it keeps of `List` (and of `Text`/`Line`/`Span` rendering): the
//! window from the state's offset, moved just enough to show the selected
//! item (a selection past the end is clamped to the last item; no items
//! clears the selection); each item drawn from its row, the first item
//! past the area's bottom included when it is the selected one (its rows
//! outside the area but inside the buffer drawn too); the text's style over
//! the item's area, each non-empty line's style over its whole row, each
//! span's style over its cells, the line's alignment (else the text's); the
//! highlight style over the selected item's rows and the symbol on its first
//! row, spaces in the symbol's columns of every other row. Lines that are
//! not plain ASCII, or too wide and not left-aligned, are drawn by ratatui.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListState, StatefulWidget, Widget};

use super::lines::is_plain;

/// A `List` of `Text` items with a highlight symbol and
/// `HighlightSpacing::Always`.
pub struct SelectList<'a> {
    items: Vec<Text<'a>>,
    symbol: &'a str,
    highlight: Style,
}

impl<'a> SelectList<'a> {
    pub fn new<T: Into<Text<'a>>>(items: impl IntoIterator<Item = T>) -> Self {
        SelectList {
            items: items.into_iter().map(Into::into).collect(),
            symbol: "",
            highlight: Style::default(),
        }
    }

    pub fn highlight_symbol(mut self, symbol: &'a str) -> Self {
        self.symbol = symbol;
        self
    }

    pub fn highlight_style(mut self, style: Style) -> Self {
        self.highlight = style;
        self
    }

    /// The first and one past the last item in sight, as `List` computes
    /// them (`get_items_bounds` with no scroll padding).
    fn bounds(&self, selected: Option<usize>, offset: usize, max_height: usize) -> (usize, usize) {
        let items = &self.items;
        let offset = offset.min(items.len().saturating_sub(1));
        let mut first = offset;
        let mut last = offset;
        let mut height = 0;
        for item in &items[offset..] {
            if height + item.height() > max_height {
                break;
            }
            height += item.height();
            last += 1;
        }
        let shown = selected.map_or(offset, |s| s.min(items.len().saturating_sub(1)));
        while shown >= last {
            height = height.saturating_add(items[last].height());
            last += 1;
            while height > max_height {
                height = height.saturating_sub(items[first].height());
                first += 1;
            }
        }
        while shown < first {
            first -= 1;
            height = height.saturating_add(items[first].height());
            while height > max_height {
                last -= 1;
                height = height.saturating_sub(items[last].height());
            }
        }
        (first, last)
    }
}

impl StatefulWidget for SelectList<'_> {
    type State = ListState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ListState) {
        if area.is_empty() {
            return;
        }
        if self.items.is_empty() {
            state.select(None);
            return;
        }
        if state.selected().is_some_and(|s| s >= self.items.len()) {
            state.select(Some(self.items.len() - 1));
        }
        let (first, last) = self.bounds(state.selected(), state.offset(), usize::from(area.height));
        *state.offset_mut() = first;

        let symbol = Line::raw(self.symbol);
        let symbol_width = symbol.width() as u16;
        let blank = Line::raw(" ".repeat(usize::from(symbol_width)));
        let mut y = area.top();
        for (i, item) in self.items.iter().enumerate().take(last).skip(first) {
            let height = item.height() as u16;
            let row_area = Rect::new(area.x, y, area.width, height);
            let item_area = Rect {
                x: row_area.x + symbol_width,
                width: row_area.width.saturating_sub(symbol_width),
                ..row_area
            };
            draw_text(item, item_area, buf);
            let selected = state.selected() == Some(i);
            if selected && self.highlight != Style::default() {
                buf.set_style(row_area, self.highlight);
            }
            for j in 0..item.height() {
                let line = if selected && j == 0 { &symbol } else { &blank };
                let symbol_area = Rect::new(area.x, y + j as u16, symbol_width, 1);
                draw_line(line, None, symbol_area, buf);
            }
            y = y.saturating_add(height);
        }
    }
}

/// `Text`'s `Widget::render`.
fn draw_text(text: &Text, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if text.style != Style::default() {
        buf.set_style(area, text.style);
    }
    for (line, row) in text.lines.iter().zip(area.rows()) {
        draw_line(line, text.alignment, row, buf);
    }
}

/// `Line`'s `render_with_alignment`: spans of printable ASCII by hand (a
/// byte a cell), others by ratatui's `Span`; a line too wide for its row
/// that is not left-aligned, all by ratatui.
fn draw_line(line: &Line, parent: Option<Alignment>, area: Rect, buf: &mut Buffer) {
    let alignment = line.alignment.or(parent);
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let area = Rect { height: 1, ..area };
    let line_width: usize = line.spans.iter().map(span_width).sum();
    if line_width == 0 {
        return;
    }
    let width = usize::from(area.width);
    let indent = match alignment {
        Some(Alignment::Center | Alignment::Right) if line_width > width => {
            return fallback(line, alignment, area, buf);
        }
        Some(Alignment::Center) => (width - line_width) / 2,
        Some(Alignment::Right) => width - line_width,
        Some(Alignment::Left) | None => 0,
    };
    if line.style != Style::default() {
        buf.set_style(area, line.style);
    }
    let start = buf.index_of(area.x, area.y);
    let mut x = indent;
    for span in &line.spans {
        let content = span.content.as_ref();
        if is_plain(content) {
            let row = &mut buf.content[start..start + width];
            for &byte in content.as_bytes() {
                if x >= width {
                    return;
                }
                row[x].set_char(char::from(byte)).set_style(span.style);
                x += 1;
            }
        } else {
            // `Line` skips spans of no width, and stops at the row's end.
            let w = span.width();
            if w == 0 {
                continue;
            }
            if x >= width {
                return;
            }
            let rest = Rect {
                x: area.x + x as u16,
                width: (width - x) as u16,
                ..area
            };
            span.render(rest, buf);
            x += w;
        }
    }
}

/// A span's columns, as `Span::width` counts them.
fn span_width(span: &Span) -> usize {
    let content = span.content.as_ref();
    if is_plain(content) {
        content.len()
    } else {
        span.width()
    }
}

/// The line drawn by ratatui, with `alignment` as its own.
fn fallback(line: &Line, alignment: Option<Alignment>, area: Rect, buf: &mut Buffer) {
    if line.alignment == alignment {
        line.render(area, buf);
    } else {
        let mut line = line.clone();
        line.alignment = alignment;
        line.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::{HighlightSpacing, List, ListItem};

    fn items() -> Vec<Text<'static>> {
        vec![
            Text::from("one"),
            Text::from(vec![
                Line::from(vec![
                    Span::styled("two", Style::new().bold()),
                    Span::raw(" and a line that is far too long"),
                ]),
                Line::styled("  second row", Style::new().fg(Color::Red)),
            ]),
            Text::from(Line::from("centred").centered()),
            Text::from(vec![Line::from(""), Line::from("after blank")]).style(Style::new().italic()),
            Text::from("(•) 中文 choice"),
            Text::from(Line::from("much too long to right-align").right_aligned()),
            Text::from(
                (0..9)
                    .map(|i| Line::from(format!("tall {i}")))
                    .collect::<Vec<_>>(),
            ),
            Text::from(vec![
                Line::from("x中文中文中文中文"),
                Line::from("e\u{301}\u{200b}!"),
            ])
            .centered(),
            Text::from(vec![
                Line::from(vec![
                    Span::styled("✓ ", Style::new().green()),
                    Span::raw("done "),
                    Span::styled("\u{200b}", Style::new().red()),
                    Span::styled("中文中文中文", Style::new().dim()),
                    Span::raw(" tail"),
                ]),
                Line::from(vec![Span::raw("ｶﾞ "), Span::styled("right", Style::new().bold())]).right_aligned(),
                Line::from(vec![Span::raw("中文"), Span::raw("")]).centered(),
            ]),
            Text::from(Line::styled("last", Style::new().bg(Color::Blue))),
        ]
    }

    fn both(items: Vec<Text<'static>>, selected: Option<usize>, offset: usize, height: u16) {
        let buffer = Rect::new(0, 0, 16, 12);
        let mut fill = Buffer::empty(buffer);
        for (i, cell) in fill.content.iter_mut().enumerate() {
            cell.set_char(char::from(b'a' + (i % 26) as u8))
                .set_fg(Color::Green);
        }
        let area = Rect::new(1, 1, 14, height);
        let highlight = Style::new().bg(Color::Yellow).add_modifier(Modifier::BOLD);
        let mut want = fill.clone();
        let mut want_state = ListState::default().with_selected(selected).with_offset(offset);
        let list = List::new(items.iter().cloned().map(ListItem::new))
            .highlight_symbol("> ")
            .highlight_spacing(HighlightSpacing::Always)
            .highlight_style(highlight);
        StatefulWidget::render(list, area, &mut want, &mut want_state);
        let mut got = fill;
        let mut got_state = ListState::default().with_selected(selected).with_offset(offset);
        let ours = SelectList::new(items)
            .highlight_symbol("> ")
            .highlight_style(highlight);
        StatefulWidget::render(ours, area, &mut got, &mut got_state);
        let case = format!("selected {selected:?} offset {offset} height {height}");
        assert_eq!(got, want, "{case}");
        assert_eq!(got_state, want_state, "{case}");
    }

    #[test]
    fn draws_what_list_draws() {
        let count = items().len();
        for height in [0, 1, 2, 3, 5, 8, 10] {
            for offset in [0, 1, 3, 6, 8, 20] {
                for selected in (0..count + 2).map(Some).chain([None]) {
                    both(items(), selected, offset, height);
                }
            }
        }
        both(Vec::new(), Some(0), 0, 5);
        let plain: Vec<Text> = (0..30).map(|i| Text::from(format!("item {i}"))).collect();
        for selected in [0, 5, 17, 29] {
            for offset in [0, 10, 25] {
                both(plain.clone(), Some(selected), offset, 8);
            }
        }
    }
}
