//! Entering and leaving full-screen mode, in every way a run can end:
//! normally, on a panic, on a signal, and around a Ctrl-Z suspension.

use std::io::{self, BufWriter, Stdout, stdout};
use std::sync::Once;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;

/// Buffered, so a frame reaches the terminal in one write (ratatui flushes
/// after every draw) instead of tearing across several.
pub type Backend = CrosstermBackend<BufWriter<Stdout>>;

/// Raw mode and the alternate screen for as long as it lives.
pub struct Session {
    terminal: Terminal<Backend>,
    active: bool,
}

impl Session {
    pub fn enter() -> io::Result<Session> {
        install_panic_hook();
        activate()?;
        match Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
            64 * 1024,
            stdout(),
        ))) {
            Ok(terminal) => Ok(Session {
                terminal,
                active: true,
            }),
            Err(e) => {
                let _ = restore();
                Err(e)
            }
        }
    }

    pub fn terminal(&mut self) -> &mut Terminal<Backend> {
        &mut self.terminal
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    pub fn leave(&mut self) -> io::Result<()> {
        if !std::mem::take(&mut self.active) {
            return Ok(());
        }
        restore()
    }

    /// Ctrl-Z: restore the terminal, stop like any job, and take the screen
    /// again on `fg`.
    pub fn suspend(&mut self) -> io::Result<()> {
        self.leave()?;
        // SIGTSTP has a handler of ours, so stop the default way (SIGSTOP).
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        self.resume()
    }

    /// After a stop we did not cause (SIGCONT): take the screen again.
    pub fn resume(&mut self) -> io::Result<()> {
        activate()?;
        self.active = true;
        self.repaint()
    }

    /// The screen was drawn over (by the shell, or garbled): clear it and make
    /// the next draw write every cell. `Terminal::clear` would ask the
    /// terminal where its cursor is, which a terminal may never answer.
    pub fn repaint(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal.resize(Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.leave();
    }
}

fn activate() -> io::Result<()> {
    enable_raw_mode()?;
    // Bracketed paste: a pasted text arrives as one event, never as keys
    // (a pasted newline must not press Enter, nor its letters run commands).
    if let Err(e) = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste) {
        let _ = disable_raw_mode();
        return Err(e);
    }
    Ok(())
}

/// Raw mode off, main screen back, cursor visible.
pub fn restore() -> io::Result<()> {
    let raw = disable_raw_mode();
    execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show)?;
    raw
}

/// A panic restores the terminal before the message is printed, so the
/// message is readable and the shell usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore();
            previous(info);
        }));
    });
}
