//! What arrives while the prompt waits: a line, the end of input, or a
//! signal. A blocked read never sees a signal (reads retry on EINTR), so
//! both come through one channel from two threads.

use std::io::{self, BufRead, Read};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::effects::Outcome;

/// Longer lines are cut here: enough for any answer (a note is at most
/// 2,000 characters), and a stream without line breaks cannot fill memory.
const LONGEST_LINE: u64 = 64 * 1024;

pub enum Input {
    Line(String),
    End,
    Signal(Outcome),
}

/// Starts reading stdin and listening for SIGINT, SIGTERM and SIGHUP.
pub fn start() -> io::Result<Receiver<Input>> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    let to_loop = tx.clone();
    thread::spawn(move || {
        let mut first = true;
        for signal in signals.forever() {
            let outcome = match signal {
                SIGHUP => Outcome::HungUp,
                SIGTERM => Outcome::Terminated,
                _ => Outcome::Interrupted,
            };
            if first {
                first = false;
                let _ = to_loop.send(Input::Signal(outcome));
            } else {
                // Asked twice: the loop is stuck (a blocked write). Every
                // answer is on disk already; leave now.
                std::process::exit(outcome.exit_code());
            }
        }
    });
    thread::spawn(move || read_lines(io::stdin().lock(), &tx));
    Ok(rx)
}

fn read_lines(mut stdin: impl BufRead, tx: &Sender<Input>) {
    loop {
        let mut bytes = Vec::new();
        match (&mut stdin).take(LONGEST_LINE).read_until(b'\n', &mut bytes) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        if bytes.last() != Some(&b'\n') && bytes.len() as u64 == LONGEST_LINE {
            // The rest of an overlong line is dropped, not read as more lines.
            let mut rest = Vec::new();
            while let Ok(n) = (&mut stdin).take(LONGEST_LINE).read_until(b'\n', &mut rest)
                && n > 0
                && rest.last() != Some(&b'\n')
            {
                rest.clear();
            }
        }
        let line = String::from_utf8_lossy(&bytes);
        let line = line.trim_end_matches(['\n', '\r']).to_string();
        if tx.send(Input::Line(line)).is_err() {
            return;
        }
    }
    let _ = tx.send(Input::End);
}
