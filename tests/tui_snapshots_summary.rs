//! The Summary (with its export prompt and overwrite question), FAQ and
//! Troubleshooting, at 80x24 and 60x20, today 2026-03-01, text only.

mod support;

use std::path::PathBuf;

use coursera_exit::domain::state::State;
use coursera_exit::wizard::export::{CALENDAR_FILE, ExportOutcome, PLAN_FILE};
use coursera_exit::wizard::{Msg, Wizard};
use support::screen::{lines, render};
use support::summary::several_and_deleting;
use support::wizard::{open, repeat, send};

fn snapshot(name: &str, wizard: &Wizard) {
    for (w, h) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(wizard, w, h).backend());
    }
}

fn summary() -> Wizard {
    let mut w = open(several_and_deleting())
        .with_folders(
            PathBuf::from("/home/learner/coursera"),
            Some(PathBuf::from("/home/learner")),
        )
        .with_documents(Some(PathBuf::from("/home/learner/Documents")));
    send(&mut w, &[Msg::Summary]);
    w
}

#[test]
fn summary_shows_choices_progress_and_the_next_deadlines() {
    snapshot("summary_several_and_deleting", &summary());
}

#[test]
fn summary_scrolls_to_keep_the_highlighted_deadline_in_view() {
    let mut w = summary();
    send(&mut w, &[Msg::PageDown]);
    snapshot("summary_missed_deadline", &w);
}

#[test]
fn summary_with_nothing_tracked_says_how_to_start() {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Summary]);
    snapshot("summary_empty", &w);
}

#[test]
fn export_asks_for_a_folder() {
    let mut w = summary();
    send(&mut w, &[Msg::Export]);
    snapshot("summary_export_prompt", &w);
}

#[test]
fn export_to_a_missing_folder_asks_again_with_the_reason() {
    let mut w = summary();
    send(&mut w, &[Msg::Export, Msg::Next]);
    let dir = PathBuf::from("/home/learner/coursera/exports");
    w.exported(ExportOutcome::Failed {
        why: format!(
            "{} does not exist; make the folder first, or type another",
            dir.display()
        ),
        dir,
        written: Vec::new(),
    });
    snapshot("summary_export_folder_refused", &w);
}

#[test]
fn export_asks_before_overwriting_a_different_file() {
    let mut w = summary();
    send(&mut w, &[Msg::Export, Msg::Next]);
    let dir = PathBuf::from("/home/learner/coursera");
    w.exported(ExportOutcome::AskOverwrite {
        differing: vec![dir.join(PLAN_FILE)],
        dir,
    });
    snapshot("summary_export_overwrite", &w);
}

#[test]
fn export_done_says_what_was_written_and_where() {
    let mut w = summary();
    send(&mut w, &[Msg::Export, Msg::Next]);
    let dir = PathBuf::from("/home/learner/coursera");
    w.exported(ExportOutcome::Done {
        written: vec![dir.join(PLAN_FILE), dir.join(CALENDAR_FILE)],
        up_to_date: Vec::new(),
        dir,
    });
    snapshot("summary_export_done", &w);
}

#[test]
fn faq_expands_the_highlighted_question() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Faq, Msg::Down]);
    snapshot("faq", &w);
}

#[test]
fn troubleshooting_keeps_the_last_entry_in_view() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Help, Msg::Troubleshooting]);
    repeat(&mut w, Msg::Down, 10);
    snapshot("troubleshooting", &w);
}

#[test]
fn a_kept_plan_reads_keep_paying_with_its_next_charge_and_no_steps() {
    use coursera_exit::domain::actions::{self, Choice};
    use coursera_exit::domain::plan::{Channel, PlanKind};
    use coursera_exit::domain::policy::Policy;
    let mut state = State::default();
    let id = support::wizard::add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-01-31",
        Some("Plus"),
    );
    let today = support::wizard::today();
    actions::decide(&mut state, &id, Choice::Keep, None, &Policy::embedded(), today).expect("kept");
    let mut w = open(state);
    send(&mut w, &[Msg::Summary]);
    let text = lines(&w, 80, 24);
    let line = text
        .iter()
        .find(|l| l.contains("keep paying"))
        .expect("the decision is shown");
    assert!(line.contains("keep paying · next charge "), "{line}");
    assert!(!line.contains("steps"), "no steps to count: {line}");
}

/// Review of issue 13: at 60x20 a deadline's line lost its end ("· in 25",
/// "in 23 day"). A 30-day trial, cancelled, and a deletion request whose
/// reply is due: each line fits by giving up the year, never "in N days".
#[test]
fn summary_deadlines_fit_the_narrow_pane_whole() {
    use coursera_exit::domain::actions::{self, NewSubscription};
    use coursera_exit::domain::checklist::CANCELLED;
    use coursera_exit::domain::plan::{Channel, PlanKind};
    use coursera_exit::domain::policy::{Policy, checklist_ids};
    use support::wizard::{d, tick, today};
    let mut state = State::default();
    let new = NewSubscription {
        plan: PlanKind::FreeTrial,
        channel: Channel::Web,
        started: d("2026-02-22"),
        label: Some("Google Data Analytics Professional Certificate Specialization".to_string()),
        certificate_earned: false,
        trial_days: Some(30),
        account: None,
    };
    actions::add(&mut state, new, &Policy::embedded(), today()).expect("a trial");
    tick(&mut state, CANCELLED, Some("s1"), "2026-02-28");
    actions::delete_account(&mut state, None, None, false, today()).expect("deleting");
    tick(&mut state, checklist_ids::REQUEST_DELETION, None, "2026-02-26");
    let mut w = open(state);
    send(&mut w, &[Msg::Summary]);
    snapshot("summary_deadlines_fit", &w);
    let text = lines(&w, 60, 20).join("\n");
    assert!(text.contains("· Trial last day Mar 23 · in 22 days"), "{text}");
    assert!(text.contains("· Support reply due Mar 26 · in 25 days"), "{text}");
    let wide = lines(&w, 80, 24).join("\n");
    assert!(
        wide.contains("· Support reply due Thu 2026-03-26 · in 25 days"),
        "{wide}"
    );
}
