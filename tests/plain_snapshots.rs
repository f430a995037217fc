//! What the plain front end (`--plain`) prints for each page, as a screen
//! reader would read it: one snapshot per page of the journey, from the
//! same states the screen snapshots use (today 2026-03-01).

mod support;

use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::plain::render;
use coursera_exit::wizard::{Msg, Wizard};
use support::summary::several_and_deleting;
use support::wizard::{open, resume_at, send, single};

fn printed(wizard: &Wizard) -> String {
    render::page(wizard.view(), wizard.mode()).join("\n")
}

fn at(mut state: State, screen: Screen, id: Option<&str>) -> Wizard {
    resume_at(&mut state, screen, id);
    open(state)
}

#[test]
fn home_with_several_subscriptions() {
    insta::assert_snapshot!("plain_home", printed(&open(several_and_deleting())));
}

#[test]
fn home_with_nothing_yet() {
    insta::assert_snapshot!("plain_home_empty", printed(&open(State::default())));
}

#[test]
fn identify_asks_where_it_was_bought() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    insta::assert_snapshot!("plain_identify_where", printed(&w));
}

#[test]
fn identify_asks_the_start_date_with_a_field() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add, Msg::Next, Msg::Down, Msg::Down, Msg::Next]);
    insta::assert_snapshot!("plain_identify_date", printed(&w));
}

#[test]
fn decide_offers_the_refund_first_with_what_it_means() {
    let state = single(PlanKind::PlusAnnual, Channel::Web, "2026-02-20");
    insta::assert_snapshot!("plain_decide", printed(&at(state, Screen::Decide, Some("s1"))));
}

#[test]
fn steps_of_a_cancellation_in_progress() {
    insta::assert_snapshot!(
        "plain_steps",
        printed(&at(several_and_deleting(), Screen::Steps, Some("s1")))
    );
}

#[test]
fn the_checklist_before_deleting() {
    insta::assert_snapshot!(
        "plain_checklist",
        printed(&at(several_and_deleting(), Screen::Checklist, None))
    );
}

#[test]
fn every_deadline() {
    insta::assert_snapshot!(
        "plain_deadlines",
        printed(&at(several_and_deleting(), Screen::Deadlines, None))
    );
}

#[test]
fn the_summary() {
    insta::assert_snapshot!(
        "plain_summary",
        printed(&at(several_and_deleting(), Screen::Summary, None))
    );
}

#[test]
fn the_region_question() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Region]);
    insta::assert_snapshot!("plain_region", printed(&w));
}

#[test]
fn the_faq() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Faq]);
    insta::assert_snapshot!("plain_faq", printed(&w));
}

#[test]
fn the_line_help() {
    insta::assert_snapshot!("plain_help", render::help().join("\n"));
}
