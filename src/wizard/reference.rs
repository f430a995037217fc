//! FAQ and Troubleshooting: the policy's questions and problems, each with
//! its answer or fix and source, the highlighted one expanded.
//!
//! They are side trips, not journey steps: the page keeps the one it was
//! opened over (with its list position), Esc returns to it (reopening the
//! help when that is where the person came from), and the saved journey
//! position stays the page underneath, so a resume opens there (SPEC §3: the
//! position is a screen of the journey and a subscription).

use super::detail::DetailScroll;
use super::msg::{Mode, Msg};
use super::text::{self, Command};
use super::{Ctx, Flow, Page};
use crate::domain::journey::Journey;
use crate::domain::policy::{Policy, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Faq,
    Troubleshooting,
}

impl Topic {
    pub fn title(self) -> &'static str {
        match self {
            Topic::Faq => text::FAQ_TITLE,
            Topic::Troubleshooting => text::TROUBLESHOOTING_TITLE,
        }
    }

    /// The topic a message opens, if any (`F` or `T`).
    pub fn of(msg: Msg) -> Option<Topic> {
        match msg {
            Msg::Faq => Some(Topic::Faq),
            Msg::Troubleshooting => Some(Topic::Troubleshooting),
            _ => None,
        }
    }
}

/// One question (or problem) with its answer (or fix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'p> {
    pub title: &'p str,
    pub body: &'p str,
    pub origin: &'p Source,
}

/// The entries of a topic, in the policy's order.
pub fn entries(policy: &Policy, topic: Topic) -> Vec<Entry<'_>> {
    match topic {
        Topic::Faq => policy
            .faq
            .iter()
            .map(|e| Entry {
                title: &e.question,
                body: &e.answer,
                origin: &e.origin,
            })
            .collect(),
        Topic::Troubleshooting => policy
            .troubleshooting
            .iter()
            .map(|e| Entry {
                title: &e.problem,
                body: &e.fix,
                origin: &e.origin,
            })
            .collect(),
    }
}

#[derive(Debug, Clone)]
pub struct Reference {
    topic: Topic,
    selected: usize,
    /// How far the highlighted answer is scrolled, when it is taller than
    /// the window (at 60x20 a long answer would otherwise never end).
    detail_scroll: DetailScroll,
    /// The page this was opened over, as it was.
    back: Box<Page>,
    /// Opened from the help overlay scrolled this far: Esc reopens it.
    help: Option<u16>,
}

impl Reference {
    pub fn topic(&self) -> Topic {
        self.topic
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll.lines()
    }

    pub fn limit_detail_scroll(&mut self, max: u16) {
        self.detail_scroll.limit(max);
    }

    /// The page underneath, where Esc returns.
    pub fn back(&self) -> &Page {
        &self.back
    }

    /// Not a journey step: the position saved is the page underneath.
    pub fn journey(&self) -> Journey {
        self.back.journey()
    }

    pub fn mode(&self) -> Mode {
        Mode::Normal
    }

    pub fn commands(&self) -> Vec<Command> {
        let other = match self.topic {
            Topic::Faq => text::TROUBLESHOOTING_KEY,
            Topic::Troubleshooting => text::FAQ_KEY,
        };
        vec![text::MOVE, text::DETAIL_SCROLL, text::BACK, other]
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        let last = entries(ctx.policy, self.topic).len().saturating_sub(1);
        let before = self.selected;
        match msg {
            Msg::Up => self.selected = self.selected.saturating_sub(1),
            Msg::Down => self.selected = (self.selected + 1).min(last),
            // PgUp/PgDn read on through a long answer, as in every detail pane.
            Msg::PageUp => self.detail_scroll.up(),
            Msg::PageDown => self.detail_scroll.down(),
            _ => {}
        }
        if self.selected != before {
            self.detail_scroll.reset();
        }
        Flow::Stay
    }
}

/// Opens `topic` over the page on show; on FAQ or Troubleshooting already,
/// switches topic and keeps the way back. `help`: the help overlay's scroll
/// when it was open.
pub fn open(page: &mut Page, topic: Topic, help: Option<u16>) {
    if let Page::Reference(reference) = page {
        reference.topic = topic;
        reference.selected = 0;
        reference.detail_scroll.reset();
        return;
    }
    let back = Box::new(page.clone());
    *page = Page::Reference(Reference {
        topic,
        selected: 0,
        detail_scroll: DetailScroll::default(),
        back,
        help,
    });
}

/// Leaves FAQ or Troubleshooting for the page underneath. Returns the help
/// scroll to reopen the help at, when that is where the person came from.
pub fn close(page: &mut Page) -> Option<u16> {
    let Page::Reference(reference) = page else {
        return None;
    };
    let help = reference.help;
    let back = (*reference.back).clone();
    *page = back;
    help
}
