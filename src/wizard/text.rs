//! Every piece of wizard wording that is not a Coursera rule (those come from
//! the policy file): titles, questions, hints, key names and messages.

use crate::domain::deadlines::Urgency;
use crate::domain::journey::Screen;
use crate::domain::plan::{Channel, PlanKind};

pub const APP_TITLE: &str = "Coursera exit";

/// The label of a subscription until its plan is known.
pub const NEW_LABEL: &str = "New subscription";

/// Sidebar names when the terminal is narrow.
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
    format!("✓ {label} is saved; its dates are below.")
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
pub const Q_PLAN: &str = "What are you paying for?";
pub const Q_CERTIFICATE: &str = "Have you earned a certificate under this plan?";
pub const NOT_SURE: &str = "Not sure";
pub const CERT_NO: &str = "No, not under this plan";
pub const CERT_YES: &str = "Yes, I earned a certificate";
pub const ANSWERS: &str = "Answers";

/// The answers so far in a few words, with a "?" for each one missing.
pub fn answers(
    channel: Option<Channel>,
    plan: Option<&str>,
    date: Option<String>,
    certificate: Option<bool>,
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
    format!(
        "{ANSWERS}: {channel} · {} · {} · {certificate}",
        plan.unwrap_or("plan?"),
        date.as_deref().unwrap_or("date?")
    )
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
pub const DATE_NOT_EDITING: &str = "e or Enter: change the date";
pub const CERT_WHY: &str = "It decides whether a refund is still possible.";

pub const NOT_SURE_TITLE: &str = "Where to look";
pub const NOT_SURE_FOUND: &str = "I found it — answer now";
pub const NOT_SURE_LATER: &str = "Come back later (answers are kept)";

/// Where to find the answer the person is not sure about.
pub fn where_to_look(about_channel: bool) -> [&'static str; 3] {
    [
        "On coursera.org, click your profile icon (top right) → My Purchases → Subscriptions: it lists each plan and how it is billed.",
        if about_channel {
            "A receipt from Apple means the iPhone/iPad app, from Google Play the Android app, from Coursera the website."
        } else {
            "Receipt emails name what was bought: a trial, a Specialization, Coursera Plus (monthly or yearly) or one course."
        },
        "Nothing there? Try your other Coursera accounts: search your email for Coursera receipts and sign in with that address.",
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
pub const EDIT_DATE: Command = cmd("e", "edit date");
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
pub const HELP_ANYWHERE: &str = "Anywhere";
pub const HELP_NORMAL: &str = "Moving around";
pub const HELP_EDIT: &str = "Typing a date or a note";
pub const HELP_CONFIRM: &str = "A yes/no question";
pub const HELP_HERE: &str = "On this screen";

pub const HELP_ANYWHERE_KEYS: [Command; 3] = [
    cmd("Ctrl-C", "save and quit"),
    cmd("Ctrl-Z", "suspend (fg to come back)"),
    cmd("?", "this help (Esc closes it)"),
];
pub const HELP_NORMAL_KEYS: [Command; 9] = [
    cmd("↑/↓ or j/k", "move"),
    cmd("Enter, → or l", "choose / next"),
    cmd("Esc, ← or h", "back (answers are kept)"),
    cmd("Space", "toggle"),
    cmd("Tab", "next field"),
    cmd("e", "edit the date"),
    cmd("n", "edit the note of the selected item"),
    cmd("a / d or x / c", "add / remove / continue (Home)"),
    cmd("q", "save and quit"),
];
pub const HELP_EDIT_KEYS: [Command; 6] = [
    cmd("letters, digits", "typed as text"),
    cmd("Enter", "accept"),
    cmd("Esc", "cancel the edit"),
    cmd("↑ / ↓", "a day later / earlier"),
    cmd("PgUp / PgDn", "a month later / earlier"),
    cmd("Backspace, Ctrl-U", "delete a character / everything"),
];
pub const HELP_CONFIRM_KEYS: [Command; 2] = [cmd("y", "yes"), cmd("n or Esc", "no")];

// Terminal --------------------------------------------------------------------

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> [String; 3] {
    [
        format!("This terminal is {width}x{height}."),
        format!("coursera-exit needs at least {min_width}x{min_height}."),
        "Make the window larger, or press q to quit.".to_string(),
    ]
}

pub fn save_failed(why: &str) -> String {
    format!("✗ Could not save: {why}")
}
