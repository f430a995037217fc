//! A state with something of everything the Summary shows (today 2026-03-01).

use coursera_exit::domain::actions::{self, Choice};
use coursera_exit::domain::checklist::CANCELLED;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::policy::{Policy, checklist_ids};
use coursera_exit::domain::state::State;

use super::wizard::{add, d, tick, today};

pub const TICKED_WEB_STEPS: [&str; 2] = ["web-sign-in", "web-profile-menu"];

/// s1 a 7-day trial cancelled on 02-28 after two web steps; s2 Plus monthly,
/// not decided (no refund-by, cancel-by 03-18); s3 a Specialization paused
/// two months, chosen 02-10 (billing resumes 05-08); s4 a course whose
/// refund-by (02-16) has passed; the account being deleted: certificates
/// saved, deletion requested 02-20; where the person lives: not answered.
pub fn several_and_deleting() -> State {
    let policy = Policy::embedded();
    let mut s = State::default();
    let trial = add(
        &mut s,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-24",
        Some("ML trial"),
    );
    for step in TICKED_WEB_STEPS {
        tick(&mut s, step, Some(&trial), "2026-02-28");
    }
    tick(&mut s, CANCELLED, Some(&trial), "2026-02-28");
    add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        Some("Coursera Plus"),
    );
    let spec = add(
        &mut s,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-01-08",
        Some("Data Science"),
    );
    actions::decide(
        &mut s,
        &spec,
        Choice::Pause { months: 2 },
        Some(d("2026-02-10")),
        &policy,
        today(),
    )
    .expect("a Specialization can pause");
    add(
        &mut s,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-10",
        Some("Python course"),
    );
    actions::delete_account(&mut s, None, None, false, today()).expect("deleting");
    tick(&mut s, checklist_ids::DOWNLOAD_CERTIFICATES, None, "2026-02-15");
    tick(&mut s, checklist_ids::REQUEST_DELETION, None, "2026-02-20");
    s
}
