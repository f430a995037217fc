//! The only module that knows the terminal (ratatui + crossterm).
