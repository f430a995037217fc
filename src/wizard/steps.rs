//! Steps: what to do for the decision, ticked one by one. For a cancel, the
//! channel's steps, "I have cancelled" (which records the day) and, while a
//! refund can still be asked for, the refund steps; for a pause, how to pause
//! and the recorded start; for the account kept, the footprint steps. Each
//! item takes a day (`e`) and a note (`n`); every change goes through
//! `domain::actions`.

use chrono::NaiveDate;

use super::decide::refund_open;
use super::field::{DateField, FieldEvent, TextField};
use super::msg::{Mode, Msg};
use super::text::{self, Command};
use super::{Ctx, Flow, Notice};
use crate::domain::actions::{self, Choice as Decision, Tick};
use crate::domain::checklist::{
    CANCELLED, Item, REFUND_RECEIVED, REFUND_REQUESTED, cancellable, is_refund_item, keep_items,
    subscription_items,
};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Deadline, DeadlineKind, deadlines};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::Decision as Decided;
use crate::domain::policy::Policy;
use crate::domain::state::State;
use crate::domain::text_limits::NOTE_LIMIT;

/// One selectable line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A step to tick, by its id.
    Item(String),
    /// The recorded pause: `e` changes the day it was chosen.
    Pause,
    /// Done here: back to Home.
    Finish,
}

/// A field open for typing.
#[derive(Debug, Clone)]
pub enum Editing {
    /// The day an item was done, or the day a pause started.
    Date {
        entry: Entry,
        field: DateField,
    },
    Note {
        item: String,
        field: TextField,
    },
}

#[derive(Debug, Clone)]
pub struct Steps {
    /// The subscription; None for the account kept with a smaller footprint.
    id: Option<String>,
    /// None until moved: the first step not done.
    selected: Option<Entry>,
    editing: Option<Editing>,
    /// ↑ (or PgUp) pressed on the first line: the page shows from its top,
    /// where what is said before the steps (where to cancel, the warnings)
    /// would otherwise stay out of reach on a short screen.
    at_top: bool,
    /// The run's today, for the footer (which steps show depends on it).
    today: NaiveDate,
}

impl Steps {
    pub fn open(id: Option<&str>, today: NaiveDate) -> Steps {
        Steps {
            id: id.map(str::to_string),
            selected: None,
            editing: None,
            at_top: false,
            today,
        }
    }

    /// Whether the page is to be shown from its top (see `at_top`).
    pub fn at_top(&self) -> bool {
        self.at_top
    }

    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    pub fn editing(&self) -> Option<&Editing> {
        self.editing.as_ref()
    }

    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Steps,
            subscription: self.id.clone(),
        }
    }

    /// A field is open and holds something other than what it opened with.
    pub fn field_changed(&self) -> bool {
        match &self.editing {
            Some(Editing::Date { field, .. }) => field.text().changed(),
            Some(Editing::Note { field, .. }) => field.changed(),
            None => false,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.editing.is_some() {
            Mode::Edit
        } else {
            Mode::Normal
        }
    }

    /// The decision the steps carry out (None for the account, or nothing decided).
    pub fn decision(&self, state: &State) -> Option<Decided> {
        state.subscription(self.id.as_deref()?)?.decision
    }

    /// The steps to tick, in order.
    pub fn items<'p>(&self, state: &State, policy: &'p Policy, today: NaiveDate) -> Vec<Item<'p>> {
        let Some(id) = self.id.as_deref() else {
            return keep_items(state.focused_account(), policy);
        };
        let Some(sub) = state.subscription(id) else {
            return Vec::new();
        };
        if matches!(sub.decision, Some(Decided::Pause | Decided::Keep)) {
            return Vec::new();
        }
        let refund = refund_open(state, sub, policy, today);
        let (refund_items, cancel_items): (Vec<Item>, Vec<Item>) = subscription_items(state, sub, policy)
            .into_iter()
            .filter(|item| refund || !is_refund_item(policy, &item.id))
            // Money can arrive only once it was asked for.
            .filter(|item| item.id != REFUND_RECEIVED || sub.refund_requested_on.is_some())
            .partition(|item| is_refund_item(policy, &item.id));
        // Chosen to get the money back: the refund, whose window closes
        // first, leads; a plain cancel lists it after.
        if self.refund_first(state) {
            refund_items.into_iter().chain(cancel_items).collect()
        } else {
            cancel_items.into_iter().chain(refund_items).collect()
        }
    }

    /// The refund steps come before the cancel steps.
    pub fn refund_first(&self, state: &State) -> bool {
        self.id
            .as_deref()
            .and_then(|id| state.subscription(id))
            .is_some_and(|sub| sub.refund_wanted || !cancellable(sub))
    }

    /// Every selectable line, in order.
    pub fn entries(&self, state: &State, policy: &Policy, today: NaiveDate) -> Vec<Entry> {
        let mut entries = Vec::new();
        if self.decision(state) == Some(Decided::Pause) {
            entries.push(Entry::Pause);
        }
        entries.extend(
            self.items(state, policy, today)
                .into_iter()
                .map(|item| Entry::Item(item.id)),
        );
        entries.push(Entry::Finish);
        entries
    }

    /// Where the highlight is in `entries`: the chosen line, else the first step not done.
    pub fn cursor(&self, state: &State, policy: &Policy, today: NaiveDate) -> usize {
        let entries = self.entries(state, policy, today);
        if let Some(at) = self
            .selected
            .as_ref()
            .and_then(|s| entries.iter().position(|e| e == s))
        {
            return at;
        }
        let items = self.items(state, policy, today);
        let first_open = items.iter().find(|i| !i.done).map(|i| Entry::Item(i.id.clone()));
        let target = first_open.unwrap_or(if items.is_empty() && entries.len() > 1 {
            Entry::Pause
        } else {
            Entry::Finish
        });
        entries.iter().position(|e| *e == target).unwrap_or(0)
    }

    /// The rows of this subscription, for the dates the screen shows.
    pub fn dates(&self, state: &State, policy: &Policy, today: NaiveDate) -> Vec<Deadline> {
        let Some(id) = self.id.as_deref() else {
            return Vec::new();
        };
        deadlines(state, &policy.rules, today)
            .into_iter()
            .filter(|d| d.subscription.as_deref() == Some(id))
            .collect()
    }

    pub fn commands(&self, state: &State, policy: &Policy) -> Vec<Command> {
        match &self.editing {
            Some(Editing::Date { .. }) => return vec![text::ACCEPT, text::CANCEL, text::DAY, text::MONTH],
            Some(Editing::Note { .. }) => return vec![text::ACCEPT, text::CANCEL],
            None => {}
        }
        let entries = self.entries(state, policy, self.today);
        match &entries[self.cursor(state, policy, self.today)] {
            Entry::Finish => vec![text::MOVE, text::FINISH, text::BACK],
            Entry::Pause => vec![text::MOVE, text::EDIT_DATE, text::NEXT_ITEM, text::BACK],
            Entry::Item(item) => {
                let done = stored_done(state, self.id.as_deref(), item);
                let tick = if done { text::UNTICK } else { text::TICK };
                vec![
                    text::MOVE,
                    tick,
                    text::EDIT_DATE,
                    text::EDIT_NOTE,
                    text::NEXT_ITEM,
                    text::BACK,
                ]
            }
        }
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        if let Some(id) = &self.id
            && ctx.state.subscription(id).is_none()
        {
            return Flow::Go(Journey::default());
        }
        if self.editing.is_some() {
            return self.update_editing(ctx, msg);
        }
        let entries = self.entries(ctx.state, ctx.policy, ctx.today);
        let cursor = self.cursor(ctx.state, ctx.policy, ctx.today);
        let last = entries.len() - 1;
        let current = entries[cursor].clone();
        let select = |steps: &mut Steps, index: usize| {
            steps.selected = Some(entries[index].clone());
            Flow::Stay
        };
        // Any other key shows the highlight again; the keys move as always.
        self.at_top = false;
        match msg {
            Msg::Up | Msg::PageUp if cursor == 0 => {
                self.at_top = true;
                Flow::Stay
            }
            Msg::Up => select(self, cursor.saturating_sub(1)),
            Msg::Down => select(self, (cursor + 1).min(last)),
            Msg::PageUp => select(self, 0),
            Msg::PageDown => select(self, last),
            Msg::Next if current == Entry::Finish => self.finish(ctx),
            Msg::Next => select(self, cursor + 1),
            Msg::Back => Flow::Go(Journey {
                screen: Screen::Decide,
                subscription: self.id.clone(),
            }),
            Msg::Toggle => match current {
                Entry::Item(item) => {
                    self.selected = Some(Entry::Item(item.clone()));
                    self.toggle(ctx, &item)
                }
                _ => Flow::Stay,
            },
            Msg::EditDate => {
                self.selected = Some(current.clone());
                self.edit_date(ctx, current)
            }
            Msg::EditNote => match current {
                Entry::Item(item) => {
                    let note = self.note(ctx.state, &item).unwrap_or_default();
                    let mut field = TextField::limited(&note, NOTE_LIMIT);
                    field.begin();
                    self.selected = Some(Entry::Item(item.clone()));
                    self.editing = Some(Editing::Note { item, field });
                    Flow::Stay
                }
                _ => {
                    *ctx.notice = Some(Notice::info(text::NOTE_ON_STEPS.to_string()));
                    Flow::Stay
                }
            },
            _ => Flow::Stay,
        }
    }

    fn note(&self, state: &State, item: &str) -> Option<String> {
        let record = match self.id.as_deref() {
            Some(id) => state.subscription(id)?.item(item),
            None => state.focused_account().item(item),
        };
        record.and_then(|r| r.note.clone())
    }

    fn edit_date(&mut self, ctx: &mut Ctx, entry: Entry) -> Flow {
        let start = match &entry {
            Entry::Item(item) => self.done_on(ctx.state, item),
            Entry::Pause => self
                .id
                .as_deref()
                .and_then(|id| ctx.state.subscription(id))
                .and_then(|s| s.pause)
                .map(|p| p.from),
            Entry::Finish => return Flow::Stay,
        };
        let mut field = DateField::new(start.unwrap_or(ctx.today));
        field.begin();
        self.editing = Some(Editing::Date { entry, field });
        Flow::Stay
    }

    /// The day an item was done, as saved.
    fn done_on(&self, state: &State, item: &str) -> Option<NaiveDate> {
        match self.id.as_deref() {
            Some(id) => {
                let sub = state.subscription(id)?;
                match item {
                    CANCELLED => sub.cancelled_on,
                    REFUND_REQUESTED => sub.refund_requested_on,
                    REFUND_RECEIVED => sub.refund_received_on,
                    _ => sub.item(item).and_then(|r| r.done_on),
                }
            }
            None => state.focused_account().item(item).and_then(|r| r.done_on),
        }
    }

    /// Ticks an item not done, unticks one done.
    fn toggle(&mut self, ctx: &mut Ctx, item: &str) -> Flow {
        let undo = stored_done(ctx.state, self.id.as_deref(), item);
        match self.tick(ctx, item, None, undo) {
            Ok(()) => {
                if item == CANCELLED && !undo {
                    self.cancelled_notice(ctx);
                }
                Flow::Changed
            }
            Err(refusal) => {
                *ctx.notice = Some(Notice::error(refusal.reason));
                Flow::Stay
            }
        }
    }

    fn tick(
        &mut self,
        ctx: &mut Ctx,
        item: &str,
        on: Option<NaiveDate>,
        undo: bool,
    ) -> Result<(), actions::Refusal> {
        let account = ctx.state.focused_account_id();
        let tick = Tick {
            item,
            subscription: self.id.as_deref(),
            account: Some(&account),
            note: None,
            on,
            undo,
        };
        actions::done(ctx.state, tick, ctx.policy, ctx.today)
    }

    fn update_editing(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        match self.editing.as_mut().expect("checked by the caller") {
            Editing::Note { item, field } => match msg {
                Msg::Back => {
                    self.editing = None;
                    Flow::Stay
                }
                Msg::Next => {
                    let (item, value) = (item.clone(), field.value().to_string());
                    match actions::set_note(
                        ctx.state,
                        &item,
                        self.id.as_deref(),
                        Some(&ctx.state.focused_account_id()),
                        &value,
                        ctx.policy,
                    ) {
                        Ok(()) => {
                            self.editing = None;
                            Flow::Changed
                        }
                        Err(refusal) => {
                            *ctx.notice = Some(Notice::error(refusal.reason));
                            Flow::Stay
                        }
                    }
                }
                Msg::Text(key) => {
                    field.on_text(key);
                    Flow::Stay
                }
                _ => Flow::Stay,
            },
            Editing::Date { entry, field } => match field.on_msg(msg, ctx.today) {
                FieldEvent::Cancelled => {
                    self.editing = None;
                    Flow::Stay
                }
                FieldEvent::Idle => Flow::Stay,
                FieldEvent::Submit => {
                    let entry = entry.clone();
                    let date = field.date();
                    self.submit_date(ctx, entry, date)
                }
            },
        }
    }

    fn submit_date(&mut self, ctx: &mut Ctx, entry: Entry, date: Result<NaiveDate, String>) -> Flow {
        let result = date.map_err(|reason| actions::Refusal {
            field: actions::Field::On,
            value: String::new(),
            reason,
        });
        let result = result.and_then(|date| match &entry {
            Entry::Item(item) => self.tick(ctx, item, Some(date), false),
            Entry::Pause => self.repause(ctx, date),
            Entry::Finish => Ok(()),
        });
        match result {
            Ok(()) => {
                self.editing = None;
                if entry == Entry::Item(CANCELLED.to_string()) {
                    self.cancelled_notice(ctx);
                }
                Flow::Changed
            }
            Err(refusal) => {
                if let Some(Editing::Date { field, .. }) = self.editing.as_mut() {
                    field.refuse(refusal.reason);
                }
                Flow::Stay
            }
        }
    }

    /// The same pause, starting on another day.
    fn repause(&mut self, ctx: &mut Ctx, from: NaiveDate) -> Result<(), actions::Refusal> {
        let id = self.id.as_deref().unwrap_or_default();
        let months = ctx
            .state
            .subscription(id)
            .and_then(|s| s.pause)
            .map_or(1, |p| p.months);
        actions::decide(
            ctx.state,
            id,
            Decision::Pause { months },
            Some(from),
            ctx.policy,
            ctx.today,
        )
    }

    /// "Cancelled on …; access until …", from the frozen rows.
    fn cancelled_notice(&self, ctx: &mut Ctx) {
        let Some(sub) = self.id.as_deref().and_then(|id| ctx.state.subscription(id)) else {
            return;
        };
        let Some(on) = sub.cancelled_on else { return };
        let until = self
            .dates(ctx.state, ctx.policy, ctx.today)
            .into_iter()
            .find(|d| matches!(d.kind, DeadlineKind::AccessUntil | DeadlineKind::TrialLastDay))
            .map(|d| long_date(d.date));
        *ctx.notice = Some(Notice::done(text::cancelled_on(&long_date(on), until.as_deref())));
    }

    /// Back to Home, saying where things stand.
    fn finish(&mut self, ctx: &mut Ctx) -> Flow {
        let notice = match self.id.as_deref().and_then(|id| ctx.state.subscription(id)) {
            None => {
                let items = keep_items(ctx.state.focused_account(), ctx.policy);
                let done = items.iter().filter(|i| i.done).count();
                text::account_steps_left(done, items.len())
            }
            Some(sub) => {
                let rows = self.dates(ctx.state, ctx.policy, ctx.today);
                let row = |kinds: &[DeadlineKind]| {
                    rows.iter()
                        .find(|d| kinds.contains(&d.kind))
                        .map(|d| long_date(d.date))
                };
                match (sub.decision, sub.cancelled_on, sub.pause) {
                    (_, Some(on), _) => text::finished_cancelled(
                        &sub.label,
                        &long_date(on),
                        row(&[DeadlineKind::AccessUntil, DeadlineKind::TrialLastDay]).as_deref(),
                    ),
                    (Some(Decided::Pause), _, Some(pause)) => text::finished_paused(
                        &sub.label,
                        pause.months,
                        row(&[DeadlineKind::PauseResumes]).as_deref(),
                    ),
                    (Some(Decided::Keep), _, _) => text::finished_kept(
                        &sub.label,
                        row(&[
                            DeadlineKind::NextCharge,
                            DeadlineKind::Renewal,
                            DeadlineKind::FirstCharge,
                        ])
                        .as_deref(),
                    ),
                    _ => {
                        let items = self.items(ctx.state, ctx.policy, ctx.today);
                        let done = items.iter().filter(|i| i.done).count();
                        text::finished_open(&sub.label, done, items.len())
                    }
                }
            }
        };
        *ctx.notice = Some(Notice::done(notice));
        Flow::Go(Journey {
            screen: Screen::Home,
            subscription: self.id.clone(),
        })
    }
}

/// Whether an item is done, from the saved facts alone.
fn stored_done(state: &State, subscription: Option<&str>, item: &str) -> bool {
    match subscription.and_then(|id| state.subscription(id)) {
        Some(sub) => match item {
            CANCELLED => sub.cancelled_on.is_some(),
            REFUND_REQUESTED => sub.refund_requested_on.is_some(),
            REFUND_RECEIVED => sub.refund_received_on.is_some(),
            _ => sub.item(item).is_some_and(|r| r.done),
        },
        None => state.focused_account().item(item).is_some_and(|r| r.done),
    }
}
