//! `guide ID|account`: what the wizard's Steps and checklist say, as plain
//! text for a terminal, a printer or an email: each step with its id (to tick
//! with `done`), the warnings, the refund block where one applies, the dates.

use std::fmt::Write;

use chrono::NaiveDate;

use super::text::row_line;
use crate::domain::checklist::{
    self, Item, app_store_refund, cancellable, refund_possible, withdrawal_possible,
};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{ACCOUNT_LABEL, Deadline, converted_trial_charge, deadlines};
use crate::domain::plan::{AccountDecision, Channel, Decision, PlanKind};
use crate::domain::policy::{Policy, Source};
use crate::domain::state::{ACCOUNT_ID, Account, State, Subscription};

/// The guide for one subscription: its steps, warnings, refund and dates.
pub fn subscription(state: &State, sub: &Subscription, policy: &Policy, today: NaiveDate) -> String {
    let rows = deadlines(state, &policy.rules, today);
    let mut s = String::new();
    let _ = writeln!(s, "{}  {}", sub.id, sub.label);
    // With several accounts, the one to sign in to.
    if let Some(account) = state.account(&sub.account).filter(|_| state.several_accounts()) {
        match sub.account_unknown {
            true => {
                let _ = writeln!(
                    s,
                    "Paid by: not answered yet (coursera-exit edit {} --account ID)",
                    sub.id
                );
            }
            false => {
                let _ = writeln!(
                    s,
                    "Paid by: {} — sign in to that account",
                    state.account_name(account)
                );
            }
        }
    }
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
    let plan_rule = policy.plan(plan);
    let channel_rule = policy.channel(channel);
    let _ = writeln!(s, "{}, bought through: {}", plan_rule.name, channel_rule.name);
    let _ = writeln!(s, "\n{}\n{}", plan_rule.billing, plan_rule.notes);
    let mut sources = vec![&plan_rule.origin];

    if let Some(charge) = converted_trial_charge(sub, &policy.rules, today) {
        let _ = writeln!(
            s,
            "\nThe trial was not cancelled and became a paid plan on {}; record which one with\n  \
             coursera-exit edit {} --plan KIND --started {charge}",
            long_date(charge),
            sub.id
        );
    }
    match sub.decision {
        Some(Decision::Keep) if plan.renews() => {
            let _ = writeln!(
                s,
                "\nYou keep paying. The cancel-by date below is the last day to change your mind."
            );
        }
        Some(Decision::Keep) => {
            let _ = writeln!(s, "\nYou keep it.");
        }
        Some(Decision::Pause) if plan.can_pause() => {
            let _ = writeln!(
                s,
                "\nPause: {}\n{}\n{}",
                policy.pause.caveat, policy.pause.how, policy.pause.consequences
            );
            sources.push(&policy.pause.origin);
        }
        _ => {}
    }

    let items = checklist::recordable_items(state, sub, policy);
    let (refund, steps): (Vec<&Item>, Vec<&Item>) = items
        .iter()
        .partition(|i| checklist::is_refund_item(policy, &i.id));
    if cancellable(sub) {
        let _ = writeln!(s, "\nHow to cancel: {}", channel_rule.cancel_where);
        ticks(&mut s, &steps);
        let _ = writeln!(s, "\nWatch out:");
        for warning in &channel_rule.warnings {
            let _ = writeln!(s, "  - {warning}");
        }
        let _ = writeln!(s, "\n{}", policy.after_cancel.text);
        sources.extend([&channel_rule.origin, &policy.after_cancel.origin]);
    }

    let _ = writeln!(s, "\nRefund: {}", plan_rule.refund);
    if app_store_refund(sub) {
        let _ = writeln!(s, "{}", policy.refund.app_store);
    }
    if withdrawal_possible(sub, state) {
        let _ = writeln!(
            s,
            "In the EU or the UK: {}\n{}",
            policy.region.eu_uk, policy.region.how
        );
        sources.push(&policy.region.origin);
    }
    if refund_possible(sub, state) {
        let _ = writeln!(
            s,
            "{}\n{}\n{}",
            policy.refund.separate, policy.refund.may_refuse, policy.refund.wait
        );
        sources.push(&policy.refund.origin);
    }
    if !refund.is_empty() {
        ticks(&mut s, &refund);
    }

    dates(
        &mut s,
        rows.iter().filter(|r| r.subscription.as_deref() == Some(&sub.id)),
        policy,
    );
    cite(&mut s, &sources);
    s
}

/// The guide for the account: keeping it smaller, or the checklist before deleting it.
pub fn account(state: &State, account: &Account, policy: &Policy, today: NaiveDate) -> String {
    let rows = deadlines(state, &policy.rules, today);
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
    let mut sources = Vec::new();
    if account.decision != Some(AccountDecision::Delete) {
        let _ = writeln!(s, "\nKeeping the account: {}", policy.account_keep.summary);
        ticks(
            &mut s,
            &checklist::keep_items(account, policy).iter().collect::<Vec<_>>(),
        );
        sources.push(&policy.account_keep.origin);
    }
    if account.decision != Some(AccountDecision::Keep) {
        let _ = writeln!(s, "\nBefore deleting the account, in this order:");
        for item in checklist::deletion_items(state, account, policy) {
            tick(&mut s, &item);
            for (what, text) in [("Why", item.why), ("How", item.how)] {
                if let Some(text) = text {
                    let _ = writeln!(s, "      {what}: {text}");
                }
            }
            if item.derived {
                let _ = writeln!(s, "      (ticks itself once every plan that renews is cancelled)");
            }
            sources.extend(item.origin);
        }
        let _ = writeln!(s, "\nAfterwards: {}", policy.after_deletion.text);
        sources.push(&policy.after_deletion.origin);
        let renewing = checklist::still_renewing(state, &account.id);
        if !renewing.is_empty() {
            let names: Vec<String> = renewing
                .iter()
                .map(|s| format!("{} ({})", s.label, s.id))
                .collect();
            let _ = writeln!(
                s,
                "\nStill to cancel first (deleting the account does not stop an app-store renewal): {}",
                names.join(", ")
            );
        }
        if state
            .paid_by(&account.id)
            .any(|s| s.plan == Some(PlanKind::Organization))
        {
            let _ = writeln!(s, "{}", policy.channel(Channel::Organization).warnings.join("\n"));
        }
    }
    dates(
        &mut s,
        rows.iter()
            .filter(|r| r.subscription.is_none() && r.account == account.id),
        policy,
    );
    cite(&mut s, &sources);
    s
}

fn ticks(s: &mut String, items: &[&Item]) {
    for item in items {
        tick(s, item);
    }
}

/// `  [✓] text (id) — done DAY`, with the note below.
fn tick(s: &mut String, item: &Item) {
    let mark = if item.done { "✓" } else { " " };
    let _ = write!(s, "  [{mark}] {} ({})", item.title, item.id);
    if let Some(on) = item.done_on.filter(|_| item.done) {
        let _ = write!(s, " — done {}", long_date(on));
    }
    let _ = writeln!(s);
    if let Some(note) = &item.note {
        let _ = writeln!(s, "      Note: {note}");
    }
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

/// Each source once, in the order first used.
fn cite(s: &mut String, sources: &[&Source]) {
    let _ = writeln!(s, "\nSources:");
    let mut seen: Vec<&Source> = Vec::new();
    for source in sources {
        if !seen.contains(source) {
            seen.push(source);
            let _ = writeln!(s, "  - {} (as of {})", source.source, source.as_of);
        }
    }
}
