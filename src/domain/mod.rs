//! The pure core: Coursera's rules, the saved facts and the dates that follow.
//! No IO, no terminal, no clock: `today` is always a parameter.

pub mod actions;
pub mod checklist;
pub mod dates;
pub mod deadlines;
pub mod journey;
pub mod plan;
pub mod policy;
pub mod state;
pub mod text_limits;
