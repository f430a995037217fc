//! Runs the real binary in a pseudo-terminal and reads its screen the way a
//! terminal would (vt100), so tests assert on what a person sees — never on
//! the raw bytes, since ratatui writes only the cells that changed.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_coursera-exit");
/// Generous: a debug build on a busy machine.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Keys as a terminal sends them.
pub mod key {
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const PAGE_UP: &str = "\x1b[5~";
    pub const PAGE_DOWN: &str = "\x1b[6~";
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const TAB: &str = "\t";
    pub const BACKSPACE: &str = "\x7f";
    pub const CTRL_C: &str = "\x03";
    pub const CTRL_U: &str = "\x15";
    pub const CTRL_Z: &str = "\x1a";
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for the few tests about the bytes themselves.
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
}

/// A temp folder with a state file path in it (the file itself may not exist yet).
pub struct StateDir {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl StateDir {
    pub fn new() -> StateDir {
        let dir = tempfile::tempdir().expect("a temp folder");
        let path = dir.path().join("state.toml");
        StateDir { dir, path }
    }

    pub fn read(&self) -> String {
        std::fs::read_to_string(&self.path).expect("the state file exists")
    }

    /// A subcommand on this state as of `today`, which must succeed; its stdout.
    pub fn cli(&self, today: &str, args: &[&str]) -> String {
        let out = std::process::Command::new(BIN)
            .arg("--state")
            .arg(&self.path)
            .args(["--today", today])
            .args(args)
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        String::from_utf8(out.stdout).expect("utf-8")
    }
}

impl Pty {
    /// The wizard on `state` with `--today`, in a `cols`x`rows` terminal.
    pub fn wizard(state: &Path, today: &str, cols: u16, rows: u16) -> Pty {
        let args = [
            "--state".as_ref(),
            state.as_os_str(),
            "--today".as_ref(),
            today.as_ref(),
        ];
        Pty::spawn(&args, &[], cols, rows)
    }

    /// The binary with `args` and extra `env`.
    pub fn spawn(args: &[&std::ffi::OsStr], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::program(BIN.as_ref(), args, env, cols, rows)
    }

    /// Any program (a shell, to test job control around the binary).
    pub fn program(
        program: &std::ffi::OsStr,
        args: &[&std::ffi::OsStr],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("COURSERA_EXIT_STATE");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
        // Only the child keeps the terminal side open, so its exit ends our reads.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let sink = parser.clone();
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = raw.clone();
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("parser lock").process(&buf[..n]);
                raw_sink.lock().expect("raw lock").extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        Pty {
            child,
            master: pair.master,
            writer,
            parser,
            raw,
            reader: Some(reader),
        }
    }

    /// Everything written so far, as text (lossy).
    pub fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw lock")).into_owned()
    }

    /// Types `keys`. A lone Esc is followed by a pause so it is not read as
    /// the start of the next key's escape sequence.
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to the terminal");
        self.writer.flush().expect("flush the terminal");
        if keys.ends_with('\x1b') {
            thread::sleep(Duration::from_millis(60));
        }
    }

    /// Sends each key separately, as a person types.
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            self.send(k);
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Whether any cell on screen has a colour of its own (text or background).
    pub fn has_colour(&self) -> bool {
        let parser = self.parser.lock().expect("parser lock");
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        (0..rows).any(|r| {
            (0..cols).any(|c| {
                screen.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    }

    /// The text colour of the cell at `row`, `col`.
    pub fn cell_foreground(&self, row: u16, col: u16) -> vt100::Color {
        let parser = self.parser.lock().expect("parser lock");
        parser
            .screen()
            .cell(row, col)
            .map_or(vt100::Color::Default, |c| c.fgcolor())
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("parser lock")
            .screen()
            .alternate_screen()
    }

    /// Waits until the screen shows `text`; fails showing the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?}; the screen shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?} to go; the screen shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser
            .lock()
            .expect("parser lock")
            .screen_mut()
            .set_size(rows, cols);
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a running child") as i32
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) on our own child's pid has no memory effects.
        let rc = unsafe { libc::kill(self.pid(), signal) };
        assert_eq!(rc, 0, "kill({signal}) failed");
    }

    /// Waits for the exit and for the last bytes to reach the screen; returns the exit code.
    pub fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for the child") {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the wizard did not exit; the screen shows:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        assert_eq!(status.signal(), None, "killed by a signal instead of exiting");
        status.exit_code()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Starts the wizard, lets it draw, then closes the terminal under it (as
/// when a terminal window is closed). Returns the exit code and how long the
/// wizard took to go after the hang-up.
pub fn hang_up_after_start(state: &Path, today: &str) -> (u32, Duration) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args([
        OsStr::new("--state"),
        state.as_os_str(),
        OsStr::new("--today"),
        OsStr::new(today),
    ]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    // No reader: the first frame fits in the terminal's buffer.
    thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().expect("wait").is_none(),
        "still running before the hang-up"
    );
    drop(pair.master);
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return (status.exit_code(), start.elapsed());
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the wizard kept running after its terminal was closed");
        }
        thread::sleep(Duration::from_millis(20));
    }
}
