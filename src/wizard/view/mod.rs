//! Each page described once, as plain data: its heading, the lines that
//! lead in (dates, warnings), the lines one can move between with what
//! state each is in (in words), what the highlighted one means, a field
//! being typed, a yes/no question, and the keys that work. The line-by-line
//! front end (`--plain`, for screen readers) prints only this; it holds no
//! terminal types, so any front end can render it.

pub mod checklist;
pub mod deadlines;
pub mod decide;
pub mod home;
pub mod identify;
pub mod reference;
pub mod steps;
pub mod summary;

use super::field::{DateField, TextField, format_date};
use super::text::{self, Command};
use super::{NoticeKind, Page, RegionAnswer, Wizard, progress};
use crate::domain::dates::{brief_date, long_date};
use crate::domain::deadlines::Deadline;
use crate::domain::plan::{Channel, PlanKind};
use crate::domain::policy::{Policy, Source};
use crate::domain::state::Subscription;
use crate::wizard::decide::refund_until;

/// How near a date is: part of the page's vocabulary (a screen colours it,
/// the plain mode says it), so a front end needs nothing from the domain.
pub use crate::domain::deadlines::Urgency;

/// How a paragraph is meant, which a screen shows with colour and a symbol
/// and the plain front end with a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Heading,
    /// A hint: said, not stressed.
    Quiet,
    /// Where a rule comes from ("Source (as of …): …"): quiet, and what a
    /// printed guide gathers at the end.
    Source,
    /// A key that acts on the highlighted line ("x: not used"): quiet on
    /// the screen, said by the plain mode (its prompt takes the key too),
    /// left out of a printed guide, where no key works.
    KeyHint,
    Warning,
    Error,
    Done,
    /// A date, by how near it is.
    Due(Urgency),
    /// Which keys answer (y yes · n no): the screen shows it, a front end
    /// with its own way of answering leaves it out.
    Keys,
}

/// A paragraph of text (a front end wraps it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub tone: Tone,
}

impl Para {
    pub fn new(text: impl Into<String>, tone: Tone) -> Para {
        Para {
            text: text.into(),
            tone,
        }
    }

    pub fn plain(text: impl Into<String>) -> Para {
        Para::new(text, Tone::Plain)
    }

    pub fn quiet(text: impl Into<String>) -> Para {
        Para::new(text, Tone::Quiet)
    }

    pub fn warning(text: impl Into<String>) -> Para {
        Para::new(text, Tone::Warning)
    }

    pub fn source(origin: &Source) -> Para {
        Para::source_line(text::source(&origin.source, &origin.as_of))
    }

    /// A source already said as a line (`text::source`).
    pub fn source_line(line: impl Into<String>) -> Para {
        Para::new(line, Tone::Source)
    }

    /// A deadline as a sentence: "Cancel by Sun 2026-03-08, in 7 days".
    pub fn deadline(row: &Deadline, policy: &Policy) -> Para {
        Para::due(&DueLine::of(row, policy))
    }

    /// The same sentence, of a deadline already laid out.
    pub fn due(row: &DueLine) -> Para {
        let (title, date) = (&row.title, &row.long_date);
        if row.done {
            return Para::new(format!("{title} {date}: done"), Tone::Done);
        }
        Para::new(format!("{title} {date}, {}", row.when), Tone::Due(row.urgency))
    }
}

/// One line one can move to: its words and its state in words ("done
/// Sun 2026-03-01", "your answer", "note: …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub state: Vec<String>,
    /// A question's answer already given.
    pub given: bool,
    /// A step's or checklist item's id, for `coursera-exit done ID`.
    pub id: Option<String>,
    /// A step or checklist item that is done.
    pub done: bool,
}

impl Item {
    pub fn new(text: impl Into<String>) -> Item {
        Item {
            text: text.into(),
            state: Vec::new(),
            given: false,
            id: None,
            done: false,
        }
    }

    /// A question's answer, marked when it is the one already given.
    pub fn answer(text: impl Into<String>, given: bool) -> Item {
        let item = Item {
            given,
            ..Item::new(text)
        };
        if given { item.with(text::YOUR_ANSWER) } else { item }
    }

    /// A line `coursera-exit done ID` ticks, and whether it is done.
    pub fn tickable(mut self, id: &str, done: bool) -> Item {
        self.id = Some(id.to_string());
        self.done = done;
        self
    }

    pub fn with(mut self, state: impl Into<String>) -> Item {
        self.state.push(state.into());
        self
    }
}

/// What a number typed at the prompt does to its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Highlights it and chooses it (Enter): a question's answers, a list that opens.
    Choose,
    /// Only highlights it (its details show); `tick N` ticks it.
    Highlight,
}

/// A field being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// Why the value is refused, when it is.
    pub error: Option<String>,
    pub hint: String,
}

/// A yes/no question waiting for its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub title: String,
    pub lines: Vec<Para>,
}

/// A page, described.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageView {
    /// The screen ("Decide"), or FAQ, Troubleshooting, Help.
    pub title: String,
    pub heading: Vec<Para>,
    pub lead: Vec<Para>,
    pub items: Vec<Item>,
    pub pick: Pick,
    /// The highlighted line.
    pub cursor: Option<usize>,
    /// What the highlighted line means.
    pub details: Vec<Para>,
    pub field: Option<Field>,
    pub confirm: Option<Confirm>,
    pub commands: Vec<Command>,
    /// How many of `commands` are this page's own (the rest work on every page).
    pub own_commands: usize,
    /// What the full screen lays out beside the words above: the same
    /// facts in the pieces its columns and panes need.
    pub full: Full,
    /// The frame around the page on the full screen: title bar, steps, notice.
    pub frame: FrameView,
}

/// The page's pieces for the full screen, one kind per page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Full {
    #[default]
    Nothing,
    Home(Box<home::HomeFull>),
    Identify(identify::IdentifyFull),
    Decide(decide::DecideFull),
    /// Boxed: the largest by far (the steps, their dates and a field).
    Steps(Box<steps::StepsFull>),
    Checklist(checklist::ChecklistFull),
    Deadlines(deadlines::DeadlinesFull),
    Summary(summary::SummaryFull),
    Reference(reference::ReferenceFull),
    Region(RegionFull),
    Help(HelpFull),
}

/// A deadline as a screen lays it out: "! Cancel by Wed 2026-03-04 · in 3 days".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueLine {
    /// The rule's title ("Cancel by").
    pub title: String,
    /// "Wed 2026-03-04".
    pub long_date: String,
    /// "2026-03-04".
    pub short_date: String,
    /// "Mar 4", for a line too narrow for the year.
    pub brief_date: String,
    /// "in 3 days", "today", "6 days ago".
    pub when: String,
    pub urgency: Urgency,
    pub done: bool,
}

impl DueLine {
    pub fn of(row: &Deadline, policy: &Policy) -> DueLine {
        DueLine {
            title: policy.deadline(row.kind).title.clone(),
            long_date: long_date(row.date),
            short_date: format_date(row.date),
            brief_date: brief_date(row.date),
            when: text::days_left(row.days_left),
            urgency: row.urgency,
            done: row.done,
        }
    }
}

/// A field as the screen draws it: the value, where the cursor is, and
/// whether the value is wholly selected (the next key replaces it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldState {
    pub value: String,
    /// The cursor's column in `value` (terminal columns, not characters).
    pub cursor_column: usize,
    pub fresh: bool,
    pub editing: bool,
    /// A date field's value as a long date ("Wed 2026-03-04"), when it is a date.
    pub long_date: Option<String>,
    /// Why the value is refused, when it is.
    pub error: Option<String>,
}

impl FieldState {
    pub fn text(field: &TextField) -> FieldState {
        FieldState {
            value: field.value().to_string(),
            cursor_column: field.cursor_column(),
            fresh: field.fresh(),
            editing: field.editing(),
            long_date: None,
            // What did not fit (a date field says its own reason).
            error: field.error(),
        }
    }

    pub fn date(field: &DateField) -> FieldState {
        FieldState {
            long_date: field.date().ok().map(long_date),
            error: field.error().map(str::to_string),
            ..FieldState::text(field.text())
        }
    }
}

/// The region question's pieces: the answers with the saved one marked are
/// the page's items; here, the consequence of the highlighted one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RegionFull {
    pub question: String,
    pub why: String,
    pub consequence: String,
    pub source: String,
}

/// The help overlay: the key lines by group, and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HelpFull {
    pub sections: Vec<(String, Vec<Command>)>,
    pub scroll: u16,
}

/// The frame of the full screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrameView {
    /// "Decide", or FAQ / Troubleshooting over a step.
    pub place: String,
    /// Today, long ("Sun 2026-03-01").
    pub today: String,
    pub steps: Vec<StepMark>,
    /// "3 of 5 done".
    pub tasks: String,
    /// The subscription the page is about.
    pub focus: Option<FocusView>,
    pub notice: Option<(NoticeKind, String)>,
}

/// The subscription a page is about, under the steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusView {
    pub label: String,
    pub id: String,
    /// With several accounts: "paid by a2 · Google sign-in".
    pub paid_by: Option<String>,
}

/// One step of the journey in the sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepMark {
    pub name: &'static str,
    pub short: &'static str,
    pub current: bool,
    pub done: bool,
}

/// Whose a row is, by name: the label, and for a trial how long it lasts
/// ("Free trial (14 days)"), said wherever a trial's dates are.
pub fn row_name(row: &Deadline, state: &crate::domain::state::State, policy: &Policy) -> String {
    match row.subscription.as_deref().and_then(|id| state.subscription(id)) {
        Some(sub) => policy.display_label(sub),
        None => row.label.clone(),
    }
}

/// Whose a row is, as Deadlines and the Summary name it: [`row_name`], with
/// the subscription's id where another plan has the same label (two "Free
/// trial"s), so that rows of one can be told from rows of the other.
pub fn row_label(row: &Deadline, state: &crate::domain::state::State, policy: &Policy) -> String {
    let name = row_name(row, state, policy);
    let same = |s: &&Subscription| s.label == row.label;
    match row.subscription.as_deref() {
        Some(id) if state.subscriptions.iter().filter(same).count() > 1 => {
            crate::domain::policy::with_id(&name, id)
        }
        _ => name,
    }
}

/// What to do now that a plan's last day to cancel has passed: cancel
/// before the next charge, then whether money can still be asked back.
/// Said where that day shows as missed: the plan's Steps and Deadlines.
pub fn cancel_overdue_advice(wizard: &Wizard, sub: &Subscription) -> String {
    let next = wizard
        .deadlines()
        .iter()
        .filter(|d| d.subscription.as_deref() == Some(sub.id.as_str()))
        .find(|d| d.days_left >= 0 && d.kind.is_charge())
        .map(|d| (long_date(d.date), d.days_left));
    let refund = refund_until(wizard.state(), sub, wizard.policy(), wizard.today()).map(long_date);
    // Nothing to say about money back for a trial (nothing was charged yet)
    // or an app-store plan (the store's rules), or once it was asked for.
    let silent = sub.refund_requested_on.is_some()
        || sub.plan == Some(PlanKind::FreeTrial)
        || sub.channel != Some(Channel::Web);
    let next = next.as_ref().map(|(day, left)| (day.as_str(), *left));
    text::cancel_overdue(next, refund.as_deref(), silent)
}

pub fn account_title(title: &str, wizard: &super::Wizard) -> String {
    let state = wizard.state();
    if state.several_accounts() {
        format!("{title} · {}", state.account_name(state.focused_account()))
    } else {
        title.to_string()
    }
}

impl PageView {
    fn new(title: impl Into<String>) -> PageView {
        PageView {
            title: title.into(),
            heading: Vec::new(),
            lead: Vec::new(),
            items: Vec::new(),
            pick: Pick::Choose,
            cursor: None,
            details: Vec::new(),
            field: None,
            confirm: None,
            commands: Vec::new(),
            own_commands: 0,
            full: Full::Nothing,
            frame: FrameView::default(),
        }
    }
}

impl Wizard {
    /// The page on show, described afresh (front ends read the copy
    /// [`Wizard::view`] keeps from one change to the next).
    pub fn describe(&self) -> PageView {
        let mut view = if let Some((answers, cursor)) = self.region_question() {
            region(self, answers, cursor)
        } else if self.help_scroll().is_some() {
            help(self)
        } else {
            match self.page() {
                Page::Home(page) => home::view(self, page),
                Page::Identify(page) => identify::view(self, page),
                Page::Decide(page) => decide::view(self, page),
                Page::Steps(page) => steps::view(self, page),
                Page::Checklist(page) => checklist::view(self, page),
                Page::Deadlines(page) => deadlines::view(self, page),
                Page::Summary(page) => summary::view(self, page),
                Page::Reference(page) => reference::view(self, page),
            }
        };
        // `o` where what the highlighted line means names a source (Home
        // names plans, not their sources; a date question none).
        let address_shown = view.details.iter().any(|p| p.tone == Tone::Source);
        view.commands = self.commands_here(address_shown);
        view.own_commands = self.own_commands().len().min(view.commands.len());
        view.frame = frame(self);
        view
    }
}

fn frame(wizard: &Wizard) -> FrameView {
    let state = wizard.state();
    let steps = progress::steps(state, wizard.policy(), wizard.screen(), wizard.focus());
    FrameView {
        place: wizard.title().to_string(),
        today: long_date(wizard.today()),
        steps: steps
            .iter()
            .map(|step| StepMark {
                name: text::screen_title(step.screen),
                short: text::short_title(step.screen),
                current: step.current,
                done: step.done,
            })
            .collect(),
        tasks: text::tasks_done(progress::done_count(&steps), progress::task_count(&steps)),
        focus: wizard.focus().map(|sub| FocusView {
            label: sub.label.clone(),
            id: sub.id.clone(),
            paid_by: super::home::paid_by(state, sub),
        }),
        notice: wizard.notice().map(|n| (n.kind, n.text.clone())),
    }
}

/// "Do you live in the EU or the UK?" over any page.
fn region(wizard: &Wizard, answers: &[RegionAnswer], cursor: usize) -> PageView {
    let rule = &wizard.policy().region;
    let saved = wizard.region_answer().unwrap_or(RegionAnswer::NotSure);
    let mut view = PageView::new(text::REGION_TITLE);
    view.heading.push(Para::new(rule.question.clone(), Tone::Heading));
    view.lead.push(Para::plain(rule.why.clone()));
    view.items = answers
        .iter()
        .map(|a| {
            let label = match a {
                RegionAnswer::EuUk => text::REGION_YES,
                RegionAnswer::Elsewhere => text::REGION_NO,
                RegionAnswer::NotSure => text::NOT_SURE,
            };
            Item::answer(label, *a == saved)
        })
        .collect();
    view.cursor = Some(cursor);
    let consequence = match answers.get(cursor) {
        Some(RegionAnswer::EuUk) => &rule.eu_uk,
        Some(RegionAnswer::Elsewhere) => &rule.elsewhere,
        _ => &rule.not_sure,
    };
    view.details = vec![Para::plain(consequence.clone()), Para::source(&rule.origin)];
    view.full = Full::Region(RegionFull {
        question: rule.question.clone(),
        why: rule.why.clone(),
        consequence: consequence.clone(),
        source: text::source(&rule.origin.source, &rule.origin.as_of),
    });
    view
}

/// The help: every key, by group.
fn help(wizard: &Wizard) -> PageView {
    let mut view = PageView::new(text::help_title().trim().to_string());
    let sections = wizard.help_sections();
    for (group, commands) in &sections {
        view.lead.push(Para::new(*group, Tone::Heading));
        for c in commands {
            view.lead.push(Para::plain(format!("{}: {}", c.keys, c.action)));
        }
    }
    view.full = Full::Help(HelpFull {
        sections: sections
            .into_iter()
            .map(|(group, commands)| (group.to_string(), commands))
            .collect(),
        scroll: wizard.help_scroll().unwrap_or(0),
    });
    view
}
