//! One key table drives the keys, the help and the footer: every key it
//! lists does what it says in the terminal, the help shows each, and the
//! footer never names a key that does nothing.

mod support;

use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::tui::keys::{Action, action, event};
use coursera_exit::wizard::keymap::{BINDINGS, Does, Key, lookup};
use coursera_exit::wizard::{Mode, Msg, TextKey, Wizard};
use support::screen::lines;
use support::wizard::{add, open};

const ALL_MODES: [Mode; 4] = [Mode::Normal, Mode::Edit, Mode::Confirm, Mode::Help];

/// Every key a name could stand for in the help or a footer.
fn every_key() -> Vec<Key> {
    let mut keys = vec![
        Key::Enter,
        Key::Esc,
        Key::Up,
        Key::Down,
        Key::Left,
        Key::Right,
        Key::PageUp,
        Key::PageDown,
        Key::Home,
        Key::End,
        Key::Tab,
        Key::BackTab,
        Key::Backspace,
        Key::Delete,
    ];
    keys.extend((' '..='~').map(Key::Char));
    keys.extend(('a'..='z').map(Key::Ctrl));
    keys
}

#[test]
fn every_key_in_the_table_does_what_the_table_says_in_the_terminal() {
    for binding in BINDINGS {
        for mode in ALL_MODES.into_iter().filter(|m| binding.group.works_in(*m)) {
            for (key, does) in binding.keys {
                assert_eq!(
                    action(event(*key), mode),
                    Some(*does),
                    "{} ({:?}) in {mode:?}: another line of the table takes this key first",
                    binding.shown,
                    key
                );
            }
        }
    }
}

#[test]
fn each_line_of_the_help_names_every_key_it_binds() {
    for binding in BINDINGS {
        for (key, _) in binding.keys {
            // "↑/↓ or j/k": ↑ and k are there; "Esc, ?, Enter, ←, h": each.
            // A capital that does what its small letter does is not listed apart (y, Y).
            let name = match key {
                Key::Char(c)
                    if c.is_ascii_uppercase()
                        && binding
                            .keys
                            .iter()
                            .any(|(k, _)| *k == Key::Char(c.to_ascii_lowercase())) =>
                {
                    c.to_ascii_lowercase().to_string()
                }
                _ => key.name(),
            };
            assert!(
                binding.shown.contains(&name),
                "the help line {:?} does not name {name}",
                binding.shown
            );
        }
    }
}

/// The help scrolled from top to bottom at 80x24, as one text.
fn whole_help(wizard: &mut Wizard) -> String {
    wizard.update(Msg::Help);
    let mut seen = String::new();
    for _ in 0..120 {
        seen.push_str(&lines(wizard, 80, 24).join("\n"));
        wizard.update(Msg::Down);
    }
    seen
}

#[test]
fn the_help_shows_every_line_of_the_table() {
    let mut wizard = open(State::default());
    let help = whole_help(&mut wizard);
    for binding in BINDINGS {
        assert!(
            help.contains(binding.shown),
            "{:?} missing from the help",
            binding.shown
        );
        assert!(
            help.contains(binding.label),
            "{:?} missing from the help",
            binding.label
        );
        assert!(
            help.contains(binding.group.title()),
            "{:?}",
            binding.group.title()
        );
    }
}

#[test]
fn in_a_field_every_other_character_is_typed_not_run() {
    for c in ['q', 'a', 'D', '?', 'y', ' ', 'é'] {
        assert_eq!(
            lookup(Key::Char(c), Mode::Edit),
            Some(Does::Msg(Msg::Text(TextKey::Insert(c))))
        );
    }
    assert_eq!(lookup(Key::Char('q'), Mode::Normal), Some(Does::Msg(Msg::Quit)));
}

/// The keys a footer entry names: "↑↓", "Enter/e", "PgUp/PgDn", "n or Esc".
fn footer_keys(shown: &str) -> Vec<Key> {
    let names: Vec<String> = if shown == "↑↓" {
        vec!["↑".into(), "↓".into()]
    } else {
        shown
            .split(['/', ','])
            .flat_map(|part| part.split(" or "))
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .collect()
    };
    let keys = every_key();
    names
        .iter()
        .map(|name| {
            *keys
                .iter()
                .find(|k| k.name() == *name)
                .unwrap_or_else(|| panic!("the footer names a key {name:?} that no key is called"))
        })
        .collect()
}

fn journey_state() -> State {
    let mut s = State::default();
    add(
        &mut s,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-25",
        Some("ML trial"),
    );
    add(
        &mut s,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-01-08",
        None,
    );
    add(&mut s, PlanKind::PlusAnnual, Channel::Android, "2025-06-15", None);
    s
}

/// A long, fixed, pseudo-random walk through every page, mode and overlay;
/// after each message, each key the footer offers must do something there.
#[test]
fn the_footer_only_offers_keys_that_work_where_it_offers_them() {
    let walk = [
        Msg::Up,
        Msg::Down,
        Msg::Down,
        Msg::Next,
        Msg::Next,
        Msg::Back,
        Msg::Toggle,
        Msg::NextField,
        Msg::EditDate,
        Msg::EditNote,
        Msg::Add,
        Msg::Remove,
        Msg::Rename,
        Msg::Account,
        Msg::Region,
        Msg::Home,
        Msg::Deadlines,
        Msg::Summary,
        Msg::Faq,
        Msg::Troubleshooting,
        Msg::Help,
        Msg::Yes,
        Msg::No,
        Msg::PageDown,
        Msg::Text(TextKey::Insert('7')),
    ];
    let mut wizard = open(journey_state());
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut checked = 0;
    for _ in 0..3000 {
        let mode = wizard.mode();
        for command in wizard.commands() {
            for key in footer_keys(command.keys) {
                assert!(
                    lookup(key, mode).is_some(),
                    "the footer offers {} ({}) in {mode:?}, which does nothing there",
                    command.keys,
                    command.action
                );
                checked += 1;
            }
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        wizard.update(walk[(seed % walk.len() as u64) as usize]);
    }
    assert!(checked > 10_000, "the walk saw too few footers: {checked}");
}

#[test]
fn a_plain_word_names_the_same_message_as_its_key() {
    use coursera_exit::wizard::keymap::by_word;
    assert_eq!(by_word("deadlines", Mode::Normal), Some(Msg::Deadlines));
    assert_eq!(by_word("t", Mode::Normal), Some(Msg::Deadlines));
    assert_eq!(by_word("D", Mode::Normal), Some(Msg::Account));
    assert_eq!(by_word("d", Mode::Normal), Some(Msg::Remove));
    assert_eq!(by_word("yes", Mode::Confirm), Some(Msg::Yes));
    assert_eq!(by_word("yes", Mode::Normal), None);
    assert_eq!(by_word("q", Mode::Edit), None, "a field takes words as text");
    let _ = Action::Redraw;
}
