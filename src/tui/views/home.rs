//! Home: every subscription with its next date, the most urgent one on top.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::parts::{NARROW, deadline_line, popup, popup_inner_width, text_field_line};
use super::wrap::{cut, wrap, wrap_styled};

/// Each subscription takes two lines.
const ITEM_HEIGHT: usize = 2;
use crate::domain::dates::long_date;
use crate::domain::deadlines::Deadline;
use crate::domain::plan::PlanKind;
use crate::domain::state::Subscription;
use crate::tui::theme::{ERROR_SYMBOL, INCOMPLETE_SYMBOL, SELECTED_SYMBOL, Theme, urgency_symbol};
use crate::wizard::Wizard;
use crate::wizard::field::format_date;
use crate::wizard::home::{
    Home, RowStatus, account_heading, continue_words, display_order, missed_cancel, next_deadline, row_status,
};
use crate::wizard::text;

pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, home: &Home, theme: &Theme) {
    let state = wizard.state();
    if state.subscriptions.is_empty()
        && state.focused_account().decision.is_none()
        && !state.several_accounts()
    {
        draw_empty(frame, area, text::HOME_EMPTY[0], theme);
        draw_popups(frame, area, wizard, home, theme);
        return;
    }
    let rows = wizard.deadlines();
    let mut header = Vec::new();
    if let Some(stale) = wizard.stale_notice() {
        header.extend(wrap_styled(
            &format!("! {stale}"),
            area.width as usize,
            2,
            theme.warning(),
        ));
    }
    // Account rows count too: a deletion request's reply can be the most urgent.
    let banner_row = next_deadline(rows, state, None);
    if let Some(row) = banner_row {
        let style = theme.urgency(row.urgency).add_modifier(Modifier::BOLD);
        let banner = format!(
            "{} {}: {}",
            urgency_symbol(row.urgency),
            text::banner(row.urgency),
            wizard.policy().deadline_summary(row)
        );
        header.extend(wrap_styled(&banner, area.width as usize, 2, style));
        let mut when = deadline_line(
            &crate::wizard::view::DueLine::of(row, wizard.policy()),
            theme,
            compact(area),
        );
        when.spans.insert(0, Span::raw("  "));
        header.extend(fit(when, area.width as usize));
        // A date gone by says what can still be done.
        let advice = if missed_cancel(row, rows) {
            Some(cancel_today(row, rows, compact(area)))
        } else if row.days_left < 0 {
            let overdue = &wizard.policy().deadline(row.kind).overdue;
            (!overdue.is_empty()).then(|| overdue.clone())
        } else {
            None
        };
        if let Some(advice) = advice {
            header.extend(wrap_styled(
                &format!("  {advice}"),
                area.width as usize,
                4,
                theme.warning(),
            ));
        }
    }
    if let Some(target) = home.continue_target(state) {
        let what = continue_words(&target, state);
        header.push(Line::from(vec![
            Span::styled("c", theme.key()),
            Span::raw(format!(" {}: {what}", text::CONTINUE)),
        ]));
    }
    let day = if compact(area) { format_date } else { long_date };
    if state.several_accounts() {
        // Each account's decision heads its group in the list below.
        let hint = match state.subscriptions.is_empty() {
            true => text::ACCOUNTS_HINT_NO_PLANS,
            false => text::ACCOUNTS_HINT,
        };
        header.push(Line::from(vec![
            Span::styled(text::ACCOUNT_KEY.keys, theme.key()),
            Span::raw(format!(" {hint}")),
        ]));
    } else {
        let requested = state.focused_account().requested_on.map(day);
        header.push(Line::from(vec![
            Span::styled(text::ACCOUNT_KEY.keys, theme.key()),
            Span::raw(format!(
                " {}",
                text::home_account(state.focused_account().decision, requested.as_deref())
            )),
        ]));
    }
    // The account's own deadline, unless the banner already shows it.
    if let Some(row) = rows.iter().find(|d| d.subscription.is_none())
        && banner_row != Some(row)
        && !state.several_accounts()
    {
        let mut when = deadline_line(
            &crate::wizard::view::DueLine::of(row, wizard.policy()),
            theme,
            compact(area),
        );
        when.spans.insert(0, Span::raw("  "));
        header.extend(fit(when, area.width as usize));
    }
    // Asked once there is something whose refund could depend on it.
    if state.region.is_none() && !state.subscriptions.is_empty() {
        let line = format!("{} {}", text::REGION_KEY.keys, text::HOME_REGION_UNANSWERED);
        let mut lines = wrap_styled(&line, area.width as usize, 2, Style::default());
        if let Some(first) = lines.first_mut() {
            // The key in its own style, as on the account's line.
            let rest = first.to_string()[text::REGION_KEY.keys.len()..].to_string();
            *first = Line::from(vec![
                Span::styled(text::REGION_KEY.keys, theme.key()),
                Span::raw(rest),
            ]);
        }
        header.extend(lines);
    }
    header.push(Line::default());
    let [top, list_area] = split::rows(area, [Fixed(header.len() as u16), Rest]);
    frame.render_widget(Paragraph::new(header), top);
    if state.subscriptions.is_empty() {
        // With several accounts, they are listed all the same, with their decisions.
        let width = usize::from(list_area.width.saturating_sub(2));
        let mut accounts: Vec<Line> = (0..state.accounts.len())
            .filter(|_| state.several_accounts())
            .map(|a| {
                let mut line = account_line(a, wizard, width, day);
                line.spans.insert(0, Span::raw("  "));
                line.style = theme.heading();
                line
            })
            .collect();
        if !accounts.is_empty() {
            accounts.push(Line::default());
        }
        let [accounts_area, rest] = split::rows(list_area, [Fixed(accounts.len() as u16), Rest]);
        frame.render_widget(Paragraph::new(accounts), accounts_area);
        draw_empty(frame, rest, text::HOME_NO_SUBSCRIPTIONS, theme);
        draw_popups(frame, area, wizard, home, theme);
        return;
    }

    let entries = entries(state);
    let count = state.subscriptions.len();
    let total: usize = entries.iter().map(|e| e.height()).sum();
    let overflow = total > list_area.height as usize;
    let [list_area, more_area] = split::rows(list_area, [Rest, Fixed(u16::from(overflow))]);
    let width = list_area.width.saturating_sub(SELECTED_SYMBOL.len() as u16) as usize;
    // Only the rows that show are built (with 50 subscriptions, 7 of 50):
    // the window scrolls as little as keeps the selection in sight, as
    // ratatui's List would from offset 0.
    let height = (list_area.height as usize).max(ITEM_HEIGHT);
    let selected_sub = home.selected().min(count - 1);
    let selected = entries
        .iter()
        .position(|e| matches!(e, Entry::Sub(place, _) if *place == selected_sub))
        .unwrap_or(0);
    let mut start = 0;
    while start < selected && entries[start..=selected].iter().map(Entry::height).sum::<usize>() > height {
        start += 1;
    }
    let mut end = start;
    let mut used = 0;
    while end < entries.len() && used + entries[end].height() <= height {
        used += entries[end].height();
        end += 1;
    }
    let items: Vec<ListItem> = entries[start..end.max(selected + 1)]
        .iter()
        .map(|entry| match entry {
            Entry::Sub(_, index) => item(
                &state.subscriptions[*index],
                rows,
                wizard,
                theme,
                width,
                compact(area),
            ),
            Entry::Account(index) => {
                ListItem::new(account_line(*index, wizard, width, day).style(theme.heading()))
            }
            Entry::NoAccount => {
                ListItem::new(Line::styled(cut(text::NO_ACCOUNT_YET, width), theme.warning()))
            }
        })
        .collect();
    let list = List::new(items)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_style(theme.selected());
    let mut list_state = ListState::default().with_selected(Some(selected - start));
    frame.render_stateful_widget(list, list_area, &mut list_state);
    if overflow {
        let subs = |range: &[Entry]| range.iter().filter(|e| matches!(e, Entry::Sub(..))).count();
        let (above, below) = (subs(&entries[..start]), subs(&entries[end.max(selected + 1)..]));
        frame.render_widget(
            Paragraph::new(Line::styled(text::more(above, below), theme.dim())),
            more_area,
        );
    }

    draw_popups(frame, area, wizard, home, theme);
}

/// The boxes over Home: naming an account, renaming a plan, confirming a removal.
fn draw_popups(frame: &mut Frame, area: Rect, wizard: &Wizard, home: &Home, theme: &Theme) {
    let state = wizard.state();
    if let Some(field) = home.adding_account() {
        let inner = popup_inner_width(area);
        let (line, cursor) = text_field_line(
            text::NEW_ACCOUNT_PROMPT,
            &crate::wizard::view::FieldState::text(field),
            inner,
            theme,
        );
        let mut lines = vec![line, Line::default()];
        let (title, keys) = match home.naming_first() {
            true => (text::FIRST_ACCOUNT_TITLE, text::FIRST_ACCOUNT_KEYS),
            false => (text::NEW_ACCOUNT_TITLE, text::NEW_ACCOUNT_KEYS),
        };
        lines.extend(wrap_styled(keys, inner, 0, theme.dim()));
        let rect = popup(frame, area, title, lines, theme);
        frame.set_cursor_position(Position::new(rect.x + 2 + cursor, rect.y + 1));
    }
    if let Some(field) = home.renaming() {
        let inner = popup_inner_width(area);
        let (line, cursor) = text_field_line(
            text::RENAME_PROMPT,
            &crate::wizard::view::FieldState::text(field),
            inner,
            theme,
        );
        let lines = vec![
            line,
            Line::default(),
            Line::styled(text::RENAME_KEYS, theme.dim()),
        ];
        let rect = popup(frame, area, text::RENAME_TITLE, lines, theme);
        // The text cursor on the name, inside the box's border and padding.
        frame.set_cursor_position(Position::new(rect.x + 2 + cursor, rect.y + 1));
    }
    if let Some(id) = home.confirm_remove() {
        let label = state.subscription(id).map_or(id, |s| s.label.as_str());
        let lines = vec![
            Line::from(text::confirm_remove(label, id)),
            Line::default(),
            Line::styled(text::CONFIRM_KEYS, theme.key()),
        ];
        popup(frame, area, text::REMOVE_TITLE, lines, theme);
    }
}

/// A line of Home's list: an account heading its group (with several), or
/// a subscription (its place in the display order, its index in the state).
enum Entry {
    Account(usize),
    /// The heading of the plans whose account is not named yet.
    NoAccount,
    Sub(usize, usize),
}

impl Entry {
    fn height(&self) -> usize {
        match self {
            Entry::Account(_) | Entry::NoAccount => 1,
            Entry::Sub(..) => ITEM_HEIGHT,
        }
    }
}

/// The list in order: with one account its subscriptions; with several,
/// each account followed by the subscriptions it pays for.
fn entries(state: &crate::domain::state::State) -> Vec<Entry> {
    let order = display_order(state);
    if !state.several_accounts() {
        return order
            .into_iter()
            .enumerate()
            .map(|(p, i)| Entry::Sub(p, i))
            .collect();
    }
    let mut out = Vec::new();
    let mut place = 0;
    for (a, account) in state.accounts.iter().enumerate() {
        out.push(Entry::Account(a));
        for index in order.iter().filter(|i| {
            let sub = &state.subscriptions[**i];
            sub.account == account.id && !sub.account_unknown
        }) {
            out.push(Entry::Sub(place, *index));
            place += 1;
        }
    }
    let unknown: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| state.subscriptions[*i].account_unknown)
        .collect();
    if !unknown.is_empty() {
        out.push(Entry::NoAccount);
        for index in unknown {
            out.push(Entry::Sub(place, index));
            place += 1;
        }
    }
    out
}

/// An account's heading in the list, cut to the width.
fn account_line(
    index: usize,
    wizard: &Wizard,
    width: usize,
    day: fn(chrono::NaiveDate) -> String,
) -> Line<'static> {
    let state = wizard.state();
    Line::raw(cut(&account_heading(state, &state.accounts[index], day), width))
}

/// Two lines: label (plan, id), then its next date or what is missing.
fn item<'a>(
    sub: &Subscription,
    rows: &[Deadline],
    wizard: &Wizard,
    theme: &Theme,
    width: usize,
    compact: bool,
) -> ListItem<'a> {
    let policy = wizard.policy();
    let id = format!(" {}", sub.id);
    // The label (with a trial's length), then the plan unless the label is
    // its name; what does not fit before the id is cut with "…", the label last.
    let label = text::display_label(sub, policy);
    let plan = sub
        .plan
        // A trial's label already says "trial".
        .filter(|p| *p != PlanKind::FreeTrial)
        .map(|p| &policy.plan(p).name)
        .filter(|n| **n != sub.label)
        .map(|name| format!(" · {name}"));
    let room = width.saturating_sub(id.len());
    let mut first = if label.width() + plan.as_ref().map_or(0, |p| p.width()) <= room {
        let mut spans = vec![Span::styled(label, theme.heading())];
        spans.extend(plan.map(Span::raw));
        spans
    } else if label.width() < room {
        let rest = room - label.width();
        let mut spans = vec![Span::styled(label, theme.heading())];
        spans.extend(plan.map(|p| Span::raw(cut(&p, rest))));
        spans
    } else {
        vec![Span::styled(cut(&label, room), theme.heading())]
    };
    let used: usize = first.iter().map(|s| s.width()).sum();
    first.push(Span::raw(" ".repeat(width.saturating_sub(used + id.len()))));
    first.push(Span::styled(id, theme.dim()));

    let second = match row_status(sub, rows, wizard.state(), policy, wizard.today()) {
        RowStatus::Incomplete => {
            let answered = [
                sub.channel.is_some(),
                sub.plan.is_some(),
                sub.started.is_some(),
                sub.certificate_earned.is_some(),
            ];
            let [channel, plan, started, certificate] = answered;
            let mut line = format!(
                "{INCOMPLETE_SYMBOL} {}",
                text::missing(channel, plan, started, certificate)
            );
            if line.width() > width {
                // Too long to name them all: the count never cuts a word.
                let count = answered.iter().filter(|a| !**a).count();
                line = format!("{INCOMPLETE_SYMBOL} {}", text::missing_count(count));
            }
            Line::styled(line, theme.warning())
        }
        RowStatus::TrialBecamePaid(on) => {
            let became = text::trial_became_paid_short(&format_date(on));
            Line::styled(format!("{ERROR_SYMBOL} {became}"), theme.error())
        }
        RowStatus::Due(row) => deadline_line(&crate::wizard::view::DueLine::of(row, policy), theme, compact),
        RowStatus::NotChargedAgain(until) => {
            // The longest of these that fits.
            let long = until.map(long_date);
            let short = until.map(format_date);
            let mut tries = vec![
                text::not_charged_again(long.as_deref()),
                text::not_charged_again(short.as_deref()),
            ];
            tries.extend(short.as_deref().map(text::not_charged_again_until));
            tries.push(text::not_charged_again_short(short.as_deref()));
            let line = tries
                .into_iter()
                .find(|l| l.width() <= width)
                .unwrap_or_else(|| text::not_charged_again_short(short.as_deref()));
            Line::styled(line, theme.done())
        }
        RowStatus::NoDates => Line::styled(format!("  {}", text::NO_DATES), theme.dim()),
    };
    ListItem::new(vec![Line::from(first), second])
}

/// What to do about a missed cancel-by: cancel today anyway, before the charge.
fn cancel_today(row: &Deadline, rows: &[Deadline], compact: bool) -> String {
    let next = rows
        .iter()
        .find(|d| d.subscription == row.subscription && d.days_left >= 0 && d.kind.is_charge())
        .map(|d| {
            let day = if compact {
                format_date(d.date)
            } else {
                long_date(d.date)
            };
            (day, d.days_left)
        });
    let next = next.as_ref().map(|(day, left)| (day.as_str(), *left));
    text::cancel_overdue(next, None, true)
}

/// `line` as is when it fits `width`, else with the spans that do not fit on
/// a second, indented line (a deadline's "· in 31 days"), never cut.
fn fit(line: Line<'_>, width: usize) -> Vec<Line<'_>> {
    if line.width() <= width {
        return vec![line];
    }
    let mut first = Vec::new();
    let mut rest = vec![Span::raw("    ")];
    let mut used = 0;
    for span in line.spans {
        if rest.len() == 1 && (first.is_empty() || used + span.width() <= width) {
            used += span.width();
            first.push(span);
        } else {
            let content = span.content.trim_start_matches([' ', '·']).to_string();
            rest.push(Span::styled(content, span.style));
        }
    }
    vec![Line::from(first), Line::from(rest)]
}

/// Too narrow for weekdays beside the dates.
fn compact(area: Rect) -> bool {
    area.width < NARROW
}

/// The invitation to add a first subscription, under `heading`.
fn draw_empty(frame: &mut Frame, area: Rect, heading: &str, theme: &Theme) {
    let [_, rest @ ..] = text::HOME_EMPTY;
    let width = usize::from(area.width);
    let mut lines = wrap_styled(heading, width, 0, theme.heading());
    lines.push(Line::default());
    for paragraph in rest {
        // A paragraph that does not fit whole is left out, never cut mid-sentence.
        let wrapped = wrap(paragraph, width, 0);
        if lines.len() + wrapped.len() > usize::from(area.height) {
            break;
        }
        lines.extend(wrapped.into_iter().map(Line::from));
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines), area);
}
