//! The wizard as a pure state machine: messages in, effects out. No terminal
//! here: `tui` maps keys to [`Msg`] and draws a read-only view of [`Wizard`].
//!
//! Each screen is a page type in its own file (`home.rs`, `identify.rs`, …)
//! with the same five methods: `update(&mut self, &mut Ctx, Msg) -> Flow`,
//! `commands(..) -> Vec<Command>` (the footer), `mode() -> Mode`,
//! `journey() -> Journey` (what is saved as the position) and a constructor
//! from the state. Adding a screen (Decide, Steps, …):
//!
//! 1. `src/wizard/<screen>.rs`: the page type and its pure logic, changing
//!    the state only through `domain::actions`; texts in `text.rs`.
//! 2. [`Page`]: one variant, plus one arm in each `match` below.
//! 3. `route.rs`: the arm of `page()` that builds it for its `Screen`, and
//!    where it sits in the journey (`open_screen`, `continue_screen`,
//!    `after_identify`, …); `progress.rs` already marks every step.
//! 4. `src/tui/views/<screen>.rs`: `draw(frame, area, wizard, page, theme)`,
//!    plus its arm (and title) in `tui/views/mod.rs`.
//!
//! A page returns [`Flow::Changed`] when an answer changed and
//! [`Flow::Go`]/[`Flow::Open`] to change screen: the caller saves then, and
//! never for a keystroke inside a field.

pub mod checklist;
pub mod deadlines;
pub mod decide;
mod detail;
pub mod export;
pub mod field;
pub mod home;
pub mod identify;
pub mod keymap;
pub mod msg;
pub mod progress;
pub mod reference;
pub mod route;
pub mod source;
pub mod steps;
pub mod summary;
pub mod text;
pub mod view;

use std::cell::OnceCell;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::actions;
use crate::domain::deadlines::{Deadline, deadlines};
use crate::domain::journey::{Journey, Screen};
use crate::domain::plan::Region;
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};
use checklist::Checklist;
use deadlines::Deadlines;
use decide::Decide;
use export::{ExportOutcome, ExportRequest, Exports};
use home::Home;
use identify::Identify;
pub use msg::{Mode, Msg, TextKey};
use reference::{Reference, Topic};
use steps::Steps;
use summary::{Overview, Summary};
use text::Command;

/// The screen on show, with its own (unsaved) state.
#[derive(Debug, Clone)]
pub enum Page {
    Home(Home),
    Identify(Identify),
    Decide(Decide),
    Steps(Steps),
    Checklist(Checklist),
    Deadlines(Deadlines),
    Summary(Summary),
    /// FAQ or Troubleshooting, over the page it was opened from.
    Reference(Reference),
}

impl Page {
    pub fn screen(&self) -> Screen {
        match self {
            Page::Home(_) => Screen::Home,
            Page::Identify(_) => Screen::Identify,
            Page::Decide(_) => Screen::Decide,
            Page::Steps(_) => Screen::Steps,
            Page::Checklist(_) => Screen::Checklist,
            Page::Deadlines(_) => Screen::Deadlines,
            Page::Summary(_) => Screen::Summary,
            // A side trip: the journey step is still the page underneath.
            Page::Reference(p) => p.back().screen(),
        }
    }

    fn journey(&self) -> Journey {
        match self {
            Page::Home(p) => p.journey(),
            Page::Identify(p) => p.journey(),
            Page::Decide(p) => p.journey(),
            Page::Steps(p) => p.journey(),
            Page::Checklist(p) => p.journey(),
            Page::Deadlines(p) => p.journey(),
            Page::Summary(p) => p.journey(),
            Page::Reference(p) => p.journey(),
        }
    }

    fn mode(&self) -> Mode {
        match self {
            Page::Home(p) => p.mode(),
            Page::Identify(p) => p.mode(),
            Page::Decide(p) => p.mode(),
            Page::Steps(p) => p.mode(),
            Page::Checklist(p) => p.mode(),
            Page::Deadlines(p) => p.mode(),
            Page::Summary(p) => p.mode(),
            Page::Reference(p) => p.mode(),
        }
    }

    /// A field is open with something typed (or stepped) in it. The
    /// export folder does not count: Enter there would write files.
    fn field_changed(&self) -> bool {
        match self {
            Page::Home(p) => p.field_changed(),
            Page::Identify(p) => p.field_changed(),
            Page::Steps(p) => p.field_changed(),
            Page::Checklist(p) => p.field_changed(),
            Page::Decide(_) | Page::Deadlines(_) | Page::Summary(_) | Page::Reference(_) => false,
        }
    }

    fn commands(&self, state: &State, policy: &Policy) -> Vec<Command> {
        match self {
            Page::Home(p) => p.commands(state),
            Page::Identify(p) => state
                .subscription(p.id())
                .map(|s| p.commands(state, s))
                .unwrap_or_default(),
            Page::Decide(p) => p.commands(state),
            Page::Steps(p) => p.commands(state, policy),
            Page::Checklist(p) => p.commands(state, policy),
            Page::Deadlines(p) => p.commands(state),
            Page::Summary(p) => p.commands(),
            Page::Reference(p) => p.commands(),
        }
    }

    fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        match self {
            Page::Home(p) => p.update(ctx, msg),
            Page::Identify(p) => p.update(ctx, msg),
            Page::Decide(p) => p.update(ctx, msg),
            Page::Steps(p) => p.update(ctx, msg),
            Page::Checklist(p) => p.update(ctx, msg),
            Page::Deadlines(p) => p.update(ctx, msg),
            Page::Summary(p) => p.update(ctx, msg),
            Page::Reference(p) => p.update(ctx, msg),
        }
    }

    /// How far the page's detail pane is scrolled (0 for pages without one).
    fn detail_scroll(&self) -> u16 {
        match self {
            Page::Identify(p) => p.detail_scroll(),
            Page::Checklist(p) => p.detail_scroll(),
            Page::Decide(p) => p.detail_scroll(),
            Page::Deadlines(p) => p.detail_scroll(),
            Page::Reference(p) => p.detail_scroll(),
            _ => 0,
        }
    }

    /// The subscription the page is about (Home: the selected one).
    fn focus<'s>(&self, state: &'s State) -> Option<&'s Subscription> {
        match self {
            Page::Home(p) => p.selected_sub(state),
            Page::Identify(p) => state.subscription(p.id()),
            // None: the account's decision and steps.
            Page::Decide(p) => p.id().and_then(|id| state.subscription(id)),
            Page::Steps(p) => p.id().and_then(|id| state.subscription(id)),
            // About the account, or every subscription at once.
            Page::Checklist(_) | Page::Deadlines(_) => None,
            // About every subscription and the account.
            Page::Summary(_) => None,
            Page::Reference(p) => p.back().focus(state),
        }
    }
}

/// What a page's `update` asks of the wizard.
#[derive(Debug)]
pub enum Flow {
    /// Nothing to save.
    Stay,
    /// An answer changed: save.
    Changed,
    /// Go to a journey position (and save).
    Go(Journey),
    /// Go to a page built by the caller (and save).
    Open(Box<Page>),
}

impl Flow {
    /// The same flow, saving even when it stays.
    pub fn or_save(self) -> Flow {
        match self {
            Flow::Stay => Flow::Changed,
            other => other,
        }
    }
}

/// What a page may touch while handling a message.
pub struct Ctx<'a> {
    pub state: &'a mut State,
    pub policy: &'a Policy,
    pub today: NaiveDate,
    /// A one-line message for the person, shown until the next key.
    pub notice: &'a mut Option<Notice>,
    /// Export folders; a page puts an export for the front end in `request`.
    pub export: &'a mut Exports,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Done,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: NoticeKind,
}

impl Notice {
    pub fn info(text: String) -> Notice {
        Notice {
            text,
            kind: NoticeKind::Info,
        }
    }

    pub fn done(text: String) -> Notice {
        Notice {
            text,
            kind: NoticeKind::Done,
        }
    }

    pub fn error(text: String) -> Notice {
        Notice {
            text,
            kind: NoticeKind::Error,
        }
    }
}

/// An answer to "Do you live in the EU or the UK?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionAnswer {
    EuUk,
    Elsewhere,
    /// Counted as elsewhere until answered.
    NotSure,
}

pub const REGION_ANSWERS: [RegionAnswer; 3] =
    [RegionAnswer::EuUk, RegionAnswer::Elsewhere, RegionAnswer::NotSure];

/// How the person left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `q`.
    Quit,
    /// Ctrl-C.
    Interrupt,
}

/// What the caller must do after a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects {
    /// The state changed (an answer or the screen): save it now.
    pub save: bool,
    pub exit: Option<Exit>,
    /// Write these files, then report with [`Wizard::exported`].
    pub export: Option<ExportRequest>,
    /// Open this web address in the person's browser (`o`); report a
    /// failure with [`Wizard::report_open_failed`].
    pub open: Option<String>,
}

/// Keys that work from every page in normal mode, in footer order (`o`,
/// which opens what the highlighted line shows, goes with the page's own).
const OVERVIEW: [(Msg, Command); 7] = [
    (Msg::Home, text::HOME_KEY),
    (Msg::Deadlines, text::DEADLINES_KEY),
    (Msg::Summary, text::SUMMARY_KEY),
    (Msg::Account, text::ACCOUNT_KEY),
    (Msg::Region, text::REGION_KEY),
    (Msg::Faq, text::FAQ_KEY),
    (Msg::Troubleshooting, text::TROUBLESHOOTING_KEY),
];

#[derive(Debug, Clone)]
pub struct Wizard {
    state: State,
    policy: Policy,
    today: NaiveDate,
    page: Page,
    /// The help overlay is open, scrolled this many lines.
    help: Option<u16>,
    /// "Do you live in the EU or the UK?" is open over the page (`A`), this
    /// line highlighted.
    region: Option<usize>,
    notice: Option<Notice>,
    exports: Exports,
    /// The Deadlines or Summary page, as it was, that the current one was
    /// opened from: Esc returns there instead of to the previous step.
    came_from: Option<Box<Page>>,
    /// The deadlines of `state`, kept from one change of the state to the
    /// next: several screens show them on every frame.
    rows: Vec<Deadline>,
    /// What the Summary shows, made on first use after each change.
    overview: OnceCell<Overview>,
    /// SPEC §2's line when the rules are old; neither changes during a run.
    stale: Option<String>,
    /// The page as described after the last change: every frame draws from
    /// it, and only a change (a message, a report, a scroll) makes it anew.
    described: OnceCell<view::PageView>,
}

impl Wizard {
    /// Opens at the saved journey position (Home if there is none or its
    /// subscription is gone).
    pub fn open(mut state: State, policy: Policy, today: NaiveDate) -> Wizard {
        let page = route::page(&state, &state.journey, &policy, today);
        state.journey = page.journey();
        let rows = deadlines(&state, &policy.rules, today);
        let stale = policy.stale_notice(today);
        let exports = Exports {
            last: state.export_folder.as_ref().map(PathBuf::from),
            ..Exports::default()
        };
        Wizard {
            state,
            policy,
            today,
            page,
            help: None,
            region: None,
            notice: None,
            exports,
            came_from: None,
            rows,
            overview: OnceCell::new(),
            stale,
            described: OnceCell::new(),
        }
    }

    /// The page on show, described: what every front end draws. Made on
    /// first use after each change and kept until the next.
    pub fn view(&self) -> &view::PageView {
        self.described.get_or_init(|| self.describe())
    }

    /// Something the page shows may have changed: describe it again when next asked.
    fn changed(&mut self) {
        self.described.take();
    }

    /// Exports go by default to `cwd` (the folder the wizard was started
    /// in), where a relative folder is also taken from; `~` is `home`.
    pub fn with_folders(mut self, cwd: PathBuf, home: Option<PathBuf>) -> Wizard {
        let last = self.exports.last.take();
        self.exports = Exports::new(cwd, home);
        self.exports.last = last;
        self.changed();
        self
    }

    /// The person's Documents folder: where a first export goes.
    pub fn with_documents(mut self, documents: Option<PathBuf>) -> Wizard {
        self.exports.documents = documents;
        self.changed();
        self
    }

    pub fn exports(&self) -> &Exports {
        &self.exports
    }

    /// The front end's report on the export it was asked for. True when the
    /// state changed (the folder is remembered for the next export): save it.
    pub fn exported(&mut self, outcome: ExportOutcome) -> bool {
        self.changed();
        self.notice = summary::exported(&mut self.page, &mut self.exports, outcome);
        // A folder whose name is not UTF-8 or holds a control character is
        // used, but not remembered: the state file could not hold it.
        let folder = (self.exports.last.as_ref())
            .and_then(|d| d.to_str())
            .filter(|d| crate::domain::state::export_folder_fits(d))
            .map(str::to_string);
        let changed = folder.is_some() && folder != self.state.export_folder;
        if changed {
            self.state.export_folder = folder;
        }
        changed
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// Every deadline of the state as it is, in the order of SPEC §4.
    pub fn deadlines(&self) -> &[Deadline] {
        &self.rows
    }

    /// The Summary's overview of the state as it is.
    pub fn summary(&self) -> &Overview {
        self.overview
            .get_or_init(|| summary::overview_of(&self.state, &self.policy, self.today, &self.rows))
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The rules have not been checked for over six months (SPEC §2).
    pub fn stale_notice(&self) -> Option<&str> {
        self.stale.as_deref()
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn page(&self) -> &Page {
        &self.page
    }

    pub fn screen(&self) -> Screen {
        self.page.screen()
    }

    /// Where the person is, for the title bar: the journey step, or FAQ or
    /// Troubleshooting when one is open over it.
    pub fn title(&self) -> &'static str {
        match &self.page {
            Page::Reference(r) => r.topic().title(),
            page => text::screen_title(page.screen()),
        }
    }

    /// The subscription the current page is about.
    pub fn focus(&self) -> Option<&Subscription> {
        self.page.focus(&self.state)
    }

    pub fn help_scroll(&self) -> Option<u16> {
        self.help
    }

    /// The region question open over the page: its answers and the highlighted one.
    pub fn region_question(&self) -> Option<(&'static [RegionAnswer], usize)> {
        self.region.map(|cursor| (&REGION_ANSWERS[..], cursor))
    }

    /// The region answer saved now (None: not answered).
    pub fn region_answer(&self) -> Option<RegionAnswer> {
        self.state.region.map(|r| match r {
            Region::EuUk => RegionAnswer::EuUk,
            Region::Elsewhere => RegionAnswer::Elsewhere,
        })
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Leaving while a field is open (Ctrl-C, SIGTERM, SIGHUP, the end of
    /// input): what was typed is kept as Enter would keep it — a note as
    /// typed, a date only if it is valid. A field left as it opened keeps
    /// nothing: a date merely offered was never chosen.
    pub fn keep_typed(&mut self) {
        if self.mode() == Mode::Edit && self.page.field_changed() {
            self.update(Msg::Next);
        }
    }

    /// The front end could not save: say so until the next key.
    pub fn report_save_error(&mut self, why: &str) {
        self.changed();
        self.notice = Some(Notice::error(text::save_failed(why)));
    }

    /// The state file had been changed by hand; that version was kept at `path`.
    pub fn report_kept_edit(&mut self, path: &str) {
        self.changed();
        self.notice = Some(Notice::info(text::hand_edit_kept(path)));
    }

    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else {
            self.page.mode()
        }
    }

    /// The keys that work here, for the footer (as the page's description
    /// gives them).
    pub fn commands(&self) -> Vec<Command> {
        self.view().commands.clone()
    }

    /// The keys that work here; `o` with the page's own where the
    /// description of the highlighted line shows a source's web address.
    fn commands_here(&self, address_shown: bool) -> Vec<Command> {
        if self.region.is_some() {
            return vec![text::MOVE, text::CHOOSE, text::CLOSE, text::QUIT];
        }
        match self.mode() {
            Mode::Help => vec![
                text::SCROLL,
                text::CLOSE,
                text::FAQ_KEY,
                text::TROUBLESHOOTING_KEY,
                text::QUIT,
            ],
            Mode::Edit | Mode::Confirm => self.page.commands(&self.state, &self.policy),
            Mode::Normal => {
                // The page's own keys first: the footer drops from the end.
                let mut commands = self.page.commands(&self.state, &self.policy);
                // A source's address shown with the highlighted line may be
                // cut at 60 columns: the key that opens it whole is offered
                // with the page's own, and the footer keeps it (text::KEPT_IN_FOOTER).
                if address_shown
                    && self
                        .source_here()
                        .is_some_and(|s| source::web_address(s).is_some())
                {
                    commands.push(text::OPEN_SOURCE_KEY);
                }
                let overview: Vec<Command> = OVERVIEW
                    .into_iter()
                    .filter(|(msg, _)| {
                        Topic::of(*msg).is_some() || *msg == Msg::Region || self.overview(*msg).is_some()
                    })
                    .map(|(_, command)| command)
                    .filter(|o| !commands.iter().any(|c| c.keys == o.keys))
                    .collect();
                commands.extend(overview);
                commands.extend([text::HELP, text::QUIT]);
                commands
            }
        }
    }

    /// The keys of this page or overlay alone, without those that work everywhere.
    pub fn own_commands(&self) -> Vec<Command> {
        match (self.region.is_some(), self.mode()) {
            (false, Mode::Normal) => self.page.commands(&self.state, &self.policy),
            _ => self.commands_here(false),
        }
    }

    /// The help overlay: every key, then the ones of this screen.
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<Command>)> {
        let mut sections = vec![(text::HELP_HERE, self.page.commands(&self.state, &self.policy))];
        sections.extend(keymap::help_groups().into_iter().map(|(group, bindings)| {
            let lines = bindings
                .into_iter()
                .map(|b| Command {
                    keys: b.shown,
                    action: b.label,
                })
                .collect();
            (group.title(), lines)
        }));
        sections.push((text::HELP_SYMBOLS, text::HELP_SYMBOL_KEYS.to_vec()));
        sections
    }

    pub fn update(&mut self, msg: Msg) -> Effects {
        self.changed();
        self.notice = None;
        match msg {
            Msg::Interrupt => {
                self.keep_typed();
                return Effects {
                    save: true,
                    exit: Some(Exit::Interrupt),
                    ..Effects::default()
                };
            }
            Msg::Quit if self.mode() != Mode::Edit => {
                return Effects {
                    save: true,
                    exit: Some(Exit::Quit),
                    ..Effects::default()
                };
            }
            _ => {}
        }
        if let Some(scroll) = self.help {
            if let Some(topic) = Topic::of(msg) {
                self.help = None;
                reference::open(&mut self.page, topic, Some(scroll));
                return Effects::default();
            }
            self.help = match msg {
                Msg::Up => Some(scroll.saturating_sub(1)),
                Msg::Down => Some(scroll.saturating_add(1).min(self.help_lines())),
                Msg::PageUp => Some(scroll.saturating_sub(10)),
                Msg::PageDown => Some(scroll.saturating_add(10).min(self.help_lines())),
                Msg::Help | Msg::Back | Msg::Next => None,
                _ => Some(scroll),
            };
            return Effects::default();
        }
        if let Some(cursor) = self.region {
            return self.answer_region(cursor, msg);
        }
        if msg == Msg::Help && self.mode() == Mode::Normal {
            self.help = Some(0);
            return Effects::default();
        }
        if msg == Msg::OpenSource && self.mode() == Mode::Normal {
            return self.open_source();
        }
        if msg == Msg::Region && self.mode() == Mode::Normal {
            let saved = self.region_answer().unwrap_or(RegionAnswer::NotSure);
            self.region = REGION_ANSWERS.iter().position(|a| *a == saved);
            return Effects::default();
        }
        // FAQ and Troubleshooting are side trips: nothing saved (reference.rs).
        if let Some(topic) = Topic::of(msg).filter(|_| self.mode() == Mode::Normal) {
            reference::open(&mut self.page, topic, None);
            return Effects::default();
        }
        if msg == Msg::Back && matches!(self.page, Page::Reference(_)) {
            self.help = reference::close(&mut self.page);
            return Effects::default();
        }
        let normal = self.mode() == Mode::Normal;
        let mut ctx = Ctx {
            state: &mut self.state,
            policy: &self.policy,
            today: self.today,
            notice: &mut self.notice,
            export: &mut self.exports,
        };
        let mut flow = self.page.update(&mut ctx, msg);
        // The overview keys, once for every page that left them alone.
        if normal && matches!(flow, Flow::Stay) {
            // `D` with several accounts: the account that pays for the plan in view.
            if msg == Msg::Account
                && self.state.several_accounts()
                && let Some(account) = self.focus().map(|s| s.account.clone())
            {
                self.state.account_focus = Some(account);
            }
            flow = self.overview(msg).unwrap_or(flow);
        }
        let leaving = matches!(flow, Flow::Go(_) | Flow::Open(_));
        if leaving
            && msg == Msg::Back
            && let Some(back) = self.came_from.take()
        {
            flow = Flow::Open(back);
        }
        let from = leaving.then(|| self.page.clone());
        let save = match flow {
            Flow::Stay => false,
            Flow::Changed => true,
            Flow::Go(journey) => {
                self.page = route::page(&self.state, &journey, &self.policy, self.today);
                // Esc on the Summary goes back to where it was opened from.
                if let (Page::Summary(summary), Some(from)) = (&mut self.page, &from) {
                    summary.came_from(from.journey());
                }
                true
            }
            Flow::Open(page) => {
                self.page = *page;
                true
            }
        };
        if let Some(from) = from {
            self.remember(from, msg);
        }
        self.state.journey = self.page.journey();
        // Every change of the state is saved, so `save` also says when it changed.
        if save {
            self.rows = deadlines(&self.state, &self.policy.rules, self.today);
            self.overview = OnceCell::new();
        }
        Effects {
            save,
            exit: None,
            export: self.exports.request.take(),
            open: None,
        }
    }

    /// `o`: the highlighted rule's source, to the browser when it is a web
    /// address; otherwise what it is, or that nothing here has one.
    fn open_source(&mut self) -> Effects {
        let source = self.source_here().cloned();
        let (notice, open) = match &source {
            Some(s) => match source::web_address(s) {
                Some(url) => (text::opening(url), Some(url.to_string())),
                None => (text::no_web_address(&s.source, &s.as_of), None),
            },
            None => (text::NO_SOURCE_HERE.to_string(), None),
        };
        self.notice = Some(Notice::info(notice));
        Effects {
            open,
            ..Effects::default()
        }
    }

    /// The browser could not be started: say so, with the address to copy.
    pub fn report_open_failed(&mut self, url: &str, why: &str) {
        self.changed();
        self.notice = Some(Notice::error(text::open_failed(url, why)));
    }

    /// A key while the region question is open: move, choose (saved, and
    /// every date recomputed), or close.
    fn answer_region(&mut self, cursor: usize, msg: Msg) -> Effects {
        let last = REGION_ANSWERS.len() - 1;
        match msg {
            Msg::Up => self.region = Some(cursor.saturating_sub(1)),
            Msg::Down => self.region = Some((cursor + 1).min(last)),
            Msg::Back | Msg::Region => self.region = None,
            Msg::Next | Msg::Toggle => {
                self.region = None;
                let answer = REGION_ANSWERS[cursor];
                match answer {
                    RegionAnswer::EuUk => actions::set_region(&mut self.state, Region::EuUk),
                    RegionAnswer::Elsewhere => actions::set_region(&mut self.state, Region::Elsewhere),
                    RegionAnswer::NotSure => actions::forget_region(&mut self.state),
                }
                let eu_uk = match answer {
                    RegionAnswer::EuUk => Some(true),
                    RegionAnswer::Elsewhere => Some(false),
                    RegionAnswer::NotSure => None,
                };
                self.notice = Some(Notice::done(text::region_saved(eu_uk).to_string()));
                self.rows = deadlines(&self.state, &self.policy.rules, self.today);
                self.overview = OnceCell::new();
                return Effects {
                    save: true,
                    ..Effects::default()
                };
            }
            _ => {}
        }
        Effects::default()
    }

    /// Where an overview key goes from here; None for another key, or for
    /// the page already on show.
    fn overview(&self, msg: Msg) -> Option<Flow> {
        let focus = self.focus().map(|s| s.id.clone());
        let here = match &self.page {
            Page::Reference(_) => None,
            page => Some(page.journey()),
        };
        let to = match msg {
            Msg::Home => Journey {
                screen: Screen::Home,
                subscription: focus,
            },
            Msg::Deadlines => Journey {
                screen: Screen::Deadlines,
                subscription: focus,
            },
            Msg::Summary => Journey {
                screen: Screen::Summary,
                subscription: focus,
            },
            // The account's decision is Decide without a subscription.
            Msg::Account => Journey {
                screen: Screen::Decide,
                subscription: None,
            },
            _ => return None,
        };
        let same = here.is_some_and(|here| {
            here.screen == to.screen && (to.screen != Screen::Decide || here.subscription.is_none())
        });
        if same {
            return None;
        }
        Some(match to.screen {
            // Esc on Deadlines comes back here.
            Screen::Deadlines => Flow::Open(Box::new(Page::Deadlines(Deadlines::open(self.page.journey())))),
            _ => Flow::Go(to),
        })
    }

    /// After a page change from `from`: what Esc on the new page returns to.
    fn remember(&mut self, from: Page, msg: Msg) {
        let from = match from {
            Page::Reference(r) => r.back().clone(),
            page => page,
        };
        let (before, now) = (from.screen(), self.page.screen());
        if msg == Msg::Back || now == Screen::Home {
            // Going back never makes a way back, or Esc would bounce
            // between two pages; Home is where every way back ends.
            self.came_from = None;
        } else if matches!(before, Screen::Deadlines | Screen::Summary)
            || msg == Msg::Account
            // "Cancel every subscription" opens a plan's steps: Esc returns to the list.
            || (before == Screen::Checklist && now == Screen::Steps)
        {
            // Not from Home: its Enter starts the journey, whose Esc is the
            // previous step (from Steps, Decide is how a choice is changed).
            // The account's decision is a side trip from anywhere.
            self.came_from = Some(Box::new(from));
        } else if before != now {
            // A step of the journey, or an overview page with its own way back.
            self.came_from = None;
        }
    }

    /// What scrolls here (the help box, else the page's detail pane) shows
    /// its last line at `max`, as the screen was drawn: scrolling further
    /// would change nothing, and PgUp would then seem not to work.
    pub fn limit_scroll(&mut self, max: u16) {
        let before = (self.help, self.page.detail_scroll());
        if let Some(scroll) = self.help.as_mut() {
            *scroll = (*scroll).min(max);
        } else {
            match &mut self.page {
                Page::Identify(page) => page.limit_detail_scroll(max),
                Page::Checklist(page) => page.limit_detail_scroll(max),
                Page::Decide(page) => page.limit_detail_scroll(max),
                Page::Deadlines(page) => page.limit_detail_scroll(max),
                Page::Reference(page) => page.limit_detail_scroll(max),
                _ => {}
            }
        }
        // Nearly every frame clamps nothing: the description stays.
        if (self.help, self.page.detail_scroll()) != before {
            self.changed();
        }
    }

    /// Enough for the help however a screen wraps it (each line at most
    /// twice); the screen clamps the scroll exactly once it has drawn.
    fn help_lines(&self) -> u16 {
        let lines: usize = self.help_sections().iter().map(|(_, c)| 2 * c.len() + 2).sum();
        lines.try_into().unwrap_or(u16::MAX)
    }
}
