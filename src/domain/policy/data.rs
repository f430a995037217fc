//! The policy's data types, as `assets/policy.toml` spells them. Shared with
//! `build.rs`, which checks the embedded policy at build time: this file may
//! use only serde and the parent module's `PlanKind`, `Channel` and `DeadlineKind`.

use serde::Deserialize;

use super::{Channel, DeadlineKind, PlanKind};

/// Where a rule comes from and when that source was read.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub source: String,
    pub as_of: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub rules: Rules,
    pub plans: Vec<PlanRule>,
    pub channels: Vec<ChannelRule>,
    pub pause: PauseRule,
    pub refund: RefundRule,
    /// How long a free trial is, and why its certificate question is skipped.
    pub trial: TrialRule,
    /// The EU/UK right of withdrawal, and the question that decides it.
    pub region: RegionRule,
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Cancel this many whole days before the last day you have; ask for a
    /// refund this many days inside its window.
    pub margin_days: i64,
    /// A course or Specialization bought once: days after the payment.
    pub course_refund_days: i64,
    /// A Specialization subscription's first payment: days after enrolling.
    pub specialization_refund_days: i64,
    /// Coursera Plus yearly, first payment only: days after it.
    pub annual_refund_days: i64,
    /// The EU/UK right of withdrawal: days after access began (a trial's days count).
    pub withdrawal_days: i64,
    /// Business days (Monday to Friday) a refund takes to arrive.
    pub refund_wait_business_days: i64,
    /// Length of a free trial unless the person says otherwise; the first
    /// charge falls on day `trial_days + 1`.
    pub trial_days: i64,
    /// How long a missed one-time refund-by, and a refund-expected, stay listed (overdue).
    pub missed_refund_listed_days: i64,
    /// The answer period for a deletion request, in months.
    pub support_reply_months: u32,
    /// How many months the EEA/UK/Swiss law lets that period be extended, with notice.
    pub support_reply_extension_months: u32,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// What a certificate earned under this plan changes, beside the question.
    pub certificate: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRule {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseRule {
    pub months: Vec<u32>,
    pub caveat: String,
    pub how: String,
    pub consequences: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundRule {
    pub steps: Vec<StepRule>,
    pub app_store: String,
    /// Coursera may refuse a refund that looks eligible: said wherever one is offered.
    pub may_refuse: String,
    /// How long the money takes to show.
    pub wait: String,
    /// Cancelling does not refund: the refund is asked for separately.
    pub separate: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrialRule {
    /// The question of its length ("How long is the free trial?").
    pub question: String,
    /// Where the length is written.
    pub hint: String,
    /// The choices offered before "another number".
    pub lengths: Vec<u32>,
    /// Why the certificate question is not asked for a trial.
    pub no_certificate: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionRule {
    /// "Do you live in the EU or the UK?"
    pub question: String,
    /// What the answer changes, shown beside the question.
    pub why: String,
    /// The consequence of each answer.
    pub eu_uk: String,
    pub elsewhere: String,
    pub not_sure: String,
    /// Beside the answers while the plan being identified was bought in an
    /// app store or is paid by an organization: the right is not Coursera's
    /// to honour there.
    pub not_covered: String,
    /// What a certificate earned does to the right (beside the certificate question).
    pub certificate: String,
    /// How to withdraw: where to ask, and what ends the right.
    pub how: String,
    #[serde(flatten)]
    pub origin: Source,
}

/// What a deadline asks of the user, for tables and calendar events.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineText {
    pub kind: DeadlineKind,
    /// Column title ("Cancel by").
    pub title: String,
    /// What to do, with `{label}` for the subscription ("Last day to cancel {label}").
    pub summary: String,
    pub how: String,
    /// What to do once the day has passed (empty: nothing more to say).
    #[serde(default)]
    pub overdue: String,
    /// What to say instead in the margin after it (SPEC §4: the day is one
    /// day inside the window), while the window itself may still be open
    /// (empty: `overdue` is said then too).
    #[serde(default)]
    pub overdue_margin: String,
    /// Said only to a person living in the EU or the UK (empty: nothing).
    #[serde(default)]
    pub eu_uk: String,
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
    /// Only if the person is enrolled in a for-credit programme (a degree, a
    /// university certificate), or has not said.
    ForCredit,
    /// Only while more than one account is tracked: what cannot move between them.
    OtherAccount,
}

impl ChecklistCondition {
    pub const ALL: [ChecklistCondition; 5] = [
        ChecklistCondition::Always,
        ChecklistCondition::SocialSignIn,
        ChecklistCondition::Organization,
        ChecklistCondition::ForCredit,
        ChecklistCondition::OtherAccount,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountKeepRule {
    pub summary: String,
    pub steps: Vec<StepRule>,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub text: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub question: String,
    pub answer: String,
    #[serde(flatten)]
    pub origin: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError(pub String);

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PolicyError {}
