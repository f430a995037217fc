//! The wizard line by line (`--plain`), for a screen reader, a braille
//! display or a script: each page printed once as text, then a prompt that
//! reads one line. No alternate screen, no cursor movement, no colour; works
//! when stdin and stdout are pipes. Same wizard, store, lock, saves and exit
//! codes as the full screen: it only renders the page descriptions
//! (`wizard::view`) and turns lines into the same messages.

mod input;
mod lines;
pub mod render;

pub use input::{Request, parse};

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::domain::dates::long_date;
use crate::domain::policy::Policy;
use crate::domain::state::State;
use crate::domain::text_limits::escaped_for_terminal;
use crate::effects::{self, Folders, Outcome};
use crate::store::{Store, StoreError};
use crate::wizard::{Mode, Msg, NoticeKind, TextKey, Wizard, text};
use lines::Input;

#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error("could not read or write the terminal: {0}")]
    Io(#[from] io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Runs the wizard on stdin and stdout until `quit`, the end of input or a
/// signal; saves after every change and once more at the end.
pub fn run(
    store: Store,
    state: State,
    policy: Policy,
    today: NaiveDate,
    folders: Folders,
) -> Result<Outcome, PlainError> {
    let incoming = lines::start()?;
    let mut session = Session {
        wizard: folders.given_to(Wizard::open(state, policy, today)),
        store,
        out: io::stdout().lock(),
        sent: false,
        refused: None,
    };
    let outcome = session.run(&incoming);
    session.wizard.keep_typed();
    let saved = session.store.save(session.wizard.state());
    let outcome = match outcome {
        Ok(outcome) => outcome,
        // Nobody reads any more (`| head`, a closed window): end quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Outcome::Quit,
        Err(e) => return Err(e.into()),
    };
    if let Some(edited) = saved? {
        eprintln!("note: {}", text::hand_edit_kept(&edited.display().to_string()));
    }
    // On every way out (a hung-up terminal may not take it: no matter).
    let _ = writeln!(session.out, "{}", text::PLAIN_SAVED);
    Ok(outcome)
}

struct Session<W: Write> {
    wizard: Wizard,
    store: Store,
    out: W,
    /// A message went to the wizard since the last line was read.
    sent: bool,
    /// Why the value on the last line was refused (its field was closed).
    refused: Option<String>,
}

impl<W: Write> Session<W> {
    fn run(&mut self, incoming: &std::sync::mpsc::Receiver<Input>) -> io::Result<Outcome> {
        self.say(&[text::plain_start(&long_date(self.wizard.today()))])?;
        let mut shown = self.wizard.view().clone();
        self.say(&render::page(&shown, self.wizard.mode()))?;
        loop {
            write!(self.out, "> ")?;
            self.out.flush()?;
            let line = match incoming.recv() {
                Ok(Input::Line(line)) => line,
                Ok(Input::Signal(outcome)) => {
                    // Off the prompt's line, so the shell's next line starts clean.
                    writeln!(self.out)?;
                    return Ok(outcome);
                }
                Ok(Input::End) | Err(_) => {
                    writeln!(self.out)?;
                    return Ok(Outcome::Quit);
                }
            };
            let request = match parse(&line, self.wizard.mode(), &shown) {
                Ok(request) => request,
                Err(why) => {
                    self.say(&[why])?;
                    continue;
                }
            };
            let asked_about = matches!(request, Request::About(_));
            self.sent = false;
            self.refused = None;
            let in_field = self.wizard.mode() == Mode::Edit;
            let ended = match request {
                Request::Help => {
                    self.say(&render::help())?;
                    continue;
                }
                Request::Show => {
                    shown = self.wizard.view().clone();
                    self.say(&render::page(&shown, self.wizard.mode()))?;
                    continue;
                }
                // A value typed into the open field, and Enter.
                Request::Send(msgs) if in_field && msgs.last() == Some(&Msg::Next) => self.submit(&msgs),
                Request::Send(msgs) => self.send(&msgs),
                Request::At(n, then) => match self.highlight(n) {
                    Ok(()) => self.send(&then),
                    Err(why) => {
                        self.say(&[why])?;
                        continue;
                    }
                },
                Request::About(n) => match self.highlight(n) {
                    Ok(()) => None,
                    Err(why) => {
                        self.say(&[why])?;
                        continue;
                    }
                },
                Request::Fill { at, open, text } => match self.fill(at, open, &text) {
                    Ok(ended) => ended,
                    Err(why) => {
                        self.say(&[why])?;
                        continue;
                    }
                },
            };
            if let Some(outcome) = ended {
                return Ok(outcome);
            }
            let now = self.wizard.view().clone();
            // What happened first, then where it led. A notice is the
            // answer to a message: none sent, none said (not the last one again).
            let notice = self.wizard.notice().filter(|_| self.sent);
            let mut said = match &self.refused {
                Some(why) => render::refused(why),
                None => notice.map(render::notice).unwrap_or_default(),
            };
            let told = said.clone();
            said.extend(
                render::changes(&shown, &now, self.wizard.mode(), asked_about)
                    .into_iter()
                    .filter(|line| !told.contains(line)),
            );
            if said.iter().all(|l| l.is_empty()) {
                // Nothing to say (Enter on a field left as it was): the question again.
                said = render::asking(&now);
                if said.is_empty() {
                    said = vec![text::PLAIN_NOTHING.to_string()];
                }
            }
            self.say(&said)?;
            shown = now;
        }
    }

    /// Opens a field with `open` on line `at`, types `text` and accepts it;
    /// refused, with nothing typed, where `open` opens no field.
    fn fill(&mut self, at: Option<usize>, open: Msg, text: &str) -> Result<Option<Outcome>, String> {
        if let Some(n) = at {
            self.highlight(n)?;
        }
        if let Some(outcome) = self.send(&[open]) {
            return Ok(Some(outcome));
        }
        if self.wizard.mode() != Mode::Edit {
            return Err(text::plain_no_field(open == Msg::EditNote, at));
        }
        Ok(self.submit(&input::typed(text)))
    }

    /// Types into the open field and presses Enter (`msgs` ends with
    /// [`Msg::Next`]). A refused value never leaves its field waiting for
    /// the next line: in a script that line is the next command (`r` stored
    /// as the note). The field is closed as Esc closes it, the value before
    /// kept, and the reason kept in `refused` for the prompt to say.
    fn submit(&mut self, msgs: &[Msg]) -> Option<Outcome> {
        let (enter, typing) = msgs.split_last()?;
        if let Some(outcome) = self.send(typing) {
            return Some(outcome);
        }
        // A line the field cannot hold whole (a note past 2,000 characters,
        // a label past 80): the field keeps what fits and says so, but a
        // line is refused whole, never saved cut.
        if !typing.is_empty()
            && let Some(why) = self.field_error()
        {
            return self.refuse(why);
        }
        if let Some(outcome) = self.send(&[*enter]) {
            return Some(outcome);
        }
        if self.wizard.mode() != Mode::Edit {
            return None;
        }
        // Still in a field after Enter: refused, with the reason in the
        // field or in the notice. (Another field opened by an answer taken,
        // as naming the first account after adding a second, has neither.)
        let notice_error = (self.wizard.notice())
            .filter(|n| n.kind == NoticeKind::Error)
            .map(|n| n.text.clone());
        match self.field_error().or(notice_error) {
            Some(why) => self.refuse(why),
            None => None,
        }
    }

    /// Why the open field refuses its value, as it says.
    fn field_error(&self) -> Option<String> {
        self.wizard.view().field.as_ref().and_then(|f| f.error.clone())
    }

    /// Closes the open field as Esc does, keeping the value before it, and
    /// keeps `why` for the prompt to say.
    fn refuse(&mut self, why: String) -> Option<Outcome> {
        // Emptied first, so Esc only closes the field: on a date question
        // untouched, Esc would go back a question.
        let closed = self.send(&[Msg::Text(TextKey::Clear), Msg::Back]);
        self.refused = Some(why);
        closed
    }

    /// Sends each message and carries out what it asks; the run's end if one ends it.
    fn send(&mut self, msgs: &[Msg]) -> Option<Outcome> {
        self.sent |= !msgs.is_empty();
        for msg in msgs {
            let effects = self.wizard.update(*msg);
            if let Some(outcome) = effects::carry_out(&mut self.wizard, &mut self.store, effects) {
                return Some(outcome);
            }
        }
        None
    }

    /// Moves the highlight to line `n` (from 1) the way the arrow keys do.
    fn highlight(&mut self, n: usize) -> Result<(), String> {
        let target = n - 1;
        let lines = self.wizard.view().items.len();
        for _ in 0..=2 * lines {
            let Some(at) = self.wizard.view().cursor else {
                break;
            };
            let msg = match at.cmp(&target) {
                std::cmp::Ordering::Equal => return Ok(()),
                std::cmp::Ordering::Less => Msg::Down,
                std::cmp::Ordering::Greater => Msg::Up,
            };
            self.send(&[msg]);
            if self.wizard.view().cursor == Some(at) {
                break;
            }
        }
        Err(text::plain_no_line(lines))
    }

    /// Every line escaped on its way out: an echo of what was typed, a
    /// label or a note may hold a terminal's escape codes.
    fn say(&mut self, lines: &[String]) -> io::Result<()> {
        for line in lines {
            writeln!(self.out, "{}", escaped_for_terminal(line))?;
        }
        Ok(())
    }
}
