//! Input fields as plain data: a text field (notes, labels) and a date field
//! built on it. Each answers messages with what happened; drawing is `tui`'s job.

use chrono::NaiveDate;
use tui_input::{Input, InputRequest};

use super::msg::{Msg, TextKey};
use super::text;
use crate::domain::dates::{add_days, add_months, clamp_to_range, parse_date, parse_in_range, sub_months};
use crate::domain::text_limits::Limit;

/// What a field did with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldEvent {
    /// The message changed nothing the caller needs to know about.
    Idle,
    /// Enter was pressed; the caller checks the value and calls `accepted` or `refuse`.
    Submit,
    /// Esc: the value went back to what it was before editing.
    Cancelled,
}

/// One line of text with a cursor. While `fresh` (just opened) the first
/// printable key replaces the whole value, as in a selected field.
///
/// A field with a [`Limit`] (a note, a label) never holds more: a character
/// typed or pasted past it is not inserted, and the field says so
/// ([`error`](TextField::error)). So what a field holds can always be kept —
/// by Enter, and by Ctrl-C, SIGTERM or SIGHUP, which keep what was typed.
#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
    before: String,
    editing: bool,
    fresh: bool,
    limit: Option<Limit>,
    /// Characters typed or pasted since the value last changed that did
    /// not fit within `limit`.
    left_out: usize,
}

impl TextField {
    pub fn new(value: &str) -> TextField {
        TextField {
            input: Input::new(value.to_string()),
            before: value.to_string(),
            editing: false,
            fresh: false,
            limit: None,
            left_out: 0,
        }
    }

    /// A field that holds at most `limit` characters.
    pub fn limited(value: &str, limit: Limit) -> TextField {
        TextField {
            limit: Some(limit),
            ..TextField::new(value)
        }
    }

    /// Why some of what was typed or pasted is not in the field: it would
    /// have passed the limit ("a note is at most 2000 characters: 2990 more
    /// characters were not added"). Gone with the next change of the value.
    pub fn error(&self) -> Option<String> {
        let limit = self.limit.filter(|_| self.left_out > 0)?;
        Some(text::not_added(&limit.rule(), self.left_out))
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The cursor in display columns from the start of the value.
    pub fn cursor_column(&self) -> usize {
        self.input.visual_cursor()
    }

    pub fn editing(&self) -> bool {
        self.editing
    }

    /// The value differs from what it was when editing began.
    pub fn changed(&self) -> bool {
        self.input.value() != self.before
    }

    /// The whole value is selected: the next printable key replaces it.
    pub fn fresh(&self) -> bool {
        self.fresh
    }

    pub fn begin(&mut self) {
        self.before = self.value().to_string();
        self.editing = true;
        self.fresh = true;
        self.left_out = 0;
    }

    /// Ends editing keeping the value.
    pub fn finish(&mut self) {
        self.before = self.value().to_string();
        self.editing = false;
        self.fresh = false;
        self.left_out = 0;
    }

    pub fn cancel(&mut self) {
        self.input = Input::new(self.before.clone());
        self.editing = false;
        self.fresh = false;
        self.left_out = 0;
    }

    /// Replaces the value; the field stays "fresh" if it was.
    pub fn set(&mut self, value: &str) {
        self.input = Input::new(value.to_string());
        self.left_out = 0;
    }

    /// A message while the field is open, as [`DateField::on_msg`] takes
    /// one: Enter submits, Esc cancels (the value goes back), a key types.
    pub fn on_msg(&mut self, msg: Msg) -> FieldEvent {
        match msg {
            Msg::Next => FieldEvent::Submit,
            Msg::Back => {
                self.cancel();
                FieldEvent::Cancelled
            }
            Msg::Text(key) => {
                self.on_text(key);
                FieldEvent::Idle
            }
            _ => FieldEvent::Idle,
        }
    }

    /// Handles an edit-mode message. Returns true when the value changed.
    pub fn on_text(&mut self, key: TextKey) -> bool {
        let was_fresh = std::mem::take(&mut self.fresh);
        let request = match key {
            TextKey::Insert(c) if c.is_control() => return false,
            TextKey::Insert(c) => {
                if was_fresh {
                    self.input.reset();
                }
                if self.full() {
                    self.left_out += 1;
                    return false;
                }
                InputRequest::InsertChar(c)
            }
            TextKey::DeleteBack if was_fresh => InputRequest::DeleteLine,
            TextKey::DeleteBack => InputRequest::DeletePrevChar,
            TextKey::DeleteForward => InputRequest::DeleteNextChar,
            TextKey::Left => InputRequest::GoToPrevChar,
            TextKey::Right => InputRequest::GoToNextChar,
            TextKey::Start => InputRequest::GoToStart,
            TextKey::End => InputRequest::GoToEnd,
            TextKey::Clear => InputRequest::DeleteLine,
        };
        let changed = if request == InputRequest::DeleteLine {
            // Deletes the whole line wherever the cursor is.
            let changed = !self.input.value().is_empty();
            self.input.reset();
            changed
        } else {
            self.input.handle(request).is_some_and(|c| c.value)
        };
        if changed {
            self.left_out = 0;
        }
        changed
    }

    /// The value holds as many characters as its limit allows.
    fn full(&self) -> bool {
        self.limit
            .is_some_and(|limit| self.input.value().chars().count() >= limit.max)
    }
}

/// A `YYYY-MM-DD` field: typing, ↑/↓ a day, PgUp/PgDn a month. A reason is
/// shown for a value that cannot be accepted, and nothing invalid is accepted.
/// A [`suggested`](DateField::suggest) value (today) is a starting point:
/// Enter accepts it as it stands, as it would any date on show.
#[derive(Debug, Clone)]
pub struct DateField {
    text: TextField,
    error: Option<String>,
    suggested: bool,
    /// `suggested` when editing began, for Esc to restore.
    suggested_before: bool,
    /// Month steps are taken from this day (day, months stepped), so that
    /// Jan 31 → Feb 28 → Mar 31 rather than Mar 28.
    month_anchor: Option<(NaiveDate, i32)>,
}

impl DateField {
    pub fn new(value: NaiveDate) -> DateField {
        DateField {
            text: TextField::new(&format_date(value)),
            error: None,
            suggested: false,
            suggested_before: false,
            month_anchor: None,
        }
    }

    /// Offers `value` (today, say) as a starting point nobody has chosen.
    pub fn suggest(value: NaiveDate) -> DateField {
        DateField {
            suggested: true,
            suggested_before: true,
            ..DateField::new(value)
        }
    }

    /// The value is only the starting point offered: nobody chose it.
    pub fn suggested(&self) -> bool {
        self.suggested
    }

    pub fn text(&self) -> &TextField {
        &self.text
    }

    pub fn editing(&self) -> bool {
        self.text.editing()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The value as a date a state file may hold (SPEC §5: years 1900 to
    /// 2200, the command line's rule), when it is one; else why not. Months
    /// and days may be typed without their leading zero (2026-3-5).
    pub fn date(&self) -> Result<NaiveDate, String> {
        parse_in_range(&zero_padded(self.text.value()))
    }

    pub fn begin(&mut self) {
        self.text.begin();
        self.error = None;
        self.suggested_before = self.suggested;
    }

    pub fn set(&mut self, value: NaiveDate) {
        self.text.set(&format_date(value));
        self.month_anchor = None;
        self.suggested = false;
    }

    /// The caller accepted the value (it was saved).
    pub fn accepted(&mut self) {
        self.text.finish();
        self.error = None;
        self.suggested = false;
        self.suggested_before = false;
    }

    /// The caller refused the value; the field stays open with the reason.
    pub fn refuse(&mut self, reason: String) {
        self.error = Some(reason);
    }

    /// Handles a message while editing. `today` caps the dates a step reaches
    /// only through the error it shows: a future date is shown as refused.
    pub fn on_msg(&mut self, msg: Msg, today: NaiveDate) -> FieldEvent {
        match msg {
            // Accepting the date on show, offered or typed, is choosing it.
            Msg::Next => match self.date() {
                Ok(_) => FieldEvent::Submit,
                Err(reason) => {
                    self.error = Some(reason);
                    FieldEvent::Idle
                }
            },
            Msg::Back => {
                self.text.cancel();
                self.error = None;
                self.month_anchor = None;
                self.suggested = self.suggested_before;
                FieldEvent::Cancelled
            }
            Msg::Up => self.step_days(1, today),
            Msg::Down => self.step_days(-1, today),
            Msg::PageUp => self.step_months(1, today),
            Msg::PageDown => self.step_months(-1, today),
            Msg::Text(key) => {
                if self.text.on_text(key) {
                    self.error = None;
                    self.month_anchor = None;
                    self.suggested = false;
                }
                FieldEvent::Idle
            }
            _ => FieldEvent::Idle,
        }
    }

    /// The date to step from: the value (brought within the years a date
    /// may fall in), or today when the value is not a date.
    fn base(&self, today: NaiveDate) -> NaiveDate {
        parse_date(&zero_padded(self.text.value())).map_or(today, clamp_to_range)
    }

    fn step_days(&mut self, days: i64, today: NaiveDate) -> FieldEvent {
        let date = add_days(self.base(today), days);
        self.show_stepped(date, today);
        self.month_anchor = None;
        FieldEvent::Idle
    }

    fn step_months(&mut self, months: i32, today: NaiveDate) -> FieldEvent {
        let (anchor, k) = match self.month_anchor {
            Some((anchor, k)) if self.date().ok() == Some(shift_months(anchor, k)) => (anchor, k + months),
            _ => (self.base(today), months),
        };
        self.show_stepped(shift_months(anchor, k), today);
        self.month_anchor = Some((anchor, k));
        FieldEvent::Idle
    }

    /// Shows a stepped date, stopping at the first or last day a state
    /// file may hold: a step never leaves the range `date()` accepts.
    fn show_stepped(&mut self, date: NaiveDate, today: NaiveDate) {
        let date = clamp_to_range(date);
        self.text.set(&format_date(date));
        self.suggested = false;
        // A stepped date is a whole value again: the next key typed replaces
        // it (it used to append: "2026-03-022026-03-31").
        self.text.fresh = true;
        self.error =
            crate::domain::actions::not_after_today(crate::domain::actions::Field::Started, date, today)
                .err()
                .map(|r| r.reason);
    }
}

/// "2026-3-5" as "2026-03-05": a month or day of one digit gets its zero.
/// Anything else is left for `parse_date` to explain.
fn zero_padded(text: &str) -> std::borrow::Cow<'_, str> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && [m, d].iter().all(|p| digits(p) && p.len() <= 2) && digits(y) => {
            std::borrow::Cow::Owned(format!("{y}-{m:0>2}-{d:0>2}"))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

fn shift_months(anchor: NaiveDate, k: i32) -> NaiveDate {
    if k >= 0 {
        add_months(anchor, k as u32)
    } else {
        sub_months(anchor, k.unsigned_abs())
    }
}

pub fn format_date(date: NaiveDate) -> String {
    crate::domain::dates::iso_date(date)
}
