//! Naming a subscription in the wizard (issue 13): `r` on Home opens the
//! name, typing replaces it, Enter keeps it, Esc drops the change; a name
//! the state file could not hold (over 80 characters) is refused with the
//! reason and stays in its field; while typing, letters are text.

mod support;

use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Mode, Msg, Page, Wizard};
use support::screen::render;
use support::wizard::{add, open, send, type_text};

fn home_with_one() -> Wizard {
    let mut state = State::default();
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-10",
        None,
    );
    open(state)
}

fn label(w: &Wizard) -> &str {
    &w.state().subscriptions[0].label
}

#[test]
fn r_renames_the_selected_subscription_and_enter_keeps_the_name() {
    let mut w = home_with_one();
    send(&mut w, &[Msg::Rename]);
    assert_eq!(w.mode(), Mode::Edit);
    // q and d are text while typing: nothing quits, nothing is removed.
    type_text(&mut w, "Plus via work card, q d");
    let effects = send(&mut w, &[Msg::Next]);
    assert!(effects.save && effects.exit.is_none());
    assert_eq!(label(&w), "Plus via work card, q d");
    assert_eq!(w.mode(), Mode::Normal);
    assert!(matches!(w.page(), Page::Home(_)));
}

#[test]
fn esc_drops_the_new_name() {
    let mut w = home_with_one();
    send(&mut w, &[Msg::Rename]);
    type_text(&mut w, "Something else");
    let effects = send(&mut w, &[Msg::Back]);
    assert!(!effects.save);
    assert_eq!(label(&w), "Coursera Plus (monthly)");
}

#[test]
fn a_name_over_80_characters_is_refused_with_the_reason_and_kept_in_the_field() {
    let mut w = home_with_one();
    send(&mut w, &[Msg::Rename]);
    type_text(&mut w, &"x".repeat(81));
    let effects = send(&mut w, &[Msg::Next]);
    assert!(!effects.save);
    assert_eq!(w.mode(), Mode::Edit, "still typing");
    let notice = w.notice().expect("a reason").text.clone();
    assert!(notice.contains("at most 80"), "{notice}");
    assert_eq!(label(&w), "Coursera Plus (monthly)");
}

#[test]
fn the_name_being_typed_is_drawn_in_a_box_at_both_sizes() {
    let mut w = home_with_one();
    send(&mut w, &[Msg::Rename]);
    type_text(&mut w, "学习 Plus");
    for (width, height) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(
            format!("rename_{width}x{height}"),
            render(&w, width, height).backend()
        );
    }
}
