//! Doing what the wizard asks of the world, for any front end: save the
//! state, write an export, open a source in the browser; and how a run
//! ended. The wizard only asks (`Effects`); nothing here knows a terminal.

pub mod export;
pub mod open;

use std::path::PathBuf;

use crate::store::Store;
use crate::wizard::{Effects, Exit, Wizard};

/// The folders an export is read against; `main` reads them, nothing here does.
#[derive(Debug, Clone, Default)]
pub struct Folders {
    /// The folder the program was started in: a relative folder typed is taken from it.
    pub start: PathBuf,
    /// What `~` means in a typed folder.
    pub home: Option<PathBuf>,
    /// The person's Documents folder: where a first export goes.
    pub documents: Option<PathBuf>,
}

impl Folders {
    pub fn given_to(self, wizard: Wizard) -> Wizard {
        wizard
            .with_folders(self.start, self.home)
            .with_documents(self.documents)
    }
}

/// How a run of the wizard ended; each maps to an exit code of SPEC §6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Quit,
    Interrupted,
    Terminated,
    HungUp,
}

impl Outcome {
    pub fn exit_code(self) -> i32 {
        match self {
            Outcome::Quit => 0,
            Outcome::Interrupted => 130,
            Outcome::Terminated => 143,
            Outcome::HungUp => 129,
        }
    }
}

impl From<Exit> for Outcome {
    fn from(exit: Exit) -> Outcome {
        match exit {
            Exit::Quit => Outcome::Quit,
            Exit::Interrupt => Outcome::Interrupted,
        }
    }
}

/// Saves now; a failure is told to the person, and the run goes on (the
/// final save retries).
pub fn save(wizard: &mut Wizard, store: &mut Store) {
    match store.save(wizard.state()) {
        Ok(Some(edited)) => wizard.report_kept_edit(&edited.display().to_string()),
        Ok(None) => {}
        Err(e) => wizard.report_save_error(&e.to_string()),
    }
}

/// Carries out what an update asked for; the run's end when it asked to end.
pub fn carry_out(wizard: &mut Wizard, store: &mut Store, effects: Effects) -> Option<Outcome> {
    if let Some(exit) = effects.exit {
        return Some(exit.into());
    }
    if effects.save {
        save(wizard, store);
    }
    if let Some(url) = effects.open
        && let Err(why) = open::in_browser(&url)
    {
        wizard.report_open_failed(&url, &why);
    }
    if let Some(request) = effects.export {
        let outcome = export::perform_beside(&request, store.path());
        if wizard.exported(outcome) {
            save(wizard, store);
        }
    }
    None
}
