//! The Summary and its export, as message sequences on the pure wizard: what
//! it lists for each state, where Esc goes, and the export request, with the
//! overwrite question when the front end finds a different file.

mod support;

use std::path::{Path, PathBuf};

use coursera_exit::domain::checklist::{account_items, subscription_items};
use coursera_exit::domain::deadlines::{DeadlineKind, Urgency};
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{AccountDecision, Channel, Decision};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::State;
use coursera_exit::export::{ics, markdown};
use coursera_exit::wizard::export::{CALENDAR_FILE, ExportOutcome, ExportRequest, PLAN_FILE};
use coursera_exit::wizard::summary::{Entry, NEXT_COUNT, overview};
use coursera_exit::wizard::{Mode, Msg, NoticeKind, Page, TextKey, Wizard};
use support::summary::{TICKED_WEB_STEPS, several_and_deleting};
use support::wizard::{d, open, resume_at, send, today, type_text};

const CWD: &str = "/home/learner/work";
const HOME: &str = "/home/learner";
const DOCUMENTS: &str = "/home/learner/Documents";

fn with_folders(state: State) -> Wizard {
    open(state).with_folders(PathBuf::from(CWD), Some(PathBuf::from(HOME)))
}

fn summary_of(w: &Wizard) -> &coursera_exit::wizard::summary::Summary {
    match w.page() {
        Page::Summary(s) => s,
        other => panic!("expected the Summary, on {:?}", other.screen()),
    }
}

// What it lists ----------------------------------------------------------------

#[test]
fn nothing_tracked_lists_only_an_undecided_account_and_no_dates() {
    let ov = overview(&State::default(), &Policy::embedded(), today());
    assert!(ov.choices.is_empty());
    assert_eq!(ov.accounts[0].decision, None);
    assert_eq!(ov.accounts[0].requested_on, None);
    assert!(ov.next.is_empty() && ov.overdue.is_empty());
    assert_eq!(ov.entries(), [Entry::Account(0)]);
}

#[test]
fn each_choice_shows_its_decision_and_its_progress() {
    let state = several_and_deleting();
    let policy = Policy::embedded();
    let ov = overview(&state, &policy, today());
    let labels: Vec<&str> = ov.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        // A trial says how long it lasts, as on every screen.
        [
            "ML trial (7-day trial)",
            "Coursera Plus",
            "Data Science",
            "Python course"
        ]
    );

    let trial = &ov.choices[0];
    assert_eq!(trial.decision, Some(Decision::Cancel));
    assert_eq!(trial.cancelled_on, Some(d("2026-02-28")));
    // The web steps plus "I have cancelled"; a trial has no refund steps.
    assert_eq!(trial.steps_total, policy.channel(Channel::Web).steps.len() + 1);
    assert_eq!(trial.steps_done, TICKED_WEB_STEPS.len() + 1);
    // Its label already says "trial": the plan's name is not repeated.
    assert_eq!(trial.plan, None);

    // Plus monthly: the web steps and "I have cancelled"; no refund steps,
    // as its payments are never refunded (outside the EU and the UK).
    let plus = &ov.choices[1];
    assert_eq!(plus.decision, None);
    assert_eq!(plus.steps_done, 0);
    assert_eq!(plus.steps_total, policy.channel(Channel::Web).steps.len() + 1);
    assert_eq!(
        plus.steps_total,
        subscription_items(&state, &state.subscriptions[1], &policy).len()
    );

    let paused = ov.choices[2].pause.expect("paused");
    assert_eq!(ov.choices[2].decision, Some(Decision::Pause));
    // A pause is recorded, not ticked: its Steps screen has no steps to count.
    assert_eq!((ov.choices[2].steps_done, ov.choices[2].steps_total), (0, 0));
    // SPEC §4: chosen 02-10, the pause begins when the paid month ends, at
    // the first charge on or after 02-10 (01-08 + 2 months = 03-08); billing
    // resumes 01-08 + (2 + 2) months = 05-08, not two months after 02-10.
    assert_eq!(
        (paused.months, paused.until, paused.over),
        (2, d("2026-05-08"), false)
    );
}

#[test]
fn steps_are_counted_as_the_steps_page_lists_them() {
    let state = several_and_deleting();
    let policy = Policy::embedded();
    let ov = overview(&state, &policy, today());
    // The course's refund window closed on 02-16: its Steps page has nothing
    // to tick, so nothing is promised ("steps 0/5" before).
    let course = &ov.choices[3];
    assert_eq!(course.label, "Python course");
    assert_eq!((course.steps_done, course.steps_total), (0, 0));
    // While the window is open: the refund steps and "I have asked for a
    // refund"; "The refund has arrived" only once it was asked for.
    let asking = overview(&state, &policy, d("2026-02-12"));
    let refund_steps = policy.refund.steps.len();
    assert_eq!(asking.choices[3].steps_total, refund_steps + 1);
}

#[test]
fn a_pause_that_has_run_out_says_so() {
    let state = several_and_deleting();
    let policy = Policy::embedded();
    let running = overview(&state, &policy, d("2026-05-07"));
    assert!(!running.choices[2].pause.expect("paused").over, "the day before");
    let ov = overview(&state, &policy, d("2026-05-08"));
    let pause = ov.choices[2].pause.expect("paused");
    assert!(pause.over, "billing resumed on {}", pause.until);
}

#[test]
fn the_account_shows_its_decision_checklist_and_request_date() {
    let state = several_and_deleting();
    let policy = Policy::embedded();
    let ov = overview(&state, &policy, today());
    assert_eq!(ov.accounts[0].decision, Some(AccountDecision::Delete));
    assert_eq!(ov.accounts[0].requested_on, Some(d("2026-02-20")));
    assert_eq!(
        ov.accounts[0].total,
        account_items(&state, state.first_account(), &policy).len()
    );
    // Certificates saved and deletion requested; the trial alone is cancelled.
    assert_eq!(ov.accounts[0].done, 2);
}

#[test]
fn the_next_three_deadlines_are_the_first_not_done_from_today_on() {
    let ov = overview(&several_and_deleting(), &Policy::embedded(), today());
    let next: Vec<(Option<&str>, DeadlineKind, &str)> = ov
        .next
        .iter()
        .map(|r| (r.subscription.as_deref(), r.kind, &*r.label))
        .collect();
    // The trial's cancel-by is done (cancelled 02-28), so it is left out;
    // Plus monthly has no refund-by: its cancel-by (03-18) and access-until
    // (03-19) come next.
    assert_eq!(
        next,
        [
            (Some("s1"), DeadlineKind::TrialLastDay, "ML trial"),
            (Some("s2"), DeadlineKind::CancelBy, "Coursera Plus"),
            (Some("s2"), DeadlineKind::AccessUntil, "Coursera Plus"),
        ]
    );
    assert_eq!(ov.next.len(), NEXT_COUNT);
    assert_eq!(ov.next[0].date, d("2026-03-02"));
    assert!(ov.next.iter().all(|r| !r.done && r.days_left >= 0));
}

#[test]
fn deadlines_that_have_passed_are_mentioned_apart() {
    let ov = overview(&several_and_deleting(), &Policy::embedded(), today());
    assert_eq!(ov.overdue.len(), 1);
    let missed = &ov.overdue[0];
    assert_eq!(
        (missed.label.as_str(), missed.kind, missed.date, missed.urgency),
        // Bought 02-10: refund-by = 02-10 + 7 − 1 = 02-16.
        (
            "Python course",
            DeadlineKind::RefundBy,
            d("2026-02-16"),
            Urgency::Overdue
        )
    );
    assert_eq!(ov.entries()[NEXT_COUNT], Entry::Missed(0));
}

// Getting there and back -------------------------------------------------------

#[test]
fn s_on_home_opens_the_summary_and_esc_returns_with_the_same_selection() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Down, Msg::Down]);
    let effects = send(&mut w, &[Msg::Summary]);
    assert!(effects.save, "the position changed");
    assert_eq!(w.state().journey.screen, Screen::Summary);
    send(&mut w, &[Msg::Back]);
    let Page::Home(home) = w.page() else {
        panic!("back on Home")
    };
    assert_eq!(home.selected(), 2);
}

#[test]
fn the_summary_is_saved_as_the_position_and_a_resume_opens_it() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Summary]);
    let mut saved = w.state().clone();
    assert_eq!(saved.journey.screen, Screen::Summary);
    saved.journey = w.state().journey.clone();
    let mut resumed = open(saved);
    assert_eq!(resumed.screen(), Screen::Summary);
    send(&mut resumed, &[Msg::Back]);
    assert_eq!(resumed.screen(), Screen::Home);
}

#[test]
fn esc_goes_back_to_the_screen_the_summary_was_opened_from() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Deadlines, Msg::Summary]);
    assert_eq!(w.screen(), Screen::Summary);
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Deadlines);

    // The end of the checklist leads to the Summary, and Esc back to it.
    let mut state = several_and_deleting();
    resume_at(&mut state, Screen::Checklist, None);
    let mut w = open(state);
    let items = account_items(w.state(), w.state().first_account(), w.policy()).len();
    for _ in 0..items {
        send(&mut w, &[Msg::Next]);
    }
    assert_eq!(w.screen(), Screen::Summary);
    send(&mut w, &[Msg::Back]);
    assert_eq!(w.screen(), Screen::Checklist);
}

#[test]
fn enter_on_the_account_opens_its_checklist_while_deleting_else_its_decision() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Summary]);
    // The account is the last line.
    send(&mut w, &[Msg::PageDown, Msg::Next]);
    assert_eq!(w.screen(), Screen::Checklist);

    let mut w = open(State::default());
    send(&mut w, &[Msg::Summary, Msg::Next]);
    assert_eq!(w.screen(), Screen::Decide);
    assert_eq!(w.state().journey.subscription, None, "the account's decision");
}

#[test]
fn enter_on_a_deadline_opens_its_subscription() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Summary]);
    // The next deadlines come first: s2's refund-by is the second.
    send(&mut w, &[Msg::Down, Msg::Next]);
    assert_eq!(w.state().journey.subscription.as_deref(), Some("s2"));
    assert_ne!(w.screen(), Screen::Summary);
}

#[test]
fn moving_never_leaves_the_list() {
    let mut w = open(several_and_deleting());
    send(&mut w, &[Msg::Summary, Msg::PageDown, Msg::Down, Msg::Down]);
    let count = overview(w.state(), w.policy(), today()).entries().len();
    assert_eq!(summary_of(&w).selected(), count - 1);
    send(&mut w, &[Msg::PageUp, Msg::Up]);
    assert_eq!(summary_of(&w).selected(), 0);
}

// Export -----------------------------------------------------------------------

fn expected_request(state: &State, dir: &Path, overwrite: bool) -> ExportRequest {
    let policy = Policy::embedded();
    ExportRequest {
        dir: dir.to_path_buf(),
        files: vec![
            coursera_exit::wizard::export::ExportFile {
                path: dir.join(PLAN_FILE),
                bytes: markdown::render(state, &policy, today()).into_bytes(),
            },
            coursera_exit::wizard::export::ExportFile {
                path: dir.join(CALENDAR_FILE),
                bytes: ics::render(state, &policy, today()).into_bytes(),
            },
        ],
        overwrite,
    }
}

fn at_summary() -> Wizard {
    let mut w = with_folders(several_and_deleting());
    send(&mut w, &[Msg::Summary]);
    w
}

#[test]
fn w_asks_for_a_folder_offering_documents_then_home_never_the_start_folder() {
    // Issue 13: the first default was silently the folder the program was started in.
    let mut w = at_summary();
    let effects = send(&mut w, &[Msg::Export]);
    assert_eq!((effects.save, effects.export), (false, None));
    assert_eq!(w.mode(), Mode::Edit);
    let prompt = summary_of(&w).prompt().expect("the folder prompt");
    assert_eq!(prompt.field.value(), HOME, "no Documents folder known: home");

    let mut w = with_folders(several_and_deleting()).with_documents(Some(PathBuf::from(DOCUMENTS)));
    send(&mut w, &[Msg::Summary, Msg::Export]);
    let prompt = summary_of(&w).prompt().expect("the folder prompt");
    assert_eq!(prompt.field.value(), DOCUMENTS);
}

#[test]
fn the_folder_of_an_export_is_remembered_in_the_state_for_the_next_run() {
    let mut w = at_summary();
    send(&mut w, &[Msg::Export]);
    type_text(&mut w, "/tmp/out");
    let request = send(&mut w, &[Msg::Next]).export.expect("a request");
    let outcome = ExportOutcome::Done {
        dir: request.dir.clone(),
        written: request.files.iter().map(|f| f.path.clone()).collect(),
        up_to_date: Vec::new(),
    };
    assert!(w.exported(outcome), "the state changed: save it");
    assert_eq!(w.state().export_folder.as_deref(), Some("/tmp/out"));
    // The next run offers it first, whatever Documents is.
    let mut again = open(w.state().clone())
        .with_folders(PathBuf::from(CWD), Some(PathBuf::from(HOME)))
        .with_documents(Some(PathBuf::from(DOCUMENTS)));
    send(&mut again, &[Msg::Summary, Msg::Export]);
    assert_eq!(
        summary_of(&again).prompt().expect("the prompt").field.value(),
        "/tmp/out"
    );
}

/// Issue 12: a home folder whose name held an escape code was remembered,
/// and the next run refused the state file it had been saved in.
#[test]
fn a_folder_the_state_file_cannot_hold_is_used_but_not_remembered() {
    let odd = "/tmp/ex\u{1b}[31mdir";
    let mut w =
        with_folders(several_and_deleting()).with_folders(PathBuf::from(CWD), Some(PathBuf::from(odd)));
    send(&mut w, &[Msg::Summary, Msg::Export]);
    let request = send(&mut w, &[Msg::Next]).export.expect("a request");
    assert_eq!(request.dir, PathBuf::from(odd), "the export still goes there");
    let outcome = ExportOutcome::Done {
        dir: request.dir.clone(),
        written: request.files.iter().map(|f| f.path.clone()).collect(),
        up_to_date: Vec::new(),
    };
    assert!(!w.exported(outcome), "nothing to save");
    assert_eq!(w.state().export_folder, None);
    assert_eq!(w.state().validate(), Ok(()));
}

#[test]
fn enter_asks_the_front_end_to_write_both_files_rendered_from_the_state() {
    let mut w = at_summary();
    let before = w.state().clone();
    send(&mut w, &[Msg::Export]);
    let effects = send(&mut w, &[Msg::Next]);
    assert_eq!(
        effects.export,
        Some(expected_request(&before, Path::new(HOME), false))
    );
    assert!(!effects.save, "exporting changes nothing in the state");
    assert_eq!(w.state(), &before);
    assert_eq!(w.mode(), Mode::Normal);
}

#[test]
fn a_typed_folder_is_taken_from_the_start_folder_and_tilde_is_home() {
    for (typed, dir) in [
        ("exports", format!("{CWD}/exports")),
        ("~/Documents", format!("{HOME}/Documents")),
        ("~", HOME.to_string()),
        ("/tmp/out", "/tmp/out".to_string()),
    ] {
        let mut w = at_summary();
        send(&mut w, &[Msg::Export]);
        type_text(&mut w, typed);
        let request = send(&mut w, &[Msg::Next]).export.expect("a request");
        assert_eq!(request.dir, PathBuf::from(&dir), "typed {typed}");
        assert_eq!(request.files[0].path, PathBuf::from(dir).join(PLAN_FILE));
    }
}

#[test]
fn an_empty_folder_is_refused_inline_and_nothing_is_asked() {
    let mut w = at_summary();
    send(&mut w, &[Msg::Export, Msg::Text(TextKey::Clear)]);
    let effects = send(&mut w, &[Msg::Next]);
    assert_eq!(effects.export, None);
    assert_eq!(w.mode(), Mode::Edit, "still asking");
    assert!(summary_of(&w).prompt().expect("open").error.is_some());
}

#[test]
fn esc_in_the_folder_prompt_exports_nothing() {
    let mut w = at_summary();
    send(&mut w, &[Msg::Export]);
    type_text(&mut w, "q");
    let effects = send(&mut w, &[Msg::Back]);
    assert_eq!((effects.export, effects.exit), (None, None));
    assert_eq!(w.mode(), Mode::Normal);
    assert_eq!(w.screen(), Screen::Summary);
}

fn differing(dir: &str) -> ExportOutcome {
    ExportOutcome::AskOverwrite {
        dir: PathBuf::from(dir),
        differing: vec![PathBuf::from(dir).join(PLAN_FILE)],
    }
}

#[test]
fn a_different_file_there_asks_before_overwriting_and_y_asks_again_overwriting() {
    let mut w = at_summary();
    send(&mut w, &[Msg::Export, Msg::Next]);
    w.exported(differing(CWD));
    assert_eq!(w.mode(), Mode::Confirm);
    assert_eq!(
        summary_of(&w).overwrite().expect("asking").differing,
        [PathBuf::from(CWD).join(PLAN_FILE)]
    );
    // Other keys leave the question open.
    assert_eq!(send(&mut w, &[Msg::Down]).export, None);
    assert_eq!(w.mode(), Mode::Confirm);
    let effects = send(&mut w, &[Msg::Yes]);
    assert_eq!(
        effects.export,
        Some(expected_request(w.state(), Path::new(CWD), true))
    );
    assert_eq!(w.mode(), Mode::Normal);
}

#[test]
fn no_to_overwriting_writes_nothing_and_says_so() {
    for answer in [Msg::No, Msg::Back] {
        let mut w = at_summary();
        send(&mut w, &[Msg::Export, Msg::Next]);
        w.exported(differing(CWD));
        let effects = send(&mut w, &[answer]);
        assert_eq!(effects.export, None, "{answer:?}");
        assert_eq!(w.mode(), Mode::Normal);
        assert_eq!(w.notice().map(|n| n.kind), Some(NoticeKind::Info));
    }
}

#[test]
fn a_done_export_names_the_files_and_becomes_the_next_default_folder() {
    let mut w = at_summary();
    send(&mut w, &[Msg::Export]);
    type_text(&mut w, "/tmp/out");
    send(&mut w, &[Msg::Next]);
    let dir = PathBuf::from("/tmp/out");
    w.exported(ExportOutcome::Done {
        dir: dir.clone(),
        written: vec![dir.join(PLAN_FILE)],
        up_to_date: vec![dir.join(CALENDAR_FILE)],
    });
    let notice = w.notice().expect("a notice");
    assert_eq!(notice.kind, NoticeKind::Done);
    assert!(notice.text.contains(PLAN_FILE), "{}", notice.text);
    assert!(notice.text.contains("/tmp/out") && notice.text.contains("up to date"));
    assert_eq!(w.exports().last.as_deref(), Some(dir.as_path()));
    send(&mut w, &[Msg::Export]);
    assert_eq!(summary_of(&w).prompt().expect("asking").field.value(), "/tmp/out");
}

#[test]
fn a_folder_that_fails_asks_again_with_the_reason() {
    let mut w = at_summary();
    send(&mut w, &[Msg::Export]);
    type_text(&mut w, "/nowhere");
    send(&mut w, &[Msg::Next]);
    w.exported(ExportOutcome::Failed {
        dir: PathBuf::from("/nowhere"),
        written: Vec::new(),
        why: "/nowhere does not exist".to_string(),
    });
    assert_eq!(w.mode(), Mode::Edit, "the folder question again");
    let prompt = summary_of(&w).prompt().expect("asking");
    assert_eq!(prompt.field.value(), "/nowhere");
    assert_eq!(prompt.error.as_deref(), Some("/nowhere does not exist"));
    assert_eq!(w.exports().last, None);
    // Typing another folder clears the reason.
    type_text(&mut w, "/tmp");
    assert_eq!(summary_of(&w).prompt().expect("asking").error, None);
}

#[test]
fn a_failure_after_one_file_was_written_is_an_error_naming_it() {
    let mut w = at_summary();
    send(&mut w, &[Msg::Export, Msg::Next]);
    w.exported(ExportOutcome::Failed {
        dir: PathBuf::from(CWD),
        written: vec![PathBuf::from(CWD).join(PLAN_FILE)],
        why: "the disk is full".to_string(),
    });
    let notice = w.notice().expect("a notice");
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(notice.text.contains(PLAN_FILE) && notice.text.contains("disk is full"));
    assert_eq!(w.mode(), Mode::Normal);
}

#[test]
fn the_export_key_does_nothing_outside_the_summary() {
    let mut w = with_folders(several_and_deleting());
    let effects = send(&mut w, &[Msg::Export]);
    assert_eq!(effects.export, None);
    assert_eq!(w.mode(), Mode::Normal);
}

#[test]
fn a_kept_plan_has_no_steps_to_count_and_shows_its_next_charge() {
    use coursera_exit::domain::actions::{self, Choice};
    use coursera_exit::domain::deadlines::deadlines;
    use coursera_exit::domain::plan::PlanKind;
    let policy = Policy::embedded();
    let mut state = State::default();
    let id = support::wizard::add(
        &mut state,
        PlanKind::PlusMonthly,
        Channel::Web,
        "2026-01-31",
        Some("Plus"),
    );
    actions::decide(&mut state, &id, Choice::Keep, None, &policy, today()).expect("kept");
    let ov = overview(&state, &policy, today());
    let kept = &ov.choices[0];
    assert_eq!(kept.decision, Some(Decision::Keep));
    assert_eq!((kept.steps_done, kept.steps_total), (0, 0), "nothing to do");
    let charge = deadlines(&state, &policy.rules, today())
        .into_iter()
        .find(|r| r.kind == DeadlineKind::NextCharge && r.days_left >= 0)
        .expect("a monthly plan has a next charge");
    assert_eq!(kept.next_charge, Some(charge.date));
    // Any other decision keeps counting steps and names no charge.
    actions::decide(&mut state, &id, Choice::Cancel, None, &policy, today()).expect("cancelling");
    let cancelling = &overview(&state, &policy, today()).choices[0];
    assert!(cancelling.steps_total > 0);
    assert_eq!(cancelling.next_charge, None);
}
