//! "Do you live in the EU or the UK?" over any page (`A`): the three answers,
//! the saved one marked, and what the highlighted one means for refunds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use ratatui::style::Style;

use super::parts::{popup, source_line};
use crate::tui::theme::{SELECTED_SYMBOL, Theme};
use crate::wizard::{RegionAnswer, Wizard, text};

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    wizard: &Wizard,
    answers: &[RegionAnswer],
    cursor: usize,
    theme: &Theme,
) {
    let rule = &wizard.policy().region;
    let saved = wizard.region_answer().unwrap_or(RegionAnswer::NotSure);
    let mut lines = vec![
        Line::styled(rule.question.clone(), theme.heading()),
        Line::from(rule.why.clone()),
        Line::default(),
    ];
    for (i, answer) in answers.iter().enumerate() {
        let label = match answer {
            RegionAnswer::EuUk => text::REGION_YES,
            RegionAnswer::Elsewhere => text::REGION_NO,
            RegionAnswer::NotSure => text::NOT_SURE,
        };
        let lead = if i == cursor { SELECTED_SYMBOL } else { "  " };
        let mark = if *answer == saved { "(•)" } else { "( )" };
        let style = if i == cursor {
            theme.selected()
        } else {
            Style::default()
        };
        lines.push(Line::styled(format!("{lead}{mark} {label}"), style));
    }
    let consequence = match answers.get(cursor) {
        Some(RegionAnswer::EuUk) => &rule.eu_uk,
        Some(RegionAnswer::Elsewhere) => &rule.elsewhere,
        _ => &rule.not_sure,
    };
    // The keys are in the footer: at 60x20 every line here counts.
    lines.push(Line::from(consequence.clone()));
    lines.push(source_line(&rule.origin, theme));
    popup(frame, area, text::REGION_TITLE, lines, theme);
}
