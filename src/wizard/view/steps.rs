//! Steps: where and how, the warnings, the dates that matter now (after a
//! cancellation, that nothing more is charged; after a missed day, what to
//! do), then each step with its state, "I have cancelled" and the refund's
//! steps; a pause's recorded day; a date or note being typed.

use super::{Field, Item, PageView, Para, Pick, Tone};
use crate::domain::checklist::{app_store_refund, cancellable, is_refund_item};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Deadline, DeadlineKind, converted_trial_charge};
use crate::domain::plan::{Channel, Decision, PlanKind};
use crate::domain::policy::Policy;
use crate::domain::state::Subscription;
use crate::wizard::decide::refund_until;
use crate::wizard::steps::{Editing, Entry, Steps};
use crate::wizard::{Wizard, text};

/// The page's heading: what is being done to which plan.
pub fn heading(sub: Option<&Subscription>, policy: &Policy) -> String {
    let Some(sub) = sub else {
        return text::STEPS_ACCOUNT_KEEP.to_string();
    };
    let label = text::display_label(sub, policy);
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
/// domain's rules and drawn by both front ends (the full screen in blocks,
/// the plain mode line by line), so neither asks the rules itself.
#[derive(Debug, Clone)]
pub struct Sections<'p> {
    /// The trial was not cancelled and became a paid plan on this day.
    pub converted_on: Option<chrono::NaiveDate>,
    /// The last day to cancel heads the page: a plan that renews, not
    /// cancelled yet, being cancelled or not decided.
    pub cancel_by_leads: bool,
    /// Where and how to cancel (its rule's text and warnings), while the
    /// plan renews and is being cancelled or not decided.
    pub cancel_channel: Option<Channel>,
    /// The steps that cancel ("I have cancelled" last).
    pub steps: Vec<crate::domain::checklist::Item<'p>>,
    /// The steps that ask for the money back and record its arrival.
    pub refund: Vec<crate::domain::checklist::Item<'p>>,
    /// Bought in an app store, a plan Coursera would refund on the web:
    /// the store's refund text.
    pub app_store_refund: bool,
}

pub fn sections<'p>(wizard: &'p Wizard, page: &Steps, sub: &Subscription) -> Sections<'p> {
    let (state, policy, today) = (wizard.state(), wizard.policy(), wizard.today());
    let renews_and_open = cancellable(sub) && sub.cancelled_on.is_none();
    let (refund, steps) = page
        .items(state, policy, today)
        .into_iter()
        .partition(|i| is_refund_item(policy, &i.id));
    Sections {
        converted_on: converted_trial_charge(sub, &policy.rules, today),
        cancel_by_leads: renews_and_open && matches!(sub.decision, None | Some(Decision::Cancel)),
        cancel_channel: sub
            .channel
            .filter(|_| cancellable(sub) && matches!(sub.decision, None | Some(Decision::Cancel))),
        steps,
        refund,
        app_store_refund: app_store_refund(sub),
    }
}

/// With several accounts, the one to sign in to for these steps.
pub fn paid_by(state: &crate::domain::state::State, sub: &Subscription) -> Option<String> {
    let account = state.account(&sub.account).filter(|_| state.several_accounts())?;
    Some(match sub.account_unknown {
        true => text::STEPS_ACCOUNT_UNKNOWN.to_string(),
        false => text::steps_paid_by(&state.account_name(account)),
    })
}

/// What to do now that the last day to cancel has passed: cancel before
/// the charge, and whether money can still be asked back.
pub fn cancel_overdue_advice(rows: &[&Deadline], sub: &Subscription, wizard: &Wizard) -> String {
    let next = rows
        .iter()
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

pub fn view(wizard: &Wizard, page: &Steps) -> PageView {
    let (state, policy) = (wizard.state(), wizard.policy());
    let mut view = PageView::new(match page.id() {
        None => super::account_title(text::STEPS_TITLE, wizard),
        Some(_) => text::STEPS_TITLE.to_string(),
    });
    let sub = page.id().and_then(|id| state.subscription(id));
    if page.id().is_some() && sub.is_none() {
        return view;
    }
    let rows: Vec<&Deadline> = page
        .id()
        .map(|id| {
            wizard
                .deadlines()
                .iter()
                .filter(|d| d.subscription.as_deref() == Some(id))
                .collect()
        })
        .unwrap_or_default();
    let row = |kinds: &[DeadlineKind]| rows.iter().copied().find(|d| kinds.contains(&d.kind));
    let heading = heading(sub, policy);
    view.heading.push(Para::new(heading, Tone::Heading));
    let Some(sub) = sub else {
        view.lead.push(Para::plain(policy.account_keep.summary.clone()));
        items(&mut view, wizard, page);
        view.details.push(Para::source(&policy.account_keep.origin));
        return view;
    };
    let sections = sections(wizard, page, sub);
    if let Some(paid) = paid_by(state, sub) {
        view.lead.push(Para::plain(paid));
    }
    if let Some(on) = sections.converted_on {
        view.lead
            .push(Para::new(text::trial_became_paid(&long_date(on)), Tone::Error));
        view.lead.push(Para::quiet(text::STEPS_CONVERTED_HINT));
    }
    match (sub.cancelled_on, sub.decision) {
        (Some(on), _) => {
            let until =
                row(&[DeadlineKind::AccessUntil, DeadlineKind::TrialLastDay]).map(|d| long_date(d.date));
            view.lead.push(Para::new(
                text::cancelled_on(&long_date(on), until.as_deref()),
                Tone::Done,
            ));
        }
        (None, Some(Decision::Pause)) => {
            view.lead
                .push(Para::warning(format!("! {}", policy.pause.caveat)));
            view.lead.push(Para::plain(policy.pause.how.clone()));
            let kinds = [DeadlineKind::PauseResumes, DeadlineKind::CancelBy];
            view.lead.extend(
                rows.iter()
                    .filter(|d| kinds.contains(&d.kind))
                    .map(|d| Para::deadline(d, policy)),
            );
        }
        (None, Some(Decision::Keep)) => {
            view.lead.push(Para::plain(text::KEEP_NOTHING_TO_DO));
            let kinds = [
                DeadlineKind::FirstCharge,
                DeadlineKind::NextCharge,
                DeadlineKind::Renewal,
                DeadlineKind::CancelBy,
            ];
            view.lead.extend(
                rows.iter()
                    .filter(|d| kinds.contains(&d.kind))
                    .map(|d| Para::deadline(d, policy)),
            );
        }
        (None, _) if sections.cancel_by_leads => {
            if let Some(cancel_by) = row(&[DeadlineKind::CancelBy]) {
                view.lead.push(Para::deadline(cancel_by, policy));
                if cancel_by.days_left < 0 {
                    let advice = cancel_overdue_advice(&rows, sub, wizard);
                    view.lead.push(Para::warning(format!("! {advice}")));
                }
            }
        }
        (None, _) => {}
    }
    if let Some(channel) = sections.cancel_channel {
        let rule = policy.channel(channel);
        view.lead
            .push(Para::plain(text::where_to_cancel(&rule.cancel_where)));
        view.lead
            .extend(rule.warnings.iter().map(|w| Para::warning(format!("! {w}"))));
    }
    let refund_rows = [
        DeadlineKind::RefundBy,
        DeadlineKind::WithdrawalBy,
        DeadlineKind::RefundExpected,
    ];
    if !sections.refund.is_empty() {
        view.lead.extend(
            rows.iter()
                .filter(|d| refund_rows.contains(&d.kind))
                .map(|d| Para::deadline(d, policy)),
        );
        view.lead.push(Para::quiet(policy.refund.may_refuse.clone()));
        view.lead.push(Para::quiet(policy.refund.wait.clone()));
    }
    if sections.app_store_refund {
        view.lead.push(Para::plain(policy.refund.app_store.clone()));
    }
    items(&mut view, wizard, page);
    view
}

/// Every line to move to: the steps with their state, the pause, Finish;
/// and the field being typed under the highlighted one.
fn items(view: &mut PageView, wizard: &Wizard, page: &Steps) {
    let (state, policy, today) = (wizard.state(), wizard.policy(), wizard.today());
    let steps = page.items(state, policy, today);
    view.items = page
        .entries(state, policy, today)
        .into_iter()
        .map(|entry| match entry {
            Entry::Item(id) => {
                let Some(step) = steps.iter().find(|s| s.id == id) else {
                    return Item::new(id);
                };
                // Numbered by the front end (the screen numbers the steps alone).
                let mut item = Item::new(step.title.clone());
                item = match (step.done, step.done_on) {
                    (true, Some(on)) => item.with(text::step_done_on(&long_date(on))),
                    (true, None) => item.with("done"),
                    (false, _) => item.with("not done"),
                };
                if let Some(note) = &step.note {
                    item = item.with(format!("{}{note}", text::NOTE));
                }
                item
            }
            Entry::Pause => {
                let sub = page.id().and_then(|id| state.subscription(id));
                match sub.and_then(|s| s.pause) {
                    Some(p) => Item::new(text::pause_recorded(&long_date(p.from), p.months)),
                    None => Item::new(text::PAUSE_DATE_HINT),
                }
            }
            Entry::Finish => Item::new(text::FINISH_ROW),
        })
        .collect();
    view.pick = Pick::Highlight;
    view.cursor = Some(page.cursor(state, policy, today));
    if let Some(entry) = view
        .cursor
        .and_then(|c| page.entries(state, policy, today).get(c).cloned())
        && let Entry::Item(id) = entry
        && let Some(origin) = steps.iter().find(|s| s.id == id).and_then(|s| s.origin)
    {
        view.details.push(Para::source(origin));
    }
    view.field = match page.editing() {
        Some(Editing::Date { field, .. }) => Some(Field {
            label: "Date".to_string(),
            value: field.text().value().to_string(),
            error: field.error().map(str::to_string),
            hint: text::DATE_KEYS.to_string(),
        }),
        Some(Editing::Note { field, .. }) => Some(Field {
            label: text::NOTE.trim_end().trim_end_matches(':').to_string(),
            value: field.value().to_string(),
            error: None,
            hint: text::NOTE_KEYS.to_string(),
        }),
        None => None,
    };
}

/// What the full screen lays out of this page (see [`super::Full`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepsFull {}
