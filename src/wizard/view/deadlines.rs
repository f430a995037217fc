//! Deadlines: every date in order, each with its urgency and what it is,
//! and what the highlighted one asks, how, and its source.

use super::{Item, PageView, Para, Pick, Tone};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Deadline, Urgency};
use crate::domain::policy::Policy;
use crate::wizard::deadlines::Deadlines;
use crate::wizard::home::shown_urgency;
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, page: &Deadlines) -> PageView {
    let (state, policy) = (wizard.state(), wizard.policy());
    let rows = wizard.deadlines();
    let mut view = PageView::new(text::DEADLINES_TITLE);
    view.heading.push(Para::new(text::DEADLINES_TITLE, Tone::Heading));
    if rows.is_empty() {
        view.lead.push(Para::plain(text::DEADLINES_EMPTY[0]));
        view.lead
            .push(Para::plain(crate::wizard::deadlines::empty_reason(state)));
        return view;
    }
    view.items = rows
        .iter()
        .map(|row| {
            let id = row.subscription.as_deref().unwrap_or("account");
            let what = format!("{}: {} ({id})", policy.deadline(row.kind).title, row.label);
            let item = Item::new(format!("{} · {what}", long_date(row.date)));
            match (row.done, shown_urgency(row, state)) {
                (true, _) => item.with("done"),
                (false, Urgency::Today) => item.with(text::days_left(0)),
                // The end of access after a cancellation: a fact, not a call.
                (false, shown) if shown != row.urgency => item.with(text::days_left(row.days_left)),
                (false, urgency) => {
                    item.with(format!("{}, {}", urgency.id(), text::days_left(row.days_left)))
                }
            }
        })
        .collect();
    view.pick = Pick::Highlight;
    let selected = page.selected(rows, state);
    view.cursor = Some(selected);
    if let Some(row) = rows.get(selected) {
        view.details = detail(row, policy);
    }
    view
}

/// What the row asks, how, and the rule's source.
pub fn detail(row: &Deadline, policy: &Policy) -> Vec<Para> {
    let rule = policy.deadline(row.kind);
    let mut summary = policy.deadline_summary(row);
    if row.done {
        summary = format!("{} {summary}", text::ROW_DONE);
    }
    let mut out = vec![Para::new(summary, Tone::Heading), Para::plain(rule.how.clone())];
    if row.days_left < 0 && !row.done && !rule.overdue.is_empty() {
        out.push(Para::warning(rule.overdue.clone()));
    }
    out.push(Para::source(&rule.origin));
    out
}

/// What the full screen lays out of this page (see [`super::Full`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeadlinesFull {}
