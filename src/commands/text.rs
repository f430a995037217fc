//! Plain-text output for people: `status` and `deadlines` without --json.

use std::fmt::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::checklist::{self, Item};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{ACCOUNT_LABEL, Deadline, Urgency, converted_trial_charge, pause_begins};
use crate::domain::plan::PlanKind;
use crate::domain::policy::Policy;
use crate::domain::state::State;

/// A symbol for each state of a row, so meaning never rests on colour alone.
fn marker(row: &Deadline) -> &'static str {
    if row.done {
        return "✓ done";
    }
    match row.urgency {
        Urgency::Overdue => "✗ overdue",
        Urgency::Today => "! today",
        Urgency::Urgent => "! urgent",
        Urgency::Soon => "• soon",
        Urgency::Later => "  later",
    }
}

/// One row as every text output lists it: date, days left, state, and `what`.
pub fn row_line(row: &Deadline, what: &str) -> String {
    format!("{}  {:>4}d  {:<10}  {what}", row.date, row.days_left, marker(row))
}

fn what(row: &Deadline, state: &State, policy: &Policy) -> String {
    let title = &policy.deadline(row.kind).title;
    let several = state.several_accounts();
    match (&row.subscription, several) {
        (Some(id), _) => {
            // A trial's dates say how long it is ("Free trial (14 days)").
            let label = match state.subscription(id) {
                Some(sub) => policy.display_label(sub),
                None => row.label.clone(),
            };
            format!("{title}: {}", crate::domain::policy::with_id(&label, id))
        }
        (None, false) => format!("{title}: {} (account)", row.label),
        // With several accounts an account row's label starts with its id ("a2 · Google sign-in").
        (None, true) => format!("{title}: {}", row.label),
    }
}

pub fn deadlines(rows: &[Deadline], state: &State, policy: &Policy, today: NaiveDate) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Today is {}.", long_date(today));
    if let Some(line) = policy.stale_notice(today) {
        let _ = writeln!(s, "{line}");
    }
    if rows.is_empty() {
        let _ = writeln!(s, "No deadlines.");
        return s;
    }
    let _ = writeln!(s, "\n{:<10}  {:>5}  {:<10}  WHAT", "DATE", "LEFT", "STATE");
    for row in rows {
        let _ = writeln!(s, "{}", row_line(row, &what(row, state, policy)));
    }
    s
}

fn items_line(items: &[Item]) -> String {
    items
        .iter()
        .map(|i| format!("[{}] {}", if i.done { "✓" } else { " " }, i.id))
        .collect::<Vec<_>>()
        .join("  ")
}

pub fn status(state: &State, policy: &Policy, today: NaiveDate, rows: &[Deadline], path: &Path) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "State file: {}", path.display());
    let _ = writeln!(s, "Today is {}.", long_date(today));
    if let Some(line) = policy.stale_notice(today) {
        let _ = writeln!(s, "{line}");
    }
    let _ = write!(s, "Where you live: {}", state.region_words());
    if state.region.is_none() {
        let _ = write!(s, "; answer with `coursera-exit region eu-uk|elsewhere`");
    }
    let _ = writeln!(s, ".");
    if state.subscriptions.is_empty() {
        let _ = writeln!(
            s,
            "\nNothing tracked yet: run `coursera-exit` or `coursera-exit add --help`."
        );
    }
    for sub in &state.subscriptions {
        let plan = sub
            .plan
            .map_or("plan not known yet".to_string(), |p| p.id().to_string());
        let _ = write!(s, "\n{}  {}  ({plan})", sub.id, sub.label);
        match (state.several_accounts(), sub.account_unknown) {
            (true, false) => {
                let _ = write!(s, "  paid by {}", sub.account);
            }
            (true, true) => {
                let _ = write!(s, "  paid by: not answered yet (edit {} --account ID)", sub.id);
            }
            (false, _) => {}
        }
        let _ = writeln!(s);
        if !sub.is_complete() {
            let _ = writeln!(
                s,
                "    incomplete: finish identifying it in the wizard or with `edit`"
            );
            continue;
        }
        let mut facts = vec![
            format!("via {}", sub.channel.map_or("?", |c| c.id())),
            format!("started {}", sub.started.map_or("?".into(), |d| d.to_string())),
        ];
        if sub.plan == Some(PlanKind::FreeTrial) {
            facts.push(format!("{}-day trial", sub.trial_length(policy.rules.trial_days)));
        }
        if let Some(t) = sub.trial_started.filter(|_| sub.converted_from_trial()) {
            facts.push(format!("after a trial from {t}"));
        }
        if sub.certificate() {
            facts.push("certificate earned".into());
        }
        if let Some(d) = sub.decision {
            facts.push(format!("decision: {}", d.id()));
        }
        if let Some(p) = sub.pause {
            // The day recorded is when it was chosen; it begins when the paid month ends (SPEC §4).
            let fact = match pause_begins(sub) {
                Some(begins) => format!(
                    "pause of {} month(s) chosen {}, begins {begins}",
                    p.months, p.from
                ),
                None => format!("pause of {} month(s) chosen {}", p.months, p.from),
            };
            facts.push(fact);
        }
        if let Some(c) = sub.cancelled_on {
            facts.push(format!("cancelled {c}"));
        }
        if let Some(r) = sub.refund_requested_on {
            facts.push(format!("refund asked {r}"));
        }
        if let Some(r) = sub.refund_received_on {
            facts.push(format!("refund received {r}"));
        }
        let _ = writeln!(s, "    {}", facts.join(" · "));
        let items = checklist::recordable_items(state, sub, policy);
        if !items.is_empty() {
            let _ = writeln!(s, "    items: {}", items_line(&items));
        }
        if let Some(charge) = converted_trial_charge(sub, &policy.rules, today) {
            let _ = writeln!(
                s,
                "    the trial was not cancelled and became a paid plan on {charge}; record it with\n    \
                 coursera-exit edit {} --plan KIND --started {charge}",
                sub.id
            );
        }
    }
    for account in &state.accounts {
        let decision = account.decision.map_or("not decided", |d| d.id());
        // One account keeps the version-2 line: the word `account` is its id on the command line.
        let (id, name) = match state.several_accounts() {
            true => (
                account.id.as_str(),
                account.label.as_deref().unwrap_or(ACCOUNT_LABEL),
            ),
            false => ("account", ACCOUNT_LABEL),
        };
        let _ = write!(s, "\n{id}  {name}  decision: {decision}");
        if let Some(r) = account.requested_on {
            let _ = write!(s, " · deletion requested {r}");
        }
        let _ = writeln!(
            s,
            "\n    items: {}",
            items_line(&checklist::account_items(state, account, policy))
        );
    }
    let pending: Vec<&Deadline> = rows
        .iter()
        .filter(|r| !r.done && r.days_left >= 0)
        .take(3)
        .collect();
    if !pending.is_empty() {
        let _ = writeln!(s, "\nNext deadlines:");
        for row in pending {
            let _ = writeln!(s, "  {}", row_line(row, &what(row, state, policy)));
        }
    }
    s
}
