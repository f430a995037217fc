//! A scrolling list of entries, each a block of lines, kept in view around
//! the highlighted one; and a word wrap that also cuts over-long words.

use crate::tui::split::{self, Part::Fixed};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::theme::Theme;
use crate::wizard::text;

/// Lines where each entry is a block that can be highlighted; drawn
/// scrolled so the highlighted block is in view, with "n more" below when
/// not everything fits.
#[derive(Default)]
pub struct Document<'a> {
    lines: Vec<Line<'a>>,
    /// Each entry's first line and the line after its last.
    entries: Vec<(usize, usize)>,
}

impl<'a> Document<'a> {
    /// A line that is not an entry (a heading, a gap).
    pub fn line(&mut self, line: Line<'a>) {
        self.lines.push(line);
    }

    pub fn entry(&mut self, lines: Vec<Line<'a>>) {
        let start = self.lines.len();
        self.lines.extend(lines);
        self.entries.push((start, self.lines.len()));
    }

    pub fn draw(self, frame: &mut Frame, area: Rect, selected: usize, theme: &Theme) {
        let total = self.lines.len();
        let overflow = total > area.height as usize;
        let height = (area.height as usize).saturating_sub(usize::from(overflow));
        let (start, end) = self.entries.get(selected).copied().unwrap_or((0, 0));
        let mut offset = 0;
        if end > height {
            offset = end - height;
        }
        // One line of context above (a heading) when it fits.
        let top = start.saturating_sub(1);
        if offset > top && end - top <= height {
            offset = top;
        }
        offset = offset.min(start);
        let shown: Vec<Line> = self.lines.into_iter().skip(offset).take(height).collect();
        let [list, more] = split::rows(area, [Fixed(height as u16), Fixed(u16::from(overflow))]);
        frame.render_widget(Paragraph::new(shown), list);
        if overflow {
            let above = self.entries.iter().filter(|(s, _)| *s < offset).count();
            let below = self.entries.iter().filter(|(_, e)| *e > offset + height).count();
            let note = if above + below == 0 {
                String::new()
            } else {
                text::more(above, below)
            };
            frame.render_widget(Paragraph::new(Line::styled(note, theme.dim())), more);
        }
    }
}

/// Word wrap to `width` columns (later lines indented by `indent`), cutting
/// words longer than a line (web addresses) rather than hiding their end.
pub fn fit(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 1);
    let room = |lines: &Vec<String>| if lines.is_empty() { width } else { width - indent };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().collect();
        if len > 0 && len + 1 + chars.len() > room(&lines) {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        while len == 0 && chars.len() > room(&lines) {
            let rest = chars.split_off(room(&lines));
            lines.push(chars.iter().collect());
            chars = rest;
        }
        line.extend(chars.iter());
        len += chars.len();
    }
    lines.push(line);
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l } else { format!("{pad}{l}") })
        .collect()
}
