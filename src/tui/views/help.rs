//! The `?` overlay: every key, this screen's first.

use super::lines::Lines;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding};

use super::wrap::wrap;
use crate::tui::theme::Theme;
use crate::wizard::text;
use crate::wizard::view::HelpFull;

/// Returns the largest scroll that still fills the box.
pub fn draw(frame: &mut Frame, area: Rect, help: &HelpFull, theme: &Theme) -> u16 {
    let (sections, scroll) = (&help.sections, help.scroll);
    let key_width = sections
        .iter()
        .flat_map(|(_, c)| c.iter().map(|c| c.keys.chars().count()))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (title, commands) in sections {
        if commands.is_empty() {
            continue;
        }
        lines.push(Line::styled(title.as_str(), theme.heading()));
        for command in commands {
            let pad = key_width.saturating_sub(command.keys.chars().count());
            // A long description goes on under itself, not past the border.
            let room = usize::from(area.width.saturating_sub(4)).saturating_sub(key_width + 4);
            let mut said = wrap(command.action, room.max(10), 0).into_iter();
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(command.keys, theme.key()),
                Span::raw(format!(
                    "{}  {}",
                    " ".repeat(pad),
                    said.next().unwrap_or_default()
                )),
            ]));
            lines.extend(said.map(|more| Line::raw(format!("{}{more}", " ".repeat(key_width + 4)))));
        }
        lines.push(Line::default());
    }
    lines.pop();
    let rect = area;
    let visible = rect.height.saturating_sub(2);

    let max_scroll = (lines.len() as u16).saturating_sub(visible);
    let scroll = scroll.min(max_scroll);
    let more = if (lines.len() as u16).saturating_sub(scroll) > visible {
        text::HELP_SCROLL_MORE
    } else {
        ""
    };
    let block = Block::bordered()
        .border_style(theme.heading())
        .padding(Padding::horizontal(1))
        .title(Line::from(text::help_title()))
        .title_bottom(Line::from(more).right_aligned());
    frame.render_widget(Clear, rect);
    frame.render_widget(Lines::new(lines).block(block).scroll(scroll), rect);
    max_scroll
}

#[cfg(test)]
mod tests {
    use crate::tui::theme::{DONE_SYMBOL, SELECTED_SYMBOL, urgency_symbol};
    use crate::tui::views::checklist::NOTE_MARK;
    use crate::wizard::text::HELP_SYMBOL_KEYS;
    use crate::wizard::view::Urgency;

    #[test]
    fn the_legend_explains_the_symbols_the_screens_draw() {
        let legend: Vec<&str> = HELP_SYMBOL_KEYS.iter().map(|c| c.keys).collect();
        let drawn = [
            SELECTED_SYMBOL.trim(),
            urgency_symbol(Urgency::Overdue),
            urgency_symbol(Urgency::Urgent),
            urgency_symbol(Urgency::Soon),
            urgency_symbol(Urgency::Later),
            DONE_SYMBOL,
            NOTE_MARK.trim(),
        ];
        assert_eq!(legend, drawn);
        assert_eq!(urgency_symbol(Urgency::Today), urgency_symbol(Urgency::Urgent));
    }
}
