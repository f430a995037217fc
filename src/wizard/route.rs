//! Where the journey goes next. This file and the `Page` enum in `mod.rs`
//! are the places a new screen is wired in.

use chrono::NaiveDate;

use super::Page;
use super::home::Home;
use super::identify::Identify;
use crate::domain::journey::{Journey, Screen};
use crate::domain::state::{State, Subscription};

/// Where Enter on Home opens a subscription.
pub fn open_screen(_sub: &Subscription) -> Screen {
    // Decide is not built yet: open the answers for review.
    Screen::Identify
}

/// The screen a subscription's journey continues on; None when there is
/// nothing more to do on the screens built so far.
pub fn continue_screen(sub: &Subscription) -> Option<Screen> {
    (!sub.is_complete()).then_some(Screen::Identify)
}

/// Where the journey goes once every Identify question is answered.
pub fn after_identify(sub: &Subscription) -> Journey {
    // Decide is not built yet: Home shows the subscription and its next date.
    Journey {
        screen: Screen::Home,
        subscription: Some(sub.id.clone()),
    }
}

/// The page for a saved or requested journey position. A subscription that is
/// gone, or a screen without a page yet, opens Home.
pub fn page(state: &State, journey: &Journey, today: NaiveDate) -> Page {
    let sub = journey
        .subscription
        .as_deref()
        .filter(|id| state.subscription(id).is_some());
    match (journey.screen, sub) {
        (Screen::Identify, Some(id)) => Page::Identify(Identify::open(state, id, today, false)),
        (Screen::Home | Screen::Identify, _) => Page::Home(Home::new(state, sub)),
        // Not built yet: Home, with the subscription selected.
        (Screen::Decide | Screen::Steps | Screen::Checklist | Screen::Deadlines | Screen::Summary, _) => {
            Page::Home(Home::new(state, sub))
        }
    }
}
