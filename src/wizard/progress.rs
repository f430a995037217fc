//! The sidebar's progress: which journey steps are done. A function of the
//! saved state alone (and the subscription it is about), so moving between
//! screens never changes it; where the person is shows separately.

use crate::domain::journey::Screen;
use crate::domain::state::{State, Subscription};

/// One journey step in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub screen: Screen,
    /// The screen on show.
    pub current: bool,
    pub done: bool,
}

/// The subscription progress is about: the one in focus, else the one the
/// journey last named, else the one added last.
pub fn subject<'s>(state: &'s State, focus: Option<&'s Subscription>) -> Option<&'s Subscription> {
    focus
        .or_else(|| {
            let id = state.journey.subscription.as_deref()?;
            state.subscription(id)
        })
        .or_else(|| state.subscriptions.last())
}

/// One step per `Screen::JOURNEY`, in order. `done` depends only on `state`
/// and `subject`, never on `current`.
pub fn steps(state: &State, current: Screen, focus: Option<&Subscription>) -> [Step; 7] {
    let subject = subject(state, focus);
    Screen::JOURNEY.map(|screen| Step {
        screen,
        current: screen == current,
        done: done(state, screen, subject),
    })
}

fn done(state: &State, screen: Screen, sub: Option<&Subscription>) -> bool {
    match screen {
        Screen::Home => !state.subscriptions.is_empty(),
        Screen::Identify => sub.is_some_and(Subscription::is_complete),
        Screen::Decide => sub.is_some_and(|s| s.decision.is_some()),
        // Nothing left to do for the decision (a pause or keep needs no ticks).
        Screen::Steps => {
            sub.is_some_and(|s| s.decision.is_some() && super::route::continue_screen(s).is_none())
        }
        Screen::Checklist => state.account.requested_on.is_some(),
        // Views of what follows from the answers: nothing to finish.
        Screen::Deadlines | Screen::Summary => false,
    }
}

/// How many of the steps are done, for "2 of 7".
pub fn done_count(steps: &[Step]) -> usize {
    steps.iter().filter(|s| s.done).count()
}
