//! Identify the plan: one question at a time, with what each answer means.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListItem, ListState, Paragraph, Wrap};

use super::parts::{choice_list, date_field, para_line, text_field_line};
use super::wrap::{wrap, wrap_line, wrap_styled};
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};
use crate::tui::theme::{ERROR_SYMBOL, SELECTED_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::identify::{Choice, Identify, Question};
use crate::wizard::text;
use crate::wizard::view::identify as shared;

pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Identify, theme: &Theme) {
    let Some(sub) = wizard.state().subscription(page.id()) else {
        return;
    };
    let policy = wizard.policy();
    // The answers so far, except while explaining where to look (room is
    // short at 60x20), in as many rows as they take (two at most).
    let answers_line = Line::styled(shared::answers(sub, policy), theme.dim());
    let mut answers = wrap_line(&answers_line, usize::from(area.width), 0);
    answers.truncate(if page.not_sure() { 0 } else { 2 });
    let answers_height = answers.len() as u16;
    let [head, body, answers_area] = split::rows(area, [Fixed(2), Rest, Fixed(answers_height)]);
    let (n, total) = page.position(wizard.state(), sub);
    let mut head_text = text::question_of(n, total);
    if page.not_sure() {
        head_text = format!("{head_text} · {}", text::NOT_SURE_TITLE);
    }
    let head_line = Line::styled(head_text, theme.dim());
    frame.render_widget(Paragraph::new(head_line), head);
    if page.not_sure() {
        draw_not_sure(frame, body, page, wizard.state(), policy, theme);
    } else if page.question() == Question::Started {
        draw_date(frame, body, page, sub, policy, theme);
    } else {
        draw_choices(frame, body, page, wizard.state(), sub, policy, theme);
    }
    frame.render_widget(Paragraph::new(answers), answers_area);
}

/// "> ( ) " before a choice's label.
const CHOICE_LEAD: usize = 6;

fn draw_choices(
    frame: &mut Frame,
    area: Rect,
    page: &Identify,
    state: &State,
    sub: &Subscription,
    policy: &Policy,
    theme: &Theme,
) {
    let choices = page.choices(state, policy);
    let answer = page.answer(state, sub, policy);
    // A label too long for its line goes on under itself, never cut.
    let room = usize::from(area.width).saturating_sub(CHOICE_LEAD);
    let labels: Vec<(String, bool)> = choices
        .iter()
        .map(|c| {
            let lines = wrap(&shared::choice_label(*c, state, policy), room, 0);
            (lines.join("\n    "), Some(*c) == answer)
        })
        .collect();
    let list_height: usize = labels.iter().map(|(label, _)| label.lines().count()).sum();
    let typing = page.length().editing();
    let below = if typing {
        length_below(page, usize::from(area.width), theme)
    } else {
        Vec::new()
    };
    let field_height = if typing { 1 + below.len() } else { 0 };
    let [question, list_area, field_area, _gap, detail_area] = split::rows(
        area,
        [
            Fixed(2),
            Fixed(list_height as u16),
            Fixed(field_height as u16),
            Fixed(1),
            Rest,
        ],
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            shared::question_text(page.question(), sub, policy),
            theme.heading(),
        ))
        .wrap(Wrap { trim: true }),
        question,
    );
    choice_list(frame, list_area, labels, page.cursor(), theme);
    if typing {
        draw_length(frame, field_area, page, below, theme);
    }
    if let Some(choice) = choices.get(page.cursor()) {
        let paragraphs: Vec<Line> = shared::detail(*choice, sub, policy)
            .into_iter()
            .map(|p| para_line(p, theme))
            .collect();
        let width = usize::from(detail_area.width);
        // Only whole paragraphs: a rule or a source cut off mid-sentence
        // (or mid-date) would say something else.
        let mut lines = Vec::new();
        for paragraph in &paragraphs {
            let wrapped = wrap_line(paragraph, width, 0);
            if lines.len() + wrapped.len() > usize::from(detail_area.height) {
                break;
            }
            lines.extend(wrapped);
        }
        frame.render_widget(Paragraph::new(lines), detail_area);
    }
}

/// The number field of "another number of days", with why a value was refused.
fn draw_length(frame: &mut Frame, area: Rect, page: &Identify, below: Vec<Line>, theme: &Theme) {
    let width = area.width as usize;
    let (field, cursor) = text_field_line(
        text::TRIAL_LENGTH_PROMPT,
        &crate::wizard::view::FieldState::text(page.length()),
        width,
        theme,
    );
    let mut lines = vec![field];
    lines.extend(below);
    frame.render_widget(Paragraph::new(lines), area);
    frame.set_cursor_position(Position::new(area.x + cursor, area.y));
}

/// What goes under the length field: why a value was refused (whole, as
/// the date field says it), else the keys.
fn length_below(page: &Identify, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    match page.length_error() {
        Some(error) => wrap_styled(&format!("{ERROR_SYMBOL} {error}"), width, 2, theme.warning()),
        None => wrap_styled(text::TRIAL_LENGTH_KEYS, width, 0, theme.dim()),
    }
}

fn draw_date(
    frame: &mut Frame,
    area: Rect,
    page: &Identify,
    sub: &Subscription,
    policy: &Policy,
    theme: &Theme,
) {
    let hint = sub.plan.map_or("", text::started_hint);
    let [question, field_area, keys] = split::rows(area, [Fixed(3), Fixed(3), Rest]);
    let lines = vec![
        Line::styled(
            shared::question_text(Question::Started, sub, policy),
            theme.heading(),
        ),
        Line::styled(hint, theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), question);
    let field = if page.date().editing() || sub.started.is_some() {
        let mut lines = date_field(
            frame,
            field_area,
            &crate::wizard::view::FieldState::date(page.date()),
            theme,
        );
        if page.date().suggested() && page.date().error().is_none() {
            let width = (field_area.width as usize).saturating_sub(2);
            lines.extend(
                wrap(text::DATE_SUGGESTED, width, 0)
                    .into_iter()
                    .map(|l| Line::styled(format!("  {l}"), theme.dim())),
            );
        }
        lines
    } else {
        // Closed with nothing accepted: the offered day is not an answer.
        vec![Line::from(vec![
            Span::raw("  Date: "),
            Span::styled(text::DATE_NOT_CHOSEN, theme.warning()),
        ])]
    };
    frame.render_widget(Paragraph::new(field).wrap(Wrap { trim: false }), field_area);
    let keys_text = if page.date().editing() {
        text::DATE_KEYS
    } else if sub.started.is_some() {
        text::DATE_NOT_EDITING
    } else {
        text::DATE_NOT_CHOSEN_KEYS
    };
    frame.render_widget(
        Paragraph::new(Line::styled(keys_text, theme.dim())).wrap(Wrap { trim: true }),
        keys,
    );
}

fn draw_not_sure(
    frame: &mut Frame,
    area: Rect,
    page: &Identify,
    wizard_state: &State,
    policy: &Policy,
    theme: &Theme,
) {
    let mut lines = Vec::new();
    for (i, tip) in shared::tips(page.question()).iter().enumerate() {
        lines.push(Line::from(format!("{}. {tip}", i + 1)));
    }
    let choices = page.choices(wizard_state, policy);
    let [tips, list_area] = split::rows(area, [Rest, Fixed(choices.len() as u16 + 1)]);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), tips);
    let items: Vec<ListItem> = choices
        .iter()
        .map(|c| {
            let label = match c {
                Choice::Found => text::NOT_SURE_FOUND,
                _ => text::NOT_SURE_LATER,
            };
            ListItem::new(label)
        })
        .collect();
    let list = List::new(items)
        .highlight_symbol(SELECTED_SYMBOL)
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_style(theme.selected());
    let [_, list_area] = split::rows(list_area, [Fixed(1), Rest]);
    frame.render_stateful_widget(
        list,
        list_area,
        &mut ListState::default().with_selected(Some(page.cursor())),
    );
}
