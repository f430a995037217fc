//! Summary: what is due next and what was missed, each subscription's
//! choice and progress, the account's; the export's folder prompt and its
//! question before replacing a file.

use super::{Confirm, Field, Item, PageView, Para, Pick, Tone};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{ACCOUNT_LABEL, Deadline};
use crate::domain::policy::Policy;
use crate::wizard::export::file_name;
use crate::wizard::summary::{AccountChoice, Choice, Entry, Summary};
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, page: &Summary) -> PageView {
    let policy = wizard.policy();
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
            Entry::Next(i) => deadline_item(text::SUMMARY_NEXT_WORD, &ov.next[i], policy),
            Entry::Missed(i) => deadline_item(text::SUMMARY_MISSED_WORD, &ov.overdue[i], policy),
            Entry::Subscription(i) => choice_item(&ov.choices[i]),
            Entry::Account(i) => account_item(&ov.accounts[i]),
        })
        .collect();
    view.pick = Pick::Choose;
    view.cursor = Some(page.selected());
    view.details.push(Para::quiet(text::EXPORT_WHAT));
    if let Some(prompt) = page.prompt() {
        view.field = Some(Field {
            label: text::EXPORT_FOLDER.trim_end().trim_end_matches(':').to_string(),
            value: prompt.field.value().to_string(),
            error: prompt.error.clone(),
            hint: format!("{} {}", text::EXPORT_FILES, text::EXPORT_HINT),
        });
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
    view
}

fn deadline_item(group: &str, row: &Deadline, policy: &Policy) -> Item {
    Item::new(format!(
        "{group}: {} ({})",
        Para::deadline(row, policy).text,
        row.label
    ))
}

fn choice_item(choice: &Choice) -> Item {
    let mut name = choice.label.clone();
    if let Some(plan) = &choice.plan {
        name = format!("{name} · {plan}");
    }
    let item = Item::new(format!("{name} ({})", choice.id));
    if !choice.complete {
        return item.with(text::STILL_IDENTIFYING);
    }
    let mut item = item.with(match choice.decision {
        Some(decision) => decision.words(choice.plan_kind, choice.pause.map(|p| p.months)),
        None => text::NOT_DECIDED.to_string(),
    });
    if choice.steps_total > 0 {
        item = item.with(text::steps_progress(choice.steps_done, choice.steps_total));
    }
    if let Some(on) = choice.next_charge {
        item = item.with(text::summary_next_charge(&long_date(on)));
    }
    if let Some(pause) = choice.pause {
        item = item.with(text::paused_until(&long_date(pause.until), pause.over));
    }
    if let Some(on) = choice.cancelled_on {
        item = item.with(text::summary_cancelled(&long_date(on)));
    }
    if let Some(on) = choice.refund_requested_on {
        item = item.with(text::refund_asked_on(&long_date(on)));
    }
    if let Some(paid) = &choice.paid_by {
        item = item.with(paid.clone());
    }
    item
}

fn account_item(account: &AccountChoice) -> Item {
    let item = Item::new(account.name.as_deref().unwrap_or(ACCOUNT_LABEL));
    let Some(decision) = account.decision else {
        return item.with(text::NOT_DECIDED);
    };
    let mut item = item
        .with(text::account_decision_name(decision))
        .with(text::account_progress(account.done, account.total));
    if let Some(on) = account.requested_on {
        item = item.with(text::deletion_requested_on(&long_date(on)));
    }
    item
}

/// What the full screen lays out of this page (see [`super::Full`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SummaryFull {}
