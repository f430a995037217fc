//! One file per screen; each draws the main pane of its page.

pub mod checklist;
pub mod deadlines;
pub mod decide;
mod document;
pub mod help;
pub mod home;
pub mod identify;
pub mod lines;
pub mod list;
pub(crate) mod parts;
pub mod reference;
pub mod region;
pub mod steps;
pub mod summary;
pub(crate) mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding};

use super::theme::Theme;
use crate::wizard::text;
use crate::wizard::view::{Full, PageView};

/// Draws the page; returns how far its detail pane can scroll, if it has one.
pub fn draw_page(frame: &mut Frame, area: Rect, view: &PageView, theme: &Theme) -> Option<u16> {
    // Home's box says what the list is; every other page's box is its title.
    let title = match &view.full {
        Full::Home(_) => text::HOME_TITLE,
        _ => view.title.as_str(),
    };
    let block = Block::bordered()
        .border_style(theme.border())
        .title_style(theme.pane_title())
        .padding(Padding::horizontal(1))
        // A long account label is cut with "…", inside the corners.
        .title(Line::from(format!(
            " {} ",
            wrap::cut(title, usize::from(area.width.saturating_sub(4)))
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match &view.full {
        Full::Home(full) => home::draw(frame, inner, view, full, theme),
        Full::Identify(full) => return identify::draw(frame, inner, view, full, theme),
        Full::Decide(full) => return decide::draw(frame, inner, view, full, theme),
        Full::Steps(full) => steps::draw(frame, inner, view, full, theme),
        Full::Checklist(full) => return checklist::draw(frame, inner, view, full, theme),
        Full::Deadlines(full) => return deadlines::draw(frame, inner, view, full, theme),
        Full::Summary(full) => summary::draw(frame, inner, view, full, theme),
        Full::Reference(full) => return reference::draw(frame, inner, view, full, theme),
        // The help and the region question stand alone (screen.rs); nothing else is drawn here.
        Full::Help(_) | Full::Region(_) | Full::Nothing => {}
    }
    None
}
