//! coursera-exit: a keyboard-driven wizard for leaving Coursera cleanly.
//!
//! Doors open one way: `domain` ← `wizard` ← `tui` and `plain` (the two
//! front ends, which render the wizard's page descriptions); `store` and
//! `export` use `domain`; `effects` carries out what the wizard asks of the
//! world; `main` and `cli` wire them together.

pub mod cli;
pub mod commands;
pub mod domain;
pub mod effects;
pub mod export;
pub mod plain;
pub mod store;
pub mod tui;
pub mod wizard;
