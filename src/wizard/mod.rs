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

pub mod field;
pub mod home;
pub mod identify;
pub mod msg;
pub mod progress;
pub mod route;
pub mod text;

use chrono::NaiveDate;

use crate::domain::journey::{Journey, Screen};
use crate::domain::policy::Policy;
use crate::domain::state::{State, Subscription};
use home::Home;
use identify::Identify;
pub use msg::{Mode, Msg, TextKey};
use text::Command;

/// The screen on show, with its own (unsaved) state.
#[derive(Debug, Clone)]
pub enum Page {
    Home(Home),
    Identify(Identify),
}

impl Page {
    pub fn screen(&self) -> Screen {
        match self {
            Page::Home(_) => Screen::Home,
            Page::Identify(_) => Screen::Identify,
        }
    }

    fn journey(&self) -> Journey {
        match self {
            Page::Home(p) => p.journey(),
            Page::Identify(p) => p.journey(),
        }
    }

    fn mode(&self) -> Mode {
        match self {
            Page::Home(p) => p.mode(),
            Page::Identify(p) => p.mode(),
        }
    }

    fn commands(&self, state: &State) -> Vec<Command> {
        match self {
            Page::Home(p) => p.commands(state),
            Page::Identify(p) => state
                .subscription(p.id())
                .map(|s| p.commands(s))
                .unwrap_or_default(),
        }
    }

    fn update(&mut self, ctx: &mut Ctx, msg: Msg) -> Flow {
        match self {
            Page::Home(p) => p.update(ctx, msg),
            Page::Identify(p) => p.update(ctx, msg),
        }
    }

    /// The subscription the page is about (Home: the selected one).
    fn focus<'s>(&self, state: &'s State) -> Option<&'s Subscription> {
        match self {
            Page::Home(p) => state.subscriptions.get(p.selected()),
            Page::Identify(p) => state.subscription(p.id()),
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

/// How the person left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `q`.
    Quit,
    /// Ctrl-C.
    Interrupt,
}

/// What the caller must do after a message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects {
    /// The state changed (an answer or the screen): save it now.
    pub save: bool,
    pub exit: Option<Exit>,
}

#[derive(Debug, Clone)]
pub struct Wizard {
    state: State,
    policy: Policy,
    today: NaiveDate,
    page: Page,
    /// The help overlay is open, scrolled this many lines.
    help: Option<u16>,
    notice: Option<Notice>,
}

impl Wizard {
    /// Opens at the saved journey position (Home if there is none or its
    /// subscription is gone).
    pub fn open(mut state: State, policy: Policy, today: NaiveDate) -> Wizard {
        let page = route::page(&state, &state.journey, today);
        state.journey = page.journey();
        Wizard {
            state,
            policy,
            today,
            page,
            help: None,
            notice: None,
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
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

    /// The subscription the current page is about.
    pub fn focus(&self) -> Option<&Subscription> {
        self.page.focus(&self.state)
    }

    pub fn help_scroll(&self) -> Option<u16> {
        self.help
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The front end could not save: say so until the next key.
    pub fn report_save_error(&mut self, why: &str) {
        self.notice = Some(Notice::error(text::save_failed(why)));
    }

    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else {
            self.page.mode()
        }
    }

    /// The keys that work here, for the footer.
    pub fn commands(&self) -> Vec<Command> {
        match self.mode() {
            Mode::Help => vec![text::SCROLL, text::CLOSE, text::QUIT],
            Mode::Edit | Mode::Confirm => self.page.commands(&self.state),
            Mode::Normal => {
                let mut commands = self.page.commands(&self.state);
                commands.extend([text::HELP, text::QUIT]);
                commands
            }
        }
    }

    /// The help overlay: every key, then the ones of this screen.
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<Command>)> {
        vec![
            (text::HELP_HERE, self.page.commands(&self.state)),
            (text::HELP_ANYWHERE, text::HELP_ANYWHERE_KEYS.to_vec()),
            (text::HELP_NORMAL, text::HELP_NORMAL_KEYS.to_vec()),
            (text::HELP_EDIT, text::HELP_EDIT_KEYS.to_vec()),
            (text::HELP_CONFIRM, text::HELP_CONFIRM_KEYS.to_vec()),
        ]
    }

    pub fn update(&mut self, msg: Msg) -> Effects {
        self.notice = None;
        match msg {
            Msg::Interrupt => {
                return Effects {
                    save: true,
                    exit: Some(Exit::Interrupt),
                };
            }
            Msg::Quit if self.mode() != Mode::Edit => {
                return Effects {
                    save: true,
                    exit: Some(Exit::Quit),
                };
            }
            _ => {}
        }
        if let Some(scroll) = self.help {
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
        if msg == Msg::Help && self.mode() == Mode::Normal {
            self.help = Some(0);
            return Effects::default();
        }
        let mut ctx = Ctx {
            state: &mut self.state,
            policy: &self.policy,
            today: self.today,
            notice: &mut self.notice,
        };
        let save = match self.page.update(&mut ctx, msg) {
            Flow::Stay => false,
            Flow::Changed => true,
            Flow::Go(journey) => {
                self.page = route::page(&self.state, &journey, self.today);
                true
            }
            Flow::Open(page) => {
                self.page = *page;
                true
            }
        };
        self.state.journey = self.page.journey();
        Effects { save, exit: None }
    }

    /// The help box shows its last line at `max`: scrolling further does nothing.
    pub fn limit_help_scroll(&mut self, max: u16) {
        if let Some(scroll) = self.help.as_mut() {
            *scroll = (*scroll).min(max);
        }
    }

    fn help_lines(&self) -> u16 {
        let lines: usize = self.help_sections().iter().map(|(_, c)| c.len() + 2).sum();
        lines.try_into().unwrap_or(u16::MAX)
    }
}
