//! A line at the plain prompt, read as what it asks for: pure, by mode and page.

mod support;

use coursera_exit::plain::{Request, parse};
use coursera_exit::wizard::{Mode, Msg, TextKey};
use support::summary::several_and_deleting;
use support::wizard::open;

fn home() -> coursera_exit::wizard::view::PageView {
    open(several_and_deleting()).view().clone()
}

fn typed(text: &str) -> Vec<Msg> {
    text.chars().map(|c| Msg::Text(TextKey::Insert(c))).collect()
}

#[test]
fn a_number_on_a_list_to_choose_from_highlights_and_chooses_it() {
    let view = home();
    assert!(view.items.len() >= 2);
    assert_eq!(
        parse("2", Mode::Normal, &view),
        Ok(Request::At(2, vec![Msg::Next]))
    );
    assert_eq!(
        parse("  2  ", Mode::Normal, &view),
        Ok(Request::At(2, vec![Msg::Next]))
    );
}

#[test]
fn a_number_past_the_list_is_refused_with_the_range() {
    let view = home();
    let n = view.items.len();
    let why = parse(&(n + 1).to_string(), Mode::Normal, &view).unwrap_err();
    assert_eq!(why, format!("There is no such line here: type 1 to {n}."));
    assert!(parse("0", Mode::Normal, &view).is_err());
    assert!(parse("99999999999999999999999", Mode::Normal, &view).is_err());
}

#[test]
fn enter_alone_never_answers_a_question_nobody_answered() {
    let why = parse("", Mode::Normal, &home()).unwrap_err();
    assert!(
        why.starts_with("Enter alone does not answer this: type a number from 1 to"),
        "{why}"
    );
    let mut answered = home();
    answered.items[1] = coursera_exit::wizard::view::Item::answer(answered.items[1].text.clone(), true);
    assert_eq!(
        parse("", Mode::Normal, &answered),
        Ok(Request::Send(vec![Msg::Next])),
        "keeps the answer"
    );
    let mut list = home();
    list.pick = coursera_exit::wizard::view::Pick::Highlight;
    assert_eq!(
        parse("", Mode::Normal, &list),
        Ok(Request::Send(vec![Msg::Next])),
        "a list to read"
    );
}

#[test]
fn about_n_highlights_without_choosing() {
    assert_eq!(parse("about 2", Mode::Normal, &home()), Ok(Request::About(2)));
    assert_eq!(parse("About 1", Mode::Normal, &home()), Ok(Request::About(1)));
    assert!(parse("about", Mode::Normal, &home()).is_err());
}

#[test]
fn words_and_letters_of_the_key_table_name_the_same_message() {
    let view = home();
    for (line, msg) in [
        ("deadlines", Msg::Deadlines),
        ("t", Msg::Deadlines),
        ("Summary", Msg::Summary),
        ("D", Msg::Account),
        ("account", Msg::Account),
        ("back", Msg::Back),
        ("quit", Msg::Quit),
        ("q", Msg::Quit),
        ("add", Msg::Add),
    ] {
        assert_eq!(
            parse(line, Mode::Normal, &view),
            Ok(Request::Send(vec![msg])),
            "{line}"
        );
    }
    for help in ["help", "Help", "HELP", "?"] {
        assert_eq!(
            parse(help, Mode::Normal, &view),
            Ok(Request::Help),
            "never the screen's key overlay"
        );
    }
    assert_eq!(parse("Show", Mode::Normal, &view), Ok(Request::Show));
}

#[test]
fn a_word_with_a_line_number_acts_on_that_line() {
    let view = home();
    assert_eq!(
        parse("tick 2", Mode::Normal, &view),
        Ok(Request::At(2, vec![Msg::Toggle]))
    );
    assert_eq!(
        parse("remove 1", Mode::Normal, &view),
        Ok(Request::At(1, vec![Msg::Remove]))
    );
    assert_eq!(
        parse("note 2 call on Monday", Mode::Normal, &view),
        Ok(Request::Fill {
            at: Some(2),
            open: Msg::EditNote,
            text: "call on Monday".to_string()
        })
    );
    assert_eq!(
        parse("date 2026-02-20", Mode::Normal, &view),
        Ok(Request::Fill {
            at: None,
            open: Msg::EditDate,
            text: "2026-02-20".to_string()
        })
    );
}

#[test]
fn anything_else_is_not_understood_and_says_so_in_one_line() {
    let why = parse("frobnicate now", Mode::Normal, &home()).unwrap_err();
    assert!(why.starts_with("Not understood: \"frobnicate now\"."), "{why}");
    assert!(!why.contains('\n'));
    assert!(parse("tick 2 extra", Mode::Normal, &home()).is_err());
}

#[test]
fn in_a_field_the_line_is_the_value_words_included() {
    let view = home();
    let mut quit = vec![Msg::Text(TextKey::Clear)];
    quit.extend(typed("quit smoking"));
    quit.push(Msg::Next);
    assert_eq!(parse("quit smoking", Mode::Edit, &view), Ok(Request::Send(quit)));
    assert_eq!(parse("", Mode::Edit, &view), Ok(Request::Send(vec![Msg::Next])));
    assert_eq!(
        parse("back", Mode::Edit, &view),
        Ok(Request::Send(vec![Msg::Back]))
    );
    assert_eq!(
        parse("quit", Mode::Edit, &view),
        Ok(Request::Send(vec![Msg::Back, Msg::Quit]))
    );
    assert_eq!(
        parse("clear", Mode::Edit, &view),
        Ok(Request::Send(vec![Msg::Text(TextKey::Clear), Msg::Next]))
    );
}

#[test]
fn a_pasted_tab_or_control_character_in_a_value_becomes_text_not_a_key() {
    let Ok(Request::Send(msgs)) = parse("a\tb\u{1b}[2J", Mode::Edit, &home()) else {
        panic!("a value")
    };
    assert!(
        msgs.iter()
            .all(|m| !matches!(m, Msg::Text(TextKey::Insert(c)) if c.is_control())),
        "{msgs:?}"
    );
}

#[test]
fn a_question_takes_yes_or_no_and_nothing_else() {
    let view = home();
    assert_eq!(
        parse("yes", Mode::Confirm, &view),
        Ok(Request::Send(vec![Msg::Yes]))
    );
    assert_eq!(
        parse("Y", Mode::Confirm, &view),
        Ok(Request::Send(vec![Msg::Yes]))
    );
    assert_eq!(
        parse("no", Mode::Confirm, &view),
        Ok(Request::Send(vec![Msg::No]))
    );
    assert_eq!(
        parse("maybe", Mode::Confirm, &view),
        Err("Type yes or no.".to_string())
    );
    assert_eq!(
        parse("1", Mode::Confirm, &view),
        Err("Type yes or no.".to_string())
    );
}
