//! Render time of every wizard screen (SPEC §7: ≤ 100 µs at 80x24), with the
//! 50-subscription state, at 80x24 and 200x50.
//! Run: `cargo bench --bench render` (`-- --runs N`, default 2000).
//!
//! Three figures per screen and size, all through `Terminal::draw` of the
//! real view code (`coursera_exit::tui::draw`):
//! - full: a TestBackend terminal whose previous frame was blank, so every
//!   drawn cell is sent, as on the first frame and after a screen change
//!   (the figure judged against the budget; taken round by round across all
//!   the screens, ten frames at a time, so the machine's load bursts hit
//!   every row alike);
//! - redraw: the same frame again (layout and widgets, nothing to send);
//! - bytes: the full frame through crossterm into memory, i.e. the escape
//!   codes a real terminal receives (timed, and its size in bytes).
//!
//! The first rows time the floor's frame (`examples/bare.rs`) the same way.
//! Options after `--`: `--sizes 80x24[,200x50]`; `--only TEXT` (the screen
//! of that name, or else every screen whose name contains TEXT); `--show`
//! (print every screen of the list at 80x24); `--list` (their names); `--draws N` (see below).
//!
//! Instructions per draw, reproducible on a busy machine: build with
//! `cargo bench --profile profiling --bench render --no-run`, then run that
//! executable under `valgrind --tool=callgrind --toggle-collect='render::draw_into*'`
//! with `--draws 100 --only NAME --sizes 80x24`: it draws that screen 100
//! times and nothing else, so the instructions collected / 100 is one draw.
//! `scripts/render-instructions.sh` does this for every screen.
//!
//! To add a screen, add a line to `screens()`: the messages that reach it
//! from Home and a text only that screen shows (checked before timing).

mod common;

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};

use common::Summary;
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::State;
use coursera_exit::tui::theme::Theme;
use coursera_exit::wizard::{Msg, TextKey, Wizard};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, List};
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];
const BUDGET: Duration = Duration::from_micros(100);

struct Screen {
    name: &'static str,
    /// Messages from Home (the 50 subscriptions, today 2026-03-01).
    msgs: Vec<Msg>,
    /// Shown only once the messages reached the screen meant.
    shows: &'static str,
}

fn screen(name: &'static str, msgs: Vec<Msg>, shows: &'static str) -> Screen {
    Screen { name, msgs, shows }
}

fn typed(text: &str) -> Vec<Msg> {
    text.chars().map(|c| Msg::Text(TextKey::Insert(c))).collect()
}

fn screens() -> Vec<Screen> {
    use Msg::{
        Account, Add, Deadlines, Down, EditNote, Faq, Help, Next, NextField, Region, Remove, Summary,
        Troubleshooting,
    };
    // The state has three accounts: a new plan is first asked which one pays (Next: a1).
    let date_error = [vec![Add, Next, Next, Next, Next], typed("2026-02-30"), vec![Next]].concat();
    vec![
        screen("home", vec![], "Your Coursera subscriptions"),
        screen("home, confirm remove", vec![Down, Remove], "yes, remove it"),
        screen("help overlay", vec![Help], "Moving around"),
        screen(
            "where you live (A)",
            vec![Region],
            "Do you live in the EU or the UK?",
        ),
        screen(
            "identify: which account",
            vec![Add],
            "Which of your Coursera accounts pays for it?",
        ),
        screen("identify: where bought", vec![Add, Next], "Where did you buy it?"),
        screen(
            "identify: not sure where",
            vec![Add, Next, Down, Down, Down, Down, Next],
            "Where to look",
        ),
        screen(
            "identify: what is paid",
            vec![Add, Next, Next, Down, Down],
            "What are you paying for?",
        ),
        screen(
            "identify: key date",
            vec![Add, Next, Next, Down, Next],
            "Question 4 of 6",
        ),
        screen("identify: date refused", date_error, "February 2026 has 28 days"),
        screen(
            "identify: certificate",
            vec![Add, Next, Next, Down, Down, Down, Next, Down, Next],
            "Have you earned a certificate",
        ),
        // Subscription 01, the first that a2 pays for: after a1's 17.
        screen(
            "decide: subscription",
            [vec![Down; 17], vec![Next]].concat(),
            "Pause, cancel or keep",
        ),
        screen("steps: subscription", vec![Next], "Cancel Subscription 00"),
        screen("decide: account", vec![Account], "Delete or keep the account"),
        // Tab: from a1 (kept) to a2, the account being deleted.
        screen(
            "before deleting: a note edited",
            vec![Account, NextField, Next, EditNote],
            "Enter accept",
        ),
        screen(
            "before deleting (checklist)",
            vec![Account, NextField, Next],
            "Before deleting your account · a2",
        ),
        screen("deadlines", vec![Deadlines], "Every date that matters"),
        // The window at the far end: every row or entry above it counts.
        screen(
            "deadlines: the last row",
            [vec![Deadlines], vec![Down; 120]].concat(),
            "↑",
        ),
        screen("home: the last subscription", vec![Down; 60], "↑"),
        screen("summary", vec![Summary], "Next deadlines"),
        screen(
            "summary: the last entry",
            [vec![Summary], vec![Down; 120]].concat(),
            "a3 · work@example.com",
        ),
        screen("faq", vec![Faq], "Questions people ask"),
        screen(
            "troubleshooting",
            vec![Troubleshooting],
            "I can't find the subscription",
        ),
    ]
}

fn main() {
    let runs: usize = common::arg_value("--runs").map_or(2000, |n| n.parse().expect("--runs N"));
    let sizes: Vec<(u16, u16)> = common::arg_value("--sizes").map_or(SIZES.to_vec(), |s| parse_sizes(&s));
    let only = common::arg_value("--only");
    let policy = Policy::embedded();
    let state = common::fifty_subscriptions(&policy);
    let theme = Theme::colored();
    if common::has_flag("--list") {
        println!("{FLOOR}");
        for s in screens() {
            println!("{}", s.name);
        }
        return;
    }
    if common::has_flag("--show") {
        for s in screens() {
            let wizard = reach(&s, &state, &policy);
            let text = rendered(
                &|f: &mut Frame| coursera_exit::tui::draw(f, &wizard, &theme),
                80,
                24,
            );
            println!("{} ({:?}):\n{text}", s.name, wizard.screen());
        }
        return;
    }
    // A whole name picks that screen alone ("home"); any other text, every name containing it.
    let exact = only
        .as_deref()
        .is_some_and(|o| o == FLOOR || screens().iter().any(|s| s.name == o));
    let selected = |name: &str| {
        only.as_deref()
            .is_none_or(|o| if exact { name == o } else { name.contains(o) })
    };
    if let Some(draws) = common::arg_value("--draws") {
        let draws: usize = draws.parse().expect("--draws N");
        for s in screens().iter().filter(|s| selected(s.name)) {
            let wizard = reach(s, &state, &policy);
            for &(w, h) in &sizes {
                profile(
                    &|f: &mut Frame| coursera_exit::tui::draw(f, &wizard, &theme),
                    w,
                    h,
                    draws,
                );
            }
        }
        if selected(FLOOR) {
            sizes.iter().for_each(|&(w, h)| profile(&bare_frame, w, h, draws));
        }
        return;
    }
    println!(
        "{:<34} {:>7}  {:>27}  {:>9}  {:>16}",
        "screen (50 subscriptions)", "size", "full: min / median / max", "redraw", "bytes: median"
    );
    warm_up();
    let screens_list = screens();
    let wizards: Vec<(&Screen, Wizard)> = screens_list
        .iter()
        .filter(|s| selected(s.name))
        .map(|s| (s, reach(s, &state, &policy)))
        .collect();
    let mut cases: Vec<Case> = Vec::new();
    if selected(FLOOR) {
        for &(w, h) in &sizes {
            cases.push(Case::new(FLOOR, Box::new(bare_frame), w, h));
        }
    }
    for (s, wizard) in &wizards {
        let theme = &theme;
        for &(w, h) in &sizes {
            let paint = Box::new(move |f: &mut Frame| coursera_exit::tui::draw(f, wizard, theme));
            let text = rendered(&*paint, w, h);
            assert!(
                text.contains(s.shows),
                "the screen list is stale: {:?} at {w}x{h} no longer shows {:?}:\n{text}",
                s.name,
                s.shows
            );
            cases.push(Case::new(s.name, paint, w, h));
        }
    }
    let fulls = interleaved_full_frames(&mut cases, runs);
    let mut worst_80x24 = None;
    for (case, full) in cases.iter().zip(fulls) {
        let full = report(case, &full, runs);
        if (case.w, case.h) == (80, 24) && case.name != FLOOR {
            worst_80x24 = worst_80x24.max(Some((full.median, case.name)));
        }
    }
    if let Some((worst, name)) = worst_80x24 {
        let verdict = if worst <= BUDGET { "ok" } else { "MISSED" };
        println!(
            "\nslowest full frame at 80x24 (median): {worst:.1?} ({name}); budget ≤ {BUDGET:?} → {verdict}"
        );
    }
}

/// Exactly `draws` full frames and nothing else, for an instruction count
/// per draw under callgrind (see the module comment).
fn profile(paint: &dyn Fn(&mut Frame), w: u16, h: u16, draws: usize) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    for _ in 0..draws {
        terminal.swap_buffers();
        draw_into(&mut terminal, paint);
    }
}

const FLOOR: &str = "floor: bare ratatui frame";

/// The frame of `examples/bare.rs`: what ratatui itself costs.
fn bare_frame(frame: &mut Frame) {
    let items = ["Pause", "Cancel", "Delete the account"];
    let list = List::new(items).block(Block::bordered().title(Line::from(" Bare ratatui ")));
    frame.render_widget(list, frame.area());
}

/// Draws for a while before the first row is timed, so that row does not
/// also measure the CPU leaving its idle clock speed.
fn warm_up() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(300) {
        terminal.swap_buffers();
        draw_into(&mut terminal, &bare_frame);
    }
}

/// Times one screen at one size, prints its row and returns the full-frame figures.
/// One screen at one size, with a terminal of its own kept between rounds.
struct Case<'a> {
    name: &'static str,
    paint: Box<dyn Fn(&mut Frame) + 'a>,
    w: u16,
    h: u16,
    terminal: Terminal<TestBackend>,
}

impl<'a> Case<'a> {
    fn new(name: &'static str, paint: Box<dyn Fn(&mut Frame) + 'a>, w: u16, h: u16) -> Case<'a> {
        let terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
        Case {
            name,
            paint,
            w,
            h,
            terminal,
        }
    }
}

/// Full frames (each from a blank previous frame), `runs` per case, taken
/// round by round: every case draws a few frames, then the next. A burst of
/// load on a shared machine then hits every row alike, instead of making
/// whichever row was being timed look slow.
fn interleaved_full_frames(cases: &mut [Case], runs: usize) -> Vec<Vec<Duration>> {
    const BATCH: usize = 10;
    let mut times = vec![Vec::with_capacity(runs); cases.len()];
    for case in cases.iter_mut() {
        for _ in 0..runs.min(50) {
            case.terminal.swap_buffers();
            draw_into(&mut case.terminal, &*case.paint);
        }
    }
    while times[0].len() < runs {
        for (case, times) in cases.iter_mut().zip(times.iter_mut()) {
            for _ in 0..BATCH.min(runs - times.len()) {
                case.terminal.swap_buffers();
                let start = Instant::now();
                draw_into(&mut case.terminal, &*case.paint);
                times.push(start.elapsed());
            }
        }
    }
    times
}

/// Prints a row: the full frames, then the redraw and the escape codes
/// (each timed on its own, after).
fn report(case: &Case, full: &[Duration], runs: usize) -> Summary {
    let full = Summary::of(full);
    let (paint, w, h) = (&*case.paint, case.w, case.h);
    let redraw = Summary::of(&redraws(paint, w, h, runs));
    let (bytes_time, bytes) = escape_codes(paint, w, h, runs);
    println!(
        "{:<34} {:>7}  {:>7.1?} / {:>7.1?} / {:>7.1?}  {:>9.1?}  {:>7.1?} {:>6} B",
        case.name,
        format!("{w}x{h}"),
        full.min,
        full.median,
        full.max,
        redraw.median,
        Summary::of(&bytes_time).median,
        bytes
    );
    full
}

fn parse_sizes(text: &str) -> Vec<(u16, u16)> {
    text.split(',')
        .map(|size| {
            let (w, h) = size.split_once('x').expect("--sizes WxH[,WxH…]");
            (w.parse().expect("a width"), h.parse().expect("a height"))
        })
        .collect()
}

fn reach(s: &Screen, state: &State, policy: &Policy) -> Wizard {
    let mut wizard = Wizard::open(state.clone(), policy.clone(), common::today());
    for msg in &s.msgs {
        wizard.update(*msg);
    }
    wizard
}

/// Never inlined, so a profiler can count exactly the draws:
/// `valgrind --tool=callgrind --toggle-collect='render::draw_into*'`.
#[inline(never)]
fn draw_into<B: ratatui::backend::Backend>(terminal: &mut Terminal<B>, paint: &dyn Fn(&mut Frame)) {
    if terminal.draw(|frame| paint(frame)).is_err() {
        panic!("drawing failed");
    }
}

/// The screen as text, as the snapshots show it.
fn rendered(paint: &dyn Fn(&mut Frame), w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    draw_into(&mut terminal, paint);
    terminal.backend().to_string()
}

fn redraws(paint: &dyn Fn(&mut Frame), w: u16, h: u16, runs: usize) -> Vec<Duration> {
    let terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    timed(runs, terminal, |_| {}, |t| draw_into(t, paint))
}

/// The full frame as crossterm encodes it for a real terminal; returns the
/// times and the frame's size in bytes.
fn escape_codes(paint: &dyn Fn(&mut Frame), w: u16, h: u16, runs: usize) -> (Vec<Duration>, usize) {
    let written = Rc::new(Cell::new(0));
    let backend = CrosstermBackend::new(Tally(written.clone()));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let terminal = Terminal::with_options(backend, options).expect("an in-memory terminal");
    let mut bytes = 0;
    let times = timed(
        runs,
        terminal,
        |t| {
            bytes = written.replace(0);
            t.swap_buffers();
        },
        |t| draw_into(t, paint),
    );
    (times, bytes)
}

/// A terminal that counts the bytes it is sent and keeps none.
struct Tally(Rc<Cell<usize>>);

impl Write for Tally {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs `setup` (untimed) then `f` (timed) on `subject`, `runs` times after a warm-up.
fn timed<T>(
    runs: usize,
    mut subject: T,
    mut setup: impl FnMut(&mut T),
    mut f: impl FnMut(&mut T),
) -> Vec<Duration> {
    for _ in 0..runs.min(50) {
        setup(&mut subject);
        f(&mut subject);
    }
    (0..runs)
        .map(|_| {
            setup(&mut subject);
            let start = Instant::now();
            f(&mut subject);
            start.elapsed()
        })
        .collect()
}
