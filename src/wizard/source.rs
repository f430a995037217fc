//! `o`: the source of the rule the highlighted line rests on, so the person
//! can read Coursera's own page. Opening it is the person's choice, made in
//! their browser: coursera-exit itself still never talks to Coursera.

use super::checklist::{Row, rows};
use super::decide::origins;
use super::identify::Choice as Answer;
use super::reference::entries;
use super::steps::Entry;
use super::{Page, Wizard};
use crate::domain::policy::Source;

impl Wizard {
    /// The source behind what is highlighted here, if any.
    pub fn source_here(&self) -> Option<&Source> {
        let (state, policy, today) = (self.state(), self.policy(), self.today());
        if self.region_question().is_some() {
            return Some(&policy.region.origin);
        }
        match self.page() {
            Page::Home(home) => {
                let plan = home.selected_sub(state)?.plan?;
                Some(&policy.plan(plan).origin)
            }
            Page::Identify(page) => {
                let sub = state.subscription(page.id())?;
                let plan_origin = sub.plan.map(|p| &policy.plan(p).origin);
                match page.choices(state, policy).get(page.cursor()) {
                    Some(Answer::Channel(c)) => Some(&policy.channel(*c).origin),
                    Some(Answer::Plan(p)) => Some(&policy.plan(*p).origin),
                    Some(Answer::TrialDays(_) | Answer::OtherLength) => Some(&policy.trial.origin),
                    Some(Answer::Region(_) | Answer::RegionNotSure) => Some(&policy.region.origin),
                    Some(Answer::Account(_)) => policy
                        .checklist
                        .iter()
                        .find(|r| r.condition == crate::domain::policy::ChecklistCondition::OtherAccount)
                        .map(|r| &r.origin),
                    _ => plan_origin,
                }
            }
            Page::Decide(page) => {
                let sub = page.id().and_then(|id| state.subscription(id));
                let choices = page.choices(state, policy, today);
                let choice = *choices.get(page.cursor(&choices))?;
                origins(policy, sub, choice).into_iter().next()
            }
            Page::Steps(page) => {
                let entries = page.entries(state, policy, today);
                match entries.get(page.cursor(state, policy, today))? {
                    Entry::Item(id) => page
                        .items(state, policy, today)
                        .into_iter()
                        .find(|i| i.id == *id)
                        .and_then(|i| i.origin),
                    Entry::Pause => Some(&policy.pause.origin),
                    Entry::Finish => None,
                }
            }
            Page::Checklist(page) => match rows(state, policy).into_iter().nth(page.selected())? {
                Row::Item(item) => item.origin,
                Row::NotUsed(rule) => Some(&rule.origin),
            },
            Page::Deadlines(page) => {
                let rows = self.deadlines();
                let row = rows.get(page.selected(rows, state))?;
                Some(&policy.deadline(row.kind).origin)
            }
            Page::Reference(page) => entries(policy, page.topic())
                .get(page.selected())
                .map(|e| e.origin),
            Page::Summary(_) => None,
        }
    }
}

/// A source that is a web address (others name a guide).
pub fn web_address(source: &Source) -> Option<&str> {
    let s = source.source.as_str();
    (s.starts_with("https://") || s.starts_with("http://")).then_some(s)
}
