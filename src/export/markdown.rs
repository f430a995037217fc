//! A Markdown record of the plan, for a billing dispute or a support ticket:
//! what was bought, what was decided and done on which day, the dates that
//! matter and the sources of the rules. The same state and day give the same text.

use chrono::NaiveDate;

use crate::domain::checklist::{
    Item, account_items, cancellable, deletion_items, keep_items, refund_possible, subscription_items,
};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{
    Deadline, DeadlineKind, converted_trial_charge, deadlines, pause_begins, pause_resumes,
};
use crate::domain::plan::{AccountDecision, Decision, PlanKind};
use crate::domain::policy::{Policy, Source};
use crate::domain::state::{Account, State, Subscription};
use crate::domain::text_limits::moves_text;

pub fn render(state: &State, policy: &Policy, today: NaiveDate) -> String {
    let rows = deadlines(state, &policy.rules, today);
    let mut doc = Doc::default();
    doc.line("# Leaving Coursera: a record");
    doc.blank();
    doc.line(format!(
        "Made on {} with coursera-exit. Dates are calendar dates; days left count from that day.",
        long_date(today)
    ));
    doc.blank();
    subscriptions(&mut doc, state, policy, today);
    if state.several_accounts() {
        doc.line("## Accounts");
        doc.blank();
        doc.line(format!("- Where you live: {}", state.region_words()));
        doc.blank();
        for a in &state.accounts {
            account(&mut doc, state, a, policy);
        }
    } else {
        account(&mut doc, state, state.first_account(), policy);
    }
    deadline_table(&mut doc, &rows, policy, state.several_accounts());
    what_the_dates_ask(&mut doc, &rows, state, policy);
    sources(&mut doc, state, policy, &rows);
    doc.0
}

#[derive(Default)]
struct Doc(String);

impl Doc {
    fn line(&mut self, text: impl AsRef<str>) {
        self.0.push_str(text.as_ref());
        self.0.push('\n');
    }

    fn blank(&mut self) {
        self.0.push('\n');
    }
}

fn subscriptions(doc: &mut Doc, state: &State, policy: &Policy, today: NaiveDate) {
    doc.line("## Subscriptions");
    doc.blank();
    if state.subscriptions.is_empty() {
        doc.line("No subscription is tracked.");
        doc.blank();
    }
    for sub in &state.subscriptions {
        subscription(doc, state, sub, policy, today);
    }
}

fn subscription(doc: &mut Doc, state: &State, sub: &Subscription, policy: &Policy, today: NaiveDate) {
    doc.line(format!("### {} ({})", text(&sub.label), sub.id));
    doc.blank();
    if let Some(account) = state.account(&sub.account).filter(|_| state.several_accounts()) {
        let paid = match sub.account_unknown {
            true => "not answered yet".to_string(),
            false => text(&state.account_name(account)),
        };
        doc.line(format!("- Paid by: {paid}"));
    }
    if !sub.is_complete() {
        doc.line("- Status: still being identified");
    }
    let not_sure = || "not known yet".to_string();
    let plan = sub.plan.map_or_else(not_sure, |p| text(&policy.plan(p).name));
    let channel = sub
        .channel
        .map_or_else(not_sure, |c| text(&policy.channel(c).name));
    doc.line(format!("- Plan: {plan}"));
    doc.line(format!("- Bought through: {channel}"));
    doc.line(format!(
        "- Started: {}",
        sub.started.map_or_else(not_sure, long_date)
    ));
    let certificate = match sub.certificate_earned {
        Some(true) => "yes",
        Some(false) => "no",
        None => "not known yet",
    };
    if sub.plan == Some(PlanKind::FreeTrial) {
        doc.line(format!(
            "- Trial length: {} days",
            sub.trial_length(policy.rules.trial_days)
        ));
    } else {
        doc.line(format!("- Certificate earned under this plan: {certificate}"));
    }
    if let Some(began) = sub.trial_started.filter(|_| sub.converted_from_trial()) {
        doc.line(format!(
            "- Became this plan after a free trial that began {}; the first charge is not refunded",
            long_date(began)
        ));
    }
    let decision = match sub.decision {
        // The length of a pause has its own line.
        Some(decision) => decision.words(sub.plan, None),
        None => "not decided yet".to_string(),
    };
    doc.line(format!("- Decision: {decision}"));
    // A one-time purchase has nothing to cancel.
    if cancellable(sub) || sub.cancelled_on.is_some() {
        let cancelled = sub.cancelled_on.map_or_else(|| "not yet".to_string(), long_date);
        doc.line(format!("- Cancelled on: {cancelled}"));
    }
    if let Some(pause) = sub.pause {
        // Chosen on one day, it begins when the paid month ends (SPEC §4),
        // and only once it is set on Coursera.
        let unknown = || "?".to_string();
        doc.line(format!(
            "- Pause: {} month(s), chosen on {}; it begins {} (set it on Coursera before then); billing resumes {}",
            pause.months,
            long_date(pause.from),
            pause_begins(sub).map_or_else(unknown, long_date),
            pause_resumes(sub).map_or_else(unknown, long_date)
        ));
    }
    let kept = sub.decision == Some(Decision::Keep);
    let paused = sub.decision == Some(Decision::Pause);
    let refund = match sub.refund_requested_on {
        Some(on) => long_date(on),
        None if !refund_possible(sub, state) => {
            "no refund through Coursera for this plan or channel".to_string()
        }
        // Kept: no refund window is listed (SPEC §4), as on its Steps page.
        None if kept => "no, the plan is kept".to_string(),
        // Paused: no refund window either (SPEC §4), as on its Steps page.
        None if paused => "no, the plan is paused".to_string(),
        None => "not yet".to_string(),
    };
    doc.line(format!("- Refund requested: {refund}"));
    if sub.refund_requested_on.is_some() {
        let received = sub
            .refund_received_on
            .map_or_else(|| "not yet".to_string(), long_date);
        doc.line(format!("- Refund received: {received}"));
    }
    if let Some(charge) = converted_trial_charge(sub, &policy.rules, today) {
        doc.line(format!(
            "- The trial was not cancelled in time: it became a paid plan on {}.",
            long_date(charge)
        ));
    }
    doc.blank();
    if kept && sub.is_complete() {
        doc.line(format!("Steps: {KEPT_NOTHING_TO_DO}"));
        doc.blank();
    }
    if paused && sub.is_complete() {
        doc.line(format!("Steps: pause — {}", text(&policy.pause.how)));
        doc.blank();
        doc.line(format!("> {}", text(&policy.pause.caveat)));
        doc.blank();
    }
    items(doc, "Steps", &steps(state, sub, policy));
}

/// What a kept plan's Steps page says: there is nothing to tick.
const KEPT_NOTHING_TO_DO: &str = "none, the plan is kept and goes on as it is.";

/// The steps the record lists for a plan: none once it is kept or paused
/// (its Steps page has nothing to tick, and neither has a refund window,
/// SPEC §4), else every step for its channel and refund.
fn steps<'p>(state: &State, sub: &Subscription, policy: &'p Policy) -> Vec<Item<'p>> {
    if matches!(sub.decision, Some(Decision::Keep | Decision::Pause)) {
        return Vec::new();
    }
    subscription_items(state, sub, policy)
}

/// One account's section: `## Account` while it is the only one, else a
/// `###` under `## Accounts` that says what it pays for.
fn account(doc: &mut Doc, state: &State, account: &Account, policy: &Policy) {
    let several = state.several_accounts();
    if several {
        doc.line(format!("### {}", text(&state.account_name(account))));
    } else {
        doc.line("## Account");
    }
    doc.blank();
    let decision = match account.decision {
        Some(AccountDecision::Delete) => "delete the account",
        Some(AccountDecision::Keep) => "keep the account, with a smaller footprint",
        None => "not decided yet",
    };
    doc.line(format!("- Decision: {decision}"));
    if several {
        let paid: Vec<String> = state
            .paid_by(&account.id)
            .map(|s| format!("{} ({})", text(&s.label), s.id))
            .collect();
        let paid = if paid.is_empty() {
            "nothing tracked".to_string()
        } else {
            paid.join(", ")
        };
        doc.line(format!("- Pays for: {paid}"));
    } else {
        doc.line(format!("- Where you live: {}", state.region_words()));
    }
    if account.deleting() {
        let requested = account
            .requested_on
            .map_or_else(|| "not yet".to_string(), long_date);
        doc.line(format!("- Deletion requested on: {requested}"));
    }
    doc.blank();
    match account.decision {
        Some(AccountDecision::Delete) => {
            items(doc, "Before deleting", &deletion_items(state, account, policy))
        }
        Some(AccountDecision::Keep) => items(doc, "Keeping the account", &keep_items(account, policy)),
        None => {
            items(doc, "If the account is kept", &keep_items(account, policy));
            items(
                doc,
                "If the account is deleted",
                &deletion_items(state, account, policy),
            );
        }
    }
}

/// A task list: done items with their day, derived ones marked, notes below.
fn items(doc: &mut Doc, title: &str, items: &[Item]) {
    if items.is_empty() {
        return;
    }
    doc.line(format!("{title}:"));
    doc.blank();
    for item in items {
        let mut line = format!("- [{}] {}", if item.done { 'x' } else { ' ' }, text(&item.title));
        if let Some(on) = item.done_on.filter(|_| item.done) {
            line.push_str(&format!(" — done {}", long_date(on)));
        }
        if item.derived {
            line.push_str(" (derived, not ticked by hand)");
        }
        doc.line(line);
        if let Some(note) = item.note.as_deref().filter(|n| !n.trim().is_empty()) {
            doc.line(format!("  - Note: {}", block(note, "    ")));
        }
    }
    doc.blank();
}

fn deadline_table(doc: &mut Doc, rows: &[Deadline], policy: &Policy, several: bool) {
    doc.line("## Deadlines");
    doc.blank();
    if rows.is_empty() {
        doc.line("No dates to watch.");
        doc.blank();
        return;
    }
    doc.line("| Date | Days left | Status | What |");
    doc.line("|---|---:|---|---|");
    for row in rows {
        let status = if row.done { "done" } else { row.urgency.id() };
        let mut what = policy.deadline_summary(row);
        if let Some(id) = &row.subscription {
            what.push_str(&format!(" ({id})"));
        } else if several {
            what.push_str(&format!(" ({})", row.account));
        }
        doc.line(format!(
            "| {} | {} | {status} | {} |",
            long_date(row.date),
            row.days_left,
            cell(&what)
        ));
    }
    doc.blank();
}

/// What each kind of date in the table asks of the person, once per kind,
/// in the policy's words: how to act (for a refund, that Coursera may refuse
/// and how long the money takes), what is left once the day has passed, and
/// on whose authority.
fn what_the_dates_ask(doc: &mut Doc, rows: &[Deadline], state: &State, policy: &Policy) {
    let mut kinds: Vec<DeadlineKind> = rows.iter().filter(|r| !r.done).map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    if kinds.is_empty() {
        return;
    }
    doc.line("### What the dates ask");
    doc.blank();
    for kind in kinds {
        let rule = policy.deadline(kind);
        let mut how = policy.deadline_how(kind, state.eu_uk());
        if kind == DeadlineKind::WithdrawalBy {
            how = format!("{how} {}", policy.region.how);
        }
        let overdue = rows.iter().any(|r| r.kind == kind && !r.done && r.days_left < 0);
        if overdue && !rule.overdue.is_empty() {
            how = format!("{how} Once the day has passed: {}", rule.overdue);
        }
        doc.line(format!(
            "- **{}**: {} (source: {}, as of {})",
            text(&rule.title),
            text(&how),
            source(&rule.origin.source),
            text(&rule.origin.as_of)
        ));
    }
    doc.blank();
}

/// Every source behind what this record shows, with what it was used for.
fn sources(doc: &mut Doc, state: &State, policy: &Policy, rows: &[Deadline]) {
    let mut used: Vec<(&Source, Vec<String>)> = Vec::new();
    let mut cite = |origin, what: &str| cite_source(&mut used, origin, what);
    cite(&policy.rules.origin, "deadline rules");
    if state.eu_uk() {
        cite(&policy.region.origin, "the EU/UK right of withdrawal");
    }
    for sub in &state.subscriptions {
        if let Some(plan) = sub.plan {
            let rule = policy.plan(plan);
            cite(&rule.origin, &rule.name);
        }
        if sub.pause.is_some() {
            cite(&policy.pause.origin, "pause");
        }
        for item in steps(state, sub, policy) {
            if let Some(origin) = item.origin {
                // Identity, not equality: two rules may cite the same source.
                let what = match sub.channel {
                    Some(c) if std::ptr::eq(origin, &policy.channel(c).origin) => {
                        format!("{} steps", policy.channel(c).name)
                    }
                    _ => "refund steps".to_string(),
                };
                cite(origin, &what);
            }
        }
    }
    for item in state
        .accounts
        .iter()
        .flat_map(|a| account_items(state, a, policy))
    {
        match item.origin {
            Some(origin) if std::ptr::eq(origin, &policy.account_keep.origin) => {
                cite(origin, "keeping the account");
            }
            Some(origin) => cite(origin, &item.title),
            None => {}
        }
    }
    for row in rows {
        let rule = policy.deadline(row.kind);
        cite(&rule.origin, &rule.title);
    }
    used.sort_by(|(a, _), (b, _)| (&a.source, &a.as_of).cmp(&(&b.source, &b.as_of)));

    doc.line("## Sources");
    doc.blank();
    doc.line(
        "Coursera's rules as this record applied them; they change, so each source says when it was read.",
    );
    doc.blank();
    for (origin, what) in used {
        let what: Vec<String> = what.iter().map(|w| text(w)).collect();
        doc.line(format!(
            "- {}, as of {}: {}",
            source(&origin.source),
            text(&origin.as_of),
            what.join("; ")
        ));
    }
}

fn cite_source<'p>(used: &mut Vec<(&'p Source, Vec<String>)>, origin: &'p Source, what: &str) {
    let index = match used.iter().position(|(o, _)| *o == origin) {
        Some(i) => i,
        None => {
            used.push((origin, Vec::new()));
            used.len() - 1
        }
    };
    if !used[index].1.iter().any(|w| w == what) {
        used[index].1.push(what.to_string());
    }
}

/// A web address as a link; anything else as text.
fn source(source: &str) -> String {
    let is_url = (source.starts_with("https://") || source.starts_with("http://"))
        && !source.contains(|c: char| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
    if is_url {
        format!("<{source}>")
    } else {
        text(source)
    }
}

/// Free text inside a line: Markdown's inline markup characters are escaped so
/// a label or note reads as written. Line breaks stay, as `\n`, for the caller.
fn text(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // An `&` that could start an entity (`&#x202e;` would become the
            // character itself); "Payments & subscriptions" stays as it reads.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            // Shown, not obeyed: it would reorder the text around it.
            c if moves_text(c) => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// Text that may span lines, inside a list item: each line break becomes a
/// hard break and the next line is indented to stay in the item; a line that
/// would start a block (heading, list, rule) is escaped.
fn block(raw: &str, indent: &str) -> String {
    let escaped = text(raw.trim());
    let lines: Vec<String> = escaped
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let line = line.trim_end();
            if i == 0 {
                line.to_string()
            } else {
                format!("{indent}{}", escape_block_start(line.trim_start()))
            }
        })
        .collect();
    lines.join("\\\n")
}

fn escape_block_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    match line[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        Some('#' | '-' | '+' | '=') if digits == 0 => format!("\\{line}"),
        _ => line.to_string(),
    }
}

/// A table cell: pipes are escaped by `text`, line breaks become `<br>`.
fn cell(raw: &str) -> String {
    text(raw.trim()).replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_keeps_pipes_and_line_breaks_inside_one_cell() {
        assert_eq!(cell("a|b\r\nc"), "a\\|b<br>c");
    }

    #[test]
    fn an_entity_in_free_text_stays_text() {
        assert_eq!(text("a &#x202e; b &amp;"), "a \\&#x202e; b \\&amp;");
        assert_eq!(text("Payments & subscriptions"), "Payments & subscriptions");
    }

    #[test]
    fn markup_in_free_text_is_escaped() {
        assert_eq!(
            text("*bold* [link](x) <b> `code` \\"),
            "\\*bold\\* \\[link\\](x) \\<b\\> \\`code\\` \\\\"
        );
    }

    #[test]
    fn a_note_over_several_lines_stays_in_its_list_item() {
        assert_eq!(
            block(
                "PDFs in ~/certs\n# not a heading\n1. not a list\n- nor this",
                "    "
            ),
            "PDFs in \\~/certs\\\n    \\# not a heading\\\n    1\\. not a list\\\n    \\- nor this"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            source("https://www.coursera.org/about/terms"),
            "<https://www.coursera.org/about/terms>"
        );
        assert_eq!(source("Cancel guide (2026-01-18)"), "Cancel guide (2026-01-18)");
    }
}
