//! A scrolling list of entries, each a block of lines, kept in view around
//! the highlighted one; and a word wrap that also cuts over-long words.

use super::lines::Lines;
use crate::tui::split::{self, Part::Fixed};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::theme::Theme;
use crate::wizard::text;

/// Entries, each a block of lines that can be highlighted; drawn scrolled
/// so the highlighted one is in view, with "n more" below when not
/// everything fits. (The FAQ and Troubleshooting; the Summary, which mixes
/// in headings and builds lazily, uses [`draw_blocks`] itself.)
#[derive(Default)]
pub struct Document<'a> {
    entries: Vec<Vec<Line<'a>>>,
}

impl<'a> Document<'a> {
    pub fn entry(&mut self, lines: Vec<Line<'a>>) {
        self.entries.push(lines);
    }

    pub fn draw(self, frame: &mut Frame, area: Rect, selected: usize, theme: &Theme) {
        let kinds = vec![true; self.entries.len()];
        let mut entries = self.entries.into_iter().map(Some).collect::<Vec<_>>();
        let build = |i: usize| entries[i].take().unwrap_or_default();
        draw_blocks(frame, area, &kinds, selected, build, theme);
    }
}

/// Draws a document of blocks (`entries[i]`: block `i` can be highlighted),
/// scrolled as little as keeps entry number `selected` in view, building
/// only the blocks it needs: those from the top until a screenful, and
/// those in view. `build(i)` makes block `i`'s lines; it is called at most
/// once per block, and must give at least one line.
pub fn draw_blocks<'a>(
    frame: &mut Frame,
    area: Rect,
    entries: &[bool],
    selected: usize,
    build: impl FnMut(usize) -> Vec<Line<'a>>,
    theme: &Theme,
) {
    let (shown, more) = window(area.height as usize, entries, selected, build);
    let height = area.height.saturating_sub(u16::from(more.is_some()));
    let [list, more_area] = split::rows(area, [Fixed(height), Fixed(u16::from(more.is_some()))]);
    frame.render_widget(Lines::new(shown), list);
    if let Some((above, below)) = more {
        let note = if above + below == 0 {
            String::new()
        } else {
            text::more(above, below)
        };
        frame.render_widget(Lines::new(Line::styled(note, theme.dim())), more_area);
    }
}

/// The lines in view (as many as the window holds, fewer only when
/// everything fits) and, when not everything fits, the entries out of
/// sight above and below.
fn window<'a>(
    room: usize,
    entries: &[bool],
    selected: usize,
    build: impl FnMut(usize) -> Vec<Line<'a>>,
) -> (Vec<Line<'a>>, Option<(usize, usize)>) {
    let mut blocks = Built::new(entries.len(), build);
    let target = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| **e)
        .nth(selected)
        .map(|(i, _)| i);
    // From the top: whether everything fits, and where the target ends
    // when it is within the first screenful. Every block is a line or
    // more, so a target `room` blocks down ends below the window and the
    // document overflows: the blocks above it need not be built for that.
    let mut used = 0;
    let mut fits_from_top = entries.len();
    let mut target_end = None;
    let deep = target.is_some_and(|t| t >= room);
    if deep {
        fits_from_top = room;
    }
    for i in (0..entries.len()).take_while(|_| !deep) {
        used += blocks.height(i);
        if Some(i) == target {
            target_end = Some(used);
        }
        if used > room {
            fits_from_top = i;
            break;
        }
    }
    let overflow = fits_from_top < entries.len();
    let height = room.saturating_sub(usize::from(overflow));

    // The window: its first block (perhaps cut at its top by `skip` lines)
    // and the first block after the whole ones.
    let (first, skip, after) = match (target, target_end) {
        (Some(t), end) if end.is_none_or(|end| end > height) => {
            let own = blocks.height(t);
            if own >= height {
                // Taller than the window: its top shows.
                (t, 0, if own > height { t } else { t + 1 })
            } else {
                // The target at the bottom, blocks above it to fill.
                let mut first = t;
                let mut above = own;
                while first > 0 && above < height {
                    first -= 1;
                    above += blocks.height(first);
                }
                (first, above.saturating_sub(height), t + 1)
            }
        }
        _ => {
            let mut used = 0;
            let mut whole = 0;
            while whole < entries.len() {
                used += blocks.height(whole);
                if used > height {
                    break;
                }
                whole += 1;
            }
            (0, 0, whole)
        }
    };
    let mut shown: Vec<Line> = Vec::with_capacity(height);
    for i in first..entries.len() {
        if shown.len() >= height {
            break;
        }
        let lines = blocks.take(i);
        let skip = if i == first { skip } else { 0 };
        shown.extend(lines.into_iter().skip(skip));
    }
    shown.truncate(height);
    if !overflow {
        return (shown, None);
    }
    // An entry cut at the top counts as above; every one after the last
    // whole block, as below.
    let count = |blocks: &[bool]| blocks.iter().filter(|e| **e).count();
    let above = count(&entries[..first]) + usize::from(skip > 0 && entries[first]);
    let below = count(&entries[after..]);
    (shown, Some((above, below)))
}

/// Blocks built on first use and kept for the frame.
struct Built<'a, F> {
    lines: Vec<Option<Vec<Line<'a>>>>,
    build: F,
}

impl<'a, F: FnMut(usize) -> Vec<Line<'a>>> Built<'a, F> {
    fn new(count: usize, build: F) -> Self {
        Built {
            lines: (0..count).map(|_| None).collect(),
            build,
        }
    }

    fn height(&mut self, i: usize) -> usize {
        let build = &mut self.build;
        self.lines[i].get_or_insert_with(|| build(i)).len()
    }

    fn take(&mut self, i: usize) -> Vec<Line<'a>> {
        self.height(i);
        self.lines[i].take().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The window as the eager version computed it from all the lines: the
    /// oracle the lazy one must match.
    fn eager(
        room: usize,
        blocks: &[(usize, bool)],
        selected: usize,
    ) -> (Vec<String>, Option<(usize, usize)>) {
        let mut lines = Vec::new();
        let mut spans = Vec::new();
        for (b, (height, entry)) in blocks.iter().enumerate() {
            let start = lines.len();
            lines.extend((0..*height).map(|l| format!("{b}.{l}")));
            if *entry {
                spans.push((start, lines.len()));
            }
        }
        let overflow = lines.len() > room;
        let height = room.saturating_sub(usize::from(overflow));
        let (start, end) = spans.get(selected).copied().unwrap_or((0, 0));
        let offset = if end > height {
            (end - height).min(start)
        } else {
            0
        };
        let shown = lines.iter().skip(offset).take(height).cloned().collect();
        let more = overflow.then(|| {
            let above = spans.iter().filter(|(s, _)| *s < offset).count();
            let below = spans.iter().filter(|(_, e)| *e > offset + height).count();
            (above, below)
        });
        (shown, more)
    }

    fn lazy(
        room: usize,
        blocks: &[(usize, bool)],
        selected: usize,
    ) -> (Vec<String>, Option<(usize, usize)>, usize) {
        let entries: Vec<bool> = blocks.iter().map(|(_, e)| *e).collect();
        let mut built = 0;
        let build = |b: usize| {
            built += 1;
            (0..blocks[b].0).map(|l| Line::from(format!("{b}.{l}"))).collect()
        };
        let (shown, more) = window(room, &entries, selected, build);
        let shown = shown.iter().map(|l| l.to_string()).collect();
        (shown, more, built)
    }

    proptest! {
        #[test]
        fn the_lazy_window_shows_what_the_whole_document_would(
            blocks in prop::collection::vec((1usize..5, any::<bool>()), 0..40),
            selected in 0usize..45,
            room in 0usize..30,
        ) {
            let (shown, more, _) = lazy(room, &blocks, selected);
            prop_assert_eq!((shown, more), eager(room, &blocks, selected));
        }
    }

    #[test]
    fn a_far_selection_builds_only_the_blocks_in_view() {
        let blocks = vec![(2, true); 200];
        let (shown, more, built) = lazy(20, &blocks, 150);
        assert_eq!(shown.last().map(String::as_str), Some("150.1"));
        assert_eq!(more, Some((142, 49)), "block 141 is cut at the top");
        assert!(built <= 11, "built {built} of 200 blocks for a window of 10");
    }
}
