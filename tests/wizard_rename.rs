//! Naming a subscription in the wizard (issue 13): `r` on Home opens the
//! name, typing replaces it, Enter keeps it, Esc drops the change; a name
//! the state file could not hold (over 80 characters) never gets into the
//! field: what passes 80 is not added, and the field says so; while typing,
//! letters are text.

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

/// A name over 80 characters used to sit in the field until Enter refused
/// it: the field now holds 80 at most, says why the rest is not there, and
/// what it holds can be kept.
#[test]
fn a_name_past_80_characters_holds_80_says_so_and_enter_keeps_them() {
    let mut w = home_with_one();
    send(&mut w, &[Msg::Rename]);
    type_text(&mut w, &"x".repeat(100));
    let field = w.view().field.clone().expect("the name is being typed");
    assert_eq!(field.value, "x".repeat(80));
    assert_eq!(
        field.error.as_deref(),
        Some("a label is at most 80 characters: 20 more characters were not added")
    );
    let effects = send(&mut w, &[Msg::Next]);
    assert!(effects.save);
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(label(&w), "x".repeat(80));
}

#[test]
fn the_reason_a_name_was_cut_short_is_drawn_under_it_at_both_sizes() {
    let mut w = home_with_one();
    send(&mut w, &[Msg::Rename]);
    type_text(&mut w, &format!("Plus {}", "y".repeat(80)));
    for (width, height) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(
            format!("rename_too_long_{width}x{height}"),
            render(&w, width, height).backend()
        );
    }
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
