//! The JSON shapes of `status --json` and `deadlines --json` (SPEC §6).
//! Field order is part of the contract; unset values are null.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::checklist::{self, Item};
use crate::domain::deadlines::Deadline;
use crate::domain::plan::{AccountDecision, Channel, Decision, PlanKind, Region};
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

#[derive(Serialize)]
pub struct DeadlinesJson<'a> {
    pub today: String,
    pub deadlines: Vec<RowJson<'a>>,
    pub policy_checked_on: String,
    pub policy_stale: bool,
}

/// A deadline row, with its account once there are several: the rows of one
/// account read exactly as version 2 wrote them.
#[derive(Serialize)]
pub struct RowJson<'a> {
    #[serde(flatten)]
    pub row: &'a Deadline,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<&'a str>,
}

fn rows<'a>(state: &State, rows: &'a [Deadline]) -> Vec<RowJson<'a>> {
    let several = state.several_accounts();
    rows.iter()
        .map(|row| RowJson {
            row,
            account: several.then_some(row.account.as_str()),
        })
        .collect()
}

pub fn deadlines<'a>(
    state: &State,
    policy: &Policy,
    today: NaiveDate,
    all: &'a [Deadline],
) -> DeadlinesJson<'a> {
    DeadlinesJson {
        today: today.to_string(),
        deadlines: rows(state, all),
        policy_checked_on: policy.checked_on().to_string(),
        policy_stale: policy.stale(today),
    }
}

#[derive(Serialize)]
pub struct StatusJson<'a> {
    pub today: String,
    pub subscriptions: Vec<SubscriptionJson>,
    /// The one account as version 2 showed it; left out once there are
    /// several (then `region` says where the person lives).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountJson>,
    /// Every account, always (with one account, the same facts as `account`).
    pub accounts: Vec<AccountsEntryJson>,
    /// Where the person lives, once there are several accounts (with one,
    /// `account.region` says it, as in version 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Option<Region>>,
    pub deadlines: Vec<RowJson<'a>>,
    pub policy_checked_on: String,
    pub policy_stale: bool,
}

#[derive(Serialize)]
pub struct SubscriptionJson {
    pub id: String,
    pub label: String,
    pub plan: Option<PlanKind>,
    pub channel: Option<Channel>,
    pub started: Option<String>,
    pub certificate_earned: Option<bool>,
    /// The length in force for a trial; null for any other plan.
    pub trial_days: Option<i64>,
    pub trial_started: Option<String>,
    pub decision: Option<Decision>,
    pub cancelled_on: Option<String>,
    pub pause: Option<PauseJson>,
    pub refund_requested_on: Option<String>,
    pub refund_received_on: Option<String>,
    pub complete: bool,
    pub items: Vec<ItemJson>,
    /// The account that pays for it, once there are several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
}

#[derive(Serialize)]
pub struct PauseJson {
    pub from: String,
    pub months: u32,
}

#[derive(Serialize)]
pub struct ItemJson {
    pub id: String,
    pub done: bool,
    pub done_on: Option<String>,
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct AccountJson {
    pub decision: Option<AccountDecision>,
    pub requested_on: Option<String>,
    pub region: Option<Region>,
    pub items: Vec<ItemJson>,
}

#[derive(Serialize)]
pub struct AccountsEntryJson {
    pub id: String,
    pub label: Option<String>,
    pub decision: Option<AccountDecision>,
    pub requested_on: Option<String>,
    pub items: Vec<ItemJson>,
    /// The ids of the subscriptions it pays for.
    pub subscriptions: Vec<String>,
}

pub fn accounts(state: &State, policy: &Policy) -> Vec<AccountsEntryJson> {
    state
        .accounts
        .iter()
        .map(|a| AccountsEntryJson {
            id: a.id.clone(),
            label: a.label.clone(),
            decision: a.decision,
            requested_on: day(a.requested_on),
            items: items(checklist::account_items(state, a, policy)),
            subscriptions: state.paid_by(&a.id).map(|s| s.id.clone()).collect(),
        })
        .collect()
}

fn items(items: Vec<Item>) -> Vec<ItemJson> {
    items
        .into_iter()
        .map(|i| ItemJson {
            id: i.id,
            done: i.done,
            done_on: day(i.done_on),
            note: i.note,
        })
        .collect()
}

fn subscription(state: &State, sub: &Subscription, policy: &Policy) -> SubscriptionJson {
    SubscriptionJson {
        id: sub.id.clone(),
        label: sub.label.clone(),
        plan: sub.plan,
        channel: sub.channel,
        started: day(sub.started),
        certificate_earned: sub.certificate_earned,
        trial_days: (sub.plan == Some(PlanKind::FreeTrial))
            .then(|| sub.trial_length(policy.rules.trial_days)),
        trial_started: day(sub.trial_started),
        decision: sub.decision,
        cancelled_on: day(sub.cancelled_on),
        pause: sub.pause.map(|p| PauseJson {
            from: day(Some(p.from)).expect("some"),
            months: p.months,
        }),
        refund_requested_on: day(sub.refund_requested_on),
        refund_received_on: day(sub.refund_received_on),
        complete: sub.is_complete(),
        items: items(checklist::recordable_items(state, sub, policy)),
        account: state.several_accounts().then(|| sub.account.clone()),
    }
}

pub fn status<'a>(
    state: &State,
    policy: &Policy,
    today: NaiveDate,
    deadlines: &'a [Deadline],
) -> StatusJson<'a> {
    StatusJson {
        today: today.to_string(),
        subscriptions: state
            .subscriptions
            .iter()
            .map(|s| subscription(state, s, policy))
            .collect(),
        account: (!state.several_accounts()).then(|| {
            let only = state.first_account();
            AccountJson {
                decision: only.decision,
                requested_on: day(only.requested_on),
                region: state.region,
                items: items(checklist::account_items(state, only, policy)),
            }
        }),
        accounts: accounts(state, policy),
        region: state.several_accounts().then_some(state.region),
        deadlines: rows(state, deadlines),
        policy_checked_on: policy.checked_on().to_string(),
        policy_stale: policy.stale(today),
    }
}
