//! From policy text to a checked `Policy`: the path of `--policy FILE`, and the
//! build-time check of `assets/policy.toml` (`build.rs` includes this file).

use super::data::{Policy, PolicyError, Source, checklist_ids};
use super::{Channel, DeadlineKind, PlanKind};

impl Policy {
    /// Parses and checks a policy text. The error names the field; the caller adds the file.
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let policy: Policy = toml::from_str(text).map_err(|e| {
            // A version-1 policy has one `refund_days`: name what replaced it,
            // rather than the first field toml happens to trip over.
            match version_one(text) {
                Some(message) => PolicyError(message),
                None => PolicyError(one_line(&e, text)),
            }
        })?;
        // Parsed once more, untyped, to name the key of a character that
        // must not reach a terminal or a Markdown record (`build.rs` runs
        // this on the embedded policy too; a start does not).
        if let Ok(table) = text.parse::<toml::Table>() {
            hidden_character(&table)?;
        }
        policy.validate()?;
        Ok(policy)
    }

    /// The rules a parsed policy must also meet; `build.rs` runs the same check on the
    /// embedded policy, so a bad `assets/policy.toml` fails the build.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let r = &self.rules;
        let within = |name: &str, value: i64, low: i64, high: i64| {
            if (low..=high).contains(&value) {
                Ok(())
            } else {
                Err(PolicyError(format!(
                    "rules.{name}: must be between {low} and {high} (found {value})"
                )))
            }
        };
        within("margin_days", r.margin_days, 0, 30)?;
        within("course_refund_days", r.course_refund_days, 1, 366)?;
        within("specialization_refund_days", r.specialization_refund_days, 1, 366)?;
        within("annual_refund_days", r.annual_refund_days, 1, 366)?;
        within("withdrawal_days", r.withdrawal_days, 1, 366)?;
        within("refund_wait_business_days", r.refund_wait_business_days, 0, 100)?;
        within("trial_days", r.trial_days, 1, 31)?;
        within("missed_refund_listed_days", r.missed_refund_listed_days, 0, 366)?;
        within("support_reply_months", i64::from(r.support_reply_months), 1, 24)?;
        within(
            "support_reply_extension_months",
            i64::from(r.support_reply_extension_months),
            0,
            24,
        )?;
        if self.trial.lengths.is_empty() || self.trial.lengths.iter().any(|d| !(1..=31).contains(d)) {
            return Err(PolicyError(
                "trial.lengths: must list trial lengths between 1 and 31 days".into(),
            ));
        }
        for plan in &self.plans {
            // The name becomes a subscription's label: it must be one the state file accepts.
            if let Err(why) = super::text_limits::label(&plan.name) {
                return Err(PolicyError(format!(
                    "plans.{}.name: it is the default label, and {why}",
                    plan.id.id()
                )));
            }
        }
        self.check_sources()?;
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

    /// Every `as_of` is a real day: the newest is when the rules were last
    /// checked, and the stale notice counts from it.
    fn check_sources(&self) -> Result<(), PolicyError> {
        for (at, origin) in self.origins() {
            if origin.source.trim().is_empty() {
                return Err(PolicyError(format!("{at}.source: is empty")));
            }
            if as_of_day(&origin.as_of).is_none() {
                let year = origin.as_of.get(..4).and_then(|y| y.parse::<i32>().ok());
                let why = match year {
                    Some(y) if origin.as_of.len() == 10 && !(1900..=2200).contains(&y) => {
                        "is outside the years 1900–2200"
                    }
                    _ => "is not a day written as YYYY-MM-DD",
                };
                return Err(PolicyError(format!(
                    "{at}.as_of: \"{}\" {why}",
                    super::text_limits::escaped_for_terminal(&origin.as_of)
                )));
            }
        }
        Ok(())
    }

    /// Every rule's source, with where it sits in the file.
    pub fn origins(&self) -> Vec<(String, &Source)> {
        let mut all = vec![
            ("rules".to_string(), &self.rules.origin),
            ("pause".to_string(), &self.pause.origin),
            ("refund".to_string(), &self.refund.origin),
            ("trial".to_string(), &self.trial.origin),
            ("region".to_string(), &self.region.origin),
            ("account_keep".to_string(), &self.account_keep.origin),
            ("after_cancel".to_string(), &self.after_cancel.origin),
            ("after_deletion".to_string(), &self.after_deletion.origin),
        ];
        all.extend(
            self.plans
                .iter()
                .map(|p| (format!("plans.{}", p.id.id()), &p.origin)),
        );
        all.extend(
            self.channels
                .iter()
                .map(|c| (format!("channels.{}", c.id.id()), &c.origin)),
        );
        all.extend(
            self.deadlines
                .iter()
                .map(|d| (format!("deadlines.{}", d.kind.id()), &d.origin)),
        );
        all.extend(
            self.checklist
                .iter()
                .map(|c| (format!("checklist.{}", c.id), &c.origin)),
        );
        all.extend(
            self.faq
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("faq[{}]", i + 1), &f.origin)),
        );
        all.extend(
            self.troubleshooting
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("troubleshooting[{}]", i + 1), &t.origin)),
        );
        all
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
    // The message may quote the faulty value, line breaks and all: kept on one line.
    let mut msg = String::new();
    for c in e.message().trim().chars() {
        if c.is_control() || super::text_limits::moves_text(c) {
            msg.extend(c.escape_default());
        } else {
            msg.push(c);
        }
    }
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

/// Policy text is shown as written (on screen, in `guide`, in the Markdown
/// record): a control character (a line break too: every text is one
/// paragraph) or one that reorders or breaks text is refused, with its key.
pub fn hidden_character(table: &toml::Table) -> Result<(), PolicyError> {
    fn walk(value: &toml::Value, at: &str) -> Result<(), PolicyError> {
        match value {
            toml::Value::String(text) => match text
                .chars()
                .find(|&c| c.is_control() || super::text_limits::moves_text(c))
            {
                Some(c) => Err(PolicyError(format!(
                    "{at}: holds the character U+{:04X}; policy text is shown as it is written, \
                     so it may hold no control, line-break or direction characters",
                    u32::from(c)
                ))),
                None => Ok(()),
            },
            // A rule is named by its id, as `validate` names it (`plans.plus-monthly`).
            toml::Value::Array(items) => items.iter().enumerate().try_for_each(|(i, item)| {
                let id = ["id", "kind"]
                    .iter()
                    .find_map(|key| item.get(key).and_then(toml::Value::as_str))
                    .filter(|id| {
                        !id.chars()
                            .any(|c| c.is_control() || super::text_limits::moves_text(c))
                    });
                match id {
                    Some(id) => walk(item, &format!("{at}.{id}")),
                    None => walk(item, &format!("{at}[{}]", i + 1)),
                }
            }),
            toml::Value::Table(table) => table.iter().try_for_each(|(key, value)| {
                let key = super::text_limits::escaped_for_terminal(key);
                let at = if at.is_empty() {
                    key.to_string()
                } else {
                    format!("{at}.{key}")
                };
                walk(value, &at)
            }),
            _ => Ok(()),
        }
    }
    table
        .iter()
        .try_for_each(|(key, value)| walk(value, &super::text_limits::escaped_for_terminal(key)))
}

/// `YYYY-MM-DD` as (year, month, day), checked to be a day of the calendar.
/// Written without chrono: `build.rs` shares this file and depends on serde and toml only.
pub fn as_of_day(text: &str) -> Option<(i32, u32, u32)> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let year: i32 = text[0..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..10].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let len = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2200).contains(&year) && (1..=len).contains(&day)).then_some((year, month, day))
}

/// The numbers that replaced version 1's single `refund_days`, named when a
/// version-1 policy file is given.
const VERSION_TWO_NUMBERS: [&str; 6] = [
    "course_refund_days",
    "specialization_refund_days",
    "annual_refund_days",
    "withdrawal_days",
    "refund_wait_business_days",
    "support_reply_extension_months",
];

fn version_one(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let rules = table.get("rules")?.as_table()?;
    if !rules.contains_key("refund_days") {
        return None;
    }
    let missing: Vec<&str> = VERSION_TWO_NUMBERS
        .into_iter()
        .filter(|name| !rules.contains_key(*name))
        .collect();
    Some(format!(
        "rules.refund_days: this is a version-1 policy (one refund window for every plan); \
         the rules of 2026 need separate numbers instead: {} (see assets/policy.toml)",
        missing.join(", ")
    ))
}
