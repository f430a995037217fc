//! Steps: where and how, the warnings, the dates that matter now (after a
//! cancellation, that nothing more is charged; after a missed day, what to
//! do), then each step with its state, "I have cancelled" and the refund's
//! steps; a pause's recorded day; a date or note being typed.

use super::{DueLine, Field, FieldState, Full, PageView, Para, Pick, Tone};
use crate::domain::checklist::{
    CANCELLED, Item, REFUND_RECEIVED, REFUND_REQUESTED, app_store_refund, cancellable, is_refund_item,
};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Deadline, DeadlineKind, converted_trial_charge, pause_begins};
use crate::domain::plan::{Channel, Decision, PlanKind};
use crate::domain::policy::{Policy, Source};
use crate::domain::state::Subscription;
use crate::wizard::steps::{Editing, Entry, Steps};
use crate::wizard::{Wizard, text};

/// The page's heading: what is being done to which plan.
fn heading(sub: Option<&Subscription>, policy: &Policy) -> String {
    let Some(sub) = sub else {
        return text::STEPS_ACCOUNT_KEEP.to_string();
    };
    let label = policy.display_label(sub);
    match (sub.decision, sub.pause) {
        (Some(Decision::Pause), Some(p)) => text::steps_pause(&label, p.months),
        (Some(Decision::Keep), _) => text::steps_keep(&label),
        _ if !cancellable(sub) => text::steps_refund(&label),
        _ if sub.plan == Some(PlanKind::Organization) => text::steps_org(&label),
        _ if sub.refund_wanted => text::steps_cancel_refund(&label),
        _ => text::steps_cancel(&label),
    }
}

/// How a subscription's Steps page is laid out, decided once here from the
/// domain's rules; [`StepsFull`] is made from it, and both front ends from
/// that (the full screen in blocks, the plain mode line by line), so
/// neither asks the rules itself.
#[derive(Debug, Clone)]
struct Sections<'p> {
    /// The trial was not cancelled and became a paid plan on this day.
    converted_on: Option<chrono::NaiveDate>,
    /// The last day to cancel heads the page: a plan that renews, not
    /// cancelled yet, being cancelled or not decided.
    cancel_by_leads: bool,
    /// Where and how to cancel (its rule's text and warnings), while the
    /// plan renews and is being cancelled or not decided.
    cancel_channel: Option<Channel>,
    /// The steps that cancel ("I have cancelled" last).
    steps: Vec<Item<'p>>,
    /// The steps that ask for the money back and record its arrival.
    refund: Vec<Item<'p>>,
    /// Bought in an app store, a plan Coursera would refund on the web:
    /// the store's refund text, unless the channel's warnings are on the
    /// page (they already say that only the store refunds).
    app_store_refund: bool,
}

/// `items`: the page's steps ([`Steps::items`]), split here into the two lists.
fn sections<'p>(wizard: &Wizard, sub: &Subscription, items: Vec<Item<'p>>) -> Sections<'p> {
    let (policy, today) = (wizard.policy(), wizard.today());
    let renews_and_open = cancellable(sub) && sub.cancelled_on.is_none();
    let (refund, steps) = items.into_iter().partition(|i| is_refund_item(policy, &i.id));
    let cancel_channel = sub
        .channel
        .filter(|_| cancellable(sub) && matches!(sub.decision, None | Some(Decision::Cancel)));
    Sections {
        converted_on: converted_trial_charge(sub, &policy.rules, today),
        cancel_by_leads: renews_and_open && matches!(sub.decision, None | Some(Decision::Cancel)),
        cancel_channel,
        steps,
        refund,
        // Said once: the App Store's and Google Play's warnings name who refunds.
        app_store_refund: app_store_refund(sub) && cancel_channel.is_none(),
    }
}

/// With several accounts, the one to sign in to for these steps.
fn paid_by(state: &crate::domain::state::State, sub: &Subscription) -> Option<String> {
    let account = state.account(&sub.account).filter(|_| state.several_accounts())?;
    Some(match sub.account_unknown {
        true => text::STEPS_ACCOUNT_UNKNOWN.to_string(),
        false => text::steps_paid_by(&state.account_name(account)),
    })
}

pub fn view(wizard: &Wizard, page: &Steps) -> PageView {
    let (state, policy, today) = (wizard.state(), wizard.policy(), wizard.today());
    let mut view = PageView::new(match page.id() {
        None => super::account_title(text::STEPS_TITLE, wizard),
        Some(_) => text::STEPS_TITLE.to_string(),
    });
    let sub = page.id().and_then(|id| state.subscription(id));
    if page.id().is_some() && sub.is_none() {
        view.full = Full::Steps(Box::default());
        return view;
    }
    let steps = page.items(state, policy, today);
    let entries = page.entries(state, policy, today);
    let cursor = page.cursor(state, policy, today);
    // The highlighted step's source, before the steps go into their lists.
    if let Some(Entry::Item(id)) = entries.get(cursor)
        && let Some(origin) = steps.iter().find(|s| s.id == *id).and_then(|s| s.origin)
    {
        view.details.push(Para::source(origin));
    }
    if sub.is_none() {
        view.details.push(Para::source(&policy.account_keep.origin));
    }
    let full = StepsFull::of(wizard, page, sub, steps, &entries);
    view.heading.push(Para::new(full.heading.clone(), Tone::Heading));
    view.lead = lead(&full);
    view.items = items(&full);
    view.pick = Pick::Highlight;
    view.cursor = Some(cursor);
    view.field = full.editing.as_ref().map(StepsEditing::field);
    view.full = Full::Steps(Box::new(full));
    view
}

/// What the full screen lays out of this page (see [`super::Full`]): above
/// the list, what is being done and the news that leads (a cancellation, a
/// trial that became paid, the last day to cancel); in the list, the body
/// the decision calls for, then Finish and the rules' sources. The plain
/// mode's lead and items are made from the same pieces ([`lead`], [`items`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepsFull {
    pub heading: String,
    /// With several accounts, the one to sign in to for these steps.
    pub paid_by: Option<String>,
    /// The trial was not cancelled and became a paid plan (the day said).
    pub converted: Option<String>,
    /// Cancelled: the day, and until when access lasts.
    pub cancelled: Option<String>,
    /// The last day to cancel, when it heads the page.
    pub cancel_by: Option<DueLine>,
    /// Once that day has passed: what to do now.
    pub overdue: Option<String>,
    /// A refund still open that ends before the last day to cancel, while
    /// its steps sit below those that cancel: said under `cancel_by`, or a
    /// day a year away would head the page over one a week away.
    pub refund_sooner: Option<DueLine>,
    pub body: StepsBody,
    /// Bought in an app store, a plan Coursera would refund on the web: the
    /// store's refund text (the screen shows it with the steps that cancel).
    pub app_store_refund: Option<String>,
    /// Finish's place among the page's items.
    pub finish: usize,
    /// The sources of the rules the list follows ("Source: … (as of …)").
    pub sources: Vec<String>,
    /// The field open under a line, if any.
    pub editing: Option<StepsEditing>,
    /// Shown from the top, the highlighted line may be out of sight.
    pub at_top: bool,
}

/// The list's body, by what was decided.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StepsBody {
    /// The subscription is gone (removed under the page): nothing to lay out.
    #[default]
    Gone,
    /// The account kept with a smaller footprint: what that means, its steps.
    Account { summary: String, steps: Vec<StepLine> },
    /// A pause: its caveat, how to pause, the day recorded (the line at
    /// `entry`, drawn once a day is recorded), the dates that follow.
    Pause {
        caveat: String,
        how: String,
        entry: usize,
        recorded: Option<String>,
        dates: Vec<DueLine>,
    },
    /// Kept: nothing to do, and the dates to come.
    Keep { dates: Vec<DueLine> },
    /// Cancelling (or not decided): the steps that cancel and the refund's.
    Cancel(CancelBody),
}

/// The steps that cancel and those that ask for the money back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelBody {
    /// Chosen to get the money back (or nothing renews): the refund leads.
    pub refund_first: bool,
    /// Where and how to cancel, while the plan renews.
    pub how: Option<HowToCancel>,
    /// The steps that cancel ("I have cancelled" last).
    pub steps: Vec<StepLine>,
    pub refund: RefundBody,
}

/// Where to cancel, and what to watch for there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HowToCancel {
    /// "Where to cancel: …".
    pub place: String,
    pub warnings: Vec<String>,
}

/// The refund: its last days, its steps, and what to expect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundBody {
    pub dates: Vec<DueLine>,
    pub steps: Vec<StepLine>,
    /// That Coursera may refuse.
    pub may_refuse: String,
    /// How long the money takes.
    pub wait: String,
}

/// A step as listed; the page's item for it is made from it ([`StepLine::item`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLine {
    /// Its place among the page's items (what the cursor counts).
    pub entry: usize,
    /// Its number in its list; none for the steps that record what
    /// happened (I have cancelled, the refund asked for and received).
    pub number: Option<usize>,
    pub title: String,
    /// What `coursera-exit done` calls it.
    pub id: String,
    pub done: bool,
    /// "done Sun 2026-03-01", when done on a known day.
    pub done_on: Option<String>,
    pub note: Option<String>,
}

/// A field open under a line of the list (the line's place among the items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepsEditing {
    /// The day a step was done, or the day a pause started.
    Date {
        entry: usize,
        field: FieldState,
    },
    Note {
        entry: usize,
        field: FieldState,
    },
}

impl StepsFull {
    fn of(
        wizard: &Wizard,
        page: &Steps,
        sub: Option<&Subscription>,
        steps: Vec<Item>,
        entries: &[Entry],
    ) -> StepsFull {
        let policy = wizard.policy();
        let mut full = StepsFull {
            heading: heading(sub, policy),
            finish: entries.len().saturating_sub(1),
            editing: editing(page, entries),
            at_top: page.at_top(),
            ..StepsFull::default()
        };
        let Some(sub) = sub else {
            full.body = StepsBody::Account {
                summary: policy.account_keep.summary.clone(),
                steps: StepLine::list(&steps, entries),
            };
            full.sources.push(source(&policy.account_keep.origin));
            return full;
        };
        let rows = Rows::of(wizard, sub);
        let sections = sections(wizard, sub, steps);
        full.paid_by = paid_by(wizard.state(), sub);
        full.converted = sections
            .converted_on
            .map(|on| text::trial_became_paid(&long_date(on)));
        match sub.cancelled_on {
            // Nothing more to pay: that, not a deadline, is the news.
            Some(on) => {
                let until = rows
                    .first(&[DeadlineKind::AccessUntil, DeadlineKind::TrialLastDay])
                    .map(|d| long_date(d.date));
                let mut said = text::cancelled_on(&long_date(on), until.as_deref());
                // Refunded, the access that payment bought may go with it.
                if until.is_some() && sub.refund_requested_on.is_some() {
                    said = format!("{said} {}", text::ACCESS_AFTER_REFUND);
                }
                full.cancelled = Some(said);
            }
            None if sections.cancel_by_leads => {
                if let Some(cancel_by) = rows.first(&[DeadlineKind::CancelBy]) {
                    full.cancel_by = Some(DueLine::of(cancel_by, policy));
                    full.overdue =
                        (cancel_by.days_left < 0).then(|| super::cancel_overdue_advice(wizard, sub));
                }
            }
            None => {}
        }
        let app_store_refund = sections.app_store_refund;
        full.sources = sources(sub, &sections, policy);
        full.body = body(wizard, page, sub, sections, &rows, entries);
        if let (Some(cancel_by), StepsBody::Cancel(body)) =
            (rows.first(&[DeadlineKind::CancelBy]), &full.body)
            && full.cancel_by.is_some()
            && !body.refund_first
        {
            full.refund_sooner = rows
                .rows
                .iter()
                .find(|d| {
                    matches!(d.kind, DeadlineKind::RefundBy | DeadlineKind::WithdrawalBy)
                        && !d.done
                        && d.days_left >= 0
                        && d.date < cancel_by.date
                })
                .map(|d| DueLine::of(d, policy));
        }
        // The store's refund goes with the steps that cancel (a plan kept
        // or paused has nothing to ask back), on both front ends.
        full.app_store_refund = (app_store_refund && matches!(full.body, StepsBody::Cancel(_)))
            .then(|| policy.refund.app_store.clone());
        full
    }

    /// Every step of the list, wherever it is.
    fn steps(&self) -> impl Iterator<Item = &StepLine> {
        let (first, second): (&[StepLine], &[StepLine]) = match &self.body {
            StepsBody::Account { steps, .. } => (steps, &[]),
            StepsBody::Cancel(body) => (&body.steps, &body.refund.steps),
            _ => (&[], &[]),
        };
        first.iter().chain(second)
    }
}

/// This subscription's rows, from the deadlines the wizard keeps.
struct Rows<'w> {
    rows: Vec<&'w Deadline>,
    policy: &'w Policy,
}

impl<'w> Rows<'w> {
    fn of(wizard: &'w Wizard, sub: &Subscription) -> Rows<'w> {
        Rows {
            rows: wizard
                .deadlines()
                .iter()
                .filter(|d| d.subscription.as_deref() == Some(sub.id.as_str()))
                .collect(),
            policy: wizard.policy(),
        }
    }

    /// The first row of one of `kinds`.
    fn first(&self, kinds: &[DeadlineKind]) -> Option<&'w Deadline> {
        self.rows.iter().copied().find(|d| kinds.contains(&d.kind))
    }

    /// Every row of `kinds`, laid out.
    fn due(&self, kinds: &[DeadlineKind]) -> Vec<DueLine> {
        self.rows
            .iter()
            .filter(|d| kinds.contains(&d.kind))
            .map(|d| DueLine::of(d, self.policy))
            .collect()
    }
}

/// The list's body for what was decided: a pause, a plan kept, or the
/// steps that cancel and ask for the money back.
fn body(
    wizard: &Wizard,
    page: &Steps,
    sub: &Subscription,
    sections: Sections,
    rows: &Rows,
    entries: &[Entry],
) -> StepsBody {
    let policy = wizard.policy();
    match sub.decision {
        Some(Decision::Pause) => StepsBody::Pause {
            caveat: policy.pause.caveat.clone(),
            how: policy.pause.how.clone(),
            entry: entries
                .iter()
                .position(|e| *e == Entry::Pause)
                .unwrap_or_default(),
            recorded: sub.pause.map(|p| {
                let begins = pause_begins(sub).map(long_date);
                text::pause_recorded(&long_date(p.from), p.months, begins.as_deref())
            }),
            dates: rows.due(&[DeadlineKind::PauseResumes, DeadlineKind::CancelBy]),
        },
        Some(Decision::Keep) => StepsBody::Keep {
            dates: rows.due(&[
                DeadlineKind::FirstCharge,
                DeadlineKind::NextCharge,
                DeadlineKind::Renewal,
                DeadlineKind::CancelBy,
            ]),
        },
        _ => StepsBody::Cancel(CancelBody {
            refund_first: page.refund_first(wizard.state()),
            how: sections.cancel_channel.map(|channel| {
                let rule = policy.channel(channel);
                HowToCancel {
                    place: text::where_to_cancel(&rule.cancel_where),
                    warnings: rule.warnings.clone(),
                }
            }),
            steps: StepLine::list(&sections.steps, entries),
            refund: RefundBody {
                dates: rows.due(&[
                    DeadlineKind::RefundBy,
                    DeadlineKind::WithdrawalBy,
                    DeadlineKind::RefundExpected,
                ]),
                steps: StepLine::list(&sections.refund, entries),
                may_refuse: policy.refund.may_refuse.clone(),
                wait: policy.refund.wait.clone(),
            },
        }),
    }
}

/// The sources of the rules the list follows: the pause's, or those of
/// the cancel and refund steps (a plan kept follows none).
fn sources(sub: &Subscription, sections: &Sections, policy: &Policy) -> Vec<String> {
    let mut sources = Vec::new();
    match sub.decision {
        Some(Decision::Pause) => sources.push(source(&policy.pause.origin)),
        Some(Decision::Keep) => {}
        _ => {
            if let Some(channel) = sections.cancel_channel {
                sources.push(source(&policy.channel(channel).origin));
            }
            if !sections.refund.is_empty() {
                sources.push(source(&policy.deadline(DeadlineKind::RefundBy).origin));
            }
            if !sections.refund.is_empty() || sections.app_store_refund {
                sources.push(source(&policy.refund.origin));
            }
        }
    }
    sources
}

fn source(origin: &Source) -> String {
    text::source(&origin.source, &origin.as_of)
}

/// The field open, under the line it belongs to.
fn editing(page: &Steps, entries: &[Entry]) -> Option<StepsEditing> {
    let at = |entry: &Entry| entries.iter().position(|e| e == entry);
    Some(match page.editing()? {
        Editing::Date { entry, field } => StepsEditing::Date {
            entry: at(entry)?,
            field: FieldState::date(field),
        },
        Editing::Note { item, field } => StepsEditing::Note {
            entry: at(&Entry::Item(item.clone()))?,
            field: FieldState::text(field),
        },
    })
}

impl StepsEditing {
    /// The field as the page's words give it.
    fn field(&self) -> Field {
        match self {
            StepsEditing::Date { field, .. } => Field {
                label: "Date".to_string(),
                value: field.value.clone(),
                error: field.error.clone(),
                hint: text::DATE_KEYS.to_string(),
            },
            StepsEditing::Note { field, .. } => Field {
                label: text::NOTE.trim_end().trim_end_matches(':').to_string(),
                value: field.value.clone(),
                error: field.error.clone(),
                hint: text::NOTE_KEYS.to_string(),
            },
        }
    }
}

impl StepLine {
    /// The steps of one list, numbered in it, each with its place among `entries`.
    fn list(steps: &[Item], entries: &[Entry]) -> Vec<StepLine> {
        steps
            .iter()
            .enumerate()
            .filter_map(|(n, step)| {
                let entry = entries
                    .iter()
                    .position(|e| matches!(e, Entry::Item(id) if *id == step.id))?;
                let records = [CANCELLED, REFUND_REQUESTED, REFUND_RECEIVED].contains(&step.id.as_str());
                Some(StepLine {
                    entry,
                    number: (!records).then_some(n + 1),
                    title: step.title.clone(),
                    id: step.id.clone(),
                    done: step.done,
                    done_on: step
                        .done_on
                        .filter(|_| step.done)
                        .map(|on| text::step_done_on(&long_date(on))),
                    note: step.note.clone(),
                })
            })
            .collect()
    }

    /// The step as one of the page's items: its words and its state in words
    /// (numbered by the front end: the screen numbers the steps alone).
    fn item(&self) -> super::Item {
        let done = match (&self.done_on, self.done) {
            (Some(on), _) => on.clone(),
            (None, true) => "done".to_string(),
            (None, false) => "not done".to_string(),
        };
        let item = super::Item::new(self.title.clone())
            .tickable(&self.id, self.done)
            .with(done);
        match &self.note {
            Some(note) => item.with(format!("{}{note}", text::NOTE)),
            None => item,
        }
    }
}

/// What leads the page in words: the same facts the screen puts above and
/// around the steps, in the order they are read.
fn lead(full: &StepsFull) -> Vec<Para> {
    let mut lead: Vec<Para> = full.paid_by.iter().map(Para::plain).collect();
    if let Some(became) = &full.converted {
        lead.push(Para::new(became, Tone::Error));
        lead.push(Para::quiet(text::STEPS_CONVERTED_HINT));
    }
    match (&full.cancelled, &full.body) {
        (Some(cancelled), _) => lead.push(Para::new(cancelled, Tone::Done)),
        (None, StepsBody::Account { summary, .. }) => lead.push(Para::plain(summary)),
        (
            None,
            StepsBody::Pause {
                caveat, how, dates, ..
            },
        ) => {
            lead.push(Para::warning(format!("! {caveat}")));
            lead.push(Para::plain(how));
            lead.extend(dates.iter().map(Para::due));
        }
        (None, StepsBody::Keep { dates }) => {
            lead.push(Para::plain(text::KEEP_NOTHING_TO_DO));
            lead.extend(dates.iter().map(Para::due));
        }
        (None, _) => {
            // `refund_sooner` is for the screen, where the refund's dates sit
            // below the fold: here they follow a few lines down, in the lead.
            lead.extend(full.cancel_by.iter().map(Para::due));
            lead.extend(
                full.overdue
                    .iter()
                    .map(|advice| Para::warning(format!("! {advice}"))),
            );
        }
    }
    if let StepsBody::Cancel(body) = &full.body {
        if let Some(how) = &body.how {
            lead.push(Para::plain(&how.place));
            lead.extend(how.warnings.iter().map(|w| Para::warning(format!("! {w}"))));
        }
        let refund = &body.refund;
        if !refund.steps.is_empty() {
            lead.extend(refund.dates.iter().map(Para::due));
            lead.push(Para::quiet(&refund.may_refuse));
            lead.push(Para::quiet(&refund.wait));
        }
    }
    lead.extend(full.app_store_refund.iter().map(Para::plain));
    lead
}

/// Every line to move to, each at its place: the pause, the steps, Finish.
fn items(full: &StepsFull) -> Vec<super::Item> {
    let mut items = vec![super::Item::new(text::FINISH_ROW); full.finish + 1];
    if let StepsBody::Pause { entry, recorded, .. } = &full.body {
        items[*entry] = super::Item::new(recorded.as_deref().unwrap_or(text::PAUSE_DATE_HINT));
    }
    for step in full.steps() {
        items[step.entry] = step.item();
    }
    items
}
