//! Decide: the question, the choices on offer (the saved one marked), and
//! what the highlighted one means — its dates, then Coursera's rules about
//! access, progress, certificates and refunds, with their sources. The
//! screen draws the same words.

use super::{Confirm, DueLine, Field, FieldState, Full, Item, PageView, Para, Pick, Tone};
use crate::domain::checklist::{cancellable, certificates_unsaved, deletion_items, keep_items};
use crate::domain::dates::long_date;
use crate::domain::deadlines::pause_begins;
use crate::domain::plan::{Channel, Decision, PlanKind};
use crate::domain::policy::Policy;
use crate::domain::state::{Pause, Subscription};
use crate::wizard::decide::{Choice, Decide, deletion_warnings, origins};
use crate::wizard::field::format_date;
use crate::wizard::{Wizard, text};
use chrono::NaiveDate;

pub fn view(wizard: &Wizard, page: &Decide) -> PageView {
    let (state, policy, today) = (wizard.state(), wizard.policy(), wizard.today());
    let title = match page.id() {
        None => super::account_title(title(page, wizard), wizard),
        Some(_) => title(page, wizard).to_string(),
    };
    let mut view = PageView::new(title);
    let sub = page.id().and_then(|id| state.subscription(id));
    if page.id().is_some() && sub.is_none() {
        return view;
    }
    view.heading.push(Para::new(question(wizard, sub), Tone::Heading));
    if let Some(on) = page.converted_on(state, policy, today) {
        view.lead
            .push(Para::new(text::trial_became_paid(&long_date(on)), Tone::Error));
        view.lead.push(Para::quiet(text::WHICH_PLAN));
    }
    let choices = page.choices(state, policy, today);
    let cursor = page.cursor(&choices);
    let answer = page.answer(state);
    // The last day to ask, and Coursera's own day when a later withdrawal follows it.
    let days = page.refund_days(state, policy, today);
    let until = days.last().copied();
    let first = days.first().copied().filter(|day| Some(*day) != until);
    let wordings: Vec<Vec<String>> = choices
        .iter()
        .map(|c| choice_wordings(*c, sub, policy, until, first))
        .collect();
    // The plain mode says each choice in full: its longest wording.
    view.items = choices
        .iter()
        .zip(&wordings)
        .map(|(c, said)| Item::answer(said[0].clone(), Some(*c) == answer))
        .collect();
    view.pick = Pick::Choose;
    view.cursor = Some(cursor);
    let mut full = DecideFull {
        wordings,
        detail_scroll: page.detail_scroll(),
        renaming: page.renaming().map(FieldState::text),
        ..DecideFull::default()
    };
    if let Some(choice) = choices.get(cursor).copied() {
        full.dates = page
            .dates(state, policy, today, choice)
            .iter()
            .map(|r| DueLine::of(r, policy))
            .collect();
        full.consequences = consequences(wizard, sub, choice, until.is_some());
        full.sources = origins(policy, sub, choice)
            .into_iter()
            .map(|o| text::source(&o.source, &o.as_of))
            .collect();
        view.details.push(Para::new(text::WHAT_HAPPENS, Tone::Heading));
        view.details.extend(full.dates.iter().map(Para::due));
        view.details.extend(full.consequences.iter().cloned());
        view.details.extend(full.sources.iter().map(Para::source_line));
    }
    if let Some(field) = page.renaming() {
        view.field = Some(Field {
            label: text::RENAME_ACCOUNT_PROMPT
                .trim_end()
                .trim_end_matches(':')
                .to_string(),
            value: field.value().to_string(),
            error: field.error(),
            hint: text::RENAME_ACCOUNT_KEYS.to_string(),
        });
    }
    if let Some(warnings) = page.confirming_delete() {
        let mut lines: Vec<Para> = warnings.iter().map(|w| Para::warning(format!("! {w}"))).collect();
        lines.push(Para::new(text::DELETE_ANYWAY_KEYS, Tone::Keys));
        view.confirm = Some(Confirm {
            title: text::DELETE_ANYWAY_TITLE.to_string(),
            lines,
        });
    }
    view.full = Full::Decide(full);
    view
}

/// "What do you want to do with …?"
fn question(wizard: &Wizard, sub: Option<&Subscription>) -> String {
    match sub {
        Some(sub) => text::decide_question(&wizard.policy().display_label(sub)),
        None => text::ACCOUNT_QUESTION.to_string(),
    }
}

/// The pane's title names the choices on offer.
fn title(page: &Decide, wizard: &Wizard) -> &'static str {
    let (state, policy, today) = (wizard.state(), wizard.policy(), wizard.today());
    let plan = page
        .id()
        .and_then(|id| state.subscription(id))
        .and_then(|s| s.plan);
    let choices = page.choices(state, policy, today);
    if page.id().is_none() {
        text::DECIDE_ACCOUNT_TITLE
    } else if choices.iter().any(|c| matches!(c, Choice::Became(_))) {
        text::DECIDE_BECAME_TITLE
    } else if choices.iter().any(|c| matches!(c, Choice::Pause(_))) {
        text::DECIDE_PAUSE_TITLE
    } else if plan == Some(PlanKind::Organization) {
        text::DECIDE_ORG_TITLE
    } else if plan == Some(PlanKind::CoursePurchase) && choices.contains(&Choice::Refund) {
        text::DECIDE_REFUND_TITLE
    } else if plan == Some(PlanKind::CoursePurchase) {
        // Nothing renews and no refund goes through Coursera (the window
        // closed, or a store sold it): keeping it is all there is to choose.
        text::DECIDE_PURCHASE_TITLE
    } else {
        text::DECIDE_CANCEL_TITLE
    }
}

/// The day a pause of `months` chosen now would begin: the charge that
/// ends the month already paid for (a pause already recorded keeps its day).
fn pause_would_begin(sub: &Subscription, months: u32, today: NaiveDate) -> Option<NaiveDate> {
    let mut paused = sub.clone();
    let from = sub
        .pause
        .map(|p| p.from)
        .filter(|from| *from <= today)
        .unwrap_or(today);
    paused.decision = Some(Decision::Pause);
    paused.pause = Some(Pause { from, months });
    pause_begins(&paused)
}

/// A choice in words; the refund's with the last day it can be made.
fn choice_label(
    choice: Choice,
    sub: Option<&Subscription>,
    policy: &Policy,
    refund_until: Option<&str>,
) -> String {
    let plan = sub.and_then(|s| s.plan);
    match choice {
        Choice::Pause(months) => text::pause_choice(months),
        Choice::Cancel if plan == Some(PlanKind::Organization) => text::ORG_CANCEL_CHOICE.to_string(),
        Choice::Cancel => text::CANCEL_CHOICE.to_string(),
        Choice::Refund => text::refund_choice(sub.is_some_and(cancellable), refund_until),
        Choice::Keep if plan == Some(PlanKind::FreeTrial) => text::KEEP_TRIAL.to_string(),
        Choice::Keep if plan.is_some_and(PlanKind::renews) => text::KEEP_PAYING.to_string(),
        Choice::Keep => text::KEEP_IT.to_string(),
        Choice::Became(kind) => text::became(&policy.plan(kind).name),
        Choice::DeleteAccount => text::DELETE_ACCOUNT_CHOICE.to_string(),
        Choice::KeepAccount => text::KEEP_ACCOUNT_CHOICE.to_string(),
    }
}

/// A choice's wordings, longest first: a front end takes the first that
/// fits (the weekday goes first, then words). With Coursera's refund ending
/// on `first` before the EU/UK withdrawal, both days are said while they
/// fit, and the nearer one alone after that: never only the later one.
fn choice_wordings(
    choice: Choice,
    sub: Option<&Subscription>,
    policy: &Policy,
    until: Option<NaiveDate>,
    first: Option<NaiveDate>,
) -> Vec<String> {
    let cancel = sub.is_some_and(cancellable);
    if let (Choice::Refund, Some(first), Some(last)) = (choice, first, until) {
        return vec![
            text::refund_choice_two(cancel, &long_date(first), &long_date(last)),
            text::refund_choice_two(cancel, &format_date(first), &format_date(last)),
            text::refund_choice(cancel, Some(&format_date(first))),
            text::refund_choice_short(cancel, &format_date(first)),
        ];
    }
    let mut tries = vec![
        choice_label(choice, sub, policy, until.map(long_date).as_deref()),
        choice_label(choice, sub, policy, until.map(format_date).as_deref()),
    ];
    if let (Choice::Refund, Some(until)) = (choice, until) {
        tries.push(text::refund_choice_short(cancel, &format_date(until)));
    }
    tries
}

/// The rules that say what the choice means, in the policy's words, most
/// important first (the detail pane may have to scroll). A warning starts
/// with "! ", the symbol that carries it without colour.
fn consequences(wizard: &Wizard, sub: Option<&Subscription>, choice: Choice, refund_open: bool) -> Vec<Para> {
    let (state, policy) = (wizard.state(), wizard.policy());
    let plain = |s: &str| Para::plain(s);
    let warn = |s: &str| Para::warning(format!("! {s}"));
    let Some(sub) = sub else {
        return match choice {
            Choice::DeleteAccount => {
                let items = deletion_items(state, state.focused_account(), policy);
                let done = items.iter().filter(|i| i.done).count();
                let mut out: Vec<Para> = deletion_warnings(state, wizard.deadlines(), policy, wizard.today())
                    .in_details()
                    .iter()
                    .map(|w| warn(w))
                    .collect();
                out.push(Para::plain(text::checklist_count(done, items.len())));
                if certificates_unsaved(state.focused_account()) {
                    out.push(warn(text::CERTIFICATES_UNSAVED));
                }
                out.push(plain(&policy.after_deletion.text));
                out
            }
            _ => vec![
                plain(&policy.account_keep.summary),
                Para::plain(text::keep_steps_count(
                    keep_items(state.focused_account(), policy).len(),
                )),
            ],
        };
    };
    let Some(plan) = sub.plan else {
        return Vec::new();
    };
    let rule = policy.plan(plan);
    let app_store = sub.channel.is_some_and(Channel::is_app_store);
    // What a refund would be, bought this way: the app stores refund their
    // own sales, whatever Coursera would do on the web.
    let refund = if app_store {
        &policy.refund.app_store
    } else {
        &rule.refund
    };
    match choice {
        Choice::Pause(months) => {
            let mut out = vec![warn(&policy.pause.caveat)];
            // The day it would begin, as Steps will say it once chosen.
            if let Some(begins) = pause_would_begin(sub, months, wizard.today()) {
                out.push(Para::plain(text::pause_would_begin(&long_date(begins))));
            }
            out.push(plain(&policy.pause.consequences));
            out
        }
        Choice::Cancel if plan == PlanKind::Organization => vec![plain(&rule.notes)],
        // A refund that can still be asked for comes first: it has a deadline.
        Choice::Cancel if refund_open => vec![
            plain(refund),
            plain(&rule.notes),
            plain(&policy.after_cancel.text),
        ],
        Choice::Cancel => vec![
            plain(&rule.notes),
            plain(&policy.after_cancel.text),
            plain(refund),
        ],
        Choice::Refund if !cancellable(sub) => refund_lines(policy, refund, sub, state.eu_uk()),
        Choice::Refund => {
            let mut out = refund_lines(policy, refund, sub, state.eu_uk());
            out.push(plain(&policy.refund.separate));
            out.push(plain(&policy.after_cancel.text));
            out
        }
        Choice::Keep => vec![plain(&rule.billing), plain(refund)],
        Choice::Became(kind) => vec![
            plain(&policy.plan(kind).billing),
            plain(&policy.plan(PlanKind::FreeTrial).refund),
        ],
        Choice::DeleteAccount | Choice::KeepAccount => Vec::new(),
    }
}

/// What a refund request involves: the plan's rule, the EU/UK withdrawal
/// where it applies, that Coursera may refuse, and how long money takes.
fn refund_lines(policy: &Policy, rule: &str, sub: &Subscription, eu_uk: bool) -> Vec<Para> {
    let mut out = vec![Para::plain(rule)];
    // Bought on the website without a certificate: the withdrawal can apply.
    if eu_uk && sub.channel == Some(Channel::Web) && !sub.certificate() {
        out.push(Para::plain(policy.region.eu_uk.clone()));
    }
    out.push(Para::plain(policy.refund.may_refuse.clone()));
    out.push(Para::plain(policy.refund.wait.clone()));
    out
}

/// What the full screen lays out of Decide: each choice's wordings (it
/// takes the longest that fits), and what the highlighted one means in
/// pieces it wraps on its own (dates, the rules, their sources).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DecideFull {
    /// Per choice, in the order of the page's items: longest first.
    pub wordings: Vec<Vec<String>>,
    pub dates: Vec<DueLine>,
    /// A warning starts with "! ".
    pub consequences: Vec<Para>,
    pub sources: Vec<String>,
    pub detail_scroll: u16,
    /// The account's new label being typed (`r`).
    pub renaming: Option<FieldState>,
}
