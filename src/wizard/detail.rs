//! How far the detail pane beside a list is scrolled (Checklist, Decide,
//! Deadlines): PgUp/PgDn move it, choosing another entry starts it over.

/// Lines PgUp/PgDn move the detail pane.
const STEP: u16 = 3;
/// Further than any entry's details reach at the smallest size; the view
/// clamps to what is really there.
const MAX: u16 = 40;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailScroll(u16);

impl DetailScroll {
    pub fn lines(self) -> u16 {
        self.0
    }

    pub fn up(&mut self) {
        self.0 = self.0.saturating_sub(STEP);
    }

    pub fn down(&mut self) {
        self.0 = (self.0 + STEP).min(MAX);
    }

    /// The pane, as drawn, ends at `max`.
    pub fn limit(&mut self, max: u16) {
        self.0 = self.0.min(max);
    }

    /// Another entry was chosen: its details show from the top.
    pub fn reset(&mut self) {
        self.0 = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_move_by_three_lines_within_bounds_and_reset_to_the_top() {
        let mut scroll = DetailScroll::default();
        scroll.up();
        assert_eq!(scroll.lines(), 0, "never above the top");
        scroll.down();
        scroll.down();
        assert_eq!(scroll.lines(), 6);
        (0..20).for_each(|_| scroll.down());
        assert_eq!(scroll.lines(), MAX, "never past the bound");
        scroll.reset();
        assert_eq!(scroll.lines(), 0);
    }
}
