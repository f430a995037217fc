//! Identify the plan: one question at a time, with what each answer means.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListItem, ListState, Paragraph, Wrap};

use super::parts::{choice_list, date_field, source_line};
use super::wrap::wrap;
use crate::domain::policy::Policy;
use crate::domain::state::Subscription;
use crate::tui::theme::{SELECTED_SYMBOL, Theme};
use crate::wizard::Wizard;
use crate::wizard::field::format_date;
use crate::wizard::identify::{Choice, Identify, Question};
use crate::wizard::text;

pub fn draw(frame: &mut Frame, area: Rect, wizard: &Wizard, page: &Identify, theme: &Theme) {
    let Some(sub) = wizard.state().subscription(page.id()) else {
        return;
    };
    let policy = wizard.policy();
    // The answers so far, except while explaining where to look (room is short at 60x20).
    let answers_height = if page.not_sure() { 0 } else { 2 };
    let [head, body, answers] = split::rows(area, [Fixed(2), Rest, Fixed(answers_height)]);
    let (n, total) = page.position(sub);
    let mut head_text = text::question_of(n, total);
    if page.not_sure() {
        head_text = format!("{head_text} · {}", text::NOT_SURE_TITLE);
    }
    let head_line = Line::styled(head_text, theme.dim());
    frame.render_widget(Paragraph::new(head_line), head);
    if page.not_sure() {
        draw_not_sure(frame, body, page, theme);
    } else if page.question() == Question::Started {
        draw_date(frame, body, page, sub, theme);
    } else {
        draw_choices(frame, body, page, sub, policy, theme);
    }
    frame.render_widget(
        Paragraph::new(answers_line(sub, policy, theme)).wrap(Wrap { trim: true }),
        answers,
    );
}

fn question_text(question: Question, sub: &Subscription) -> &'static str {
    match question {
        Question::Channel => text::Q_CHANNEL,
        Question::Plan => text::Q_PLAN,
        Question::Started => sub.plan.map_or(text::Q_PLAN, text::q_started),
        Question::Certificate => text::Q_CERTIFICATE,
    }
}

fn choice_label(choice: Choice, policy: &Policy) -> String {
    match choice {
        Choice::Channel(c) => policy.channel(c).question.clone(),
        Choice::Plan(p) => policy.plan(p).question.clone(),
        Choice::Certificate(false) => text::CERT_NO.to_string(),
        Choice::Certificate(true) => text::CERT_YES.to_string(),
        Choice::NotSure => text::NOT_SURE.to_string(),
        Choice::Found => text::NOT_SURE_FOUND.to_string(),
        Choice::Later => text::NOT_SURE_LATER.to_string(),
    }
}

/// What choosing the highlighted line means, in the policy's words.
fn detail<'a>(choice: Choice, sub: &Subscription, policy: &Policy, theme: &Theme) -> Vec<Line<'a>> {
    match choice {
        Choice::Channel(c) => {
            let rule = policy.channel(c);
            vec![
                Line::from(text::where_to_cancel(&rule.cancel_where)),
                source_line(&rule.origin, theme),
            ]
        }
        Choice::Plan(p) => {
            let rule = policy.plan(p);
            vec![
                Line::from(rule.billing.clone()),
                Line::from(rule.refund.clone()),
                source_line(&rule.origin, theme),
            ]
        }
        Choice::Certificate(_) => {
            let mut lines = vec![Line::from(text::cert_why(sub.plan))];
            if let Some(p) = sub.plan {
                let rule = policy.plan(p);
                lines.push(Line::from(rule.refund.clone()));
                lines.push(source_line(&rule.origin, theme));
            }
            lines
        }
        Choice::NotSure | Choice::Found | Choice::Later => Vec::new(),
    }
}

fn draw_choices(
    frame: &mut Frame,
    area: Rect,
    page: &Identify,
    sub: &Subscription,
    policy: &Policy,
    theme: &Theme,
) {
    let choices = page.choices();
    let answer = page.answer(sub);
    let [question, list_area, _gap, detail_area] =
        split::rows(area, [Fixed(2), Fixed(choices.len() as u16), Fixed(1), Rest]);
    frame.render_widget(
        Paragraph::new(Line::styled(question_text(page.question(), sub), theme.heading()))
            .wrap(Wrap { trim: true }),
        question,
    );
    let labels = choices
        .iter()
        .map(|c| (choice_label(*c, policy), Some(*c) == answer));
    choice_list(frame, list_area, labels, page.cursor(), theme);
    if let Some(choice) = choices.get(page.cursor()) {
        let lines = detail(*choice, sub, policy, theme);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), detail_area);
    }
}

fn draw_date(frame: &mut Frame, area: Rect, page: &Identify, sub: &Subscription, theme: &Theme) {
    let hint = sub.plan.map_or("", text::started_hint);
    let [question, field_area, keys] = split::rows(area, [Fixed(3), Fixed(3), Rest]);
    let lines = vec![
        Line::styled(question_text(Question::Started, sub), theme.heading()),
        Line::styled(hint, theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), question);
    let field = if page.date().editing() || sub.started.is_some() {
        let mut lines = date_field(frame, field_area, page.date(), theme);
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

fn draw_not_sure(frame: &mut Frame, area: Rect, page: &Identify, theme: &Theme) {
    let mut lines = Vec::new();
    for (i, tip) in text::where_to_look(page.question() == Question::Channel)
        .iter()
        .enumerate()
    {
        lines.push(Line::from(format!("{}. {tip}", i + 1)));
    }
    let choices = page.choices();
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

fn answers_line<'a>(sub: &Subscription, policy: &Policy, theme: &Theme) -> Line<'a> {
    let plan = sub.plan.map(|p| policy.plan(p).name.as_str());
    Line::styled(
        text::answers(
            sub.channel,
            plan,
            sub.started.map(format_date),
            sub.certificate_earned,
        ),
        theme.dim(),
    )
}
