//! Random key sequences at random terminal sizes (down to 1x1), through the
//! same steps as the app loop: keys → messages → wizard → export effects →
//! draw. The wizard never panics, every frame draws, after every step the
//! state it would save is valid and reads back equal, and what was drawn
//! from (the kept deadlines, summary and page description) is what the
//! state as it is would give.
//!
//! The default run (a few hundred sequences, fixed seed) must reach every
//! page: `page_name` matches every `Page` variant without a wildcard, so a
//! new screen does not compile here until it is listed, and a screen the
//! keys stop reaching fails the run. `COURSERA_EXIT_MONKEY_RUNS=N` runs N
//! sequences from a random seed instead.

mod support;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;

use coursera_exit::domain::actions::accounts;
use coursera_exit::domain::deadlines::deadlines;
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::state::State;
use coursera_exit::tui::keys::{Action, action};
use coursera_exit::tui::screen;
use coursera_exit::tui::theme::Theme;
use coursera_exit::wizard::export::{ExportOutcome, ExportRequest};
use coursera_exit::wizard::reference::Topic;
use coursera_exit::wizard::summary::overview;
use coursera_exit::wizard::{Exit, Mode, Msg, Page, Wizard};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseResult, TestRng, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use support::summary::several_and_deleting;
use support::wizard::{open, resume_at};

/// Sequences in the default run.
const DEFAULT_RUNS: u32 = 300;

/// Every page, by name. Listing a new `Page` variant here is what keeps
/// this test covering it.
fn page_name(page: &Page) -> &'static str {
    match page {
        Page::Home(_) => "Home",
        Page::Identify(_) => "Identify",
        Page::Decide(_) => "Decide",
        Page::Steps(_) => "Steps",
        Page::Checklist(_) => "Checklist",
        Page::Deadlines(_) => "Deadlines",
        Page::Summary(_) => "Summary",
        Page::Reference(r) => match r.topic() {
            Topic::Faq => "FAQ",
            Topic::Troubleshooting => "Troubleshooting",
        },
    }
}

const EVERY_PAGE: [&str; 9] = [
    "Home",
    "Identify",
    "Decide",
    "Steps",
    "Checklist",
    "Deadlines",
    "Summary",
    "FAQ",
    "Troubleshooting",
];

#[derive(Debug, Clone)]
enum Step {
    /// A key, and which report the front end gives if it asks for an export.
    Key(KeyEvent, u8),
    Resize(u16, u16),
}

fn any_key() -> impl Strategy<Value = KeyEvent> {
    let plain = prop_oneof![
        8 => prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
        ]),
        // Every command of every screen, and what dates and folders are made of.
        10 => prop::sample::select(vec![
            'a', 'A', 'D', 'd', 'x', 'y', 'n', 'e', 'c', 't', 's', 'w', 'F', 'T', '?', ' ', 'j', 'k', 'h',
            'l', '0', '1', '2', '3', '5', '6', '9', '-', '/', '~', '.', 'N', 'r',
        ])
        .prop_map(KeyCode::Char),
        // Quitting ends the sequence early: rare.
        1 => Just(KeyCode::Char('q')),
        1 => prop::char::any().prop_map(KeyCode::Char),
    ]
    .prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE));
    prop_oneof![
        30 => plain,
        1 => prop::sample::select(vec!['u', 'l'])
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

/// Mostly sizes that draw the pages; sometimes ones too small, down to 1x1.
fn any_size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        6 => (60u16..=130, 20u16..=50),
        1 => (1u16..=130, 1u16..=50),
    ]
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        40 => (any_key(), any::<u8>()).prop_map(|(k, r)| Step::Key(k, r)),
        1 => any_size().prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// Where a run starts: nothing tracked; a full state; or that state
/// resumed at a saved position (which may name a subscription that is gone).
fn any_start() -> impl Strategy<Value = State> {
    let position = (
        prop::sample::select(Screen::JOURNEY.to_vec()),
        prop::option::of(prop::sample::select(vec!["s1", "s2", "s3", "s4", "s9"])),
    );
    prop_oneof![
        1 => Just(State::default()),
        2 => Just(several_and_deleting()),
        // Several accounts: s2 paid by a second one, s3's account not answered.
        2 => position.clone().prop_map(|(screen, sub)| {
            let mut state = several_and_deleting();
            accounts::add(&mut state, "Google sign-in").expect("a2");
            if let Some(s) = state.subscription_mut("s2") {
                s.account = "a2".to_string();
            }
            if let Some(s) = state.subscription_mut("s3") {
                s.account_unknown = true;
            }
            resume_at(&mut state, screen, sub);
            state
        }),
        2 => position.prop_map(|(screen, sub)| {
            let mut state = several_and_deleting();
            resume_at(&mut state, screen, sub);
            state
        }),
    ]
}

/// What the front end would report: the folder missing, a different file
/// there (until the person says yes), or both files written.
fn report(request: &ExportRequest, pick: u8) -> ExportOutcome {
    let paths = || request.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    match pick % 3 {
        0 => ExportOutcome::Failed {
            dir: request.dir.clone(),
            written: Vec::new(),
            why: format!("{} does not exist", request.dir.display()),
        },
        1 if !request.overwrite => ExportOutcome::AskOverwrite {
            dir: request.dir.clone(),
            differing: paths(),
        },
        _ => ExportOutcome::Done {
            dir: request.dir.clone(),
            written: paths(),
            up_to_date: Vec::new(),
        },
    }
}

fn reads_back(wizard: &Wizard) -> Result<(), TestCaseError> {
    prop_assert_eq!(wizard.state().validate(), Ok(()));
    let text = coursera_exit::store::to_toml(wizard.state());
    let back = coursera_exit::store::parse(Path::new("state.toml"), text.as_bytes()).ok();
    prop_assert_eq!(back.as_ref(), Some(wizard.state()));
    Ok(())
}

#[derive(Default)]
struct Seen {
    pages: BTreeSet<&'static str>,
    modes: BTreeSet<String>,
}

fn run_one(start: State, size: (u16, u16), steps: Vec<Step>, seen: &RefCell<Seen>) -> TestCaseResult {
    let theme = Theme::colored();
    let mut wizard = open(start).with_folders("/monkey".into(), Some("/home/monkey".into()));
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a test terminal");
    let mut area = Rect::new(0, 0, size.0, size.1);
    for step in steps {
        match step {
            Step::Resize(w, h) => {
                terminal.backend_mut().resize(w, h);
                area = Rect::new(0, 0, w, h);
            }
            Step::Key(key, pick) => {
                let Some(Action::Msg(msg)) = action(key, wizard.mode()) else {
                    continue;
                };
                // As the app loop: a terminal too small takes only quit keys.
                if screen::too_small(area) && !matches!(msg, Msg::Quit | Msg::Interrupt) {
                    continue;
                }
                let effects = wizard.update(msg);
                if let Some(request) = &effects.export {
                    prop_assert_eq!(request.files.len(), 2);
                    wizard.exported(report(request, pick));
                }
                if let Some(exit) = effects.exit {
                    prop_assert_eq!(exit, Exit::Quit);
                    prop_assert!(effects.save, "quitting saves");
                    return reads_back(&wizard);
                }
            }
        }
        let mut help_limit = None;
        terminal
            .draw(|frame| help_limit = screen::draw(frame, &wizard, &theme))
            .expect("drawn");
        if let Some(limit) = help_limit {
            wizard.limit_scroll(limit);
        }
        let mut seen = seen.borrow_mut();
        seen.pages.insert(page_name(wizard.page()));
        seen.modes.insert(format!("{:?}", wizard.mode()));
        drop(seen);
        reads_back(&wizard)?;
        // The deadlines the screens draw from are never those of an older state.
        let fresh = deadlines(wizard.state(), &wizard.policy().rules, wizard.today());
        prop_assert_eq!(wizard.deadlines(), fresh.as_slice());
        let summary = overview(wizard.state(), wizard.policy(), wizard.today());
        prop_assert_eq!(wizard.summary(), &summary);
        // Nor is the page description every frame draws from.
        prop_assert_eq!(wizard.view(), &wizard.describe());
    }
    // What was saved opens again.
    let reopened = open(wizard.state().clone());
    terminal
        .draw(|frame| coursera_exit::tui::draw(frame, &reopened, &theme))
        .expect("drawn");
    Ok(())
}

#[test]
fn random_keys_at_random_sizes_never_panic_save_valid_states_and_reach_every_page() {
    let long = std::env::var("COURSERA_EXIT_MONKEY_RUNS")
        .ok()
        .map(|n| n.parse::<u32>().expect("COURSERA_EXIT_MONKEY_RUNS is a number"));
    let config = Config {
        cases: long.unwrap_or(DEFAULT_RUNS),
        failure_persistence: None,
        ..Config::default()
    };
    // A fixed seed by default, so what the run covers does not vary.
    let mut runner = match long {
        Some(_) => TestRunner::new(config),
        None => {
            let rng = TestRng::deterministic_rng(config.rng_algorithm);
            TestRunner::new_with_rng(config, rng)
        }
    };
    let seen = RefCell::new(Seen::default());
    let strategy = (any_start(), any_size(), prop::collection::vec(any_step(), 1..160));
    let result = runner.run(&strategy, |(start, size, steps)| {
        run_one(start, size, steps, &seen)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let seen = seen.into_inner();
    let missing: Vec<&str> = EVERY_PAGE
        .into_iter()
        .filter(|p| !seen.pages.contains(p))
        .collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
    for mode in [Mode::Normal, Mode::Edit, Mode::Confirm, Mode::Help] {
        assert!(
            seen.modes.contains(&format!("{mode:?}")),
            "never in {mode:?} mode"
        );
    }
}
