//! Deadlines: every date in order, each with its urgency and what it is,
//! and what the highlighted one asks, how, and its source.

use super::{DueLine, Full, Item, PageView, Para, Pick, Tone};
use crate::domain::deadlines::{Deadline, DeadlineKind, Urgency};
use crate::domain::policy::Policy;
use crate::domain::state::State;
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
        view.lead.push(Para::plain(crate::wizard::deadlines::empty_reason(
            state,
            policy,
            wizard.today(),
        )));
        view.full = Full::Deadlines(DeadlinesFull::default());
        return view;
    }
    // Each row laid out once: the screen's table and the plain list read it.
    let shown: Vec<DueRow> = rows.iter().map(|row| DueRow::of(row, policy, state)).collect();
    view.items = rows
        .iter()
        .zip(&shown)
        .map(|(row, shown)| item(row, shown, &super::row_name(row, state, policy)))
        .collect();
    view.pick = Pick::Highlight;
    let selected = page.selected(rows, state);
    view.cursor = Some(selected);
    let detail = rows.get(selected).map(|row| {
        let detail = RowDetail::of(row, wizard);
        view.details = detail.paras();
        detail
    });
    view.full = Full::Deadlines(DeadlinesFull {
        rows: shown,
        detail,
        scroll: page.detail_scroll(),
    });
    view
}

/// "Sun 2026-03-08 · Cancel by: Python course (s1)", its state in words.
fn item(row: &Deadline, shown: &DueRow, name: &str) -> Item {
    let due = &shown.due;
    let id = row.subscription.as_deref().unwrap_or("account");
    // The id is said on every line here, so the name goes without it.
    let named = crate::domain::policy::with_id(name, id);
    let item = Item::new(format!("{} · {}: {named}", due.long_date, due.title));
    match (due.done, due.urgency) {
        (true, _) => item.with("done"),
        (false, Urgency::Today) => item.with(due.when.clone()),
        // The end of access after a cancellation: a fact, not a call.
        (false, urgency) if urgency != row.urgency => item.with(due.when.clone()),
        (false, urgency) => item.with(format!("{}, {}", urgency.id(), due.when)),
    }
}

/// What the full screen lays out of this page (see [`super::Full`]); the
/// highlighted row is the page's cursor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeadlinesFull {
    /// Every row, in the domain's order (none: the page says why).
    pub rows: Vec<DueRow>,
    /// The highlighted row's, while there is one.
    pub detail: Option<RowDetail>,
    /// How far the details are scrolled.
    pub scroll: u16,
}

/// A row of the table: its date as shown (the end of access after a
/// cancellation is never urgent) and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRow {
    pub due: DueLine,
    /// The subscription's label (with its id where labels repeat), or the account's.
    pub label: String,
}

impl DueRow {
    fn of(row: &Deadline, policy: &Policy, state: &State) -> DueRow {
        DueRow {
            due: DueLine {
                urgency: shown_urgency(row, state),
                ..DueLine::of(row, policy)
            },
            label: super::row_label(row, state, policy),
        }
    }
}

/// What the highlighted row asks, what to do now that its day has passed,
/// how, and where the rule comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowDetail {
    /// "Cancel Python course before it renews", marked when done.
    pub summary: String,
    /// Its day has passed and it is not done: what can still be done.
    pub overdue: Option<String>,
    pub how: String,
    /// "Source: … (as of …)".
    pub source: String,
}

impl RowDetail {
    fn of(row: &Deadline, wizard: &Wizard) -> RowDetail {
        let policy = wizard.policy();
        let rule = policy.deadline(row.kind);
        // Named as in the table: with its id where labels repeat.
        let named = Deadline {
            label: super::row_label(row, wizard.state(), policy),
            ..row.clone()
        };
        let mut summary = policy.deadline_summary(&named);
        if row.done {
            summary = format!("{} {summary}", text::ROW_DONE);
        }
        let sub = row
            .subscription
            .as_deref()
            .and_then(|id| wizard.state().subscription(id));
        let overdue = match sub {
            _ if row.done || row.days_left >= 0 => None,
            // The same advice as on the plan's Steps: cancel today anyway,
            // before the next charge, then what can still be asked back.
            Some(sub) if row.kind == DeadlineKind::CancelBy => {
                Some(super::cancel_overdue_advice(wizard, sub))
            }
            _ => Some(policy.overdue_words(row).to_string()).filter(|o| !o.is_empty()),
        };
        RowDetail {
            summary,
            overdue,
            // As the calendar and the record say it: with the EU/UK part.
            how: policy.deadline_how(row.kind, wizard.state().eu_uk()),
            source: text::source(&rule.origin.source, &rule.origin.as_of),
        }
    }

    /// As paragraphs: what to do now first, when the date has passed.
    fn paras(&self) -> Vec<Para> {
        let mut out = vec![Para::new(self.summary.clone(), Tone::Heading)];
        out.extend(self.overdue.iter().map(|o| Para::warning(format!("! {o}"))));
        out.push(Para::plain(self.how.clone()));
        out.push(Para::source_line(self.source.clone()));
        out
    }
}
