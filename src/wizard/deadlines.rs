//! Deadlines: every dated row of SPEC §4 in one table, in the domain's order.
//! Enter opens what a row is about: a subscription's steps, or the checklist
//! for the account's row.

use chrono::NaiveDate;

use super::decide::refund_until;
use super::detail::DetailScroll;
use super::home::next_deadline;
use super::msg::{Mode, Msg};
use super::text::{self, Command};
use super::{Ctx, Flow};
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Deadline, deadlines};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::Decision;
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};

/// Why Deadlines is empty, after "No dates to watch yet.": nothing
/// tracked, plans still being identified (named), plans kept (with the
/// refund window still open, if one is), or nothing that has one.
pub fn empty_reason(state: &State, policy: &Policy, today: NaiveDate) -> String {
    let waiting: Vec<&str> = state
        .subscriptions
        .iter()
        .filter(|s| !s.is_complete())
        .map(|s| s.label.as_str())
        .collect();
    let kept: Vec<&Subscription> = state
        .subscriptions
        .iter()
        .filter(|s| s.decision == Some(Decision::Keep))
        .collect();
    match waiting.as_slice() {
        [] if state.subscriptions.is_empty() => text::DEADLINES_EMPTY[1].to_string(),
        [] if kept.is_empty() => text::DEADLINES_NONE_DUE.to_string(),
        [] => {
            let labels: Vec<&str> = kept.iter().map(|s| s.label.as_str()).collect();
            let open = kept
                .iter()
                .filter_map(|s| refund_until(state, s, policy, today).map(|until| (s, until)))
                .min_by_key(|(_, until)| *until)
                .map(|(s, until)| (s.label.as_str(), long_date(until)));
            text::deadlines_kept(&labels, open.as_ref().map(|(l, u)| (*l, u.as_str())))
        }
        labels => text::deadlines_wait_for(labels),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlines {
    /// The highlighted row once the person has moved; before that, the most
    /// urgent row.
    selected: Option<usize>,
    /// How far the highlighted row's details are scrolled.
    detail_scroll: DetailScroll,
    /// Where Esc goes: the screen this one was opened from.
    back: Journey,
}

impl Deadlines {
    pub fn open(back: Journey) -> Deadlines {
        Deadlines {
            selected: None,
            detail_scroll: DetailScroll::default(),
            back,
        }
    }

    /// The highlighted row of `rows` (0 when there are none).
    pub fn selected(&self, rows: &[Deadline], state: &State) -> usize {
        let index = self.selected.unwrap_or_else(|| {
            next_deadline(rows, state, None)
                .and_then(|row| rows.iter().position(|r| std::ptr::eq(r, row)))
                .unwrap_or(0)
        });
        index.min(rows.len().saturating_sub(1))
    }

    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll.lines()
    }

    pub fn limit_detail_scroll(&mut self, max: u16) {
        self.detail_scroll.limit(max);
    }

    pub fn back(&self) -> &Journey {
        &self.back
    }

    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Deadlines,
            // Kept so that Esc after a resume still lands on it on Home.
            subscription: self.back.subscription.clone(),
        }
    }

    pub fn mode(&self) -> Mode {
        Mode::Normal
    }

    pub fn commands(&self, state: &State) -> Vec<Command> {
        let mut commands = Vec::new();
        let any = !state.subscriptions.is_empty() || state.focused_account().requested_on.is_some();
        if any {
            commands.extend([text::MOVE, text::OPEN_STEPS, text::DETAIL_SCROLL]);
        }
        commands.extend([text::SUMMARY_KEY, text::BACK]);
        commands
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        let rows = deadlines(ctx.state, &ctx.policy.rules, ctx.today);
        let last = rows.len().saturating_sub(1);
        let at = self.selected(&rows, ctx.state);
        match msg {
            Msg::Up => self.select(at, at.saturating_sub(1)),
            Msg::Down => self.select(at, (at + 1).min(last)),
            Msg::PageUp => self.detail_scroll.up(),
            Msg::PageDown => self.detail_scroll.down(),
            Msg::Next => {
                let Some(row) = rows.get(at) else {
                    return Flow::Stay;
                };
                return Flow::Go(match &row.subscription {
                    Some(id) => Journey {
                        screen: Screen::Steps,
                        subscription: Some(id.clone()),
                    },
                    None => Journey {
                        screen: Screen::Checklist,
                        subscription: None,
                    },
                });
            }
            Msg::Back => return Flow::Go(self.back.clone()),
            Msg::Summary => {
                return Flow::Go(Journey {
                    screen: Screen::Summary,
                    subscription: None,
                });
            }
            _ => {}
        }
        Flow::Stay
    }

    /// A new row shows its details from the top.
    fn select(&mut self, at: usize, index: usize) {
        if index != at {
            self.detail_scroll.reset();
        }
        self.selected = Some(index);
    }
}
