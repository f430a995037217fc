//! Summary: the choices made, how far each has got, the next deadlines, and
//! the export of the plan (a Markdown record and a calendar) to a folder.
//!
//! The export is asked of the front end through `Ctx::export` (see
//! `export.rs`); when a file there differs from what would be written, the
//! front end reports back and this page asks before overwriting it.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::export::{ExportOutcome, ExportRequest, Exports, file_name};
use super::field::TextField;
use super::msg::{Mode, Msg};
use super::route;
use super::steps::Steps;
use super::text::{self, Command};
use super::{Ctx, Flow, Notice, Page};
use crate::domain::checklist::account_items;
use crate::domain::deadlines::{Deadline, DeadlineKind, deadlines, pause_resumes};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::PlanKind;
use crate::domain::plan::{AccountDecision, Decision};
use crate::domain::policy::Policy;
use crate::domain::state::State;

/// How many coming deadlines the Summary lists.
pub const NEXT_COUNT: usize = 3;

/// One subscription's choice and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// The plan's name (None while not identified).
    pub plan: Option<String>,
    /// The plan itself, for words that depend on it ("keep paying" or "keep it").
    pub plan_kind: Option<PlanKind>,
    /// Every question is answered.
    pub complete: bool,
    pub decision: Option<Decision>,
    pub pause: Option<PauseSpan>,
    /// Steps ticked, of all the steps for its channel (and refund); none
    /// while the plan is kept or paused, as its Steps screen has nothing to tick.
    pub steps_done: usize,
    pub steps_total: usize,
    /// A kept plan's next payment (first charge, monthly charge or renewal), from today on.
    pub next_charge: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    pub refund_requested_on: Option<NaiveDate>,
    /// "paid by a2 · Google sign-in", once there are several accounts.
    pub paid_by: Option<String>,
}

/// A pause of `months` from `from`; billing resumes on `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PauseSpan {
    pub months: u32,
    pub until: NaiveDate,
    /// `until` is today or past.
    pub over: bool,
}

/// The account's choice and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountChoice {
    pub id: String,
    /// Its name, once there are several accounts (None: "Coursera account").
    pub name: Option<String>,
    pub decision: Option<AccountDecision>,
    /// Items of the list for the decision (both lists while undecided).
    pub done: usize,
    pub total: usize,
    pub requested_on: Option<NaiveDate>,
}

/// Everything the Summary shows, computed from the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub choices: Vec<Choice>,
    /// Every account, in the order added.
    pub accounts: Vec<AccountChoice>,
    /// The first [`NEXT_COUNT`] rows not done, from today on.
    pub next: Vec<Deadline>,
    /// Rows not done whose date has passed.
    pub overdue: Vec<Deadline>,
}

/// A line of the Summary that can be highlighted (and opened).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The n-th of the next deadlines.
    Next(usize),
    /// The n-th deadline that has passed.
    Missed(usize),
    /// The n-th subscription.
    Subscription(usize),
    /// The n-th account.
    Account(usize),
}

impl Overview {
    /// Every line that can be highlighted, top to bottom: what is due
    /// first (it is what the person must act on), then the choices.
    pub fn entries(&self) -> Vec<Entry> {
        (0..self.next.len())
            .map(Entry::Next)
            .chain((0..self.overdue.len()).map(Entry::Missed))
            .chain((0..self.choices.len()).map(Entry::Subscription))
            .chain((0..self.accounts.len()).map(Entry::Account))
            .collect()
    }

    /// The subscription an entry is about (None: the account).
    fn subscription(&self, entry: Entry) -> Option<&str> {
        match entry {
            Entry::Subscription(i) => self.choices.get(i).map(|c| c.id.as_str()),
            Entry::Account(_) => None,
            Entry::Next(i) => self.next.get(i).and_then(|d| d.subscription.as_deref()),
            Entry::Missed(i) => self.overdue.get(i).and_then(|d| d.subscription.as_deref()),
        }
    }
}

pub fn overview(state: &State, policy: &Policy, today: NaiveDate) -> Overview {
    overview_of(state, policy, today, &deadlines(state, &policy.rules, today))
}

/// [`overview`] from the state's deadlines, already computed.
pub fn overview_of(state: &State, policy: &Policy, today: NaiveDate, rows: &[Deadline]) -> Overview {
    let choices = state
        .subscriptions
        .iter()
        .map(|sub| {
            let kept = sub.decision == Some(Decision::Keep);
            // Counted as its Steps page lists them (none while kept or
            // paused; refund steps only while a refund can be asked for, its
            // arrival once asked), so "steps 0/5" never promises steps the
            // page does not show.
            let items = Steps::open(Some(&sub.id), today).items(state, policy, today);
            // Billing resumes when the domain says (the pause begins when the
            // paid month ends), not `months` after the day it was chosen.
            let pause = sub
                .pause
                .filter(|_| sub.decision == Some(Decision::Pause))
                .zip(pause_resumes(sub));
            Choice {
                id: sub.id.clone(),
                // A trial's length beside its name, as on every other screen.
                label: policy.display_label(sub),
                plan: sub
                    .plan
                    // A trial's label already says "trial".
                    .filter(|p| *p != PlanKind::FreeTrial)
                    .map(|p| policy.plan(p).name.clone())
                    .filter(|name| *name != sub.label),
                plan_kind: sub.plan,
                complete: sub.is_complete(),
                decision: sub.decision,
                pause: pause.map(|(p, until)| PauseSpan {
                    months: p.months,
                    until,
                    over: until <= today,
                }),
                steps_done: items.iter().filter(|i| i.done).count(),
                steps_total: items.len(),
                next_charge: if kept { next_charge(rows, &sub.id) } else { None },
                cancelled_on: sub.cancelled_on,
                refund_requested_on: sub.refund_requested_on,
                paid_by: super::home::paid_by(state, sub),
            }
        })
        .collect();
    let accounts = state
        .accounts
        .iter()
        .map(|account| {
            let items = account_items(state, account, policy);
            AccountChoice {
                id: account.id.clone(),
                name: state.several_accounts().then(|| state.account_name(account)),
                decision: account.decision,
                done: items.iter().filter(|i| i.done).count(),
                total: items.len(),
                requested_on: account.requested_on,
            }
        })
        .collect();
    let open = || rows.iter().filter(|d| !d.done);
    Overview {
        choices,
        accounts,
        next: open()
            .filter(|d| d.days_left >= 0)
            .take(NEXT_COUNT)
            .cloned()
            .collect(),
        overdue: open().filter(|d| d.days_left < 0).cloned().collect(),
    }
}

/// The first payment still to come for subscription `id` among `rows`.
fn next_charge(rows: &[Deadline], id: &str) -> Option<NaiveDate> {
    rows.iter()
        .filter(|r| r.subscription.as_deref() == Some(id) && r.days_left >= 0)
        .filter(|r| {
            matches!(
                r.kind,
                DeadlineKind::FirstCharge | DeadlineKind::NextCharge | DeadlineKind::Renewal
            )
        })
        .map(|r| r.date)
        .min()
}

/// The folder prompt: the field and why its value was refused.
#[derive(Debug, Clone)]
pub struct FolderPrompt {
    pub field: TextField,
    pub error: Option<String>,
}

/// Files in `dir` that differ from what would be written, waiting for a yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overwrite {
    pub dir: PathBuf,
    pub differing: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Summary {
    /// Index into [`Overview::entries`].
    selected: usize,
    /// Where Esc goes: the screen the person came from.
    back: Journey,
    prompt: Option<FolderPrompt>,
    overwrite: Option<Overwrite>,
}

impl Summary {
    /// The Summary, highlighting its first line, with Esc going to `back`.
    pub fn open(back: Journey) -> Summary {
        Summary {
            selected: 0,
            back,
            prompt: None,
            overwrite: None,
        }
    }

    /// Opened from the screen at `from`: Esc goes back there. From Home the
    /// route's default already does, beside the subscription selected there.
    pub fn came_from(&mut self, from: Journey) {
        if from.screen != Screen::Home {
            self.back = from;
        }
    }

    pub fn back(&self) -> &Journey {
        &self.back
    }

    /// The highlighted line, an index into [`Overview::entries`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn prompt(&self) -> Option<&FolderPrompt> {
        self.prompt.as_ref()
    }

    pub fn overwrite(&self) -> Option<&Overwrite> {
        self.overwrite.as_ref()
    }

    /// Saved as the position: the Summary, and the subscription of the screen
    /// it was opened from, so Esc after a resume lands beside it on Home.
    pub fn journey(&self) -> Journey {
        Journey {
            screen: Screen::Summary,
            subscription: self.back.subscription.clone(),
        }
    }

    pub fn mode(&self) -> Mode {
        if self.prompt.is_some() {
            Mode::Edit
        } else if self.overwrite.is_some() {
            Mode::Confirm
        } else {
            Mode::Normal
        }
    }

    pub fn commands(&self) -> Vec<Command> {
        if self.prompt.is_some() {
            return vec![text::EXPORT_WRITE, text::CANCEL];
        }
        if self.overwrite.is_some() {
            return vec![text::YES_KEY, text::NO_KEY];
        }
        vec![text::MOVE, text::OPEN, text::EXPORT_KEY, text::BACK]
    }

    pub fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        if self.prompt.is_some() {
            return self.update_prompt(ctx, msg);
        }
        if self.overwrite.is_some() {
            self.answer_overwrite(ctx, msg);
            return Flow::Stay;
        }
        let overview = overview(ctx.state, ctx.policy, ctx.today);
        let entries = overview.entries();
        let last = entries.len().saturating_sub(1);
        self.selected = self.selected.min(last);
        match msg {
            Msg::Up => self.selected = self.selected.saturating_sub(1),
            Msg::Down => self.selected = (self.selected + 1).min(last),
            Msg::PageUp => self.selected = 0,
            Msg::PageDown => self.selected = last,
            Msg::Next => {
                let entry = entries[self.selected];
                if let Entry::Account(i) = entry {
                    ctx.state.account_focus = overview.accounts.get(i).map(|a| a.id.clone());
                }
                let id = overview.subscription(entry);
                return Flow::Go(open_target(ctx.state, id));
            }
            Msg::Back => return Flow::Go(self.back.clone()),
            Msg::Export => {
                let mut field = TextField::new(&ctx.export.default_dir().display().to_string());
                field.begin();
                self.prompt = Some(FolderPrompt { field, error: None });
            }
            _ => {}
        }
        Flow::Stay
    }

    fn update_prompt(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        let prompt = self.prompt.as_mut().expect("checked by the caller");
        match msg {
            Msg::Text(key) => {
                // The reason stays until the folder is changed.
                let changed = prompt.field.on_text(key);
                if changed {
                    prompt.error = None;
                }
            }
            Msg::Back => self.prompt = None,
            Msg::Next => match ctx.export.resolve(prompt.field.value()) {
                Some(dir) => {
                    self.prompt = None;
                    ctx.export.request =
                        Some(ExportRequest::new(dir, ctx.state, ctx.policy, ctx.today, false));
                }
                None => prompt.error = Some(text::EXPORT_NO_FOLDER.to_string()),
            },
            _ => {}
        }
        Flow::Stay
    }

    /// y asks for the export again, overwriting; n or Esc leaves the files
    /// alone. Any other key keeps the question open.
    fn answer_overwrite(&mut self, ctx: &mut Ctx, msg: Msg) {
        match msg {
            Msg::Yes => {
                let overwrite = self.overwrite.take().expect("checked by the caller");
                ctx.export.request = Some(ExportRequest::new(
                    overwrite.dir,
                    ctx.state,
                    ctx.policy,
                    ctx.today,
                    true,
                ));
            }
            Msg::No | Msg::Back => {
                self.overwrite = None;
                *ctx.notice = Some(Notice::info(text::EXPORT_NOTHING_WRITTEN.to_string()));
            }
            _ => {}
        }
    }

    /// The export to `dir` failed before writing anything: ask again.
    fn refuse_folder(&mut self, dir: &std::path::Path, why: String) {
        let mut field = TextField::new(&dir.display().to_string());
        field.begin();
        self.overwrite = None;
        self.prompt = Some(FolderPrompt {
            field,
            error: Some(why),
        });
    }

    /// Files in the folder differ from what would be written: ask first.
    fn ask_overwrite(&mut self, dir: PathBuf, differing: Vec<PathBuf>) {
        self.prompt = None;
        self.overwrite = Some(Overwrite { dir, differing });
    }
}

/// Where Enter on an entry goes: the subscription's own screen, or for the
/// account its checklist (deleting) or its decision.
fn open_target(state: &State, id: Option<&str>) -> Journey {
    match id.and_then(|id| state.subscription(id)) {
        Some(sub) => Journey {
            screen: route::open_screen(sub),
            subscription: Some(sub.id.clone()),
        },
        None if state.focused_account().deleting() => Journey {
            screen: Screen::Checklist,
            subscription: None,
        },
        None => Journey {
            screen: Screen::Decide,
            subscription: None,
        },
    }
}

/// Takes the front end's report of an export: a notice to show, and on the
/// Summary the overwrite question when files differ.
pub fn exported(page: &mut Page, exports: &mut Exports, outcome: ExportOutcome) -> Option<Notice> {
    match outcome {
        ExportOutcome::Done {
            dir,
            written,
            up_to_date,
        } => {
            let names = |paths: &[PathBuf]| paths.iter().map(|p| file_name(p)).collect::<Vec<_>>();
            let notice = text::exported(&names(&written), &names(&up_to_date), &dir.display().to_string());
            exports.last = Some(dir);
            Some(Notice::done(notice))
        }
        ExportOutcome::AskOverwrite { dir, differing } => match page {
            Page::Summary(summary) => {
                summary.ask_overwrite(dir, differing);
                None
            }
            _ => Some(Notice::info(text::EXPORT_NOTHING_WRITTEN.to_string())),
        },
        // Nothing written: the folder question again, with the reason, so
        // the person can type another folder (a notice line is too short).
        ExportOutcome::Failed { dir, written, why } => match page {
            Page::Summary(summary) if written.is_empty() => {
                summary.refuse_folder(&dir, why);
                None
            }
            _ => {
                let written: Vec<String> = written.iter().map(|p| file_name(p)).collect();
                Some(Notice::error(text::export_failed(&why, &written)))
            }
        },
    }
}
