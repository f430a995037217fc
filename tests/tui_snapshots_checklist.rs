//! The Before-deleting checklist at 80x24 and 60x20, today fixed at
//! 2026-03-01: items done with notes, the derived item, a refused date, the
//! question before an unsafe request, and the screen once deletion is requested.

mod support;

use coursera_exit::domain::actions::{self, Tick};
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::policy::{Policy, checklist_ids};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::checklist::rows;
use coursera_exit::wizard::{Msg, Wizard};
use support::screen::{lines, render};
use support::wizard::{add, open, repeat, resume_at, tick_noted, today, type_text};

fn snapshot(name: &str, wizard: &Wizard) {
    for (w, h) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(wizard, w, h).backend());
    }
}

/// Deleting, two plans still running, two items done with notes.
fn some_done() -> State {
    let mut s = State::default();
    add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        Some("Plus"),
    );
    add(
        &mut s,
        PlanKind::FreeTrial,
        Channel::Ios,
        "2026-02-26",
        Some("ML trial"),
    );
    actions::delete_account(&mut s, None, None, false, today()).expect("deleting");
    tick_noted(
        &mut s,
        checklist_ids::DOWNLOAD_CERTIFICATES,
        None,
        "2026-02-27",
        Some("PDFs in ~/Documents/coursera"),
    );
    tick_noted(
        &mut s,
        "save-receipts",
        None,
        "2026-02-28",
        Some("mail folder Receipts"),
    );
    resume_at(&mut s, Screen::Checklist, None);
    s
}

fn select(w: &mut Wizard, id: &str) {
    let index = rows(w.state(), w.policy())
        .iter()
        .position(|r| r.id() == id)
        .expect("listed");
    repeat(w, Msg::Up, 12);
    repeat(w, Msg::Down, index);
}

#[test]
fn checklist_items_done_with_notes() {
    let w = open(some_done());
    snapshot("checklist_done_with_notes", &w);
}

#[test]
fn checklist_the_derived_item_names_what_still_renews() {
    let mut w = open(some_done());
    select(&mut w, checklist_ids::CANCEL_SUBSCRIPTIONS);
    snapshot("checklist_derived", &w);
}

#[test]
fn checklist_date_edit_with_an_error() {
    let mut w = open(some_done());
    select(&mut w, "save-transcripts");
    w.update(Msg::EditDate);
    type_text(&mut w, "2026-03-05");
    w.update(Msg::Next);
    snapshot("checklist_date_error", &w);
}

#[test]
fn a_note_longer_than_its_field_keeps_what_is_typed_last_in_sight() {
    let mut w = open(some_done());
    select(&mut w, checklist_ids::WRITTEN_CONFIRMATION);
    w.update(Msg::EditNote);
    let note = "Ticket 4711 at privacy@coursera.org, answered on the phone by a patient person, END";
    type_text(&mut w, note);
    let screen = lines(&w, 60, 20).join("\n");
    assert!(screen.contains("patient person, END"), "{screen}");
    assert!(!screen.contains("Ticket 4711"), "the start scrolls out: {screen}");
}

#[test]
fn checklist_note_being_typed() {
    let mut w = open(some_done());
    select(&mut w, checklist_ids::WRITTEN_CONFIRMATION);
    w.update(Msg::EditNote);
    type_text(&mut w, "ticket 4711");
    snapshot("checklist_note_edit", &w);
}

#[test]
fn checklist_certificate_confirmation() {
    let mut s = some_done();
    // Unticked again: the certificates are not saved.
    let undo = Tick {
        item: checklist_ids::DOWNLOAD_CERTIFICATES,
        subscription: None,
        account: None,
        note: None,
        on: None,
        undo: true,
    };
    actions::done(&mut s, undo, &Policy::embedded(), today()).expect("unticked");
    let mut w = open(s);
    select(&mut w, checklist_ids::REQUEST_DELETION);
    w.update(Msg::Toggle);
    snapshot("checklist_confirm_request", &w);
}

#[test]
fn checklist_after_the_request() {
    let mut w = open(some_done());
    select(&mut w, checklist_ids::REQUEST_DELETION);
    w.update(Msg::Toggle);
    snapshot("checklist_requested", &w);
}

#[test]
fn checklist_social_sign_in_not_used() {
    let mut w = open(some_done());
    select(&mut w, "unlink-social");
    w.update(Msg::Remove);
    snapshot("checklist_social_not_used", &w);
}

#[test]
fn checklist_details_scrolled_with_page_down() {
    let mut w = open(some_done());
    select(&mut w, checklist_ids::REQUEST_DELETION);
    w.update(Msg::Toggle);
    w.update(Msg::Yes);
    repeat(&mut w, Msg::PageDown, 2);
    snapshot("checklist_details_scrolled", &w);
}

#[test]
fn a_cut_title_keeps_its_note_mark_and_date_in_sight() {
    let w = open(some_done());
    for (width, height) in [(80, 24), (60, 20)] {
        let text = lines(&w, width, height);
        let row = text
            .iter()
            .find(|l| l.contains("Save receipts"))
            .expect("the receipts item is listed");
        assert!(row.contains('…'), "the title is cut at {width}x{height}: {row}");
        assert!(
            row.contains('✎'),
            "its note mark shows at {width}x{height}: {row}"
        );
        if width >= 80 {
            assert!(row.contains("2026-02-28"), "its date shows: {row}");
        }
    }
}

#[test]
fn the_help_ends_with_a_legend_of_the_checklists_marks() {
    let mut w = open(some_done());
    w.update(Msg::Help);
    repeat(&mut w, Msg::PageDown, 10);
    let text = lines(&w, 80, 24).concat();
    for (mark, meaning) in [("✓", "done"), ("✎", "has a note"), (">", "selected")] {
        assert!(
            text.contains(&format!("{mark}  ")) && text.contains(meaning),
            "{mark} {meaning} explained:\n{text}"
        );
    }
}
