//! Decide: the choices that apply, and below them what the highlighted one
//! means — its dates (from the domain's rows), then Coursera's rules about
//! access, progress, certificates and refunds, with their source.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::parts::{
    NARROW, choice_list, deadline_line, para_line, popup, popup_inner_width, scrolled, source_line,
    text_field_line,
};
use super::wrap::{wrap_line, wrap_styled};
use crate::domain::dates::long_date;
use crate::tui::theme::{ERROR_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::decide::{Decide, origins};
use crate::wizard::text;
use crate::wizard::view::decide as shared;

/// "> ( ) " before each choice.
const CHOICE_LEAD: usize = 6;

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
        // The longest wording that fits.
        let mut tries = shared::choice_wordings(*c, sub, policy, refund_until);
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
    lines.extend(
        rows.iter()
            .map(|row| deadline_line(&crate::wizard::view::DueLine::of(row, policy), theme, compact)),
    );
    let refund_open = refund_until.is_some();
    for para in shared::consequences(wizard, sub, choice, refund_open) {
        let indent = if para.text.starts_with("! ") { 2 } else { 0 };
        lines.extend(wrap_line(&para_line(para, theme), width, indent));
    }
    for origin in origins(policy, sub, choice) {
        lines.extend(wrap_line(
            &source_line(&text::source(&origin.source, &origin.as_of), theme),
            width,
            2,
        ));
    }
    let (shown, max) = scrolled(
        lines,
        detail_area.height as usize,
        page.detail_scroll().into(),
        theme,
    );
    frame.render_widget(Paragraph::new(shown), detail_area);
    if let Some(field) = page.renaming() {
        let inner = popup_inner_width(area);
        let (line, cursor) = text_field_line(
            text::RENAME_ACCOUNT_PROMPT,
            &crate::wizard::view::FieldState::text(field),
            inner,
            theme,
        );
        let mut lines = vec![line, Line::default()];
        lines.extend(crate::tui::views::wrap::wrap_styled(
            text::RENAME_ACCOUNT_KEYS,
            inner,
            0,
            theme.dim(),
        ));
        let rect = popup(frame, area, text::RENAME_TITLE, lines, theme);
        frame.set_cursor_position(ratatui::layout::Position::new(rect.x + 2 + cursor, rect.y + 1));
    }
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
