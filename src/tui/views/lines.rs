//! Lines the views have already fitted to the width (wrap.rs), drawn one a
//! row. `Paragraph` without `.wrap(..)` draws the same cells, but it
//! splits every line into graphemes, collects them in a vector and counts
//! their widths twice — about a third of a frame's cost on the Deadlines
//! screen. This draws the same cells, in the same way, with a short cut
//! for the common case: a span of printable ASCII is one cell a byte.
//!
//! What it keeps of `Paragraph` (no wrap, no horizontal scroll), cell for
//! cell: the widget's style laid over its area before the block and again
//! over the inner area; each grapheme styled with the text's style patched
//! by the line's and the span's; alignment (the line's, else the text's);
//! a line wider than the area cut at the width, a wide character that
//! would straddle the edge dropped along with the rest of the line; a
//! character wider than the whole area skipped; zero-width graphemes and
//! graphemes containing control characters not drawn.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, StyledGrapheme, Text};
use ratatui::widgets::{Block, Widget};

/// A `Paragraph` for lines that need no wrapping.
pub struct Lines<'a> {
    text: Text<'a>,
    block: Option<Block<'a>>,
    style: Style,
    scroll: u16,
}

impl<'a> Lines<'a> {
    pub fn new<T: Into<Text<'a>>>(text: T) -> Self {
        Lines {
            text: text.into(),
            block: None,
            style: Style::default(),
            scroll: 0,
        }
    }

    pub fn block(mut self, block: Block<'a>) -> Self {
        self.block = Some(block);
        self
    }

    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// The first `rows` lines are scrolled off the top.
    pub fn scroll(mut self, rows: u16) -> Self {
        self.scroll = rows;
        self
    }
}

impl Widget for Lines<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        // A default style changes no cell: patching with it is skipped.
        let styled = self.style != Style::default();
        if styled {
            buf.set_style(area, self.style);
        }
        let inner = match &self.block {
            Some(block) => {
                block.render(area, buf);
                block.inner(area)
            }
            None => area,
        };
        if inner.is_empty() {
            return;
        }
        if styled {
            buf.set_style(inner, self.style);
        }
        let alignment = self.text.alignment.unwrap_or(Alignment::Left);
        let rows = self.text.lines.iter().skip(usize::from(self.scroll));
        for (y, line) in (inner.y..inner.bottom()).zip(rows) {
            let alignment = line.alignment.unwrap_or(alignment);
            draw_line(line, self.text.style, alignment, inner.x, y, inner.width, buf);
        }
    }
}

/// One line into row `y`, from column `left`, `width` columns wide.
fn draw_line(
    line: &Line,
    base: Style,
    alignment: Alignment,
    left: u16,
    y: u16,
    width: u16,
    buf: &mut Buffer,
) {
    let offset = match alignment {
        Alignment::Left => 0,
        Alignment::Center => (width / 2).saturating_sub(fitted_width(line, width) / 2),
        Alignment::Right => width.saturating_sub(fitted_width(line, width)),
    };
    let start = buf.index_of(left, y);
    let row = &mut buf.content[start..start + usize::from(width)];
    let line_style = base.patch(line.style);
    // Columns used so far, counted from the left of the area, before the offset.
    let mut used: u16 = 0;
    for span in &line.spans {
        let style = line_style.patch(span.style);
        let content = span.content.as_ref();
        if is_plain(content) {
            for &byte in content.as_bytes() {
                if used >= width {
                    return;
                }
                let x = usize::from(offset + used);
                row[x].set_char(char::from(byte)).set_style(style);
                used += 1;
            }
        } else {
            for StyledGrapheme { symbol, style } in span.styled_graphemes(line_style) {
                let w = symbol.cell_width();
                if w > width {
                    continue;
                }
                if used + w > width {
                    return;
                }
                if w > 0 {
                    row[usize::from(offset + used)]
                        .set_symbol(symbol)
                        .set_style(style);
                }
                used += w;
            }
        }
    }
}

/// The width of `line` once cut at `width` columns, as drawn above.
fn fitted_width(line: &Line, width: u16) -> u16 {
    let mut used: u16 = 0;
    for span in &line.spans {
        let content = span.content.as_ref();
        if is_plain(content) {
            let room = usize::from(width - used);
            if content.len() >= room {
                return width;
            }
            used += content.len() as u16;
        } else {
            for g in span.styled_graphemes(Style::default()) {
                let w = g.symbol.cell_width();
                if w > width {
                    continue;
                }
                if used + w > width {
                    return used;
                }
                used += w;
            }
        }
    }
    used
}

/// Whether every line is no wider than `width` columns: then
/// `Paragraph`'s word wrap (`trim: false`) has nothing to wrap and draws
/// just what `Lines` draws.
pub fn fit(lines: &[Line], width: u16) -> bool {
    lines.iter().all(|line| {
        let mut used = 0usize;
        for span in &line.spans {
            let content = span.content.as_ref();
            used += if is_plain(content) {
                content.len()
            } else {
                span.styled_graphemes(Style::default())
                    .map(|g| usize::from(g.symbol.cell_width()))
                    .sum()
            };
        }
        used <= usize::from(width)
    })
}

/// Printable ASCII only: one grapheme, and one column, a byte.
pub(super) fn is_plain(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;
    use ratatui::widgets::{Borders, Paragraph};

    fn both(text: Text<'static>, block: Option<Block<'static>>, style: Style, scroll: u16) {
        let area = Rect::new(0, 0, 12, 5);
        let mut fill = Buffer::empty(area);
        // Something under the text, to see what is and is not overwritten.
        for (i, cell) in fill.content.iter_mut().enumerate() {
            cell.set_char(char::from(b'a' + (i % 26) as u8))
                .set_fg(Color::Green);
        }
        let mut want = fill.clone();
        let mut para = Paragraph::new(text.clone()).style(style).scroll((scroll, 0));
        let mut ours = Lines::new(text).style(style).scroll(scroll);
        if let Some(block) = block {
            para = para.block(block.clone());
            ours = ours.block(block);
        }
        para.render(Rect::new(1, 0, 10, 5), &mut want);
        let mut got = fill;
        ours.render(Rect::new(1, 0, 10, 5), &mut got);
        assert_eq!(got, want);
    }

    #[test]
    fn draws_what_paragraph_draws() {
        let lines = vec![
            Line::from(vec![
                Span::styled("key", Style::new().bold()),
                Span::raw(" a long line that is cut"),
            ]),
            Line::styled("dim 中文中文中文", Style::new().dim()),
            Line::from("x中文中文中文中"),
            Line::from("tab\there e\u{301}\u{200b}!"),
            Line::from("centred").centered(),
            Line::from("中文 right").right_aligned(),
            Line::from("much too long to centre").centered(),
            Line::from("中文中文中文中文中文").right_aligned(),
            Line::from(""),
            Line::from("ｶﾞｷﾞ halfwidth"),
        ];
        let text = Text::from(lines.clone());
        for scroll in 0..6 {
            both(text.clone(), None, Style::default(), scroll);
            both(
                text.clone(),
                Some(Block::bordered()),
                Style::new().fg(Color::Red),
                scroll,
            );
            both(
                text.clone(),
                Some(Block::new().borders(Borders::LEFT).title("t")),
                Style::new().bg(Color::Blue).add_modifier(Modifier::ITALIC),
                scroll,
            );
        }
        both(
            Text::from(lines).style(Style::new().underlined()).centered(),
            None,
            Style::default(),
            0,
        );
        both(Text::from("x"), Some(Block::bordered()), Style::default(), 0);
    }

    #[test]
    fn lines_that_fit_are_drawn_as_paragraph_wraps_them() {
        let lines = vec![
            Line::from(vec![
                Span::styled("> ", Style::new().bold()),
                Span::styled("1. Start", Style::new().dim()),
            ]),
            Line::default(),
            Line::styled("  lead  and   gaps  ", Style::new().fg(Color::Red)),
            Line::from(vec![Span::raw("exactly 8"), Span::raw("")]),
            Line::from("12345678"),
            Line::from(vec![
                Span::raw("1234 "),
                Span::styled("   ", Style::new().bg(Color::Blue)),
            ]),
            Line::from(" "),
            Line::from(vec![
                Span::styled("✓ ", Style::new().green()),
                Span::raw("中文 ｶﾞ e\u{301} x"),
            ]),
            Line::from("中文中文中文中文中文"),
        ];
        let block = Block::bordered().title("t");
        assert!(fit(&lines, block.inner(Rect::new(1, 0, 22, 11)).width));
        let area = Rect::new(0, 0, 24, 11);
        let mut want = Buffer::empty(area);
        Paragraph::new(lines.clone())
            .block(block.clone())
            .wrap(ratatui::widgets::Wrap { trim: false })
            .render(Rect::new(1, 0, 22, 11), &mut want);
        let mut got = Buffer::empty(area);
        Lines::new(lines)
            .block(block)
            .render(Rect::new(1, 0, 22, 11), &mut got);
        assert_eq!(got, want);
        assert!(!fit(&[Line::from("123456789")], 8));
        assert!(!fit(&[Line::from("中文中文中")], 8));
    }
}
