//! Drawing the wizard into a test terminal, as the snapshot tests see it.

use coursera_exit::tui::theme::Theme;
use coursera_exit::wizard::Wizard;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// One frame of the wizard at `width`x`height`, without colour: every
/// meaning colour carries is also a symbol, so text snapshots show it.
pub fn render(wizard: &Wizard, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| coursera_exit::tui::draw(frame, wizard, &Theme::plain()))
        .expect("drawn");
    terminal
}

/// The rows of one frame as text, one `String` per row, for tests that look
/// for a word or a mark rather than compare the whole frame.
pub fn lines(wizard: &Wizard, width: u16, height: u16) -> Vec<String> {
    let terminal = render(wizard, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}
