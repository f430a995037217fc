//! The Deadlines screen at 80x24 and 60x20, today fixed at 2026-03-01: one
//! row per urgency and done rows, each readable without colour.

mod support;

use coursera_exit::domain::actions;
use coursera_exit::domain::checklist::{CANCELLED, REFUND_REQUESTED};
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::policy::checklist_ids;
use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Msg, Wizard};
use support::screen::{lines, render};
use support::wizard::{add, d, open, repeat, tick, today};

fn snapshot(name: &str, wizard: &Wizard) {
    for (w, h) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(wizard, w, h).backend());
    }
}

/// Every urgency and done rows (today 2026-03-01), built through the domain;
/// where the person lives is not answered (counted as elsewhere).
fn every_kind_of_row() -> State {
    let mut s = State::default();
    // Refund-by 02-10 + 7 − 1 = 02-16: overdue.
    add(
        &mut s,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-10",
        Some("Python course"),
    );
    // A 7-day trial: cancel-by 03-01, today; last day 03-02 and first charge 03-03: urgent.
    add(
        &mut s,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-24",
        Some("ML trial"),
    );
    // Cancel-by 03-06: soon.
    add(
        &mut s,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-01-08",
        Some("Data spec"),
    );
    // Renewal in June: later.
    add(
        &mut s,
        PlanKind::PlusAnnual,
        Channel::Android,
        "2025-06-15",
        Some("Plus yearly"),
    );
    // A Specialization's first payment, cancelled and its refund asked for on
    // 02-26 (a Thursday): cancel-by (03-23) and refund-by (03-03) done,
    // access until 03-24, the refund expected ten business days on, 03-12.
    let spec = add(
        &mut s,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-02-25",
        Some("Stats spec"),
    );
    tick(&mut s, CANCELLED, Some(&spec), "2026-02-26");
    tick(&mut s, REFUND_REQUESTED, Some(&spec), "2026-02-26");
    // Deletion requested, confirmed in writing: support reply done.
    actions::delete_account(&mut s, None, Some(d("2026-02-20")), false, today()).expect("requested");
    tick(&mut s, checklist_ids::WRITTEN_CONFIRMATION, None, "2026-02-27");
    s
}

fn deadlines_from_home(state: State) -> Wizard {
    let mut w = open(state);
    w.update(Msg::Deadlines);
    w
}

#[test]
fn deadlines_every_urgency_and_done() {
    let w = deadlines_from_home(every_kind_of_row());
    let text = lines(&w, 80, 24).join("\n");
    for symbol in ["✗", "!", "•", "·", "✓"] {
        assert!(text.contains(symbol), "{symbol} is shown:\n{text}");
    }
    snapshot("deadlines_every_urgency", &w);
}

#[test]
fn deadlines_scrolled_to_the_last_row() {
    let mut w = deadlines_from_home(every_kind_of_row());
    repeat(&mut w, Msg::Down, 30);
    snapshot("deadlines_last_row", &w);
}

#[test]
fn deadlines_empty() {
    snapshot("deadlines_empty", &deadlines_from_home(State::default()));
}

#[test]
fn the_highlighted_row_stays_in_sight_at_every_position_and_size() {
    let mut w = deadlines_from_home(every_kind_of_row());
    repeat(&mut w, Msg::Up, 30);
    let count = coursera_exit::domain::deadlines::deadlines(w.state(), &w.policy().rules, today()).len();
    for _ in 0..count {
        for (width, height) in [(80, 24), (60, 20)] {
            let text = lines(&w, width, height).join("\n");
            assert!(
                text.lines().any(|l| l.contains("│ > ")),
                "the highlight is on screen at {width}x{height}:\n{text}"
            );
        }
        w.update(Msg::Down);
    }
}

/// The table's lines only (inside the pane, right of the steps): from the
/// pane's top to the line that counts the rows out of sight.
fn table_lines(text: &str) -> Vec<String> {
    text.lines()
        .skip(2)
        .take_while(|l| !l.contains(" more") && !l.contains("└"))
        .filter_map(|l| l.split_once("││"))
        .map(|(_, pane)| pane.trim_end_matches('│').to_string())
        .collect()
}

#[test]
fn every_row_shows_its_whole_title_and_label_at_both_sizes() {
    let mut w = deadlines_from_home(every_kind_of_row());
    repeat(&mut w, Msg::Up, 30);
    let rows = coursera_exit::domain::deadlines::deadlines(w.state(), &w.policy().rules, today());
    for (width, height) in [(80, 24), (60, 20)] {
        let mut seen = vec![false; rows.len()];
        repeat(&mut w, Msg::Up, 30);
        for _ in 0..rows.len() {
            let text = lines(&w, width, height).join("\n");
            let table = table_lines(&text).join("\n");
            assert!(!table.contains('…'), "nothing cut at {width}x{height}:\n{text}");
            // A wrapped label continues on the next line; joined, it reads whole.
            let words: String = table.split_whitespace().collect::<Vec<_>>().join(" ");
            for (i, row) in rows.iter().enumerate() {
                let title = &w.policy().deadline(row.kind).title;
                if words.contains(&format!("{title} · {}", row.label)) {
                    seen[i] = true;
                }
            }
            w.update(Msg::Down);
        }
        assert!(
            seen.iter().all(|s| *s),
            "every row read whole at {width}x{height}: {seen:?}"
        );
    }
}

#[test]
fn page_down_brings_the_rest_of_the_details_into_sight_at_60x20() {
    let mut w = deadlines_from_home(every_kind_of_row());
    let before = lines(&w, 60, 20).join("\n");
    assert!(before.contains("(PgDn)"), "says how to see more:\n{before}");
    assert!(
        !before.contains("as of"),
        "the source is out of sight first:\n{before}"
    );
    repeat(&mut w, Msg::PageDown, 5);
    let after = lines(&w, 60, 20).join("\n");
    assert!(after.contains("as of"), "the source line is reached:\n{after}");
    assert!(after.contains("(PgUp)"), "says how to go back:\n{after}");
    snapshot("deadlines_details_scrolled", &w);
}

/// A refund-by row says how to ask and what to expect (SPEC §2: Coursera may
/// refuse; 7–10 business days), with where the rule comes from.
#[test]
fn a_refund_row_says_how_to_ask_that_coursera_may_refuse_and_how_long_it_takes() {
    let mut w = deadlines_from_home(every_kind_of_row());
    repeat(&mut w, Msg::Up, 30);
    let text = lines(&w, 80, 24).join("\n");
    // Bought 02-10: refund by 02-10 + 7 − 1 = 02-16.
    assert!(text.contains("> ✗ 2026-02-16"), "the course's refund-by:\n{text}");
    // Missed: that the window has closed comes first, the rest below (PgDn).
    assert!(text.contains("! Coursera's refund window has closed"), "{text}");
    repeat(&mut w, Msg::PageDown, 5);
    let text = format!("{text}\n{}", lines(&w, 80, 24).join("\n"));
    let words = text
        .lines()
        .filter_map(|l| l.split_once("││").map(|(_, pane)| pane.trim_end_matches('│')))
        .collect::<Vec<_>>()
        .join(" ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        "Ask for your money back — Python course",
        "Request a refund",
        "Coursera may still refuse",
        "7 to 10 business days",
        "(as of 2026-12-03)",
    ] {
        assert!(words.contains(said), "{said:?} in:\n{text}");
    }
}

/// Two plans of the same name: each row says which one (its id), on
/// Deadlines and on the Summary; a label used once stays as it is.
#[test]
fn two_trials_of_the_same_name_are_told_apart_by_their_ids() {
    let mut s = State::default();
    add(&mut s, PlanKind::FreeTrial, Channel::Web, "2026-02-24", None);
    add(&mut s, PlanKind::FreeTrial, Channel::Web, "2026-02-26", None);
    add(&mut s, PlanKind::PlusMonthly, Channel::Web, "2026-02-20", None);
    let mut w = deadlines_from_home(s);
    snapshot("deadlines_same_names", &w);
    let text = lines(&w, 80, 24).join("\n");
    for id in ["s1", "s2"] {
        // With the trial's length (issue 11) in the same brackets.
        assert!(text.contains(&format!("Free trial (7 days, {id})")), "{text}");
    }
    assert!(!text.contains("s3)"), "a label used once: {text}");
    assert!(
        text.contains("Last day to cancel Free trial (7 days, s1)"),
        "{text}"
    );
    let narrow = lines(&w, 60, 20).join("\n");
    assert!(narrow.contains("Free trial (7 days, s1)"), "{narrow}");
    w.update(Msg::Summary);
    let text = lines(&w, 80, 24).join("\n");
    assert!(text.contains("Free trial (7 days, s1)"), "{text}");
    let said: Vec<String> = w.view().items.iter().map(|i| i.text.clone()).collect();
    assert!(
        said.iter().any(|t| t.ends_with("(Free trial (7 days, s1))")),
        "{said:?}"
    );
}
