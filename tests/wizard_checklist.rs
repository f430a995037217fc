//! Before deleting, as message sequences: ticking, dates and notes saved per
//! item, the item that follows the cancellations, the yes/no before an
//! unsafe deletion request, and nothing lost going back and forth.

mod support;

use coursera_exit::domain::actions;
use coursera_exit::domain::checklist::CANCELLED;
use coursera_exit::domain::deadlines::{DeadlineKind, deadlines};
use coursera_exit::domain::journey::{Journey, Screen};
use coursera_exit::domain::plan::{AccountDecision, Channel, PlanKind};
use coursera_exit::domain::policy::checklist_ids;
use coursera_exit::domain::state::{ItemRecord, State};
use coursera_exit::wizard::checklist::{Checklist, Editing, Row, rows};
use coursera_exit::wizard::{Mode, Msg, Page, Wizard};
use support::wizard::{add, d, open, repeat, resume_at, send, tick, today, type_text};

const CERTIFICATES: &str = checklist_ids::DOWNLOAD_CERTIFICATES;
const TRANSCRIPTS: &str = "save-transcripts";
const CANCEL_ALL: &str = checklist_ids::CANCEL_SUBSCRIPTIONS;
const SOCIAL: &str = "unlink-social";
const ORGANIZATION: &str = "check-organization";
const FOR_CREDIT: &str = "for-credit";
const REQUEST: &str = checklist_ids::REQUEST_DELETION;
const CONFIRMATION: &str = checklist_ids::WRITTEN_CONFIRMATION;

/// A person deleting the account, with a Plus monthly and a trial still running.
fn deleting() -> State {
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
        Channel::Web,
        "2026-02-26",
        Some("Trial"),
    );
    actions::delete_account(&mut s, None, None, false, today()).expect("deleting");
    resume_at(&mut s, Screen::Checklist, None);
    s
}

/// The same, with both plans cancelled: nothing renews any more.
fn deleting_all_cancelled() -> State {
    let mut s = deleting();
    for id in ["s1", "s2"] {
        tick(&mut s, CANCELLED, Some(id), "2026-02-28");
    }
    s
}

fn at_checklist(state: State) -> Wizard {
    let w = open(state);
    assert_eq!(w.screen(), Screen::Checklist, "resumes on the checklist");
    w
}

fn page(w: &Wizard) -> &Checklist {
    match w.page() {
        Page::Checklist(p) => p,
        other => panic!("expected the checklist, on {:?}", other.screen()),
    }
}

fn ids(w: &Wizard) -> Vec<String> {
    rows(w.state(), w.policy())
        .iter()
        .map(|r| r.id().to_string())
        .collect()
}

/// Highlights the item `id` with ↑/↓ only, as a person would.
fn select(w: &mut Wizard, id: &str) {
    let index = ids(w).iter().position(|i| i == id).expect("the item is listed");
    repeat(w, Msg::Up, 12);
    repeat(w, Msg::Down, index);
    assert_eq!(page(w).selected(), index);
}

fn record<'s>(state: &'s State, id: &str) -> Option<&'s ItemRecord> {
    state.accounts[0].item(id)
}

fn done_on(w: &Wizard, id: &str) -> Option<chrono::NaiveDate> {
    record(w.state(), id).filter(|r| r.done).and_then(|r| r.done_on)
}

fn note(w: &Wizard, id: &str) -> Option<String> {
    record(w.state(), id).and_then(|r| r.note.clone())
}

fn notice(w: &Wizard) -> String {
    w.notice().map(|n| n.text.clone()).unwrap_or_default()
}

/// Types a date into the open date field (replacing the whole value) and presses Enter.
fn enter_date(w: &mut Wizard, date: &str) -> bool {
    assert!(!w.update(Msg::EditDate).save, "opening a field saves nothing");
    assert_eq!(w.mode(), Mode::Edit);
    type_text(w, date);
    w.update(Msg::Next).save
}

fn enter_note(w: &mut Wizard, text: &str) -> bool {
    w.update(Msg::EditNote);
    assert_eq!(w.mode(), Mode::Edit);
    type_text(w, text);
    w.update(Msg::Next).save
}

#[test]
fn space_ticks_the_highlighted_item_today_and_space_again_unticks_it() {
    let mut w = at_checklist(deleting());
    select(&mut w, TRANSCRIPTS);
    assert!(w.update(Msg::Toggle).save, "a tick is saved");
    assert_eq!(done_on(&w, TRANSCRIPTS), Some(today()));
    assert!(w.update(Msg::Toggle).save);
    assert_eq!(done_on(&w, TRANSCRIPTS), None);
    assert!(record(w.state(), TRANSCRIPTS).is_none(), "nothing left to keep");
}

#[test]
fn e_sets_the_day_an_item_was_done_and_ticks_it() {
    let mut w = at_checklist(deleting());
    select(&mut w, CERTIFICATES);
    assert!(enter_date(&mut w, "2026-02-27"));
    assert_eq!(w.mode(), Mode::Normal, "the field closes once saved");
    assert_eq!(done_on(&w, CERTIFICATES), Some(d("2026-02-27")));
    // A second edit moves the day and keeps it ticked.
    assert!(enter_date(&mut w, "2026-02-28"));
    assert_eq!(done_on(&w, CERTIFICATES), Some(d("2026-02-28")));
}

#[test]
fn a_day_after_today_or_not_a_date_is_refused_inline_and_nothing_is_saved() {
    let mut w = at_checklist(deleting());
    select(&mut w, CERTIFICATES);
    let before = w.state().clone();
    for (typed, reason) in [
        ("2026-03-02", "after today, 2026-03-01"),
        ("2026-02-30", "February 2026 has 28 days"),
    ] {
        assert!(!enter_date(&mut w, typed), "{typed} is not saved");
        assert_eq!(w.mode(), Mode::Edit, "the field stays open on {typed}");
        let Some(Editing::Date(field)) = page(&w).editing() else {
            panic!("the date field is open");
        };
        let error = field.error().unwrap_or_default();
        assert!(error.contains(reason), "{typed}: {error}");
        assert_eq!(*w.state(), before, "nothing changed for {typed}");
        w.update(Msg::Back);
        assert_eq!(w.mode(), Mode::Normal, "Esc cancels the edit");
    }
    assert_eq!(*w.state(), before);
}

#[test]
fn n_writes_a_note_without_ticking_and_keeps_it_when_the_item_is_ticked_and_unticked() {
    let mut w = at_checklist(deleting());
    select(&mut w, CERTIFICATES);
    assert!(enter_note(&mut w, "PDFs in ~/Documents/coursera"));
    assert_eq!(
        note(&w, CERTIFICATES).as_deref(),
        Some("PDFs in ~/Documents/coursera")
    );
    assert_eq!(done_on(&w, CERTIFICATES), None, "a note is not a tick");
    w.update(Msg::Toggle);
    assert_eq!(done_on(&w, CERTIFICATES), Some(today()));
    w.update(Msg::Toggle);
    assert_eq!(
        note(&w, CERTIFICATES).as_deref(),
        Some("PDFs in ~/Documents/coursera")
    );
    // Editing the note starts from it; an emptied note is removed.
    w.update(Msg::EditNote);
    let Some(Editing::Note(field)) = page(&w).editing() else {
        panic!("the note field is open");
    };
    assert_eq!(field.value(), "PDFs in ~/Documents/coursera");
    w.update(Msg::Text(coursera_exit::wizard::TextKey::Clear));
    assert!(w.update(Msg::Next).save);
    assert_eq!(note(&w, CERTIFICATES), None);
}

#[test]
fn esc_in_a_note_keeps_the_note_as_it_was() {
    let mut w = at_checklist(deleting());
    select(&mut w, "save-receipts");
    enter_note(&mut w, "receipts folder");
    w.update(Msg::EditNote);
    type_text(&mut w, "something else");
    assert!(!w.update(Msg::Back).save);
    assert_eq!(note(&w, "save-receipts").as_deref(), Some("receipts folder"));
}

#[test]
fn cancel_every_subscription_follows_the_cancellations_and_cannot_be_ticked_by_hand() {
    let mut state = deleting();
    add(
        &mut state,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-25",
        Some("Course"),
    );
    let mut w = at_checklist(state);
    select(&mut w, CANCEL_ALL);
    let is_done = |w: &Wizard| {
        rows(w.state(), w.policy()).iter().any(|r| match r {
            Row::Item(i) => i.id == CANCEL_ALL && i.done && i.derived,
            Row::NotUsed(_) => false,
        })
    };
    assert!(!w.update(Msg::Toggle).save, "Space changes nothing");
    let why = notice(&w);
    assert!(why.contains("Plus (s1)") && why.contains("Trial (s2)"), "{why}");
    assert!(!why.contains("Course"), "a course purchase does not block: {why}");
    assert!(!w.update(Msg::EditDate).save);
    assert_eq!(w.mode(), Mode::Normal, "no date to edit on a derived item");
    assert!(!is_done(&w));

    // Cancelling each plan (elsewhere: its Steps, or the command line) ticks it.
    let mut state = w.state().clone();
    for (id, on) in [("s1", "2026-02-27"), ("s2", "2026-02-28")] {
        tick(&mut state, CANCELLED, Some(id), on);
        let w = at_checklist(state.clone());
        assert_eq!(is_done(&w), id == "s2", "done only once both are cancelled");
    }
    let mut w = at_checklist(state);
    let cancel_row = rows(w.state(), w.policy()).into_iter().find_map(|r| match r {
        Row::Item(i) if i.id == CANCEL_ALL => Some(i.done_on),
        _ => None,
    });
    assert_eq!(
        cancel_row,
        Some(Some(d("2026-02-28"))),
        "dated by the last cancellation"
    );
    // A note is still welcome on it.
    select(&mut w, CANCEL_ALL);
    assert!(enter_note(&mut w, "confirmation emails kept"));
    assert_eq!(note(&w, CANCEL_ALL).as_deref(), Some("confirmation emails kept"));
}

#[test]
fn requesting_deletion_with_certificates_unsaved_asks_first_and_no_records_nothing() {
    let mut w = at_checklist(deleting());
    select(&mut w, REQUEST);
    let before = w.state().clone();
    assert!(
        !w.update(Msg::Toggle).save,
        "nothing is recorded before the answer"
    );
    assert_eq!(w.mode(), Mode::Confirm);
    assert_eq!(page(&w).confirming(), Some(today()));
    assert!(!w.update(Msg::No).save);
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(*w.state(), before, "no: nothing recorded");
    assert!(notice(&w).contains("Not recorded"));

    // Asked again with a day typed in: yes records that day.
    w.update(Msg::EditDate);
    type_text(&mut w, "2026-02-28");
    w.update(Msg::Next);
    assert_eq!(page(&w).confirming(), Some(d("2026-02-28")));
    assert!(w.update(Msg::Yes).save);
    assert_eq!(w.state().accounts[0].requested_on, Some(d("2026-02-28")));
    assert_eq!(done_on(&w, REQUEST), Some(d("2026-02-28")));
    assert!(notice(&w).contains("answer due Sat 2026-03-28"), "{}", notice(&w));
}

#[test]
fn requesting_deletion_while_a_plan_still_renews_asks_first_even_with_certificates_saved() {
    let mut w = at_checklist(deleting());
    select(&mut w, CERTIFICATES);
    w.update(Msg::Toggle);
    select(&mut w, REQUEST);
    assert!(!w.update(Msg::Toggle).save);
    assert_eq!(w.mode(), Mode::Confirm, "deleting is not cancelling");
    assert!(w.update(Msg::Yes).save);
    assert_eq!(w.state().accounts[0].requested_on, Some(today()));
}

#[test]
fn requesting_deletion_with_certificates_saved_and_plans_cancelled_records_it_at_once() {
    let mut w = at_checklist(deleting_all_cancelled());
    select(&mut w, CERTIFICATES);
    w.update(Msg::Toggle);
    select(&mut w, REQUEST);
    assert!(w.update(Msg::Toggle).save);
    assert_eq!(w.mode(), Mode::Normal, "no question asked");
    assert_eq!(w.state().accounts[0].requested_on, Some(today()));
    assert_eq!(w.state().accounts[0].decision, Some(AccountDecision::Delete));
    let rows = deadlines(w.state(), &w.policy().rules, today());
    let reply = rows
        .iter()
        .find(|r| r.kind == DeadlineKind::SupportReplyDue)
        .expect("a support reply is due");
    assert_eq!((reply.date, reply.done), (d("2026-04-01"), false));
    // Unticking clears the request date here (and says it is only here).
    w.update(Msg::Toggle);
    assert_eq!(w.state().accounts[0].requested_on, None);
    assert!(notice(&w).contains("does not take back"), "{}", notice(&w));
}

#[test]
fn written_confirmation_marks_the_support_reply_done() {
    let mut state = deleting();
    actions::delete_account(&mut state, None, Some(d("2026-02-20")), false, today()).expect("requested");
    let mut w = at_checklist(state);
    let reply_done = |w: &Wizard| {
        deadlines(w.state(), &w.policy().rules, today())
            .iter()
            .find(|r| r.kind == DeadlineKind::SupportReplyDue)
            .map(|r| r.done)
    };
    assert_eq!(reply_done(&w), Some(false));
    select(&mut w, CONFIRMATION);
    assert!(enter_note(&mut w, "ticket 12345"));
    assert_eq!(reply_done(&w), Some(false), "a note alone confirms nothing");
    assert!(w.update(Msg::Toggle).save);
    assert_eq!(reply_done(&w), Some(true));
    assert_eq!(note(&w, CONFIRMATION).as_deref(), Some("ticket 12345"));
}

#[test]
fn the_social_item_can_be_answered_not_used_and_brought_back() {
    let mut w = at_checklist(deleting());
    let before = ids(&w);
    select(&mut w, SOCIAL);
    assert!(w.update(Msg::Remove).save, "x: I don't sign in with one");
    assert_eq!(w.state().accounts[0].social_sign_in, Some(false));
    assert_eq!(ids(&w), before, "it stays in its place, marked not used");
    assert!(matches!(
        rows(w.state(), w.policy())[page(&w).selected()],
        Row::NotUsed(_)
    ));
    assert!(!w.update(Msg::EditNote).save);
    assert_eq!(
        w.mode(),
        Mode::Normal,
        "nothing to note on an item that does not apply"
    );
    assert!(w.update(Msg::Toggle).save, "Space brings it back");
    assert_eq!(w.state().accounts[0].social_sign_in, Some(true));
    assert!(matches!(
        rows(w.state(), w.policy())[page(&w).selected()],
        Row::Item(_)
    ));
}

#[test]
fn x_on_any_other_item_does_nothing() {
    let mut w = at_checklist(deleting());
    select(&mut w, CERTIFICATES);
    let before = w.state().clone();
    assert!(!w.update(Msg::Remove).save);
    assert_eq!(*w.state(), before);
}

#[test]
fn the_organization_item_is_listed_only_with_an_organization_plan() {
    let w = at_checklist(deleting());
    assert!(!ids(&w).iter().any(|i| i == ORGANIZATION));
    let mut state = deleting();
    add(
        &mut state,
        PlanKind::Organization,
        Channel::Organization,
        "2025-09-01",
        None,
    );
    let w = at_checklist(state);
    assert!(ids(&w).iter().any(|i| i == ORGANIZATION));
}

#[test]
fn enter_walks_the_items_and_leaves_for_the_summary_after_the_last() {
    let mut w = at_checklist(deleting());
    let count = ids(&w).len();
    for i in 1..count {
        assert!(!w.update(Msg::Next).save, "item {i}: moving saves nothing");
        assert_eq!(page(&w).selected(), i);
    }
    assert!(w.update(Msg::Next).save);
    assert_eq!(w.screen(), Screen::Summary);
    assert_eq!(w.state().journey.screen, Screen::Summary);
}

#[test]
fn c_on_cancel_every_subscription_opens_the_steps_of_the_first_plan_still_to_cancel() {
    let mut state = deleting();
    tick(&mut state, CANCELLED, Some("s1"), "2026-02-28");
    let mut w = at_checklist(state);
    select(&mut w, CANCEL_ALL);
    assert!(w.update(Msg::Continue).save);
    assert_eq!(
        w.state().journey,
        Journey {
            screen: Screen::Steps,
            subscription: Some("s2".into())
        }
    );
}

#[test]
fn going_back_and_forth_never_loses_an_answer() {
    let mut w = at_checklist(deleting());
    select(&mut w, CERTIFICATES);
    enter_date(&mut w, "2026-02-27");
    enter_note(&mut w, "PDFs in ~/certs");
    let answered = w.state().accounts[0].clone();

    // A date edit abandoned with Esc keeps the saved day.
    w.update(Msg::EditDate);
    type_text(&mut w, "2026-01-01");
    w.update(Msg::Back);
    assert_eq!(w.state().accounts[0], answered);

    // Esc goes back to the account's decision, which still says delete.
    assert!(w.update(Msg::Back).save);
    assert_eq!(w.screen(), Screen::Decide);
    assert_eq!(w.state().accounts[0], answered);
    // Choosing delete again comes back to the same answers.
    send(&mut w, &[Msg::Next]);
    assert_eq!(w.screen(), Screen::Checklist);
    assert_eq!(w.state().accounts[0].items, answered.items);

    // To the deadlines and back.
    w.update(Msg::Deadlines);
    assert_eq!(w.screen(), Screen::Deadlines);
    w.update(Msg::Back);
    assert_eq!(w.screen(), Screen::Checklist);
    assert_eq!(w.state().accounts[0].items, answered.items);

    // Quit and open again: resumes here with everything.
    let saved = w.state().clone();
    let w = at_checklist(saved);
    assert_eq!(done_on(&w, CERTIFICATES), Some(d("2026-02-27")));
    assert_eq!(note(&w, CERTIFICATES).as_deref(), Some("PDFs in ~/certs"));
}

/// The delete path from Home: `D`, delete (after a yes: Plus is paid for),
/// then the checklist item by item.
#[test]
fn the_whole_delete_path_from_home_saves_every_step() {
    let mut s = State::default();
    add(
        &mut s,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-02-20",
        Some("Plus"),
    );
    let mut w = open(s);
    assert_eq!(w.screen(), Screen::Home);
    assert!(w.update(Msg::Account).save);
    assert_eq!(w.screen(), Screen::Decide);
    assert!(!w.update(Msg::Next).save, "the first choice, delete, asks first");
    assert_eq!(w.mode(), Mode::Confirm);
    let Page::Decide(decide) = w.page() else {
        panic!("still on Decide")
    };
    // Paid 02-20, next charge 03-20: access until 03-19. Plus monthly has
    // no refund to ask for first (outside the EU and the UK).
    let warnings = decide.confirming_delete().expect("the warnings").to_vec();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("Plus (s1)") && warnings[0].contains("2026-03-19"),
        "{warnings:?}"
    );
    assert_eq!(w.state().accounts[0].decision, None, "nothing until the yes");
    assert!(w.update(Msg::Yes).save, "yes, delete it anyway");
    assert_eq!(w.screen(), Screen::Checklist);
    assert_eq!(w.state().accounts[0].decision, Some(AccountDecision::Delete));
    assert_eq!(w.state().journey.screen, Screen::Checklist);

    let steps: [(&str, &str, &str); 5] = [
        (CERTIFICATES, "2026-02-26", "PDFs in ~/certs"),
        (TRANSCRIPTS, "2026-02-26", "exported to ~/records"),
        ("save-receipts", "2026-02-27", "mail folder Coursera"),
        ("check-sign-in", "2026-02-28", "password works"),
        (SOCIAL, "2026-02-28", "Google unlinked"),
    ];
    for (id, on, text) in steps {
        select(&mut w, id);
        assert!(enter_date(&mut w, on), "{id}: the date is saved");
        assert!(enter_note(&mut w, text), "{id}: the note is saved");
        let saved = record(w.state(), id).expect("recorded");
        assert_eq!(
            (saved.done, saved.done_on, saved.note.as_deref()),
            (true, Some(d(on)), Some(text))
        );
    }

    // Not enrolled in a for-credit programme: x takes that item off.
    select(&mut w, FOR_CREDIT);
    assert!(w.update(Msg::Remove).save, "x: not enrolled");
    assert_eq!(w.state().accounts[0].for_credit, Some(false));

    // The plan is cancelled in its own steps; the derived item follows.
    let mut state = w.state().clone();
    tick(&mut state, CANCELLED, Some("s1"), "2026-02-28");
    let mut w = at_checklist(state);

    select(&mut w, REQUEST);
    assert!(
        w.update(Msg::Toggle).save,
        "certificates saved, plan cancelled: no question"
    );
    assert_eq!(w.state().accounts[0].requested_on, Some(today()));
    select(&mut w, CONFIRMATION);
    assert!(w.update(Msg::Toggle).save);
    let reply = deadlines(w.state(), &w.policy().rules, today())
        .into_iter()
        .find(|r| r.kind == DeadlineKind::SupportReplyDue)
        .expect("support reply row");
    assert!(reply.done);
    let all_done = rows(w.state(), w.policy()).iter().all(|r| match r {
        Row::Item(i) => i.done,
        Row::NotUsed(_) => true,
    });
    assert!(all_done, "every item is done");
}

#[test]
fn page_keys_scroll_the_details_and_moving_starts_them_at_the_top() {
    let mut w = at_checklist(deleting());
    w.update(Msg::PageDown);
    w.update(Msg::PageDown);
    let scrolled = page(&w).detail_scroll();
    assert!(scrolled > 0);
    w.update(Msg::PageUp);
    assert!(page(&w).detail_scroll() < scrolled);
    w.update(Msg::Down);
    assert_eq!(
        page(&w).detail_scroll(),
        0,
        "another item's details start at the top"
    );
}

#[test]
fn every_item_lists_the_shared_keys_in_the_same_order_after_its_own() {
    let mut w = at_checklist(deleting());
    let shared = |w: &Wizard| -> Vec<&'static str> {
        let commands = w.commands();
        let from = commands
            .iter()
            .position(|c| c.keys == "Enter")
            .expect("Enter goes on");
        // `o` is the item's own: offered where its details show a web source.
        commands[from..]
            .iter()
            .filter(|c| c.keys != "o")
            .map(|c| c.action)
            .collect()
    };
    select(&mut w, checklist_ids::DOWNLOAD_CERTIFICATES);
    let normal = shared(&w);
    select(&mut w, CANCEL_ALL);
    assert_eq!(shared(&w), normal, "the derived item");
    select(&mut w, SOCIAL);
    assert_eq!(shared(&w), normal, "the social item");
    assert!(normal.contains(&"move"), "↑↓ move is listed: {normal:?}");
    assert_eq!(normal[1], "move", "right after Enter, so it shows at 80 columns");
}

/// A newcomer's walk: "Request deletion" was recorded at once while a
/// refund asked for had not arrived (deleting the account makes it harder
/// to follow up). It asks first, naming the plan and the day it is due.
#[test]
fn requesting_deletion_while_a_refund_is_on_its_way_asks_first() {
    let mut state = deleting_all_cancelled();
    tick(&mut state, "refund-requested", Some("s2"), "2026-02-28");
    let mut w = at_checklist(state);
    select(&mut w, CERTIFICATES);
    w.update(Msg::Toggle);
    select(&mut w, REQUEST);
    assert!(!w.update(Msg::Toggle).save, "nothing recorded yet");
    assert_eq!(w.mode(), Mode::Confirm);
    let question = format!("{:?}", w.view().confirm);
    assert!(
        question.contains("(s2): the refund you asked for is due by"),
        "{question}"
    );
    assert!(w.update(Msg::Yes).save);
    assert_eq!(w.state().accounts[0].requested_on, Some(today()));
}

#[test]
fn the_sidebar_marks_before_deleting_done_only_once_every_item_is_done_the_reply_too() {
    use coursera_exit::domain::checklist::deletion_items;
    use coursera_exit::wizard::progress::steps;
    let checklist_done = |s: &State| {
        let w = open(s.clone());
        steps(w.state(), w.policy(), Screen::Checklist, None)
            .into_iter()
            .find(|step| step.screen == Screen::Checklist)
            .is_some_and(|step| step.done)
    };
    let mut s = deleting_all_cancelled();
    let policy = coursera_exit::domain::policy::Policy::embedded();
    let open_items: Vec<String> = deletion_items(&s, &s.accounts[0], &policy)
        .into_iter()
        .filter(|item| !item.done && !item.derived)
        .map(|item| item.id)
        .collect();
    for id in open_items.iter().filter(|id| *id != CONFIRMATION) {
        tick(&mut s, id, None, "2026-02-28");
    }
    assert!(s.accounts[0].requested_on.is_some(), "deletion requested");
    assert!(
        !checklist_done(&s),
        "the written confirmation is still owed: the step is not finished"
    );
    tick(&mut s, CONFIRMATION, None, "2026-03-01");
    assert!(checklist_done(&s), "every item done");
}
