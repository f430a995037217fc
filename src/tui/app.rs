//! The event loop: wait for a key, a resize or a signal; update the wizard;
//! save when it says so; draw. Nothing happens between events.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use super::Outcome;
use super::keys::{self, Action};
use super::screen;
use super::signals::Signals;
use super::terminal::Session;
use super::theme::Theme;
use crate::domain::text_limits::one_line;
use crate::effects;
use crate::store::Store;
use crate::wizard::{Mode, Msg, TextKey, Wizard};

/// Long enough to cost nothing at rest; short enough to notice a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(250);

pub struct App {
    pub wizard: Wizard,
    pub store: Store,
    pub theme: Theme,
    too_small: bool,
}

impl App {
    pub fn new(wizard: Wizard, store: Store, theme: Theme) -> App {
        App {
            wizard,
            store,
            theme,
            too_small: false,
        }
    }

    fn draw(&mut self, session: &mut Session) -> io::Result<()> {
        let (wizard, theme) = (&self.wizard, &self.theme);
        let mut too_small = false;
        let mut scroll_limit = None;
        session.terminal().draw(|frame| {
            too_small = screen::too_small(frame.area());
            scroll_limit = screen::draw(frame, wizard, theme);
        })?;
        self.too_small = too_small;
        if let Some(limit) = scroll_limit {
            self.wizard.limit_scroll(limit);
        }
        Ok(())
    }

    /// Runs until the person quits or a signal ends the run.
    pub fn run(&mut self, session: &mut Session, signals: &Signals) -> io::Result<Outcome> {
        let mut redraw = true;
        loop {
            if let Some(outcome) = signals.ending() {
                return Ok(outcome);
            }
            if signals.take_stop() {
                session.suspend()?;
                signals.take_resumed();
                redraw = true;
            }
            if signals.take_resumed() {
                session.resume()?;
                redraw = true;
            }
            if std::mem::take(&mut redraw) {
                self.draw(session)?;
            }
            let event = match event::poll(SIGNAL_CHECK).and_then(|ready| ready.then(event::read).transpose())
            {
                Ok(Some(event)) => event,
                Ok(None) => continue,
                // A hung-up terminal fails to read: the signal says why.
                Err(e) => return signals.ending().ok_or(e),
            };
            match event {
                Event::Key(key) => match keys::action(key, self.wizard.mode()) {
                    Some(Action::Msg(msg)) => {
                        if self.too_small && !matches!(msg, Msg::Quit | Msg::Interrupt) {
                            continue;
                        }
                        let effects = self.wizard.update(msg);
                        if let Some(outcome) = effects::carry_out(&mut self.wizard, &mut self.store, effects)
                        {
                            return Ok(outcome);
                        }
                        redraw = true;
                    }
                    Some(Action::Suspend) => {
                        session.suspend()?;
                        signals.take_resumed();
                        redraw = true;
                    }
                    Some(Action::Redraw) => {
                        session.repaint()?;
                        redraw = true;
                    }
                    None => {}
                },
                // Text for the field being typed in, never keys: outside a
                // field a paste does nothing.
                Event::Paste(pasted) if self.wizard.mode() == Mode::Edit => {
                    for c in one_line(&pasted).chars() {
                        self.wizard.update(Msg::Text(TextKey::Insert(c)));
                    }
                    redraw = true;
                }
                Event::Resize(..) => redraw = true,
                _ => {}
            }
        }
    }
}
