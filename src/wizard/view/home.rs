//! Home: the most urgent date, the account, and every subscription with its
//! next date (or what is missing).

use chrono::NaiveDate;

use super::{Confirm, DueLine, Field, FieldState, Item, PageView, Para, Pick, Tone};
use crate::domain::dates::long_date;
use crate::domain::deadlines::Deadline;
use crate::domain::plan::PlanKind;
use crate::domain::state::{State, Subscription};
use crate::wizard::field::format_date;
use crate::wizard::home::{
    Home, RowStatus, account_heading, continue_words, display_order, missed_cancel, next_deadline, paid_by,
    row_status,
};
use crate::wizard::{Wizard, text};

pub fn view(wizard: &Wizard, home: &Home) -> PageView {
    let (state, policy) = (wizard.state(), wizard.policy());
    let rows = wizard.deadlines();
    let mut view = PageView::new(text::screen_title(crate::domain::journey::Screen::Home));
    let mut full = HomeFull {
        welcome: state.subscriptions.is_empty()
            && state.focused_account().decision.is_none()
            && !state.several_accounts(),
        stale: wizard.stale_notice().map(str::to_string),
        ..HomeFull::default()
    };
    view.heading.push(Para::new(text::HOME_TITLE, Tone::Heading));
    if let Some(stale) = &full.stale {
        view.lead.push(Para::warning(stale.clone()));
    }
    // Account rows count too: a deletion request's reply can be the most urgent.
    let banner_row = next_deadline(rows, state, None);
    if let Some(row) = banner_row {
        let banner = banner(row, rows, wizard);
        view.lead
            .push(Para::new(banner.words.clone(), Tone::Due(row.urgency)));
        view.lead.push(Para::deadline(row, policy));
        full.banner = Some(banner);
    }
    if let Some(target) = home.continue_target(state) {
        let what = continue_words(&target, state);
        view.lead.push(Para::plain(format!(
            "{}: {what} ({})",
            text::CONTINUE,
            text::CONTINUE_KEY.keys
        )));
        full.continue_to = Some(what);
    }
    if state.several_accounts() {
        // Each account's decision heads its group in the list.
        full.accounts = state
            .accounts
            .iter()
            .map(|account| Dated::of(|day| account_heading(state, account, day)))
            .collect();
        view.lead.extend(
            full.accounts
                .iter()
                .map(|heading| Para::plain(heading.long.clone())),
        );
        view.lead.push(Para::plain(format!(
            "{} ({})",
            text::ACCOUNTS_HINT,
            text::ACCOUNT_KEY.keys
        )));
        let hint = match state.subscriptions.is_empty() {
            true => text::ACCOUNTS_HINT_NO_PLANS,
            false => text::ACCOUNTS_HINT,
        };
        full.account = Dated::same(hint);
    } else {
        let account = state.focused_account();
        full.account =
            Dated::of(|day| text::home_account(account.decision, account.requested_on.map(day).as_deref()));
        view.lead.push(Para::plain(format!(
            "{} ({}: {})",
            full.account.long,
            text::ACCOUNT_KEY.keys,
            text::ACCOUNT_KEY.action
        )));
        // The account's own deadline, unless the banner already shows it.
        full.account_due = rows
            .iter()
            .find(|d| d.subscription.is_none())
            .filter(|row| banner_row != Some(*row))
            .map(|row| DueLine::of(row, policy));
    }
    // Asked once there is something whose refund could depend on it.
    full.region_unanswered = state.region.is_none() && !state.subscriptions.is_empty();
    if full.region_unanswered {
        view.lead.push(Para::plain(format!(
            "{} ({})",
            text::HOME_REGION_UNANSWERED,
            text::REGION_KEY.keys
        )));
    }
    if state.subscriptions.is_empty() {
        view.lead.push(Para::plain(text::HOME_EMPTY[0]));
        view.lead
            .extend(text::HOME_EMPTY[1..].iter().map(|p| Para::plain(*p)));
    }
    let order = display_order(state);
    let paid = PaidBy::new(state);
    let (items, subs): (Vec<Item>, Vec<SubLine>) = order
        .iter()
        .map(|i| subscription(&state.subscriptions[*i], wizard, &paid))
        .unzip();
    view.items = items;
    view.pick = Pick::Choose;
    view.cursor = (!state.subscriptions.is_empty()).then_some(home.selected());
    (full.lines, full.selected) = lines(state, &order, subs, home.selected());
    if let Some(field) = home.adding_account() {
        view.field = Some(Field {
            label: text::NEW_ACCOUNT_PROMPT
                .trim_end()
                .trim_end_matches(':')
                .to_string(),
            value: field.value().to_string(),
            error: field.error(),
            hint: match home.naming_first() {
                true => format!("{}: {}", text::FIRST_ACCOUNT_TITLE, text::FIRST_ACCOUNT_KEYS),
                false => text::NEW_ACCOUNT_KEYS.to_string(),
            },
        });
        full.adding_account = Some(FieldState::text(field));
        full.naming_first = home.naming_first();
    }
    if let Some(field) = home.renaming() {
        view.field = Some(Field {
            label: text::RENAME_PROMPT.trim_end().trim_end_matches(':').to_string(),
            value: field.value().to_string(),
            error: field.error(),
            hint: text::RENAME_KEYS.to_string(),
        });
        full.renaming = Some(FieldState::text(field));
    }
    if let Some(id) = home.confirm_remove() {
        let label = state.subscription(id).map_or(id, |s| s.label.as_str());
        view.confirm = Some(Confirm {
            title: text::REMOVE_TITLE.to_string(),
            lines: vec![Para::plain(text::confirm_remove(label, id))],
        });
    }
    view.full = super::Full::Home(Box::new(full));
    view
}

/// The most urgent date, and what can still be done when it has gone by.
fn banner(row: &Deadline, rows: &[Deadline], wizard: &Wizard) -> Banner {
    let policy = wizard.policy();
    let advice = if missed_cancel(row, rows) {
        Some(Dated::of(|day| cancel_today(row, rows, day)))
    } else if row.days_left < 0 {
        let overdue = policy.overdue_words(row);
        (!overdue.is_empty()).then(|| Dated::same(overdue))
    } else {
        None
    };
    Banner {
        words: format!("{}: {}", text::banner(row.urgency), policy.deadline_summary(row)),
        due: DueLine::of(row, policy),
        advice,
    }
}

/// What to do about a missed cancel-by: cancel today anyway, before the charge.
fn cancel_today(row: &Deadline, rows: &[Deadline], day: fn(NaiveDate) -> String) -> String {
    let next = rows
        .iter()
        .find(|d| d.subscription == row.subscription && d.days_left >= 0 && d.kind.is_charge())
        .map(|d| (day(d.date), d.days_left));
    let next = next.as_ref().map(|(day, left)| (day.as_str(), *left));
    text::cancel_overdue(next, None, true)
}

/// A subscription's line, said (its name, plan, who pays, id; its next date
/// or what is missing) and laid out for the full screen, from one look at
/// its dates.
fn subscription(sub: &Subscription, wizard: &Wizard, paid: &PaidBy) -> (Item, SubLine) {
    let (state, policy) = (wizard.state(), wizard.policy());
    let label = policy.display_label(sub);
    let plan = sub
        .plan
        .map(|p| &policy.plan(p).name)
        .filter(|name| **name != sub.label);
    let mut name = label.clone();
    if let Some(plan) = plan {
        name = format!("{name} · {plan}");
    }
    if let Some(paid) = paid.of(state, sub) {
        name = format!("{name}, {paid}");
    }
    let item = Item::new(format!("{name} ({})", sub.id));
    let (said, status) = match row_status(sub, wizard.deadlines(), state, policy, wizard.today()) {
        RowStatus::Incomplete => (text::INCOMPLETE.to_string(), incomplete(sub)),
        RowStatus::TrialBecamePaid(on) => (
            text::trial_became_paid_short(&long_date(on)),
            SubStatus::TrialBecamePaid(text::trial_became_paid_short(&format_date(on))),
        ),
        RowStatus::Due(row) => {
            let due = DueLine::of(row, policy);
            (Para::due(&due).text, SubStatus::Due(due))
        }
        RowStatus::NotChargedAgain(until) => {
            let status = not_charged_again(until);
            let said = status.sentence[0].trim_start_matches("✓ ").to_string();
            (said, SubStatus::NotChargedAgain(status))
        }
        RowStatus::NoDates => (text::NO_DATES.to_string(), SubStatus::NoDates),
    };
    let line = SubLine {
        label,
        // A trial's label already says "trial".
        plan: plan.filter(|_| sub.plan != Some(PlanKind::FreeTrial)).cloned(),
        id: sub.id.clone(),
        status,
    };
    (item.with(said), line)
}

/// "paid by a2 · Google sign-in" per account, made once for the list
/// rather than once per subscription.
struct PaidBy(Vec<(String, Option<String>)>);

impl PaidBy {
    fn new(state: &State) -> PaidBy {
        let mut said: Vec<(String, Option<String>)> = Vec::new();
        for sub in state.subscriptions.iter().filter(|s| !s.account_unknown) {
            if !said.iter().any(|(id, _)| *id == sub.account) {
                said.push((sub.account.clone(), paid_by(state, sub)));
            }
        }
        PaidBy(said)
    }

    fn of(&self, state: &State, sub: &Subscription) -> Option<String> {
        match self.0.iter().find(|(id, _)| *id == sub.account) {
            Some((_, said)) if !sub.account_unknown => said.clone(),
            _ => paid_by(state, sub),
        }
    }
}

/// The questions still unanswered: named, or (too long to name them all)
/// counted, which never cuts a word.
fn incomplete(sub: &Subscription) -> SubStatus {
    let answered = [
        sub.channel.is_some(),
        sub.plan.is_some(),
        sub.started.is_some(),
        sub.certificate_earned.is_some(),
    ];
    let [channel, plan, started, certificate] = answered;
    let count = answered.iter().filter(|a| !**a).count();
    SubStatus::Incomplete(vec![
        text::missing(channel, plan, started, certificate),
        text::missing_count(count),
    ])
}

/// "You will not be charged again; access until D", with the long date and
/// the short, and a few words for a pane too narrow for the sentence.
fn not_charged_again(until: Option<NaiveDate>) -> NotCharged {
    let long = until.map(long_date);
    let short = until.map(format_date);
    NotCharged {
        sentence: vec![
            text::not_charged_again(long.as_deref()),
            text::not_charged_again(short.as_deref()),
        ],
        short: text::not_charged_again_short(short.as_deref()),
    }
}

/// The list in order: with one account its subscriptions; with several,
/// each account followed by the subscriptions it pays for, then those whose
/// account is not named yet. `subs` are in `order` (the display order);
/// returns the lines and where the highlighted subscription is among them.
fn lines(state: &State, order: &[usize], subs: Vec<SubLine>, selected: usize) -> (Vec<HomeLine>, usize) {
    if subs.is_empty() {
        return (Vec::new(), 0);
    }
    let selected = selected.min(subs.len() - 1);
    if !state.several_accounts() {
        return (subs.into_iter().map(HomeLine::Sub).collect(), selected);
    }
    let mut out = Vec::with_capacity(subs.len() + state.accounts.len() + 1);
    let mut at = None;
    let mut subs = order
        .iter()
        .map(|i| &state.subscriptions[*i])
        .zip(subs)
        .enumerate()
        .peekable();
    let mut add = |out: &mut Vec<HomeLine>, (place, (_, line)): (usize, (&Subscription, SubLine))| {
        if place == selected {
            at = Some(out.len());
        }
        out.push(HomeLine::Sub(line));
    };
    // The display order is already grouped by account, in the accounts' order.
    for (a, account) in state.accounts.iter().enumerate() {
        out.push(HomeLine::Account(a));
        while let Some(next) = subs.next_if(|(_, (sub, _))| sub.account == account.id && !sub.account_unknown)
        {
            add(&mut out, next);
        }
    }
    if subs.peek().is_some() {
        out.push(HomeLine::NoAccount);
        for next in subs {
            add(&mut out, next);
        }
    }
    (out, at.unwrap_or(0))
}

/// What the full screen lays out of this page (see [`super::Full`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HomeFull {
    /// Nothing tracked, nothing decided, one account: only the invitation to add.
    pub welcome: bool,
    /// The saved rules are old.
    pub stale: Option<String>,
    pub banner: Option<Banner>,
    /// Where `c` leads, in words.
    pub continue_to: Option<String>,
    /// The account's line after its key: with one account its decision,
    /// with several what the key does.
    pub account: Dated,
    /// With one account, its own deadline when the banner does not show it.
    pub account_due: Option<DueLine>,
    /// Where one lives is not answered, and a refund could depend on it.
    pub region_unanswered: bool,
    /// With several accounts, each one's heading (its name and decision).
    pub accounts: Vec<Dated>,
    /// The list; empty while no subscription is tracked.
    pub lines: Vec<HomeLine>,
    /// Which of `lines` is highlighted (always a subscription).
    pub selected: usize,
    /// Another account's label being typed.
    pub adding_account: Option<FieldState>,
    /// The label typed is the first account's.
    pub naming_first: bool,
    /// A subscription's new name being typed.
    pub renaming: Option<FieldState>,
}

/// The most urgent date, on top of Home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    /// "Most urgent: cancel Plus before it renews".
    pub words: String,
    pub due: DueLine,
    /// What can still be done about a date gone by.
    pub advice: Option<Dated>,
}

/// Words with dates in them, with the weekday ("Wed 2026-03-04") and
/// without it, for a narrow pane.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dated {
    pub long: String,
    pub short: String,
}

impl Dated {
    /// `words` with dates written each way.
    fn of(words: impl Fn(fn(NaiveDate) -> String) -> String) -> Dated {
        Dated {
            long: words(long_date),
            short: words(format_date),
        }
    }

    /// Words with no date in them.
    fn same(words: &str) -> Dated {
        Dated {
            long: words.to_string(),
            short: words.to_string(),
        }
    }
}

/// A line of Home's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeLine {
    /// An account heading its group: an index into [`HomeFull::accounts`].
    Account(usize),
    /// The heading of the plans whose account is not named yet.
    NoAccount,
    Sub(SubLine),
}

/// A subscription on Home: its name, plan and id, then its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubLine {
    /// The label (with a trial's length).
    pub label: String,
    /// The plan's name, unless the label already says it.
    pub plan: Option<String>,
    pub id: String,
    pub status: SubStatus,
}

/// What a subscription's second line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubStatus {
    /// What is missing, longest wording first (the last when none fits).
    Incomplete(Vec<String>),
    /// The trial was charged: "Paid plan since 2026-03-04: open it".
    TrialBecamePaid(String),
    Due(DueLine),
    /// Cancelled, nothing more to pay.
    NotChargedAgain(NotCharged),
    NoDates,
}

/// A cancelled plan's line: SPEC §3's sentence, which the screen shows
/// whole (on two lines if it must) wherever it can, and a few words for
/// where it cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCharged {
    /// "✓ You will not be charged again; access until D", the long date first.
    pub sentence: Vec<String>,
    /// "✓ Cancelled · access to D".
    pub short: String,
}
