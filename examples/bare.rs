//! The floor of SPEC §7: a bare ratatui program with no state and no policy.
//! What `coursera-exit` costs above this (first frame, memory, size) is what
//! the product itself costs. Run: `cargo run --release --example bare`
//! (any key quits). `benches/first_frame.rs` runs it side by side with ours.

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::text::Line;
use ratatui::widgets::{Block, List};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let items = ["Pause", "Cancel", "Delete the account"];
    let drawn = terminal.draw(|frame| {
        let list = List::new(items).block(Block::bordered().title(Line::from(" Bare ratatui ")));
        frame.render_widget(list, frame.area());
    });
    // Only a press quits: some terminals also report the release of the key.
    let waited = drawn.and_then(|_| {
        loop {
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
            {
                break Ok(());
            }
        }
    });
    ratatui::restore();
    waited
}
