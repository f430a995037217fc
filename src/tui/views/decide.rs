//! Decide: the choices that apply, and below them what the highlighted one
//! means — its dates (from the domain's rows), then Coursera's rules about
//! access, progress, certificates and refunds, with their source.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::parts::{NARROW, choice_list, deadline_line, popup, scrolled, source_line};
use super::wrap::{wrap_line, wrap_styled};
use crate::domain::checklist::{cancellable, certificates_unsaved, deletion_items, keep_items};
use crate::domain::dates::long_date;
use crate::domain::plan::{Channel, PlanKind};
use crate::domain::policy::Policy;
use crate::domain::state::Subscription;
use crate::tui::theme::{ERROR_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::decide::{Choice, Decide, deletion_warnings, origins};
use crate::wizard::field::format_date;
use crate::wizard::text;

/// "> ( ) " before each choice.
const CHOICE_LEAD: usize = 6;

/// The pane's title names the choices on offer.
pub fn title(page: &Decide, wizard: &Wizard) -> &'static str {
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
    } else if plan == Some(PlanKind::CoursePurchase) {
        text::DECIDE_REFUND_TITLE
    } else {
        text::DECIDE_CANCEL_TITLE
    }
}

/// Returns how far the detail pane can scroll.
pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Decide, theme: &Theme) -> Option<u16> {
    let (state, policy, today) = (wizard.state(), wizard.policy(), wizard.today());
    let sub = page.id().and_then(|id| state.subscription(id));
    if page.id().is_some() && sub.is_none() {
        return None;
    }
    let width = area.width as usize;
    let question = match sub {
        Some(sub) => text::decide_question(&text::display_label(sub, policy)),
        None => text::ACCOUNT_QUESTION.to_string(),
    };
    let mut head = wrap_styled(&question, width, 0, theme.heading());
    if let Some(on) = page.converted_on(state, policy, today) {
        let became = format!("{ERROR_SYMBOL} {}", text::trial_became_paid(&long_date(on)));
        head.extend(wrap_styled(&became, width, 2, theme.error()));
        head.extend(wrap_styled(text::WHICH_PLAN, width, 0, theme.dim()));
    }
    head.push(Line::default());

    let choices = page.choices(state, policy, today);
    let cursor = page.cursor(&choices);
    let [head_area, list_area, _, detail_area] = split::rows(
        area,
        [
            Fixed(head.len() as u16),
            Fixed(choices.len() as u16),
            Fixed(1),
            Rest,
        ],
    );
    frame.render_widget(Paragraph::new(head), head_area);

    let answer = page.answer(state);
    let refund_until = page.refund_until(state, policy, today);
    let labels = choices.iter().map(|c| {
        // The longest wording that fits: the weekday goes first, then words.
        let mut tries = vec![
            choice_label(*c, sub, policy, refund_until.map(long_date).as_deref()),
            choice_label(*c, sub, policy, refund_until.map(format_date).as_deref()),
        ];
        if let (Choice::Refund, Some(until)) = (c, refund_until) {
            tries.push(text::refund_choice_short(
                sub.is_some_and(cancellable),
                &format_date(until),
            ));
        }
        let last = tries.pop().expect("at least one wording");
        let label = tries
            .into_iter()
            .find(|t| t.width() + CHOICE_LEAD <= width)
            .unwrap_or(last);
        (label, Some(*c) == answer)
    });
    choice_list(frame, list_area, labels, cursor, theme);

    let choice = choices.get(cursor).copied()?;
    let compact = width < usize::from(NARROW);
    let mut lines = vec![Line::styled(text::WHAT_HAPPENS, theme.heading())];
    let rows = page.dates(state, policy, today, choice);
    lines.extend(rows.iter().map(|row| deadline_line(row, policy, theme, compact)));
    let refund_open = refund_until.is_some();
    for (sentence, style) in consequences(wizard, sub, choice, refund_open, theme) {
        let indent = if sentence.starts_with("! ") { 2 } else { 0 };
        lines.extend(wrap_styled(&sentence, width, indent, style));
    }
    for origin in origins(policy, sub, choice) {
        lines.extend(wrap_line(&source_line(origin, theme), width, 2));
    }
    let (shown, max) = scrolled(
        lines,
        detail_area.height as usize,
        page.detail_scroll().into(),
        theme,
    );
    frame.render_widget(Paragraph::new(shown), detail_area);
    if let Some(warnings) = page.confirming_delete() {
        let mut lines: Vec<Line> = warnings
            .iter()
            .map(|w| Line::styled(format!("! {w}"), theme.warning()))
            .collect();
        lines.push(Line::default());
        lines.push(Line::styled(text::DELETE_ANYWAY_KEYS, theme.key()));
        popup(frame, area, text::DELETE_ANYWAY_TITLE, lines, theme);
    }
    Some(max)
}

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

/// The rules that say what the choice means, in the policy's words, most
/// important first (the detail pane may have to scroll).
fn consequences(
    wizard: &Wizard,
    sub: Option<&Subscription>,
    choice: Choice,
    refund_open: bool,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let (state, policy) = (wizard.state(), wizard.policy());
    let plain = Style::default();
    let warn = |s: &str| (format!("! {s}"), theme.warning());
    let Some(sub) = sub else {
        return match choice {
            Choice::DeleteAccount => {
                let items = deletion_items(state, policy);
                let done = items.iter().filter(|i| i.done).count();
                let mut out: Vec<(String, Style)> =
                    deletion_warnings(state, wizard.deadlines(), policy, wizard.today())
                        .iter()
                        .map(|w| warn(w))
                        .collect();
                out.push((text::checklist_count(done, items.len()), plain));
                if certificates_unsaved(state) {
                    out.push(warn(text::CERTIFICATES_UNSAVED));
                }
                out.push((policy.after_deletion.text.clone(), plain));
                out
            }
            _ => vec![
                (policy.account_keep.summary.clone(), plain),
                (text::keep_steps_count(keep_items(state, policy).len()), plain),
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
        policy.refund.app_store.clone()
    } else {
        rule.refund.clone()
    };
    match choice {
        Choice::Pause(_) => vec![
            warn(&policy.pause.caveat),
            (policy.pause.consequences.clone(), plain),
        ],
        Choice::Cancel if plan == PlanKind::Organization => vec![(rule.notes.clone(), plain)],
        // A refund that can still be asked for comes first: it has a deadline.
        Choice::Cancel if refund_open => vec![
            (refund, plain),
            (rule.notes.clone(), plain),
            (policy.after_cancel.text.clone(), plain),
        ],
        Choice::Cancel => vec![
            (rule.notes.clone(), plain),
            (policy.after_cancel.text.clone(), plain),
            (refund, plain),
        ],
        Choice::Refund if !cancellable(sub) => {
            refund_lines(policy, &refund, sub, state.account.eu_uk(), plain)
        }
        Choice::Refund => {
            let mut out = refund_lines(policy, &refund, sub, state.account.eu_uk(), plain);
            out.push((policy.refund.separate.clone(), plain));
            out.push((policy.after_cancel.text.clone(), plain));
            out
        }
        Choice::Keep => vec![(rule.billing.clone(), plain), (refund, plain)],
        Choice::Became(kind) => vec![
            (policy.plan(kind).billing.clone(), plain),
            (policy.plan(PlanKind::FreeTrial).refund.clone(), plain),
        ],
        Choice::DeleteAccount | Choice::KeepAccount => Vec::new(),
    }
}

/// What a refund request involves: the plan's rule, the EU/UK withdrawal
/// where it applies, that Coursera may refuse, and how long money takes.
fn refund_lines(
    policy: &Policy,
    rule: &str,
    sub: &Subscription,
    eu_uk: bool,
    plain: Style,
) -> Vec<(String, Style)> {
    let mut out = vec![(rule.to_string(), plain)];
    if eu_uk && withdrawal_possible_for(sub) {
        out.push((policy.region.eu_uk.clone(), plain));
    }
    out.push((policy.refund.may_refuse.clone(), plain));
    out.push((policy.refund.wait.clone(), plain));
    out
}

/// Bought on the website without a certificate: the EU/UK withdrawal can apply.
fn withdrawal_possible_for(sub: &Subscription) -> bool {
    sub.channel == Some(Channel::Web) && !sub.certificate()
}
