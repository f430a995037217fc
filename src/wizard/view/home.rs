//! Home: the most urgent date, the account, and every subscription with its
//! next date (or what is missing).

use super::{Confirm, Field, Item, PageView, Para, Pick, Tone};
use crate::domain::dates::long_date;
use crate::wizard::home::{
    Home, RowStatus, account_heading, continue_words, display_order, next_deadline, paid_by, row_status,
};
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, home: &Home) -> PageView {
    let (state, policy) = (wizard.state(), wizard.policy());
    let rows = wizard.deadlines();
    let mut view = PageView::new(text::screen_title(crate::domain::journey::Screen::Home));
    view.full = super::Full::Home(HomeFull::default());
    view.heading.push(Para::new(text::HOME_TITLE, Tone::Heading));
    if let Some(stale) = wizard.stale_notice() {
        view.lead.push(Para::warning(stale));
    }
    if let Some(row) = next_deadline(rows, state, None) {
        let banner = format!("{}: {}", text::banner(row.urgency), policy.deadline_summary(row));
        view.lead.push(Para::new(banner, Tone::Due(row.urgency)));
        view.lead.push(Para::deadline(row, policy));
    }
    if let Some(target) = home.continue_target(state) {
        view.lead.push(Para::plain(format!(
            "{}: {} ({})",
            text::CONTINUE,
            continue_words(&target, state),
            text::CONTINUE_KEY.keys
        )));
    }
    if state.several_accounts() {
        for account in &state.accounts {
            view.lead
                .push(Para::plain(account_heading(state, account, long_date)));
        }
        view.lead.push(Para::plain(format!(
            "{} ({})",
            text::ACCOUNTS_HINT,
            text::ACCOUNT_KEY.keys
        )));
    } else {
        let requested = state.focused_account().requested_on.map(long_date);
        view.lead.push(Para::plain(format!(
            "{} ({}: {})",
            text::home_account(state.focused_account().decision, requested.as_deref()),
            text::ACCOUNT_KEY.keys,
            text::ACCOUNT_KEY.action
        )));
    }
    if state.region.is_none() && !state.subscriptions.is_empty() {
        view.lead.push(Para::plain(format!(
            "{} ({})",
            text::HOME_REGION_UNANSWERED,
            text::REGION_KEY.keys
        )));
    }
    if state.subscriptions.is_empty() {
        view.lead.push(Para::plain(text::HOME_EMPTY[0]));
        view.lead
            .extend(text::HOME_EMPTY[1..].iter().map(|p| Para::plain(*p)));
    }
    view.items = display_order(state)
        .into_iter()
        .map(|i| &state.subscriptions[i])
        .map(|sub| {
            let mut name = text::display_label(sub, policy);
            if let Some(plan) = sub
                .plan
                .map(|p| &policy.plan(p).name)
                .filter(|n| **n != sub.label)
            {
                name = format!("{name} · {plan}");
            }
            if let Some(paid) = paid_by(state, sub) {
                name = format!("{name}, {paid}");
            }
            let item = Item::new(format!("{name} ({})", sub.id));
            match row_status(sub, rows, state, policy, wizard.today()) {
                RowStatus::Incomplete => item.with(text::INCOMPLETE),
                RowStatus::TrialBecamePaid(on) => item.with(text::trial_became_paid_short(&long_date(on))),
                RowStatus::Due(row) => item.with(Para::deadline(row, policy).text),
                RowStatus::NotChargedAgain(until) => item.with(
                    text::not_charged_again(until.map(long_date).as_deref())
                        .trim_start_matches("✓ ")
                        .to_string(),
                ),
                RowStatus::NoDates => item.with(text::NO_DATES),
            }
        })
        .collect();
    view.pick = Pick::Choose;
    view.cursor = (!state.subscriptions.is_empty()).then_some(home.selected());
    if let Some(field) = home.adding_account() {
        view.field = Some(Field {
            label: text::NEW_ACCOUNT_PROMPT
                .trim_end()
                .trim_end_matches(':')
                .to_string(),
            value: field.value().to_string(),
            error: None,
            hint: match home.naming_first() {
                true => format!("{}: {}", text::FIRST_ACCOUNT_TITLE, text::FIRST_ACCOUNT_KEYS),
                false => text::NEW_ACCOUNT_KEYS.to_string(),
            },
        });
    }
    if let Some(field) = home.renaming() {
        view.field = Some(Field {
            label: text::RENAME_PROMPT.trim_end().trim_end_matches(':').to_string(),
            value: field.value().to_string(),
            error: None,
            hint: text::RENAME_KEYS.to_string(),
        });
    }
    if let Some(id) = home.confirm_remove() {
        let label = state.subscription(id).map_or(id, |s| s.label.as_str());
        view.confirm = Some(Confirm {
            title: text::REMOVE_TITLE.to_string(),
            lines: vec![Para::plain(text::confirm_remove(label, id))],
        });
    }
    view
}

/// What the full screen lays out of this page (see [`super::Full`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HomeFull {}
