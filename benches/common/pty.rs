//! A program started in a pseudo-terminal, timed from spawn to the moment
//! its parsed screen first shows every marker (its first complete frame).
//! The reader thread stamps the time as soon as the bytes are parsed, so the
//! figure does not depend on how often anyone polls.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// Far longer than any first frame; only a broken build hits it.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Run {
    pub child: Box<dyn Child + Send + Sync>,
    pub pid: u32,
    /// Spawn to the first screen showing every marker.
    pub first_frame: Duration,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    reader: Option<JoinHandle<()>>,
}

/// Starts `program args` in a `cols`x`rows` terminal and waits for a screen
/// showing all of `markers`. Err says what the screen showed instead.
pub fn start(program: &Path, args: &[&OsStr], cols: u16, rows: u16, markers: &[&str]) -> Result<Run, String> {
    let size = PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size).map_err(|e| e.to_string())?;
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    for var in ["NO_COLOR", "COURSERA_EXIT_STATE"] {
        cmd.env_remove(var);
    }

    let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
    let mut source = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
    let (seen_tx, seen_rx) = mpsc::channel();
    let sink = parser.clone();
    let wanted: Vec<String> = markers.iter().map(|m| m.to_string()).collect();
    // Reading starts before the spawn so the first bytes find a reader waiting.
    let reader = thread::spawn(move || {
        let mut buf = [0u8; 16384];
        let mut seen = false;
        while let Ok(n) = source.read(&mut buf) {
            if n == 0 {
                break;
            }
            let mut parser = sink.lock().expect("parser lock");
            parser.process(&buf[..n]);
            if !seen && shows_all(parser.screen(), &wanted) {
                seen = true;
                let _ = seen_tx.send(Instant::now());
            }
        }
    });

    let spawned_at = Instant::now();
    let child = pair.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
    // Only the child holds the terminal side now, so its exit ends our reads.
    drop(pair.slave);
    let pid = child.process_id().ok_or("the child has no pid")?;
    let writer = pair.master.take_writer().map_err(|e| e.to_string())?;
    let mut run = Run {
        child,
        pid,
        first_frame: Duration::ZERO,
        writer,
        parser,
        reader: Some(reader),
    };
    run.first_frame = wait_seen(&seen_rx, spawned_at)
        .map_err(|why| format!("{why}; the screen shows:\n{}", run.screen()))?;
    // The master must outlive the child's writes; the reader's clone keeps it open.
    drop(pair.master);
    Ok(run)
}

fn shows_all(screen: &vt100::Screen, markers: &[String]) -> bool {
    let text = screen.contents();
    markers.iter().all(|m| text.contains(m.as_str()))
}

fn wait_seen(seen: &Receiver<Instant>, spawned_at: Instant) -> Result<Duration, String> {
    let at = seen
        .recv_timeout(TIMEOUT)
        .map_err(|_| format!("no complete frame within {TIMEOUT:?}"))?;
    Ok(at - spawned_at)
}

impl Run {
    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Types `keys`, then waits for the exit (killing it after the timeout).
    pub fn quit_with(mut self, keys: &str) -> Result<(), String> {
        let _ = self.writer.write_all(keys.as_bytes());
        let _ = self.writer.flush();
        let start = Instant::now();
        loop {
            match self.child.try_wait().map_err(|e| e.to_string())? {
                Some(_) => break,
                None if start.elapsed() > TIMEOUT => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return Err(format!("pid {} did not quit on {keys:?}", self.pid));
                }
                None => thread::sleep(Duration::from_millis(2)),
            }
        }
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        Ok(())
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
