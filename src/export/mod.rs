//! Exports of the plan: a calendar (ICS) and a Markdown record, pure functions of the state and today.
