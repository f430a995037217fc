//! coursera-exit: a keyboard-driven wizard for leaving Coursera cleanly.
//!
//! Doors open one way: `domain` ← `wizard` ← `tui`; `store` and `export`
//! use `domain`; `main` and `cli` wire them together.

pub mod cli;
pub mod commands;
pub mod domain;
pub mod export;
pub mod store;
pub mod tui;
pub mod wizard;
