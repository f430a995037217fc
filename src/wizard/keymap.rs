//! Every key the wizard answers to, once: which mode it works in, what it
//! does, how the help shows it and the word the line-by-line front end
//! accepts for it. The terminal's key handling, the help overlay and the
//! plain prompt all read this table, so they cannot disagree (the shape of
//! the command line's `cli/table.rs`).

use super::msg::{Mode, Msg, TextKey};

/// A key, as the wizard names it (the terminal layer translates its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// Control held with a letter.
    Ctrl(char),
    Enter,
    Esc,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Backspace,
    Delete,
}

impl Key {
    /// How the help writes this key; a test checks each appears in its line.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Enter => "Enter".to_string(),
            Key::Esc => "Esc".to_string(),
            Key::Up => "↑".to_string(),
            Key::Down => "↓".to_string(),
            Key::Left => "←".to_string(),
            Key::Right => "→".to_string(),
            Key::PageUp => "PgUp".to_string(),
            Key::PageDown => "PgDn".to_string(),
            Key::Home => "Home".to_string(),
            Key::End => "End".to_string(),
            Key::Tab => "Tab".to_string(),
            Key::BackTab => "Shift-Tab".to_string(),
            Key::Backspace => "Backspace".to_string(),
            Key::Delete => "Del".to_string(),
        }
    }
}

/// What a key asks for: a message to the wizard, or something only a
/// terminal does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    Msg(Msg),
    /// Ctrl-Z: give the terminal back until `fg`.
    Suspend,
    /// Ctrl-L: draw everything again.
    Redraw,
}

/// A section of the help, and so the modes its keys work in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Every mode.
    Anywhere,
    /// Moving around a page (normal mode).
    Moving,
    /// The overview keys, from any page (normal mode).
    More,
    /// A date or a note being typed.
    Typing,
    /// A yes/no question.
    YesNo,
    /// The help itself.
    InHelp,
}

impl Group {
    pub fn works_in(self, mode: Mode) -> bool {
        match self {
            Group::Anywhere => true,
            Group::Moving | Group::More => mode == Mode::Normal,
            Group::Typing => mode == Mode::Edit,
            Group::YesNo => mode == Mode::Confirm,
            Group::InHelp => mode == Mode::Help,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Group::Anywhere => "Anywhere",
            Group::Moving => "Moving around",
            Group::More => "From any screen (not while typing)",
            Group::Typing => "Typing a date or a note",
            Group::YesNo => "A yes/no question",
            Group::InHelp => "In this help",
        }
    }
}

/// One line of the help: the keys as shown, what they do, and each key
/// with what it does.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub group: Group,
    pub shown: &'static str,
    pub label: &'static str,
    pub keys: &'static [(Key, Does)],
    /// What the plain front end accepts instead of a key (empty: none).
    pub word: &'static str,
}

const fn bind(
    group: Group,
    shown: &'static str,
    label: &'static str,
    word: &'static str,
    keys: &'static [(Key, Does)],
) -> Binding {
    Binding {
        group,
        shown,
        label,
        keys,
        word,
    }
}

const fn m(msg: Msg) -> Does {
    Does::Msg(msg)
}

use Group::{Anywhere, InHelp, More, Moving, Typing, YesNo};
use Key::{
    BackTab, Backspace, Char, Ctrl, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

/// Moving a line, or scrolling one: the same keys wherever they work.
const UP_DOWN: &[(Key, Does)] = &[
    (Up, m(Msg::Up)),
    (Char('k'), m(Msg::Up)),
    (Down, m(Msg::Down)),
    (Char('j'), m(Msg::Down)),
];
const PAGES: &[(Key, Does)] = &[(PageUp, m(Msg::PageUp)), (PageDown, m(Msg::PageDown))];

/// In the order the help lists them.
pub const BINDINGS: &[Binding] = &[
    bind(
        Anywhere,
        "Ctrl-C",
        "save and quit",
        "",
        &[(Ctrl('c'), m(Msg::Interrupt))],
    ),
    bind(
        Anywhere,
        "Ctrl-Z",
        "suspend (fg to come back)",
        "",
        &[(Ctrl('z'), Does::Suspend)],
    ),
    bind(
        Anywhere,
        "Ctrl-L",
        "draw the screen again",
        "",
        &[(Ctrl('l'), Does::Redraw)],
    ),
    bind(Moving, "↑/↓ or j/k", "move", "", UP_DOWN),
    bind(Moving, "PgUp/PgDn", "scroll the details, or jump", "", PAGES),
    bind(
        Moving,
        "Enter, → or l",
        "choose / next",
        "",
        &[
            (Enter, m(Msg::Next)),
            (Right, m(Msg::Next)),
            (Char('l'), m(Msg::Next)),
        ],
    ),
    bind(
        Moving,
        "Esc, ← or h",
        "back where you came from (answers kept)",
        "back",
        &[
            (Esc, m(Msg::Back)),
            (Left, m(Msg::Back)),
            (Char('h'), m(Msg::Back)),
        ],
    ),
    bind(Moving, "Space", "toggle", "tick", &[(Char(' '), m(Msg::Toggle))]),
    bind(
        Moving,
        "Tab / Shift-Tab",
        "next / previous field, or account",
        "tab",
        &[(Tab, m(Msg::NextField)), (BackTab, m(Msg::PrevField))],
    ),
    bind(
        Moving,
        "e",
        "edit the date",
        "date",
        &[(Char('e'), m(Msg::EditDate))],
    ),
    bind(
        Moving,
        "n",
        "edit the note of the selected item",
        "note",
        &[(Char('n'), m(Msg::EditNote))],
    ),
    bind(
        Moving,
        "a",
        "add a subscription (Home)",
        "add",
        &[(Char('a'), m(Msg::Add))],
    ),
    bind(
        Moving,
        "d, x or Del",
        "remove (Home) / not used (checklist)",
        "remove",
        &[
            (Char('d'), m(Msg::Remove)),
            (Char('x'), m(Msg::Remove)),
            (Delete, m(Msg::Remove)),
        ],
    ),
    bind(
        Moving,
        "c",
        "continue where you left off (Home)",
        "continue",
        &[(Char('c'), m(Msg::Continue))],
    ),
    bind(
        Moving,
        "r",
        "rename (Home; on an account's page, the account)",
        "rename",
        &[(Char('r'), m(Msg::Rename))],
    ),
    bind(
        Moving,
        "?",
        "this help (Esc closes it)",
        "help",
        &[(Char('?'), m(Msg::Help))],
    ),
    bind(Moving, "q", "save and quit", "quit", &[(Char('q'), m(Msg::Quit))]),
    bind(
        More,
        "g or Home",
        "back to Home",
        "home",
        &[(Char('g'), m(Msg::Home)), (Home, m(Msg::Home))],
    ),
    bind(
        More,
        "t",
        "every deadline in one table",
        "deadlines",
        &[(Char('t'), m(Msg::Deadlines))],
    ),
    bind(
        More,
        "s",
        "summary of your choices and dates",
        "summary",
        &[(Char('s'), m(Msg::Summary))],
    ),
    bind(
        More,
        "D",
        "decide about the account: delete it or keep it",
        "account",
        &[(Char('D'), m(Msg::Account))],
    ),
    bind(
        More,
        "N",
        "another Coursera account of yours: name it (Home)",
        "new-account",
        &[(Char('N'), m(Msg::NewAccount))],
    ),
    bind(
        More,
        "A",
        "do you live in the EU or the UK? (change the answer)",
        "region",
        &[(Char('A'), m(Msg::Region))],
    ),
    bind(
        More,
        "F",
        "questions people ask (works in this help too)",
        "faq",
        &[(Char('F'), m(Msg::Faq))],
    ),
    bind(
        More,
        "T",
        "troubleshooting (works in this help too)",
        "troubleshooting",
        &[(Char('T'), m(Msg::Troubleshooting))],
    ),
    bind(
        More,
        "w",
        "export the plan and a calendar (Summary)",
        "export",
        &[(Char('w'), m(Msg::Export))],
    ),
    bind(
        More,
        "o",
        "open the highlighted rule's source in your browser",
        "source",
        &[(Char('o'), m(Msg::OpenSource))],
    ),
    bind(Typing, "letters, digits", "typed as text", "", &[]),
    bind(Typing, "Enter", "accept", "", &[(Enter, m(Msg::Next))]),
    bind(Typing, "Esc", "cancel the edit", "", &[(Esc, m(Msg::Back))]),
    bind(
        Typing,
        "↑ / ↓",
        "a day later / earlier",
        "",
        &[(Up, m(Msg::Up)), (Down, m(Msg::Down))],
    ),
    bind(Typing, "PgUp / PgDn", "a month later / earlier", "", PAGES),
    bind(
        Typing,
        "←/→, Home/End",
        "move in the text",
        "",
        &[
            (Left, m(Msg::Text(TextKey::Left))),
            (Right, m(Msg::Text(TextKey::Right))),
            (Home, m(Msg::Text(TextKey::Start))),
            (End, m(Msg::Text(TextKey::End))),
        ],
    ),
    bind(
        Typing,
        "Backspace/Del",
        "delete a character",
        "",
        &[
            (Backspace, m(Msg::Text(TextKey::DeleteBack))),
            (Delete, m(Msg::Text(TextKey::DeleteForward))),
        ],
    ),
    bind(
        Typing,
        "Ctrl-U",
        "delete everything",
        "",
        &[(Ctrl('u'), m(Msg::Text(TextKey::Clear)))],
    ),
    bind(
        YesNo,
        "y",
        "yes",
        "yes",
        &[(Char('y'), m(Msg::Yes)), (Char('Y'), m(Msg::Yes))],
    ),
    bind(
        YesNo,
        "n or Esc",
        "no",
        "no",
        &[
            (Char('n'), m(Msg::No)),
            (Char('N'), m(Msg::No)),
            (Esc, m(Msg::No)),
        ],
    ),
    bind(YesNo, "q", "save and quit", "quit", &[(Char('q'), m(Msg::Quit))]),
    bind(InHelp, "↑/↓ or j/k", "scroll", "", UP_DOWN),
    bind(InHelp, "PgUp/PgDn", "scroll a page", "", PAGES),
    bind(
        InHelp,
        "Esc, ?, Enter, ←, h",
        "close",
        "back",
        &[
            (Esc, m(Msg::Back)),
            (Char('?'), m(Msg::Back)),
            (Enter, m(Msg::Back)),
            (Left, m(Msg::Back)),
            (Char('h'), m(Msg::Back)),
        ],
    ),
    bind(
        InHelp,
        "F / T",
        "questions people ask / troubleshooting",
        "",
        &[(Char('F'), m(Msg::Faq)), (Char('T'), m(Msg::Troubleshooting))],
    ),
    bind(InHelp, "q", "save and quit", "quit", &[(Char('q'), m(Msg::Quit))]),
];

/// What `key` does in `mode`. In a field, any other character is typed.
pub fn lookup(key: Key, mode: Mode) -> Option<Does> {
    let bound = BINDINGS
        .iter()
        .filter(|b| b.group.works_in(mode))
        .flat_map(|b| b.keys.iter())
        .find(|(k, _)| *k == key)
        .map(|(_, does)| *does);
    match (bound, key) {
        (None, Key::Char(c)) if mode == Mode::Edit => Some(Does::Msg(Msg::Text(TextKey::Insert(c)))),
        _ => bound,
    }
}

/// The binding a plain-mode word (or a one-letter key typed as a word) names, in `mode`.
pub fn by_word(word: &str, mode: Mode) -> Option<Msg> {
    let mut letters = word.chars();
    let one_letter = match (letters.next(), letters.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    BINDINGS.iter().filter(|b| b.group.works_in(mode)).find_map(|b| {
        let named = !b.word.is_empty() && b.word.eq_ignore_ascii_case(word);
        b.keys.iter().find_map(|(key, does)| match does {
            Does::Msg(msg) if named || one_letter.is_some_and(|c| *key == Key::Char(c)) => Some(*msg),
            _ => None,
        })
    })
}

/// The help's sections, in order, with their lines.
pub fn help_groups() -> Vec<(Group, Vec<&'static Binding>)> {
    [Anywhere, Moving, More, Typing, YesNo, InHelp]
        .into_iter()
        .map(|g| (g, BINDINGS.iter().filter(|b| b.group == g).collect()))
        .collect()
}
