//! The only module that knows the terminal (ratatui + crossterm).
//! CONTRACT with main.rs (owned by the wizard engineer; keep these signatures):
//! `Outcome`, `TuiError`, `interactive_terminal()` and `run(…)`.

mod app;
pub mod keys;
pub mod links;
pub mod screen;
mod signals;
pub mod split;
mod terminal;
pub mod theme;
pub mod views;

use chrono::NaiveDate;

use crate::domain::policy::Policy;
use crate::domain::state::State;
use crate::store::{Store, StoreError};
use crate::wizard::{Wizard, text};

pub use crate::effects::Outcome;

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("the terminal failed: {0}")]
    Terminal(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Both stdin and stdout are terminals (checked before anything is drawn or locked).
pub fn interactive_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// What the wizard needs from the environment; `main` reads it, nothing here does.
#[derive(Debug, Clone)]
pub struct Surroundings {
    /// NO_COLOR is set: draw with symbols and modifiers only.
    pub no_color: bool,
    /// The palette otherwise: for a light or a dark terminal.
    pub shade: theme::Shade,
    /// Where exports go.
    pub folders: crate::effects::Folders,
    /// The terminal shows OSC 8 hyperlinks: addresses become clickable.
    pub hyperlinks: bool,
}

/// Runs the wizard until the person quits; saves through `store` after every change.
///
/// Whatever ends the run — `q`, Ctrl-C, SIGTERM, SIGHUP or a terminal error —
/// the state is saved first and the terminal restored after.
pub fn run(
    store: Store,
    state: State,
    policy: Policy,
    today: NaiveDate,
    around: Surroundings,
) -> Result<Outcome, TuiError> {
    let mut signals = signals::Signals::register()?;
    // Before the terminal is touched: a first write that blocks on a stuck
    // terminal is exactly when the loop cannot look at the signal flags.
    signals.watch()?;
    let wizard = around.folders.given_to(Wizard::open(state, policy, today));
    let theme = if around.no_color {
        theme::Theme::plain()
    } else {
        theme::Theme::shaded(around.shade)
    }
    .with_links(around.hyperlinks);
    let mut app = app::App::new(wizard, store, theme);
    let mut session = terminal::Session::enter()?;
    let outcome = app.run(&mut session, &signals);
    signals.finishing();
    app.wizard.keep_typed();
    let saved = app.store.save(app.wizard.state());
    let left = session.leave();
    let outcome = outcome?;
    if let Some(edited) = saved? {
        // The screen is gone: the note goes where the shell shows it.
        eprintln!("note: {}", text::hand_edit_kept(&edited.display().to_string()));
    }
    if outcome != Outcome::HungUp {
        left?;
    }
    Ok(outcome)
}

/// Draws the wizard into any ratatui frame (tests draw into a `TestBackend`).
pub fn draw(frame: &mut ratatui::Frame, wizard: &Wizard, theme: &theme::Theme) {
    let _ = screen::draw(frame, wizard, theme);
}
