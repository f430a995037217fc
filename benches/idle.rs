//! Zero CPU at rest (SPEC §7: < 10 ms of CPU over 10 s idle): the wizard on
//! the 50-subscription state in an 80x24 pseudo-terminal, left alone after
//! its first frame.
//! Run: `cargo bench --bench idle` (`-- --seconds N`, default 10;
//! `--no-build` to skip the release build it runs first, as first_frame does).
//!
//! CPU is read twice: utime + stime from /proc/PID/stat (clock ticks, what
//! the budget names; 10 ms resolution) and the schedstat run time of every
//! thread (nanoseconds), plus the voluntary context switches (wake-ups).

mod common;

use std::ffi::OsStr;
use std::time::Duration;

use common::{bins, procfs, pty};

const BUDGET: Duration = Duration::from_millis(10);
/// Let the first frame's writes and the reader settle before the window opens.
const SETTLE: Duration = Duration::from_millis(200);

fn main() {
    let seconds: u64 = common::arg_value("--seconds").map_or(10, |n| n.parse().expect("--seconds N"));
    if !common::has_flag("--no-build") {
        bins::build_release().unwrap_or_else(|e| fail(&e));
    }
    let dir = tempfile::tempdir().expect("a temp folder");
    let state = common::write_fifty(dir.path());
    let args = [
        OsStr::new("--state"),
        state.as_os_str(),
        OsStr::new("--today"),
        OsStr::new(common::TODAY),
    ];
    for (name, program, args, markers) in [
        (
            "bare ratatui (floor)",
            bins::bare(),
            &[][..],
            &["Bare ratatui", "┘"][..],
        ),
        (
            "coursera-exit, 50 subscriptions",
            bins::ours(),
            &args[..],
            &["Coursera exit", "? help"][..],
        ),
    ] {
        let run = pty::start(&program, args, 80, 24, markers).unwrap_or_else(|e| fail(&e));
        std::thread::sleep(SETTLE);
        let pid = run.pid;
        let before = read(pid);
        std::thread::sleep(Duration::from_secs(seconds));
        let after = read(pid);
        run.quit_with("q").unwrap_or_else(|e| fail(&e));
        let ticks = after.ticks - before.ticks;
        let cpu = Duration::from_nanos(after.nanos - before.nanos);
        let verdict = if cpu < BUDGET && procfs::ticks_to_duration(ticks) < BUDGET {
            "ok"
        } else {
            "MISSED"
        };
        println!(
            "{name:<34} {seconds} s idle: {ticks} ticks ({}), schedstat {}, {} wake-ups; budget < {} → {verdict}",
            common::ms(procfs::ticks_to_duration(ticks)),
            common::ms(cpu),
            after.wakeups - before.wakeups,
            common::ms(BUDGET),
        );
    }
}

struct Cpu {
    ticks: u64,
    nanos: u64,
    wakeups: u64,
}

fn read(pid: u32) -> Cpu {
    let measured = (|| {
        Some(Cpu {
            ticks: procfs::cpu_ticks(pid)?,
            nanos: procfs::cpu_nanos(pid)?,
            wakeups: procfs::voluntary_switches(pid)?,
        })
    })();
    measured.unwrap_or_else(|| fail(&format!("/proc/{pid} is not readable")))
}

fn fail(why: &str) -> ! {
    eprintln!("idle: {why}");
    std::process::exit(1)
}
