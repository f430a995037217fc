//! Colours and emphasis. Colour only repeats what symbols already say, so
//! with NO_COLOR (or a monochrome snapshot) nothing is lost.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::deadlines::Urgency;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn colored() -> Theme {
        Theme { color: true }
    }

    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title_bar(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn current_step(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn done(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn border(&self) -> Style {
        self.fg(Color::Gray)
    }

    pub fn urgency(&self, urgency: Urgency) -> Style {
        match urgency {
            Urgency::Overdue => self.fg(Color::Red),
            Urgency::Today => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Urgency::Urgent => self.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Urgency::Soon => self.fg(Color::Yellow),
            Urgency::Later => self.fg(Color::Green),
        }
    }
}

/// The symbol that carries the urgency without colour.
pub fn urgency_symbol(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Overdue => "✗",
        Urgency::Today | Urgency::Urgent => "!",
        Urgency::Soon => "•",
        Urgency::Later => "·",
    }
}

pub const DONE_SYMBOL: &str = "✓";
pub const SELECTED_SYMBOL: &str = "> ";
pub const ERROR_SYMBOL: &str = "✗";
pub const INCOMPLETE_SYMBOL: &str = "?";
