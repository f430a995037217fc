//! Deadlines: one row per date, in the domain's order, urgency by symbol and
//! colour; below the table, what the highlighted row asks and where the rule
//! comes from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListItem, ListState, Paragraph, Wrap};

use super::parts::{deadline_summary, source_line};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Deadline, deadlines};
use crate::domain::policy::Policy;
use crate::tui::theme::{DONE_SYMBOL, SELECTED_SYMBOL, Theme, urgency_symbol};
use crate::wizard::Wizard;
use crate::wizard::deadlines::Deadlines;
use crate::wizard::field::format_date;
use crate::wizard::text;

/// From this width on, a row fits on one line with the weekday.
const ONE_LINE: u16 = 50;

pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Deadlines, theme: &Theme) {
    let policy = wizard.policy();
    let rows = deadlines(wizard.state(), &policy.rules, wizard.today());
    if rows.is_empty() {
        draw_empty(frame, area, theme);
        return;
    }
    let selected = page.selected(&rows);
    let wide = area.width >= ONE_LINE;
    let width = area.width as usize;
    // The table keeps most of the pane; the details take what they need of the rest.
    let budget = (area.height as usize * 2 / 5).max(3);
    let detail = detail(&rows[selected], policy, theme, width, budget);
    let detail_height = detail.len().min(budget) as u16;
    // The line between table and details says what is out of sight, if anything.
    let [header, table, more, detail_area] = area.layout(&Layout::vertical([
        Constraint::Length(u16::from(wide)),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(detail_height),
    ]));
    let when_width = rows
        .iter()
        .map(|r| text::days_left(r.days_left).chars().count())
        .max()
        .unwrap_or(0)
        .max(text::COLUMN_WHEN.len());
    let inner = width.saturating_sub(SELECTED_SYMBOL.len());
    if wide {
        let head = format!(
            "{}  {:<14} {:<when_width$}  {}",
            " ".repeat(SELECTED_SYMBOL.len()),
            text::COLUMN_DATE,
            text::COLUMN_WHEN,
            text::COLUMN_WHAT
        );
        frame.render_widget(Paragraph::new(Line::styled(head, theme.dim())), header);
    }
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| {
            let lines = if wide {
                vec![one_line(row, policy, theme, when_width, inner)]
            } else {
                two_lines(row, policy, theme, inner)
            };
            ListItem::new(lines)
        })
        .collect();
    let row_height = if wide { 1 } else { 2 };
    let list = List::new(items)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_style(theme.selected());
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, table, &mut state);
    let shown = (table.height as usize / row_height).max(1);
    let above = state.offset();
    let below = rows.len().saturating_sub(above + shown);
    if above + below > 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(text::more(above, below), theme.dim())),
            more,
        );
    }
    frame.render_widget(Paragraph::new(detail), detail_area);
}

/// The symbol and style of a row: done rows are dimmed with ✓, the others by urgency.
fn marks(row: &Deadline, theme: &Theme) -> (&'static str, Style, Style) {
    if row.done {
        (DONE_SYMBOL, theme.done(), theme.dim())
    } else {
        let style = theme.urgency(row.urgency);
        (urgency_symbol(row.urgency), style, style)
    }
}

fn what(row: &Deadline, policy: &Policy) -> String {
    format!("{} · {}", policy.deadline(row.kind).title, row.label)
}

/// `✗ Mon 2026-02-23  6 days ago    Refund by · Python course`
fn one_line<'a>(row: &Deadline, policy: &Policy, theme: &Theme, when_width: usize, width: usize) -> Line<'a> {
    let (symbol, mark, style) = marks(row, theme);
    let lead = format!(
        " {} {:<when_width$}  ",
        long_date(row.date),
        text::days_left(row.days_left)
    );
    let room = width.saturating_sub(1 + lead.chars().count());
    let what_style = if row.done { theme.dim() } else { Style::new() };
    Line::from(vec![
        Span::styled(symbol, mark),
        Span::styled(lead, style),
        Span::styled(fit(&what(row, policy), room), what_style),
    ])
}

/// Narrow terminals: the date and days left, then what, indented.
fn two_lines<'a>(row: &Deadline, policy: &Policy, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let (symbol, mark, style) = marks(row, theme);
    let date = if width >= 30 {
        long_date(row.date)
    } else {
        format_date(row.date)
    };
    let what_style = if row.done { theme.dim() } else { Style::new() };
    vec![
        Line::from(vec![
            Span::styled(symbol, mark),
            Span::styled(format!(" {date} · {}", text::days_left(row.days_left)), style),
        ]),
        Line::styled(
            format!("  {}", fit(&what(row, policy), width.saturating_sub(2))),
            what_style,
        ),
    ]
}

/// What the highlighted row asks, how, and the rule's source, wrapped to
/// `width` in at most `budget` lines: the how-to is cut first (with "…").
fn detail<'a>(row: &Deadline, policy: &Policy, theme: &Theme, width: usize, budget: usize) -> Vec<Line<'a>> {
    let rule = policy.deadline(row.kind);
    let mut summary = deadline_summary(row, policy);
    if row.done {
        summary = format!("{} {summary}", text::ROW_DONE);
    }
    let summary = hard_wrap(&summary, width);
    let source = hard_wrap(&source_line(&rule.origin, theme).to_string(), width);
    let mut how = hard_wrap(&rule.how, width);
    let room = budget.saturating_sub(summary.len() + source.len());
    if how.len() > room {
        how.truncate(room);
        if let Some(last) = how.last_mut() {
            *last = fit(&format!("{last} …"), width);
        }
    }
    let heading = theme.heading().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = summary.into_iter().map(|l| Line::styled(l, heading)).collect();
    lines.extend(how.into_iter().map(Line::from));
    lines.extend(source.into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

fn draw_empty(frame: &mut Frame, area: Rect, theme: &Theme) {
    let [first, rest] = text::DEADLINES_EMPTY;
    let lines = vec![
        Line::styled(first, theme.heading()),
        Line::default(),
        Line::from(rest),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// `text` cut to `width` columns, with "…" when something was cut.
pub(super) fn fit(text: &str, width: usize) -> String {
    if Span::raw(text).width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = Span::raw(c.to_string()).width();
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Word wrap that also breaks a word longer than the line (a web address),
/// filling the line it starts on.
pub(super) fn hard_wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let gap = usize::from(used > 0);
        if used + gap + len <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += gap + len;
            continue;
        }
        if len <= width {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
            used = len;
            continue;
        }
        // Too long for any line: fill this one, then whole lines.
        if used + gap < width && used > 0 {
            line.push(' ');
            used += 1;
        } else if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            if used == width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += 1;
        }
    }
    lines.push(line);
    lines
}
