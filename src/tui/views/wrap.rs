//! Word wrap, one way for every screen: greedy, at spaces, the lines after
//! the first indented; a word longer than a line (a web address) is broken
//! rather than hidden past the edge, filling the line it starts on. Widths
//! are terminal columns (`unicode-width`, as ratatui counts them): a label
//! in Chinese or with an emoji takes two columns a character.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` wrapped to `width` columns, the lines after the first indented by
/// `indent` spaces.
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    padded(lay_out(text, width, 0, indent))
}

/// `text` under a hanging indent: every line has `width - indent` columns,
/// the first with no padding (the caller puts its own `indent` columns
/// before it: "> [ ] "), the others indented by `indent` spaces.
pub fn wrap_hanging(text: &str, width: usize, indent: usize) -> Vec<String> {
    padded(lay_out(text, width, indent, indent))
}

/// The lines after the first, each indented by its own indent.
fn padded(lines: Vec<(usize, String)>) -> Vec<String> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, (indent, l))| {
            if i == 0 {
                l
            } else {
                format!("{}{l}", " ".repeat(indent))
            }
        })
        .collect()
}

/// The wrapping itself: each line with its indent, the first line's
/// `first` columns and the others' `indent` already taken by the caller or
/// by padding. A web address too long for the indented room gets a line of
/// its own, indented less — as little as it needs — so it shows whole.
fn lay_out(text: &str, width: usize, first: usize, indent: usize) -> Vec<(usize, String)> {
    let width = width.max(indent + 1).max(first + 1);
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut line = String::new();
    let mut at = first;
    let mut used = 0;
    for word in glued_words(text) {
        let word = word.as_ref();
        // Most words are ASCII: one column a byte, no table lookup.
        let len = if word.is_ascii() { word.len() } else { word.width() };
        let gap = usize::from(used > 0);
        if used + gap + len <= width - at {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += gap + len;
            continue;
        }
        if len <= width - indent {
            lines.push((at, std::mem::take(&mut line)));
            line.push_str(word);
            at = indent;
            used = len;
            continue;
        }
        // A web address is never broken: copied from two lines it would be
        // wrong. It gets a line of its own, moved left as far as it needs
        // to show whole; where even the whole width is too short it stays
        // under the indent, cut with "…" (`o` opens the whole address).
        if is_address(word) {
            // (First on the first line, it stays after the caller's prefix.)
            if used > 0 {
                lines.push((at, std::mem::take(&mut line)));
                at = if len <= width { width - len } else { indent }.min(indent);
            }
            line.push_str(&cut(word, width - at));
            used = line.width();
            continue;
        }
        // Too long for any line: on after a space if one more character
        // fits, else from the next line, then across whole lines.
        if used > 0 && used + 1 < width - at {
            line.push(' ');
            used += 1;
        } else if used > 0 {
            lines.push((at, std::mem::take(&mut line)));
            at = indent;
            used = 0;
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width - at && used > 0 {
                lines.push((at, std::mem::take(&mut line)));
                at = indent;
                used = 0;
            }
            line.push(c);
            used += w;
        }
    }
    lines.push((at, line));
    lines
}

/// The words of `text`, with a weekday kept with the date after it ("Tue
/// 2026-03-10" is never split over two lines).
fn glued_words(text: &str) -> Vec<std::borrow::Cow<'_, str>> {
    const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut words = Vec::new();
    let mut iter = text.split_whitespace().peekable();
    while let Some(word) = iter.next() {
        let dated = WEEKDAYS.contains(&word)
            && iter
                .peek()
                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
        match iter.next_if(|_| dated) {
            Some(date) => words.push(std::borrow::Cow::Owned(format!("{word} {date}"))),
            None => words.push(std::borrow::Cow::Borrowed(word)),
        }
    }
    words
}

/// A word that is a web address: with its scheme, or a host name (a dot
/// before the first slash) and a path, as sources are shown.
pub(crate) fn is_address(word: &str) -> bool {
    let host = word.split('/').next().unwrap_or_default();
    ["https://", "http://", "www."]
        .iter()
        .any(|p| word.starts_with(p))
        || (word.contains('/') && host.contains('.') && !host.starts_with('.'))
}

/// [`wrap`] for a line of one style (its first span's over the line's own).
pub fn wrap_line<'a>(line: &Line, width: usize, indent: usize) -> Vec<Line<'a>> {
    let style = line
        .style
        .patch(line.spans.first().map_or(Style::default(), |s| s.style));
    wrap_styled(&line.to_string(), width, indent, style)
}

/// [`wrap`], each line in `style`.
pub fn wrap_styled(text: &str, width: usize, indent: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width, indent)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// `text` cut to `width` columns, with "…" when something was cut: for a
/// name that must stay on its line.
pub fn cut(text: &str, width: usize) -> String {
    if Span::raw(text).width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = Span::raw(c.to_string()).width();
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces_and_later_lines_are_indented() {
        assert_eq!(wrap("one two three four", 9, 2), ["one two", "  three", "  four"]);
        assert_eq!(wrap("", 10, 0), [""]);
        assert_eq!(wrap("  spaced   out  ", 20, 0), ["spaced out"]);
    }

    #[test]
    fn a_word_longer_than_a_line_fills_the_line_it_starts_on_and_is_never_lost() {
        let lines = wrap("see Pneumonoultramicroscopic now", 12, 0);
        assert_eq!(lines, ["see Pneumono", "ultramicrosc", "opic now"]);
        let lines = wrap("Pneumonoultramicroscopic", 12, 2);
        assert_eq!(lines, ["Pneumonoultr", "  amicroscop", "  ic"]);
        for lines in [wrap("x abcdefghijklmnop", 5, 1), wrap("abcdefghijklmnop", 1, 3)] {
            let joined: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            assert!(joined.ends_with("abcdefghijklmnop"), "{lines:?}");
        }
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        let text = "Source: Cancel guide (as of 2026-01-18) https://learner.coursera.help/hc/en-us/articles/216348123";
        for width in 1..40 {
            for indent in 0..4 {
                for line in wrap(text, width, indent) {
                    assert!(
                        line.width() <= width.max(indent + 1),
                        "{width}/{indent}: {line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn wide_characters_count_two_columns_and_are_neither_cut_nor_overflowing() {
        // "学习计划" is 8 columns wide: two words of it fill a 17-column line.
        let lines = wrap("学习计划 学习计划 学习计划", 17, 0);
        assert_eq!(lines, ["学习计划 学习计划", "学习计划"]);
        for width in 2..20 {
            for line in wrap("课程 🎓 certificate 学习计划学习计划学习计划", width, 0) {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
        let joined: String = wrap("学习计划学习计划", 5, 0).concat();
        assert_eq!(joined, "学习计划学习计划", "nothing lost");
    }

    #[test]
    fn a_web_address_is_never_split_across_lines() {
        // Issue 13: copied from two lines, "learner-00000 / 1189" was wrong.
        let url = "www.coursera.support/s/article/learner-000001189";
        assert_eq!(
            wrap(&format!("Source: {url} (as of 2026-12-03)"), 54, 2),
            [
                "Source:".to_string(),
                format!("  {url} (as"),
                "  of 2026-12-03)".to_string(),
            ]
        );
        let help = "learner.coursera.help/hc/en-us/articles/115001621606";
        assert_eq!(
            wrap(&format!("Source: {help}"), 56, 2),
            ["Source:".to_string(), format!("  {help}")]
        );
        // Narrower than the address: one line, cut with "…", never continued.
        let lines = wrap(&format!("Source: {url}"), 30, 0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].starts_with("www.coursera.support") && lines[1].ends_with('…'));
        assert_eq!(lines[1].width(), 30);
    }

    #[test]
    fn an_address_too_long_for_the_indented_room_moves_left_to_show_whole() {
        // Review of issue 13: at 80x24 (52 columns) a step's address, six
        // columns in, was cut ("…/learner-000001…") and could not be copied.
        let url = "www.coursera.support/s/article/learner-000001189";
        let step = format!("1. Open the article (not My Purchases): {url}");
        let lines = wrap_hanging(&step, 52, 6);
        assert_eq!(
            lines,
            [
                "1. Open the article (not My Purchases):".to_string(),
                format!("    {url}"),
            ]
        );
        // A source's address, two columns in, goes to the edge if it must.
        let help = "learner.coursera.help/hc/en-us/articles/115001621606";
        assert_eq!(
            wrap(&format!("Source (as of 2026-12-03): {help}"), 52, 2),
            ["Source (as of 2026-12-03):".to_string(), help.to_string()]
        );
        // What follows goes on under the indent again.
        assert_eq!(
            wrap(&format!("see {help} then more"), 52, 2),
            ["see".to_string(), help.to_string(), "  then more".to_string()]
        );
        // Wider than the whole line: cut with "…" under the indent, as before.
        let lines = wrap_hanging(&step, 40, 6);
        assert_eq!(lines.last().map(|l| l.width()), Some(40), "{lines:?}");
        assert!(
            lines
                .last()
                .is_some_and(|l| l.starts_with("      www.") && l.ends_with('…'))
        );
        // The first line of a hanging wrap has the room after the caller's prefix.
        assert_eq!(
            wrap_hanging("one two three", 12, 6),
            ["one", "      two", "      three"]
        );
    }

    #[test]
    fn a_weekday_stays_with_its_date() {
        // Issue 13's review: "access until Tue / 2026-03-10".
        let lines = wrap(
            "You will not be charged again; access until Tue 2026-03-10.",
            47,
            0,
        );
        assert_eq!(
            lines,
            ["You will not be charged again; access until", "Tue 2026-03-10."]
        );
        assert_eq!(
            wrap("Tue is a day", 20, 0),
            ["Tue is a day"],
            "a weekday alone is a word"
        );
    }

    #[test]
    fn a_cut_name_ends_with_an_ellipsis() {
        assert_eq!(cut("Coursera Plus", 20), "Coursera Plus");
        assert_eq!(cut("Coursera Plus", 8), "Courser…");
        assert_eq!(cut("Coursera Plus", 0), "");
    }
}
