//! Home: the subscriptions tracked; add, open, remove (after a yes), continue.

use super::field::{FieldEvent, TextField};
use super::identify::Identify;
use super::msg::{Mode, Msg};
use super::route;
use super::text::{self, Command};
use super::{Ctx, Flow, Notice, Page};
use crate::domain::actions;
use chrono::NaiveDate;

use crate::domain::deadlines::{Deadline, DeadlineKind, Urgency, converted_trial_charge};
use crate::domain::journey::{Journey, Screen};
use crate::domain::policy::Policy;
use crate::domain::state::{Account, State, Subscription};
use crate::domain::text_limits::LABEL_LIMIT;

/// The subscriptions in the order Home lists them: as added, or with
/// several accounts grouped by the account that pays (accounts in the
/// order added). Indices into `state.subscriptions`.
pub fn display_order(state: &State) -> Vec<usize> {
    if !state.several_accounts() {
        return (0..state.subscriptions.len()).collect();
    }
    let known = state.accounts.iter().flat_map(|a| {
        state
            .subscriptions
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.account == a.id && !s.account_unknown)
            .map(|(i, _)| i)
    });
    // Last, the plans whose account the person has not named yet.
    let unknown = state
        .subscriptions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.account_unknown)
        .map(|(i, _)| i);
    known.chain(unknown).collect()
}

#[derive(Debug, Clone)]
pub struct Home {
    /// The highlighted line: a place in [`display_order`].
    selected: usize,
    /// The subscription the person was last working on ("continue").
    last: Option<String>,
    /// The subscription waiting for a yes/no before it is removed.
    confirm_remove: Option<String>,
    /// The subscription being renamed, and the name being typed.
    renaming: Option<(String, TextField)>,
    /// The label of another account being typed (`N`); then, while the
    /// first account has no label, the first account's (`naming_first`).
    adding_account: Option<TextField>,
    naming_first: bool,
}

impl Home {
    /// Home with `focus` selected (when it is still tracked).
    pub fn new(state: &State, focus: Option<&str>) -> Home {
        let index = focus.and_then(|id| state.subscriptions.iter().position(|s| s.id == id));
        let place = index.and_then(|i| display_order(state).iter().position(|o| *o == i));
        Home {
            selected: place.unwrap_or(0),
            last: index.map(|i| state.subscriptions[i].id.clone()),
            confirm_remove: None,
            renaming: None,
            adding_account: None,
            naming_first: false,
        }
    }

    /// The highlighted line's place in [`display_order`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The highlighted subscription.
    pub fn selected_sub<'s>(&self, state: &'s State) -> Option<&'s Subscription> {
        if !state.several_accounts() {
            return state.subscriptions.get(self.selected);
        }
        display_order(state)
            .get(self.selected)
            .and_then(|i| state.subscriptions.get(*i))
    }

    pub fn selected_id<'s>(&self, state: &'s State) -> Option<&'s str> {
        self.selected_sub(state).map(|s| s.id.as_str())
    }

    /// The label of another account being typed, while one is.
    pub fn adding_account(&self) -> Option<&TextField> {
        self.adding_account.as_ref()
    }

    /// The field open is the first account's label (right after a second was added).
    pub fn naming_first(&self) -> bool {
        self.naming_first
    }

    pub fn confirm_remove(&self) -> Option<&str> {
        self.confirm_remove.as_deref()
    }

    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Home,
            subscription: self.last.clone(),
        }
    }

    /// The name being typed for a subscription, while one is.
    pub fn renaming(&self) -> Option<&TextField> {
        self.renaming.as_ref().map(|(_, field)| field)
    }

    /// A name is being typed and differs from the one it opened with.
    pub fn field_changed(&self) -> bool {
        // An account is not created (or named) from a label half typed when
        // the wizard is left: Ctrl-C in that box drops it, as Esc does.
        self.renaming().is_some_and(TextField::changed)
    }

    pub fn mode(&self) -> Mode {
        if self.confirm_remove.is_some() {
            Mode::Confirm
        } else if self.renaming.is_some() || self.adding_account.is_some() {
            Mode::Edit
        } else {
            Mode::Normal
        }
    }

    /// Where "continue" goes: the last subscription's next unfinished screen.
    pub fn continue_target(&self, state: &State) -> Option<Journey> {
        let sub = state.subscription(self.last.as_deref()?)?;
        route::continue_screen(sub).map(|screen| Journey {
            screen,
            subscription: Some(sub.id.clone()),
        })
    }

    pub fn commands(&self, state: &State) -> Vec<Command> {
        if self.confirm_remove.is_some() {
            return vec![text::YES_KEY, text::NO_KEY];
        }
        if self.renaming.is_some() || self.adding_account.is_some() {
            return vec![text::ACCEPT, text::CANCEL];
        }
        let mut commands = Vec::new();
        if !state.subscriptions.is_empty() {
            commands.extend([text::MOVE, text::OPEN]);
        }
        commands.push(text::ADD);
        if !state.subscriptions.is_empty() {
            commands.extend([text::REMOVE, text::RENAME_KEY]);
        }
        if self.continue_target(state).is_some() {
            commands.push(text::CONTINUE_KEY);
        }
        commands.push(text::ACCOUNT_KEY);
        // With one account the footer has no room to spare: `N` is in the help.
        if state.several_accounts() {
            commands.push(text::NEW_ACCOUNT_KEY);
        }
        commands.push(text::DEADLINES_KEY);
        commands.extend([text::SUMMARY_KEY, text::FAQ_KEY, text::TROUBLESHOOTING_KEY]);
        commands
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        if let Some(id) = self.confirm_remove.clone() {
            return self.answer_remove(ctx, &id, msg);
        }
        if self.renaming.is_some() {
            return self.update_rename(ctx, msg);
        }
        if self.adding_account.is_some() {
            return self.update_new_account(ctx, msg);
        }
        let count = ctx.state.subscriptions.len();
        match msg {
            Msg::Up => {
                self.selected = self.selected.saturating_sub(1);
                Flow::Stay
            }
            Msg::Down => {
                self.selected = (self.selected + 1).min(count.saturating_sub(1));
                Flow::Stay
            }
            Msg::PageUp => {
                self.selected = 0;
                Flow::Stay
            }
            Msg::PageDown => {
                self.selected = count.saturating_sub(1);
                Flow::Stay
            }
            Msg::Next => match self.selected_sub(ctx.state) {
                Some(sub) => Flow::Go(Journey {
                    screen: route::open_screen(sub),
                    subscription: Some(sub.id.clone()),
                }),
                None => Flow::Stay,
            },
            Msg::Add => match actions::add_blank(ctx.state, text::NEW_LABEL) {
                Ok(id) => {
                    // Which account pays is the first question, and not answered yet.
                    if ctx.state.several_accounts()
                        && let Some(sub) = ctx.state.subscription_mut(&id)
                    {
                        sub.account_unknown = true;
                    }
                    Flow::Open(Box::new(Page::Identify(Identify::open(
                        ctx.state, &id, ctx.policy, ctx.today, true,
                    ))))
                }
                Err(refusal) => {
                    *ctx.notice = Some(Notice::error(refusal.reason));
                    Flow::Stay
                }
            },
            Msg::Remove => {
                self.confirm_remove = self.selected_id(ctx.state).map(str::to_string);
                Flow::Stay
            }
            Msg::NewAccount => {
                let mut field = TextField::limited("", LABEL_LIMIT);
                field.begin();
                self.adding_account = Some(field);
                Flow::Stay
            }
            Msg::Rename => {
                if let Some(sub) = self.selected_sub(ctx.state) {
                    let mut field = TextField::limited(&sub.label, LABEL_LIMIT);
                    field.begin();
                    self.renaming = Some((sub.id.clone(), field));
                }
                Flow::Stay
            }
            Msg::Continue => self.continue_target(ctx.state).map_or(Flow::Stay, Flow::Go),
            Msg::Account => {
                // With several accounts: the account that pays for the highlighted plan.
                if ctx.state.several_accounts()
                    && let Some(account) = self.selected_sub(ctx.state).map(|s| s.account.clone())
                {
                    ctx.state.account_focus = Some(account);
                }
                Flow::Go(Journey {
                    screen: Screen::Decide,
                    subscription: None,
                })
            }
            Msg::Deadlines => Flow::Go(Journey {
                screen: Screen::Deadlines,
                subscription: self.selected_id(ctx.state).map(str::to_string),
            }),
            Msg::Summary => Flow::Go(Journey {
                screen: Screen::Summary,
                subscription: self.selected_id(ctx.state).map(str::to_string),
            }),
            _ => Flow::Stay,
        }
    }

    /// Typing a new name: Enter keeps it (the domain checks it), Esc drops it.
    fn update_rename(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        let Some((id, field)) = self.renaming.as_mut() else {
            return Flow::Stay;
        };
        match field.on_msg(msg) {
            FieldEvent::Cancelled => {
                self.renaming = None;
                Flow::Stay
            }
            FieldEvent::Idle => Flow::Stay,
            FieldEvent::Submit => {
                let label = field.value().trim().to_string();
                let change = actions::Edit {
                    label: Some(label.clone()),
                    ..actions::Edit::default()
                };
                match actions::edit(ctx.state, id, change, ctx.policy, ctx.today) {
                    Ok(()) => {
                        self.renaming = None;
                        *ctx.notice = Some(Notice::done(text::renamed(&label)));
                        Flow::Changed
                    }
                    Err(refusal) => {
                        // The name stays in its field, with the reason.
                        *ctx.notice = Some(Notice::error(refusal.reason));
                        Flow::Stay
                    }
                }
            }
        }
    }

    /// Typing the label of another account: Enter adds it (the domain checks the label).
    fn update_new_account(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        let Some(field) = self.adding_account.as_mut() else {
            return Flow::Stay;
        };
        match field.on_msg(msg) {
            FieldEvent::Cancelled => {
                self.adding_account = None;
                self.naming_first = false;
                Flow::Stay
            }
            FieldEvent::Idle => Flow::Stay,
            FieldEvent::Submit if self.naming_first => {
                let label = field.value().to_string();
                let first = ctx.state.first_account().id.clone();
                match actions::accounts::relabel(ctx.state, &first, &label) {
                    Ok(()) => {
                        self.adding_account = None;
                        self.naming_first = false;
                        let name = ctx.state.account_name(ctx.state.first_account());
                        *ctx.notice = Some(Notice::done(text::account_named(&name)));
                        Flow::Changed
                    }
                    Err(refusal) => {
                        *ctx.notice = Some(Notice::error(refusal.reason));
                        Flow::Stay
                    }
                }
            }
            FieldEvent::Submit => {
                let label = field.value().to_string();
                let first_unnamed = ctx.state.first_account().label.is_none();
                match actions::accounts::add(ctx.state, &label) {
                    Ok(id) => {
                        let name = ctx
                            .state
                            .account(&id)
                            .map(|a| ctx.state.account_name(a))
                            .unwrap_or(id);
                        *ctx.notice = Some(Notice::done(text::account_added(&name)));
                        // The account you had so far needs a name too, to tell the two apart.
                        self.adding_account = first_unnamed.then(|| {
                            let mut field = TextField::limited("", LABEL_LIMIT);
                            field.begin();
                            field
                        });
                        self.naming_first = first_unnamed;
                        Flow::Changed
                    }
                    Err(refusal) => {
                        *ctx.notice = Some(Notice::error(refusal.reason));
                        Flow::Stay
                    }
                }
            }
        }
    }

    fn answer_remove(&mut self, ctx: &mut Ctx, id: &str, msg: Msg) -> Flow {
        match msg {
            Msg::Yes => {
                self.confirm_remove = None;
                match actions::remove(ctx.state, id) {
                    Ok(sub) => {
                        if self.last.as_deref() == Some(id) {
                            self.last = None;
                        }
                        let count = ctx.state.subscriptions.len();
                        self.selected = self.selected.min(count.saturating_sub(1));
                        *ctx.notice = Some(Notice::info(text::removed(&sub.label)));
                        Flow::Changed
                    }
                    Err(refusal) => {
                        *ctx.notice = Some(Notice::error(refusal.reason));
                        Flow::Stay
                    }
                }
            }
            Msg::No | Msg::Back => {
                self.confirm_remove = None;
                Flow::Stay
            }
            _ => Flow::Stay,
        }
    }
}

/// An account's line on Home once there are several: its name and its
/// decision, and that it pays for nothing while other plans are tracked.
pub fn account_heading(state: &State, account: &Account, day: fn(NaiveDate) -> String) -> String {
    let requested = account.requested_on.map(day);
    let mut decision = text::account_status_short(account.decision, requested.as_deref());
    if !state.subscriptions.is_empty() && state.paid_by(&account.id).next().is_none() {
        decision = format!("{decision} · {}", text::ACCOUNT_PAYS_NOTHING);
    }
    text::account_header(&state.account_name(account), &decision)
}

/// "paid by a2 · Google sign-in" (or that it is not answered yet), once
/// there are several accounts; None with one.
pub fn paid_by(state: &State, sub: &Subscription) -> Option<String> {
    let account = state.account(&sub.account).filter(|_| state.several_accounts())?;
    Some(match sub.account_unknown {
        true => text::PAID_BY_UNKNOWN.to_string(),
        false => text::paid_by(&state.account_name(account)),
    })
}

/// The deadline Home shows for one subscription (or, with `None`, the one it
/// highlights overall): a missed cancel-by while its charge is still ahead
/// (cancelling today may still stop it), a refund that is late, else the
/// first one not done from today on; when every one is past, the latest
/// missed (over all subscriptions: only in the last week), so the person
/// sees what was missed. A cancelled plan's frozen dates (access until, the
/// trial's last day) ask nothing of the person and never count.
pub fn next_deadline<'d>(
    rows: &'d [Deadline],
    state: &State,
    subscription: Option<&str>,
) -> Option<&'d Deadline> {
    let mine = |d: &&Deadline| subscription.is_none_or(|id| d.subscription.as_deref() == Some(id));
    let open: Vec<&Deadline> = rows
        .iter()
        .filter(mine)
        .filter(|d| !d.done && !frozen(d, state))
        .collect();
    if let Some(missed) = open.iter().find(|d| missed_cancel(d, rows)) {
        return Some(missed);
    }
    // A refund that should have arrived asks for a word to support: that
    // outranks a date still days away.
    if let Some(late) = open.iter().find(|d| refund_late(d)) {
        return Some(late);
    }
    let ahead = open.iter().find(|d| d.days_left >= 0);
    // Over all subscriptions ("Most urgent"), a window long gone asks
    // nothing of anyone: only one missed in the last week is pointed at.
    // A subscription's own line still says what it missed.
    let recent = |d: &&&Deadline| subscription.is_some() || d.days_left >= -RECENTLY_MISSED_DAYS;
    ahead.or_else(|| open.iter().rev().find(recent)).copied()
}

/// How long a missed date keeps being "Most urgent" on Home.
pub const RECENTLY_MISSED_DAYS: i64 = 7;

/// A refund asked for whose money has not arrived by the day it should have.
pub fn refund_late(row: &Deadline) -> bool {
    row.kind == DeadlineKind::RefundExpected && !row.done && row.days_left < 0
}

/// A date kept only to say how long a cancelled plan's access lasts.
/// "Continue: …": where `c` leads, in words.
pub fn continue_words(target: &Journey, state: &State) -> String {
    let label = target
        .subscription
        .as_deref()
        .and_then(|id| state.subscription(id))
        .map(|s| s.label.as_str());
    match (target.screen, label) {
        (Screen::Identify, Some(label)) => text::continue_identify(label),
        (screen, _) => text::screen_title(screen).to_string(),
    }
}

/// What a subscription's line on Home says under its name: one answer for
/// every front end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus<'d> {
    /// Questions are still unanswered.
    Incomplete,
    /// The trial was not cancelled in time and was charged on this day.
    TrialBecamePaid(NaiveDate),
    /// The next date that asks something.
    Due(&'d Deadline),
    /// Cancelled: nothing more is charged; access lasts until this day (if known).
    NotChargedAgain(Option<NaiveDate>),
    NoDates,
}

pub fn row_status<'d>(
    sub: &Subscription,
    rows: &'d [Deadline],
    state: &State,
    policy: &Policy,
    today: NaiveDate,
) -> RowStatus<'d> {
    if !sub.is_complete() {
        return RowStatus::Incomplete;
    }
    if let Some(on) = converted_trial_charge(sub, &policy.rules, today) {
        return RowStatus::TrialBecamePaid(on);
    }
    match next_deadline(rows, state, Some(&sub.id)) {
        // Money that can still be asked back outranks "nothing more to pay".
        Some(row)
            if sub.cancelled_on.is_none()
                || row.days_left >= 0
                    && matches!(row.kind, DeadlineKind::RefundBy | DeadlineKind::WithdrawalBy) =>
        {
            RowStatus::Due(row)
        }
        _ if sub.cancelled_on.is_some() => RowStatus::NotChargedAgain(
            rows.iter()
                .find(|d| d.subscription.as_deref() == Some(sub.id.as_str()) && frozen(d, state))
                .map(|d| d.date),
        ),
        Some(row) => RowStatus::Due(row),
        None => RowStatus::NoDates,
    }
}

/// How urgent a row looks: the end of access after a cancellation asks
/// nothing of anyone, so it is never shown as urgent (its urgency in the
/// JSON stays what §4 says).
pub fn shown_urgency(row: &Deadline, state: &State) -> Urgency {
    if frozen(row, state) {
        Urgency::Later
    } else {
        row.urgency
    }
}

pub fn frozen(row: &Deadline, state: &State) -> bool {
    matches!(row.kind, DeadlineKind::AccessUntil | DeadlineKind::TrialLastDay)
        && row
            .subscription
            .as_deref()
            .and_then(|id| state.subscription(id))
            .is_some_and(|s| s.cancelled_on.is_some())
}

/// A cancel-by that has passed while the charge it guards is still to come.
pub fn missed_cancel(row: &Deadline, rows: &[Deadline]) -> bool {
    const CHARGES: [DeadlineKind; 4] = [
        DeadlineKind::FirstCharge,
        DeadlineKind::NextCharge,
        DeadlineKind::Renewal,
        DeadlineKind::PauseResumes,
    ];
    row.kind == DeadlineKind::CancelBy
        && !row.done
        && row.days_left < 0
        && rows
            .iter()
            .any(|d| d.subscription == row.subscription && CHARGES.contains(&d.kind) && d.days_left >= 0)
}
