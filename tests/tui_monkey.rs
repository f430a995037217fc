//! Random key sequences at random terminal sizes: the wizard never panics,
//! every frame draws, and the state it would save is valid and reads back.

mod support;

use coursera_exit::domain::state::State;
use coursera_exit::tui::keys::{Action, action};
use coursera_exit::tui::theme::Theme;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::wizard::open;

fn any_key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        // Commands, digits and a dash, weighted so dates get typed.
        prop::sample::select(vec![
            'a', 'd', 'x', 'y', 'n', 'e', 'c', '?', ' ', 'j', 'k', 'h', 'l', '2', '0', '-', '1', '9'
        ])
        .prop_map(KeyCode::Char),
        prop::char::any().prop_map(KeyCode::Char),
    ];
    // Never Ctrl-C or q: the run would simply end.
    code.prop_filter("not quit", |c| *c != KeyCode::Char('q'))
        .prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE))
}

/// 64 sequences by default; PROPTEST_CASES=N for a long run.
fn config() -> ProptestConfig {
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        ProptestConfig::default().cases
    } else {
        64
    };
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        keys in prop::collection::vec(any_key(), 1..120),
        width in 20u16..130,
        height in 8u16..50,
    ) {
        let mut wizard = open(State::default());
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        for key in keys {
            if let Some(Action::Msg(msg)) = action(key, wizard.mode()) {
                let effects = wizard.update(msg);
                prop_assert_eq!(effects.exit, None);
            }
            terminal.draw(|f| coursera_exit::tui::draw(f, &wizard, &Theme::colored())).expect("drawn");
            prop_assert_eq!(wizard.state().validate(), Ok(()));
        }
        // What would be saved reads back as the same state.
        let text = coursera_exit::store::to_toml(wizard.state());
        let back = coursera_exit::store::parse(std::path::Path::new("state.toml"), text.as_bytes());
        prop_assert_eq!(back.ok(), Some(wizard.state().clone()));
    }
}
