//! Web addresses on screen as OSC 8 hyperlinks, for terminals that show
//! them (the person clicks; the program never talks to Coursera). Applied to
//! the finished frame: each address found on a row is written by its first
//! cell, wrapped in the OSC 8 sequence, with its visible width forced, and
//! the cells it covers are skipped — ratatui's own way of drawing a cell
//! whose bytes are not its width (`CellDiffOption`).

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};

use super::views::wrap::is_address;

/// Marks every address shown in `buffer` as a link.
pub fn mark(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let row: Vec<String> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        for (start, text) in addresses(&row) {
            let Some(width) = NonZeroU16::new(text.chars().count() as u16) else {
                continue;
            };
            let x = area.left() + start as u16;
            let target = if text.contains("://") {
                text.clone()
            } else {
                format!("https://{text}")
            };
            let first = &mut buffer[(x, y)];
            first.set_symbol(&format!("\u{1b}]8;;{target}\u{1b}\\{text}\u{1b}]8;;\u{1b}\\"));
            first.set_diff_option(CellDiffOption::ForcedWidth(width));
            for dx in 1..width.get() {
                buffer[(x + dx, y)].set_diff_option(CellDiffOption::Skip);
            }
        }
    }
}

/// The addresses in a row of one-column cells: (first column, text).
/// Punctuation that ends a sentence is not part of one; an address cut
/// short with "…" is not one (it would lead somewhere else).
fn addresses(row: &[String]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut x = 0;
    while x < row.len() {
        if row[x] == " " || row[x].len() != 1 {
            x += 1;
            continue;
        }
        let start = x;
        // One ASCII character a cell: an address never holds anything else.
        while x < row.len() && row[x].len() == 1 && row[x] != " " {
            x += 1;
        }
        let word: String = row[start..x].concat();
        let word = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let cut_short = row.get(x).is_some_and(|s| s == "…");
        if !cut_short && is_address(word) && word.contains('.') {
            found.push((start, word.to_string()));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<String> {
        text.chars().map(|c| c.to_string()).collect()
    }

    #[test]
    fn finds_addresses_with_or_without_a_scheme_and_leaves_punctuation_out() {
        let row = cells("Source (as of 2026-07-03): www.coursera.org/about/terms. See https://x.org/a, ok");
        assert_eq!(
            addresses(&row),
            [
                (27, "www.coursera.org/about/terms".to_string()),
                (61, "https://x.org/a".to_string())
            ]
        );
    }

    #[test]
    fn a_date_a_path_or_an_address_cut_short_is_not_a_link() {
        assert!(addresses(&cells("2026-03-01 and/or My Purchases/Subscriptions")).is_empty());
        let mut row = cells("www.coursera.org/abo");
        row.push("…".to_string());
        assert!(addresses(&row).is_empty());
    }
}
