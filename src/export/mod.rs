//! Exports of the plan: a calendar (ICS) and a Markdown record, pure functions
//! of the state, the policy and today. Writing them to a file is the caller's job.

pub mod ics;
pub mod markdown;

use crate::domain::deadlines::Deadline;
use crate::domain::policy::Policy;

/// What a deadline asks, in the policy's words, with the subscription named.
pub fn summary(policy: &Policy, row: &Deadline) -> String {
    policy.deadline(row.kind).summary.replace("{label}", &row.label)
}
