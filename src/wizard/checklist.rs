//! Before deleting: the account's checklist. Each item can be ticked (Space),
//! given the day it was done (`e`) and a note (`n`). "Cancel every
//! subscription" follows from the subscriptions and is never ticked by hand;
//! "request deletion" asks first while certificates are not saved, a plan
//! still renews, or money can still come back.

use chrono::NaiveDate;

use super::deadlines::Deadlines;
use super::detail::DetailScroll;
use super::field::{DateField, FieldEvent, TextField};
use super::msg::{Mode, Msg};
use super::text::{self, Command};
use super::{Ctx, Flow, Notice, Page};
use crate::domain::actions::{self, Tick};
use crate::domain::checklist::{Item, certificates_unsaved, deletion_items, still_renewing};

use crate::domain::dates::long_date;
use crate::domain::deadlines::{DeadlineKind, Stake, deadlines, deletion_stakes};
use crate::domain::journey::{Journey, Screen};
use crate::domain::policy::{ChecklistCondition, ChecklistRule, Policy, checklist_ids};
use crate::domain::state::{State, Subscription};
use crate::domain::text_limits::NOTE_LIMIT;

/// Requesting deletion needs an explicit yes while certificates are not
/// saved, while a plan still renews (deleting is not cancelling), or while
/// money can still be asked back or is on its way.
pub fn request_needs_yes(state: &State, policy: &Policy, today: NaiveDate) -> bool {
    let risks = deletion_risks(state, policy, today);
    risks.certificates || !risks.renewing.is_empty() || !risks.money.is_empty()
}

/// One line of the checklist.
#[derive(Debug, Clone)]
pub enum Row<'p> {
    Item(Item<'p>),
    /// The social sign-in item, after "I don't sign in with Google, Facebook or Apple".
    NotUsed(&'p ChecklistRule),
}

impl Row<'_> {
    pub fn id(&self) -> &str {
        match self {
            Row::Item(item) => &item.id,
            Row::NotUsed(rule) => &rule.id,
        }
    }
}

/// The items of `deletion_items`, with an item the person said is not for
/// them (no social sign-in, no for-credit programme) kept in its place as
/// "not used".
pub fn rows<'p>(state: &State, policy: &'p Policy) -> Vec<Row<'p>> {
    let mut rows: Vec<Row> = deletion_items(state, state.focused_account(), policy)
        .into_iter()
        .map(Row::Item)
        .collect();
    for (at, rule) in policy.checklist.iter().enumerate() {
        if !answerable(rule.condition) || applies_to_person(state, rule.condition) {
            continue;
        }
        let before = policy.checklist[..at]
            .iter()
            .filter(|r| rows.iter().any(|row| row.id() == r.id))
            .count();
        rows.insert(before, Row::NotUsed(rule));
    }
    rows
}

/// Items that apply only if the person says so: they can say "not for me" (`x`).
pub fn answerable(condition: ChecklistCondition) -> bool {
    matches!(
        condition,
        ChecklistCondition::SocialSignIn | ChecklistCondition::ForCredit
    )
}

/// Whether the person's answer keeps an answerable item on the list (not answered: yes).
fn applies_to_person(state: &State, condition: ChecklistCondition) -> bool {
    let answer = match condition {
        ChecklistCondition::SocialSignIn => state.focused_account().social_sign_in,
        ChecklistCondition::ForCredit => state.focused_account().for_credit,
        _ => None,
    };
    answer != Some(false)
}

/// Records the person's answer for an answerable item.
fn set_applies(state: &mut State, condition: ChecklistCondition, applies: bool) {
    match condition {
        ChecklistCondition::SocialSignIn => {
            actions::set_social_sign_in(state, &state.focused_account_id(), applies)
        }
        ChecklistCondition::ForCredit => actions::set_for_credit(state, &state.focused_account_id(), applies),
        _ => {}
    }
}

/// "Plus (s1)", to name a subscription in a sentence.
/// Why requesting the deletion asks for a yes first.
pub struct DeletionRisks<'p> {
    /// Certificates are not marked as downloaded.
    pub certificates: bool,
    /// Plans that still renew, by name.
    pub renewing: Vec<String>,
    /// Why renewing plans matter (the checklist rule's reason).
    pub why_renewing: &'p str,
    /// Money still to ask back, or asked back and not arrived, as Decide warns of it.
    pub money: Vec<String>,
}

pub fn deletion_risks<'p>(state: &State, policy: &'p Policy, today: NaiveDate) -> DeletionRisks<'p> {
    let account = &state.focused_account().id;
    let rows = deadlines(state, &policy.rules, today);
    let money = deletion_stakes(state, account, &rows, &policy.rules, today)
        .into_iter()
        .filter(Stake::is_money)
        .map(|stake| super::decide::stake_words(&stake))
        .collect();
    DeletionRisks {
        certificates: certificates_unsaved(state.focused_account()),
        renewing: labels(&still_renewing(state, account)),
        why_renewing: policy
            .checklist_item(checklist_ids::CANCEL_SUBSCRIPTIONS)
            .map_or("", |rule| rule.why.as_str()),
        money,
    }
}

pub fn labels(subs: &[&Subscription]) -> Vec<String> {
    subs.iter().map(|s| format!("{} ({})", s.label, s.id)).collect()
}

/// The condition of an item the person can mark "not for me", if it is one.
pub fn answerable_item(policy: &Policy, id: &str) -> Option<ChecklistCondition> {
    policy
        .checklist_item(id)
        .map(|r| r.condition)
        .filter(|c| answerable(*c))
}

#[derive(Debug, Clone)]
pub enum Editing {
    Date(DateField),
    Note(TextField),
}

/// What the page needs to know about the highlighted row, owned, so the
/// state can change while handling it.
struct Current {
    id: String,
    done: bool,
    done_on: Option<NaiveDate>,
    note: Option<String>,
    derived: bool,
    not_used: bool,
}

#[derive(Debug, Clone)]
pub struct Checklist {
    selected: usize,
    detail_scroll: DetailScroll,
    editing: Option<Editing>,
    /// Request deletion on this day, once the person says yes (certificates not saved).
    confirm: Option<NaiveDate>,
}

impl Checklist {
    pub fn open() -> Checklist {
        Checklist {
            selected: 0,
            detail_scroll: DetailScroll::default(),
            editing: None,
            confirm: None,
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll.lines()
    }

    pub fn limit_detail_scroll(&mut self, max: u16) {
        self.detail_scroll.limit(max);
    }

    pub fn editing(&self) -> Option<&Editing> {
        self.editing.as_ref()
    }

    /// The day deletion would be recorded on, while asking for a yes.
    pub fn confirming(&self) -> Option<NaiveDate> {
        self.confirm
    }

    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Checklist,
            subscription: None,
        }
    }

    /// A field is open and holds something other than what it opened with.
    pub fn field_changed(&self) -> bool {
        match &self.editing {
            Some(Editing::Date(field)) => field.text().changed(),
            Some(Editing::Note(field)) => field.changed(),
            None => false,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.confirm.is_some() {
            Mode::Confirm
        } else if self.editing.is_some() {
            Mode::Edit
        } else {
            Mode::Normal
        }
    }

    pub fn commands(&self, state: &State, policy: &Policy) -> Vec<Command> {
        if self.confirm.is_some() {
            return vec![text::YES_KEY, text::NO_KEY];
        }
        match &self.editing {
            Some(Editing::Date(_)) => return vec![text::ACCEPT, text::CANCEL, text::DAY, text::MONTH],
            Some(Editing::Note(_)) => return vec![text::ACCEPT, text::CANCEL],
            None => {}
        }
        let rows = rows(state, policy);
        let last = self.selected + 1 >= rows.len();
        // The keys of this screen first: the footer drops from the end when narrow.
        let mut commands = Vec::new();
        match rows.get(self.selected) {
            Some(Row::Item(item)) if !item.derived => {
                commands.push(if item.done { text::UNTICK } else { text::TICK });
                commands.push(text::DONE_DATE);
                commands.push(text::EDIT_NOTE);
                if let Some(condition) = answerable_item(policy, &item.id) {
                    commands.push(text::not_used_key(condition));
                }
            }
            Some(Row::Item(_)) => {
                if !still_renewing(state, &state.focused_account().id).is_empty() {
                    commands.push(text::OPEN_CANCEL_STEPS);
                }
                commands.push(text::EDIT_NOTE);
            }
            Some(Row::NotUsed(_)) => commands.push(text::USED_KEY),
            None => {}
        }
        // The same keys after the item's, in the same order, on every item.
        commands.push(if last { text::TO_SUMMARY } else { text::NEXT_ITEM });
        commands.extend([
            text::MOVE,
            text::DETAIL_SCROLL,
            text::DEADLINES_KEY,
            text::SUMMARY_KEY,
            text::BACK,
        ]);
        commands
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        if let Some(on) = self.confirm {
            return self.answer_confirm(ctx, on, msg);
        }
        if self.editing.is_some() {
            return self.update_edit(ctx, msg);
        }
        let rows = rows(ctx.state, ctx.policy);
        let count = rows.len();
        self.selected = self.selected.min(count.saturating_sub(1));
        let current = rows.get(self.selected).map(|row| match row {
            Row::Item(item) => Current {
                id: item.id.clone(),
                done: item.done,
                done_on: item.done_on,
                note: item.note.clone(),
                derived: item.derived,
                not_used: false,
            },
            Row::NotUsed(rule) => Current {
                id: rule.id.clone(),
                done: false,
                done_on: None,
                note: None,
                derived: false,
                not_used: true,
            },
        });
        drop(rows);
        let derived = current.as_ref().is_some_and(|c| c.derived);
        match msg {
            Msg::Up => self.select(self.selected.saturating_sub(1)),
            Msg::Down => self.select((self.selected + 1).min(count.saturating_sub(1))),
            Msg::PageUp => {
                self.detail_scroll.up();
                Flow::Stay
            }
            Msg::PageDown => {
                self.detail_scroll.down();
                Flow::Stay
            }
            // `c` on "cancel every subscription": the steps of the first plan still to cancel.
            Msg::Continue
                if derived && !still_renewing(ctx.state, &ctx.state.focused_account().id).is_empty() =>
            {
                let id = still_renewing(ctx.state, &ctx.state.focused_account().id)[0]
                    .id
                    .clone();
                Flow::Go(Journey {
                    screen: Screen::Steps,
                    subscription: Some(id),
                })
            }
            Msg::Next if self.selected + 1 < count => self.select(self.selected + 1),
            Msg::Next | Msg::Summary => Flow::Go(Journey {
                screen: Screen::Summary,
                subscription: None,
            }),
            Msg::Back => Flow::Go(Journey {
                screen: Screen::Decide,
                subscription: None,
            }),
            Msg::Deadlines => Flow::Open(Box::new(Page::Deadlines(Deadlines::open(self.journey())))),
            _ => match current {
                Some(current) => self.on_item(ctx, msg, current),
                None => Flow::Stay,
            },
        }
    }

    fn select(&mut self, index: usize) -> Flow {
        if index != self.selected {
            self.detail_scroll.reset();
        }
        self.selected = index;
        Flow::Stay
    }

    /// Space, `e`, `n` and `x` on the highlighted item.
    fn on_item(&mut self, ctx: &mut Ctx, msg: Msg, current: Current) -> Flow {
        let answerable = answerable_item(ctx.policy, &current.id);
        if current.not_used {
            if let Some(condition) = answerable.filter(|_| matches!(msg, Msg::Toggle | Msg::Remove)) {
                set_applies(ctx.state, condition, true);
                *ctx.notice = Some(Notice::info(text::item_back(condition).to_string()));
                return Flow::Changed;
            }
            return Flow::Stay;
        }
        match msg {
            Msg::EditNote => {
                let mut field = TextField::limited(current.note.as_deref().unwrap_or_default(), NOTE_LIMIT);
                field.begin();
                self.editing = Some(Editing::Note(field));
                Flow::Stay
            }
            _ if current.derived && matches!(msg, Msg::Toggle | Msg::EditDate) => {
                let blocking = labels(&still_renewing(ctx.state, &ctx.state.focused_account().id));
                *ctx.notice = Some(Notice::info(text::derived_refusal(&blocking)));
                Flow::Stay
            }
            Msg::Toggle if current.done => self.untick(ctx, &current.id),
            Msg::Toggle => self.tick(ctx, &current.id, None),
            Msg::EditDate => {
                let mut field = DateField::new(current.done_on.unwrap_or(ctx.today));
                field.begin();
                self.editing = Some(Editing::Date(field));
                Flow::Stay
            }
            Msg::Remove if answerable.is_some() => {
                let condition = answerable.expect("checked by the guard");
                set_applies(ctx.state, condition, false);
                *ctx.notice = Some(Notice::info(text::item_hidden(condition).to_string()));
                Flow::Changed
            }
            _ => Flow::Stay,
        }
    }

    /// Ticks `id` on `on` (default today); request deletion waits for a yes
    /// while the certificates are not saved.
    fn tick(&mut self, ctx: &mut Ctx, id: &str, on: Option<NaiveDate>) -> Flow {
        let requesting =
            id == checklist_ids::REQUEST_DELETION && ctx.state.focused_account().requested_on.is_none();
        if requesting && request_needs_yes(ctx.state, ctx.policy, ctx.today) {
            self.confirm = Some(on.unwrap_or(ctx.today));
            return Flow::Stay;
        }
        match self.record(ctx, id, on) {
            Ok(()) => Flow::Changed,
            Err(reason) => {
                *ctx.notice = Some(Notice::error(reason));
                Flow::Stay
            }
        }
    }

    fn record(&mut self, ctx: &mut Ctx, id: &str, on: Option<NaiveDate>) -> Result<(), String> {
        let account = ctx.state.focused_account_id();
        let tick = Tick {
            item: id,
            subscription: None,
            account: Some(&account),
            note: None,
            on,
            undo: false,
        };
        actions::done(ctx.state, tick, ctx.policy, ctx.today).map_err(|r| r.reason)?;
        if id == checklist_ids::REQUEST_DELETION {
            let rows = deadlines(ctx.state, &ctx.policy.rules, ctx.today);
            let due = rows
                .iter()
                .find(|d| d.kind == DeadlineKind::SupportReplyDue)
                .map(|d| long_date(d.date));
            *ctx.notice = Some(Notice::done(text::request_recorded(due.as_deref())));
        }
        Ok(())
    }

    fn untick(&mut self, ctx: &mut Ctx, id: &str) -> Flow {
        let account = ctx.state.focused_account_id();
        let tick = Tick {
            item: id,
            subscription: None,
            account: Some(&account),
            note: None,
            on: None,
            undo: true,
        };
        match actions::done(ctx.state, tick, ctx.policy, ctx.today) {
            Ok(()) => {
                if id == checklist_ids::REQUEST_DELETION {
                    *ctx.notice = Some(Notice::info(text::REQUEST_UNDONE.to_string()));
                }
                Flow::Changed
            }
            Err(refusal) => {
                *ctx.notice = Some(Notice::error(refusal.reason));
                Flow::Stay
            }
        }
    }

    fn answer_confirm(&mut self, ctx: &mut Ctx, on: NaiveDate, msg: Msg) -> Flow {
        match msg {
            Msg::Yes => {
                self.confirm = None;
                match self.record(ctx, checklist_ids::REQUEST_DELETION, Some(on)) {
                    Ok(()) => Flow::Changed,
                    Err(reason) => {
                        *ctx.notice = Some(Notice::error(reason));
                        Flow::Stay
                    }
                }
            }
            Msg::No | Msg::Back => {
                self.confirm = None;
                *ctx.notice = Some(Notice::info(text::NOT_RECORDED.to_string()));
                Flow::Stay
            }
            _ => Flow::Stay,
        }
    }

    fn update_edit(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        let Some(id) = rows(ctx.state, ctx.policy)
            .get(self.selected)
            .map(|r| r.id().to_string())
        else {
            self.editing = None;
            return Flow::Stay;
        };
        match self.editing.as_mut() {
            Some(Editing::Date(field)) => match field.on_msg(msg, ctx.today) {
                FieldEvent::Submit => self.submit_date(ctx, &id),
                FieldEvent::Cancelled => {
                    self.editing = None;
                    Flow::Stay
                }
                FieldEvent::Idle => Flow::Stay,
            },
            Some(Editing::Note(field)) => match msg {
                Msg::Next => {
                    let note = field.value().to_string();
                    // As on Steps: a refused note stays in its field, not lost.
                    match actions::set_note(
                        ctx.state,
                        &id,
                        None,
                        Some(&ctx.state.focused_account_id()),
                        &note,
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
                Msg::Back => {
                    self.editing = None;
                    Flow::Stay
                }
                Msg::Text(key) => {
                    field.on_text(key);
                    Flow::Stay
                }
                _ => Flow::Stay,
            },
            None => Flow::Stay,
        }
    }

    /// The day in the field becomes the item's done day (ticking it if it was not).
    fn submit_date(&mut self, ctx: &mut Ctx, id: &str) -> Flow {
        let Some(Editing::Date(field)) = self.editing.as_mut() else {
            return Flow::Stay;
        };
        let date = match field.date() {
            Ok(date) => date,
            Err(reason) => {
                field.refuse(reason);
                return Flow::Stay;
            }
        };
        if let Err(refusal) = actions::not_after_today(actions::Field::On, date, ctx.today) {
            field.refuse(refusal.reason);
            return Flow::Stay;
        }
        self.editing = None;
        let requesting =
            id == checklist_ids::REQUEST_DELETION && ctx.state.focused_account().requested_on.is_none();
        if requesting && request_needs_yes(ctx.state, ctx.policy, ctx.today) {
            self.confirm = Some(date);
            return Flow::Stay;
        }
        match self.record(ctx, id, Some(date)) {
            Ok(()) => Flow::Changed,
            Err(reason) => {
                let mut field = DateField::new(date);
                field.begin();
                field.refuse(reason);
                self.editing = Some(Editing::Date(field));
                Flow::Stay
            }
        }
    }
}
