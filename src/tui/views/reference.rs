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

pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Reference, theme: &Theme) {
    let entries = entries(wizard.policy(), page.topic());
    let [head, body] = split::rows(area, [Fixed(2), Rest]);
    let position = text::entry_of(page.selected() + 1, entries.len());
    frame.render_widget(Paragraph::new(Line::styled(position, theme.dim())), head);

    let width = body.width as usize;
    let indent = SELECTED_SYMBOL.chars().count();
    let mut doc = Document::default();
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
            lines.extend(
                wrap(entry.body, width.saturating_sub(indent), 0)
                    .into_iter()
                    .map(|l| Line::from(format!("{pad}{l}"))),
            );
            let source = text::source(&entry.origin.source, &entry.origin.as_of);
            lines.extend(
                wrap(&source, width.saturating_sub(indent), 0)
                    .into_iter()
                    .map(|l| Line::styled(format!("{pad}{l}"), theme.dim())),
            );
            lines.push(Line::default());
        }
        doc.entry(lines);
    }
    doc.draw(frame, body, page.selected(), theme);
}
