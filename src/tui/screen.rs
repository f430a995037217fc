//! The frame around every screen: title bar, step sidebar, main pane,
//! notice line and footer; or, in a terminal too small, a message saying so.

use crate::tui::split::{
    self,
    Part::{Fixed, Rest},
};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

// What a terminal must never receive is a rule about text, not about a page.
use crate::domain::text_limits::moves_text;

use super::theme::{DONE_SYMBOL, ERROR_SYMBOL, Theme};
use super::views;
use super::views::lines::{self, Lines};
use super::views::wrap::{cut, wrap};
use crate::wizard::text::{self, Command};
use crate::wizard::view::{FrameView, Full};
use crate::wizard::{NoticeKind, Wizard};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;
/// From this width on, the sidebar shows the full step names.
const WIDE: u16 = 76;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws the whole screen for the wizard as it is. Returns how far what
/// scrolls here can scroll (the help when it is open, else the page's
/// detail pane), for [`Wizard::limit_scroll`].
pub fn draw(frame: &mut Frame, wizard: &Wizard, theme: &Theme) -> Option<u16> {
    let scroll = draw_all(frame, wizard, theme);
    defuse(frame.buffer_mut());
    // After defuse: the link's own escape sequence is the one that stays.
    if theme.links() {
        super::links::mark(frame.buffer_mut());
    }
    scroll
}

/// No cell reaches the terminal with a character that could move the cursor
/// or reorder the text around it (a label holding U+202E, say): such
/// characters take no column, so dropping them changes nothing else on screen.
fn defuse(buffer: &mut Buffer) {
    let unsafe_char = |c: char| c.is_control() || moves_text(c);
    for cell in buffer.content.iter_mut() {
        // Nearly every cell is one printable ASCII byte: settled without decoding.
        let symbol = cell.symbol().as_bytes();
        if symbol.iter().all(|b| (0x20..0x7f).contains(b)) {
            continue;
        }
        if cell.symbol().chars().any(unsafe_char) {
            let kept: String = cell.symbol().chars().filter(|c| !unsafe_char(*c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

fn draw_all(frame: &mut Frame, wizard: &Wizard, theme: &Theme) -> Option<u16> {
    let area = frame.area();
    if too_small(area) {
        draw_too_small(frame, area);
        return None;
    }
    let view = wizard.view();
    let chrome = &view.frame;
    let notice = notice_lines(chrome, area.width);
    let notice_height = notice.len() as u16;
    let [title, body, notice_area, footer] =
        split::rows(area, [Fixed(1), Rest, Fixed(notice_height), Fixed(1)]);
    let sidebar_width = if area.width >= WIDE { 24 } else { 15 };
    let [sidebar, main] = split::columns(body, [Fixed(sidebar_width), Rest]);

    draw_title(frame, title, chrome, theme);
    draw_notice(frame, notice_area, chrome, notice, theme);
    draw_footer(frame, footer, &view.commands, theme);
    match &view.full {
        // The help covers the sidebar and the page whole: they are not drawn under it.
        Full::Help(help) => Some(views::help::draw(frame, body, help, theme)),
        // Like the help, the question of where one lives stands alone: the page
        // under it is not drawn (it would cost a whole frame, and only peek out).
        Full::Region(region) => {
            views::region::draw(frame, body, view, region, theme);
            None
        }
        _ => {
            draw_sidebar(frame, sidebar, chrome, theme, area.width >= WIDE);
            views::draw_page(frame, main, view, theme)
        }
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = text::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT)
        .into_iter()
        .map(Line::from)
        .collect();
    let height = (lines.len() as u16).min(area.height);
    let middle = split::centered(area, area.width, height);
    frame.render_widget(Paragraph::new(lines).centered().wrap(Wrap { trim: true }), middle);
}

fn draw_title(frame: &mut Frame, area: Rect, chrome: &FrameView, theme: &Theme) {
    let left = format!(" {} · {}", text::APP_TITLE, chrome.place);
    let right = format!("{} ", chrome.today);
    let gap = (area.width as usize).saturating_sub(left.chars().count() + right.chars().count());
    let line = Line::from(format!("{left}{}{right}", " ".repeat(gap)));
    frame.render_widget(Lines::new(line).style(theme.title_bar()), area);
}

fn draw_sidebar(frame: &mut Frame, area: Rect, chrome: &FrameView, theme: &Theme, wide: bool) {
    let mut lines: Vec<Line> = chrome
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let name = if wide { step.name } else { step.short };
            // Two columns only, so the current step shows `>` alone; whether it
            // is done still counts in "n of m done" below.
            let mark = match (step.current, step.done) {
                (true, _) => "> ".to_string(),
                (false, true) => format!("{DONE_SYMBOL} "),
                (false, false) => "  ".to_string(),
            };
            let style = match (step.current, step.done) {
                (true, _) => theme.current_step(),
                (false, true) => theme.done(),
                (false, false) => theme.dim(),
            };
            let number = if wide {
                format!("{}. ", i + 1)
            } else {
                String::new()
            };
            Line::from(vec![
                Span::styled(mark, style),
                Span::styled(format!("{number}{name}"), style),
            ])
        })
        .collect();
    lines.push(Line::default());
    // The ticks above and the count are the journey of the subscription in
    // focus: its name comes first, so "4 of 4 done" reads as its own and not
    // as everything being finished.
    if let Some(focus) = &chrome.focus {
        let room = usize::from(area.height.saturating_sub(2)).saturating_sub(lines.len() + 1);
        let inner = usize::from(area.width.saturating_sub(2));
        let focus = focus_lines(focus, inner, room);
        lines.extend(focus.label.into_iter().map(|l| Line::styled(l, theme.heading())));
        lines.push(Line::styled(focus.id, theme.dim()));
        lines.extend(focus.paid_by.into_iter().map(|l| Line::styled(l, theme.dim())));
    }
    lines.push(Line::styled(chrome.tasks.clone(), theme.dim()));
    let block = Block::bordered()
        .border_style(theme.border())
        .title_style(theme.pane_title())
        .title(Line::from(text::SIDEBAR_TITLE));
    // Most frames' lines all fit: nothing to wrap, and `Lines` draws them
    // for far fewer instructions than `Paragraph`'s word wrap.
    if lines::fit(&lines, block.inner(area).width) {
        frame.render_widget(Lines::new(lines).block(block), area);
    } else {
        frame.render_widget(
            Paragraph::new(lines).block(block).wrap(Wrap { trim: false }),
            area,
        );
    }
}

/// The subscription in focus, under the steps, as it fits `room` rows.
struct FocusLines {
    label: Vec<String>,
    id: String,
    paid_by: Vec<String>,
}

/// The label wrapped at spaces (a word wider than the sidebar ends in "…"
/// rather than going on mid-word), its id, and with several accounts whose
/// plan it is (the list may have scrolled its heading away). Short of rows
/// (a long label at 60x20 under a notice), the paid-by lines go first, then
/// the label's last lines, the one kept ending in "…": the id, which
/// `coursera-exit` commands take, always shows.
fn focus_lines(focus: &crate::wizard::view::FocusView, inner: usize, room: usize) -> FocusLines {
    let wrapped = |text: &str| {
        let words: Vec<String> = text.split_whitespace().map(|w| cut(w, inner)).collect();
        wrap(&words.join(" "), inner, 0)
    };
    let mut out = FocusLines {
        label: wrapped(&focus.label),
        id: focus.id.clone(),
        paid_by: focus.paid_by.as_deref().map(wrapped).unwrap_or_default(),
    };
    let rows = |f: &FocusLines| f.label.len() + 1 + f.paid_by.len();
    let over = rows(&out).saturating_sub(room);
    out.paid_by.truncate(out.paid_by.len().saturating_sub(over));
    let over = rows(&out).saturating_sub(room);
    let keep = out.label.len().saturating_sub(over).max(1);
    if keep < out.label.len() {
        out.label.truncate(keep);
        if let Some(last) = out.label.last_mut() {
            // Room for the "…" after what is kept of the line.
            let kept = cut(last, inner.saturating_sub(1));
            *last = format!("{}…", kept.trim_end_matches('…').trim_end());
        }
    }
    out
}

/// The notice, wrapped: a dated line must not be cut mid-date. At most
/// three lines, so the page keeps its room.
fn notice_lines(chrome: &FrameView, width: u16) -> Vec<String> {
    let Some((kind, said)) = &chrome.notice else {
        return Vec::new();
    };
    let text = match kind {
        NoticeKind::Error if !said.starts_with(ERROR_SYMBOL) => format!("{ERROR_SYMBOL} {said}"),
        _ => said.clone(),
    };
    let mut lines = wrap(&text, usize::from(width).saturating_sub(2), 2);
    lines.truncate(3);
    lines
}

fn draw_notice(frame: &mut Frame, area: Rect, chrome: &FrameView, lines: Vec<String>, theme: &Theme) {
    let Some((kind, _)) = &chrome.notice else { return };
    let style = match kind {
        NoticeKind::Info => theme.heading(),
        NoticeKind::Done => theme.done(),
        NoticeKind::Error => theme.error(),
    };
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect();
    frame.render_widget(Lines::new(lines), area);
}

/// The keys that work here, gitui-style. When they do not all fit, the
/// screen's own commands go from the end; help and quit always stay (the
/// help lists every key), and so does `o` where it is offered: an address
/// cut at 60 columns is opened whole with it.
fn draw_footer(frame: &mut Frame, area: Rect, commands: &[Command], theme: &Theme) {
    let width = |c: &Command| c.keys.chars().count() + c.action.chars().count() + 3;
    // A space before the first key; two after each but the last, which
    // needs none (counting them dropped a key that fit).
    let used = |shown: &[&Command]| (1 + shown.iter().map(|c| width(c)).sum::<usize>()).saturating_sub(2);
    let essential = |c: &Command| text::KEPT_IN_FOOTER.contains(c);
    let mut shown: Vec<&Command> = commands.iter().collect();
    while used(&shown) > area.width as usize {
        match shown.iter().rposition(|c| !essential(c)) {
            Some(i) => {
                shown.remove(i);
            }
            None => break,
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for command in shown {
        spans.push(Span::styled(command.keys, theme.key()));
        spans.push(Span::raw(format!(" {}  ", command.action)));
    }
    frame.render_widget(Lines::new(Line::from(spans)), area);
}
