//! Identify: the question, its answers (the saved one marked), what the
//! highlighted answer means; the date or number being typed; "where to
//! look" when the person is not sure. The screen draws the same words.

use super::{Field, FieldState, Full, Item, PageView, Para, Pick, Tone};
use crate::domain::checklist::withdrawal_unless_certificate;
use crate::domain::plan::{Channel, PlanKind, Region};
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
    let position = text::question_of(n, total);
    view.lead.push(Para::quiet(position.clone()));
    let mut full = IdentifyFull {
        position,
        answers: answers(state, sub, policy),
        detail_scroll: page.detail_scroll(),
        ..IdentifyFull::default()
    };
    if page.not_sure() {
        full.not_sure = true;
        full.position = format!("{} · {}", full.position, text::NOT_SURE_TITLE);
        view.heading.push(Para::new(text::NOT_SURE_TITLE, Tone::Heading));
        full.tips = tips(page.question()).map(str::to_string).to_vec();
        // Not numbered: the numbers are the answers below.
        view.lead.extend(full.tips.iter().map(Para::plain));
        view.items = page
            .choices(state, policy)
            .iter()
            .map(|c| match c {
                Choice::Found => Item::new(text::NOT_SURE_FOUND),
                _ => Item::new(text::NOT_SURE_LATER),
            })
            .collect();
        view.cursor = Some(page.cursor());
        view.full = Full::Identify(full);
        return view;
    }
    view.heading.push(Para::new(
        question_text(page.question(), sub, policy),
        Tone::Heading,
    ));
    if page.question() == Question::Started {
        date_question(&mut view, &mut full, page, sub);
        view.details.push(Para::quiet(full.answers.clone()));
        view.full = Full::Identify(full);
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
        let error = page.length_error().map(str::to_string);
        view.field = Some(Field {
            label: text::TRIAL_LENGTH_PROMPT
                .trim_end()
                .trim_end_matches(':')
                .to_string(),
            value: page.length().value().to_string(),
            error: error.clone(),
            hint: text::TRIAL_LENGTH_KEYS.to_string(),
        });
        full.length = Some(FieldState {
            error,
            ..FieldState::text(page.length())
        });
    }
    if let Some(choice) = choices.get(page.cursor()) {
        full.detail = detail(*choice, sub, state, policy);
        view.details.clone_from(&full.detail);
    }
    view.details.push(Para::quiet(full.answers.clone()));
    view.full = Full::Identify(full);
    view
}

/// When the plan started: the hint, the date (or that none is chosen yet)
/// and the keys that work.
fn date_question(view: &mut PageView, full: &mut IdentifyFull, page: &Identify, sub: &Subscription) {
    let hint = sub.plan.map_or("", text::started_hint);
    if sub.plan.is_some() {
        view.lead.push(Para::quiet(hint));
    }
    let date = page.date();
    let chosen = date.editing() || sub.started.is_some();
    let value = if chosen {
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
    full.date = Some(DateQuestion {
        hint: hint.to_string(),
        // Closed with nothing accepted: the offered day is not an answer.
        field: chosen.then(|| FieldState::date(date)),
        suggested: date.suggested() && date.error().is_none(),
        keys: if date.editing() {
            text::DATE_KEYS
        } else if sub.started.is_some() {
            text::DATE_NOT_EDITING
        } else {
            text::DATE_NOT_CHOSEN_KEYS
        },
    });
}

/// Where to look, for the question the person is not sure about.
fn tips(question: Question) -> [&'static str; 3] {
    match question {
        Question::Account => text::ACCOUNT_WHERE_TO_LOOK,
        other => text::where_to_look(other == Question::Channel),
    }
}

/// Why the account question matters, with the help article it comes from.
fn account_detail(policy: &Policy) -> Vec<Para> {
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
fn question_text(question: Question, sub: &Subscription, policy: &Policy) -> String {
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
fn choice_label(choice: Choice, state: &State, policy: &Policy) -> String {
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
pub fn detail(choice: Choice, sub: &Subscription, state: &State, policy: &Policy) -> Vec<Para> {
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
            let Some(p) = sub.plan else {
                return Vec::new();
            };
            let rule = policy.plan(p);
            let mut out = vec![
                Para::plain(rule.certificate.clone()),
                Para::plain(refund_rule(p, sub, policy)),
                Para::source(&rule.origin),
            ];
            if withdrawal_unless_certificate(sub, state) {
                out.insert(1, Para::plain(policy.region.certificate.clone()));
                out.push(Para::source(&policy.region.origin));
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
            // be room for only one of the two. Bought in an app (or paid by
            // an organization), the plan gets no withdrawal date whatever the
            // answer: said before "you have a right of withdrawal".
            let not_covered = sub.channel.is_some_and(|c| c != Channel::Web);
            let mut out = Vec::new();
            if not_covered {
                out.push(Para::plain(rule.not_covered.clone()));
            }
            // "You have a right of withdrawal" right after "it does not reach
            // this plan" read as a contradiction: `why` says it in general.
            if !(not_covered && choice == Choice::Region(Region::EuUk)) {
                out.push(Para::plain(consequence.clone()));
            }
            out.extend([Para::plain(rule.why.clone()), Para::source(&rule.origin)]);
            out
        }
        Choice::Account(_) => account_detail(policy),
        Choice::NotSure | Choice::Found | Choice::Later => Vec::new(),
    }
}

/// "Answers: website · Free trial · 7 days · 2026-02-27"; with several
/// accounts, which one pays first ("account a2 · website · …").
fn answers(state: &State, sub: &Subscription, policy: &Policy) -> String {
    let plan = sub.plan.map(|p| policy.plan(p).name.as_str());
    let account = state
        .several_accounts()
        .then(|| (!sub.account_unknown).then_some(sub.account.as_str()));
    text::answers(
        account,
        sub.channel,
        plan,
        sub.started.map(format_date),
        sub.certificate_earned,
        (sub.plan == Some(PlanKind::FreeTrial)).then_some(sub.trial_days),
    )
}

/// What the full screen lays out of Identify.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdentifyFull {
    /// "Question 2 of 5", and "· Not sure where to look" while explaining.
    pub position: String,
    /// "Answers: website · Free trial · 7 days · 2026-02-27".
    pub answers: String,
    /// Explaining where to look: the tips lead the page, the items say what next.
    pub not_sure: bool,
    /// Where to look, while explaining.
    pub tips: Vec<String>,
    /// When the plan started, being asked.
    pub date: Option<DateQuestion>,
    /// "Another number of days" being typed.
    pub length: Option<FieldState>,
    /// What the highlighted answer means.
    pub detail: Vec<Para>,
    /// How far `detail` is scrolled.
    pub detail_scroll: u16,
}

/// The date question as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateQuestion {
    /// Where to find the date, for this plan.
    pub hint: String,
    /// None: no date chosen yet (the one offered is not an answer).
    pub field: Option<FieldState>,
    /// The value is only offered: say so under it.
    pub suggested: bool,
    pub keys: &'static str,
}
