//! Leaving with a field open (Ctrl-C, SIGTERM, SIGHUP, the end of plain
//! input) keeps what was typed, and only that: a date the wizard merely
//! offered was never chosen.

mod support;

use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Mode, Msg, TextKey, Wizard};
use support::wizard::{d, open, send, type_text};

/// A new subscription bought on the website, Coursera Plus monthly: the
/// start date question opens with today offered.
fn at_the_date_question() -> Wizard {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add, Msg::Next, Msg::Down, Msg::Down, Msg::Next]);
    assert_eq!(w.mode(), Mode::Edit, "the date field opens on arrival");
    w
}

#[test]
fn an_offered_date_left_untouched_is_not_recorded_on_the_way_out() {
    let mut w = at_the_date_question();
    w.keep_typed();
    assert_eq!(w.state().subscriptions[0].started, None);
}

#[test]
fn a_typed_date_is_recorded_on_the_way_out() {
    let mut w = at_the_date_question();
    send(&mut w, &[Msg::Text(TextKey::Clear)]);
    type_text(&mut w, "2026-02-10");
    w.keep_typed();
    assert_eq!(w.state().subscriptions[0].started, Some(d("2026-02-10")));
}

#[test]
fn a_date_stepped_with_the_arrows_is_recorded_on_the_way_out() {
    let mut w = at_the_date_question();
    send(&mut w, &[Msg::Down]);
    w.keep_typed();
    assert_eq!(w.state().subscriptions[0].started, Some(d("2026-02-28")));
}
