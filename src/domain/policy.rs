//! Coursera's rules as data. The engine reads numbers (margin, refund window,
//! trial length) and every user-visible sentence from here, so a change in
//! Coursera's terms is an edit to `assets/policy.toml`, not to code.

use serde::Deserialize;

use super::deadlines::DeadlineKind;
use super::plan::{Channel, PlanKind};

/// The policy compiled into the binary.
pub const EMBEDDED_POLICY: &str = include_str!("../../assets/policy.toml");

/// Where a rule comes from and when that source was read.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub source: String,
    pub as_of: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub rules: Rules,
    pub plans: Vec<PlanRule>,
    pub channels: Vec<ChannelRule>,
    pub pause: PauseRule,
    pub refund: RefundRule,
    pub deadlines: Vec<DeadlineText>,
    pub checklist: Vec<ChecklistRule>,
    pub account_keep: AccountKeepRule,
    /// What cancelling means for access, progress and certificates.
    pub after_cancel: Text,
    pub after_deletion: Text,
    pub faq: Vec<FaqEntry>,
    pub troubleshooting: Vec<TroubleshootingEntry>,
}

/// The numbers of SPEC §4.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Cancel this many whole days before the last day you have.
    pub margin_days: i64,
    /// Length of a refund window after a payment.
    pub refund_days: i64,
    /// Length of a free trial; the first charge falls on day `trial_days + 1`.
    pub trial_days: i64,
    /// How long a missed one-time refund-by stays listed (overdue).
    pub missed_refund_listed_days: i64,
    /// The answer period for a deletion request, in months.
    pub support_reply_months: u32,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRule {
    pub id: PlanKind,
    /// Short name, also the default label of a subscription.
    pub name: String,
    /// How the questionnaire offers it ("Monthly, for one Specialization").
    pub question: String,
    pub billing: String,
    pub refund: String,
    pub notes: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRule {
    pub id: Channel,
    pub name: String,
    pub question: String,
    /// Where this channel's subscription is cancelled, in a few words.
    pub cancel_where: String,
    pub steps: Vec<StepRule>,
    pub warnings: Vec<String>,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRule {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseRule {
    pub months: Vec<u32>,
    pub caveat: String,
    pub how: String,
    pub consequences: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundRule {
    pub steps: Vec<StepRule>,
    pub app_store: String,
    #[serde(flatten)]
    pub origin: Source,
}

/// What a deadline asks of the user, for tables and calendar events.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineText {
    pub kind: DeadlineKind,
    /// Column title ("Cancel by").
    pub title: String,
    /// What to do, with `{label}` for the subscription ("Last day to cancel {label}").
    pub summary: String,
    pub how: String,
    #[serde(flatten)]
    pub origin: Source,
}

/// When a checklist item applies.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ChecklistCondition {
    Always,
    /// Only if the person signs in with Google, Facebook or Apple.
    SocialSignIn,
    /// Only if an organization plan is tracked.
    Organization,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistRule {
    pub id: String,
    pub title: String,
    pub why: String,
    pub how: String,
    pub condition: ChecklistCondition,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountKeepRule {
    pub summary: String,
    pub steps: Vec<StepRule>,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub text: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub question: String,
    pub answer: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroubleshootingEntry {
    pub problem: String,
    pub fix: String,
    #[serde(flatten)]
    pub origin: Source,
}

/// Checklist ids the engine gives meaning to; a policy file must define them.
pub mod checklist_ids {
    pub const DOWNLOAD_CERTIFICATES: &str = "download-certificates";
    pub const CANCEL_SUBSCRIPTIONS: &str = "cancel-subscriptions";
    pub const REQUEST_DELETION: &str = "request-deletion";
    pub const WRITTEN_CONFIRMATION: &str = "written-confirmation";
}

/// Why a policy file was refused: the field at fault, in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PolicyError(pub String);

impl Policy {
    /// Parses and checks a policy text. The error names the field; the caller adds the file.
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let policy: Policy = toml::from_str(text).map_err(|e| PolicyError(one_line(&e, text)))?;
        policy.validate()?;
        Ok(policy)
    }

    pub fn embedded() -> Policy {
        Policy::parse(EMBEDDED_POLICY).expect("the embedded policy is checked by tests")
    }

    fn validate(&self) -> Result<(), PolicyError> {
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

    pub fn plan(&self, kind: PlanKind) -> &PlanRule {
        self.plans
            .iter()
            .find(|p| p.id == kind)
            .expect("validated: every plan kind present")
    }

    pub fn channel(&self, channel: Channel) -> &ChannelRule {
        self.channels
            .iter()
            .find(|c| c.id == channel)
            .expect("validated: every channel present")
    }

    pub fn deadline(&self, kind: DeadlineKind) -> &DeadlineText {
        self.deadlines
            .iter()
            .find(|d| d.kind == kind)
            .expect("validated: every deadline kind present")
    }

    pub fn checklist_item(&self, id: &str) -> Option<&ChecklistRule> {
        self.checklist.iter().find(|c| c.id == id)
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
