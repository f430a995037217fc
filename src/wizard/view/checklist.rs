//! Before deleting: the checklist with each item's state, the highlighted
//! item's status, why and how, its note and source; a field being typed;
//! the yes/no before a deletion request that is not safe yet. The screen
//! draws the same words.

use chrono::NaiveDate;

use super::{Confirm, Field, FieldState, Full, Item, PageView, Para, Pick, Tone};
use crate::domain::checklist::{Item as Step, still_renewing};
use crate::domain::dates::long_date;
use crate::domain::deadlines::DeadlineKind;
use crate::domain::policy::{ChecklistRule, Policy, checklist_ids};
use crate::domain::state::State;
use crate::wizard::checklist::{Checklist, Editing, Row, answerable_item, deletion_risks, labels, rows};
use crate::wizard::field::format_date;
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, page: &Checklist) -> PageView {
    let (state, policy) = (wizard.state(), wizard.policy());
    let rows = rows(state, policy);
    let title = super::account_title(text::CHECKLIST_TITLE, wizard);
    let mut view = PageView::new(title.clone());
    view.heading.push(Para::new(title, Tone::Heading));
    let steps: Vec<&Step> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Item(item) => Some(item),
            Row::NotUsed(_) => None,
        })
        .collect();
    let done = steps.iter().filter(|i| i.done).count();
    view.lead.push(match state.focused_account().requested_on {
        Some(on) => Para::new(text::deletion_requested(&long_date(on)), Tone::Done),
        None => Para::quiet(text::checklist_progress(done, steps.len())),
    });
    let (items, lines) = rows.iter().map(|row| (item(row), line(row))).unzip();
    view.items = items;
    view.pick = Pick::Highlight;
    view.cursor = Some(page.selected());
    if let Some(row) = rows.get(page.selected()) {
        view.details = row_detail(wizard, row);
    }
    let typing = page.editing().map(Typing::of);
    view.field = typing.as_ref().map(Typing::field);
    let risks = match page.confirming() {
        Some(_) => {
            let risks = risks(state, policy, wizard.today());
            view.confirm = Some(confirm(&risks));
            risks
        }
        None => Vec::new(),
    };
    view.full = Full::Checklist(ChecklistFull {
        rows: lines,
        // While a note or date is typed, the details stay at the top, where the field is.
        scroll: if typing.is_some() { 0 } else { page.detail_scroll() },
        typing,
        risks,
    });
    view
}

/// A row with its state in words: "done Sun 2026-03-01", "automatic", "note: …".
fn item(row: &Row) -> Item {
    match row {
        Row::Item(item) => {
            let mut out = Item::new(item.title.clone()).tickable(&item.id, item.done);
            match (item.done, item.done_on) {
                (true, Some(on)) => out = out.with(text::step_done_on(&long_date(on))),
                (true, None) => out = out.with("done"),
                (false, _) => out = out.with("not done"),
            }
            if item.derived {
                out = out.with(text::AUTOMATIC);
            }
            if let Some(note) = &item.note {
                out = out.with(format!("{}{note}", text::NOTE));
            }
            out
        }
        Row::NotUsed(rule) => Item::new(rule.title.clone()).with(text::NOT_USED),
    }
}

/// A row as the screen's list draws it.
fn line(row: &Row) -> CheckLine {
    match row {
        Row::Item(item) => CheckLine {
            title: item.title.clone(),
            done: item.done,
            derived: item.derived,
            not_used: false,
            noted: item.note.is_some(),
            done_on: item.done_on.map(format_date),
        },
        Row::NotUsed(rule) => CheckLine {
            title: rule.title.clone(),
            done: false,
            derived: false,
            not_used: true,
            noted: false,
            done_on: None,
        },
    }
}

/// Why requesting the deletion asks for a yes: each reason's wordings, longest first.
fn risks(state: &State, policy: &Policy, today: NaiveDate) -> Vec<Vec<String>> {
    let risks = deletion_risks(state, policy, today);
    let mut out: Vec<Vec<String>> = risks.money.iter().map(|m| vec![m.clone()]).collect();
    if risks.certificates {
        out.push(vec![text::CONFIRM_CERTIFICATES.to_string()]);
    }
    if !risks.renewing.is_empty() {
        let still = text::confirm_renewing(&risks.renewing);
        out.push(vec![format!("{still} {}", risks.why_renewing), still]);
    }
    out
}

/// The yes/no before the request: the reasons in full, the question, its keys.
fn confirm(risks: &[Vec<String>]) -> Confirm {
    let mut lines: Vec<Para> = risks
        .iter()
        .map(|wordings| Para::plain(wordings[0].clone()))
        .collect();
    lines.push(Para::new(text::CONFIRM_DELETE_QUESTION, Tone::Heading));
    lines.push(Para::new(text::CONFIRM_DELETE_KEYS, Tone::Keys));
    Confirm {
        title: text::CONFIRM_DELETE_TITLE.to_string(),
        lines,
    }
}

/// The highlighted row's details: status, note, why, how, what follows, source.
fn row_detail(wizard: &Wizard, row: &Row) -> Vec<Para> {
    match row {
        Row::Item(item) => item_detail(wizard, item),
        Row::NotUsed(rule) => not_used_detail(rule),
    }
}

fn item_detail(wizard: &Wizard, item: &Step) -> Vec<Para> {
    let state = wizard.state();
    let policy = wizard.policy();
    let mut out = Vec::new();
    if item.derived {
        let renewing = still_renewing(state, &state.focused_account().id);
        let any = state
            .subscriptions
            .iter()
            .any(|s| s.plan.is_some_and(|p| p.renews()));
        out.push(if !renewing.is_empty() {
            Para::warning(text::still_to_cancel(&labels(&renewing)))
        } else if any {
            Para::new(text::ALL_CANCELLED, Tone::Done)
        } else {
            Para::new(text::NOTHING_TO_CANCEL, Tone::Done)
        });
    } else {
        out.push(match item.done_on {
            Some(on) if item.done => Para::new(text::done_on(&long_date(on)), Tone::Done),
            _ if item.done => Para::new(text::DONE_WORD, Tone::Done),
            _ => Para::quiet(text::NOT_DONE_YET),
        });
    }
    if let Some(note) = &item.note {
        out.push(Para::new(format!("{}{note}", text::NOTE), Tone::Heading));
    }
    let requested = state.focused_account().requested_on.is_some();
    // Once asked, what follows a deletion matters more than how to ask.
    if item.id == checklist_ids::REQUEST_DELETION && requested {
        out.push(Para::warning(policy.after_deletion.text.clone()));
        out.push(Para::source(&policy.after_deletion.origin));
    }
    if let Some(why) = item.why {
        out.push(Para::plain(format!("{}{why}", text::WHY)));
    }
    if let Some(how) = item.how {
        out.push(Para::plain(format!("{}{how}", text::HOW)));
    }
    if item.derived {
        out.push(match still_renewing(state, &state.focused_account().id).first() {
            Some(sub) => Para::new(text::derived_open(&sub.label, &sub.id), Tone::KeyHint),
            None => Para::quiet(text::DERIVED_DONE),
        });
    }
    if let Some(condition) = answerable_item(policy, &item.id).filter(|_| !item.done) {
        out.push(Para::new(text::not_used_hint(condition), Tone::KeyHint));
    }
    if item.id == checklist_ids::WRITTEN_CONFIRMATION
        && requested
        && let Some(due) = wizard
            .deadlines()
            .iter()
            .find(|d| d.kind == DeadlineKind::SupportReplyDue)
    {
        let when = text::days_left(due.days_left);
        out.push(Para::new(
            text::reply_due(&long_date(due.date), &when),
            Tone::Heading,
        ));
    }
    if let Some(origin) = item.origin {
        out.push(Para::source(origin));
    }
    out
}

fn not_used_detail(rule: &ChecklistRule) -> Vec<Para> {
    vec![
        Para::quiet(text::not_used_said(rule.condition)),
        Para::new(text::not_used_undo(rule.condition), Tone::KeyHint),
        Para::plain(format!("{}{}", text::WHY, rule.why)),
        Para::source(&rule.origin),
    ]
}

/// What the full screen lays out of this page (see [`super::Full`]); the
/// highlighted row is the page's cursor, its details the page's details.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChecklistFull {
    pub rows: Vec<CheckLine>,
    /// The day done or the note being typed, if one is.
    pub typing: Option<Typing>,
    /// How far the details are scrolled.
    pub scroll: u16,
    /// While asking before the deletion request: why, each reason's
    /// wordings longest first (the screen shows the longest that leaves
    /// room for the question).
    pub risks: Vec<Vec<String>>,
}

/// A row of the list: `[✓] Download every certificate ✎      2026-03-01`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    pub title: String,
    pub done: bool,
    /// Follows from the subscriptions ("automatic"): never ticked by hand.
    pub derived: bool,
    /// The person said the item is not for them.
    pub not_used: bool,
    /// Has a note.
    pub noted: bool,
    /// The day it was done, short ("2026-03-01"), when one was given.
    pub done_on: Option<String>,
}

/// A field being typed on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typing {
    /// The day an item was done.
    Date(FieldState),
    Note(FieldState),
}

impl Typing {
    fn of(editing: &Editing) -> Typing {
        match editing {
            Editing::Date(field) => Typing::Date(FieldState::date(field)),
            Editing::Note(field) => Typing::Note(FieldState::text(field)),
        }
    }

    /// The field in words, from what the screen draws.
    fn field(&self) -> Field {
        match self {
            Typing::Date(field) => Field {
                label: text::DATE_DONE_QUESTION.to_string(),
                value: field.value.clone(),
                error: field.error.clone(),
                hint: text::DATE_KEYS.to_string(),
            },
            Typing::Note(field) => Field {
                label: text::NOTE.trim_end().trim_end_matches(':').to_string(),
                value: field.value.clone(),
                error: field.error.clone(),
                hint: text::NOTE_KEYS.to_string(),
            },
        }
    }
}
