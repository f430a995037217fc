//! The deadlines as an iCalendar file (RFC 5545): one all-day event per row
//! that is not done, each with a reminder at 09:00 the day before. A calendar
//! keeps an event it imported until the person removes it, so done rows can
//! be exported too, cancelled (`STATUS:CANCELLED`, `SEQUENCE:1`), to clear them.
//!
//! The output depends only on the state, the policy and `today` (DTSTAMP is
//! today at midnight UTC), so exporting twice gives the same bytes, and UIDs
//! name the subscription and the kind, so importing again updates the events.

use chrono::{Datelike, NaiveDate};

use crate::domain::checklist::REFUND_REQUESTED;
use crate::domain::dates::add_days;
use crate::domain::deadlines::{Deadline, DeadlineKind, deadlines};
use crate::domain::plan::Channel;
use crate::domain::policy::{Policy, StepRule, with_id};
use crate::domain::state::{ACCOUNT_ID, State};
use crate::domain::text_limits::moves_text;

/// RFC 5545 §3.1: content lines longer than this many octets are folded.
const MAX_LINE_OCTETS: usize = 75;

/// The open deadlines.
pub fn render(state: &State, policy: &Policy, today: NaiveDate) -> String {
    render_with(state, policy, today, false)
}

/// The open deadlines, and with `include_done` the done ones as cancelled events.
pub fn render_with(state: &State, policy: &Policy, today: NaiveDate, include_done: bool) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//coursera-exit//EN",
        "CALSCALE:GREGORIAN",
    ] {
        push_line(&mut out, line);
    }
    let stamp = format!("DTSTAMP:{}T000000Z", ics_date(today));
    for row in deadlines(state, &policy.rules, today)
        .iter()
        .filter(|d| include_done || !d.done)
    {
        let owner = match (&row.subscription, state.several_accounts()) {
            (Some(id), _) => id.as_str(),
            // One account keeps the UID of version 2, so a calendar that imported it is updated, not doubled.
            (None, false) => ACCOUNT_ID,
            (None, true) => row.account.as_str(),
        };
        push_event(
            &mut out,
            row,
            owner,
            &description(row, state, policy),
            policy,
            &stamp,
        );
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn push_event(
    out: &mut String,
    row: &Deadline,
    owner: &str,
    description: &str,
    policy: &Policy,
    stamp: &str,
) {
    let summary = escape_text(&policy.deadline_summary(row));
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{owner}-{}@coursera-exit", row.kind.id()));
    push_line(out, stamp);
    if row.done {
        // Replaces the open event of an earlier export: same UID, a later sequence.
        push_line(out, "SEQUENCE:1");
        push_line(out, "STATUS:CANCELLED");
    }
    push_line(out, &format!("DTSTART;VALUE=DATE:{}", ics_date(row.date)));
    push_line(
        out,
        &format!("DTEND;VALUE=DATE:{}", ics_date(add_days(row.date, 1))),
    );
    push_line(out, &format!("SUMMARY:{summary}"));
    push_line(out, &format!("DESCRIPTION:{}", escape_text(description)));
    // A reminder, not a meeting: it should not mark the day as busy.
    push_line(out, "TRANSP:TRANSPARENT");
    // Nothing to be reminded of once it is done.
    if !row.done {
        push_line(out, "BEGIN:VALARM");
        push_line(out, "ACTION:DISPLAY");
        push_line(out, &format!("DESCRIPTION:{summary}"));
        // Relative to the start of the day: 15 hours earlier is 09:00 the day before.
        push_line(out, "TRIGGER:-PT15H");
        push_line(out, "END:VALARM");
    }
    push_line(out, "END:VEVENT");
}

/// How to act, what it is about, and where the rule comes from.
fn description(row: &Deadline, state: &State, policy: &Policy) -> String {
    let text = policy.deadline(row.kind);
    let sub = row.subscription.as_deref().and_then(|id| state.subscription(id));
    let mut out = policy.deadline_how(row.kind, state.eu_uk());
    out.push_str(&steps(row.kind, sub.and_then(|s| s.channel), policy));
    // The ticket number or reference noted with the request, where the money is awaited.
    let note = sub
        .filter(|_| row.kind == DeadlineKind::RefundExpected)
        .and_then(|s| s.item(REFUND_REQUESTED))
        .and_then(|i| i.note.as_deref());
    if let Some(note) = note {
        out.push_str(&format!("\n\nYour note on the request: {note}"));
    }
    // An event stays in the calendar after its day: say what is left to do then.
    if !text.overdue.is_empty() {
        out.push_str(&format!("\n\nOnce this day has passed: {}", text.overdue));
    }
    // A trial's dates say how long it is ("Free trial (14 days)").
    let label = sub.map_or_else(|| row.label.clone(), |s| policy.display_label(s));
    let mut about = match (&row.subscription, row.plan) {
        (Some(id), Some(plan)) => {
            let named = with_id(&label, id);
            format!("For: {named}, plan: {}", policy.plan(plan).name)
        }
        (Some(id), None) => format!("For: {}", with_id(&label, id)),
        (None, _) => format!("For: {label}"),
    };
    // With several accounts, the one to sign in to.
    if let Some(sub) = sub.filter(|_| state.several_accounts())
        && let Some(account) = state.account(&sub.account)
    {
        match sub.account_unknown {
            true => about.push_str(", paid by: not answered yet"),
            false => about.push_str(&format!(", paid by {}", state.account_name(account))),
        }
    }
    format!(
        "{out}\n\n{about}\nSource: {} (as of {})",
        text.origin.source, text.origin.as_of
    )
}

/// The exact steps for the rows that ask for an action: where to cancel for
/// this subscription's channel, how to ask for a refund or to withdraw.
fn steps(kind: DeadlineKind, channel: Option<Channel>, policy: &Policy) -> String {
    let (title, steps): (String, &[StepRule]) = match (kind, channel) {
        (DeadlineKind::CancelBy, Some(channel)) => {
            let rule = policy.channel(channel);
            (format!("Where: {}", rule.cancel_where), &rule.steps)
        }
        (DeadlineKind::RefundBy, _) => ("How to ask:".to_string(), &policy.refund.steps),
        (DeadlineKind::WithdrawalBy, _) => (
            format!("How to withdraw: {}", policy.region.how),
            &policy.refund.steps,
        ),
        _ => return String::new(),
    };
    let numbered: Vec<String> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| format!("{}. {}", i + 1, step.text))
        .collect();
    format!("\n\n{title}\n{}", numbered.join("\n"))
}

fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Escapes a TEXT value (RFC 5545 §3.3.11). Line breaks of any style become
/// `\n`; other control characters are not allowed in TEXT and are dropped;
/// a bidirectional control is written out as its escape (`\u{202e}`).
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            // Shown, not obeyed: a reordering mark could make a calendar (or
            // the terminal the export is printed to) show other text.
            c if moves_text(c) => {
                out.push('\\');
                out.extend(c.escape_default());
            }
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no physical line exceeds 75 octets
/// (the CRLF not counted, the leading space of a continuation counted), and
/// never inside a UTF-8 character.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        push_line(&mut out, line);
        out
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let line = "x".repeat(75);
        assert_eq!(folded(&line), format!("{line}\r\n"));
    }

    #[test]
    fn a_line_of_76_octets_folds_its_last_octet() {
        let line = "x".repeat(76);
        assert_eq!(folded(&line), format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn a_character_that_would_cross_the_limit_moves_whole_to_the_next_line() {
        // 73 ASCII octets then a 4-octet emoji: octets 74..77 must not be split.
        let line = format!("{}😀end", "a".repeat(73));
        assert_eq!(folded(&line), format!("{}\r\n 😀end\r\n", "a".repeat(73)));
    }

    #[test]
    fn continuation_lines_hold_74_octets_after_the_space() {
        let line = "y".repeat(75 + 74 + 1);
        let out = folded(&line);
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].len(), 75);
        assert_eq!(lines[2], " y");
    }

    #[test]
    fn every_line_break_style_becomes_an_escaped_newline() {
        assert_eq!(escape_text("a\r\nb\rc\nd"), "a\\nb\\nc\\nd");
    }

    #[test]
    fn reserved_characters_are_escaped_and_controls_dropped() {
        assert_eq!(escape_text("a\\b;c,d\u{7}\te"), "a\\\\b\\;c\\,d\te");
    }
}
