//! Every piece of wizard wording that is not a Coursera rule (those come from
//! the policy file): titles, questions, hints, key names and messages.

use crate::domain::deadlines::Urgency;
use crate::domain::journey::Screen;
use crate::domain::plan::{Channel, PlanKind};
use crate::domain::policy::ChecklistCondition;

pub const APP_TITLE: &str = "Coursera exit";

/// The label of a subscription until its plan is known.
pub use crate::domain::actions::NEW_LABEL;

/// Sidebar names when the terminal is narrow.
/// A journey step's name, as the sidebar and the title bar show it.
pub fn screen_title(screen: Screen) -> &'static str {
    match screen {
        Screen::Home => "Home",
        Screen::Identify => "Identify the plan",
        Screen::Decide => "Decide",
        Screen::Steps => "Steps",
        Screen::Checklist => "Before deleting",
        Screen::Deadlines => "Deadlines",
        Screen::Summary => "Summary",
    }
}

pub fn short_title(screen: Screen) -> &'static str {
    match screen {
        Screen::Home => "Home",
        Screen::Identify => "Identify",
        Screen::Decide => "Decide",
        Screen::Steps => "Steps",
        Screen::Checklist => "Before del.",
        Screen::Deadlines => "Deadlines",
        Screen::Summary => "Summary",
    }
}

// Home ----------------------------------------------------------------------

pub const HOME_TITLE: &str = "Your Coursera subscriptions";
pub const HOME_EMPTY: [&str; 4] = [
    "Nothing is tracked yet.",
    "Press a to add your first subscription: a few questions find out which plan you are on and the dates that matter.",
    "Everything you answer stays in a file on this computer; nothing is sent to Coursera.",
    "Not sure where to start? Add one and choose \"Not sure\" — the wizard tells you where to look.",
];
/// The banner over Home's list: "Most urgent" while something is due within
/// a week (or missed); a date further off is only what comes next.
pub fn banner(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Later => "Next",
        _ => "Most urgent",
    }
}
pub const NO_DATES: &str = "no dates to watch";
pub const CONTINUE: &str = "Continue";
pub const INCOMPLETE: &str = "incomplete";

/// What is still missing on an incomplete subscription.
pub fn missing(channel: bool, plan: bool, started: bool, certificate: bool) -> String {
    let mut parts = Vec::new();
    if !channel {
        parts.push("where bought");
    }
    if !plan {
        parts.push("plan");
    }
    if !started {
        parts.push("date");
    }
    if !certificate {
        parts.push("certificate");
    }
    format!("{INCOMPLETE}: {} to answer", parts.join(", "))
}

/// [`missing`] for a narrow line: how many answers are missing, not which.
pub fn missing_count(count: usize) -> String {
    match count {
        1 => format!("{INCOMPLETE}: 1 answer missing"),
        n => format!("{INCOMPLETE}: {n} answers missing"),
    }
}

/// Home's heading when no subscription is tracked but the account is being
/// dealt with ("Nothing is tracked yet" would not be true).
pub const HOME_NO_SUBSCRIPTIONS: &str = "No subscriptions tracked yet.";

/// Home's account line: what was decided for the account, and when deletion was requested.
pub fn home_account(
    decision: Option<crate::domain::plan::AccountDecision>,
    requested: Option<&str>,
) -> String {
    match (decision, requested) {
        (None, _) => ACCOUNT_HINT.to_string(),
        (Some(crate::domain::plan::AccountDecision::Delete), Some(on)) => {
            format!("Account: {}", deletion_requested_on(on))
        }
        (Some(crate::domain::plan::AccountDecision::Delete), None) => {
            "Account: delete it (not requested yet)".to_string()
        }
        (Some(decision), _) => format!("Account: {}", account_decision_name(decision)),
    }
}

/// Under a list that does not fit: how many lines are out of sight.
pub fn more(above: usize, below: usize) -> String {
    match (above, below) {
        (0, b) => format!("↓ {b} more"),
        (a, 0) => format!("↑ {a} more"),
        (a, b) => format!("↑ {a} more · ↓ {b} more"),
    }
}

pub fn continue_identify(label: &str) -> String {
    format!("finish identifying {label}")
}

pub fn confirm_remove(label: &str, id: &str) -> String {
    format!("Remove {label} ({id})? Its answers and progress are deleted from this computer.")
}

pub const CONFIRM_KEYS: &str = "y yes, remove it · n no, keep it";

pub fn removed(label: &str) -> String {
    format!("Removed {label}.")
}

pub fn saved_complete(label: &str) -> String {
    format!("✓ {label} is saved. Now choose what to do with it.")
}

pub fn saved_incomplete(label: &str) -> String {
    format!("{label}: saved with the answers so far; c takes you back to it.")
}

// Days left -------------------------------------------------------------------

pub fn days_left(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        d if d > 1 => format!("in {d} days"),
        d => format!("{} days ago", -d),
    }
}

// Identify --------------------------------------------------------------------

pub const IDENTIFY_TITLE: &str = "Identify the plan";
pub const Q_CHANNEL: &str = "Where did you buy it?";
/// An account nobody named (the one a version-2 file held).
pub const ACCOUNT_UNNAMED: &str = crate::domain::state::ACCOUNT_WORDS;
pub const Q_ACCOUNT: &str = "Which of your Coursera accounts pays for it?";
/// Why the account matters, under the account question.
pub const ACCOUNT_PAYS_WHY: &str = "Cancel, ask for a refund and save certificates in the account that paid: \
Coursera cannot move payments or certificates to another account.";
/// An account in the account question's list: "Google sign-in (a2)".
pub fn account_choice(name: &str, id: &str, deleting: bool) -> String {
    if deleting {
        format!("{name} ({id}, to be deleted)")
    } else {
        format!("{name} ({id})")
    }
}
pub const Q_PLAN: &str = "What are you paying for?";
pub const Q_CERTIFICATE: &str = "Have you earned a certificate under this plan?";
pub const NOT_SURE: &str = "Not sure";
/// The saved answer among a question's choices, in words.
pub const YOUR_ANSWER: &str = "your answer";
pub const CERT_NO: &str = "No, not under this plan";
pub const CERT_YES: &str = "Yes, I earned a certificate";
pub const ANSWERS: &str = "Answers";
/// The trial lengths offered, and the line that opens a number field.
pub fn trial_days_choice(days: u32) -> String {
    format!("{days} days")
}
pub const TRIAL_OTHER_LENGTH: &str = "Another number of days";
pub const TRIAL_LENGTH_PROMPT: &str = "Days (1–31): ";
pub const TRIAL_LENGTH_KEYS: &str = "type the number of days · Enter accept · Esc cancel";
pub const TRIAL_LENGTH_NOT_A_NUMBER: &str =
    "Type the trial's length as a whole number of days, from 1 to 31.";
pub const REGION_YES: &str = "Yes, in the EU or the UK";
pub const REGION_NO: &str = "No, somewhere else";

/// The answers so far in a few words, with a "?" for each one missing.
pub fn answers(
    // `Some` with several accounts: the one that pays, if answered.
    account: Option<Option<&str>>,
    channel: Option<Channel>,
    plan: Option<&str>,
    date: Option<String>,
    certificate: Option<bool>,
    // `Some` for a trial: its length if known.
    trial_days: Option<Option<u32>>,
) -> String {
    let channel = match channel {
        Some(Channel::Web) => "website",
        Some(Channel::Ios) => "iPhone/iPad",
        Some(Channel::Android) => "Android",
        Some(Channel::Organization) => "employer/university",
        None => "bought where?",
    };
    let certificate = match certificate {
        Some(true) => "certificate earned",
        Some(false) => "no certificate",
        None => "certificate?",
    };
    let plan = plan.unwrap_or("plan?");
    let date = date.as_deref().unwrap_or("date?");
    let account = match account {
        Some(Some(id)) => format!("account {id} · "),
        Some(None) => "account? · ".to_string(),
        None => String::new(),
    };
    // A trial earns no certificate: its length is asked instead.
    match trial_days {
        Some(Some(days)) => format!("{ANSWERS}: {account}{channel} · {plan} · {days} days · {date}"),
        Some(None) => format!("{ANSWERS}: {account}{channel} · {plan} · length? · {date}"),
        None => format!("{ANSWERS}: {account}{channel} · {plan} · {date} · {certificate}"),
    }
}

pub fn question_of(n: usize, total: usize) -> String {
    format!("Question {n} of {total}")
}

/// The key-date question, worded by plan.
pub fn q_started(plan: PlanKind) -> &'static str {
    match plan {
        PlanKind::FreeTrial => "When did the trial start?",
        PlanKind::CoursePurchase => "When did you buy the course?",
        PlanKind::Organization => "When were you given access?",
        _ => "When was the first payment?",
    }
}

pub fn started_hint(plan: PlanKind) -> &'static str {
    match plan {
        PlanKind::FreeTrial => "The email that confirmed the trial has this date.",
        PlanKind::CoursePurchase => "Your receipt email or My Purchases shows it.",
        PlanKind::Organization => "Roughly is fine: nothing is billed to you.",
        _ => "Your first receipt email or My Purchases shows it.",
    }
}

pub const DATE_FORMAT: &str = "YYYY-MM-DD";
pub const DATE_KEYS: &str = "type a date · ↑/↓ a day · PgUp/PgDn a month · Enter accept · Esc cancel";
/// Under a saved date, the field closed.
pub const DATE_NOT_EDITING: &str = "e: change the date · Enter: next question";
/// Under a date question with no date chosen yet, the field closed.
pub const DATE_NOT_CHOSEN_KEYS: &str = "e or Enter: choose the date";
/// Where the field shows a date the person has not chosen.
pub const DATE_NOT_CHOSEN: &str = "Not chosen yet";
/// Under today, offered as a starting point.
pub const DATE_SUGGESTED: &str = "Enter takes today, or type a date (2026-3-5) or step to one.";

pub const NOT_SURE_TITLE: &str = "Where to look";
pub const NOT_SURE_FOUND: &str = "I found it — answer now";
pub const NOT_SURE_LATER: &str = "Come back later (answers are kept)";

/// Where to find the answer the person is not sure about.
/// Where to look when unsure which account pays (Coursera's help on a second account).
pub const ACCOUNT_WHERE_TO_LOOK: [&str; 3] = [
    "Account Settings on coursera.org shows the account's email: a typo, even a misplaced dot, makes another account.",
    "Linked Accounts there says if it is linked to Google, Facebook or Apple; if not, one of those buttons may have made a second account.",
    "The account whose My Purchases lists this plan is the one that pays.",
];

pub fn where_to_look(about_channel: bool) -> [&'static str; 3] {
    [
        "On coursera.org, click your profile icon (top right) → My Purchases → Subscriptions: it lists each plan and how it is billed.",
        if about_channel {
            "A receipt from Apple means the iPhone/iPad app, from Google Play the Android app, from Coursera the website."
        } else {
            "Receipt emails name what was bought: a trial, a Specialization, Coursera Plus (monthly or yearly) or one course."
        },
        "Nothing there? Try your other Coursera accounts: search your email for Coursera receipts and sign in with that address (N on Home keeps track of another account).",
    ]
}

pub const ANSWER_FIRST: &str = "Answer this question first, or choose \"Not sure\".";
pub const PLAN_FIRST: &str = "Say what you are paying for first: the date depends on it.";

// Keys ------------------------------------------------------------------------

/// A key and what it does here, for the footer and the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub keys: &'static str,
    pub action: &'static str,
}

const fn cmd(keys: &'static str, action: &'static str) -> Command {
    Command { keys, action }
}

pub const MOVE: Command = cmd("↑↓", "move");
pub const CHOOSE: Command = cmd("Enter", "choose");
pub const NEXT: Command = cmd("Enter", "next");
pub const OPEN: Command = cmd("Enter", "open");
pub const BACK: Command = cmd("Esc", "back");
pub const ADD: Command = cmd("a", "add");
pub const REMOVE: Command = cmd("d", "remove");
pub const CONTINUE_KEY: Command = cmd("c", "continue");
/// Above an answer scrolled on: how much of it went by.
pub fn lines_above(n: usize) -> String {
    match n {
        1 => "↑ 1 line above (PgUp)".to_string(),
        n => format!("↑ {n} lines above (PgUp)"),
    }
}

pub const RENAME_KEY: Command = cmd("r", "rename");
pub const OPEN_SOURCE_KEY: Command = cmd("o", "source");
/// What a footer too narrow for every key keeps: the help (it lists every
/// key), quit, and the key that opens an address the pane may show cut.
pub const KEPT_IN_FOOTER: [Command; 3] = [HELP, QUIT, OPEN_SOURCE_KEY];
pub const NO_SOURCE_HERE: &str =
    "Nothing highlighted here has a source to open: move to a rule, a step or a date first.";

pub fn opening(url: &str) -> String {
    format!("Opening {url} in your browser.")
}

pub fn no_web_address(source: &str, as_of: &str) -> String {
    format!("This comes from the {source} (as of {as_of}), which has no web address to open.")
}

pub fn open_failed(url: &str, why: &str) -> String {
    format!("Could not open a browser ({why}). The address: {url}")
}
pub const NEW_ACCOUNT_TITLE: &str = "Another Coursera account";
pub const NEW_ACCOUNT_PROMPT: &str = "Tell it apart by: ";
pub const NEW_ACCOUNT_KEYS: &str =
    "its email, or how you sign in (\"Google sign-in\") · Enter add · Esc cancel";
/// Said once an account is added.
pub fn account_added(name: &str) -> String {
    format!("Added {name}. New plans ask which account pays; D: a plan's account, Tab: the next.")
}
pub fn account_named(name: &str) -> String {
    format!("Your first account is now {name}.")
}
pub const FIRST_ACCOUNT_TITLE: &str = "The account you had so far";
pub const FIRST_ACCOUNT_KEYS: &str =
    "how do you tell it apart? its email, or how you sign in · Enter keep · Esc later (r on its page, D)";
/// An account's line above its subscriptions on Home, once there are several.
pub fn account_header(name: &str, decision: &str) -> String {
    format!("{name} — {decision}")
}

/// An account's decision in a few words, for its line on Home.
pub fn account_status_short(
    decision: Option<crate::domain::plan::AccountDecision>,
    requested: Option<&str>,
) -> String {
    match (decision, requested) {
        (None, _) => NOT_DECIDED.to_string(),
        (Some(crate::domain::plan::AccountDecision::Delete), Some(on)) => deletion_requested_on(on),
        (Some(crate::domain::plan::AccountDecision::Delete), None) => {
            "delete (not requested yet)".to_string()
        }
        (Some(crate::domain::plan::AccountDecision::Keep), _) => "keep".to_string(),
    }
}
pub const ACCOUNTS_HINT: &str = "delete or keep this plan's account";
pub const ACCOUNTS_HINT_NO_PLANS: &str = "delete or keep an account";
/// Under a plan's name: the account that pays for it.
pub fn paid_by(account: &str) -> String {
    format!("paid by {account}")
}
/// Under the heading of a plan's steps, with several accounts.
pub fn steps_paid_by(account: &str) -> String {
    format!("Paid by {account}: sign in to that account for these steps.")
}
pub const STEPS_ACCOUNT_UNKNOWN: &str =
    "Which account pays is not answered yet: sign in to the one whose My Purchases lists this plan.";
/// The heading of plans whose account is not named yet (Home), and what the
/// other screens say in its place.
pub const NO_ACCOUNT_YET: &str = "Which account pays? Not answered yet";
pub const PAID_BY_UNKNOWN: &str = "paid by: not answered yet";
/// Before deleting an account, a plan whose account is not known.
pub fn account_unknown_before_deleting(name: &str) -> String {
    format!("{name}: you have not said which account pays for it. If it is this one, cancel it first.")
}
pub const ACCOUNT_PAYS_NOTHING: &str = "pays for nothing tracked";
pub const RENAME_TITLE: &str = "Name";
pub const RENAME_PROMPT: &str = "Name: ";
pub const RENAME_KEYS: &str = "type a name you will recognise (1–80 characters) · Enter keep · Esc cancel";

pub fn renamed(label: &str) -> String {
    format!("✓ Renamed: {label}.")
}
pub const EDIT_DATE: Command = cmd("e", "edit date");
pub const CHOOSE_DATE: Command = cmd("Enter/e", "choose the date");
pub const NEXT_QUESTION: Command = cmd("Tab", "next question");
pub const HELP: Command = cmd("?", "help");
pub const QUIT: Command = cmd("q", "quit");
pub const ACCEPT: Command = cmd("Enter", "accept");
pub const CANCEL: Command = cmd("Esc", "cancel");
pub const DAY: Command = cmd("↑↓", "a day");
pub const MONTH: Command = cmd("PgUp/PgDn", "a month");
pub const YES_KEY: Command = cmd("y", "yes");
pub const NO_KEY: Command = cmd("n", "no");
pub const CLOSE: Command = cmd("Esc", "close");
pub const SCROLL: Command = cmd("↑↓", "scroll");

pub const HELP_TITLE: &str = "Keys";
pub const HELP_HERE: &str = "On this screen";
pub const HELP_SYMBOLS: &str = "Symbols (what the colours also say)";

/// The marks in lists, for anyone who does not see colour; `tui::theme`
/// draws them (a test in `tui/views/help.rs` keeps the two the same).
pub const HELP_SYMBOL_KEYS: [Command; 7] = [
    cmd(">", "selected"),
    cmd("✗", "overdue"),
    cmd("!", "today or within 2 days"),
    cmd("•", "within a week"),
    cmd("·", "later"),
    cmd("✓", "done"),
    cmd("✎", "has a note"),
];

// Terminal --------------------------------------------------------------------

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> [String; 3] {
    [
        format!("This terminal is {width}x{height}."),
        format!("coursera-exit needs at least {min_width}x{min_height}."),
        "Make the window larger, or press q to quit.".to_string(),
    ]
}

pub fn hand_edit_kept(path: &str) -> String {
    format!("The state file was changed outside the wizard; that version is kept as {path}")
}

pub fn save_failed(why: &str) -> String {
    format!("✗ Could not save: {why}")
}

// Before deleting (checklist) --------------------------------------------------

pub const CHECKLIST_TITLE: &str = "Before deleting your account";

pub fn checklist_progress(done: usize, total: usize) -> String {
    format!("{done} of {total} items done")
}

pub fn deletion_requested(on: &str) -> String {
    format!("✓ Deletion requested {on}")
}

pub const AUTOMATIC: &str = "auto";
/// An item done, with no day to say.
pub const DONE_WORD: &str = "✓ done";
pub const NOT_USED: &str = "not used";
pub const WHY: &str = "Why: ";
pub const HOW: &str = "How: ";
pub const NOTE: &str = "Note: ";
pub const NOT_DONE_YET: &str = "Not done yet.";
pub const NOTE_KEYS: &str = "type a note (where the files went, a ticket number) · Enter keep · Esc cancel";

pub fn done_on(date: &str) -> String {
    format!("✓ Done {date}")
}

pub const ALL_CANCELLED: &str = "✓ Every trial, monthly and yearly plan is cancelled.";
// Ticked because nothing is tracked, not because nothing is paid: say so.
pub const NOTHING_TO_CANCEL: &str = "✓ No trial, monthly or yearly plan is tracked. If you still pay for one, add it on Home and this waits for it.";
pub const DERIVED_DONE: &str = "This ticks itself from your subscriptions.";

pub fn derived_open(label: &str, id: &str) -> String {
    format!("c: the steps to cancel {label} ({id}). This item ticks itself once every plan is cancelled.")
}

/// The plans that still keep "cancel every subscription" from being done.
pub fn still_to_cancel(labels: &[String]) -> String {
    format!("Still to cancel: {}.", labels.join(", "))
}

pub fn derived_refusal(labels: &[String]) -> String {
    if labels.is_empty() {
        "This one ticks itself from your subscriptions.".to_string()
    } else {
        format!(
            "This ticks itself once you cancel: {} (c: steps).",
            labels.join(", ")
        )
    }
}

/// What the person said to take an answerable item off the list.
pub fn not_used_said(condition: ChecklistCondition) -> &'static str {
    match condition {
        ChecklistCondition::ForCredit => {
            "You said you are not enrolled in a degree, a university certificate or another for-credit programme."
        }
        _ => "You said you don't sign in with Google, Facebook or Apple, so there is nothing to unlink.",
    }
}

/// How to put it back.
pub fn not_used_undo(condition: ChecklistCondition) -> &'static str {
    match condition {
        ChecklistCondition::ForCredit => "x or Space: I am enrolled in one after all.",
        _ => "x or Space: I do sign in with one after all.",
    }
}

/// How to take it off.
pub fn not_used_hint(condition: ChecklistCondition) -> &'static str {
    match condition {
        ChecklistCondition::ForCredit => "x: I'm not enrolled in a for-credit programme.",
        _ => "x: I don't sign in with Google, Facebook or Apple.",
    }
}

pub fn item_hidden(condition: ChecklistCondition) -> &'static str {
    match condition {
        ChecklistCondition::ForCredit => "Noted: no for-credit programme.",
        _ => "Noted: no social sign-in to unlink.",
    }
}

pub fn item_back(condition: ChecklistCondition) -> &'static str {
    match condition {
        ChecklistCondition::ForCredit => "Check for-credit programmes is back on the list.",
        _ => "Unlink social sign-ins is back on the list.",
    }
}

/// The footer key that takes it off.
pub fn not_used_key(condition: ChecklistCondition) -> Command {
    match condition {
        ChecklistCondition::ForCredit => cmd("x", "not enrolled"),
        _ => NOT_USED_KEY,
    }
}

pub const CONFIRM_DELETE_TITLE: &str = "Not ready to delete";
pub const CONFIRM_CERTIFICATES: &str = "\"Download every certificate\" is not ticked. Once the account is deleted, your certificates can no longer be accessed, verified or reissued.";
/// Followed by the policy's reason why cancelling comes first.
pub fn confirm_renewing(labels: &[String]) -> String {
    format!("Still to cancel: {}.", labels.join(", "))
}
pub const CONFIRM_DELETE_QUESTION: &str = "Record the deletion request anyway?";
pub const CONFIRM_DELETE_KEYS: &str = "y yes, record it · n no, not yet";
pub const NOT_RECORDED: &str = "Not recorded: the request is still to do.";
pub const DATE_DONE_QUESTION: &str = "Which day was it done?";
pub const OPEN_CANCEL_STEPS: Command = cmd("c", "cancel steps");
pub const REQUEST_UNDONE: &str =
    "The request date is cleared here; this does not take back a request already sent to Coursera.";

pub fn request_recorded(reply_due: Option<&str>) -> String {
    match reply_due {
        Some(due) => format!("✓ Deletion requested; answer due {due}."),
        None => "✓ Deletion requested.".to_string(),
    }
}

pub fn reply_due(date: &str, days_left: &str) -> String {
    format!("Coursera should answer by {date} ({days_left}).")
}

/// Under details that do not fit: how many lines are out of sight, and the keys.
pub fn detail_more(above: usize, below: usize) -> String {
    match (above, below) {
        (0, b) => format!("↓ {b} more (PgDn)"),
        (a, 0) => format!("↑ {a} more (PgUp)"),
        (a, b) => format!("↑ {a} · ↓ {b} more (PgUp/PgDn)"),
    }
}

pub const TICK: Command = cmd("Space", "tick");
pub const DONE_DATE: Command = cmd("e", "date");
pub const UNTICK: Command = cmd("Space", "untick");
pub const EDIT_NOTE: Command = cmd("n", "note");
pub const NOT_USED_KEY: Command = cmd("x", "not used");
pub const USED_KEY: Command = cmd("x", "I use one");
pub const NEXT_ITEM: Command = cmd("Enter", "next");
pub const TO_SUMMARY: Command = cmd("Enter", "summary");
pub const DETAIL_SCROLL: Command = cmd("PgUp/PgDn", "details");
pub const DEADLINES_KEY: Command = cmd("t", "deadlines");

// Deadlines -------------------------------------------------------------------

pub const DEADLINES_TITLE: &str = "Every date that matters";
pub const DEADLINES_EMPTY: [&str; 2] = [
    "No dates to watch yet.",
    "Dates appear once a subscription is identified (Home → a), and when you request the account's deletion.",
];
/// Every plan is identified and none has a date: a one-time purchase past
/// its window, or one bought in a store.
pub const DEADLINES_NONE_DUE: &str = "Nothing you track has a date to watch now (a one-time purchase has none once its refund window has passed, or when a store sold it). Requesting the account's deletion adds the date its answer is due.";

/// Every plan is identified, none has a date, and these are kept: a plan
/// kept lists no refund date (SPEC §4), though its window may still be
/// open (`refund_until`: the first such last day, and whose).
pub fn deadlines_kept(labels: &[&str], refund_until: Option<(&str, &str)>) -> String {
    let which = match labels {
        [one] => format!("you keep \"{one}\""),
        _ => format!("you keep {} plans", labels.len()),
    };
    let refund = match (labels, refund_until) {
        (_, None) => String::new(),
        ([_], Some((_, until))) => format!(
            " Its refund window is still open until {until}: choose \"{REFUND_CHOICE}\" on Decide and that day shows here."
        ),
        (_, Some((label, until))) => format!(
            " A refund window is still open (\"{label}\", until {until}): choose \"{REFUND_CHOICE}\" on Decide and that day shows here."
        ),
    };
    format!(
        "Nothing you track has a date to watch now: {which}, and a plan you keep has no refund date.{refund} Requesting the account's deletion adds the date its answer is due."
    )
}

/// No dates yet because these are still being identified.
pub fn deadlines_wait_for(labels: &[&str]) -> String {
    let which = match labels {
        [one] => format!("\"{one}\" is"),
        _ => format!("{} subscriptions are", labels.len()),
    };
    format!(
        "Dates appear once a plan is identified: {which} still waiting for an answer (Home → Enter finishes the questions)."
    )
}
pub const COLUMN_DATE: &str = "Date";
pub const COLUMN_WHEN: &str = "When";
pub const COLUMN_WHAT: &str = "What";
pub const ROW_DONE: &str = "✓ Done.";
pub const OPEN_STEPS: Command = cmd("Enter", "open");

// Summary, export, FAQ and troubleshooting -------------------------------------

pub const SUMMARY_TITLE: &str = "Summary";
pub const SUMMARY_CHOICES: &str = "Your choices";
pub const SUMMARY_NEXT: &str = "Next deadlines";
pub const SUMMARY_NONE_TRACKED: &str = "No subscription is tracked yet: Home → a adds one.";
pub const NOTHING_COMING: &str = "Nothing is due from today on.";
pub const NOT_DECIDED: &str = "not decided";
pub const STILL_IDENTIFYING: &str = "still being identified";

pub fn account_decision_name(decision: crate::domain::plan::AccountDecision) -> &'static str {
    match decision {
        crate::domain::plan::AccountDecision::Delete => "delete it",
        crate::domain::plan::AccountDecision::Keep => "keep it, smaller footprint",
    }
}

pub fn steps_progress(done: usize, total: usize) -> String {
    format!("steps {done}/{total}")
}

pub fn account_progress(done: usize, total: usize) -> String {
    format!("checklist {done}/{total}")
}

pub fn summary_next_charge(date: &str) -> String {
    format!("next charge {date}")
}

pub fn summary_cancelled(date: &str) -> String {
    format!("cancelled {date}")
}

pub fn refund_asked_on(date: &str) -> String {
    format!("refund asked {date}")
}

pub fn paused_until(date: &str, over: bool) -> String {
    if over {
        format!("pause ended {date}")
    } else {
        format!("paused until {date}")
    }
}

pub fn deletion_requested_on(date: &str) -> String {
    format!("deletion requested {date}")
}

/// The line over the missed deadlines.
pub fn missed(count: usize) -> String {
    match count {
        1 => "1 date has passed:".to_string(),
        n => format!("{n} dates have passed:"),
    }
}

pub const EXPORT_WHAT: &str = "w: export the plan and a calendar file";

/// At the foot of the Summary after an export: where, and which files.
pub fn last_export(dir: &str, names: &[&str]) -> String {
    format!("✓ Last export, in {dir}: {}", names.join(", "))
}

pub const EXPORT_TITLE: &str = "Export to a folder";
pub const EXPORT_FOLDER: &str = "Folder: ";
pub const EXPORT_FILES: &str = "Writes coursera-exit-plan.md and coursera-exit-deadlines.ics there.";
pub const EXPORT_HINT: &str = "Enter write · Esc cancel · ~ is your home folder";
pub const EXPORT_NO_FOLDER: &str = "Type a folder (. is the current one).";
pub const EXPORT_NOTHING_WRITTEN: &str = "Nothing was written; the files there are as they were.";
pub const OVERWRITE_TITLE: &str = "Overwrite?";
pub const OVERWRITE_KEYS: &str = "y yes, overwrite · n no, leave it";

pub fn overwrite_question(names: &[String], dir: &str) -> String {
    let (what, differs, it) = match names {
        [one] => (one.clone(), "exists and differs", "it"),
        _ => (names.join(" and "), "exist and differ", "them"),
    };
    format!("{what} in {dir} already {differs} from your plan as it is now. Overwrite {it}?")
}

/// After an export, in a line short enough for a narrow terminal (the
/// Summary's foot names the files): what was written, what was already the same.
pub fn exported(written: &[String], up_to_date: &[String], dir: &str) -> String {
    let files = |names: &[String]| match names {
        [one] => one.clone(),
        _ => "both files".to_string(),
    };
    match (written, up_to_date) {
        ([], same) => format!("✓ Up to date already: {} in {dir}", files(same)),
        (new, []) => format!("✓ Wrote {} in {dir}", files(new)),
        (new, _) => format!("✓ Wrote {} in {dir} (the other was up to date)", files(new)),
    }
}

pub fn export_failed(why: &str, written: &[String]) -> String {
    if written.is_empty() {
        format!("✗ Nothing exported: {why}")
    } else {
        format!("✗ Only {} was written: {why}", written.join(" and "))
    }
}

pub fn no_such_folder(dir: &str) -> String {
    format!("{dir} does not exist; make the folder first, or type another")
}

pub fn export_over_state(file: &str) -> String {
    format!("{file} is your state file (or one of its side files): choose another folder.")
}

pub fn export_over_special(file: &str, what: &str) -> String {
    format!("{file} is {what}, not a file: choose another folder.")
}

pub fn not_a_folder(dir: &str) -> String {
    format!("{dir} is a file, not a folder")
}

pub const FAQ_TITLE: &str = "Questions people ask";
pub const TROUBLESHOOTING_TITLE: &str = "Troubleshooting";

pub fn entry_of(n: usize, total: usize) -> String {
    format!("{n} of {total} · Esc goes back")
}

pub const SUMMARY_KEY: Command = cmd("s", "summary");
pub const EXPORT_KEY: Command = cmd("w", "export");
pub const EXPORT_WRITE: Command = cmd("Enter", "write");
pub const FAQ_KEY: Command = cmd("F", "FAQ");
pub const TROUBLESHOOTING_KEY: Command = cmd("T", "troubleshooting");

pub const HOME_KEY: Command = cmd("g", "home");

// Decide ------------------------------------------------------------------------

pub const DECIDE_PAUSE_TITLE: &str = "Pause, cancel or keep";
pub const DECIDE_CANCEL_TITLE: &str = "Cancel or keep";
pub const SUMMARY_NEXT_WORD: &str = "Next";
pub const SUMMARY_MISSED_WORD: &str = "Missed";
pub const DECIDE_REFUND_TITLE: &str = "Refund or keep";
pub const DECIDE_PURCHASE_TITLE: &str = "A one-time purchase";
pub const DECIDE_ORG_TITLE: &str = "End or keep";
pub const DECIDE_BECAME_TITLE: &str = "What the trial became";
pub const DECIDE_ACCOUNT_TITLE: &str = "Delete or keep the account";

pub fn decide_question(label: &str) -> String {
    format!("What do you want to do with {label}?")
}

pub const ACCOUNT_QUESTION: &str = "What do you want to do with your Coursera account?";

pub fn pause_choice(months: u32) -> String {
    match months {
        1 => "Pause for 1 month".to_string(),
        m => format!("Pause for {m} months"),
    }
}

pub const CANCEL_CHOICE: &str = "Cancel it";
pub const ORG_CANCEL_CHOICE: &str = "Ask the administrator to end it";
pub const KEEP_PAYING: &str = "Keep paying";
pub const KEEP_TRIAL: &str = "Keep it and start paying";
pub const KEEP_IT: &str = "Keep it";
pub const REFUND_CHOICE: &str = "Ask for a refund";
/// Under a refund's last day on Steps, when its steps follow those that cancel.
pub const REFUND_STEPS_BELOW: &str = "Money back is still possible: its steps follow the ones that cancel.";
pub const CANCEL_REFUND_CHOICE: &str = "Cancel and ask for a refund";

/// The refund choice with the last day it can be made: "(until …)".
pub fn refund_choice(cancel: bool, until: Option<&str>) -> String {
    let what = if cancel {
        CANCEL_REFUND_CHOICE
    } else {
        REFUND_CHOICE
    };
    match until {
        Some(until) => format!("{what} (until {until})"),
        None => what.to_string(),
    }
}

/// The refund choice while both Coursera's refund (until `first`) and the
/// longer EU/UK withdrawal (until `last`) are open: the nearer day first, so
/// nobody takes the later one for Coursera's own.
pub fn refund_choice_two(cancel: bool, first: &str, last: &str) -> String {
    format!(
        "{} (until {first}; withdrawal until {last})",
        refund_choice(cancel, None)
    )
}

/// The refund choice in fewer words, for a narrow pane (35 columns at
/// 60x20). Still "ask for a refund until D": "Cancel and refund by D" read
/// as if Coursera would refund by D.
pub fn refund_choice_short(cancel: bool, until: &str) -> String {
    let what = if cancel {
        "Cancel, ask refund"
    } else {
        "Ask refund"
    };
    format!("{what} until {until}")
}

/// Deleting the account while money can still come back.
pub fn refund_before_deleting(name: &str, until: &str) -> String {
    format!("{name}: a refund is still possible until {until} — ask before you delete.")
}

/// Deleting the account while a refund is on its way.
pub fn refund_awaited_before_deleting(name: &str, due: &str) -> String {
    format!("{name}: the refund you asked for is due by {due} — keep the account until it arrives.")
}

/// Deleting the account while access is paid for.
pub fn paid_until_before_deleting(name: &str, until: &str) -> String {
    format!("{name} is paid until {until}; deleting the account ends that access too.")
}

/// Warnings left out of the list before deleting, `refunds` of them money
/// that can still be asked back: on the Decide page, where `t` works.
pub fn more_warnings(count: usize, refunds: usize) -> String {
    format!(
        "{}: every date is on Deadlines (t).",
        warnings_left_out(count, refunds)
    )
}

/// The same in the question before deleting, where only y and n work.
pub fn more_warnings_after_answer(count: usize, refunds: usize) -> String {
    format!(
        "{}: see Deadlines after answering.",
        warnings_left_out(count, refunds)
    )
}

fn warnings_left_out(count: usize, refunds: usize) -> String {
    match (count, refunds) {
        (n, 0) => format!("…and {n} more"),
        (1, _) => "…and 1 more refund still possible".to_string(),
        (n, r) if n == r => format!("…and {n} more refunds still possible"),
        (n, 1) => format!("…and {n} more, 1 of them a refund still possible"),
        (n, r) => format!("…and {n} more, {r} of them refunds still possible"),
    }
}

pub const DELETE_ANYWAY_TITLE: &str = "Before you delete";
pub const DELETE_ANYWAY_KEYS: &str = "y yes, delete it anyway · n no, go back";
pub const DELETE_ACCOUNT_CHOICE: &str = "Delete the account";
pub const KEEP_ACCOUNT_CHOICE: &str = "Keep it, with a smaller footprint";

pub fn became(plan: &str) -> String {
    format!("It became {plan}")
}

pub fn trial_became_paid(date: &str) -> String {
    format!("The trial was not cancelled: it became a paid plan on {date}.")
}

pub const WHICH_PLAN: &str = "Which plan did it become? My Purchases → Subscriptions shows it.";
/// Home's line for such a trial.
pub fn trial_became_paid_short(date: &str) -> String {
    format!("Paid plan since {date}: open it")
}

pub const WHAT_HAPPENS: &str = "If you choose this:";

pub fn where_to_cancel(place: &str) -> String {
    format!("Where to cancel: {place}.")
}

pub fn checklist_count(done: usize, total: usize) -> String {
    format!("First, a checklist of {total} things to save and check ({done} done).")
}

pub const CERTIFICATES_UNSAVED: &str = "Your certificates are not marked as downloaded yet.";

pub fn keep_steps_count(total: usize) -> String {
    format!("{total} steps, ticked one by one.")
}

pub const CHOSE_PAUSE: &str = "pause";
pub const CHOSE_CANCEL: &str = "cancel";
pub const CHOSE_REFUND: &str = "ask for a refund";
pub const CHOSE_KEEP: &str = "keep";

pub const DECIDED_CANCEL: &str = "Decision: cancel. Do the steps below, then tick \"I have cancelled\".";
pub const DECIDED_REFUND: &str =
    "Decision: refund. Do the steps below, then tick \"I have asked for a refund\".";

pub fn decided(label: &str, choice: &str) -> String {
    format!("✓ {label}: {choice} recorded.")
}

pub const ACCOUNT_DELETE_CHOSEN: &str = "✓ Deleting the account: first, what to save.";
pub const ACCOUNT_KEEP_CHOSEN: &str = "✓ Keeping the account: a few steps make it smaller.";

pub fn already_cancelled(on: &str) -> String {
    format!("Cancelled on {on}: untick \"I have cancelled\" in Steps first.")
}

pub fn already_requested(on: &str) -> String {
    format!("Deletion was requested on {on}: untick \"Request deletion\" in Before deleting first.")
}

pub fn trial_recorded(plan: &str, on: &str) -> String {
    format!("✓ Recorded: it became {plan} on {on}.")
}

pub const ACCOUNT_KEY: Command = cmd("D", "account");
pub const OTHER_ACCOUNT_KEY: Command = cmd("Tab", "other account");
pub const RENAME_ACCOUNT_KEY: Command = cmd("r", "rename account");
pub const RENAME_ACCOUNT_PROMPT: &str = "Label: ";
pub const RENAME_ACCOUNT_KEYS: &str = "its email, or how you sign in · Enter keep · Esc cancel";
pub fn account_renamed(name: &str) -> String {
    format!("The account is now {name}.")
}
pub const NEW_ACCOUNT_KEY: Command = cmd("N", "new account");
pub const REGION_KEY: Command = cmd("A", "EU/UK?");
pub const HOME_REGION_UNANSWERED: &str = "EU or UK? Not answered yet: a refund may depend on it";
pub const REGION_TITLE: &str = "Where you live";

pub fn region_saved(eu_uk: Option<bool>) -> &'static str {
    match eu_uk {
        Some(true) => "✓ Saved: EU or UK. The withdrawal dates are shown where they apply.",
        Some(false) => "✓ Saved: not in the EU or the UK. Coursera's own refund rules apply.",
        None => "Not answered: counted as \"no\" until you answer (A).",
    }
}

pub const ACCOUNT_HINT: &str = "Account: delete it or keep it";

// Steps -------------------------------------------------------------------------

pub const STEPS_TITLE: &str = "Steps";

pub fn steps_cancel(label: &str) -> String {
    format!("Cancel {label}")
}

pub fn steps_cancel_refund(label: &str) -> String {
    format!("Cancel {label} and ask for a refund")
}

pub fn steps_refund(label: &str) -> String {
    format!("Ask for a refund of {label}")
}

pub fn steps_pause(label: &str, months: u32) -> String {
    let months = match months {
        1 => "1 month".to_string(),
        m => format!("{m} months"),
    };
    format!("Pause {label} for {months}")
}

pub fn steps_org(label: &str) -> String {
    format!("Ask to end {label}")
}

pub fn steps_keep(label: &str) -> String {
    format!("Keep {label}")
}

pub const STEPS_ACCOUNT_KEEP: &str = "Keep your Coursera account";
pub const KEEP_NOTHING_TO_DO: &str = "Nothing to do: it goes on as it is.";
pub const REFUND_HEADING: &str = "Refund";
pub const FINISH_ROW: &str = "Finish: back to Home";
pub const NOTE_ON_STEPS: &str = "Notes go on a step: move to one first.";

pub fn step_done_on(date: &str) -> String {
    format!("done {date}")
}

pub fn pause_recorded(from: &str, months: u32, begins: Option<&str>) -> String {
    let months = match months {
        1 => "1 month".to_string(),
        m => format!("{m} months"),
    };
    // SPEC §4 v2: the pause begins when the paid month ends, not on the day
    // it was chosen; "from <that day>" read as the pause's first day. The
    // dates follow the pause as recorded here: one never set on Coursera
    // is charged on that day all the same.
    match begins {
        Some(begins) => format!(
            "Pause of {months}, chosen on {from}: it starts when the month already paid for ends, on {begins}. \
             Set it on Coursera before then, or that day is charged as usual."
        ),
        None => {
            format!("Pause of {months}, chosen on {from}: it starts when the month already paid for ends")
        }
    }
}

/// Beside a pause on Decide: the day it would begin.
pub fn pause_would_begin(begins: &str) -> String {
    format!(
        "It would begin on {begins}, when the month already paid for ends: set it on Coursera before then."
    )
}

pub const PAUSE_DATE_HINT: &str = "e: the day you chose it · Esc: another length";

pub fn cancelled_on(on: &str, until: Option<&str>) -> String {
    match until {
        Some(until) => format!("✓ Cancelled on {on}. You will not be charged again; access until {until}."),
        None => format!("✓ Cancelled on {on}. You will not be charged again."),
    }
}

/// After "access until D" once a refund is asked for (the terms are silent).
pub const ACCESS_AFTER_REFUND: &str =
    "With a refund asked for, do not count on that day: the terms do not say the access outlives the refund.";

/// Home's line for a cancelled subscription, where its next date was.
pub fn not_charged_again(until: Option<&str>) -> String {
    match until {
        Some(until) => format!("✓ You will not be charged again; access until {until}"),
        None => "✓ You will not be charged again".to_string(),
    }
}

/// The same, short enough for a narrow list.
pub fn not_charged_again_short(until: Option<&str>) -> String {
    match until {
        Some(until) => format!("✓ Cancelled · access to {until}"),
        None => "✓ Cancelled: no more charges".to_string(),
    }
}

/// An overdue cancel-by: what to do now. `next_charge` is the charge's day
/// and how many days away it is (0: today).
pub fn cancel_overdue(
    next_charge: Option<(&str, i64)>,
    refund_until: Option<&str>,
    no_refund_word: bool,
) -> String {
    let now = match next_charge {
        Some((day, 0)) => {
            format!("The safe day has passed: cancel now anyway — the next charge is today, {day}.")
        }
        Some((day, _)) => {
            format!("The safe day has passed: cancel today anyway — the next charge is on {day}.")
        }
        None => "The safe day has passed: cancel today anyway.".to_string(),
    };
    let then = match (refund_until, no_refund_word) {
        (_, true) => String::new(),
        (Some(until), false) => format!(" Then ask for your money back, by {until} at the latest."),
        (None, false) => " A charge already taken cannot be asked back any more.".to_string(),
    };
    format!("{now}{then}")
}

pub fn finished_cancelled(label: &str, on: &str, until: Option<&str>) -> String {
    match until {
        Some(until) => format!("✓ {label}: cancelled on {on}; access until {until}."),
        None => format!("✓ {label}: cancelled on {on}."),
    }
}

pub fn finished_paused(label: &str, months: u32, resumes: Option<&str>) -> String {
    match resumes {
        Some(resumes) => format!("✓ {label}: paused; billing resumes {resumes}."),
        None => format!("✓ {label}: paused for {months} months."),
    }
}

pub fn finished_kept(label: &str, next: Option<&str>) -> String {
    match next {
        Some(next) => format!("✓ {label}: kept; next charge {next}."),
        None => format!("✓ {label}: kept."),
    }
}

pub fn finished_open(label: &str, done: usize, total: usize) -> String {
    format!("{label}: {done} of {total} steps done; c continues here.")
}

pub fn account_steps_left(done: usize, total: usize) -> String {
    format!("Account kept: {done} of {total} steps done.")
}

pub const FINISH: Command = cmd("Enter", "finish");
pub const STEPS_CONVERTED_HINT: &str = "Esc goes back to say which plan it became.";

// Frame and shared pieces ----------------------------------------------------

pub const SIDEBAR_TITLE: &str = " Steps ";
pub const HELP_SCROLL_MORE: &str = " ↓ more ";
pub const REMOVE_TITLE: &str = "Remove?";

/// The sidebar's progress: tasks done of the tasks that apply.
pub fn tasks_done(done: usize, of: usize) -> String {
    format!("{done} of {of} done")
}

/// The help box's title: what closes it.
pub fn help_title() -> String {
    format!(" {HELP_TITLE} — Esc closes ")
}

/// A deadline done: "✓ Cancel by 2026-03-04 · done" (`dated`: the title
/// and, where there is room, its date).
pub fn deadline_done(symbol: &str, dated: &str) -> String {
    format!("{symbol} {dated} · done")
}

/// Where a rule comes from, beside it (SPEC §2).
/// "Source: … (as of …)". A web address is shown without its `https://`:
/// shorter, it fits a line whole more often (`o` opens it).
pub fn source(source: &str, as_of: &str) -> String {
    let shown = source
        .strip_prefix("https://")
        .or_else(|| source.strip_prefix("http://"))
        .unwrap_or(source);
    // The date first: the address then ends the line, whole.
    format!("{SOURCE_LEAD}{as_of}): {shown}")
}

/// How every source line begins.
pub const SOURCE_LEAD: &str = "Source (as of ";

// Plain (line by line, --plain) -------------------------------------------------

pub const PLAIN_WARNING: &str = "Warning: ";
pub const PLAIN_ERROR: &str = "Error: ";
pub const PLAIN_MISSED: &str = "Missed: ";
pub const PLAIN_YES_OR_NO: &str = "Type yes or no.";
pub const PLAIN_FIELD_HOW: &str = "Type the value and press Enter. Enter alone keeps what is shown; clear empties it; back leaves it as it was.";
pub const PLAIN_FIELD_AGAIN: &str = "Type another value, or back to leave it as it was.";
pub const PLAIN_WORDS: &str = "Words for the keys of the full screen:";
pub const PLAIN_HELP: [&str; 9] = [
    "How to answer, one line at a time:",
    "  A number chooses that line; on a list to read (steps, checklist, dates) it says what the line means.",
    "  about N says what line N means without choosing it.",
    "  Enter alone does what the last line of the page says; a question that was never answered needs a number.",
    "  tick N marks line N done, or not done again. note N TEXT writes a note on it. date N YYYY-MM-DD sets the day it was done.",
    "  When a value is asked for, type it; Enter alone keeps what is shown; clear empties it; back leaves it as it was. In a value, only back, clear, show, help and quit are words.",
    "  yes or no answers a question. back returns to the page before. show prints this page again.",
    "  quit saves and ends; so does the end of input (Ctrl-D). Everything is saved after each answer.",
    "  The last line of each page lists the words that work there; a one-letter key of the full screen works too (D, t, s …).",
];
pub fn plain_start(today: &str) -> String {
    format!(
        "coursera-exit, line by line. Today is {today}. Type help for how to answer, quit to save and leave."
    )
}
/// Typed or pasted text that did not fit in a field: `rule` is the limit
/// ("a note is at most 2000 characters").
pub fn not_added(rule: &str, count: usize) -> String {
    match count {
        1 => format!("{rule}: 1 more character was not added"),
        n => format!("{rule}: {n} more characters were not added"),
    }
}

/// A value refused: the field was closed, the value before kept, and the
/// next line is read as a command again.
pub fn plain_refused(why: &str) -> String {
    let stop = if why.ends_with(['.', '!', '?']) { "" } else { "." };
    format!("{PLAIN_ERROR}{why}{stop} Nothing was changed.")
}
pub const PLAIN_NOTHING: &str =
    "Nothing changed. Type help for how to answer, or show to see the page again.";
pub const PLAIN_SAVED: &str = "Saved. Run coursera-exit --plain again to go on where you left off.";

pub fn plain_not_understood(line: &str) -> String {
    // A long paste is not read back in full.
    let shown: String = if line.chars().count() > 40 {
        line.chars().take(40).chain(['…']).collect()
    } else {
        line.to_string()
    };
    format!("Not understood: \"{shown}\". Type a number, a word from the last line, help or quit.")
}

pub fn plain_enter_needs_number(count: usize) -> String {
    format!(
        "Enter alone does not answer this: type a number from 1 to {count} (about N says what one means)."
    )
}

pub fn plain_about_which(count: usize) -> String {
    match count {
        0 => "There are no numbered lines here.".to_string(),
        n => format!("About which line? Type about and a number from 1 to {n}."),
    }
}

/// `note N TEXT` or `date N DATE` where that line takes no note or date.
pub fn plain_no_field(note: bool, line: Option<usize>) -> String {
    let what = if note { "note" } else { "date" };
    match line {
        Some(n) => format!("Line {n} takes no {what}; nothing was changed."),
        None => format!("Nothing here takes a {what}; nothing was changed."),
    }
}

pub fn plain_no_line(count: usize) -> String {
    match count {
        0 => "There are no numbered lines here.".to_string(),
        1 => "There is only line 1 here.".to_string(),
        n => format!("There is no such line here: type 1 to {n}."),
    }
}

pub fn plain_about(n: usize, item: &str) -> String {
    format!("About line {n}: {item}")
}

pub fn plain_field(label: &str, value: &str) -> String {
    if value.is_empty() {
        format!("{label}: (empty)")
    } else {
        format!("{label}: {value}")
    }
}

pub fn plain_numbers_choose(n: usize) -> String {
    match n {
        1 => "1 to choose it".to_string(),
        n => format!("a number from 1 to {n} to choose (about N says what one means)"),
    }
}

pub fn plain_numbers_read(n: usize) -> String {
    match n {
        1 => "1 to read about it".to_string(),
        n => format!("a number from 1 to {n} to read about a line"),
    }
}

/// The last line of a page: what can be typed there.
pub fn plain_what_to_type(numbers: Option<&str>, enter: Option<&str>, words: &[&str]) -> String {
    let mut parts = Vec::new();
    if let Some(numbers) = numbers {
        parts.push(format!("Type {numbers}"));
    }
    if let Some(enter) = enter {
        parts.push(format!("Enter alone: {enter}"));
    }
    if !words.is_empty() {
        parts.push(format!("words: {}", words.join(", ")));
    }
    format!("{}.", parts.join("; "))
}
