//! What Linux says about a running child: peak memory and CPU time.

use std::time::Duration;

/// Peak resident memory (VmHWM) in KiB.
pub fn peak_kib(pid: u32) -> Option<u64> {
    status_field(pid, "VmHWM:")
}

/// Times any thread went to sleep of its own accord (each a wake-up later).
pub fn voluntary_switches(pid: u32) -> Option<u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut total = 0;
    for task in tasks {
        let path = task.ok()?.path().join("status");
        total += field(&std::fs::read_to_string(path).ok()?, "voluntary_ctxt_switches:")?;
    }
    Some(total)
}

fn status_field(pid: u32, name: &str) -> Option<u64> {
    field(
        &std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?,
        name,
    )
}

fn field(status: &str, name: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(name))?;
    line[name.len()..].split_whitespace().next()?.parse().ok()
}

/// Resident memory now, split into anonymous (heap, stacks) and file-backed
/// (the binary and libraries as far as they were touched), in KiB.
pub fn rss_split_kib(pid: u32) -> Option<(u64, u64)> {
    Some((status_field(pid, "RssAnon:")?, status_field(pid, "RssFile:")?))
}

/// Page faults served without disk I/O (each a first touch of a page).
pub fn minor_faults(pid: u32) -> Option<u64> {
    stat_field(pid, 10)
}

/// Field `n` (1-based, as numbered in proc(5)) of /proc/PID/stat.
fn stat_field(pid: u32, n: usize) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(n.checked_sub(3)?)?.parse().ok()
}

/// User + system CPU time from /proc/PID/stat, in whole clock ticks (what
/// `ps` and `top` show; 10 ms each at the usual 100 Hz).
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    Some(stat_field(pid, 14)? + stat_field(pid, 15)?)
}

pub fn ticks_per_second() -> u64 {
    // SAFETY: sysconf has no memory effects.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    u64::try_from(hz).ok().filter(|&hz| hz > 0).unwrap_or(100)
}

pub fn ticks_to_duration(ticks: u64) -> Duration {
    Duration::from_secs_f64(ticks as f64 / ticks_per_second() as f64)
}

/// Time on a CPU summed over every thread, in nanoseconds (schedstat: far
/// finer than clock ticks, so a few microseconds of waking up still show).
pub fn cpu_nanos(pid: u32) -> Option<u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut total = 0;
    for task in tasks {
        let path = task.ok()?.path().join("schedstat");
        let text = std::fs::read_to_string(path).ok()?;
        total += text.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}
