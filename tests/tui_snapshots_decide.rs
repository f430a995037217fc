//! Decide at 80x24 and 60x20 (today 2026-03-01): every choice of a monthly
//! Specialization highlighted in turn, the other plans' lists, the trial that
//! became a paid plan, and the account.

mod support;

use coursera_exit::domain::journey::Screen;
use coursera_exit::domain::plan::{Channel, PlanKind};
use coursera_exit::domain::state::State;
use coursera_exit::wizard::{Msg, Wizard};
use support::screen::render;
use support::wizard::{add, open, repeat, resume_at, send};

fn snapshot(name: &str, wizard: &Wizard) {
    for (w, h) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(wizard, w, h).backend());
    }
}

/// Decide for one subscription, the `down`-th choice highlighted.
fn deciding(plan: PlanKind, channel: Channel, started: &str, label: Option<&str>, down: usize) -> Wizard {
    let mut state = State::default();
    add(&mut state, plan, channel, started, label);
    resume_at(&mut state, Screen::Decide, Some("s1"));
    let mut w = open(state);
    repeat(&mut w, Msg::Down, down);
    w
}

#[test]
fn a_monthly_specialization_shows_what_each_choice_means() {
    let names = ["pause_1", "pause_2", "pause_3", "cancel", "keep"];
    for (down, name) in names.iter().enumerate() {
        let w = deciding(
            PlanKind::SpecializationMonthly,
            Channel::Web,
            "2026-01-31",
            Some("Data Science"),
            down,
        );
        snapshot(&format!("decide_monthly_{name}"), &w);
    }
}

#[test]
fn a_trial_shows_its_last_day_beside_cancel() {
    let w = deciding(PlanKind::FreeTrial, Channel::Web, "2026-02-27", None, 0);
    snapshot("decide_trial_cancel", &w);
}

/// Plus monthly is never refunded (outside the EU and the UK): cancel comes
/// first, with its dates and no refund window.
#[test]
fn plus_monthly_offers_cancel_with_no_refund_window() {
    let w = deciding(PlanKind::PlusMonthly, Channel::Web, "2026-02-20", None, 0);
    let screen = render(&w, 80, 24).backend().to_string();
    assert!(screen.contains("> ( ) Cancel it"), "{screen}");
    assert!(!screen.contains("Refund by"), "{screen}");
    assert!(!screen.contains("ask for a refund"), "{screen}");
    snapshot("decide_plus_monthly_cancel", &w);
}

#[test]
fn a_course_bought_once_offers_a_refund_while_the_window_is_open() {
    let w = deciding(
        PlanKind::CoursePurchase,
        Channel::Web,
        "2026-02-25",
        Some("Python course"),
        0,
    );
    snapshot("decide_course_refund", &w);
}

#[test]
fn an_organization_plan_is_ended_by_the_administrator() {
    let w = deciding(
        PlanKind::Organization,
        Channel::Organization,
        "2025-09-01",
        None,
        0,
    );
    snapshot("decide_organization_cancel", &w);
}

#[test]
fn a_trial_past_its_first_charge_asks_which_plan_it_became() {
    let w = deciding(PlanKind::FreeTrial, Channel::Web, "2026-02-01", None, 1);
    snapshot("decide_trial_became_paid", &w);
}

#[test]
fn the_account_delete_or_keep() {
    let mut state = State::default();
    add(&mut state, PlanKind::FreeTrial, Channel::Web, "2026-02-27", None);
    let mut w = open(state);
    send(&mut w, &[Msg::Account]);
    snapshot("decide_account_delete", &w);
    send(&mut w, &[Msg::Down]);
    snapshot("decide_account_keep", &w);
}

#[test]
fn page_down_scrolls_a_long_consequence() {
    let mut w = deciding(PlanKind::FreeTrial, Channel::Web, "2026-02-27", None, 0);
    send(&mut w, &[Msg::PageDown]);
    insta::assert_snapshot!("decide_trial_cancel_scrolled_60x20", render(&w, 60, 20).backend());
}

#[test]
fn page_up_after_paging_past_the_end_scrolls_back_at_once() {
    use coursera_exit::tui::screen;
    use coursera_exit::tui::theme::Theme;
    use ratatui::{Terminal, backend::TestBackend};

    let mut w = deciding(PlanKind::FreeTrial, Channel::Web, "2026-02-27", None, 0);
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).expect("a test terminal");
    // As the app loop does: draw, then keep the scroll within what was drawn.
    let mut press = |w: &mut Wizard, msg: Msg| {
        send(w, &[msg]);
        let mut limit = None;
        terminal
            .draw(|frame| limit = screen::draw(frame, w, &Theme::plain()))
            .expect("drawn");
        if let Some(limit) = limit {
            w.limit_scroll(limit);
        }
        terminal.backend().to_string()
    };
    let mut at_end = String::new();
    for _ in 0..20 {
        at_end = press(&mut w, Msg::PageDown);
    }
    assert!(at_end.contains("more (PgUp)"), "paged to the end: {at_end}");
    let back = press(&mut w, Msg::PageUp);
    assert_ne!(back, at_end, "one PgUp scrolls back");
}
