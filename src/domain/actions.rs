//! Every change a person can make to their saved facts, shared by the command
//! line and the wizard. Each checks its values against `today` and the policy
//! and says, in words, why a value is refused.

use chrono::NaiveDate;

use super::checklist::{self, CANCELLED, REFUND_RECEIVED, REFUND_REQUESTED};
use super::dates::long_date;
use super::plan::{AccountDecision, Channel, Decision, PlanKind, Region};
use super::policy::{Policy, checklist_ids};
use super::state::{ACCOUNT_ID, Pause, State, Subscription, TRIAL_DAYS};
use super::text_limits;

pub mod accounts;

/// A value that cannot be accepted. `value` is what was given, `reason` why not;
/// the command line prefixes the flag, the wizard shows the reason beside the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: {reason}")]
pub struct Refusal {
    pub field: Field,
    pub value: String,
    pub reason: String,
}

/// Which input a refusal is about, so each front end can name it its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Channel,
    Started,
    On,
    RequestedOn,
    Item,
    Subscription,
    Pause,
    Label,
    Note,
    TrialDays,
    Region,
    Account,
}

fn refuse<T>(field: Field, value: impl ToString, reason: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal {
        field,
        value: value.to_string(),
        reason: reason.into(),
    })
}

/// Dates a person gives are never after today (stored ones are not re-checked).
pub fn not_after_today(field: Field, date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    if date > today {
        return refuse(field, date, format!("after today, {today}"));
    }
    Ok(date)
}

/// Plan and channel go together: an organization plan is bought through the organization.
pub fn check_plan_channel(plan: PlanKind, channel: Channel) -> Result<(), Refusal> {
    if plan == PlanKind::Organization && channel != Channel::Organization {
        return refuse(
            Field::Channel,
            channel.id(),
            "an organization plan is managed by the employer or university; use --channel organization",
        );
    }
    Ok(())
}

pub fn find<'s>(state: &'s State, id: &str) -> Result<&'s Subscription, Refusal> {
    state.subscription(id).ok_or_else(|| unknown_id(state, id))
}

fn find_mut<'s>(state: &'s mut State, id: &str) -> Result<&'s mut Subscription, Refusal> {
    if state.subscription(id).is_none() {
        return Err(unknown_id(state, id));
    }
    Ok(state.subscription_mut(id).expect("checked above"))
}

fn unknown_id(state: &State, id: &str) -> Refusal {
    let known: Vec<&str> = state.subscriptions.iter().map(|s| s.id.as_str()).collect();
    let reason = if id == ACCOUNT_ID {
        "\"account\" names the account, not a subscription".to_string()
    } else if state.account(id).is_some() {
        format!("{id} names an account, not a subscription")
    } else if known.is_empty() {
        "no such subscription; none is tracked yet".to_string()
    } else {
        format!("no such subscription; known: {}", known.join(", "))
    };
    Refusal {
        field: Field::Id,
        value: id.to_string(),
        reason,
    }
}

/// A new, complete subscription.
pub struct NewSubscription {
    pub plan: PlanKind,
    pub channel: Channel,
    pub started: NaiveDate,
    pub label: Option<String>,
    pub certificate_earned: bool,
    /// A free trial's length; None: the policy's default.
    pub trial_days: Option<u32>,
    /// The account that pays; None: the only one (refused when there are several).
    pub account: Option<String>,
}

/// A trial's length is 1 to 31 days, and only a trial has one.
fn check_trial_days(days: u32, plan: Option<PlanKind>) -> Result<u32, Refusal> {
    if plan != Some(PlanKind::FreeTrial) {
        let plan = plan.map_or("not known yet".to_string(), |p| p.id().to_string());
        return refuse(
            Field::TrialDays,
            days,
            format!("only a free trial has a length in days; the plan is {plan}"),
        );
    }
    if !TRIAL_DAYS.contains(&days) {
        return refuse(
            Field::TrialDays,
            days,
            format!(
                "a trial lasts {} to {} days; the checkout page or the welcome email says how many",
                TRIAL_DAYS.start(),
                TRIAL_DAYS.end()
            ),
        );
    }
    Ok(days)
}

/// The label of a subscription added before its plan is known.
pub const NEW_LABEL: &str = "New subscription";

/// A label the person did not choose: the new-subscription one, or a plan's name.
pub fn is_default_label(label: &str, policy: &Policy) -> bool {
    label == NEW_LABEL || policy.plans.iter().any(|p| p.name == label)
}

/// Adds an empty subscription (the wizard fills it in answer by answer). Returns its id.
/// Refused only when the ids have run out (`next_id` at `u32::MAX`, set by hand).
pub fn add_blank(state: &mut State, label: &str) -> Result<String, Refusal> {
    let Some(next) = state.next_id.checked_add(1) else {
        return refuse(
            Field::Id,
            format!("next_id = {}", state.next_id),
            "the largest id there is: no more subscriptions can be added to this state file",
        );
    };
    let id = format!("s{}", state.next_id);
    state.next_id = next;
    state
        .subscriptions
        .push(Subscription::new(id.clone(), label.to_string()));
    Ok(id)
}

pub fn add(
    state: &mut State,
    new: NewSubscription,
    policy: &Policy,
    today: NaiveDate,
) -> Result<String, Refusal> {
    check_plan_channel(new.plan, new.channel)?;
    not_after_today(Field::Started, new.started, today)?;
    let account = accounts::which(state, new.account.as_deref())?;
    let trial_days = new
        .trial_days
        .map(|d| check_trial_days(d, Some(new.plan)))
        .transpose()?;
    let label = match new.label {
        Some(l) => clean_label(&l)?,
        None => policy.plan(new.plan).name.clone(),
    };
    let id = add_blank(state, &label)?;
    let sub = state.subscription_mut(&id).expect("just added");
    sub.plan = Some(new.plan);
    sub.channel = Some(new.channel);
    sub.started = Some(new.started);
    sub.certificate_earned = Some(new.certificate_earned);
    sub.trial_days = trial_days;
    sub.account = account;
    Ok(id)
}

/// A label as it will be kept: trimmed, and within the limits of SPEC §5.
pub fn clean_label(label: &str) -> Result<String, Refusal> {
    let clean = label.trim();
    match text_limits::label(clean) {
        Ok(()) => Ok(clean.to_string()),
        Err(reason) => refuse(Field::Label, shown(label), reason),
    }
}

/// A note as it will be kept: trimmed (None when empty), within the limits.
pub fn clean_note(note: &str) -> Result<Option<String>, Refusal> {
    let clean = note.trim();
    match text_limits::note(clean) {
        Ok(()) => Ok((!clean.is_empty()).then(|| clean.to_string())),
        Err(reason) => refuse(Field::Note, shown(&format!("{:.40}…", note)), reason),
    }
}

/// A refused text as a message can quote it: escapes instead of control characters.
fn shown(text: &str) -> String {
    format!("{text:?}")
}

/// Changes to the answers about a subscription; `None` leaves a value as it is.
#[derive(Debug, Default, Clone)]
pub struct Edit {
    pub label: Option<String>,
    pub plan: Option<PlanKind>,
    pub started: Option<NaiveDate>,
    pub channel: Option<Channel>,
    pub certificate_earned: Option<bool>,
    pub trial_days: Option<u32>,
    /// The account that pays for it.
    pub account: Option<String>,
}

pub fn edit(
    state: &mut State,
    id: &str,
    change: Edit,
    policy: &Policy,
    today: NaiveDate,
) -> Result<(), Refusal> {
    let sub = find(state, id)?;
    let plan = change.plan.or(sub.plan);
    let channel = change.channel.or(sub.channel);
    if let (Some(plan), Some(channel)) = (plan, channel)
        && (change.plan.is_some() || change.channel.is_some())
    {
        check_plan_channel(plan, channel)?;
    }
    if let Some(started) = change.started {
        not_after_today(Field::Started, started, today)?;
    }
    let label = change.label.as_deref().map(clean_label).transpose()?;
    let account = change
        .account
        .as_deref()
        .map(|a| accounts::which(state, Some(a)))
        .transpose()?;
    if let Some(days) = change.trial_days {
        check_trial_days(days, plan)?;
    }
    // Moving a trial to a paid plan anchored on its first charge records the
    // conversion; once recorded it sticks through later edits, until the plan
    // is set back to a free trial (SPEC §4).
    let converts = sub.plan == Some(PlanKind::FreeTrial)
        && change
            .plan
            .is_some_and(|p| p.renews() && p != PlanKind::FreeTrial)
        && change
            .started
            .or(sub.started)
            .zip(super::deadlines::trial_first_charge(sub, &policy.rules))
            .is_some_and(|(new, first_charge)| new == first_charge);
    let back_to_trial = change.plan == Some(PlanKind::FreeTrial) && sub.converted_from_trial();
    let sub = find_mut(state, id)?;
    if converts {
        sub.trial_started = sub.started;
        // No certificate can be earned during a trial, so the question was
        // never asked: the paid plan starts without one.
        sub.certificate_earned.get_or_insert(false);
    } else if back_to_trial {
        // Undone: the trial as it was, unless a new start is given.
        if change.started.is_none() {
            sub.started = sub.trial_started;
        }
        sub.trial_started = None;
    } else if change.plan.is_some_and(|p| p != PlanKind::FreeTrial) && !sub.converted_from_trial() {
        // A plan that is not a trial has no trial length.
        sub.trial_days = None;
    }
    if let Some(days) = change.trial_days {
        sub.trial_days = Some(days);
    }
    if let Some(label) = label {
        sub.label = label;
    }
    if let Some(plan) = change.plan {
        // A label nobody chose (the new-subscription one or a plan's name) follows the plan.
        if is_default_label(&sub.label, policy) && change.label.is_none() {
            sub.label = policy.plan(plan).name.clone();
        }
        sub.plan = Some(plan);
        if !plan.can_pause() {
            sub.pause = None;
            if sub.decision == Some(Decision::Pause) {
                sub.decision = None;
            }
        }
    }
    if let Some(channel) = change.channel {
        sub.channel = Some(channel);
    }
    if let Some(started) = change.started {
        sub.started = Some(started);
    }
    if let Some(cert) = change.certificate_earned {
        sub.certificate_earned = Some(cert);
    }
    if let Some(account) = account {
        sub.account = account;
        sub.account_unknown = false;
    }
    Ok(())
}

pub fn remove(state: &mut State, id: &str) -> Result<Subscription, Refusal> {
    find(state, id)?;
    let index = state
        .subscriptions
        .iter()
        .position(|s| s.id == id)
        .expect("found above");
    if state.journey.subscription.as_deref() == Some(id) {
        state.journey = Default::default();
    }
    Ok(state.subscriptions.remove(index))
}

/// What to do with a subscription; a pause carries its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Cancel,
    Pause { months: u32 },
    Keep,
}

/// Records the choice. A pause is also a fact: it starts on `on` (default today)
/// and changes the dates; choosing cancel or keep afterwards replaces it.
pub fn decide(
    state: &mut State,
    id: &str,
    choice: Choice,
    on: Option<NaiveDate>,
    policy: &Policy,
    today: NaiveDate,
) -> Result<(), Refusal> {
    let sub = find(state, id)?;
    let plan = sub.plan.ok_or_else(|| Refusal {
        field: Field::Id,
        value: id.to_string(),
        reason: "the plan is not known yet; finish identifying it first".to_string(),
    })?;
    if let Choice::Pause { months } = choice {
        if !plan.can_pause() {
            return refuse(
                Field::Pause,
                months,
                format!(
                    "only a monthly Specialization can be paused; {id} is {}",
                    plan.id()
                ),
            );
        }
        if !policy.pause.months.contains(&months) {
            let allowed: Vec<String> = policy.pause.months.iter().map(u32::to_string).collect();
            let (last, rest) = allowed.split_last().expect("validated: at least one length");
            let lengths = if rest.is_empty() {
                last.clone()
            } else {
                format!("{} or {last}", rest.join(", "))
            };
            return refuse(Field::Pause, months, format!("a pause lasts {lengths} months"));
        }
    } else if let Some(on) = on {
        return refuse(Field::On, on, "--on goes only with --pause");
    }
    let from = match on {
        Some(d) => not_after_today(Field::On, d, today)?,
        None => today,
    };
    if let Choice::Pause { .. } = choice {
        not_before_start(sub, Field::On, from)?;
    }
    let sub = find_mut(state, id)?;
    // A new decision is a new answer: the wizard marks a refund wanted after it.
    sub.refund_wanted = false;
    match choice {
        Choice::Cancel => {
            sub.decision = Some(Decision::Cancel);
            sub.pause = None;
        }
        Choice::Keep => {
            sub.decision = Some(Decision::Keep);
            sub.pause = None;
        }
        Choice::Pause { months } => {
            sub.decision = Some(Decision::Pause);
            sub.pause = Some(Pause { from, months });
        }
    }
    Ok(())
}

fn not_before_start(sub: &Subscription, field: Field, date: NaiveDate) -> Result<(), Refusal> {
    match sub.started {
        Some(start) if date < start => refuse(
            field,
            date,
            format!("before {} started, {}", sub.id, long_date(start)),
        ),
        _ => Ok(()),
    }
}

/// Plans the deletion of an account (and records the request when
/// `requested_on` is given), or with `undo` returns it to "keep". `account`
/// None: the only one (refused when there are several).
pub fn delete_account(
    state: &mut State,
    account: Option<&str>,
    requested_on: Option<NaiveDate>,
    undo: bool,
    today: NaiveDate,
) -> Result<(), Refusal> {
    let id = accounts::which(state, account)?;
    if undo && let Some(date) = requested_on {
        return refuse(Field::RequestedOn, date, "--undo takes no date");
    }
    if let Some(d) = requested_on {
        not_after_today(Field::RequestedOn, d, today)?;
    }
    let account = state.account_mut(&id).expect("checked by which");
    if undo {
        account.decision = Some(AccountDecision::Keep);
        account.requested_on = None;
        return Ok(());
    }
    account.decision = Some(AccountDecision::Delete);
    if requested_on.is_some() {
        account.requested_on = requested_on;
    }
    Ok(())
}

/// Ticks (or with `undo` unticks) an item, with an optional note and day.
pub struct Tick<'a> {
    pub item: &'a str,
    pub subscription: Option<&'a str>,
    /// For an account item: which account (None: the only one).
    pub account: Option<&'a str>,
    pub note: Option<String>,
    pub on: Option<NaiveDate>,
    pub undo: bool,
}

pub fn done(state: &mut State, tick: Tick, policy: &Policy, today: NaiveDate) -> Result<(), Refusal> {
    let on = match tick.on {
        Some(d) => not_after_today(Field::On, d, today)?,
        None => today,
    };
    let note = match tick.note {
        // Some(""): the note is cleared.
        Some(n) => Some(clean_note(&n)?.unwrap_or_default()),
        None => None,
    };
    match tick.subscription {
        Some(id) => done_for_subscription(state, id, tick.item, on, note, tick.undo, policy),
        None => {
            let account = accounts::which(state, tick.account)?;
            done_for_account(state, &account, tick.item, on, note, tick.undo, policy)
        }
    }
}

fn done_for_subscription(
    state: &mut State,
    id: &str,
    item: &str,
    on: NaiveDate,
    note: Option<String>,
    undo: bool,
    policy: &Policy,
) -> Result<(), Refusal> {
    let sub = find(state, id)?;
    if is_account_item(item, policy) {
        return refuse(
            Field::Subscription,
            id,
            format!("{item} is an account item; leave out --subscription"),
        );
    }
    let items = checklist::recordable_items(state, sub, policy);
    if !items.iter().any(|i| i.id == item) {
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        let refund_record = matches!(item, REFUND_REQUESTED | REFUND_RECEIVED);
        let reason = if refund_record && sub.plan == Some(PlanKind::Organization) {
            format!("{id} is paid by an employer or university: there is no refund of yours to record")
        } else if ids.is_empty() {
            format!("{id} has no items yet; finish identifying it first")
        } else {
            format!("not an item of {id}; its items: {}", ids.join(", "))
        };
        return refuse(Field::Item, item, reason);
    }
    if !undo && matches!(item, CANCELLED | REFUND_REQUESTED) {
        not_before_start(sub, Field::On, on)?;
    }
    if !undo && item == REFUND_RECEIVED {
        match sub.refund_requested_on {
            None => {
                return refuse(
                    Field::Item,
                    item,
                    format!(
                        "no refund was asked for yet; first: done {REFUND_REQUESTED} --subscription {id}"
                    ),
                );
            }
            Some(asked) if on < asked => {
                return refuse(
                    Field::On,
                    on,
                    format!("before the refund was asked for, {}", long_date(asked)),
                );
            }
            Some(_) => {}
        }
    }
    let sub = find_mut(state, id)?;
    match item {
        CANCELLED => {
            sub.cancelled_on = (!undo).then_some(on);
            if !undo && sub.decision.is_none() {
                sub.decision = Some(Decision::Cancel);
            }
        }
        REFUND_REQUESTED => {
            sub.refund_requested_on = (!undo).then_some(on);
            // No request, nothing received.
            if undo {
                sub.refund_received_on = None;
                if let Some(received) = sub.items.iter_mut().find(|r| r.id == REFUND_RECEIVED) {
                    received.done = false;
                    received.done_on = None;
                }
            }
        }
        REFUND_RECEIVED => sub.refund_received_on = (!undo).then_some(on),
        _ => {}
    }
    record(sub.item_mut(item), on, note, undo);
    sub.items.retain(|r| r.done || r.note.is_some());
    Ok(())
}

fn is_account_item(item: &str, policy: &Policy) -> bool {
    policy.checklist_item(item).is_some() || policy.account_keep.steps.iter().any(|s| s.id == item)
}

fn done_for_account(
    state: &mut State,
    account: &str,
    item: &str,
    on: NaiveDate,
    note: Option<String>,
    undo: bool,
    policy: &Policy,
) -> Result<(), Refusal> {
    let known = policy
        .checklist
        .iter()
        .map(|c| c.id.as_str())
        .chain(policy.account_keep.steps.iter().map(|s| s.id.as_str()));
    if !known.clone().any(|k| k == item) {
        let per_sub = [CANCELLED, REFUND_REQUESTED, REFUND_RECEIVED].contains(&item)
            || policy
                .channels
                .iter()
                .flat_map(|c| &c.steps)
                .chain(&policy.refund.steps)
                .any(|s| s.id == item);
        let reason = if per_sub {
            "this item belongs to a subscription; add --subscription ID".to_string()
        } else {
            format!(
                "no such item; account items: {}",
                known.collect::<Vec<_>>().join(", ")
            )
        };
        return refuse(Field::Item, item, reason);
    }
    if item == checklist_ids::CANCEL_SUBSCRIPTIONS {
        return refuse(
            Field::Item,
            item,
            "this one ticks itself once every subscription is cancelled (done cancelled --subscription ID)",
        );
    }
    let account = state.account_mut(account).expect("checked by which");
    if item == checklist_ids::REQUEST_DELETION {
        account.requested_on = (!undo).then_some(on);
        if !undo {
            account.decision = Some(AccountDecision::Delete);
        }
    }
    record(account.item_mut(item), on, note, undo);
    account.items.retain(|r| r.done || r.note.is_some());
    Ok(())
}

fn record(rec: &mut super::state::ItemRecord, on: NaiveDate, note: Option<String>, undo: bool) {
    if undo {
        rec.done = false;
        rec.done_on = None;
    } else {
        rec.done = true;
        rec.done_on = Some(on);
    }
    if let Some(n) = note {
        rec.note = (!n.is_empty()).then_some(n);
    }
}

/// Turns a trial that was never cancelled into the paid plan it became,
/// anchored on its first charge (SPEC §4).
pub fn convert_trial(
    state: &mut State,
    id: &str,
    plan: PlanKind,
    policy: &Policy,
    today: NaiveDate,
) -> Result<(), Refusal> {
    let sub = find(state, id)?;
    let Some(first_charge) = super::deadlines::converted_trial_charge(sub, &policy.rules, today) else {
        return refuse(Field::Id, id, "is not a trial that has turned into a paid plan");
    };
    edit(
        state,
        id,
        Edit {
            plan: Some(plan),
            started: Some(first_charge),
            ..Edit::default()
        },
        policy,
        today,
    )
}

/// Writes the note of an item without ticking or unticking it; an empty
/// note clears it. Derived items (cancel every subscription) take notes too.
pub fn set_note(
    state: &mut State,
    item: &str,
    subscription: Option<&str>,
    account: Option<&str>,
    note: &str,
    policy: &Policy,
) -> Result<(), Refusal> {
    let note = clean_note(note)?;
    match subscription {
        Some(id) => {
            let sub = find(state, id)?;
            if !checklist::recordable_items(state, sub, policy)
                .iter()
                .any(|i| i.id == item)
            {
                return refuse(Field::Item, item, format!("not an item of {id}"));
            }
            let sub = find_mut(state, id)?;
            sub.item_mut(item).note = note;
            sub.items.retain(|r| r.done || r.note.is_some());
        }
        None => {
            if !is_account_item(item, policy) {
                return refuse(Field::Item, item, "not an account item");
            }
            let id = accounts::which(state, account)?;
            let account = state.account_mut(&id).expect("checked by which");
            account.item_mut(item).note = note;
            account.items.retain(|r| r.done || r.note.is_some());
        }
    }
    Ok(())
}

/// Records that the person cancels *to get their money back*: the refund
/// leads their steps. Only for a subscription they decided to cancel.
pub fn want_refund(state: &mut State, id: &str) -> Result<(), Refusal> {
    let sub = find_mut(state, id)?;
    if sub.decision != Some(Decision::Cancel) {
        return refuse(Field::Id, id, "a refund is asked for with the decision to cancel");
    }
    sub.refund_wanted = true;
    Ok(())
}

/// Records where the person lives (SPEC §2): one answer for every account.
pub fn set_region(state: &mut State, region: Region) {
    state.region = Some(region);
}

/// "Not sure" where one lives: unanswered again, counted as elsewhere.
pub fn forget_region(state: &mut State) {
    state.region = None;
}

/// Records whether the person is enrolled in a for-credit programme with
/// this account: the "for-credit programmes" item applies only if they are
/// (or have not said). An account that is gone is left alone.
pub fn set_for_credit(state: &mut State, account: &str, enrolled: bool) {
    if let Some(account) = state.account_mut(account) {
        account.for_credit = Some(enrolled);
    }
}

/// Records whether the person signs in to this account with Google, Facebook
/// or Apple: the "unlink social sign-ins" item applies only if they do.
pub fn set_social_sign_in(state: &mut State, account: &str, used: bool) {
    if let Some(account) = state.account_mut(account) {
        account.social_sign_in = Some(used);
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn a_label_nobody_chose_follows_the_plan_however_the_subscription_was_added() {
        let policy = Policy::embedded();
        let mut state = State::default();
        let blank = add_blank(&mut state, NEW_LABEL).expect("an id");
        let typed = add_blank(&mut state, "My ML plan").expect("an id");
        for id in [&blank, &typed] {
            let change = Edit {
                plan: Some(PlanKind::PlusMonthly),
                ..Edit::default()
            };
            edit(&mut state, id, change, &policy, day("2026-03-01")).expect("edited");
        }
        let label = |id: &str| state.subscription(id).expect("kept").label.clone();
        assert_eq!(label(&blank), policy.plan(PlanKind::PlusMonthly).name);
        assert_eq!(label(&typed), "My ML plan", "a chosen label stays");
    }
}
