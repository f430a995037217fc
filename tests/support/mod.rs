//! Helpers shared by the wizard, tui and pty tests. Each test crate uses a
//! different part, so unused items are expected here.
#![allow(dead_code)]

pub mod pty;
pub mod screen;
pub mod summary;
pub mod wizard;
