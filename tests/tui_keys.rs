//! Keys to messages: one pure function of the key and the mode.

use coursera_exit::tui::keys::{Action, action};
use coursera_exit::wizard::{Mode, Msg, TextKey};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn msg(k: KeyEvent, mode: Mode) -> Option<Msg> {
    match action(k, mode) {
        Some(Action::Msg(m)) => Some(m),
        _ => None,
    }
}

const ALL_MODES: [Mode; 4] = [Mode::Normal, Mode::Edit, Mode::Confirm, Mode::Help];

#[test]
fn only_presses_count() {
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let mut k = key(KeyCode::Enter);
        k.kind = kind;
        assert_eq!(action(k, Mode::Normal), None, "{kind:?}");
    }
}

#[test]
fn ctrl_c_quits_and_ctrl_z_suspends_in_every_mode() {
    for mode in ALL_MODES {
        assert_eq!(
            action(ctrl('c'), mode),
            Some(Action::Msg(Msg::Interrupt)),
            "{mode:?}"
        );
        assert_eq!(action(ctrl('z'), mode), Some(Action::Suspend), "{mode:?}");
    }
}

#[test]
fn normal_mode_keys_follow_the_spec() {
    let cases = [
        (KeyCode::Up, Msg::Up),
        (KeyCode::Char('k'), Msg::Up),
        (KeyCode::Down, Msg::Down),
        (KeyCode::Char('j'), Msg::Down),
        (KeyCode::Enter, Msg::Next),
        (KeyCode::Right, Msg::Next),
        (KeyCode::Char('l'), Msg::Next),
        (KeyCode::Esc, Msg::Back),
        (KeyCode::Left, Msg::Back),
        (KeyCode::Char('h'), Msg::Back),
        (KeyCode::Char(' '), Msg::Toggle),
        (KeyCode::Tab, Msg::NextField),
        (KeyCode::Char('e'), Msg::EditDate),
        (KeyCode::Char('n'), Msg::EditNote),
        (KeyCode::Char('?'), Msg::Help),
        (KeyCode::Char('q'), Msg::Quit),
        (KeyCode::Char('a'), Msg::Add),
        (KeyCode::Char('d'), Msg::Remove),
        (KeyCode::Char('x'), Msg::Remove),
        // Version 2: A asks where you live from any page; D is the account.
        (KeyCode::Char('A'), Msg::Region),
        (KeyCode::Char('D'), Msg::Account),
    ];
    for (code, expected) in cases {
        assert_eq!(msg(key(code), Mode::Normal), Some(expected), "{code:?}");
    }
}

#[test]
fn a_shifted_question_mark_still_opens_the_help() {
    let k = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(msg(k, Mode::Normal), Some(Msg::Help));
}

#[test]
fn in_edit_mode_every_printable_key_is_text() {
    for c in ['q', 'j', 'k', 'h', 'l', 'e', 'n', 'a', 'd', '?', ' ', '1', '-'] {
        assert_eq!(
            msg(key(KeyCode::Char(c)), Mode::Edit),
            Some(Msg::Text(TextKey::Insert(c))),
            "{c:?}"
        );
    }
    assert_eq!(
        msg(key(KeyCode::Enter), Mode::Edit),
        Some(Msg::Next),
        "Enter accepts"
    );
    assert_eq!(msg(key(KeyCode::Esc), Mode::Edit), Some(Msg::Back), "Esc cancels");
    assert_eq!(msg(key(KeyCode::PageUp), Mode::Edit), Some(Msg::PageUp));
    assert_eq!(
        msg(key(KeyCode::Left), Mode::Edit),
        Some(Msg::Text(TextKey::Left)),
        "← moves the cursor"
    );
    assert_eq!(msg(ctrl('u'), Mode::Edit), Some(Msg::Text(TextKey::Clear)));
}

#[test]
fn a_yes_no_question_takes_y_n_and_esc_only() {
    assert_eq!(msg(key(KeyCode::Char('y')), Mode::Confirm), Some(Msg::Yes));
    assert_eq!(msg(key(KeyCode::Char('n')), Mode::Confirm), Some(Msg::No));
    assert_eq!(msg(key(KeyCode::Esc), Mode::Confirm), Some(Msg::No));
    assert_eq!(msg(key(KeyCode::Enter), Mode::Confirm), None, "no default answer");
    assert_eq!(msg(key(KeyCode::Char('d')), Mode::Confirm), None);
}

#[test]
fn alt_letters_are_not_commands() {
    let k = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
    assert_eq!(action(k, Mode::Normal), None);
}

#[test]
fn g_and_the_home_key_go_home_only_in_normal_mode() {
    for code in [KeyCode::Char('g'), KeyCode::Home] {
        assert_eq!(msg(key(code), Mode::Normal), Some(Msg::Home), "{code:?}");
    }
    // Typing a date or note: g is a letter, Home moves to the start.
    assert_eq!(
        msg(key(KeyCode::Char('g')), Mode::Edit),
        Some(Msg::Text(TextKey::Insert('g')))
    );
    assert_eq!(
        msg(key(KeyCode::Home), Mode::Edit),
        Some(Msg::Text(TextKey::Start))
    );
    assert_eq!(msg(key(KeyCode::Char('g')), Mode::Confirm), None);
}
