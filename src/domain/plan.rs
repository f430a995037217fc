//! What a person pays Coursera for, and where they bought it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanKind {
    FreeTrial,
    SpecializationMonthly,
    PlusMonthly,
    PlusAnnual,
    CoursePurchase,
    Organization,
}

impl PlanKind {
    pub const ALL: [PlanKind; 6] = [
        PlanKind::FreeTrial,
        PlanKind::SpecializationMonthly,
        PlanKind::PlusMonthly,
        PlanKind::PlusAnnual,
        PlanKind::CoursePurchase,
        PlanKind::Organization,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PlanKind::FreeTrial => "free-trial",
            PlanKind::SpecializationMonthly => "specialization-monthly",
            PlanKind::PlusMonthly => "plus-monthly",
            PlanKind::PlusAnnual => "plus-annual",
            PlanKind::CoursePurchase => "course-purchase",
            PlanKind::Organization => "organization",
        }
    }

    pub fn from_id(id: &str) -> Option<PlanKind> {
        PlanKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Plans that charge again unless cancelled (a trial converts into one).
    pub fn renews(self) -> bool {
        matches!(
            self,
            PlanKind::FreeTrial
                | PlanKind::SpecializationMonthly
                | PlanKind::PlusMonthly
                | PlanKind::PlusAnnual
        )
    }

    /// Only a Specialization subscription can be paused (SPEC §2).
    pub fn can_pause(self) -> bool {
        self == PlanKind::SpecializationMonthly
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Web,
    Ios,
    Android,
    Organization,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Web,
        Channel::Ios,
        Channel::Android,
        Channel::Organization,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Ios => "ios",
            Channel::Android => "android",
            Channel::Organization => "organization",
        }
    }

    pub fn from_id(id: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Apple and Google bill these; only they can refund them.
    pub fn is_app_store(self) -> bool {
        matches!(self, Channel::Ios | Channel::Android)
    }
}

/// The choice made for one subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Cancel,
    Pause,
    Keep,
}

impl Decision {
    /// The decision in a few words for this plan: keeping a course bought
    /// once is not "paying" (nothing renews), keeping a trial starts paying.
    pub fn words(self, plan: Option<PlanKind>, pause_months: Option<u32>) -> String {
        match (self, pause_months) {
            (Decision::Cancel, _) if plan == Some(PlanKind::CoursePurchase) => "ask for a refund".to_string(),
            (Decision::Cancel, _) => "cancel".to_string(),
            (Decision::Pause, Some(1)) => "pause 1 month".to_string(),
            (Decision::Pause, Some(n)) => format!("pause {n} months"),
            (Decision::Pause, None) => "pause".to_string(),
            (Decision::Keep, _) => match plan {
                Some(PlanKind::FreeTrial) => "keep it and start paying".to_string(),
                Some(p) if p.renews() => "keep paying".to_string(),
                _ => "keep it".to_string(),
            },
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Decision::Cancel => "cancel",
            Decision::Pause => "pause",
            Decision::Keep => "keep",
        }
    }
}

/// The choice made for the account as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccountDecision {
    Delete,
    Keep,
}

impl AccountDecision {
    pub fn id(self) -> &'static str {
        match self {
            AccountDecision::Delete => "delete",
            AccountDecision::Keep => "keep",
        }
    }
}

/// Where the account holder lives, for the EU/UK right of withdrawal (SPEC §2).
/// One answer for the whole account; unanswered counts as elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    EuUk,
    Elsewhere,
}

impl Region {
    pub const ALL: [Region; 2] = [Region::EuUk, Region::Elsewhere];

    pub fn id(self) -> &'static str {
        match self {
            Region::EuUk => "eu-uk",
            Region::Elsewhere => "elsewhere",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == id)
    }
}
