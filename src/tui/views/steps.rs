//! Steps: the channel's steps ticked one by one, its warnings, the refund
//! steps while a refund is possible; a pause's how-to and recorded start; or
//! the account's footprint steps. The list scrolls to keep the highlighted
//! step in sight; dates come from the domain's rows.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::parts::{NARROW, date_field, deadline_line, source_line, text_field_line};
use super::wrap::{wrap, wrap_line, wrap_styled};
use crate::domain::checklist::{CANCELLED, Item, REFUND_RECEIVED, REFUND_REQUESTED};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Deadline, DeadlineKind};
use crate::domain::plan::{Channel, Decision};
use crate::domain::policy::{Policy, Source};
use crate::tui::theme::{DONE_SYMBOL, ERROR_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::steps::{Editing, Entry, Steps};
use crate::wizard::text;
use crate::wizard::view::steps as shared;

/// Where a step's text starts: "> [✓] ".
const ITEM_INDENT: usize = 6;

/// What every part of the list needs to draw itself.
struct View<'v> {
    page: &'v Steps,
    policy: &'v Policy,
    theme: &'v Theme,
    entries: Vec<Entry>,
    cursor: usize,
    width: usize,
    compact: bool,
    /// The open date field's lines, if one is open.
    date_lines: Vec<Line<'static>>,
    /// The refund steps lead (chosen to get the money back).
    refund_first: bool,
}

/// One line of the list: the entry it belongs to, and the block (a step,
/// a wrapped paragraph) it is part of, so scrolling never starts mid-block.
struct BodyLine<'a> {
    line: Line<'a>,
    entry: Option<usize>,
    block: usize,
}

struct Body<'a> {
    lines: Vec<BodyLine<'a>>,
    /// The line of the open field and the cursor's column on it.
    cursor: Option<(usize, u16)>,
}

impl<'a> Body<'a> {
    /// A line of `entry`: a step's lines are one block.
    fn push(&mut self, line: Line<'a>, entry: Option<usize>) {
        let last = self.lines.last();
        let same = entry.is_some() && last.is_some_and(|l| l.entry == entry);
        self.add(line, entry, same);
    }

    fn add(&mut self, line: Line<'a>, entry: Option<usize>, same_block: bool) {
        let block = match self.lines.last() {
            Some(last) if same_block => last.block,
            Some(last) => last.block + 1,
            None => 0,
        };
        self.lines.push(BodyLine { line, entry, block });
    }

    /// Lines that read as one paragraph.
    fn paragraph(&mut self, lines: Vec<Line<'a>>) {
        for (i, line) in lines.into_iter().enumerate() {
            self.add(line, None, i > 0);
        }
    }

    fn text(&mut self, text: &str, width: usize, indent: usize, style: Style) {
        self.paragraph(wrap_styled(text, width, indent, style));
    }
}

pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Steps, theme: &Theme) {
    let (state, policy, today) = (wizard.state(), wizard.policy(), wizard.today());
    let sub = page.id().and_then(|id| state.subscription(id));
    if page.id().is_some() && sub.is_none() {
        return;
    }
    let width = area.width as usize;
    let compact = width < usize::from(NARROW);
    // This subscription's rows, from the deadlines the wizard keeps (the same
    // as `page.dates`, without recomputing every subscription's each frame).
    let rows: Vec<&Deadline> = match page.id() {
        Some(id) => wizard
            .deadlines()
            .iter()
            .filter(|d| d.subscription.as_deref() == Some(id))
            .collect(),
        None => Vec::new(),
    };
    let row = |kinds: &[DeadlineKind]| rows.iter().copied().find(|d| kinds.contains(&d.kind));

    let mut head: Vec<Line> = Vec::new();
    let heading = crate::wizard::view::steps::heading(sub, policy);
    head.extend(wrap_styled(&heading, width, 0, theme.heading()));
    let sections = sub.map(|s| shared::sections(wizard, page, s));
    if let Some(paid) = sub.and_then(|s| shared::paid_by(state, s)) {
        head.extend(wrap_styled(&paid, width, 0, theme.dim()));
    }
    if let Some(on) = sections.as_ref().and_then(|s| s.converted_on) {
        let became = format!("{ERROR_SYMBOL} {}", text::trial_became_paid(&long_date(on)));
        head.extend(wrap_styled(&became, width, 2, theme.error()));
        head.extend(wrap_styled(text::STEPS_CONVERTED_HINT, width, 0, theme.dim()));
    }
    if let Some(sub) = sub {
        match sub.cancelled_on {
            // Nothing more to pay: that, not a deadline, is the news.
            Some(on) => {
                let until = row(&[DeadlineKind::AccessUntil, DeadlineKind::TrialLastDay]);
                let line = text::cancelled_on(&long_date(on), until.map(|d| long_date(d.date)).as_deref());
                head.extend(wrap_styled(&line, width, 2, theme.done()));
            }
            None if sections.as_ref().is_some_and(|s| s.cancel_by_leads) => {
                if let Some(cancel_by) = row(&[DeadlineKind::CancelBy]) {
                    head.push(deadline_line(
                        &crate::wizard::view::DueLine::of(cancel_by, policy),
                        theme,
                        compact,
                    ));
                    if cancel_by.days_left < 0 {
                        let advice = shared::cancel_overdue_advice(&rows, sub, wizard);
                        head.extend(wrap_styled(&format!("! {advice}"), width, 2, theme.warning()));
                    }
                }
            }
            None => {}
        }
    }
    head.push(Line::default());

    let date_lines = match page.editing() {
        // An empty area: the cursor is placed once the list is scrolled.
        Some(Editing::Date { field, .. }) => date_field(
            frame,
            Rect::default(),
            &crate::wizard::view::FieldState::date(field),
            theme,
        ),
        _ => Vec::new(),
    };
    let view = View {
        page,
        policy,
        theme,
        entries: page.entries(state, policy, today),
        cursor: page.cursor(state, policy, today),
        width,
        compact,
        date_lines,
        refund_first: page.refund_first(state),
    };
    let items = page.items(state, policy, today);
    let mut body = Body {
        lines: Vec::new(),
        cursor: None,
    };
    let mut origins: Vec<&Source> = Vec::new();
    let entry_at = |e: &Entry| view.entries.iter().position(|x| x == e);

    match sub.map(|s| (s, s.decision)) {
        None => {
            body.text(&policy.account_keep.summary, width, 0, Style::default());
            body.push(Line::default(), None);
            item_lines(&mut body, &view, &items);
            origins.push(&policy.account_keep.origin);
        }
        Some((sub, Some(Decision::Pause))) => {
            body.text(&format!("! {}", policy.pause.caveat), width, 2, theme.warning());
            body.text(&policy.pause.how, width, 0, Style::default());
            body.push(Line::default(), None);
            if let (Some(pause), Some(at)) = (sub.pause, entry_at(&Entry::Pause)) {
                let line = text::pause_recorded(&long_date(pause.from), pause.months);
                let selected = at == view.cursor;
                let style = if selected {
                    theme.selected()
                } else {
                    theme.heading()
                };
                let lead = if selected { SELECTED_SYMBOL } else { "  " };
                for (i, l) in wrap(&line, width.saturating_sub(2), 0).into_iter().enumerate() {
                    let lead = if i == 0 { lead } else { "  " };
                    body.push(Line::styled(format!("{lead}{l}"), style), Some(at));
                }
                for l in wrap(text::PAUSE_DATE_HINT, width.saturating_sub(2), 0) {
                    body.push(Line::styled(format!("  {l}"), theme.dim()), Some(at));
                }
                date_editor(&mut body, &view, &Entry::Pause, at);
            }
            for d in rows
                .iter()
                .filter(|d| matches!(d.kind, DeadlineKind::PauseResumes | DeadlineKind::CancelBy))
            {
                body.push(
                    indented(deadline_line(
                        &crate::wizard::view::DueLine::of(d, policy),
                        theme,
                        compact,
                    )),
                    None,
                );
            }
            origins.push(&policy.pause.origin);
        }
        Some((_, Some(Decision::Keep))) => {
            body.text(text::KEEP_NOTHING_TO_DO, width, 0, Style::default());
            let kept = [
                DeadlineKind::FirstCharge,
                DeadlineKind::NextCharge,
                DeadlineKind::Renewal,
                DeadlineKind::CancelBy,
            ];
            for d in rows.iter().filter(|d| kept.contains(&d.kind)) {
                body.push(
                    indented(deadline_line(
                        &crate::wizard::view::DueLine::of(d, policy),
                        theme,
                        compact,
                    )),
                    None,
                );
            }
        }
        Some((sub, _)) => {
            let sections = sections.unwrap_or_else(|| shared::sections(wizard, page, sub));
            cancel_lines(&mut body, &view, &sections, &rows);
            if let Some(channel) = sections.cancel_channel {
                origins.push(&policy.channel(channel).origin);
            }
            if !sections.refund.is_empty() {
                origins.push(&policy.deadline(DeadlineKind::RefundBy).origin);
            }
            if !sections.refund.is_empty() || sections.app_store_refund {
                origins.push(&policy.refund.origin);
            }
        }
    }
    body.push(Line::default(), None);
    if let Some(at) = entry_at(&Entry::Finish) {
        let selected = at == view.cursor;
        let (lead, style) = if selected {
            (SELECTED_SYMBOL, theme.selected())
        } else {
            ("  ", theme.key())
        };
        body.push(
            Line::styled(format!("{lead}{}", text::FINISH_ROW), style),
            Some(at),
        );
    }
    for origin in origins {
        body.paragraph(wrap_line(
            &source_line(&text::source(&origin.source, &origin.as_of), theme),
            width,
            2,
        ));
    }

    let [head_area, body_area] = split::rows(area, [Fixed(head.len() as u16), Rest]);
    frame.render_widget(Paragraph::new(head), head_area);
    render_body(frame, body_area, body, view.cursor, theme);
}

/// Draws the part of the list around the highlighted entry.
fn render_body(frame: &mut Frame, area: Rect, body: Body, cursor: usize, theme: &Theme) {
    let height = area.height as usize;
    let total = body.lines.len();
    let overflow = total > height;
    let room = if overflow {
        height.saturating_sub(1)
    } else {
        height
    };
    let mine = |l: &BodyLine| l.entry == Some(cursor);
    let first = body.lines.iter().position(mine).unwrap_or(0);
    let mut last = body.lines.iter().rposition(mine).unwrap_or(0);
    if let Some((line, _)) = body.cursor {
        last = last.max(line);
    }
    let mut offset = 0;
    if overflow {
        // Past the last entry only text follows (the sources): the last
        // entry shows it all, or no key could ever bring it into sight.
        let tail = !body.lines[last + 1..].iter().any(|l| l.entry.is_some());
        let want = if tail { total } else { last + 1 };
        // Beyond `end` the list would leave blank rows below its last line.
        let end = total - room;
        // The whole entry in sight, its top first when it is taller than the room.
        offset = want.saturating_sub(room).min(first).min(end);
        // Never start halfway through a step or a paragraph; moving the top
        // down keeps the entry's end in sight.
        let movable = |offset: usize| offset > 0 && offset < first && offset < end;
        while movable(offset) && body.lines[offset].block == body.lines[offset - 1].block {
            offset += 1;
        }
        if movable(offset) && body.lines[offset].line.width() == 0 {
            offset += 1;
        }
    }
    let below = total.saturating_sub(offset + room);
    let mut shown: Vec<Line> = body
        .lines
        .into_iter()
        .skip(offset)
        .take(room)
        .map(|l| l.line)
        .collect();
    if overflow {
        shown.push(Line::styled(text::more(offset, below), theme.dim()));
    }
    frame.render_widget(Paragraph::new(shown), area);
    if let Some((line, column)) = body.cursor
        && line >= offset
        && line < offset + room
    {
        let y = area.y + (line - offset) as u16;
        let x = (area.x + column).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, y));
    }
}

/// What to do once the safe day to cancel has passed: cancel today anyway
/// (the next charge and its day), then what can still come back, if anything.
fn cancel_lines(body: &mut Body, view: &View, sections: &shared::Sections, rows: &[&Deadline]) {
    let policy = view.policy;
    let (refund, steps) = (&sections.refund, &sections.steps);
    if view.refund_first {
        refund_block(body, view, refund, rows);
        // A one-time purchase has nothing to cancel: its refund is all there is.
        if !steps.is_empty() || sections.cancel_channel.is_some() {
            body.push(Line::default(), None);
            cancel_block(body, view, sections.cancel_channel, steps);
        }
    } else {
        cancel_block(body, view, sections.cancel_channel, steps);
        if !refund.is_empty() {
            body.push(Line::default(), None);
            refund_block(body, view, refund, rows);
        }
    }
    if sections.app_store_refund {
        body.push(Line::default(), None);
        body.text(&policy.refund.app_store, view.width, 0, Style::default());
    }
}

/// Where and how to cancel, the channel's warnings, then its steps and
/// "I have cancelled".
fn cancel_block(body: &mut Body, view: &View, channel: Option<Channel>, steps: &[Item]) {
    let (policy, theme, width) = (view.policy, view.theme, view.width);
    if let Some(channel) = channel {
        let rule = policy.channel(channel);
        body.text(
            &text::where_to_cancel(&rule.cancel_where),
            width,
            0,
            Style::default(),
        );
        for warning in &rule.warnings {
            body.text(&format!("! {warning}"), width, 2, theme.warning());
        }
        body.push(Line::default(), None);
    }
    item_lines(body, view, steps);
}

/// The refund: its last days (and, once asked, when the money is due), its
/// steps, then that Coursera may refuse and how long money takes.
fn refund_block(body: &mut Body, view: &View, refund: &[Item], rows: &[&Deadline]) {
    let (policy, theme, width) = (view.policy, view.theme, view.width);
    let kinds = [
        DeadlineKind::RefundBy,
        DeadlineKind::WithdrawalBy,
        DeadlineKind::RefundExpected,
    ];
    let dated: Vec<&&Deadline> = rows.iter().filter(|d| kinds.contains(&d.kind)).collect();
    if dated.is_empty() {
        body.push(Line::styled(text::REFUND_HEADING, theme.heading()), None);
    }
    for d in dated {
        body.push(
            deadline_line(&crate::wizard::view::DueLine::of(d, policy), theme, view.compact),
            None,
        );
    }
    item_lines(body, view, refund);
    // After the steps, so the dates and the first step show together.
    body.text(&policy.refund.may_refuse, width, 0, theme.dim());
    body.text(&policy.refund.wait, width, 0, theme.dim());
}

/// One block per step: "> [✓] 3. text", then when it was done and its note,
/// and the field being edited under it.
fn item_lines(body: &mut Body, view: &View, items: &[Item]) {
    let (page, theme, width, cursor) = (view.page, view.theme, view.width, view.cursor);
    for (n, item) in items.iter().enumerate() {
        let entry = Entry::Item(item.id.clone());
        let Some(at) = view.entries.iter().position(|e| *e == entry) else {
            continue;
        };
        let selected = at == cursor;
        let mark = if item.done {
            format!("[{DONE_SYMBOL}]")
        } else {
            "[ ]".to_string()
        };
        let number = if [CANCELLED, REFUND_REQUESTED, REFUND_RECEIVED].contains(&item.id.as_str()) {
            String::new()
        } else {
            format!("{}. ", n + 1)
        };
        let style = if selected {
            theme.selected()
        } else if item.done {
            theme.done()
        } else {
            Style::default()
        };
        let lead = if selected { SELECTED_SYMBOL } else { "  " };
        let text_width = width.saturating_sub(ITEM_INDENT);
        for (i, l) in wrap(&format!("{number}{}", item.title), text_width, 0)
            .into_iter()
            .enumerate()
        {
            let prefix = if i == 0 {
                format!("{lead}{mark} ")
            } else {
                " ".repeat(ITEM_INDENT)
            };
            body.push(Line::styled(format!("{prefix}{l}"), style), Some(at));
        }
        let mut facts = Vec::new();
        if let Some(on) = item.done_on.filter(|_| item.done) {
            facts.push(text::step_done_on(&long_date(on)));
        }
        let editing_note = matches!(page.editing(), Some(Editing::Note { item: i, .. }) if *i == item.id);
        if let Some(note) = item.note.as_deref().filter(|_| !editing_note) {
            facts.push(format!("{}{note}", text::NOTE));
        }
        if !facts.is_empty() {
            let line = facts.join(" · ");
            for l in wrap(&line, text_width, 0) {
                body.push(
                    Line::styled(format!("{}{l}", " ".repeat(ITEM_INDENT)), theme.dim()),
                    Some(at),
                );
            }
        }
        if let Some(Editing::Note { item: id, field }) = page.editing()
            && *id == item.id
        {
            let indent = " ".repeat(ITEM_INDENT);
            let label = format!("{indent}{}", text::NOTE);
            let (line, cursor) = text_field_line(
                &label,
                &crate::wizard::view::FieldState::text(field),
                width,
                theme,
            );
            body.cursor = Some((body.lines.len(), cursor));
            body.push(line, Some(at));
            for l in wrap(text::NOTE_KEYS, text_width, 0) {
                body.push(Line::styled(format!("{indent}{l}"), theme.dim()), Some(at));
            }
        }
        date_editor(body, view, &entry, at);
    }
}

/// The date field under the entry it belongs to, while open.
fn date_editor(body: &mut Body, view: &View, entry: &Entry, at: usize) {
    let Some(Editing::Date {
        entry: editing,
        field,
    }) = view.page.editing()
    else {
        return;
    };
    if editing != entry {
        return;
    }
    let indent = ITEM_INDENT - 2;
    body.cursor = Some((
        body.lines.len(),
        (indent + DATE_LABEL_WIDTH + field.text().cursor_column()) as u16,
    ));
    let (field_line, reasons) = view.date_lines.split_first().expect("a date field has a line");
    let mut line = field_line.clone();
    line.spans.insert(0, Span::raw(" ".repeat(indent)));
    body.push(line, Some(at));
    // The reason a date is refused, wrapped to fit under the field.
    let indent = indent + 2;
    for reason in reasons {
        for mut line in wrap_line(reason, view.width.saturating_sub(indent), 2) {
            line.spans.insert(0, Span::raw(" ".repeat(indent)));
            body.push(line, Some(at));
        }
    }
}

/// `parts::date_field` starts its line with "  Date: ".
const DATE_LABEL_WIDTH: usize = 8;

fn indented(mut line: Line) -> Line {
    line.spans.insert(0, Span::raw("  "));
    line
}
