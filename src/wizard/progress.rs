//! The sidebar's progress: which journey steps are done for the subscription in view.

use crate::domain::journey::Screen;
use crate::domain::state::{State, Subscription};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The screen on show.
    Current,
    Done,
    Todo,
}

/// One mark per step of `Screen::JOURNEY`, in order.
pub fn marks(state: &State, current: Screen, focus: Option<&Subscription>) -> [(Screen, Mark); 7] {
    Screen::JOURNEY.map(|screen| {
        let mark = if screen == current {
            Mark::Current
        } else if done(state, screen, focus) {
            Mark::Done
        } else {
            Mark::Todo
        };
        (screen, mark)
    })
}

fn done(state: &State, screen: Screen, focus: Option<&Subscription>) -> bool {
    match screen {
        Screen::Home => !state.subscriptions.is_empty(),
        Screen::Identify => focus.is_some_and(Subscription::is_complete),
        Screen::Decide => focus.is_some_and(|s| s.decision.is_some()),
        // Nothing left to do for the decision (a pause or keep needs no ticks).
        Screen::Steps => {
            focus.is_some_and(|s| s.decision.is_some() && super::route::continue_screen(s).is_none())
        }
        Screen::Checklist => state.account.requested_on.is_some(),
        // Views of what follows from the answers: nothing to finish.
        Screen::Deadlines | Screen::Summary => false,
    }
}

/// How many of the steps are done, for "2 of 7".
pub fn done_count(marks: &[(Screen, Mark)]) -> usize {
    marks.iter().filter(|(_, m)| *m == Mark::Done).count()
}
