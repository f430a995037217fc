//! The limits of SPEC §5 on text a person types: a label is 1 to 80
//! characters, a note at most 2,000, and neither holds a control character.
//! One definition, used on input (command line, wizard) and when a file is read.

//! `build.rs` includes this file to check the policy's plan names (each is a
//! default label), so it stands alone.

/// The longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 80;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// How many characters a kind of text may hold, and its name in a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: usize,
    /// "a note", as a reason begins.
    pub what: &'static str,
}

impl Limit {
    /// "a note is at most 2000 characters".
    pub fn rule(&self) -> String {
        format!("{} is at most {} characters", self.what, self.max)
    }
}

/// A label: 1 to [`MAX_LABEL_CHARS`] characters.
pub const LABEL_LIMIT: Limit = Limit {
    max: MAX_LABEL_CHARS,
    what: "a label",
};
/// A note: at most [`MAX_NOTE_CHARS`] characters.
pub const NOTE_LIMIT: Limit = Limit {
    max: MAX_NOTE_CHARS,
    what: "a note",
};

/// Characters that reorder how the text around them is drawn (the Unicode
/// bidirectional embeddings, overrides, isolates and marks): a label holding
/// one can make a terminal show other text than the bytes say.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The Unicode line and paragraph separators: not control characters, yet
/// some terminals and editors break a line at them, so a label holding one
/// could draw as two lines.
pub fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Not a control character, yet it changes how the text around it is laid
/// out (a bidi control reorders it, a line separator may break it): shown
/// as its escape wherever a label or note is shown as text.
pub fn moves_text(c: char) -> bool {
    is_bidi_control(c) || is_line_separator(c)
}

/// Text as a terminal may be given it: control, bidirectional and line
/// separator characters are written as escapes (`\u{202e}`, `\t`), line
/// breaks kept.
pub fn escaped_for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || moves_text(c);
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Why a label cannot be kept, or Ok.
pub fn label(text: &str) -> Result<(), String> {
    // Only spaces, or only marks that take no column (a zero-width space, a
    // direction mark): nothing a person could see or tell apart.
    let visible = |c: char| {
        !c.is_whitespace() && !blank_looking(c) && unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 0
    };
    if !text.chars().any(visible) {
        return Err("a label needs at least one visible character".to_string());
    }
    let count = text.chars().count();
    if count > LABEL_LIMIT.max {
        return Err(format!("{} (this one has {count})", LABEL_LIMIT.rule()));
    }
    no_control(text, "a label")
}

/// Characters that take a column yet draw nothing: the Hangul fillers, the
/// Braille blank, the interlinear annotation marks.
fn blank_looking(c: char) -> bool {
    matches!(
        c,
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}' | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Why a note cannot be kept, or Ok.
pub fn note(text: &str) -> Result<(), String> {
    let count = text.chars().count();
    if count > NOTE_LIMIT.max {
        return Err(format!("{} (this one has {count})", NOTE_LIMIT.rule()));
    }
    no_control(text, "a note")
}

fn no_control(text: &str, what: &str) -> Result<(), String> {
    match text.chars().find(|c| c.is_control() || is_line_separator(*c)) {
        Some(c) => Err(format!(
            "{what} cannot hold control characters or line separators (found U+{:04X})",
            u32::from(c)
        )),
        None => Ok(()),
    }
}

/// Pasted or typed text made fit for one line: line breaks and tabs become
/// spaces, other control characters are dropped.
pub fn one_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_one_to_eighty_characters_without_control_characters() {
        assert!(label("Plus").is_ok());
        assert!(label(&"é".repeat(80)).is_ok(), "characters, not bytes");
        assert!(label(&"a".repeat(81)).unwrap_err().contains("at most 80"));
        assert!(label("  ").unwrap_err().contains("visible"));
        assert!(label("\u{200b}").unwrap_err().contains("visible"), "zero width");
        for blank in ['\u{115F}', '\u{3164}', '\u{2800}', '\u{FFF9}'] {
            assert!(
                label(&format!("{blank} {blank}")).is_err(),
                "U+{:04X}",
                u32::from(blank)
            );
        }
        assert!(label("\u{2800}a").is_ok(), "a visible letter beside it");
        assert!(label("\u{202e}\u{200f}").unwrap_err().contains("visible"));
        assert!(
            label("a\u{2028}b").unwrap_err().contains("U+2028"),
            "a line separator"
        );
        assert!(label("日本").is_ok());
        assert!(label("a\u{1b}[2J").unwrap_err().contains("U+001B"));
        assert!(label("a\u{9b}b").unwrap_err().contains("U+009B"), "C1 too");
    }

    #[test]
    fn a_note_is_at_most_two_thousand_characters() {
        assert!(note("").is_ok());
        assert!(note(&"x".repeat(2000)).is_ok());
        assert!(note(&"x".repeat(2001)).unwrap_err().contains("at most 2000"));
        assert!(note("line\nbreak").is_err());
    }

    #[test]
    fn terminal_text_escapes_controls_and_bidi_characters_but_keeps_line_breaks() {
        assert_eq!(escaped_for_terminal("plain\nlines"), "plain\nlines");
        assert_eq!(
            escaped_for_terminal("a\u{1b}[2J\tb\u{202e}c\u{2067}d\u{9b}e\u{2028}"),
            "a\\u{1b}[2J\\tb\\u{202e}c\\u{2067}d\\u{9b}e\\u{2028}"
        );
        assert!(matches!(
            escaped_for_terminal("日本語 ✓"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn pasted_text_becomes_one_line() {
        assert_eq!(one_line("see mail\ngdy"), "see mail gdy");
        assert_eq!(one_line("a\u{1b}b\tc\r\n"), "ab c  ");
    }
}
