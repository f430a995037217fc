//! "Do you live in the EU or the UK?" over any page (`A`): the three answers,
//! the saved one marked, and what the highlighted one means for refunds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::parts::popup;
use crate::tui::theme::{SELECTED_SYMBOL, Theme};
use crate::wizard::text;
use crate::wizard::view::{PageView, RegionFull};

pub fn draw(frame: &mut Frame, area: Rect, view: &PageView, region: &RegionFull, theme: &Theme) {
    let mut lines = vec![
        Line::styled(region.question.clone(), theme.heading()),
        Line::from(region.why.clone()),
        Line::default(),
    ];
    for (i, answer) in view.items.iter().enumerate() {
        let lead = if view.cursor == Some(i) {
            SELECTED_SYMBOL
        } else {
            "  "
        };
        let mark = if answer.given { "(•)" } else { "( )" };
        let style = if view.cursor == Some(i) {
            theme.selected()
        } else {
            Style::default()
        };
        lines.push(Line::styled(format!("{lead}{mark} {}", answer.text), style));
    }
    // The keys are in the footer: at 60x20 every line here counts.
    lines.push(Line::from(region.consequence.clone()));
    lines.push(Line::styled(region.source.clone(), theme.dim()));
    popup(frame, area, text::REGION_TITLE, lines, theme);
}
