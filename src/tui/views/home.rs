//! Home: every subscription with its next date, the most urgent one on top.

use super::lines::Lines;
use super::list::SelectList;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::ListState;
use unicode_width::UnicodeWidthStr;

use super::parts::{
    NARROW, deadline_line, popup, popup_inner_width, text_field_error, text_field_line, whole_deadline_line,
};
use super::wrap::{cut, wrap, wrap_styled};
use crate::tui::theme::{ERROR_SYMBOL, INCOMPLETE_SYMBOL, SELECTED_SYMBOL, Theme, urgency_symbol};
use crate::wizard::text;
use crate::wizard::view::PageView;
use crate::wizard::view::home::{Dated, HomeFull, HomeLine, NotCharged, SubLine, SubStatus};

/// Each subscription takes two lines.
const ITEM_HEIGHT: usize = 2;

pub fn draw(frame: &mut Frame, area: Rect, view: &PageView, home: &HomeFull, theme: &Theme) {
    if home.welcome {
        draw_empty(frame, area, text::HOME_EMPTY[0], theme);
        draw_popups(frame, area, view, home, theme);
        return;
    }
    let width = area.width as usize;
    let day = |dated: &Dated| {
        if compact(area) {
            dated.short.clone()
        } else {
            dated.long.clone()
        }
    };
    let mut header = Vec::new();
    if let Some(stale) = &home.stale {
        header.extend(wrap_styled(&format!("! {stale}"), width, 2, theme.warning()));
    }
    if let Some(banner) = &home.banner {
        let urgency = banner.due.urgency;
        let style = theme.urgency(urgency).add_modifier(Modifier::BOLD);
        let words = format!("{} {}", urgency_symbol(urgency), banner.words);
        header.extend(wrap_styled(&words, width, 2, style));
        let mut when = whole_deadline_line(&banner.due, theme, compact(area));
        when.spans.insert(0, Span::raw("  "));
        header.extend(fit(when, width));
        // A date gone by says what can still be done.
        if let Some(advice) = &banner.advice {
            header.extend(wrap_styled(
                &format!("  {}", day(advice)),
                width,
                4,
                theme.warning(),
            ));
        }
    }
    if let Some(what) = &home.continue_to {
        let words = format!("{}: {what}", text::CONTINUE);
        header.extend(keyed("c", &words, width, theme));
    }
    header.extend(keyed(text::ACCOUNT_KEY.keys, &day(&home.account), width, theme));
    if let Some(due) = &home.account_due {
        let mut when = whole_deadline_line(due, theme, compact(area));
        when.spans.insert(0, Span::raw("  "));
        header.extend(fit(when, width));
    }
    if home.region_unanswered {
        let words = text::HOME_REGION_UNANSWERED;
        header.extend(keyed(text::REGION_KEY.keys, words, width, theme));
    }
    header.push(Line::default());
    let [top, list_area] = split::rows(area, [Fixed(header.len() as u16), Rest]);
    frame.render_widget(Lines::new(header), top);
    if home.lines.is_empty() {
        // With several accounts, they are listed all the same, with their decisions.
        let width = usize::from(list_area.width.saturating_sub(2));
        let mut accounts: Vec<Line> = home
            .accounts
            .iter()
            .map(|heading| {
                let mut line = Line::raw(cut(&day(heading), width));
                line.spans.insert(0, Span::raw("  "));
                line.style = theme.heading();
                line
            })
            .collect();
        if !accounts.is_empty() {
            accounts.push(Line::default());
        }
        let [accounts_area, rest] = split::rows(list_area, [Fixed(accounts.len() as u16), Rest]);
        frame.render_widget(Lines::new(accounts), accounts_area);
        draw_empty(frame, rest, text::HOME_NO_SUBSCRIPTIONS, theme);
        draw_popups(frame, area, view, home, theme);
        return;
    }

    let entries = &home.lines;
    // The list's width, after the selection mark (the scroll bar's row does not change it).
    let width = list_area.width.saturating_sub(SELECTED_SYMBOL.len() as u16) as usize;
    let heights: Vec<usize> = entries.iter().map(|e| height(e, width)).collect();
    let total: usize = heights.iter().sum();
    let overflow = total > list_area.height as usize;
    let [list_area, more_area] = split::rows(list_area, [Rest, Fixed(u16::from(overflow))]);
    // Only the rows that show are built (with 50 subscriptions, 7 of 50):
    // the window scrolls as little as keeps the selection in sight, as
    // ratatui's List would from offset 0.
    let room = (list_area.height as usize).max(ITEM_HEIGHT);
    let selected = home.selected.min(entries.len() - 1);
    let mut start = 0;
    while start < selected && heights[start..=selected].iter().sum::<usize>() > room {
        start += 1;
    }
    let mut end = start;
    let mut used = 0;
    while end < entries.len() && used + heights[end] <= room {
        used += heights[end];
        end += 1;
    }
    let items: Vec<Text> = entries[start..end.max(selected + 1)]
        .iter()
        .map(|entry| match entry {
            HomeLine::Sub(sub) => item(sub, theme, width, compact(area)),
            HomeLine::Account(index) => {
                Text::from(Line::raw(cut(&day(&home.accounts[*index]), width)).style(theme.heading()))
            }
            HomeLine::NoAccount => {
                Text::from(Line::styled(cut(text::NO_ACCOUNT_YET, width), theme.warning()))
            }
        })
        .collect();
    let list = SelectList::new(items)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_style(theme.selected());
    let mut list_state = ListState::default().with_selected(Some(selected - start));
    frame.render_stateful_widget(list, list_area, &mut list_state);
    if overflow {
        let subs = |range: &[HomeLine]| range.iter().filter(|e| matches!(e, HomeLine::Sub(_))).count();
        let (above, below) = (subs(&entries[..start]), subs(&entries[end.max(selected + 1)..]));
        frame.render_widget(
            Lines::new(Line::styled(text::more(above, below), theme.dim())),
            more_area,
        );
    }

    draw_popups(frame, area, view, home, theme);
}

/// The boxes over Home: naming an account, renaming a plan, confirming a removal.
fn draw_popups(frame: &mut Frame, area: Rect, view: &PageView, home: &HomeFull, theme: &Theme) {
    if let Some(field) = &home.adding_account {
        let inner = popup_inner_width(area);
        let (line, cursor) = text_field_line(text::NEW_ACCOUNT_PROMPT, field, inner, theme);
        let mut lines = vec![line];
        lines.extend(text_field_error(field, inner, 0, theme));
        lines.push(Line::default());
        let (title, keys) = match home.naming_first {
            true => (text::FIRST_ACCOUNT_TITLE, text::FIRST_ACCOUNT_KEYS),
            false => (text::NEW_ACCOUNT_TITLE, text::NEW_ACCOUNT_KEYS),
        };
        lines.extend(wrap_styled(keys, inner, 0, theme.dim()));
        let rect = popup(frame, area, title, lines, theme);
        frame.set_cursor_position(Position::new(rect.x + 2 + cursor, rect.y + 1));
    }
    if let Some(field) = &home.renaming {
        let inner = popup_inner_width(area);
        let (line, cursor) = text_field_line(text::RENAME_PROMPT, field, inner, theme);
        let mut lines = vec![line];
        lines.extend(text_field_error(field, inner, 0, theme));
        lines.extend([Line::default(), Line::styled(text::RENAME_KEYS, theme.dim())]);
        let rect = popup(frame, area, text::RENAME_TITLE, lines, theme);
        // The text cursor on the name, inside the box's border and padding.
        frame.set_cursor_position(Position::new(rect.x + 2 + cursor, rect.y + 1));
    }
    if let Some(confirm) = &view.confirm {
        let mut lines: Vec<Line> = confirm.lines.iter().map(|p| Line::from(p.text.clone())).collect();
        lines.push(Line::default());
        lines.push(Line::styled(text::CONFIRM_KEYS, theme.key()));
        popup(frame, area, &confirm.title, lines, theme);
    }
}

/// How many rows a line of the list takes in `width` columns.
fn height(line: &HomeLine, width: usize) -> usize {
    match line {
        HomeLine::Account(_) | HomeLine::NoAccount => 1,
        HomeLine::Sub(SubLine {
            status: SubStatus::NotChargedAgain(said),
            ..
        }) => 1 + not_charged_again(said, width).len(),
        HomeLine::Sub(_) => ITEM_HEIGHT,
    }
}

/// A cancelled plan's status in `width` columns: SPEC §3's sentence ("✓ You
/// will not be charged again; access until D") on one line where it fits,
/// else on two, broken after "again;"; a shorter wording only where even
/// that does not fit.
fn not_charged_again(said: &NotCharged, width: usize) -> Vec<String> {
    if let Some(one) = said.sentence.iter().find(|w| w.width() <= width) {
        return vec![one.clone()];
    }
    for sentence in &said.sentence {
        if let Some((first, rest)) = sentence.split_once("; ") {
            let lines = [format!("{first};"), format!("  {rest}")];
            if lines.iter().all(|l| l.width() <= width) {
                return lines.to_vec();
            }
        }
    }
    vec![cut(&said.short, width)]
}

/// Two lines: label (plan, id), then its next date or what is missing (a
/// cancelled plan's sentence may take two).
fn item<'a>(sub: &SubLine, theme: &Theme, width: usize, compact: bool) -> Text<'a> {
    let id = format!(" {}", sub.id);
    // The label, then the plan; what does not fit before the id is cut
    // with "…", the label last.
    let label = sub.label.clone();
    let plan = sub.plan.as_ref().map(|name| format!(" · {name}"));
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

    let second = match &sub.status {
        SubStatus::Incomplete(wordings) => {
            let line = longest_fitting(wordings.iter().map(|w| format!("{INCOMPLETE_SYMBOL} {w}")), width);
            Line::styled(line, theme.warning())
        }
        SubStatus::TrialBecamePaid(became) => Line::styled(format!("{ERROR_SYMBOL} {became}"), theme.error()),
        SubStatus::Due(due) => deadline_line(due, theme, compact, width),
        SubStatus::NotChargedAgain(said) => {
            let mut lines = vec![Line::from(first)];
            lines.extend(
                not_charged_again(said, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.done())),
            );
            return Text::from(lines);
        }
        SubStatus::NoDates => Line::styled(format!("  {}", text::NO_DATES), theme.dim()),
    };
    Text::from(vec![Line::from(first), second])
}

/// The first of `wordings` (longest first) that fits `width`, else the last.
fn longest_fitting(wordings: impl Iterator<Item = String>, width: usize) -> String {
    let mut last = String::new();
    for wording in wordings {
        if wording.width() <= width {
            return wording;
        }
        last = wording;
    }
    last
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
    frame.render_widget(Lines::new(lines), area);
}

/// "KEY what it does", wrapped under itself rather than cut (at 60x20 a long
/// label would lose its end), the key in its own style.
fn keyed(key: &str, words: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = wrap_styled(&format!("{key} {words}"), width, 2, Style::default());
    if let Some(first) = lines.first_mut() {
        let rest = first.to_string()[key.len()..].to_string();
        *first = Line::from(vec![Span::styled(key.to_string(), theme.key()), Span::raw(rest)]);
    }
    lines
}
