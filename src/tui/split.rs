//! Cutting a pane into rows or columns by plain arithmetic.
//!
//! Every split here is "these fixed sizes, and one part takes the rest",
//! which ratatui's `Layout` solves with a constraint solver: ~0.9 M
//! instructions on the first frame (before its cache warms) and a hash
//! lookup per split on every frame after. Arithmetic gives the same
//! rectangles for that shape at no cost.

use ratatui::layout::Rect;

/// The size of one part of a split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Exactly this many rows (or columns), as far as the area has them.
    Fixed(u16),
    /// Whatever the fixed parts leave (use it once per split).
    Rest,
}

/// `area` cut into rows, top to bottom. The fixed parts get their size
/// first; when the area is too small for them, the rest part gets nothing
/// and the parts nearest the bottom are cut.
pub fn rows<const N: usize>(area: Rect, parts: [Part; N]) -> [Rect; N] {
    let sizes = sizes(area.height, parts);
    let mut y = area.y;
    sizes.map(|height| {
        let row = Rect::new(area.x, y, area.width, height);
        y += height;
        row
    })
}

/// `area` cut into columns, left to right, as [`rows`] does.
pub fn columns<const N: usize>(area: Rect, parts: [Part; N]) -> [Rect; N] {
    let sizes = sizes(area.width, parts);
    let mut x = area.x;
    sizes.map(|width| {
        let column = Rect::new(x, area.y, width, area.height);
        x += width;
        column
    })
}

/// A box of at most `width` x `height`, centred in `area`; an odd row or
/// column left over goes above or to the left, as ratatui's `Flex::Center`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width).div_ceil(2),
        area.y + (area.height - height).div_ceil(2),
        width,
        height,
    )
}

fn sizes<const N: usize>(total: u16, parts: [Part; N]) -> [u16; N] {
    let fixed: u16 = parts
        .iter()
        .map(|p| match p {
            Part::Fixed(n) => *n,
            Part::Rest => 0,
        })
        .fold(0, u16::saturating_add);
    let rest = total.saturating_sub(fixed);
    let mut left = total;
    parts.map(|part| {
        let want = match part {
            Part::Fixed(n) => n,
            Part::Rest => rest,
        };
        let size = want.min(left);
        left -= size;
        size
    })
}

#[cfg(test)]
mod tests {
    use super::Part::{Fixed, Rest};
    use super::*;

    #[test]
    fn fixed_rows_keep_their_height_and_the_rest_takes_what_is_left() {
        let [a, b, c] = rows(Rect::new(2, 3, 10, 20), [Fixed(1), Rest, Fixed(2)]);
        assert_eq!(a, Rect::new(2, 3, 10, 1));
        assert_eq!(b, Rect::new(2, 4, 10, 17));
        assert_eq!(c, Rect::new(2, 21, 10, 2));
    }

    #[test]
    fn too_little_room_cuts_the_rest_first_then_the_bottom_rows() {
        let [a, b, c] = rows(Rect::new(0, 0, 10, 4), [Fixed(3), Rest, Fixed(3)]);
        assert_eq!((a.height, b.height, c.height), (3, 0, 1));
        assert_eq!(c.y, 3);
        let [a, b] = rows(Rect::new(0, 0, 10, 0), [Fixed(3), Rest]);
        assert_eq!((a.height, b.height), (0, 0));
    }

    #[test]
    fn columns_split_the_width_the_same_way() {
        let [side, main] = columns(Rect::new(0, 1, 80, 22), [Fixed(24), Rest]);
        assert_eq!(side, Rect::new(0, 1, 24, 22));
        assert_eq!(main, Rect::new(24, 1, 56, 22));
    }

    #[test]
    fn a_centred_box_is_clamped_to_the_area() {
        assert_eq!(centered(Rect::new(0, 0, 80, 24), 64, 10), Rect::new(8, 7, 64, 10));
        assert_eq!(centered(Rect::new(0, 0, 59, 20), 59, 3), Rect::new(0, 9, 59, 3));
        assert_eq!(centered(Rect::new(5, 5, 10, 4), 64, 10), Rect::new(5, 5, 10, 4));
    }
}
