//! One file per screen; each draws the main pane of its page.

pub mod help;
pub mod home;
pub mod identify;
mod parts;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding};

use super::theme::Theme;
use crate::wizard::text;
use crate::wizard::{Page, Wizard};

pub fn draw_page(frame: &mut Frame, area: Rect, wizard: &Wizard, theme: &Theme) {
    let title = match wizard.page() {
        Page::Home(_) => text::HOME_TITLE,
        Page::Identify(_) => text::IDENTIFY_TITLE,
    };
    let block = Block::bordered()
        .border_style(theme.border())
        .padding(Padding::horizontal(1))
        .title(Line::from(format!(" {title} ")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match wizard.page() {
        Page::Home(page) => home::draw(frame, inner, wizard, page, theme),
        Page::Identify(page) => identify::draw(frame, inner, wizard, page, theme),
    }
}
