//! Decide: the choices that apply, and below them what the highlighted one
//! means — its dates (from the domain's rows), then Coursera's rules about
//! access, progress, certificates and refunds, with their source.

use super::lines::Lines;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::parts::{
    NARROW, choice_list, deadline_line, para_line, popup, popup_inner_width, scrolled, source_line,
    text_field_error, text_field_line,
};
use super::wrap::{wrap_line, wrap_styled};
use crate::tui::theme::Theme;
use crate::wizard::text;
use crate::wizard::view::decide::DecideFull;
use crate::wizard::view::{PageView, Tone};

/// "> ( ) " before each choice.
const CHOICE_LEAD: usize = 6;

/// Returns how far the detail pane can scroll.
pub fn draw(frame: &mut Frame, area: Rect, view: &PageView, full: &DecideFull, theme: &Theme) -> Option<u16> {
    // A subscription that is gone: nothing to ask.
    let question = view.heading.first()?;
    let width = area.width as usize;
    let mut head = wrap_styled(&question.text, width, 0, theme.heading());
    for para in &view.lead {
        // The trial that became paid: the symbol carries it without colour.
        let (said, indent) = match para.tone {
            Tone::Error => (format!("{} {}", crate::tui::theme::ERROR_SYMBOL, para.text), 2),
            _ => (para.text.clone(), 0),
        };
        head.extend(wrap_line(
            &para_line(crate::wizard::view::Para::new(said, para.tone), theme),
            width,
            indent,
        ));
    }
    head.push(Line::default());

    let [head_area, list_area, _, detail_area] = split::rows(
        area,
        [
            Fixed(head.len() as u16),
            Fixed(view.items.len() as u16),
            Fixed(1),
            Rest,
        ],
    );
    frame.render_widget(Lines::new(head), head_area);

    let labels = view.items.iter().zip(&full.wordings).map(|(item, tries)| {
        // The longest wording that fits, else the shortest.
        let label = tries
            .iter()
            .find(|t| t.width() + CHOICE_LEAD <= width)
            .or(tries.last())
            .cloned()
            .unwrap_or_default();
        (label, item.given)
    });
    let cursor = view.cursor.unwrap_or(0);
    choice_list(frame, list_area, labels, cursor, theme);

    if view.details.is_empty() {
        return None;
    }
    let compact = width < usize::from(NARROW);
    let mut lines = vec![Line::styled(text::WHAT_HAPPENS, theme.heading())];
    lines.extend(
        full.dates
            .iter()
            .map(|row| deadline_line(row, theme, compact, width)),
    );
    for para in &full.consequences {
        let indent = if para.text.starts_with("! ") { 2 } else { 0 };
        lines.extend(wrap_line(&para_line(para.clone(), theme), width, indent));
    }
    for source in &full.sources {
        lines.extend(wrap_line(&source_line(source, theme), width, 2));
    }
    let (shown, max) = scrolled(
        lines,
        detail_area.height as usize,
        full.detail_scroll.into(),
        theme,
    );
    frame.render_widget(Lines::new(shown), detail_area);
    if let Some(field) = &full.renaming {
        let inner = popup_inner_width(area);
        let (line, cursor) = text_field_line(text::RENAME_ACCOUNT_PROMPT, field, inner, theme);
        let mut lines = vec![line];
        lines.extend(text_field_error(field, inner, 0, theme));
        lines.push(Line::default());
        lines.extend(wrap_styled(text::RENAME_ACCOUNT_KEYS, inner, 0, theme.dim()));
        let rect = popup(frame, area, text::RENAME_TITLE, lines, theme);
        frame.set_cursor_position(ratatui::layout::Position::new(rect.x + 2 + cursor, rect.y + 1));
    }
    if let Some(confirm) = &view.confirm {
        let mut lines = Vec::new();
        for para in &confirm.lines {
            // The keys to answer stand apart from the warnings.
            if para.tone == Tone::Keys {
                lines.push(Line::default());
            }
            lines.push(para_line(para.clone(), theme));
        }
        popup(frame, area, &confirm.title, lines, theme);
    }
    Some(max)
}
