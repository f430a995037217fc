//! The kinds of date the deadline table shows. Its own file so that the build
//! script can check `assets/policy.toml` against it (see `build.rs`).

use serde::{Deserialize, Serialize};

/// Declared in the §4 tie-break order, so `Ord` sorts kinds as the spec does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineKind {
    CancelBy,
    RefundBy,
    WithdrawalBy,
    TrialLastDay,
    AccessUntil,
    FirstCharge,
    NextCharge,
    Renewal,
    PauseResumes,
    RefundExpected,
    SupportReplyDue,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 11] = [
        DeadlineKind::CancelBy,
        DeadlineKind::RefundBy,
        DeadlineKind::WithdrawalBy,
        DeadlineKind::TrialLastDay,
        DeadlineKind::AccessUntil,
        DeadlineKind::FirstCharge,
        DeadlineKind::NextCharge,
        DeadlineKind::Renewal,
        DeadlineKind::PauseResumes,
        DeadlineKind::RefundExpected,
        DeadlineKind::SupportReplyDue,
    ];

    /// A day money is taken (or taken again after a pause): what a missed
    /// cancel-by still has time to prevent.
    pub fn is_charge(self) -> bool {
        matches!(
            self,
            DeadlineKind::FirstCharge
                | DeadlineKind::NextCharge
                | DeadlineKind::Renewal
                | DeadlineKind::PauseResumes
        )
    }

    pub fn id(self) -> &'static str {
        match self {
            DeadlineKind::CancelBy => "cancel-by",
            DeadlineKind::RefundBy => "refund-by",
            DeadlineKind::WithdrawalBy => "withdrawal-by",
            DeadlineKind::TrialLastDay => "trial-last-day",
            DeadlineKind::AccessUntil => "access-until",
            DeadlineKind::FirstCharge => "first-charge",
            DeadlineKind::NextCharge => "next-charge",
            DeadlineKind::Renewal => "renewal",
            DeadlineKind::PauseResumes => "pause-resumes",
            DeadlineKind::RefundExpected => "refund-expected",
            DeadlineKind::SupportReplyDue => "support-reply-due",
        }
    }
}
