//! coursera-exit: a keyboard-driven wizard for leaving Coursera cleanly.
//!
//! Doors open one way: `domain` ← `wizard` ← `tui`; `store` and `export`
//! use `domain`; `main` and `cli` wire them together.

pub mod domain;
pub mod store;
pub mod export;
pub mod tui;
pub mod wizard;
