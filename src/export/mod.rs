//! Exports of the plan: a calendar (ICS) and a Markdown record, pure functions
//! of the state, the policy and today. Writing them to a file is the caller's job.

pub mod ics;
pub mod markdown;
