//! FAQ and Troubleshooting: each question (or problem), the highlighted one
//! with its answer (or fix) and source.

use super::{Item, PageView, Para, Pick, Tone};
use crate::wizard::Wizard;
use crate::wizard::reference::{Reference, entries};

pub fn view(wizard: &Wizard, page: &Reference) -> PageView {
    let entries = entries(wizard.policy(), page.topic());
    let mut view = PageView::new(page.topic().title());
    view.heading.push(Para::new(page.topic().title(), Tone::Heading));
    view.items = entries.iter().map(|e| Item::new(e.title)).collect();
    view.pick = Pick::Highlight;
    view.cursor = Some(page.selected());
    if let Some(entry) = entries.get(page.selected()) {
        view.details = vec![Para::plain(entry.body), Para::source(entry.origin)];
    }
    view
}

/// What the full screen lays out of this page (see [`super::Full`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReferenceFull {}
