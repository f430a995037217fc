//! The thin edge: parse arguments, read the clock and the environment once,
//! run, and turn every error into a message and an exit code (SPEC §6).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use coursera_exit::cli::{self, Cli};
use coursera_exit::commands::{self, Context, Failure, values};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::text_limits::escaped_for_terminal;
use coursera_exit::effects::Folders;
use coursera_exit::plain::{self, PlainError};
use coursera_exit::store::{Store, StoreError};
use coursera_exit::tui;
use coursera_exit::tui::theme::Shade;

const STATE_ENV: &str = "COURSERA_EXIT_STATE";
const PLAIN_ENV: &str = "COURSERA_EXIT_PLAIN";

fn main() -> ExitCode {
    let cli = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli) => cli,
        Err(exit) => {
            return ExitCode::from(exit.print());
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            // A message may quote a label or a value typed: never raw to the terminal.
            let _ = writeln!(
                io::stderr(),
                "error: {}",
                escaped_for_terminal(&failure.to_string())
            );
            ExitCode::from(failure.exit_code() as u8)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    // Under a file size limit (`ulimit -f`) the kernel kills a writer that
    // passes it, leaving its temporary file; with the signal caught the write
    // fails instead, and the save cleans up and says why.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let today = match cli.today.as_deref() {
        Some(t) => values::date("--today", t)?,
        None => chrono::Local::now().date_naive(),
    };
    let shade = theme(cli.theme.as_deref())?;
    let policy = load_policy(cli.policy.as_deref())?;
    let (state_path, create_folder) = state_path(cli.state)?;
    let ctx = Context {
        state_path,
        create_folder,
        today,
        policy,
    };
    match cli.command {
        Some(command) => {
            commands::execute(command, &ctx, &mut io::stdout().lock(), &mut io::stderr().lock())?;
            Ok(0)
        }
        None if cli.plain || plain_from_environment() => plain(ctx),
        None => wizard(ctx, shade),
    }
}

/// `--theme light|dark|auto`; auto (the default) reads COLORFGBG, else dark.
fn theme(flag: Option<&str>) -> Result<Shade, Failure> {
    let from_terminal = || {
        std::env::var("COLORFGBG")
            .ok()
            .and_then(|v| Shade::from_colorfgbg(&v))
            .unwrap_or(Shade::Dark)
    };
    match flag {
        None | Some("auto") => Ok(from_terminal()),
        Some("light") => Ok(Shade::Light),
        Some("dark") => Ok(Shade::Dark),
        Some(other) => Err(Failure::Usage(format!(
            "--theme {}: one of light, dark or auto",
            escaped_for_terminal(other)
        ))),
    }
}

/// `COURSERA_EXIT_PLAIN=1` (any value but empty or 0): for a screen reader
/// user who wants every run line by line.
fn plain_from_environment() -> bool {
    std::env::var_os(PLAIN_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// The wizard line by line: no terminal needed, stdin and stdout may be pipes.
fn plain(ctx: Context) -> Result<u8, Failure> {
    let (store, state) = Store::open(&ctx.prepare_for_writing()?)?;
    match plain::run(store, state, ctx.policy, ctx.today, folders()) {
        Ok(outcome) => Ok(outcome.exit_code() as u8),
        Err(PlainError::Store(e)) => Err(e.into()),
        Err(e) => Err(Failure::Fatal(e.to_string())),
    }
}

fn wizard(ctx: Context, shade: Shade) -> Result<u8, Failure> {
    if !tui::interactive_terminal() {
        return Err(Failure::Usage(
            "the wizard needs an interactive terminal; try `coursera-exit status`, or \
             `coursera-exit --plain` for the wizard line by line"
                .to_string(),
        ));
    }
    let (store, state) = Store::open(&ctx.prepare_for_writing()?)?;
    let around = tui::Surroundings {
        // https://no-color.org: set to a non-empty value.
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        shade,
        folders: folders(),
        // From the terminal's own variables (FORCE_HYPERLINK=0/1 decides).
        hyperlinks: supports_hyperlinks::on(supports_hyperlinks::Stream::Stdout),
    };
    match tui::run(store, state, ctx.policy, ctx.today, around) {
        Ok(outcome) => Ok(outcome.exit_code() as u8),
        Err(tui::TuiError::Store(e)) => Err(e.into()),
        Err(e) => Err(Failure::Fatal(e.to_string())),
    }
}

/// Where the wizard's exports start from.
fn folders() -> Folders {
    Folders {
        start: std::env::current_dir().unwrap_or_default(),
        home: directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()),
        documents: directories::UserDirs::new().and_then(|dirs| dirs.document_dir().map(|d| d.to_path_buf())),
    }
}

fn load_policy(path: Option<&std::path::Path>) -> Result<Policy, Failure> {
    let Some(path) = path else {
        // Checked at build time (build.rs): a start decodes it instead of parsing TOML.
        return Ok(Policy::embedded());
    };
    // The state file's limits: 1 MiB, and a regular file (a FIFO would hang).
    let unreadable = |why: String| {
        Failure::Fatal(format!(
            "{}: could not read the policy file: {why}",
            path.display()
        ))
    };
    let bytes = match coursera_exit::store::read_limited(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(unreadable("no such file".to_string())),
        Err(StoreError::NotAFile { .. }) => {
            return Err(unreadable(
                "it is a folder or a special file, not a file".to_string(),
            ));
        }
        Err(StoreError::TooLarge { size, limit, .. }) => {
            return Err(unreadable(format!(
                "it is {size} bytes, over the {limit}-byte (1 MiB) limit"
            )));
        }
        Err(e) => return Err(Failure::Fatal(e.to_string())),
    };
    let text = String::from_utf8(bytes).map_err(|_| unreadable("it is not UTF-8 text".to_string()))?;
    Policy::parse(&text).map_err(|e| Failure::Fatal(format!("{}: {e}", path.display())))
}

/// `--state` beats `COURSERA_EXIT_STATE`, which beats the data folder.
/// Only the data folder is created when missing: a path the person typed is used as given.
fn state_path(flag: Option<PathBuf>) -> Result<(PathBuf, bool), Failure> {
    if let Some(path) = flag {
        return Ok((path, false));
    }
    if let Some(path) = std::env::var_os(STATE_ENV).filter(|v| !v.is_empty()) {
        return Ok((PathBuf::from(path), false));
    }
    let dirs = directories::ProjectDirs::from("", "", "coursera-exit")
        .ok_or_else(|| Failure::Fatal("no home folder to keep the state in; use --state FILE".to_string()))?;
    Ok((dirs.data_dir().join("state.toml"), true))
}
