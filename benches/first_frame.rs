//! First frame, peak memory and binary size (SPEC §7), side by side with the
//! floor: a bare ratatui program (`examples/bare.rs`).
//!
//! Run: `cargo bench --bench first_frame` (options after `--`: `--runs N`,
//! default 50; `--no-build` to skip the release build; `--show` to print
//! the first screens; `--write-state FILE` to only write the 50-subscription
//! state file, e.g. for a profiler, and exit; `--candidate BINARY` to add
//! another build of coursera-exit on the same state, e.g. one with a fix). It first runs `cargo build
//! --release --bins --examples` itself, so every program is the release
//! profile of the tree as it is.
//!
//! Each run spawns the program in an 80x24 pseudo-terminal and times spawn →
//! the first parsed screen showing every marker of a complete frame (text
//! from its first and last rows). Runs alternate between the programs, so
//! drift in the machine's speed hits them alike. Three programs: the floor;
//! ours on the 50-subscription state (the budget); and ours with no state
//! file, which splits our cost into "the program" and "the state".

mod common;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Summary, bins, ms, procfs, pty};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// The bare program's title, its last item and its bottom-right corner.
const BARE_MARKERS: &[&str] = &["Bare ratatui", "Delete the account", "┘"];
/// Our title bar, the first subscription of the list and the footer.
const FIFTY_MARKERS: &[&str] = &["Coursera exit", "Subscription 00", "? help"];
/// Our title bar, the empty Home's invitation and the footer.
const EMPTY_MARKERS: &[&str] = &["Coursera exit", "Nothing is tracked yet", "? help"];

const FIRST_FRAME_BUDGET: Duration = Duration::from_millis(1);
const PEAK_BUDGET_KIB: u64 = 4 * 1024;
const SIZE_BUDGET: u64 = 3 * 1024 * 1024;

struct Program {
    name: &'static str,
    path: PathBuf,
    args: Vec<OsString>,
    markers: &'static [&'static str],
    /// The state file and the bytes it must hold before each run (None: no file).
    state: Option<(PathBuf, Option<Vec<u8>>)>,
}

impl Program {
    /// Every run starts from the same files: quitting saves the state.
    fn reset(&self) {
        if let Some((path, bytes)) = &self.state {
            match bytes {
                Some(bytes) => std::fs::write(path, bytes).expect("reset the state file"),
                None => {
                    let _ = std::fs::remove_file(path);
                }
            }
            let _ = std::fs::remove_file(path.with_extension("toml.bak"));
        }
    }
}

struct Sample {
    first_frame: Duration,
    peak_kib: Option<u64>,
    /// Anonymous and file-backed resident KiB at the first frame.
    rss_split: Option<(u64, u64)>,
    minor_faults: Option<u64>,
}

fn main() {
    let runs: usize = common::arg_value("--runs").map_or(50, |n| n.parse().expect("--runs N"));
    if let Some(file) = common::arg_value("--write-state") {
        let dir = tempfile::tempdir().expect("a temp folder");
        std::fs::copy(common::write_fifty(dir.path()), &file).expect("write the state file");
        println!("wrote {file}");
        return;
    }
    if !common::has_flag("--no-build") {
        bins::build_release().unwrap_or_else(|e| fail(&e));
    }
    let dir = tempfile::tempdir().expect("a temp folder");
    let fifty = common::write_fifty(dir.path());
    let fifty_bytes = std::fs::read(&fifty).expect("the state file");
    let missing = dir.path().join("none").join("state.toml");
    std::fs::create_dir(missing.parent().expect("a folder")).expect("a folder for the missing state");
    let ours_on = |state: &Path| {
        [
            "--state".into(),
            state.as_os_str().to_owned(),
            "--today".into(),
            common::TODAY.into(),
        ]
        .to_vec()
    };
    let mut programs = vec![
        Program {
            name: "bare ratatui (floor)",
            path: bins::bare(),
            args: Vec::new(),
            markers: BARE_MARKERS,
            state: None,
        },
        Program {
            name: "coursera-exit, 50 subscriptions",
            path: bins::ours(),
            args: ours_on(&fifty),
            markers: FIFTY_MARKERS,
            state: Some((fifty.clone(), Some(fifty_bytes.clone()))),
        },
        Program {
            name: "coursera-exit, no state file",
            path: bins::ours(),
            args: ours_on(&missing),
            markers: EMPTY_MARKERS,
            state: Some((missing.clone(), None)),
        },
    ];
    if let Some(candidate) = common::arg_value("--candidate") {
        let state = dir.path().join("candidate.toml");
        programs.push(Program {
            name: "candidate, 50 subscriptions",
            path: PathBuf::from(candidate),
            args: ours_on(&state),
            markers: FIFTY_MARKERS,
            state: Some((state, Some(fifty_bytes.clone()))),
        });
    }

    if common::has_flag("--show") {
        for p in &programs {
            p.reset();
            let run = start(p);
            println!("{}:\n{}\n", p.name, run.screen());
            run.quit_with("q").unwrap_or_else(|e| fail(&e));
        }
    }

    let mut samples: Vec<Vec<Sample>> = programs.iter().map(|_| Vec::with_capacity(runs)).collect();
    for _ in 0..runs {
        for (p, s) in programs.iter().zip(&mut samples) {
            s.push(sample(p));
        }
    }
    let [bare, fifty, empty] = [&samples[0], &samples[1], &samples[2]];

    println!("\nFirst frame, spawn → complete 80x24 frame, {runs} alternating runs each");
    let summaries: Vec<Summary> = programs
        .iter()
        .zip(&samples)
        .map(|(p, s)| print_times(p.name, s))
        .collect();
    let diff = summaries[1].median.as_secs_f64() - summaries[0].median.as_secs_f64();
    println!(
        "  50 subscriptions − floor: median difference {:+.3} ms (median of run-pair differences {:+.3} ms); budget ≤ {} → {}",
        diff * 1e3,
        pair_median(bare, fifty) * 1e3,
        ms(FIRST_FRAME_BUDGET),
        verdict(diff <= FIRST_FRAME_BUDGET.as_secs_f64())
    );
    println!(
        "  of which the program itself (no state − floor) {:+.3} ms, the 50-subscription state (50 − no state) {:+.3} ms",
        pair_median(bare, empty) * 1e3,
        pair_median(empty, fifty) * 1e3
    );
    if let Some(candidate) = samples.get(3) {
        println!(
            "  candidate − coursera-exit, both on 50 subscriptions: median of run-pair differences {:+.3} ms",
            pair_median(fifty, candidate) * 1e3
        );
    }

    println!("\nMemory at the first frame: peak (VmHWM), resident split, page faults");
    for (p, s) in programs.iter().zip(&samples) {
        let budget = (p.name == programs[1].name).then_some(PEAK_BUDGET_KIB);
        print_memory(p.name, s, budget);
    }

    println!("\nRelease binary size");
    print_size("bare ratatui (floor)", &bins::bare(), None);
    print_size("coursera-exit", &bins::ours(), Some(SIZE_BUDGET));
}

fn start(p: &Program) -> pty::Run {
    let args: Vec<&OsStr> = p.args.iter().map(OsString::as_os_str).collect();
    pty::start(&p.path, &args, COLS, ROWS, p.markers).unwrap_or_else(|e| fail(&format!("{}: {e}", p.name)))
}

fn sample(p: &Program) -> Sample {
    p.reset();
    let run = start(p);
    let s = Sample {
        first_frame: run.first_frame,
        peak_kib: procfs::peak_kib(run.pid),
        rss_split: procfs::rss_split_kib(run.pid),
        minor_faults: procfs::minor_faults(run.pid),
    };
    run.quit_with("q").unwrap_or_else(|e| fail(&e));
    s
}

/// The median over runs of `later − earlier`, in seconds (the pairs ran back to back).
fn pair_median(earlier: &[Sample], later: &[Sample]) -> f64 {
    let mut diffs: Vec<f64> = earlier
        .iter()
        .zip(later)
        .map(|(e, l)| l.first_frame.as_secs_f64() - e.first_frame.as_secs_f64())
        .collect();
    diffs.sort_by(f64::total_cmp);
    common::middle(&diffs, |a, b| (a + b) / 2.0).unwrap_or(0.0)
}

fn print_times(name: &str, samples: &[Sample]) -> Summary {
    let times: Vec<Duration> = samples.iter().map(|s| s.first_frame).collect();
    let s = Summary::of(&times);
    println!(
        "  {name:<34} min {:>10}  median {:>10}  max {:>10}",
        ms(s.min),
        ms(s.median),
        ms(s.max)
    );
    s
}

fn median_of(mut values: Vec<u64>) -> Option<u64> {
    values.sort();
    common::middle(&values, |a, b| (a + b) / 2)
}

fn print_memory(name: &str, samples: &[Sample], budget_kib: Option<u64>) {
    let mib = |kib: u64| kib as f64 / 1024.0;
    let peaks: Vec<u64> = samples.iter().filter_map(|s| s.peak_kib).collect();
    let (min, max) = (peaks.iter().min(), peaks.iter().max());
    let (Some(median), Some(&min), Some(&max)) = (median_of(peaks.clone()), min, max) else {
        println!("  {name:<34} (no /proc: not measured)");
        return;
    };
    let judged = budget_kib.map_or(String::new(), |b| {
        format!("; budget ≤ {:.1} MiB → {}", mib(b), verdict(median <= b))
    });
    let anon = median_of(samples.iter().filter_map(|s| s.rss_split.map(|r| r.0)).collect());
    let file = median_of(samples.iter().filter_map(|s| s.rss_split.map(|r| r.1)).collect());
    let faults = median_of(samples.iter().filter_map(|s| s.minor_faults).collect());
    println!(
        "  {name:<34} peak min {:.2} / median {:.2} / max {:.2} MiB{judged}",
        mib(min),
        mib(median),
        mib(max)
    );
    if let (Some(anon), Some(file), Some(faults)) = (anon, file, faults) {
        println!(
            "  {:<34} resident: {:.2} MiB anonymous + {:.2} MiB file-backed; {faults} minor page faults",
            "",
            mib(anon),
            mib(file)
        );
    }
}

fn print_size(name: &str, path: &Path, budget: Option<u64>) {
    let (on_disk, stripped) = bins::sizes(path).unwrap_or_else(|e| fail(&e));
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let stripped_text = stripped.map_or("strip not installed".to_string(), |s| {
        format!("stripped {s} bytes ({:.2} MiB)", mib(s))
    });
    let judged = budget.map_or(String::new(), |b| {
        let size = stripped.unwrap_or(on_disk);
        format!("; budget ≤ {:.1} MiB → {}", mib(b), verdict(size <= b))
    });
    println!(
        "  {name:<34} {on_disk} bytes ({:.2} MiB), {stripped_text}{judged}",
        mib(on_disk)
    );
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSED" }
}

fn fail(why: &str) -> ! {
    eprintln!("first_frame: {why}");
    std::process::exit(1)
}
