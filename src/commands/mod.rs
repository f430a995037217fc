//! Runs one subcommand: reads or locks the state, applies a domain action,
//! saves, and prints. Exit codes follow SPEC §6.

mod accounts;
mod guide;
mod json;
mod text;
pub mod values;

use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{self, Command, DecideArgs, DoneArgs, Format};
use crate::domain::actions::accounts::which;
use crate::domain::actions::{self, Choice, Edit, NewSubscription, Tick};
use crate::domain::checklist;
use crate::domain::dates::long_date;
use crate::domain::deadlines::{Stake, deadlines, deletion_stakes};
use crate::domain::policy::{Policy, checklist_ids};
use crate::domain::state::{ACCOUNT_ID, State, looks_like_account_id};
use crate::domain::text_limits::{escaped_for_terminal, moves_text};
use crate::export;
use crate::store::{self, Store, StoreError};

/// What every command needs, decided once by `main`.
pub struct Context {
    pub state_path: PathBuf,
    /// The state lives in the default data folder, which a writer may create.
    pub create_folder: bool,
    pub today: NaiveDate,
    pub policy: Policy,
}

impl Context {
    /// The state path, with its data folder created if it is the default one.
    pub fn prepare_for_writing(&self) -> Result<PathBuf, Failure> {
        if self.create_folder
            && let Some(dir) = self.state_path.parent()
        {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(store::FOLDER_MODE)
                .create(dir)
                .map_err(|e| {
                    Failure::Fatal(format!(
                        "{}: could not create the data folder: {e}",
                        dir.display()
                    ))
                })?;
        }
        Ok(self.state_path.clone())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// A bad value or usage: exit 2.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Anything else that stops the command: exit 1.
    #[error("{0}")]
    Fatal(String),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Store(e) => e.exit_code(),
            Failure::Fatal(_) => 1,
        }
    }
}

/// Runs `command`, writing its normal output to `out` and warnings to `err`.
pub fn execute(
    command: Command,
    ctx: &Context,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let today = ctx.today;
    let policy = &ctx.policy;
    match command {
        Command::Add(a) => {
            let new = NewSubscription {
                plan: values::plan(&a.plan)?,
                channel: values::channel(&a.channel)?,
                started: values::date("--started", &a.started)?,
                label: a.label,
                certificate_earned: a.certificate_earned,
                trial_days: a.trial_days.as_deref().map(values::trial_days).transpose()?,
                account: a.account,
            };
            let id = write(ctx, |state| Ok(actions::add(state, new, policy, today)?))?;
            emit(out, &format!("{id}\n"))
        }
        Command::Edit(e) => {
            let change = Edit {
                label: e.label,
                plan: e.plan.as_deref().map(values::plan).transpose()?,
                started: values::opt_date("--started", e.started.as_deref())?,
                channel: e.channel.as_deref().map(values::channel).transpose()?,
                certificate_earned: e
                    .certificate_earned
                    .as_deref()
                    .map(|t| values::boolean("--certificate-earned", t))
                    .transpose()?,
                trial_days: e.trial_days.as_deref().map(values::trial_days).transpose()?,
                account: e.account,
            };
            write(ctx, |state| {
                Ok(actions::edit(state, &e.id, change, policy, today)?)
            })
        }
        Command::Remove { id } => write(ctx, |state| {
            actions::remove(state, &id).map(drop).map_err(Into::into)
        }),
        Command::Decide(d) => decide(ctx, d),
        Command::DeleteAccount(d) => {
            let requested_on = values::opt_date("--requested-on", d.requested_on.as_deref())?;
            // What the wizard asks a yes for first, said here as warnings.
            let mut warnings = Vec::new();
            write(ctx, |state| {
                actions::delete_account(state, d.account.as_deref(), requested_on, d.undo, today)?;
                if !d.undo {
                    let id = which(state, d.account.as_deref())?;
                    let rows = deadlines(state, &policy.rules, today);
                    warnings = deletion_stakes(state, &id, &rows, &policy.rules, today)
                        .into_iter()
                        .map(stake_warning)
                        .collect();
                }
                Ok(())
            })?;
            for warning in warnings {
                warn(err, &warning);
            }
            Ok(())
        }
        Command::Account(a) => accounts::run(ctx, a, out),
        Command::Region { region } => {
            let region = values::region(&region)?;
            write(ctx, |state| {
                actions::set_region(state, region);
                Ok(())
            })
        }
        Command::Done(d) => done(ctx, d, err),
        Command::Status { json } => {
            let state = store::load(&ctx.state_path)?;
            let rows = deadlines(&state, &policy.rules, today);
            if json {
                emit_json(out, &json::status(&state, policy, today, &rows))
            } else {
                emit_text(out, &text::status(&state, policy, today, &rows, &ctx.state_path))
            }
        }
        Command::Deadlines { json, within } => {
            let within = within
                .as_deref()
                .map(|w| values::days("--within", w))
                .transpose()?;
            let state = store::load(&ctx.state_path)?;
            let mut rows = deadlines(&state, &policy.rules, today);
            if let Some(n) = within {
                rows.retain(|r| !r.done && r.days_left <= n);
            }
            if json {
                emit_json(out, &json::deadlines(&state, policy, today, &rows))
            } else if within.is_some() && rows.is_empty() {
                // Nothing due: no output at all, so a daily cron job mails only when something is.
                Ok(())
            } else {
                emit_text(out, &text::deadlines(&rows, &state, policy, today))
            }
        }
        Command::Export(x) => {
            let state = store::load(&ctx.state_path)?;
            let body = match x.format {
                Format::Ics => export::ics::render_with(&state, policy, today, x.include_done),
                Format::Markdown => export::markdown::render(&state, policy, today),
            };
            match x.output.as_deref().filter(|p| *p != Path::new("-")) {
                None => emit(out, &body),
                Some(path) if store::is_state_or_side_file(&ctx.state_path, path) => {
                    Err(Failure::Usage(format!(
                        "--output {}: that is the state file ({}) or one of its side files; \
                     choose another name for the export",
                        path.display(),
                        ctx.state_path.display()
                    )))
                }
                Some(path) if let Some(what) = store::special_file(path) => Err(Failure::Usage(format!(
                    "--output {}: that is {what}, not a file, and an export only writes files; \
                     leave --output out (or give -) to print the export",
                    path.display()
                ))),
                Some(path) => Ok(store::write_durably(path, body.as_bytes())?),
            }
        }
        Command::Path => emit_path(out, &ctx.state_path),
        Command::Guide { target } => {
            let state = store::load(&ctx.state_path)?;
            // `a2` (or a mistyped `a9`) is an account; `s2` a subscription.
            let text = if target == ACCOUNT_ID || looks_like_account_id(&target) {
                let id = which(&state, Some(&target))?;
                let account = state.account(&id).expect("checked by which");
                guide::account(&state, account, policy, today)
            } else {
                guide::subscription(&state, actions::find(&state, &target)?, policy, today)
            };
            emit_text(out, &text)
        }
        Command::Completions { shell } => match cli::completions(&shell) {
            Some(script) => emit(out, &script),
            None => Err(Failure::Usage(format!(
                "completions {shell}: not a shell this writes for; use {}",
                cli::SHELLS.join(", ")
            ))),
        },
        Command::Man => emit(out, &cli::man_page()),
    }
}

fn decide(ctx: &Context, d: DecideArgs) -> Result<(), Failure> {
    let choice = match (d.cancel, d.pause.as_deref(), d.keep) {
        (true, _, _) => Choice::Cancel,
        (_, Some(m), _) => Choice::Pause {
            months: values::pause_months(m)?,
        },
        _ => Choice::Keep,
    };
    let on = values::opt_date("--on", d.on.as_deref())?;
    write(ctx, |state| {
        Ok(actions::decide(state, &d.id, choice, on, &ctx.policy, ctx.today)?)
    })
}

fn done(ctx: &Context, d: DoneArgs, err: &mut dyn Write) -> Result<(), Failure> {
    let on = values::opt_date("--on", d.on.as_deref())?;
    // What the wizard asks a yes for before recording the request, said here as warnings.
    let mut warn_certificates = false;
    let mut renewing = Vec::new();
    // With several accounts, the command to run next names the account.
    let mut account_flag = String::new();
    write(ctx, |state| {
        if d.item == checklist_ids::REQUEST_DELETION && !d.undo && d.subscription.is_none() {
            let id = which(state, d.account.as_deref())?;
            if state.several_accounts() {
                account_flag = format!(" --account {id}");
            }
            let account = state.account(&id).expect("checked by which");
            warn_certificates = checklist::certificates_unsaved(account);
            renewing = checklist::still_renewing(state, &id)
                .iter()
                .map(|s| format!("{} ({})", s.label, s.id))
                .collect();
        }
        let tick = Tick {
            item: &d.item,
            subscription: d.subscription.as_deref(),
            account: d.account.as_deref(),
            note: d.note,
            on,
            undo: d.undo,
        };
        Ok(actions::done(state, tick, &ctx.policy, ctx.today)?)
    })?;
    if warn_certificates {
        warn(
            err,
            &format!(
                "your certificates are not marked as saved; download them now, before the account is gone \
                 (then: coursera-exit done {}{account_flag})",
                checklist_ids::DOWNLOAD_CERTIFICATES
            ),
        );
    }
    if !renewing.is_empty() {
        warn(
            err,
            &format!(
                "still to cancel: {}; deleting the account does not stop an app-store renewal \
                 (then: coursera-exit done cancelled --subscription ID)",
                renewing.join(", ")
            ),
        );
    }
    Ok(())
}

/// A stake of deleting an account, as a warning with what to run next.
fn stake_warning(stake: Stake) -> String {
    match stake {
        Stake::AccountNotNamed(s) => format!(
            "which account pays for {} ({}) is not answered yet: if it is this one, cancel it first \
             (then: coursera-exit edit {} --account ID)",
            s.label, s.id, s.id
        ),
        Stake::Refund(s, until) => format!(
            "{} ({}): money can still be asked back until {}; ask before the account is gone \
             (coursera-exit guide {})",
            s.label,
            s.id,
            long_date(until),
            s.id
        ),
        Stake::RefundAwaited(s, due) => format!(
            "{} ({}): the refund you asked for is due by {}; keep the account until it arrives \
             (then: coursera-exit done refund-received --subscription {})",
            s.label,
            s.id,
            long_date(due),
            s.id
        ),
        Stake::PaidUntil(s, on) => format!(
            "{} ({}) is paid for until {}; deleting the account ends that access too",
            s.label,
            s.id,
            long_date(on)
        ),
    }
}

/// A warning on standard error; labels in it are shown escaped. A closed
/// stream is not worth an error.
fn warn(err: &mut dyn Write, text: &str) {
    let _ = writeln!(err, "warning: {}", escaped_for_terminal(text));
}

/// Locks the state file, applies `change`, and saves only if it succeeded.
fn write<T>(ctx: &Context, change: impl FnOnce(&mut State) -> Result<T, Failure>) -> Result<T, Failure> {
    let (mut store, mut state) = Store::open(&ctx.prepare_for_writing()?)?;
    let result = change(&mut state)?;
    // A hand edit in the moment between reading and writing is kept as
    // FILE.edited by the store; a command is too brief to say more.
    store.save(&state)?;
    Ok(result)
}

/// Writes the output. A reader that went away (`| head`) ends it quietly:
/// what it wanted it has.
fn emit(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    emit_bytes(out, text.as_bytes())
}

fn emit_bytes(out: &mut dyn Write, bytes: &[u8]) -> Result<(), Failure> {
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Fatal(format!("could not write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// The state path as its own bytes, so `cat "$(coursera-exit path)"` opens
/// this very file even where its name is not UTF-8; a name holding a control
/// or direction character (it could drive the terminal) is shown escaped.
fn emit_path(out: &mut dyn Write, path: &std::path::Path) -> Result<(), Failure> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    let shown = String::from_utf8_lossy(bytes);
    let hidden = |c: char| c.is_control() || moves_text(c);
    if shown.chars().any(hidden) {
        let mut escaped = String::with_capacity(shown.len() + 8);
        for c in shown.chars() {
            match hidden(c) {
                true => escaped.extend(c.escape_default()),
                false => escaped.push(c),
            }
        }
        return emit(out, &format!("{escaped}\n"));
    }
    let mut line = bytes.to_vec();
    line.push(b'\n');
    emit_bytes(out, &line)
}

/// Text for people: a label's or a policy's control and bidirectional
/// characters are shown as escapes, never passed to the terminal.
fn emit_text(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    emit(out, &escaped_for_terminal(text))
}

fn emit_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).expect("plain data serializes");
    // serde_json escapes control characters; bidirectional ones it leaves
    // as they are, and they can only stand inside strings, where \uXXXX is the same text.
    let mut safe = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if moves_text(c) {
            safe.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    safe.push('\n');
    emit(out, &safe)
}
