//! Signals. SIGINT, SIGTERM and SIGHUP set flags the event loop looks at
//! between events (crossterm retries reads on EINTR, so the loop polls with a
//! timeout to notice them) and leaves through the normal quit path: save,
//! restore, exit code.
//!
//! A watchdog thread covers the case where the loop cannot look: once the
//! terminal is gone, crossterm's reader spins on end-of-file inside `poll`
//! and never returns. If the loop has not started to finish within `GRACE`
//! of the signal — or at once if a second signal insists — the watchdog
//! restores the terminal and exits with the first signal's code. Everything
//! answered is on disk already: the wizard saves after every change.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use signal_hook::SigId;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::flag;
use signal_hook::iterator::{self, Handle};

use super::Outcome;

/// Several times the loop's poll timeout: a loop that can look will have.
const GRACE: Duration = Duration::from_millis(1000);
/// How often, within the grace, the watchdog looks for a second signal.
const POLL: Duration = Duration::from_millis(50);

pub struct Signals {
    interrupted: Arc<AtomicBool>,
    terminated: Arc<AtomicBool>,
    hung_up: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
    ids: Vec<SigId>,
    finishing: Option<Sender<()>>,
    handle: Handle,
    /// Until the watchdog takes them.
    incoming: Option<iterator::Signals>,
    watchdog: Option<JoinHandle<()>>,
}

fn outcome(signal: i32) -> Outcome {
    match signal {
        SIGHUP => Outcome::HungUp,
        SIGTERM => Outcome::Terminated,
        _ => Outcome::Interrupted,
    }
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let interrupted = Arc::<AtomicBool>::default();
        let terminated = Arc::<AtomicBool>::default();
        let hung_up = Arc::<AtomicBool>::default();
        let mut ids = Vec::new();
        for (signal, raised) in [(SIGINT, &interrupted), (SIGTERM, &terminated), (SIGHUP, &hung_up)] {
            ids.push(flag::register(signal, raised.clone())?);
        }
        let stop = Arc::<AtomicBool>::default();
        let resumed = Arc::<AtomicBool>::default();
        ids.push(flag::register(SIGTSTP, stop.clone())?);
        ids.push(flag::register(SIGCONT, resumed.clone())?);

        // Registered now, so a signal before the watchdog starts waits for it in the pipe.
        let incoming = iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        let handle = incoming.handle();
        Ok(Signals {
            interrupted,
            terminated,
            hung_up,
            stop,
            resumed,
            ids,
            finishing: None,
            handle,
            incoming: Some(incoming),
            watchdog: None,
        })
    }

    /// Starts the watchdog; called once, before the terminal is touched.
    pub fn watch(&mut self) -> io::Result<()> {
        let Some(mut incoming) = self.incoming.take() else {
            return Ok(());
        };
        let (finishing, finished) = mpsc::channel::<()>();
        let flags = [
            (SIGINT, self.interrupted.clone()),
            (SIGTERM, self.terminated.clone()),
            (SIGHUP, self.hung_up.clone()),
        ];
        let watchdog = thread::Builder::new().name("signals".into()).spawn(move || {
            let Some(signal) = incoming.forever().next() else {
                return;
            };
            if let Some((_, raised)) = flags.iter().find(|(s, _)| *s == signal) {
                raised.store(true, Ordering::SeqCst);
            }
            // Unless the loop says it is finishing (it saves and exits), end
            // the run here: after GRACE, or at once when a second signal
            // insists. Either way the terminal is restored and the exit code
            // is the first signal's; every answer is on disk already.
            let deadline = Instant::now() + GRACE;
            loop {
                match finished.recv_timeout(POLL) {
                    Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                    Err(RecvTimeoutError::Timeout) => {}
                }
                if incoming.pending().next().is_some() || Instant::now() >= deadline {
                    let _ = super::terminal::restore();
                    std::process::exit(outcome(signal).exit_code());
                }
            }
        })?;
        self.finishing = Some(finishing);
        self.watchdog = Some(watchdog);
        Ok(())
    }

    /// A signal that ends the run, if one came.
    pub fn ending(&self) -> Option<Outcome> {
        if self.hung_up.load(Ordering::SeqCst) {
            Some(Outcome::HungUp)
        } else if self.terminated.load(Ordering::SeqCst) {
            Some(Outcome::Terminated)
        } else if self.interrupted.load(Ordering::SeqCst) {
            Some(Outcome::Interrupted)
        } else {
            None
        }
    }

    /// The loop has ended and is saving: the watchdog must not cut it short.
    pub fn finishing(&mut self) {
        if let Some(tx) = self.finishing.take() {
            let _ = tx.send(());
        }
    }

    /// SIGTSTP from outside (`kill -TSTP`), taken once.
    pub fn take_stop(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }

    /// SIGCONT: the job was continued after a stop, taken once.
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        self.finishing();
        self.handle.close();
        if let Some(watchdog) = self.watchdog.take() {
            let _ = watchdog.join();
        }
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
