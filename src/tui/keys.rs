//! Keys to wizard messages: crossterm's key named the wizard's way, then
//! looked up in the one key table (`wizard::keymap`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::wizard::Mode;
use crate::wizard::keymap::{self, Key};

/// What a key asks for: a wizard message, or something only the terminal does.
pub use crate::wizard::keymap::Does as Action;

/// Only presses count: a release or repeat report (kitty protocol, Windows)
/// must not act twice.
pub fn action(key: KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key
        .modifiers
        .intersects(KeyModifiers::ALT | KeyModifiers::SUPER | KeyModifiers::META)
    {
        return None;
    }
    keymap::lookup(named(key)?, mode)
}

/// The key as the table names it; keys the wizard never uses are `None`.
pub fn named(key: KeyEvent) -> Option<Key> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char(c) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    })
}

/// The crossterm key for a table key: what a test presses to try it.
pub fn event(key: Key) -> KeyEvent {
    match key {
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::BackTab => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        other => KeyEvent::new(
            match other {
                Key::Char(c) => KeyCode::Char(c),
                Key::Enter => KeyCode::Enter,
                Key::Esc => KeyCode::Esc,
                Key::Up => KeyCode::Up,
                Key::Down => KeyCode::Down,
                Key::Left => KeyCode::Left,
                Key::Right => KeyCode::Right,
                Key::PageUp => KeyCode::PageUp,
                Key::PageDown => KeyCode::PageDown,
                Key::Home => KeyCode::Home,
                Key::End => KeyCode::End,
                Key::Tab => KeyCode::Tab,
                Key::Backspace => KeyCode::Backspace,
                Key::Delete => KeyCode::Delete,
                Key::Ctrl(_) | Key::BackTab => unreachable!("handled above"),
            },
            KeyModifiers::NONE,
        ),
    }
}
