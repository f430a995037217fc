//! Summary: what is due next and what was missed, each subscription's
//! choice and progress, the account's; the export's folder prompt and its
//! question before replacing a file.

use chrono::NaiveDate;

use super::{Confirm, DueLine, Field, FieldState, Item, PageView, Para, Pick, Tone};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{ACCOUNT_LABEL, Deadline};
use crate::domain::policy::Policy;
use crate::domain::state::State;
use crate::wizard::export::{CALENDAR_FILE, PLAN_FILE, file_name};
use crate::wizard::field::format_date;
use crate::wizard::home::shown_urgency;
use crate::wizard::summary::{AccountChoice, Choice, Entry, Summary};
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, page: &Summary) -> PageView {
    let (state, policy) = (wizard.state(), wizard.policy());
    let ov = wizard.summary();
    let mut view = PageView::new(text::SUMMARY_TITLE);
    view.heading.push(Para::new(text::SUMMARY_TITLE, Tone::Heading));
    if ov.next.is_empty() {
        view.lead.push(Para::quiet(text::NOTHING_COMING));
    }
    if !ov.overdue.is_empty() {
        view.lead.push(Para::warning(text::missed(ov.overdue.len())));
    }
    view.items = ov
        .entries()
        .into_iter()
        .map(|entry| match entry {
            // The screen's headings ("Next deadlines", "Missed") said on each line.
            Entry::Next(i) => deadline_item(text::SUMMARY_NEXT_WORD, &ov.next[i], state, policy),
            Entry::Missed(i) => deadline_item(text::SUMMARY_MISSED_WORD, &ov.overdue[i], state, policy),
            Entry::Subscription(i) => choice_item(&ov.choices[i]),
            Entry::Account(i) => account_item(&ov.accounts[i]),
        })
        .collect();
    view.pick = Pick::Choose;
    view.cursor = Some(page.selected());
    view.details.push(Para::quiet(text::EXPORT_WHAT));
    let due = |row: &Deadline| SummaryDue::of(row, state, policy);
    let mut full = SummaryFull {
        next: ov.next.iter().map(due).collect(),
        missed: ov.overdue.iter().map(due).collect(),
        choices: ov.choices.iter().map(ChoiceLine::of).collect(),
        accounts: ov.accounts.iter().map(AccountLine::of).collect(),
        last_export: wizard
            .exports()
            .last
            .as_ref()
            .map(|dir| text::last_export(&dir.display().to_string(), &[PLAN_FILE, CALENDAR_FILE])),
        prompt: None,
    };
    if let Some(prompt) = page.prompt() {
        let field = FieldState {
            error: prompt.error.clone(),
            ..FieldState::text(&prompt.field)
        };
        view.field = Some(Field {
            label: text::EXPORT_FOLDER.trim_end().trim_end_matches(':').to_string(),
            value: field.value.clone(),
            error: field.error.clone(),
            hint: format!("{} {}", text::EXPORT_FILES, text::EXPORT_HINT),
        });
        full.prompt = Some(field);
    }
    if let Some(overwrite) = page.overwrite() {
        let names: Vec<String> = overwrite.differing.iter().map(|p| file_name(p)).collect();
        view.confirm = Some(Confirm {
            title: text::EXPORT_TITLE.to_string(),
            lines: vec![Para::plain(text::overwrite_question(
                &names,
                &overwrite.dir.display().to_string(),
            ))],
        });
    }
    view.full = super::Full::Summary(full);
    view
}

fn deadline_item(group: &str, row: &Deadline, state: &State, policy: &Policy) -> Item {
    Item::new(format!(
        "{group}: {} ({})",
        Para::deadline(row, policy).text,
        super::row_label(row, state, policy)
    ))
}

fn choice_item(choice: &Choice) -> Item {
    let mut name = choice.label.clone();
    if let Some(plan) = &choice.plan {
        name = format!("{name} · {plan}");
    }
    let mut item = Item::new(format!("{name} ({})", choice.id));
    item.state = choice_parts(choice, long_date);
    item
}

/// What was decided for a subscription and how far it has got, `day`
/// writing the dates (a kept plan's next charge always with its weekday).
fn choice_parts(choice: &Choice, day: fn(NaiveDate) -> String) -> Vec<String> {
    if !choice.complete {
        return vec![text::STILL_IDENTIFYING.to_string()];
    }
    let mut parts = vec![match choice.decision {
        Some(decision) => decision.words(choice.plan_kind, choice.pause.map(|p| p.months)),
        None => text::NOT_DECIDED.to_string(),
    }];
    if choice.steps_total > 0 {
        parts.push(text::steps_progress(choice.steps_done, choice.steps_total));
    }
    if let Some(on) = choice.next_charge {
        parts.push(text::summary_next_charge(&long_date(on)));
    }
    if let Some(pause) = choice.pause {
        parts.push(text::paused_until(&day(pause.until), pause.over));
    }
    if let Some(on) = choice.cancelled_on {
        parts.push(text::summary_cancelled(&day(on)));
    }
    if let Some(on) = choice.refund_requested_on {
        parts.push(text::refund_asked_on(&day(on)));
    }
    parts.extend(choice.paid_by.clone());
    parts
}

fn account_item(account: &AccountChoice) -> Item {
    let mut item = Item::new(account_name(account));
    item.state = account_parts(account, long_date);
    item
}

fn account_name(account: &AccountChoice) -> &str {
    account.name.as_deref().unwrap_or(ACCOUNT_LABEL)
}

/// What was decided for the account and how far it has got, `day` writing the date.
fn account_parts(account: &AccountChoice, day: fn(NaiveDate) -> String) -> Vec<String> {
    let Some(decision) = account.decision else {
        return vec![text::NOT_DECIDED.to_string()];
    };
    let mut parts = vec![
        text::account_decision_name(decision).to_string(),
        text::account_progress(account.done, account.total),
    ];
    if let Some(on) = account.requested_on {
        parts.push(text::deletion_requested_on(&day(on)));
    }
    parts
}

/// What the full screen lays out of this page (see [`super::Full`]): the
/// entries in the order of the page's items (the next deadlines, the missed
/// ones, the subscriptions, the accounts), dates without weekdays.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SummaryFull {
    pub next: Vec<SummaryDue>,
    pub missed: Vec<SummaryDue>,
    pub choices: Vec<ChoiceLine>,
    pub accounts: Vec<AccountLine>,
    /// Where the last export went and what it wrote.
    pub last_export: Option<String>,
    /// The export's folder being typed, with why it was refused.
    pub prompt: Option<FieldState>,
}

/// A deadline on the Summary, and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryDue {
    /// As urgent as it is shown: the end of access after a cancellation never is.
    pub due: DueLine,
    pub label: String,
}

impl SummaryDue {
    fn of(row: &Deadline, state: &State, policy: &Policy) -> SummaryDue {
        SummaryDue {
            due: DueLine {
                urgency: shown_urgency(row, state),
                ..DueLine::of(row, policy)
            },
            label: super::row_label(row, state, policy),
        }
    }
}

/// A subscription's choice and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceLine {
    pub label: String,
    /// The plan's name, unless it is the label.
    pub plan: Option<String>,
    pub id: String,
    /// Some questions are still unanswered (`parts` says so).
    pub identifying: bool,
    pub decided: bool,
    /// What was decided and how far it has got.
    pub parts: Vec<String>,
}

impl ChoiceLine {
    fn of(choice: &Choice) -> ChoiceLine {
        ChoiceLine {
            label: choice.label.clone(),
            plan: choice.plan.clone().filter(|plan| *plan != choice.label),
            id: choice.id.clone(),
            identifying: !choice.complete,
            decided: choice.decision.is_some(),
            parts: choice_parts(choice, format_date),
        }
    }
}

/// An account's choice and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountLine {
    pub name: String,
    pub decided: bool,
    /// What was decided and how far it has got.
    pub parts: Vec<String>,
}

impl AccountLine {
    fn of(account: &AccountChoice) -> AccountLine {
        AccountLine {
            name: account_name(account).to_string(),
            decided: account.decision.is_some(),
            parts: account_parts(account, format_date),
        }
    }
}
