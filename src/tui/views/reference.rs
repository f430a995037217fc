//! FAQ and Troubleshooting: one line per question (or problem); the
//! highlighted one opens to its answer (or fix) and source.

use super::lines::Lines;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::document::Document;
use super::wrap::{wrap, wrap_hanging};
use crate::tui::theme::{SELECTED_SYMBOL, Theme};
use crate::wizard::text;
use crate::wizard::view::PageView;
use crate::wizard::view::reference::{Answer, ReferenceFull};

/// Returns how far the highlighted answer can scroll.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    view: &PageView,
    full: &ReferenceFull,
    theme: &Theme,
) -> Option<u16> {
    let [head, body] = split::rows(area, [Fixed(2), Rest]);
    frame.render_widget(Lines::new(Line::styled(full.position.clone(), theme.dim())), head);

    let width = body.width as usize;
    let indent = SELECTED_SYMBOL.chars().count();
    let selected = view.cursor.unwrap_or_default();
    let mut doc = Document::default();
    let mut scroll_max = None;
    for (i, entry) in view.items.iter().enumerate() {
        let open = full.open.as_ref().filter(|_| i == selected);
        let mut lines: Vec<Line> = wrap(&entry.text, width.saturating_sub(indent), 0)
            .into_iter()
            .enumerate()
            .map(|(n, l)| {
                let symbol = if open.is_some() && n == 0 {
                    SELECTED_SYMBOL
                } else {
                    "  "
                };
                let style = if open.is_some() {
                    theme.selected()
                } else {
                    theme.heading()
                };
                Line::styled(format!("{symbol}{l}"), style)
            })
            .collect();
        if let Some(answer) = open {
            scroll_max = Some(answer_lines(&mut lines, answer, full.scroll, width, theme));
        }
        doc.entry(lines);
    }
    doc.draw(frame, body, selected, theme);
    scroll_max
}

/// The answer and its source under the question, scrolled on (PgDn) when
/// taller than the window: the lines read go, a mark says so, the rest
/// moves up into sight. Returns how far it can scroll.
fn answer_lines(lines: &mut Vec<Line>, answer: &Answer, scroll: u16, width: usize, theme: &Theme) -> u16 {
    let indent = SELECTED_SYMBOL.chars().count();
    let pad = " ".repeat(indent);
    // Under the question; an address too long for that moves left to show whole.
    let hanging = |text: &str| {
        wrap_hanging(text, width, indent)
            .into_iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { format!("{pad}{l}") } else { l })
            .collect::<Vec<_>>()
    };
    let mut shown: Vec<Line> = hanging(&answer.text).into_iter().map(Line::from).collect();
    shown.extend(
        hanging(&answer.source)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim())),
    );
    let most = shown.len().saturating_sub(1);
    let skip = usize::from(scroll).min(most);
    if skip > 0 {
        lines.push(Line::styled(
            format!("{pad}{}", text::lines_above(skip)),
            theme.dim(),
        ));
    }
    lines.extend(shown.into_iter().skip(skip));
    lines.push(Line::default());
    most as u16
}
