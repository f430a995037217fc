//! FAQ and Troubleshooting: each question (or problem), the highlighted one
//! with its answer (or fix) and source.

use super::{Full, Item, PageView, Para, Pick, Tone};
use crate::wizard::reference::{Reference, entries};
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, page: &Reference) -> PageView {
    let entries = entries(wizard.policy(), page.topic());
    let mut view = PageView::new(page.topic().title());
    view.heading.push(Para::new(page.topic().title(), Tone::Heading));
    view.items = entries.iter().map(|e| Item::new(e.title)).collect();
    view.pick = Pick::Highlight;
    view.cursor = Some(page.selected());
    let open = entries.get(page.selected()).map(|entry| Answer {
        text: entry.body.to_string(),
        source: text::source(&entry.origin.source, &entry.origin.as_of),
    });
    if let Some(answer) = &open {
        view.details = vec![Para::plain(&answer.text), Para::source_line(&answer.source)];
    }
    view.full = Full::Reference(ReferenceFull {
        position: text::entry_of(page.selected() + 1, entries.len()),
        open,
        scroll: page.detail_scroll(),
    });
    view
}

/// What the full screen lays out of this page (see [`super::Full`]): the
/// questions are the page's items, the highlighted one the cursor; here,
/// where that one is in the list, its answer, and how far that is scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReferenceFull {
    /// "3 of 12 · Esc goes back".
    pub position: String,
    /// The highlighted entry's answer (also the page's details).
    pub open: Option<Answer>,
    /// How far the answer is scrolled (PgDn), when taller than the window.
    pub scroll: u16,
}

/// An answer (or fix) and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub text: String,
    /// "Source: … (as of …)".
    pub source: String,
}
