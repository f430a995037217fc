//! `guide ID|account`: the wizard's own pages — a plan's Steps, the
//! account's checklist before deleting or its steps to keep it smaller — as
//! plain text for a terminal, a printer or an email. Each line that can be
//! ticked comes with its id (for `coursera-exit done`) and what the page
//! says about it; then the dates. It is made from the same page
//! descriptions the full screen and `--plain` draw (`wizard::view`), so the
//! three say the same thing.

use std::fmt::Write;

use chrono::NaiveDate;

use super::text::row_line;
use crate::domain::deadlines::{ACCOUNT_LABEL, Deadline, deadlines};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::AccountDecision;
use crate::domain::policy::Policy;
use crate::domain::state::{ACCOUNT_ID, Account, State, Subscription};
use crate::plain::render::para;
use crate::wizard::view::{Para, Tone};
use crate::wizard::{Msg, Wizard, text};

/// The guide for one subscription: its Steps page, then its dates.
pub fn subscription(state: &State, sub: &Subscription, policy: &Policy, today: NaiveDate) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}  {}", sub.id, sub.label);
    stale(&mut s, policy, today);
    let (Some(plan), Some(channel), true) = (sub.plan, sub.channel, sub.is_complete()) else {
        let _ = writeln!(
            s,
            "\nStill being identified: finish it in the wizard (`coursera-exit`) or with \
             `coursera-exit edit {} --plan KIND --channel CH --started DATE`.",
            sub.id
        );
        return s;
    };
    let _ = writeln!(
        s,
        "{}, bought through: {}",
        policy.plan(plan).name,
        policy.channel(channel).name
    );
    page(
        &mut s,
        opened_at(state, policy, today, Screen::Steps, Some(&sub.id)),
    );
    let rows = deadlines(state, &policy.rules, today);
    dates(
        &mut s,
        rows.iter().filter(|r| r.subscription.as_deref() == Some(&sub.id)),
        policy,
    );
    s
}

/// The guide for an account: its steps to keep it smaller, or its
/// checklist before deleting it (both while undecided), then its dates.
pub fn account(state: &State, account: &Account, policy: &Policy, today: NaiveDate) -> String {
    let mut s = String::new();
    let decision = match account.decision {
        Some(AccountDecision::Delete) => "delete it",
        Some(AccountDecision::Keep) => "keep it, with a smaller footprint",
        None => "not decided yet",
    };
    let (id, name) = match state.several_accounts() {
        true => (
            account.id.as_str(),
            account.label.as_deref().unwrap_or(ACCOUNT_LABEL),
        ),
        false => (ACCOUNT_ID, ACCOUNT_LABEL),
    };
    let _ = writeln!(s, "{id}  {name}  (decision: {decision})");
    if state.several_accounts() {
        let paid: Vec<String> = state
            .paid_by(&account.id)
            .map(|s| format!("{} ({})", s.label, s.id))
            .collect();
        let paid = if paid.is_empty() {
            "nothing tracked".to_string()
        } else {
            paid.join(", ")
        };
        let _ = writeln!(s, "Pays for: {paid}");
    }
    stale(&mut s, policy, today);
    // The account's pages are about the account in focus.
    let mut focused = state.clone();
    focused.account_focus = Some(account.id.clone());
    if account.decision != Some(AccountDecision::Delete) {
        page(&mut s, opened_at(&focused, policy, today, Screen::Steps, None));
    }
    if account.decision != Some(AccountDecision::Keep) {
        page(
            &mut s,
            opened_at(&focused, policy, today, Screen::Checklist, None),
        );
    }
    let rows = deadlines(state, &policy.rules, today);
    dates(
        &mut s,
        rows.iter()
            .filter(|r| r.subscription.is_none() && r.account == account.id),
        policy,
    );
    s
}

/// The wizard as it opens on that page (nothing is saved: the state is a copy).
fn opened_at(state: &State, policy: &Policy, today: NaiveDate, screen: Screen, sub: Option<&str>) -> Wizard {
    let mut state = state.clone();
    state.journey = Journey {
        screen,
        subscription: sub.map(str::to_string),
    };
    Wizard::open(state, policy.clone(), today)
}

/// A page as text: its heading and what leads in, then every line that can
/// be ticked — `[✓] title (id) — done DAY` — with what the page says about
/// it when it is the highlighted one, then the sources the page cites.
fn page(s: &mut String, mut wizard: Wizard) {
    let view = wizard.view().clone();
    let _ = writeln!(s);
    for p in view.heading.iter().chain(&view.lead) {
        let _ = writeln!(s, "{}", para(p));
    }
    let mut sources: Vec<String> = Vec::new();
    let mut listed = false;
    for (i, item) in view.items.iter().enumerate() {
        let Some(id) = &item.id else { continue };
        if !listed {
            let _ = writeln!(s);
            listed = true;
        }
        let mark = if item.done { "✓" } else { " " };
        let _ = write!(s, "  [{mark}] {} ({id})", item.text);
        if let Some(day) = item.state.iter().find(|w| w.starts_with("done ")) {
            let _ = write!(s, " — {day}");
        }
        let _ = writeln!(s);
        for note in item.state.iter().filter(|w| w.starts_with(text::NOTE)) {
            let _ = writeln!(s, "      {note}");
        }
        for p in details_of(&mut wizard, i) {
            if is_source(&p) {
                sources.push(p.text);
            } else if !is_status(&p)
                && !p.text.starts_with(text::NOTE)
                && !matches!(p.tone, Tone::Keys | Tone::KeyHint)
            {
                let _ = writeln!(s, "      {}", para(&p));
            }
        }
    }
    // The page's own sources (the rules it follows), after its lines'.
    let full = wizard.view();
    for p in full.details.iter().filter(|p| is_source(p)) {
        sources.push(p.text.clone());
    }
    cite(s, sources);
}

/// What the page says about line `i`, highlighted.
fn details_of(wizard: &mut Wizard, i: usize) -> Vec<Para> {
    for _ in 0..=2 * wizard.view().items.len() {
        let Some(at) = wizard.view().cursor else { break };
        if at == i {
            return wizard.view().details.clone();
        }
        wizard.update(if at < i { Msg::Down } else { Msg::Up });
        if wizard.view().cursor == Some(at) {
            break;
        }
    }
    Vec::new()
}

fn is_source(p: &Para) -> bool {
    p.tone == Tone::Source
}

/// "Not done yet." or "✓ Done Sun 2026-03-01": the line itself says it.
fn is_status(p: &Para) -> bool {
    p.text == text::NOT_DONE_YET
        || p.text == text::DONE_WORD
        || (p.tone == Tone::Done && p.text.starts_with(&text::done_on("")))
}

fn dates<'a>(s: &mut String, rows: impl Iterator<Item = &'a Deadline>, policy: &Policy) {
    let rows: Vec<&Deadline> = rows.collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(s, "\nDates:");
    for row in rows {
        let _ = writeln!(s, "  {}", row_line(row, &policy.deadline_summary(row)));
    }
}

/// The stale-rules line of SPEC §2, where it applies: the texts below come from those rules.
fn stale(s: &mut String, policy: &Policy, today: NaiveDate) {
    if let Some(line) = policy.stale_notice(today) {
        let _ = writeln!(s, "{line}");
    }
}

/// Each source once, in the order first cited.
fn cite(s: &mut String, sources: Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    for source in sources {
        if !seen.contains(&source) {
            seen.push(source);
        }
    }
    if seen.is_empty() {
        return;
    }
    let _ = writeln!(s);
    for source in seen {
        let _ = writeln!(s, "  {source}");
    }
}
