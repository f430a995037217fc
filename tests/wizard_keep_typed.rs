//! Leaving with a field open (Ctrl-C, SIGTERM, SIGHUP, the end of plain
//! input) keeps what was typed, and only that: a date the wizard merely
//! offered was never chosen.

mod support;

use coursera_exit::domain::actions;
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::domain::text_limits::NOTE_LIMIT;
use coursera_exit::wizard::field::TextField;
use coursera_exit::wizard::{Exit, Mode, Msg, TextKey, Wizard};
use support::wizard::{d, open, resume_at, send, single, today, type_text};

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

/// Every note of the state, wherever it is kept.
fn notes(state: &State) -> Vec<String> {
    let items = state.subscriptions.iter().flat_map(|s| s.items.iter());
    let account = state.accounts.iter().flat_map(|a| a.items.iter());
    items.chain(account).filter_map(|r| r.note.clone()).collect()
}

/// The tester's steps: 4,990 characters pasted into a note. The field held
/// them all, Enter refused them, and Ctrl-C then left with the note dropped
/// (exit 130). The field now holds the first 2,000, says the rest was not
/// added, and Ctrl-C keeps what it holds.
#[test]
fn a_note_pasted_past_2000_characters_holds_2000_says_so_and_ctrl_c_keeps_it() {
    let mut state = single(PlanKind::PlusMonthly, Channel::Web, "2026-02-10");
    actions::decide(
        &mut state,
        "s1",
        actions::Choice::Cancel,
        None,
        &coursera_exit::domain::policy::Policy::embedded(),
        today(),
    )
    .expect("decided");
    resume_at(&mut state, Screen::Steps, Some("s1"));
    let mut w = open(state);
    send(&mut w, &[Msg::EditNote]);
    assert_eq!(w.mode(), Mode::Edit);
    // A bracketed paste reaches the wizard as one Insert per character.
    type_text(&mut w, &"p".repeat(4990));
    let field = w.view().field.clone().expect("the note is being typed");
    assert_eq!(field.value, "p".repeat(2000));
    assert_eq!(
        field.error.as_deref(),
        Some("a note is at most 2000 characters: 2990 more characters were not added")
    );
    let effects = w.update(Msg::Interrupt);
    assert!(effects.save);
    assert_eq!(effects.exit, Some(Exit::Interrupt));
    assert_eq!(
        notes(w.state()),
        vec!["p".repeat(2000)],
        "kept as the field holds it"
    );
}

#[test]
fn a_checklist_note_holds_2000_characters_at_most_and_enter_keeps_them() {
    let mut state = State::default();
    actions::delete_account(&mut state, None, None, false, today()).expect("deleting");
    resume_at(&mut state, Screen::Checklist, None);
    let mut w = open(state);
    send(&mut w, &[Msg::EditNote]);
    type_text(&mut w, &"c".repeat(2001));
    let field = w.view().field.clone().expect("the note is being typed");
    assert_eq!(field.value.chars().count(), 2000);
    assert_eq!(
        field.error.as_deref(),
        Some("a note is at most 2000 characters: 1 more character was not added")
    );
    assert!(send(&mut w, &[Msg::Next]).save);
    assert_eq!(notes(w.state()), vec!["c".repeat(2000)]);
}

#[test]
fn a_full_field_takes_no_more_until_something_is_deleted_and_then_says_nothing() {
    let mut f = TextField::limited("", NOTE_LIMIT);
    f.begin();
    for c in "é".repeat(2003).chars() {
        f.on_text(TextKey::Insert(c));
    }
    assert_eq!(f.value().chars().count(), 2000, "characters, not bytes");
    assert!(f.error().is_some_and(|e| e.contains("3 more characters")));
    // Moving the cursor changes nothing: the reason stays.
    f.on_text(TextKey::Left);
    assert!(f.error().is_some());
    assert!(f.on_text(TextKey::DeleteBack));
    assert_eq!(f.error(), None, "a change of the value ends the reason");
    assert!(f.on_text(TextKey::Insert('z')), "room for one again");
    assert!(!f.on_text(TextKey::Insert('z')));
    assert!(f.error().is_some_and(|e| e.contains("1 more character was")));
    // A field opened afresh starts with no reason, and typing replaces it.
    f.finish();
    f.begin();
    assert_eq!(f.error(), None);
    assert!(f.on_text(TextKey::Insert('a')));
    assert_eq!(f.value(), "a");
}
