//! The sidebar's progress: which journey steps are done. A function of the
//! saved state alone (and the subscription it is about), so moving between
//! screens never changes it; where the person is shows separately.

use crate::domain::checklist::deletion_items;
use crate::domain::journey::Screen;
use crate::domain::plan::AccountDecision;
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};

/// One journey step in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub screen: Screen,
    /// The screen on show.
    pub current: bool,
    pub done: bool,
    /// A task that applies to this person, counted in "n of m done". The
    /// views (Deadlines, Summary) are not tasks, and the checklist before
    /// deleting is one only for an account being deleted.
    pub counts: bool,
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
pub fn steps(state: &State, policy: &Policy, current: Screen, focus: Option<&Subscription>) -> [Step; 7] {
    let subject = subject(state, focus);
    Screen::JOURNEY.map(|screen| Step {
        screen,
        current: screen == current,
        done: done(state, policy, screen, subject),
        counts: counts(state, screen),
    })
}

fn counts(state: &State, screen: Screen) -> bool {
    let deleting = state.focused_account().decision == Some(AccountDecision::Delete);
    match screen {
        Screen::Checklist => deleting,
        Screen::Deadlines | Screen::Summary => false,
        // With no subscription, deleting the account is the whole journey.
        Screen::Home | Screen::Identify | Screen::Decide | Screen::Steps => {
            !state.subscriptions.is_empty() || !deleting
        }
    }
}

fn done(state: &State, policy: &Policy, screen: Screen, sub: Option<&Subscription>) -> bool {
    match screen {
        Screen::Home => !state.subscriptions.is_empty(),
        Screen::Identify => sub.is_some_and(Subscription::is_complete),
        Screen::Decide => sub.is_some_and(|s| s.decision.is_some()),
        // Nothing left to do for the decision (a pause or keep needs no ticks).
        Screen::Steps => {
            sub.is_some_and(|s| s.decision.is_some() && super::route::continue_screen(s).is_none())
        }
        // Every item that applies, the written confirmation too: done at the
        // request alone, the step read as finished with the reply still owed.
        Screen::Checklist => {
            let account = state.focused_account();
            account.requested_on.is_some()
                && deletion_items(state, account, policy)
                    .iter()
                    .all(|item| item.done)
        }
        // Views of what follows from the answers: nothing to finish.
        Screen::Deadlines | Screen::Summary => false,
    }
}

/// How many of the tasks are done, for "2 of 4 done".
pub fn done_count(steps: &[Step]) -> usize {
    steps.iter().filter(|s| s.counts && s.done).count()
}

/// How many of the steps are tasks for this person: the "4" of "2 of 4 done".
pub fn task_count(steps: &[Step]) -> usize {
    steps.iter().filter(|s| s.counts).count()
}
