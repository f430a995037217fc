//! The things a person ticks: a subscription's steps and the account's
//! checklist, with the items whose state follows from other facts.

use chrono::NaiveDate;

use super::deadlines::DeadlineKind;
use super::plan::{AccountDecision, Channel, PlanKind};
use super::policy::{ChecklistCondition, Policy, Source, checklist_ids};
use super::state::{Account, ItemRecord, State, Subscription};

/// Ticking this records `cancelled_on`.
pub const CANCELLED: &str = "cancelled";
/// Ticking this records `refund_requested_on`.
pub const REFUND_REQUESTED: &str = "refund-requested";
/// Ticking this records `refund_received_on`.
pub const REFUND_RECEIVED: &str = "refund-received";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'p> {
    pub id: String,
    pub title: String,
    pub why: Option<&'p str>,
    pub how: Option<&'p str>,
    pub done: bool,
    pub done_on: Option<NaiveDate>,
    pub note: Option<String>,
    /// Done follows from other facts; it cannot be ticked by hand.
    pub derived: bool,
    pub origin: Option<&'p Source>,
}

impl<'p> Item<'p> {
    fn stored(id: &str, title: &str, record: Option<&ItemRecord>) -> Item<'p> {
        Item {
            id: id.to_string(),
            title: title.to_string(),
            why: None,
            how: None,
            done: record.is_some_and(|r| r.done),
            done_on: record.and_then(|r| r.done_on),
            note: record.and_then(|r| r.note.clone()),
            derived: false,
            origin: None,
        }
    }

    /// An item whose done state is a saved fact (a date) rather than a tick.
    fn dated(id: &str, title: &str, record: Option<&ItemRecord>, on: Option<NaiveDate>) -> Item<'p> {
        Item {
            done: on.is_some(),
            done_on: on,
            ..Item::stored(id, title, record)
        }
    }
}

/// Coursera's own refund window exists for this plan (SPEC §2), had it been
/// bought on the website: a Specialization subscription's and a yearly plan's
/// first payment, and a one-time purchase, each only without a certificate
/// (and not the charge a trial turned into).
pub fn plan_refundable(sub: &Subscription) -> bool {
    let plan = matches!(
        sub.plan,
        Some(PlanKind::SpecializationMonthly | PlanKind::PlusAnnual | PlanKind::CoursePurchase)
    );
    plan && !sub.certificate() && !sub.converted_from_trial()
}

/// The EU/UK right of withdrawal can apply to this plan bought this way.
pub fn withdrawal_possible(sub: &Subscription, state: &State) -> bool {
    withdrawal_unless_certificate(sub, state) && !sub.certificate()
}

/// The EU/UK right of withdrawal would apply but for a certificate earned:
/// where the certificate question decides it.
pub fn withdrawal_unless_certificate(sub: &Subscription, state: &State) -> bool {
    state.eu_uk()
        && sub.channel == Some(Channel::Web)
        && sub.plan.is_some_and(|p| p != PlanKind::Organization)
}

/// Bought in an app store, a plan Coursera would refund on the web: the
/// refund is the store's to give.
pub fn app_store_refund(sub: &Subscription) -> bool {
    sub.channel.is_some_and(|c| c.is_app_store()) && plan_refundable(sub)
}

/// Money can come back through Coursera for this plan bought this way, at
/// some point of its life: its refund window, or the EU/UK withdrawal
/// (app-store and organization purchases never: the store's or the payer's).
pub fn refund_possible(sub: &Subscription, state: &State) -> bool {
    let web = sub.channel == Some(Channel::Web);
    (web && plan_refundable(sub)) || withdrawal_possible(sub, state) || sub.refund_requested_on.is_some()
}

/// A subscription can be cancelled (course purchases have nothing that renews).
pub fn cancellable(sub: &Subscription) -> bool {
    sub.plan.is_some_and(|p| p != PlanKind::CoursePurchase)
}

/// The steps for this subscription's channel, "I have cancelled", and the
/// refund steps where a refund is possible.
pub fn subscription_items<'p>(state: &State, sub: &Subscription, policy: &'p Policy) -> Vec<Item<'p>> {
    let mut items = Vec::new();
    if !sub.is_complete() {
        return items;
    }
    if cancellable(sub) {
        if let Some(channel) = sub.channel {
            let rule = policy.channel(channel);
            for step in &rule.steps {
                items.push(Item {
                    origin: Some(&rule.origin),
                    ..Item::stored(&step.id, &step.text, sub.item(&step.id))
                });
            }
        }
        items.push(Item::dated(
            CANCELLED,
            "I have cancelled",
            sub.item(CANCELLED),
            sub.cancelled_on,
        ));
    }
    if refund_possible(sub, state) {
        // How to ask comes from the "Request a refund" article, the refund-by rule's source.
        let how_to_ask = &policy.deadline(DeadlineKind::RefundBy).origin;
        for step in &policy.refund.steps {
            items.push(Item {
                origin: Some(how_to_ask),
                ..Item::stored(&step.id, &step.text, sub.item(&step.id))
            });
        }
        items.extend(refund_records(sub));
    }
    items
}

/// "I have asked for a refund" and "the refund has arrived": dated facts.
fn refund_records<'p>(sub: &Subscription) -> [Item<'p>; 2] {
    [
        Item::dated(
            REFUND_REQUESTED,
            "I have asked for a refund",
            sub.item(REFUND_REQUESTED),
            sub.refund_requested_on,
        ),
        Item::dated(
            REFUND_RECEIVED,
            "The refund has arrived",
            sub.item(REFUND_RECEIVED),
            sub.refund_received_on,
        ),
    ]
}

/// A refund step, or one of the two refund records.
pub fn is_refund_item(policy: &Policy, id: &str) -> bool {
    id == REFUND_REQUESTED || id == REFUND_RECEIVED || policy.refund.steps.iter().any(|s| s.id == id)
}

/// A refund request, and its arrival, can be recorded for every identified
/// plan the person paid for, whether or not a refund window is open: an EU/UK
/// withdrawal, an app store's refund, or a request made anyway. Not for an
/// employer's or university's plan: the person paid nothing.
pub fn refund_recordable(sub: &Subscription) -> bool {
    sub.is_complete() && sub.plan.is_some_and(|p| p != PlanKind::Organization)
}

/// Every item that can be ticked for a subscription: its steps
/// ([`subscription_items`]), and the refund records wherever
/// [`refund_recordable`] holds, even where no refund step is shown.
pub fn recordable_items<'p>(state: &State, sub: &Subscription, policy: &'p Policy) -> Vec<Item<'p>> {
    let mut items = subscription_items(state, sub, policy);
    if refund_recordable(sub) && !items.iter().any(|i| i.id == REFUND_REQUESTED) {
        items.extend(refund_records(sub));
    }
    items
}

/// Whether a checklist item applies to this account.
fn applies(condition: ChecklistCondition, state: &State, account: &Account) -> bool {
    match condition {
        ChecklistCondition::Always => true,
        ChecklistCondition::SocialSignIn => account.social_sign_in != Some(false),
        ChecklistCondition::Organization => state
            .paid_by(&account.id)
            .any(|s| s.plan == Some(PlanKind::Organization)),
        ChecklistCondition::ForCredit => account.for_credit != Some(false),
        ChecklistCondition::OtherAccount => state.several_accounts(),
    }
}

/// Every trial, monthly and yearly subscription the account pays for has
/// been cancelled (the others do not renew and do not block a deletion).
/// Returns the last cancellation day.
pub fn all_cancelled(state: &State, account: &str) -> (bool, Option<NaiveDate>) {
    let renewing = state
        .maybe_paid_by(account)
        .filter(|s| s.plan.is_some_and(PlanKind::renews));
    let done = still_renewing(state, account).is_empty();
    let last = renewing.filter_map(|s| s.cancelled_on).max();
    (done, if done { last } else { None })
}

/// The plans of an account that renew and are not cancelled yet: what stands
/// between the person and "cancel every subscription".
/// A plan whose account is not named yet counts for every account: it may be its.
pub fn still_renewing<'s>(state: &'s State, account: &str) -> Vec<&'s Subscription> {
    state
        .subscriptions
        .iter()
        .filter(|s| state.may_pay(account, s))
        .filter(|s| s.plan.is_some_and(PlanKind::renews) && s.cancelled_on.is_none())
        .collect()
}

/// An account's pre-deletion checklist, in policy order, with the items that apply.
pub fn deletion_items<'p>(state: &State, account: &Account, policy: &'p Policy) -> Vec<Item<'p>> {
    policy
        .checklist
        .iter()
        .filter(|rule| applies(rule.condition, state, account))
        .map(|rule| {
            let record = account.item(&rule.id);
            let base = match rule.id.as_str() {
                checklist_ids::CANCEL_SUBSCRIPTIONS => {
                    let (done, on) = all_cancelled(state, &account.id);
                    Item {
                        done,
                        done_on: on,
                        derived: true,
                        ..Item::stored(&rule.id, &rule.title, record)
                    }
                }
                checklist_ids::REQUEST_DELETION => {
                    Item::dated(&rule.id, &rule.title, record, account.requested_on)
                }
                _ => Item::stored(&rule.id, &rule.title, record),
            };
            Item {
                why: Some(&rule.why),
                how: Some(&rule.how),
                origin: Some(&rule.origin),
                ..base
            }
        })
        .collect()
}

/// The steps for keeping an account with a smaller footprint.
pub fn keep_items<'p>(account: &Account, policy: &'p Policy) -> Vec<Item<'p>> {
    let rule = &policy.account_keep;
    rule.steps
        .iter()
        .map(|step| Item {
            origin: Some(&rule.origin),
            ..Item::stored(&step.id, &step.text, account.item(&step.id))
        })
        .collect()
}

/// An account's items for its decision (both lists while undecided).
pub fn account_items<'p>(state: &State, account: &Account, policy: &'p Policy) -> Vec<Item<'p>> {
    match account.decision {
        Some(AccountDecision::Delete) => deletion_items(state, account, policy),
        Some(AccountDecision::Keep) => keep_items(account, policy),
        None => {
            let mut items = keep_items(account, policy);
            items.extend(deletion_items(state, account, policy));
            items
        }
    }
}

/// Certificates are not yet saved: requesting deletion needs an explicit yes.
pub fn certificates_unsaved(account: &Account) -> bool {
    !account
        .item(checklist_ids::DOWNLOAD_CERTIFICATES)
        .is_some_and(|i| i.done)
}
