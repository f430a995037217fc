//! No terminal injection through the full screen (issue 12): a label or a
//! note holding bidirectional controls (U+202E reverses the text after it)
//! is drawn without them on every screen, at both sizes, so the terminal
//! never receives them; the letters around them are all still there.

mod support;

use coursera_exit::domain::checklist::CANCELLED;
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{Channel, PlanKind, Region};
use coursera_exit::domain::state::State;
use support::screen::render;
use support::wizard::{add, open, resume_at, tick_noted};

const LABEL: &str = "Plus \u{202E}gnp.exe\u{2066}x";
const NOTE: &str = "ticket \u{202B}42\u{202C} sent";

fn state_on(screen: Screen, subscription: Option<&str>) -> State {
    let mut state = State {
        region: Some(Region::Elsewhere),
        ..State::default()
    };
    add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-10",
        Some(LABEL),
    );
    tick_noted(&mut state, CANCELLED, Some("s1"), "2026-02-28", Some(NOTE));
    resume_at(&mut state, screen, subscription);
    state
}

#[test]
fn bidi_controls_in_a_label_or_note_never_reach_a_cell() {
    let screens = [
        (Screen::Home, None),
        (Screen::Decide, Some("s1")),
        (Screen::Steps, Some("s1")),
        (Screen::Deadlines, Some("s1")),
        (Screen::Summary, None),
    ];
    for (screen, sub) in screens {
        let w = open(state_on(screen, sub));
        for (width, height) in [(80, 24), (60, 20), (120, 40)] {
            let terminal = render(&w, width, height);
            let buffer = terminal.backend().buffer();
            let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
            assert!(
                !text
                    .chars()
                    .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
                "{screen:?} at {width}x{height} passes a bidi control to the terminal"
            );
            if screen == Screen::Home {
                assert!(text.contains("Plus gnp.exex"), "the letters stay: {text}");
            }
        }
    }
}
