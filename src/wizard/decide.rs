//! Decide: what to do with a subscription (pause, cancel, keep paying; for a
//! one-time purchase, ask for a refund) or with the account (delete it, or
//! keep it with a smaller footprint). The dates behind each choice come from
//! the domain; for a pause or a trial's conversion, from a copy of the state
//! with that choice applied, so nothing is re-computed here or in the view.

use chrono::NaiveDate;

use super::detail::DetailScroll;
use super::field::{FieldEvent, TextField};
use super::msg::{Mode, Msg};
use super::text::{self, Command};
use super::{Ctx, Flow, Notice};
use crate::domain::actions::{self, Choice as Decision};
use crate::domain::checklist::{cancellable, refund_possible};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{
    Deadline, DeadlineKind, Stake, converted_trial_charge, deadlines, deletion_stakes, subscription_rows,
};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::AccountDecision;
use crate::domain::plan::{Channel, Decision as Decided, PlanKind};
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};
use crate::domain::text_limits::LABEL_LIMIT;

/// One line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Pause(u32),
    /// For an organization plan: ask the administrator to end it.
    Cancel,
    /// Cancel and ask for the money back (a one-time purchase: only ask),
    /// offered first while a refund or EU/UK withdrawal window is open.
    Refund,
    Keep,
    /// A trial nobody cancelled: the paid plan it became.
    Became(PlanKind),
    DeleteAccount,
    KeepAccount,
}

/// What a trial can turn into: the plans that offer a trial and renew.
pub const TRIAL_BECOMES: [PlanKind; 3] = [
    PlanKind::SpecializationMonthly,
    PlanKind::PlusMonthly,
    PlanKind::PlusAnnual,
];

#[derive(Debug, Clone)]
pub struct Decide {
    /// The subscription; None for the account.
    id: Option<String>,
    /// The highlighted choice; None until moved: the saved answer, else the first.
    selected: Option<Choice>,
    /// How far the consequences of the highlighted choice are scrolled.
    detail_scroll: DetailScroll,
    /// "Delete the account" was chosen while money or paid access is at
    /// stake: these warnings wait for a yes.
    confirm_delete: Option<Vec<String>>,
    /// The account's new label being typed (`r` on an account's page).
    renaming: Option<TextField>,
}

impl Decide {
    pub fn open(state: &State, id: Option<&str>) -> Decide {
        let selected = match id {
            Some(id) => state.subscription(id).and_then(answer),
            None => account_answer(state),
        };
        Decide {
            id: id.map(str::to_string),
            selected,
            detail_scroll: DetailScroll::default(),
            confirm_delete: None,
            renaming: None,
        }
    }

    /// The account's new label, while one is typed.
    pub fn renaming(&self) -> Option<&TextField> {
        self.renaming.as_ref()
    }

    /// The subscription decided about; None for the account.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll.lines()
    }

    pub fn limit_detail_scroll(&mut self, max: u16) {
        self.detail_scroll.limit(max);
    }

    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Decide,
            subscription: self.id.clone(),
        }
    }

    pub fn mode(&self) -> Mode {
        if self.confirm_delete.is_some() {
            Mode::Confirm
        } else if self.renaming.is_some() {
            Mode::Edit
        } else {
            Mode::Normal
        }
    }

    /// The warnings waiting for a yes before the account is marked for deletion.
    pub fn confirming_delete(&self) -> Option<&[String]> {
        self.confirm_delete.as_deref()
    }

    /// The footer; on an account's page with several accounts, Tab shows the
    /// next one and r renames it.
    pub fn commands(&self, state: &State) -> Vec<Command> {
        if self.confirm_delete.is_some() {
            return vec![text::YES_KEY, text::NO_KEY];
        }
        if self.renaming.is_some() {
            return vec![text::ACCEPT, text::CANCEL];
        }
        if self.id.is_none() && state.several_accounts() {
            // Tab early: at 60 columns the footer keeps only the first few.
            return vec![
                text::MOVE,
                text::CHOOSE,
                text::OTHER_ACCOUNT_KEY,
                text::BACK,
                text::DETAIL_SCROLL,
                text::RENAME_ACCOUNT_KEY,
            ];
        }
        vec![text::MOVE, text::CHOOSE, text::BACK, text::DETAIL_SCROLL]
    }

    /// The choices on screen now.
    pub fn choices(&self, state: &State, policy: &Policy, today: NaiveDate) -> Vec<Choice> {
        match &self.id {
            None => vec![Choice::DeleteAccount, Choice::KeepAccount],
            Some(id) => state
                .subscription(id)
                .map(|sub| subscription_choices(state, sub, policy, today))
                .unwrap_or_default(),
        }
    }

    /// Where the highlight is in `choices`.
    pub fn cursor(&self, choices: &[Choice]) -> usize {
        self.selected
            .and_then(|c| choices.iter().position(|x| *x == c))
            .unwrap_or(0)
    }

    /// The choice already recorded, marked in the list.
    pub fn answer(&self, state: &State) -> Option<Choice> {
        match &self.id {
            None => account_answer(state),
            Some(id) => state.subscription(id).and_then(answer),
        }
    }

    /// The last days money can still be asked back for this subscription,
    /// nearest first (Coursera's refund, then a later EU/UK withdrawal),
    /// while one is open and nothing was asked yet.
    pub fn refund_days(&self, state: &State, policy: &Policy, today: NaiveDate) -> Vec<NaiveDate> {
        let Some(sub) = self.id.as_deref().and_then(|id| state.subscription(id)) else {
            return Vec::new();
        };
        crate::domain::deadlines::open_refund_windows(state, sub, &policy.rules, today)
            .into_iter()
            .map(|(_, day)| day)
            .collect()
    }

    /// The day an uncancelled trial became a paid plan, while that is still to record.
    pub fn converted_on(&self, state: &State, policy: &Policy, today: NaiveDate) -> Option<NaiveDate> {
        let sub = state.subscription(self.id.as_deref()?)?;
        converted_trial_charge(sub, &policy.rules, today)
    }

    /// The dates that follow from `choice`, from the domain's rows.
    pub fn dates(&self, state: &State, policy: &Policy, today: NaiveDate, choice: Choice) -> Vec<Deadline> {
        let Some(id) = self.id.as_deref() else {
            return Vec::new();
        };
        // Applied to a copy: the rows the person would have after choosing.
        let mut copy = state.clone();
        let applied = match choice {
            Choice::Pause(months) => {
                let on = pause_start(state, id, today);
                actions::decide(&mut copy, id, Decision::Pause { months }, on, policy, today).is_ok()
            }
            Choice::Became(plan) => actions::convert_trial(&mut copy, id, plan, policy, today).is_ok(),
            // A kept plan has no refund rows, a cancelled one has: show the
            // rows of the choice, not of the answer saved before.
            Choice::Cancel | Choice::Refund => {
                actions::decide(&mut copy, id, Decision::Cancel, None, policy, today).is_ok()
            }
            Choice::Keep => actions::decide(&mut copy, id, Decision::Keep, None, policy, today).is_ok(),
            Choice::DeleteAccount | Choice::KeepAccount => true,
        };
        if !applied {
            return Vec::new();
        }
        let wanted: &[DeadlineKind] = match choice {
            Choice::Pause(_) => &[DeadlineKind::PauseResumes, DeadlineKind::CancelBy],
            // A trial's first charge too: the day cancelling late costs money.
            Choice::Cancel => &[
                DeadlineKind::CancelBy,
                DeadlineKind::TrialLastDay,
                DeadlineKind::FirstCharge,
                DeadlineKind::AccessUntil,
                DeadlineKind::RefundBy,
                DeadlineKind::WithdrawalBy,
            ],
            Choice::Refund => &[
                DeadlineKind::RefundBy,
                DeadlineKind::WithdrawalBy,
                DeadlineKind::RefundExpected,
                DeadlineKind::CancelBy,
                DeadlineKind::AccessUntil,
                DeadlineKind::TrialLastDay,
            ],
            Choice::Keep => &[
                DeadlineKind::FirstCharge,
                DeadlineKind::NextCharge,
                DeadlineKind::Renewal,
                DeadlineKind::PauseResumes,
            ],
            Choice::Became(_) => &[
                DeadlineKind::NextCharge,
                DeadlineKind::Renewal,
                DeadlineKind::CancelBy,
            ],
            Choice::DeleteAccount | Choice::KeepAccount => &[],
        };
        let rows: Vec<Deadline> = deadlines(&copy, &policy.rules, today)
            .into_iter()
            .filter(|d| d.subscription.as_deref() == Some(id) && wanted.contains(&d.kind))
            .collect();
        // Under "ask for a refund (until D)", a window already missed beside
        // one still open (the EU/UK withdrawal after Coursera's refund) only
        // contradicts the date in the choice: the open one is what counts.
        let asking = |d: &Deadline| matches!(d.kind, DeadlineKind::RefundBy | DeadlineKind::WithdrawalBy);
        let open = rows.iter().any(|d| asking(d) && !d.done && d.days_left >= 0);
        rows.into_iter()
            .filter(|d| !(open && asking(d) && !d.done && d.days_left < 0))
            .collect()
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        if let Some(id) = &self.id
            && ctx.state.subscription(id).is_none()
        {
            return Flow::Go(Journey::default());
        }
        if let Some(field) = self.renaming.as_mut() {
            return match field.on_msg(msg) {
                FieldEvent::Cancelled => {
                    self.renaming = None;
                    Flow::Stay
                }
                FieldEvent::Idle => Flow::Stay,
                FieldEvent::Submit => {
                    let label = field.value().to_string();
                    let account = ctx.state.focused_account_id();
                    match actions::accounts::relabel(ctx.state, &account, &label) {
                        Ok(()) => {
                            self.renaming = None;
                            let name = ctx.state.account_name(ctx.state.focused_account());
                            *ctx.notice = Some(Notice::done(text::account_renamed(&name)));
                            Flow::Changed
                        }
                        Err(refusal) => {
                            *ctx.notice = Some(Notice::error(refusal.reason));
                            Flow::Stay
                        }
                    }
                }
            };
        }
        if self.confirm_delete.is_some() {
            return match msg {
                Msg::Yes => {
                    self.confirm_delete = None;
                    self.delete_account(ctx)
                }
                Msg::No | Msg::Back => {
                    self.confirm_delete = None;
                    Flow::Stay
                }
                _ => Flow::Stay,
            };
        }
        let choices = self.choices(ctx.state, ctx.policy, ctx.today);
        let cursor = self.cursor(&choices);
        let last = choices.len().saturating_sub(1);
        let mut select = |index: usize| {
            self.selected = choices.get(index).copied();
            self.detail_scroll.reset();
            Flow::Stay
        };
        match msg {
            Msg::Up => select(cursor.saturating_sub(1)),
            Msg::Down => select((cursor + 1).min(last)),
            Msg::PageUp => {
                self.detail_scroll.up();
                Flow::Stay
            }
            Msg::PageDown => {
                self.detail_scroll.down();
                Flow::Stay
            }
            Msg::Next => match choices.get(cursor).copied() {
                Some(choice) => self.choose(ctx, choice),
                None => Flow::Stay,
            },
            // `r`: a new label for the account (with several, where labels tell them apart).
            Msg::Rename if self.id.is_none() && ctx.state.several_accounts() => {
                let label = ctx.state.focused_account().label.clone().unwrap_or_default();
                let mut field = TextField::limited(&label, LABEL_LIMIT);
                field.begin();
                self.renaming = Some(field);
                Flow::Stay
            }
            // Another account's decision, with several (Tab forward, Shift-Tab back).
            Msg::NextField | Msg::PrevField if self.id.is_none() && ctx.state.several_accounts() => {
                let accounts = &ctx.state.accounts;
                let here = accounts
                    .iter()
                    .position(|a| a.id == ctx.state.focused_account().id)
                    .unwrap_or(0);
                let step = if msg == Msg::NextField {
                    1
                } else {
                    accounts.len() - 1
                };
                let next = accounts[(here + step) % accounts.len()].id.clone();
                ctx.state.account_focus = Some(next);
                *self = Decide::open(ctx.state, None);
                Flow::Changed
            }
            // Back one screen: a subscription's answers, or Home for the account.
            Msg::Back => Flow::Go(match &self.id {
                Some(id) => Journey {
                    screen: Screen::Identify,
                    subscription: Some(id.clone()),
                },
                None => Journey::default(),
            }),
            _ => Flow::Stay,
        }
    }

    fn choose(&mut self, ctx: &mut Ctx, choice: Choice) -> Flow {
        match (self.id.clone(), choice) {
            (None, Choice::DeleteAccount) => {
                let already = ctx.state.focused_account().decision == Some(AccountDecision::Delete);
                let rows = deadlines(ctx.state, &ctx.policy.rules, ctx.today);
                let warnings = deletion_warnings(ctx.state, &rows, ctx.policy, ctx.today);
                if already || warnings.is_empty() {
                    return self.delete_account(ctx);
                }
                self.confirm_delete = Some(warnings.in_question());
                Flow::Stay
            }
            (None, Choice::KeepAccount) => {
                if let Some(on) = ctx.state.focused_account().requested_on {
                    *ctx.notice = Some(Notice::error(text::already_requested(&long_date(on))));
                    return Flow::Stay;
                }
                let account = ctx.state.focused_account_id();
                let result = actions::delete_account(ctx.state, Some(&account), None, true, ctx.today);
                self.after(
                    ctx,
                    result,
                    Notice::done(text::ACCOUNT_KEEP_CHOSEN.to_string()),
                    Screen::Steps,
                )
            }
            (Some(id), Choice::Became(plan)) => {
                let on = self.converted_on(ctx.state, ctx.policy, ctx.today);
                match actions::convert_trial(ctx.state, &id, plan, ctx.policy, ctx.today) {
                    Ok(()) => {
                        let name = &ctx.policy.plan(plan).name;
                        let on = on.map(long_date).unwrap_or_default();
                        *ctx.notice = Some(Notice::done(text::trial_recorded(name, &on)));
                        self.selected = None;
                        Flow::Changed
                    }
                    Err(refusal) => {
                        *ctx.notice = Some(Notice::error(refusal.reason));
                        Flow::Stay
                    }
                }
            }
            (Some(id), choice) => {
                let sub = ctx.state.subscription(&id).expect("checked in update");
                let label = sub.label.clone();
                let wants_refund = choice == Choice::Refund;
                // A cancel or refund is only chosen, not done: no ✓ until its step is ticked.
                let to_do = match choice {
                    Choice::Pause(_) | Choice::Keep => None,
                    Choice::Refund if sub.refund_requested_on.is_none() => Some(text::DECIDED_REFUND),
                    _ if cancellable(sub) => sub.cancelled_on.is_none().then_some(text::DECIDED_CANCEL),
                    _ => None,
                };
                if let Some(on) = sub.cancelled_on
                    && matches!(choice, Choice::Pause(_) | Choice::Keep)
                {
                    *ctx.notice = Some(Notice::error(text::already_cancelled(&long_date(on))));
                    return Flow::Stay;
                }
                let (decision, on) = match choice {
                    Choice::Pause(months) => {
                        (Decision::Pause { months }, pause_start(ctx.state, &id, ctx.today))
                    }
                    Choice::Keep => (Decision::Keep, None),
                    _ => (Decision::Cancel, None),
                };
                let result =
                    actions::decide(ctx.state, &id, decision, on, ctx.policy, ctx.today).and_then(|()| {
                        match wants_refund {
                            true => actions::want_refund(ctx.state, &id),
                            false => Ok(()),
                        }
                    });
                self.after(
                    ctx,
                    result,
                    match to_do {
                        Some(to_do) => Notice::info(to_do.to_string()),
                        None => Notice::done(text::decided(&label, choice_word(choice))),
                    },
                    Screen::Steps,
                )
            }
            (None, _) => Flow::Stay,
        }
    }

    fn delete_account(&mut self, ctx: &mut Ctx) -> Flow {
        let account = ctx.state.focused_account_id();
        let result = actions::delete_account(ctx.state, Some(&account), None, false, ctx.today);
        self.after(
            ctx,
            result,
            Notice::done(text::ACCOUNT_DELETE_CHOSEN.to_string()),
            Screen::Checklist,
        )
    }

    /// Moves on to `next` once the domain accepted the choice.
    fn after(
        &mut self,
        ctx: &mut Ctx,
        result: Result<(), actions::Refusal>,
        notice: Notice,
        next: Screen,
    ) -> Flow {
        match result {
            Ok(()) => {
                *ctx.notice = Some(notice);
                Flow::Go(Journey {
                    screen: next,
                    subscription: self.id.clone(),
                })
            }
            Err(refusal) => {
                *ctx.notice = Some(Notice::error(refusal.reason));
                Flow::Stay
            }
        }
    }
}

/// The choices that apply to this subscription.
pub fn subscription_choices(
    state: &State,
    sub: &Subscription,
    policy: &Policy,
    today: NaiveDate,
) -> Vec<Choice> {
    if converted_trial_charge(sub, &policy.rules, today).is_some() {
        return TRIAL_BECOMES.into_iter().map(Choice::Became).collect();
    }
    // Money that can still come back comes first: it has the nearest deadline.
    let refund = refund_until(state, sub, policy, today).is_some()
        || (sub.refund_wanted || sub.refund_requested_on.is_some()) && refund_open(state, sub, policy, today);
    let mut choices = Vec::new();
    match sub.plan {
        None => {}
        Some(PlanKind::CoursePurchase) => {
            if refund || refund_open(state, sub, policy, today) {
                choices.push(Choice::Refund);
            }
            choices.push(Choice::Keep);
        }
        Some(plan) => {
            if refund {
                choices.push(Choice::Refund);
            }
            if plan.can_pause() {
                choices.extend(policy.pause.months.iter().map(|m| Choice::Pause(*m)));
            }
            choices.extend([Choice::Cancel, Choice::Keep]);
        }
    }
    choices
}

/// The last day money can be asked back (see [`deadlines::refund_until`]).
pub fn refund_until(
    state: &State,
    sub: &Subscription,
    policy: &Policy,
    today: NaiveDate,
) -> Option<NaiveDate> {
    crate::domain::deadlines::refund_until(state, sub, &policy.rules, today)
}

/// How many of the warnings before deleting are spelled out; the rest are
/// counted (with 50 subscriptions they would fill several screens).
pub const WARNINGS_SHOWN: usize = 3;

/// What deleting the account would throw away, one sentence per
/// subscription: money that can still be asked back first, then plans that
/// may be this account's, then access already paid for. The first
/// [`WARNINGS_SHOWN`] are spelled out, the rest counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeletionWarnings {
    pub shown: Vec<String>,
    /// How many more there are, and how many of those are refunds.
    pub more: usize,
    pub more_refunds: usize,
}

impl DeletionWarnings {
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// As the Decide page's details say them: the rest are on Deadlines (`t`).
    pub fn in_details(&self) -> Vec<String> {
        self.lines(text::more_warnings(self.more, self.more_refunds))
    }

    /// As the question before deleting says them: only y and n work there,
    /// so the rest are for after the answer.
    pub fn in_question(&self) -> Vec<String> {
        self.lines(text::more_warnings_after_answer(self.more, self.more_refunds))
    }

    fn lines(&self, more: String) -> Vec<String> {
        let mut lines = self.shown.clone();
        if self.more > 0 {
            lines.push(more);
        }
        lines
    }
}

pub fn deletion_warnings(
    state: &State,
    rows: &[Deadline],
    policy: &Policy,
    today: NaiveDate,
) -> DeletionWarnings {
    let mut warnings = DeletionWarnings::default();
    let account = &state.focused_account().id;
    for stake in deletion_stakes(state, account, rows, &policy.rules, today) {
        if warnings.shown.len() == WARNINGS_SHOWN {
            warnings.more += 1;
            warnings.more_refunds += usize::from(stake.is_money());
            continue;
        }
        warnings.shown.push(stake_words(&stake));
    }
    warnings
}

/// A stake of deleting the account, as the wizard warns of it.
pub fn stake_words(stake: &Stake) -> String {
    let name = |sub: &Subscription| format!("{} ({})", sub.label, sub.id);
    match *stake {
        Stake::AccountNotNamed(sub) => text::account_unknown_before_deleting(&name(sub)),
        Stake::Refund(sub, until) => text::refund_before_deleting(&name(sub), &long_date(until)),
        Stake::RefundAwaited(sub, due) => text::refund_awaited_before_deleting(&name(sub), &long_date(due)),
        Stake::PaidUntil(sub, on) => text::paid_until_before_deleting(&name(sub), &long_date(on)),
    }
}

/// Money can still be asked back through Coursera (its refund window or the
/// EU/UK withdrawal is open), or already was.
pub fn refund_open(state: &State, sub: &Subscription, policy: &Policy, today: NaiveDate) -> bool {
    if !refund_possible(sub, state) {
        return false;
    }
    if sub.refund_requested_on.is_some() {
        return true;
    }
    subscription_rows(sub, &policy.rules, state.eu_uk(), today)
        .iter()
        .any(|r| matches!(r.kind, DeadlineKind::RefundBy | DeadlineKind::WithdrawalBy) && r.date >= today)
}

/// The saved decision as a line of the list.
fn answer(sub: &Subscription) -> Option<Choice> {
    Some(match sub.decision? {
        Decided::Pause => Choice::Pause(sub.pause?.months),
        Decided::Keep => Choice::Keep,
        Decided::Cancel if sub.plan == Some(PlanKind::CoursePurchase) || sub.refund_wanted => Choice::Refund,
        Decided::Cancel => Choice::Cancel,
    })
}

fn account_answer(state: &State) -> Option<Choice> {
    Some(match state.focused_account().decision? {
        AccountDecision::Delete => Choice::DeleteAccount,
        AccountDecision::Keep => Choice::KeepAccount,
    })
}

/// A pause already recorded keeps its first day; a new one starts today.
fn pause_start(state: &State, id: &str, today: NaiveDate) -> Option<NaiveDate> {
    state
        .subscription(id)
        .and_then(|s| s.pause)
        .map(|p| p.from)
        .filter(|from| *from <= today)
}

fn choice_word(choice: Choice) -> &'static str {
    match choice {
        Choice::Pause(_) => text::CHOSE_PAUSE,
        Choice::Cancel => text::CHOSE_CANCEL,
        Choice::Refund => text::CHOSE_REFUND,
        _ => text::CHOSE_KEEP,
    }
}

/// Where the rules shown come from (SPEC §2: every rule beside its source).
pub fn origins<'p>(
    policy: &'p Policy,
    sub: Option<&Subscription>,
    choice: Choice,
) -> Vec<&'p crate::domain::policy::Source> {
    let plan = sub.and_then(|s| s.plan);
    let plan_origin = plan.map(|p| &policy.plan(p).origin);
    let app_store = sub.is_some_and(|s| s.channel.is_some_and(Channel::is_app_store));
    let mut out = Vec::new();
    match choice {
        Choice::Pause(_) => out.push(&policy.pause.origin),
        Choice::Cancel | Choice::Refund | Choice::Keep => {
            out.extend(plan_origin);
            if choice == Choice::Refund {
                out.push(&policy.refund.origin);
                out.push(&policy.region.origin);
            }
            if choice == Choice::Cancel && plan != Some(PlanKind::Organization) {
                out.push(&policy.after_cancel.origin);
            }
            if app_store {
                out.push(&policy.refund.origin);
            }
        }
        Choice::Became(kind) => {
            out.push(&policy.plan(kind).origin);
            out.push(&policy.plan(PlanKind::FreeTrial).origin);
        }
        Choice::DeleteAccount => out.push(&policy.after_deletion.origin),
        Choice::KeepAccount => out.push(&policy.account_keep.origin),
    }
    let mut unique: Vec<&crate::domain::policy::Source> = Vec::new();
    for origin in out {
        if !unique.contains(&origin) {
            unique.push(origin);
        }
    }
    unique
}
