//! Identify: the question, its answers (the saved one marked), what the
//! highlighted answer means; the date or number being typed; "where to
//! look" when the person is not sure. The screen draws the same words.

use super::{Field, Item, PageView, Para, Pick, Tone};
use crate::domain::plan::{PlanKind, Region};
use crate::domain::policy::ChecklistCondition;
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};
use crate::wizard::field::format_date;
use crate::wizard::identify::{Choice, Identify, Question};
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, page: &Identify) -> PageView {
    let (state, policy) = (wizard.state(), wizard.policy());
    let mut view = PageView::new(text::IDENTIFY_TITLE);
    let Some(sub) = state.subscription(page.id()) else {
        return view;
    };
    let (n, total) = page.position(state, sub);
    view.lead.push(Para::quiet(text::question_of(n, total)));
    if page.not_sure() {
        view.heading.push(Para::new(text::NOT_SURE_TITLE, Tone::Heading));
        // Not numbered: the numbers are the answers below.
        for tip in tips(page.question()) {
            view.lead.push(Para::plain(tip.to_string()));
        }
        view.items = vec![Item::new(text::NOT_SURE_FOUND), Item::new(text::NOT_SURE_LATER)];
        view.cursor = Some(page.cursor());
        return view;
    }
    view.heading.push(Para::new(
        question_text(page.question(), sub, policy),
        Tone::Heading,
    ));
    if page.question() == Question::Started {
        if let Some(plan) = sub.plan {
            view.lead.push(Para::quiet(text::started_hint(plan)));
        }
        let date = page.date();
        let value = if date.editing() || sub.started.is_some() {
            date.text().value().to_string()
        } else {
            text::DATE_NOT_CHOSEN.to_string()
        };
        view.field = Some(Field {
            label: "Date".to_string(),
            value,
            error: date.error().map(str::to_string),
            hint: if date.editing() {
                text::DATE_SUGGESTED.to_string()
            } else {
                text::DATE_NOT_EDITING.to_string()
            },
        });
        view.details.push(Para::quiet(answers(sub, policy)));
        return view;
    }
    let answer = page.answer(state, sub, policy);
    let choices = page.choices(state, policy);
    view.items = choices
        .iter()
        .map(|c| Item::answer(choice_label(*c, state, policy), Some(*c) == answer))
        .collect();
    view.pick = Pick::Choose;
    view.cursor = Some(page.cursor());
    if page.length().editing() {
        view.field = Some(Field {
            label: text::TRIAL_LENGTH_PROMPT
                .trim_end()
                .trim_end_matches(':')
                .to_string(),
            value: page.length().value().to_string(),
            error: page.length_error().map(str::to_string),
            hint: text::TRIAL_LENGTH_KEYS.to_string(),
        });
    }
    if let Some(choice) = choices.get(page.cursor()) {
        view.details = detail(*choice, sub, policy);
    }
    view.details.push(Para::quiet(answers(sub, policy)));
    view
}

/// Where to look, for the question the person is not sure about.
pub fn tips(question: Question) -> [&'static str; 3] {
    match question {
        Question::Account => text::ACCOUNT_WHERE_TO_LOOK,
        other => text::where_to_look(other == Question::Channel),
    }
}

/// Why the account question matters, with the help article it comes from.
pub fn account_detail(policy: &Policy) -> Vec<Para> {
    let mut out = vec![Para::plain(text::ACCOUNT_PAYS_WHY)];
    if let Some(rule) = policy
        .checklist
        .iter()
        .find(|r| r.condition == ChecklistCondition::OtherAccount)
    {
        out.push(Para::source(&rule.origin));
    }
    out
}

/// The question on show.
pub fn question_text(question: Question, sub: &Subscription, policy: &Policy) -> String {
    match question {
        Question::Account => text::Q_ACCOUNT.to_string(),
        Question::Channel => text::Q_CHANNEL.to_string(),
        Question::Plan => text::Q_PLAN.to_string(),
        Question::TrialLength => policy.trial.question.clone(),
        Question::Started => sub.plan.map_or(text::Q_PLAN, text::q_started).to_string(),
        Question::Certificate => text::Q_CERTIFICATE.to_string(),
        Question::Region => policy.region.question.clone(),
    }
}

/// An answer in words.
pub fn choice_label(choice: Choice, state: &State, policy: &Policy) -> String {
    match choice {
        Choice::Account(index) => state.accounts.get(index).map_or_else(String::new, |a| {
            let name = a.label.as_deref().unwrap_or(text::ACCOUNT_UNNAMED);
            text::account_choice(name, &a.id, a.deleting())
        }),
        Choice::Channel(c) => policy.channel(c).question.clone(),
        Choice::Plan(p) => policy.plan(p).question.clone(),
        Choice::Certificate(false) => text::CERT_NO.to_string(),
        Choice::Certificate(true) => text::CERT_YES.to_string(),
        Choice::TrialDays(days) => text::trial_days_choice(days),
        Choice::OtherLength => text::TRIAL_OTHER_LENGTH.to_string(),
        Choice::Region(Region::EuUk) => text::REGION_YES.to_string(),
        Choice::Region(Region::Elsewhere) => text::REGION_NO.to_string(),
        Choice::NotSure | Choice::RegionNotSure => text::NOT_SURE.to_string(),
        Choice::Found => text::NOT_SURE_FOUND.to_string(),
        Choice::Later => text::NOT_SURE_LATER.to_string(),
    }
}

/// Who refunds this plan: Coursera's rule, or — bought in the iPhone or
/// Android app — the store's (Coursera's window does not apply there).
fn refund_rule(plan: PlanKind, sub: &Subscription, policy: &Policy) -> String {
    match sub.channel {
        Some(channel) if channel.is_app_store() && plan != PlanKind::Organization => {
            policy.refund.app_store.clone()
        }
        _ => policy.plan(plan).refund.clone(),
    }
}

/// What choosing the highlighted answer means, in the policy's words.
pub fn detail(choice: Choice, sub: &Subscription, policy: &Policy) -> Vec<Para> {
    match choice {
        Choice::Channel(c) => {
            let rule = policy.channel(c);
            vec![
                Para::plain(text::where_to_cancel(&rule.cancel_where)),
                Para::source(&rule.origin),
            ]
        }
        Choice::Plan(p) => {
            let rule = policy.plan(p);
            vec![
                Para::plain(rule.billing.clone()),
                Para::plain(refund_rule(p, sub, policy)),
                Para::source(&rule.origin),
            ]
        }
        Choice::Certificate(_) => {
            let mut out = vec![Para::plain(text::cert_why(sub.plan))];
            if let Some(p) = sub.plan {
                out.push(Para::plain(refund_rule(p, sub, policy)));
                out.push(Para::source(&policy.plan(p).origin));
            }
            out
        }
        Choice::TrialDays(_) | Choice::OtherLength => vec![
            Para::plain(policy.trial.hint.clone()),
            Para::plain(policy.trial.no_certificate.clone()),
            Para::source(&policy.trial.origin),
        ],
        Choice::Region(_) | Choice::RegionNotSure => {
            let rule = &policy.region;
            let consequence = match choice {
                Choice::Region(Region::EuUk) => &rule.eu_uk,
                Choice::Region(Region::Elsewhere) => &rule.elsewhere,
                _ => &rule.not_sure,
            };
            // What the highlighted answer means first: at 60x20 there may
            // be room for only one of the two.
            vec![
                Para::plain(consequence.clone()),
                Para::plain(rule.why.clone()),
                Para::source(&rule.origin),
            ]
        }
        Choice::Account(_) => account_detail(policy),
        Choice::NotSure | Choice::Found | Choice::Later => Vec::new(),
    }
}

/// "Answers: website · Free trial · 7 days · 2026-02-27".
pub fn answers(sub: &Subscription, policy: &Policy) -> String {
    let plan = sub.plan.map(|p| policy.plan(p).name.as_str());
    text::answers(
        sub.channel,
        plan,
        sub.started.map(format_date),
        sub.certificate_earned,
        (sub.plan == Some(PlanKind::FreeTrial)).then_some(sub.trial_days),
    )
}

/// What the full screen lays out of this page (see [`super::Full`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdentifyFull {}
