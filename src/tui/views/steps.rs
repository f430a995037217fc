//! Steps: the channel's steps ticked one by one, its warnings, the refund
//! steps while a refund is possible; a pause's how-to and recorded start; or
//! the account's footprint steps. The list scrolls to keep the highlighted
//! step in sight. All of it comes laid out in words from the page's
//! description ([`StepsFull`]); here it is put in lines and scrolled.

use super::lines::Lines;
use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::parts::{NARROW, date_field, deadline_line, source_line, text_field_error, text_field_line};
use super::wrap::{wrap, wrap_hanging, wrap_line, wrap_styled};
use crate::tui::theme::{DONE_SYMBOL, ERROR_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::text;
use crate::wizard::view::steps::{
    CancelBody, HowToCancel, RefundBody, StepLine, StepsBody, StepsEditing, StepsFull,
};
use crate::wizard::view::{DueLine, PageView};

/// Where a step's text starts: "> [✓] ".
const ITEM_INDENT: usize = 6;

/// What every part of the list needs to draw itself.
struct Context<'v> {
    theme: &'v Theme,
    editing: Option<&'v StepsEditing>,
    /// The highlighted line's place among the page's items.
    cursor: usize,
    width: usize,
    compact: bool,
    /// The open date field's lines, if one is open.
    date_lines: Vec<Line<'static>>,
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

pub fn draw(frame: &mut Frame, area: Rect, view: &PageView, full: &StepsFull, theme: &Theme) {
    if matches!(full.body, StepsBody::Gone) {
        return;
    }
    let width = area.width as usize;
    let compact = width < usize::from(NARROW);
    let head = head_lines(full, width, compact, theme);
    let date_lines = match &full.editing {
        // An empty area: the cursor is placed once the list is scrolled.
        Some(StepsEditing::Date { field, .. }) => date_field(frame, Rect::default(), field, theme),
        _ => Vec::new(),
    };
    let cx = Context {
        theme,
        editing: full.editing.as_ref(),
        cursor: view.cursor.unwrap_or_default(),
        width,
        compact,
        date_lines,
    };
    let body = list_lines(full, &cx);
    let [head_area, body_area] = split::rows(area, [Fixed(head.len() as u16), Rest]);
    frame.render_widget(Lines::new(head), head_area);
    render_body(frame, body_area, body, cx.cursor, full.at_top, theme);
}

/// The list under the head: the body the decision calls for, Finish, the sources.
fn list_lines<'a>(full: &StepsFull, cx: &Context) -> Body<'a> {
    let (theme, width) = (cx.theme, cx.width);
    let mut body = Body {
        lines: Vec::new(),
        cursor: None,
    };
    match &full.body {
        StepsBody::Gone => {}
        StepsBody::Account { summary, steps } => {
            body.text(summary, width, 0, Style::default());
            body.push(Line::default(), None);
            item_lines(&mut body, cx, steps);
        }
        StepsBody::Pause {
            caveat,
            how,
            entry,
            recorded,
            dates,
        } => {
            body.text(&format!("! {caveat}"), width, 2, theme.warning());
            body.text(how, width, 0, Style::default());
            body.push(Line::default(), None);
            pause_lines(&mut body, cx, recorded.as_deref(), *entry);
            due_lines(&mut body, cx, dates);
        }
        StepsBody::Keep { dates } => {
            body.text(text::KEEP_NOTHING_TO_DO, width, 0, Style::default());
            due_lines(&mut body, cx, dates);
        }
        StepsBody::Cancel(cancel) => {
            cancel_lines(&mut body, cx, cancel);
            if let Some(app_store) = &full.app_store_refund {
                body.push(Line::default(), None);
                body.text(app_store, width, 0, Style::default());
            }
        }
    }
    body.push(Line::default(), None);
    let selected = full.finish == cx.cursor;
    let (lead, style) = if selected {
        (SELECTED_SYMBOL, theme.selected())
    } else {
        ("  ", theme.key())
    };
    body.push(
        Line::styled(format!("{lead}{}", text::FINISH_ROW), style),
        Some(full.finish),
    );
    for source in &full.sources {
        body.paragraph(wrap_line(&source_line(source, theme), width, 2));
    }
    body
}

/// Above the list: what is being done, for whom, and the news that leads.
fn head_lines(full: &StepsFull, width: usize, compact: bool, theme: &Theme) -> Vec<Line<'static>> {
    let mut head = wrap_styled(&full.heading, width, 0, theme.heading());
    if let Some(paid) = &full.paid_by {
        head.extend(wrap_styled(paid, width, 0, theme.dim()));
    }
    if let Some(became) = &full.converted {
        head.extend(wrap_styled(
            &format!("{ERROR_SYMBOL} {became}"),
            width,
            2,
            theme.error(),
        ));
        head.extend(wrap_styled(text::STEPS_CONVERTED_HINT, width, 0, theme.dim()));
    }
    if let Some(cancelled) = &full.cancelled {
        head.extend(wrap_styled(cancelled, width, 2, theme.done()));
    }
    if let Some(cancel_by) = &full.cancel_by {
        head.push(deadline_line(cancel_by, theme, compact, width));
    }
    if let Some(refund) = &full.refund_sooner {
        head.push(deadline_line(refund, theme, compact, width));
        head.extend(wrap_styled(text::REFUND_STEPS_BELOW, width, 0, theme.dim()));
    }
    if let Some(advice) = &full.overdue {
        head.extend(wrap_styled(&format!("! {advice}"), width, 2, theme.warning()));
    }
    head.push(Line::default());
    head
}

/// The pause's recorded start (the line `e` changes), and the date field under it.
/// The pause's line: the day recorded and how to change it; with no day
/// recorded yet, how to record one is the line itself (the cursor can be
/// on it, so it is always drawn).
fn pause_lines(body: &mut Body, cx: &Context, recorded: Option<&str>, at: usize) {
    let (theme, width) = (cx.theme, cx.width);
    let selected = at == cx.cursor;
    let style = if selected {
        theme.selected()
    } else {
        theme.heading()
    };
    let lead = if selected { SELECTED_SYMBOL } else { "  " };
    let line = recorded.unwrap_or(text::PAUSE_DATE_HINT);
    for (i, l) in wrap(line, width.saturating_sub(2), 0).into_iter().enumerate() {
        let lead = if i == 0 { lead } else { "  " };
        body.push(Line::styled(format!("{lead}{l}"), style), Some(at));
    }
    if recorded.is_some() {
        for l in wrap(text::PAUSE_DATE_HINT, width.saturating_sub(2), 0) {
            body.push(Line::styled(format!("  {l}"), theme.dim()), Some(at));
        }
    }
    date_editor(body, cx, at);
}

/// Dates under the text they follow, indented.
fn due_lines(body: &mut Body, cx: &Context, dates: &[DueLine]) {
    for due in dates {
        body.push(
            indented(deadline_line(
                due,
                cx.theme,
                cx.compact,
                cx.width.saturating_sub(2),
            )),
            None,
        );
    }
}

/// Draws the part of the list around the highlighted entry.
fn render_body(frame: &mut Frame, area: Rect, body: Body, cursor: usize, at_top: bool, theme: &Theme) {
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
    // ↑ on the first line asked for what is above it: shown from the top.
    if overflow && !at_top {
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
    frame.render_widget(Lines::new(shown), area);
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
fn cancel_lines(body: &mut Body, cx: &Context, cancel: &CancelBody) {
    let refund = &cancel.refund;
    // A refund with no step left (its window closed) has nothing to say here.
    let refund_open = !refund.steps.is_empty() || !refund.dates.is_empty();
    if cancel.refund_first {
        if refund_open {
            refund_block(body, cx, refund);
        }
        // A one-time purchase has nothing to cancel: its refund is all there is.
        if !cancel.steps.is_empty() || cancel.how.is_some() {
            body.push(Line::default(), None);
            cancel_block(body, cx, cancel.how.as_ref(), &cancel.steps);
        }
    } else {
        cancel_block(body, cx, cancel.how.as_ref(), &cancel.steps);
        if !refund.steps.is_empty() {
            body.push(Line::default(), None);
            refund_block(body, cx, refund);
        }
    }
}

/// Where and how to cancel, the channel's warnings, then its steps and
/// "I have cancelled".
fn cancel_block(body: &mut Body, cx: &Context, how: Option<&HowToCancel>, steps: &[StepLine]) {
    let (theme, width) = (cx.theme, cx.width);
    if let Some(how) = how {
        body.text(&how.place, width, 0, Style::default());
        for warning in &how.warnings {
            body.text(&format!("! {warning}"), width, 2, theme.warning());
        }
        body.push(Line::default(), None);
    }
    item_lines(body, cx, steps);
}

/// The refund: its last days (and, once asked, when the money is due), its
/// steps, then that Coursera may refuse and how long money takes.
fn refund_block(body: &mut Body, cx: &Context, refund: &RefundBody) {
    let (theme, width) = (cx.theme, cx.width);
    if refund.dates.is_empty() {
        body.push(Line::styled(text::REFUND_HEADING, theme.heading()), None);
    }
    for due in &refund.dates {
        body.push(deadline_line(due, theme, cx.compact, width), None);
    }
    item_lines(body, cx, &refund.steps);
    // After the steps, so the dates and the first step show together.
    body.text(&refund.may_refuse, width, 0, theme.dim());
    body.text(&refund.wait, width, 0, theme.dim());
}

/// One block per step: "> [✓] 3. text", then when it was done and its note,
/// and the field being edited under it.
fn item_lines(body: &mut Body, cx: &Context, steps: &[StepLine]) {
    let (theme, width, cursor) = (cx.theme, cx.width, cx.cursor);
    for step in steps {
        let at = step.entry;
        let selected = at == cursor;
        let mark = if step.done {
            format!("[{DONE_SYMBOL}]")
        } else {
            "[ ]".to_string()
        };
        let number = step.number.map(|n| format!("{n}. ")).unwrap_or_default();
        let style = if selected {
            theme.selected()
        } else if step.done {
            theme.done()
        } else {
            Style::default()
        };
        let lead = if selected { SELECTED_SYMBOL } else { "  " };
        let text_width = width.saturating_sub(ITEM_INDENT);
        // Under the step's number; an address too long for that moves left
        // to show whole (the refund article's, at 80x24).
        for (i, l) in wrap_hanging(&format!("{number}{}", step.title), width, ITEM_INDENT)
            .into_iter()
            .enumerate()
        {
            let prefix = if i == 0 {
                format!("{lead}{mark} ")
            } else {
                String::new()
            };
            body.push(Line::styled(format!("{prefix}{l}"), style), Some(at));
        }
        let note_field = match cx.editing {
            Some(StepsEditing::Note { entry, field }) if *entry == at => Some(field),
            _ => None,
        };
        let mut facts: Vec<String> = step.done_on.iter().cloned().collect();
        if let Some(note) = step.note.as_deref().filter(|_| note_field.is_none()) {
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
        if let Some(field) = note_field {
            let indent = " ".repeat(ITEM_INDENT);
            let label = format!("{indent}{}", text::NOTE);
            let (line, cursor) = text_field_line(&label, field, width, theme);
            body.cursor = Some((body.lines.len(), cursor));
            body.push(line, Some(at));
            for l in text_field_error(field, width, ITEM_INDENT, theme) {
                body.push(l, Some(at));
            }
            for l in wrap(text::NOTE_KEYS, text_width, 0) {
                body.push(Line::styled(format!("{indent}{l}"), theme.dim()), Some(at));
            }
        }
        date_editor(body, cx, at);
    }
}

/// The date field under the line at `at`, while open there.
fn date_editor(body: &mut Body, cx: &Context, at: usize) {
    let Some(StepsEditing::Date { entry, field }) = cx.editing else {
        return;
    };
    if *entry != at {
        return;
    }
    let indent = ITEM_INDENT - 2;
    body.cursor = Some((
        body.lines.len(),
        (indent + DATE_LABEL_WIDTH + field.cursor_column) as u16,
    ));
    let (field_line, reasons) = cx.date_lines.split_first().expect("a date field has a line");
    let mut line = field_line.clone();
    line.spans.insert(0, Span::raw(" ".repeat(indent)));
    body.push(line, Some(at));
    // The reason a date is refused, wrapped to fit under the field.
    let indent = indent + 2;
    for reason in reasons {
        for mut line in wrap_line(reason, cx.width.saturating_sub(indent), 2) {
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
