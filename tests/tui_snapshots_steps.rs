//! Steps at 80x24 and 60x20 (today 2026-03-01): each channel's steps with
//! some ticked, a refund step, the date edit refusing a date, the frozen
//! dates after "I have cancelled", a pause, a plan kept and the account kept.

mod support;

use coursera_exit::domain::actions;
use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::policy::Policy;
use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Msg, Wizard};
use support::screen::{lines, render};
use support::wizard::{add, open, repeat, resume_at, send, tick, today, type_text};

fn snapshot(name: &str, wizard: &Wizard) {
    for (w, h) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(wizard, w, h).backend());
    }
}

/// A state with one subscription decided with `choice`, items `ticked`.
fn decided(
    plan: PlanKind,
    channel: Channel,
    started: &str,
    choice: actions::Choice,
    ticked: &[&str],
) -> State {
    let policy = Policy::embedded();
    let mut state = State::default();
    add(&mut state, plan, channel, started, None);
    actions::decide(&mut state, "s1", choice, None, &policy, today()).expect("decided");
    for item in ticked {
        tick(&mut state, item, Some("s1"), "2026-02-28");
    }
    resume_at(&mut state, Screen::Steps, Some("s1"));
    state
}

#[test]
fn web_steps_with_the_first_two_ticked_and_a_note() {
    let mut state = decided(
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-27",
        actions::Choice::Cancel,
        &["web-sign-in", "web-profile-menu"],
    );
    actions::set_note(
        &mut state,
        "web-profile-menu",
        Some("s1"),
        None,
        "it was under the avatar",
        &Policy::embedded(),
    )
    .expect("a note");
    snapshot("steps_web_some_ticked", &open(state));
}

#[test]
fn ios_steps_warn_that_the_app_store_renews() {
    let state = decided(
        PlanKind::PlusAnnual,
        Channel::Ios,
        "2025-06-15",
        actions::Choice::Cancel,
        &["ios-settings"],
    );
    snapshot("steps_ios", &open(state));
}

/// Google Play refunds its own payments (SPEC §2): said with the warnings
/// above the steps; the list ends with Finish and the guide it follows.
#[test]
fn android_steps_say_google_refunds_and_end_with_finish() {
    let mut w = open(decided(
        PlanKind::PlusMonthly,
        Channel::Android,
        "2026-02-20",
        actions::Choice::Cancel,
        &["android-play-store", "android-payments"],
    ));
    repeat(&mut w, Msg::Up, 10);
    let top = lines(&w, 80, 24).join(" ");
    let top = top.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(top.contains("refunded only by Google"), "{top}");
    assert!(top.contains("Coursera cannot refund them"), "{top}");
    repeat(&mut w, Msg::Down, 10);
    let end = lines(&w, 80, 24).join("\n");
    assert!(end.contains("> Finish"), "{end}");
    snapshot("steps_android_end", &w);
}

#[test]
fn organization_steps_ask_the_administrator() {
    let state = decided(
        PlanKind::Organization,
        Channel::Organization,
        "2025-09-01",
        actions::Choice::Cancel,
        &[],
    );
    snapshot("steps_organization", &open(state));
}

#[test]
fn a_refund_step_follows_the_cancel_while_the_window_is_open() {
    let steps: Vec<&str> = vec![
        "web-sign-in",
        "web-profile-menu",
        "web-my-purchases",
        "web-subscriptions",
        "web-manage",
        "web-cancel",
        "web-confirm",
        "cancelled",
    ];
    // A Specialization's first payment (02-25): refund by 02-25 + 7 − 1 = 03-03.
    // Plus monthly would have none: its payments are never refunded.
    let state = decided(
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-02-25",
        actions::Choice::Cancel,
        &steps,
    );
    snapshot("steps_refund", &open(state));
}

#[test]
fn the_date_edit_says_why_a_date_is_refused() {
    let mut w = open(decided(
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-27",
        actions::Choice::Cancel,
        &[],
    ));
    repeat(&mut w, Msg::Down, 7);
    send(&mut w, &[Msg::EditDate]);
    type_text(&mut w, "2026-03-04");
    send(&mut w, &[Msg::Next]);
    snapshot("steps_date_error", &w);
}

/// Pasted past the 2,000 characters a note holds: the rest is not added,
/// and the reason stands under the field.
#[test]
fn a_note_pasted_past_its_limit_says_under_the_field_what_was_not_added() {
    let mut w = open(decided(
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-27",
        actions::Choice::Cancel,
        &[],
    ));
    send(&mut w, &[Msg::EditNote]);
    type_text(&mut w, &"ticket 4411 ".repeat(200));
    snapshot("steps_note_too_long", &w);
}

#[test]
fn after_i_have_cancelled_the_frozen_dates_show() {
    let state = decided(
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-27",
        actions::Choice::Cancel,
        &["web-sign-in", "web-confirm", "cancelled"],
    );
    snapshot("steps_cancelled", &open(state));
}

#[test]
fn a_pause_shows_how_and_when_billing_resumes() {
    let state = decided(
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-01-31",
        actions::Choice::Pause { months: 2 },
        &[],
    );
    snapshot("steps_pause", &open(state));
}

#[test]
fn a_pause_with_no_day_recorded_shows_the_line_the_cursor_is_on() {
    let mut state = decided(
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-01-31",
        actions::Choice::Pause { months: 2 },
        &[],
    );
    // A hand edit (or an older file) can leave the decision without its day.
    state.subscriptions[0].pause = None;
    let w = open(state);
    let screen = support::screen::render(&w, 80, 24).backend().to_string();
    assert!(
        screen.contains(&format!("> {}", coursera_exit::wizard::text::PAUSE_DATE_HINT)),
        "the highlighted line is drawn: {screen}"
    );
    snapshot("steps_pause_no_day", &w);
}

#[test]
fn a_kept_plan_has_nothing_to_tick() {
    let state = decided(
        PlanKind::PlusAnnual,
        Channel::Web,
        "2025-06-15",
        actions::Choice::Keep,
        &[],
    );
    snapshot("steps_keep", &open(state));
}

#[test]
fn the_account_kept_has_its_footprint_steps() {
    let mut w = open(State::default());
    send(
        &mut w,
        &[
            Msg::Account,
            Msg::Down,
            Msg::Next,
            Msg::Toggle,
            Msg::Next,
            Msg::EditNote,
        ],
    );
    type_text(&mut w, "weekly digest only");
    snapshot("steps_account_keep_note", &w);
}

#[test]
fn a_course_bought_once_has_only_its_refund_steps() {
    let state = decided(
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-25",
        actions::Choice::Cancel,
        &["refund-help-center"],
    );
    snapshot("steps_course_refund", &open(state));
}

/// The row that counts the steps out of sight ("↑ 2 more · ↓ 14 more"), not
/// a sentence that happens to say "any more".
fn is_indicator(row: &str) -> bool {
    row.contains(" more") && (row.contains("↑ ") || row.contains("↓ "))
}

#[test]
fn every_line_of_the_steps_can_be_scrolled_into_sight_without_blank_rows() {
    let state = decided(
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-02-01",
        actions::Choice::Cancel,
        &[],
    );
    let mut w = open(state);
    for (width, height) in [(80, 24), (60, 20)] {
        for _ in 0..30 {
            let screen = lines(&w, width, height);
            // The pane's last row inside its border: the scroll indicator,
            // when there is one, sits there with the list filling the rows above.
            let bottom = &screen[usize::from(height) - 3];
            if let Some(row) = screen.iter().position(|r| is_indicator(r)) {
                assert_eq!(
                    &screen[row],
                    bottom,
                    "blank rows above the indicator:\n{}",
                    screen.join("\n")
                );
            }
            send(&mut w, &[Msg::Down]);
        }
        let screen = lines(&w, width, height);
        let shown = screen.join("\n");
        assert!(shown.contains("> Finish"), "the last step is in sight:\n{shown}");
        let indicator = screen.iter().find(|r| is_indicator(r)).expect("the list scrolls");
        assert!(
            !indicator.contains("↓"),
            "nothing is left below the last step:\n{shown}"
        );
        repeat(&mut w, Msg::Up, 30);
    }
}

#[test]
fn a_long_notice_wraps_instead_of_being_cut() {
    let state = decided(
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-02-20",
        actions::Choice::Cancel,
        &["cancelled"],
    );
    let mut w = open(state);
    repeat(&mut w, Msg::PageDown, 1);
    send(&mut w, &[Msg::Next]);
    let notice = w.notice().expect("a notice on finishing").text.clone();
    for (width, height) in [(80, 24), (60, 20)] {
        assert!(notice.chars().count() > usize::from(width) - 2, "{notice}");
        let screen = lines(&w, width, height);
        let footer = screen.len() - 1;
        let border = screen
            .iter()
            .position(|r| r.starts_with('└'))
            .expect("the panes' border");
        let shown: Vec<&str> = screen[border + 1..footer]
            .iter()
            .flat_map(|r| r.split_whitespace())
            .collect();
        let words: Vec<&str> = notice.split_whitespace().collect();
        assert_eq!(
            shown,
            words,
            "the notice, whole, above the footer:\n{}",
            screen.join("\n")
        );
    }
}

/// A yearly plan cancelled (not "cancel and ask for a refund") in its first
/// week: the last day to cancel is a year away, the refund's a few days; a
/// newcomer saw only the first at the head of the page.
#[test]
fn a_refund_open_before_the_last_day_to_cancel_is_said_under_it() {
    let state = decided(
        PlanKind::PlusAnnual,
        Channel::Web,
        "2026-02-27",
        actions::Choice::Cancel,
        &[],
    );
    let w = open(state);
    snapshot("steps_cancel_with_refund_sooner", &w);
    let screen = lines(&w, 80, 24).join("\n");
    let cancel_at = screen.find("Cancel by").expect("cancel-by heads the page");
    let refund_at = screen
        .find("Refund by Thu 2026-03-12")
        .expect("the refund's day under it");
    assert!(cancel_at < refund_at, "{screen}");
    assert!(
        screen.contains("Money back is still possible: its steps"),
        "{screen}"
    );
}

/// At 60x20 the warnings above the first step (uninstalling is not
/// cancelling) sat above the list's window, and no key reached them: ↑ on
/// the first step now shows the page from its top, ↓ goes on as before.
#[test]
fn up_on_the_first_step_shows_the_warnings_above_it() {
    let state = decided(
        PlanKind::PlusMonthly,
        Channel::Ios,
        "2026-02-20",
        actions::Choice::Cancel,
        &[],
    );
    let mut w = open(state);
    let opened = lines(&w, 60, 20).join("\n");
    assert!(
        opened.contains("↑"),
        "the top is out of sight at first:\n{opened}"
    );
    send(&mut w, &[Msg::Up]);
    let top = lines(&w, 60, 20).join("\n");
    assert!(!top.contains("↑ "), "{top}");
    assert!(top.contains("! Removing the Coursera app"), "{top}");
    snapshot("steps_ios_from_the_top", &w);
    send(&mut w, &[Msg::Down]);
    assert!(
        lines(&w, 60, 20).join("\n").contains("↑"),
        "back to following the highlight"
    );
}
