//! FAQ and Troubleshooting: one line per question (or problem); the
//! highlighted one opens to its answer (or fix) and source.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::document::Document;
use super::wrap::wrap;
use crate::tui::theme::{SELECTED_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::reference::{Reference, entries};
use crate::wizard::text;

/// Returns how far the highlighted answer can scroll.
pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Reference, theme: &Theme) -> Option<u16> {
    let entries = entries(wizard.policy(), page.topic());
    let [head, body] = split::rows(area, [Fixed(2), Rest]);
    let position = text::entry_of(page.selected() + 1, entries.len());
    frame.render_widget(Paragraph::new(Line::styled(position, theme.dim())), head);

    let width = body.width as usize;
    let indent = SELECTED_SYMBOL.chars().count();
    let mut doc = Document::default();
    let mut scroll_max = None;
    for (i, entry) in entries.iter().enumerate() {
        let selected = i == page.selected();
        let mut lines: Vec<Line> = wrap(entry.title, width.saturating_sub(indent), 0)
            .into_iter()
            .enumerate()
            .map(|(n, l)| {
                let symbol = if selected && n == 0 { SELECTED_SYMBOL } else { "  " };
                let style = if selected {
                    theme.selected()
                } else {
                    theme.heading()
                };
                Line::styled(format!("{symbol}{l}"), style)
            })
            .collect();
        if selected {
            let pad = " ".repeat(indent);
            let mut answer: Vec<Line> = wrap(entry.body, width.saturating_sub(indent), 0)
                .into_iter()
                .map(|l| Line::from(format!("{pad}{l}")))
                .collect();
            let source = text::source(&entry.origin.source, &entry.origin.as_of);
            answer.extend(
                wrap(&source, width.saturating_sub(indent), 0)
                    .into_iter()
                    .map(|l| Line::styled(format!("{pad}{l}"), theme.dim())),
            );
            // Scrolled on (PgDn) when taller than the window: the lines read
            // go, a mark says so, the rest moves up into sight.
            let most = answer.len().saturating_sub(1);
            let skip = usize::from(page.detail_scroll()).min(most);
            scroll_max = Some(most as u16);
            if skip > 0 {
                lines.push(Line::styled(
                    format!("{pad}{}", text::lines_above(skip)),
                    theme.dim(),
                ));
            }
            lines.extend(answer.into_iter().skip(skip));
            lines.push(Line::default());
        }
        doc.entry(lines);
    }
    doc.draw(frame, body, page.selected(), theme);
    scroll_max
}
