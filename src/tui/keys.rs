//! Keys to wizard messages: a pure function of the key and the mode.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::wizard::{Mode, Msg, TextKey};

/// What a key asks for: a wizard message, or something only the terminal does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Msg(Msg),
    /// Ctrl-Z: give the terminal back until `fg`.
    Suspend,
    /// Ctrl-L: draw everything again.
    Redraw,
}

/// Only presses count: a release or repeat report (kitty protocol, Windows)
/// must not act twice.
pub fn action(key: KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Msg(Msg::Interrupt)),
            KeyCode::Char('z') => Some(Action::Suspend),
            KeyCode::Char('l') => Some(Action::Redraw),
            KeyCode::Char('u') if mode == Mode::Edit => Some(Action::Msg(Msg::Text(TextKey::Clear))),
            _ => None,
        };
    }
    if key
        .modifiers
        .intersects(KeyModifiers::ALT | KeyModifiers::SUPER | KeyModifiers::META)
    {
        return None;
    }
    let msg = match mode {
        Mode::Normal => normal(key.code),
        Mode::Edit => edit(key.code),
        Mode::Confirm => confirm(key.code),
        Mode::Help => help(key.code),
    };
    msg.map(Action::Msg)
}

fn normal(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => Msg::Next,
        KeyCode::Esc | KeyCode::Left | KeyCode::Char('h') => Msg::Back,
        KeyCode::Char(' ') => Msg::Toggle,
        KeyCode::Tab => Msg::NextField,
        KeyCode::BackTab => Msg::PrevField,
        KeyCode::Char('e') => Msg::EditDate,
        KeyCode::Char('n') => Msg::EditNote,
        KeyCode::Char('a') => Msg::Add,
        KeyCode::Char('d') | KeyCode::Char('x') | KeyCode::Delete => Msg::Remove,
        KeyCode::Char('c') => Msg::Continue,
        KeyCode::Char('r') => Msg::Rename,
        KeyCode::Char('o') => Msg::OpenSource,
        KeyCode::Char('A') => Msg::Region,
        KeyCode::Char('D') => Msg::Account,
        KeyCode::Char('g') | KeyCode::Home => Msg::Home,
        KeyCode::Char('t') => Msg::Deadlines,
        KeyCode::Char('s') => Msg::Summary,
        KeyCode::Char('w') => Msg::Export,
        KeyCode::Char('F') => Msg::Faq,
        KeyCode::Char('T') => Msg::Troubleshooting,
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('q') => Msg::Quit,
        _ => return None,
    })
}

fn edit(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Enter => Msg::Next,
        KeyCode::Esc => Msg::Back,
        KeyCode::Up => Msg::Up,
        KeyCode::Down => Msg::Down,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Left => Msg::Text(TextKey::Left),
        KeyCode::Right => Msg::Text(TextKey::Right),
        KeyCode::Home => Msg::Text(TextKey::Start),
        KeyCode::End => Msg::Text(TextKey::End),
        KeyCode::Backspace => Msg::Text(TextKey::DeleteBack),
        KeyCode::Delete => Msg::Text(TextKey::DeleteForward),
        KeyCode::Char(c) => Msg::Text(TextKey::Insert(c)),
        _ => return None,
    })
}

fn confirm(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Char('y' | 'Y') => Msg::Yes,
        KeyCode::Char('n' | 'N') | KeyCode::Esc => Msg::No,
        KeyCode::Char('q') => Msg::Quit,
        _ => return None,
    })
}

fn help(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Esc | KeyCode::Char('?') | KeyCode::Enter | KeyCode::Left | KeyCode::Char('h') => Msg::Back,
        KeyCode::Char('F') => Msg::Faq,
        KeyCode::Char('T') => Msg::Troubleshooting,
        KeyCode::Char('q') => Msg::Quit,
        _ => return None,
    })
}
