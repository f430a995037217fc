//! The state the budgets of SPEC §7 are measured with: 50 subscriptions of
//! every plan kind and channel, some decided, cancelled, paused or refunded,
//! over three accounts (SPEC §5 version 3): the first kept, the second
//! being deleted with checklist notes, the third undecided.
#![allow(dead_code)]

pub mod bins;
pub mod procfs;
pub mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use coursera_exit::domain::actions::{self, Choice, NewSubscription, Tick};
use coursera_exit::domain::dates::add_days;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::State;
use coursera_exit::store;

pub const TODAY: &str = "2026-03-01";

pub fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a date")
}

pub fn fifty_subscriptions(policy: &Policy) -> State {
    let today = today();
    let mut state = State::default();
    actions::accounts::relabel(&mut state, "a1", "me@example.com").expect("label");
    actions::accounts::add(&mut state, "Google sign-in").expect("a2");
    actions::accounts::add(&mut state, "work@example.com").expect("a3");
    for i in 0..50_i64 {
        let plan = PlanKind::ALL[i as usize % PlanKind::ALL.len()];
        let channel = if plan == PlanKind::Organization {
            Channel::Organization
        } else {
            [Channel::Web, Channel::Ios, Channel::Android][i as usize % 3]
        };
        let new = NewSubscription {
            plan,
            channel,
            started: add_days(today, -(i * 11 % 400) - 1),
            label: Some(format!("Subscription {i:02} – {}", plan.id())),
            certificate_earned: i % 7 == 0,
            trial_days: None,
            account: Some(format!("a{}", i % 3 + 1)),
        };
        let id = actions::add(&mut state, new, policy, today).expect("valid subscription");
        if plan == PlanKind::SpecializationMonthly && i % 2 == 0 {
            actions::decide(&mut state, &id, Choice::Pause { months: 2 }, None, policy, today)
                .expect("pause");
        } else if i % 3 == 0 && plan != PlanKind::CoursePurchase {
            let tick = Tick {
                item: "cancelled",
                subscription: Some(&id),
                account: None,
                note: None,
                on: None,
                undo: false,
            };
            actions::done(&mut state, tick, policy, today).expect("cancel");
        }
    }
    actions::delete_account(&mut state, Some("a1"), None, true, today).expect("keep");
    actions::delete_account(&mut state, Some("a2"), Some(add_days(today, -3)), false, today).expect("delete");
    for item in ["download-certificates", "save-transcripts", "save-receipts"] {
        let note = Some(format!("Saved to ~/Documents/coursera/{item}, ticket #12345"));
        let tick = Tick {
            item,
            subscription: None,
            account: Some("a2"),
            note,
            on: None,
            undo: false,
        };
        actions::done(&mut state, tick, policy, today).expect("tick");
    }
    state
}

/// Runs `f` `runs` times (after a warm-up) and returns the sorted durations.
pub fn time_runs(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    for _ in 0..runs.min(10) {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

pub fn report(name: &str, times: &[Duration]) {
    let s = Summary::of(times);
    println!(
        "{name:<44} min {:>10.1?}  median {:>10.1?}  max {:>10.1?}  ({} runs)",
        s.min,
        s.median,
        s.max,
        times.len()
    );
}

/// Writes the 50-subscription state into `dir` as the wizard would save it.
pub fn write_fifty(dir: &Path) -> PathBuf {
    let state = fifty_subscriptions(&Policy::embedded());
    let path = dir.join("state.toml");
    std::fs::write(&path, store::to_toml(&state)).expect("write the state file");
    path
}

/// Min, median and max of a set of measurements.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub min: Duration,
    pub median: Duration,
    pub max: Duration,
}

impl Summary {
    pub fn of(times: &[Duration]) -> Summary {
        let mut sorted = times.to_vec();
        sorted.sort();
        Summary {
            min: sorted[0],
            median: median(&sorted),
            max: sorted[sorted.len() - 1],
        }
    }
}

/// The middle of `sorted` (the mean of the two middles for an even count).
pub fn median(sorted: &[Duration]) -> Duration {
    middle(sorted, |a, b| (a + b) / 2).expect("at least one measurement")
}

/// The middle of `sorted`, with `mean` of the two middles for an even
/// count; None when there is nothing. Every median of the benches is this.
pub fn middle<T: Copy>(sorted: &[T], mean: impl Fn(T, T) -> T) -> Option<T> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some(mean(sorted[n / 2 - 1], sorted[n / 2])),
    }
}

/// Milliseconds with three decimals, the unit of the process budgets.
pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// `--name VALUE` among the bench's arguments (cargo adds `--bench`, ignored).
pub fn arg_value(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

pub fn has_flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}
