//! From policy text to a checked `Policy`: the path of `--policy FILE`, and the
//! build-time check of `assets/policy.toml` (`build.rs` includes this file).

use super::data::{Policy, PolicyError, checklist_ids};
use super::{Channel, DeadlineKind, PlanKind};

impl Policy {
    /// Parses and checks a policy text. The error names the field; the caller adds the file.
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let policy: Policy = toml::from_str(text).map_err(|e| PolicyError(one_line(&e, text)))?;
        policy.validate()?;
        Ok(policy)
    }

    /// The rules a parsed policy must also meet; `build.rs` runs the same check on the
    /// embedded policy, so a bad `assets/policy.toml` fails the build.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let r = &self.rules;
        if r.margin_days < 0 || r.margin_days > 30 {
            return Err(PolicyError("rules.margin_days: must be between 0 and 30".into()));
        }
        if r.refund_days < 1 || r.refund_days > 366 {
            return Err(PolicyError("rules.refund_days: must be between 1 and 366".into()));
        }
        if r.trial_days < 1 || r.trial_days > 366 {
            return Err(PolicyError("rules.trial_days: must be between 1 and 366".into()));
        }
        if r.missed_refund_listed_days < 0 {
            return Err(PolicyError(
                "rules.missed_refund_listed_days: must not be negative".into(),
            ));
        }
        if r.support_reply_months == 0 || r.support_reply_months > 24 {
            return Err(PolicyError(
                "rules.support_reply_months: must be between 1 and 24".into(),
            ));
        }
        for kind in PlanKind::ALL {
            if !self.plans.iter().any(|p| p.id == kind) {
                return Err(PolicyError(format!(
                    "plans: no entry with id = \"{}\"",
                    kind.id()
                )));
            }
        }
        for channel in Channel::ALL {
            match self.channels.iter().find(|c| c.id == channel) {
                None => {
                    return Err(PolicyError(format!(
                        "channels: no entry with id = \"{}\"",
                        channel.id()
                    )));
                }
                Some(c) if c.steps.is_empty() => {
                    return Err(PolicyError(format!("channels.{}.steps: is empty", channel.id())));
                }
                Some(_) => {}
            }
        }
        for kind in DeadlineKind::ALL {
            if !self.deadlines.iter().any(|d| d.kind == kind) {
                return Err(PolicyError(format!(
                    "deadlines: no entry with kind = \"{}\"",
                    kind.id()
                )));
            }
        }
        for id in [
            checklist_ids::DOWNLOAD_CERTIFICATES,
            checklist_ids::CANCEL_SUBSCRIPTIONS,
            checklist_ids::REQUEST_DELETION,
            checklist_ids::WRITTEN_CONFIRMATION,
        ] {
            if !self.checklist.iter().any(|c| c.id == id) {
                return Err(PolicyError(format!("checklist: no entry with id = \"{id}\"")));
            }
        }
        if self.pause.months.is_empty() || self.pause.months.iter().any(|m| !(1..=12).contains(m)) {
            return Err(PolicyError(
                "pause.months: must list months between 1 and 12".into(),
            ));
        }
        let mut ids: Vec<&str> = self.step_ids().collect();
        ids.extend(self.checklist.iter().map(|c| c.id.as_str()));
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(PolicyError(format!(
                "step and checklist ids must be unique: \"{}\" appears twice",
                w[0]
            )));
        }
        Ok(())
    }

    fn step_ids(&self) -> impl Iterator<Item = &str> {
        self.channels
            .iter()
            .flat_map(|c| c.steps.iter())
            .chain(self.refund.steps.iter())
            .chain(self.account_keep.steps.iter())
            .map(|s| s.id.as_str())
    }
}

/// toml's errors span several lines (a source excerpt); keep the message and position,
/// and the key of the faulty line, since a wrong type's message does not name the field.
fn one_line(e: &toml::de::Error, text: &str) -> String {
    let msg = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            // The Display form starts "TOML parse error at line L, column C".
            let full = e.to_string();
            let head = full.lines().next().unwrap_or_default();
            let pos = head.strip_prefix("TOML parse error at ").unwrap_or(head);
            let line_start = text
                .get(..span.start)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1);
            let key = text[line_start..]
                .lines()
                .next()
                .and_then(|line| line.split_once('='))
                .map(|(key, _)| key.trim())
                .filter(|key| !key.is_empty() && !key.starts_with(['[', '#']));
            match key {
                Some(key) => format!("{pos}: {key}: {msg}"),
                None => format!("{pos}: {msg}"),
            }
        }
        None => msg,
    }
}
