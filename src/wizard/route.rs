//! Where the journey goes next. This file and the `Page` enum in `mod.rs`
//! are the places a new screen is wired in.

use chrono::NaiveDate;

use super::Page;
use super::checklist::Checklist;
use super::deadlines::Deadlines;
use super::decide::Decide;
use super::home::Home;
use super::identify::Identify;
use super::steps::Steps;
use super::summary::Summary;
use crate::domain::checklist::cancellable;
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::Decision;
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};

/// Where Enter on Home opens a subscription: its questions while some are
/// unanswered, then the decision, then the steps that carry it out.
pub fn open_screen(sub: &Subscription) -> Screen {
    if !sub.is_complete() {
        Screen::Identify
    } else if sub.decision.is_none() {
        Screen::Decide
    } else {
        Screen::Steps
    }
}

/// The screen a subscription's journey continues on; None when there is
/// nothing more to do for it.
pub fn continue_screen(sub: &Subscription) -> Option<Screen> {
    if !sub.is_complete() {
        return Some(Screen::Identify);
    }
    match sub.decision {
        None => Some(Screen::Decide),
        // Cancelling is done once recorded; a one-time purchase's refund once asked for.
        Some(Decision::Cancel) if cancellable(sub) => sub.cancelled_on.is_none().then_some(Screen::Steps),
        Some(Decision::Cancel) => sub.refund_requested_on.is_none().then_some(Screen::Steps),
        Some(Decision::Pause | Decision::Keep) => None,
    }
}

/// Where the journey goes once every Identify question is answered.
pub fn after_identify(sub: &Subscription) -> Journey {
    Journey {
        screen: Screen::Decide,
        subscription: Some(sub.id.clone()),
    }
}

/// The page for a saved or requested journey position. A subscription that is
/// gone, or a screen without a page yet, opens Home.
pub fn page(state: &State, journey: &Journey, policy: &Policy, today: NaiveDate) -> Page {
    let sub = journey
        .subscription
        .as_deref()
        .filter(|id| state.subscription(id).is_some());
    match (journey.screen, sub) {
        (Screen::Identify, Some(id)) => Page::Identify(Identify::open(state, id, policy, today, false)),
        (Screen::Home | Screen::Identify, _) => Page::Home(Home::new(state, sub)),
        (Screen::Checklist, _) => Page::Checklist(Checklist::open()),
        (Screen::Deadlines, _) => Page::Deadlines(Deadlines::open(Journey {
            screen: Screen::Home,
            subscription: sub.map(str::to_string),
        })),
        // Esc goes to Home beside the subscription; the wizard sets the
        // screen it was opened from instead when there was one.
        (Screen::Summary, _) => Page::Summary(Summary::open(Journey {
            screen: Screen::Home,
            subscription: sub.map(str::to_string),
        })),
        // A subscription with questions still open goes back to them first.
        (Screen::Decide | Screen::Steps, Some(id))
            if state.subscription(id).is_some_and(|s| !s.is_complete()) =>
        {
            Page::Identify(Identify::open(state, id, policy, today, false))
        }
        (Screen::Decide, Some(id)) => Page::Decide(Decide::open(state, Some(id))),
        (Screen::Steps, Some(id)) => Page::Steps(Steps::open(Some(id), today)),
        // No subscription named: the account's decision and its keep steps.
        (Screen::Decide, None) if journey.subscription.is_none() => Page::Decide(Decide::open(state, None)),
        (Screen::Steps, None) if journey.subscription.is_none() => Page::Steps(Steps::open(None, today)),
        // The subscription named is gone.
        (Screen::Decide | Screen::Steps, None) => Page::Home(Home::new(state, None)),
    }
}
