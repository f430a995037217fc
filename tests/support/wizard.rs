//! Driving the pure wizard with messages, and building states through the domain.

use chrono::NaiveDate;
use coursera_exit::domain::actions::{self, NewSubscription, Tick};
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Effects, Msg, TextKey, Wizard};

/// The fixed "today" of every wizard test.
pub fn today() -> NaiveDate {
    d("2026-03-01")
}

pub fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

pub fn open(state: State) -> Wizard {
    Wizard::open(state, Policy::embedded(), today())
}

/// Sends each message; returns the effects of the last one.
pub fn send(wizard: &mut Wizard, msgs: &[Msg]) -> Effects {
    msgs.iter().fold(Effects::default(), |_, msg| wizard.update(*msg))
}

/// Sends `n` copies of `msg`.
pub fn repeat(wizard: &mut Wizard, msg: Msg, n: usize) {
    for _ in 0..n {
        wizard.update(msg);
    }
}

/// Types `text` into the field being edited.
pub fn type_text(wizard: &mut Wizard, text: &str) {
    for c in text.chars() {
        wizard.update(Msg::Text(TextKey::Insert(c)));
    }
}

/// Adds a complete subscription the way `coursera-exit add` does.
pub fn add(
    state: &mut State,
    plan: PlanKind,
    channel: Channel,
    started: &str,
    label: Option<&str>,
) -> String {
    let new = NewSubscription {
        plan,
        channel,
        started: d(started),
        label: label.map(str::to_string),
        certificate_earned: false,
        trial_days: None,
        account: None,
    };
    actions::add(state, new, &Policy::embedded(), today()).expect("a valid subscription")
}

/// A state with one subscription (s1, labelled with its plan's name).
pub fn single(plan: PlanKind, channel: Channel, started: &str) -> State {
    let mut state = State::default();
    add(&mut state, plan, channel, started, None);
    state
}

/// Sets the saved position, as if the wizard had been closed on `screen`.
pub fn resume_at(state: &mut State, screen: Screen, subscription: Option<&str>) {
    state.journey = Journey {
        screen,
        subscription: subscription.map(str::to_string),
    };
}

/// Marks `item` done on `on`, the way `coursera-exit done` does.
pub fn tick(state: &mut State, item: &str, subscription: Option<&str>, on: &str) {
    tick_noted(state, item, subscription, on, None);
}

/// Marks `item` done on `on` with `note`.
pub fn tick_noted(state: &mut State, item: &str, subscription: Option<&str>, on: &str, note: Option<&str>) {
    let tick = Tick {
        item,
        subscription,
        account: None,
        note: note.map(str::to_string),
        on: Some(d(on)),
        undo: false,
    };
    actions::done(state, tick, &Policy::embedded(), today()).expect("ticked");
}
