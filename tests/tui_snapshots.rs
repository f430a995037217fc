//! What each screen looks like, at 80x24 (the design size) and 60x20 (the
//! smallest supported), with today fixed at 2026-03-01. Text only: every
//! meaning colour carries is also a symbol, so these show it.

mod support;

use coursera_exit::domain::actions::add_blank;
use coursera_exit::domain::plan::{AccountDecision, Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Msg, Wizard};
use support::screen::render;
use support::wizard::{add, open, repeat, send, today, type_text};

/// The same screen at both supported sizes.
fn snapshot(name: &str, wizard: &Wizard) {
    for (w, h) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(wizard, w, h).backend());
    }
}

/// One subscription per urgency (today 2026-03-01), one with nothing to
/// watch, and one still being identified; where the person lives is not
/// answered (counted as elsewhere), trials are 7 days.
fn every_urgency() -> State {
    let mut s = State::default();
    // Refund-by 02-10 + 7 − 1 = 02-16: missed.
    add(
        &mut s,
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-10",
        Some("Python course"),
    );
    // Last day 02-24 + 6 = 03-02; cancel-by 03-01: today.
    add(
        &mut s,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-24",
        Some("ML trial"),
    );
    // Last day 03-03; cancel-by 03-02: urgent.
    add(
        &mut s,
        PlanKind::FreeTrial,
        Channel::Ios,
        "2026-02-25",
        Some("Data science trial"),
    );
    // Next charge 03-08, access until 03-07; cancel-by 03-06: soon.
    add(
        &mut s,
        PlanKind::SpecializationMonthly,
        Channel::Web,
        "2026-01-08",
        None,
    );
    // Renewal 2026-06-15; cancel-by 2026-06-13: later.
    add(&mut s, PlanKind::PlusAnnual, Channel::Android, "2025-06-15", None);
    add(
        &mut s,
        PlanKind::Organization,
        Channel::Organization,
        "2025-09-01",
        None,
    );
    let blank = add_blank(&mut s, "New subscription").expect("an id");
    s.subscription_mut(&blank).expect("added").channel = Some(Channel::Android);
    s
}

#[test]
fn home_empty_invites_the_first_subscription() {
    snapshot("home_empty", &open(State::default()));
}

#[test]
fn home_lists_every_urgency_and_highlights_the_most_urgent() {
    snapshot("home_every_urgency", &open(every_urgency()));
}

#[test]
fn home_asks_before_removing() {
    let mut w = open(every_urgency());
    send(&mut w, &[Msg::Down, Msg::Remove]);
    snapshot("home_confirm_remove", &w);
}

fn new_subscription() -> Wizard {
    let mut w = open(State::default());
    send(&mut w, &[Msg::Add]);
    w
}

/// A new subscription after `keys`, `typed` into the open field, then `then`.
fn typed_in(keys: &[Msg], typed: &str, then: &[Msg]) -> Wizard {
    let mut w = new_subscription();
    send(&mut w, keys);
    type_text(&mut w, typed);
    send(&mut w, then);
    w
}

#[test]
fn identify_asks_where_it_was_bought() {
    snapshot("identify_channel", &new_subscription());
}

#[test]
fn identify_explains_where_to_look_when_not_sure() {
    let mut w = new_subscription();
    repeat(&mut w, Msg::Down, 4);
    send(&mut w, &[Msg::Next]);
    snapshot("identify_not_sure_channel", &w);
}

#[test]
fn identify_asks_what_is_paid() {
    let mut w = new_subscription();
    send(&mut w, &[Msg::Next, Msg::Down, Msg::Down]);
    snapshot("identify_plan", &w);
}

/// At 60x20 the meaning of the highlighted plan had a pane of two lines and
/// showed nothing, with no sign of more: now a line and a mark, and PgDn
/// brings the rest a pane at a time.
#[test]
fn identify_at_60x20_pages_through_the_meaning_of_the_highlighted_plan() {
    use support::screen::lines;
    let mut w = new_subscription();
    send(&mut w, &[Msg::Next, Msg::Down, Msg::Down]);
    let first = lines(&w, 60, 20).join("\n");
    assert!(first.contains("Charged once a month"), "{first}");
    assert!(first.contains("↓ 6 more (PgDn)"), "{first}");
    send(&mut w, &[Msg::PageDown]);
    let second = lines(&w, 60, 20).join("\n");
    assert!(!second.contains("Charged once a month"), "{second}");
    assert!(second.contains("↑ 2 · ↓ 4 more (PgUp/PgDn)"), "{second}");
    repeat(&mut w, Msg::PageDown, 5);
    let last = lines(&w, 60, 20).join("\n");
    assert!(last.contains("↑ 6 more (PgUp)"), "{last}");
    assert!(last.contains("Source"), "the source is reached: {last}");
}

#[test]
fn identify_asks_the_key_date_in_the_plans_words() {
    let mut w = new_subscription();
    send(&mut w, &[Msg::Next, Msg::Down, Msg::Next]);
    snapshot("identify_date", &w);
}

#[test]
fn identify_asks_how_long_the_trial_is() {
    let mut w = new_subscription();
    send(&mut w, &[Msg::Next, Msg::Next]);
    snapshot("identify_trial_length", &w);
}

/// The screens reached by typing into a field: a refused trial length, the
/// region question, a refused date, the certificate question.
#[test]
fn identify_after_typing_an_answer() {
    let cases: [(&str, &[Msg], &str, &[Msg]); 4] = [
        // Website, free trial, "another number of days": 45 is refused.
        (
            "identify_trial_length_error",
            &[Msg::Next, Msg::Next, Msg::Down, Msg::Down, Msg::Next],
            "45",
            &[Msg::Next],
        ),
        // Website, Coursera Plus (monthly), bought 02-20, no certificate;
        // "Not sure" highlighted on where the person lives.
        (
            "identify_region",
            &[Msg::Next, Msg::Down, Msg::Down, Msg::Next],
            "2026-02-20",
            &[Msg::Next, Msg::Next, Msg::Down, Msg::Down],
        ),
        // Website, free trial of 7 days: February 30th is refused.
        (
            "identify_date_error",
            &[Msg::Next, Msg::Next, Msg::Next],
            "2026-02-30",
            &[Msg::Next],
        ),
        // Website, Coursera Plus (yearly); the offered date is no answer: it is typed.
        (
            "identify_certificate",
            &[Msg::Next, Msg::Down, Msg::Down, Msg::Down, Msg::Next],
            "2026-03-01",
            &[Msg::Next],
        ),
    ];
    for (name, keys, typed, then) in cases {
        snapshot(name, &typed_in(keys, typed, then));
    }
}

#[test]
fn identify_shows_no_date_is_chosen_after_the_editor_is_cancelled() {
    // Opened with `e` (an untouched editor opened on arrival goes back a
    // question instead), then cancelled: the question stays, unanswered.
    let mut w = new_subscription();
    send(
        &mut w,
        &[
            Msg::Next,
            Msg::Down,
            Msg::Next,
            Msg::Back,
            Msg::EditDate,
            Msg::Back,
        ],
    );
    snapshot("identify_date_not_chosen", &w);
}

#[test]
fn the_certificate_hint_follows_the_plan() {
    // Down 1: Specialization (monthly), whose certificate also ends the subscription.
    let mut w = new_subscription();
    send(&mut w, &[Msg::Next, Msg::Down, Msg::Next]);
    type_text(&mut w, "2026-02-20");
    send(&mut w, &[Msg::Next]);
    let screen = render(&w, 80, 24).backend().to_string();
    assert!(screen.contains("ends the subscription by"), "{screen}");
    assert!(screen.contains("closes the refund"), "{screen}");
    assert!(!screen.contains("withdrawal"), "elsewhere: {screen}");
}

fn deleting_the_account(state: &mut State) {
    state.accounts[0].decision = Some(AccountDecision::Delete);
    state.accounts[0].requested_on = Some(today());
}

#[test]
fn home_shows_the_account_being_deleted_with_nothing_else_tracked() {
    let mut state = State::default();
    deleting_the_account(&mut state);
    snapshot("home_account_only", &open(state));
}

#[test]
fn home_shows_the_account_line_beside_subscriptions() {
    let mut state = every_urgency();
    deleting_the_account(&mut state);
    snapshot("home_every_urgency_account", &open(state));
}

#[test]
fn an_incomplete_subscription_says_what_is_missing_without_cutting_a_word() {
    let mut state = State::default();
    let blank = add_blank(&mut state, "New subscription").expect("an id");
    state.subscription_mut(&blank).expect("added").channel = Some(Channel::Android);
    let wide = render(&open(state.clone()), 80, 24).backend().to_string();
    assert!(
        wide.contains("? incomplete: plan, date, certificate to answer"),
        "named where they fit: {wide}"
    );
    let narrow = render(&open(state), 60, 20).backend().to_string();
    assert!(narrow.contains("? incomplete: 3 answers missing"), "{narrow}");
}

#[test]
fn help_lists_every_key() {
    let mut w = open(every_urgency());
    send(&mut w, &[Msg::Help]);
    snapshot("help_home", &w);
}

#[test]
fn a_terminal_below_60x20_says_what_it_needs() {
    let w = open(every_urgency());
    insta::assert_snapshot!("too_small_59x20", render(&w, 59, 20).backend());
    insta::assert_snapshot!("too_small_80x19", render(&w, 80, 19).backend());
}

/// Home draws only the rows in sight; moving past the bottom scrolls the
/// window by one row at a time and says how many are above and below.
#[test]
fn home_scrolls_a_long_list_to_keep_the_selection_in_sight() {
    let mut s = State::default();
    // Bought 02-26: refund-by 02-26 + 7 − 1 = 03-04, in 3 days.
    for i in 0..12 {
        let label = format!("Course {i:02}");
        add(
            &mut s,
            PlanKind::CoursePurchase,
            Channel::Web,
            "2026-02-26",
            Some(&label),
        );
    }
    let mut wizard = open(s);
    repeat(&mut wizard, Msg::Down, 9);
    for (w, h) in [(80, 24), (60, 20)] {
        let screen = format!("{:?}", render(&wizard, w, h).backend());
        assert!(
            screen.contains("> Course 09"),
            "the selection is in sight at {w}x{h}:\n{screen}"
        );
        assert!(
            !screen.contains("Course 10"),
            "the window ends at the selection:\n{screen}"
        );
        assert!(
            screen.contains("more"),
            "the rows out of sight are counted:\n{screen}"
        );
    }
    snapshot("home_scrolled", &wizard);
}

/// Review of issue 13: the panes' titles ("Steps", the page's) were drawn in
/// the border's grey, under 4.5:1 on white. They are text: each palette
/// draws them in its own title colour (measured in `tui::theme`'s tests),
/// while the border keeps its lighter grey.
#[test]
fn pane_titles_are_drawn_in_a_text_colour_not_the_border_grey() {
    use coursera_exit::tui::theme::{DARK, LIGHT, Shade, Theme};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let w = open(every_urgency());
    for (shade, palette) in [(Shade::Light, LIGHT), (Shade::Dark, DARK)] {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        terminal
            .draw(|frame| coursera_exit::tui::draw(frame, &w, &Theme::shaded(shade)))
            .expect("drawn");
        let buffer = terminal.backend().buffer();
        let row: String = (0..80).map(|x| buffer[(x, 1)].symbol()).collect();
        for title in ["Steps", "Your Coursera subscriptions"] {
            let x = row.find(title).expect("the title is on the top border");
            let x = row[..x].chars().count() as u16;
            assert_eq!(
                buffer[(x, 1)].fg,
                Color::Indexed(palette.pane_title),
                "{shade:?}: {title}"
            );
        }
        assert_eq!(
            buffer[(0, 1)].fg,
            Color::Indexed(palette.border),
            "{shade:?}: the corner"
        );
    }
}

/// Review of issue 13: at 60x20, under a notice, a long label took the
/// sidebar's last rows and its last word and the id fell off unseen. The
/// label gives way, cut with "…"; the id stays.
#[test]
fn a_long_label_in_the_sidebar_is_cut_with_an_ellipsis_and_keeps_its_id() {
    use coursera_exit::domain::journey::Screen;
    use support::screen::lines;
    use support::wizard::resume_at;
    let mut state = State::default();
    add(
        &mut state,
        PlanKind::FreeTrial,
        Channel::Web,
        "2026-02-27",
        Some("Google Data Analytics Professional Certificate Specialization"),
    );
    resume_at(&mut state, Screen::Decide, Some("s1"));
    let mut w = open(state);
    // Cancel it: Steps, with the two-line notice of the decision.
    send(&mut w, &[Msg::Next]);
    snapshot("sidebar_long_label_under_a_notice", &w);
    let screen = lines(&w, 60, 20);
    let sidebar: Vec<String> = screen.iter().map(|l| l.chars().take(15).collect()).collect();
    assert!(
        screen[17].contains("Decision: cancel"),
        "a notice shows: {screen:#?}"
    );
    assert!(sidebar.iter().any(|l| l == "│s1           │"), "{sidebar:#?}");
    let label_end = sidebar.iter().position(|l| l.starts_with("│s1")).expect("the id") - 1;
    assert!(
        sidebar[label_end].trim_end_matches(['│', ' ']).ends_with('…'),
        "{sidebar:#?}"
    );
}

/// Review of issue 13: at 60x20 the region question's second paragraph
/// and its source fell off the pane with no sign. The pane says how much
/// more there is and PgDn brings it into sight, as every detail pane.
#[test]
fn the_region_question_scrolls_what_does_not_fit() {
    use support::screen::lines;
    let mut w = typed_in(
        &[Msg::Next, Msg::Down, Msg::Down, Msg::Next],
        "2026-02-20",
        &[Msg::Next, Msg::Next],
    );
    let pane = |w: &Wizard| lines(w, 60, 20).join("\n");
    let top = pane(&w);
    assert!(top.contains("Do you live in the EU or the UK?"), "{top}");
    assert!(top.contains("more (PgDn)"), "{top}");
    assert!(!top.contains("Source (as of"), "{top}");
    repeat(&mut w, Msg::PageDown, 3);
    snapshot("identify_region_scrolled", &w);
    let end = pane(&w);
    assert!(end.contains("Source (as of"), "{end}");
    assert!(end.contains("more (PgUp)"), "{end}");
    // Another answer's meaning starts from the top.
    send(&mut w, &[Msg::Down]);
    assert!(!pane(&w).contains("Source (as of"));
}

/// A newcomer at 60x20: Home's "c Continue: finish identifying …" lost the
/// end of a long name with no sign. It wraps under itself instead.
#[test]
fn home_keeps_the_whole_continue_line_at_the_minimum_size() {
    let long = "Google Data Analytics Professional Certificate Specialization";
    let mut state = State::default();
    add_blank(&mut state, long).expect("an id");
    support::wizard::resume_at(
        &mut state,
        coursera_exit::domain::journey::Screen::Identify,
        Some("s1"),
    );
    let mut w = open(state);
    send(&mut w, &[Msg::Home]);
    let words = support::screen::lines(&w, 60, 20)
        .iter()
        .filter_map(|l| {
            l.split_once("││")
                .map(|(_, pane)| pane.trim_end_matches('│').trim().to_string())
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains(&format!("c Continue: finish identifying {long}")),
        "{words}"
    );
}
