//! Colours and emphasis. Colour only repeats what symbols already say, so
//! with NO_COLOR (or a monochrome snapshot) nothing is lost.
//!
//! Two palettes, for a dark and for a light terminal, use colours of the
//! xterm 256-colour cube, whose values are the same in every terminal that
//! has it. They leave the terminal's own background and text colour alone
//! (painting a background of our own would fight the person's terminal and
//! cost every frame more escape codes); instead every colour is checked
//! against the usual backgrounds of its kind of terminal — black to Nord's
//! grey for dark, white to Solarized's cream for light — and is at least
//! 4.5:1 (WCAG AA) on each, in the tests below: every colour text is drawn
//! in, the panes' titles included; the borders, not text, at least 3:1.

use ratatui::style::{Color, Modifier, Style};

use crate::wizard::view::Urgency;

/// Which palette: for a dark or a light terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    Dark,
    Light,
}

impl Shade {
    /// From `COLORFGBG` ("15;0": white on black), as some terminals set it:
    /// a light background (7 or 15) means the light palette. Unset or not
    /// understood: None.
    pub fn from_colorfgbg(value: &str) -> Option<Shade> {
        let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
        Some(match background {
            7 | 15 => Shade::Light,
            _ => Shade::Dark,
        })
    }
}

/// The colours of one palette (xterm 256-colour indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub dim: u8,
    pub key: u8,
    pub done: u8,
    pub warning: u8,
    pub error: u8,
    pub urgent: u8,
    /// Lines around panes: not text, so 3:1 is enough (WCAG 1.4.11).
    pub border: u8,
    /// A pane's title, set in its top border: text, so 4.5:1 like the rest.
    pub pane_title: u8,
    pub title_text: u8,
    pub title_background: u8,
}

pub const DARK: Palette = Palette {
    dim: 247,
    key: 80,
    done: 114,
    warning: 221,
    error: 210,
    urgent: 209,
    border: 244,
    pane_title: 252,
    title_text: 231,
    title_background: 25,
};

pub const LIGHT: Palette = Palette {
    dim: 241,
    key: 24,
    done: 22,
    warning: 58,
    error: 124,
    urgent: 94,
    border: 244,
    pane_title: 238,
    title_text: 231,
    title_background: 25,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    palette: Option<Palette>,
    /// Addresses are drawn as OSC 8 hyperlinks.
    links: bool,
}

impl Theme {
    /// The dark palette (the default where the terminal does not say).
    pub fn colored() -> Theme {
        Theme::shaded(Shade::Dark)
    }

    pub fn shaded(shade: Shade) -> Theme {
        Theme {
            palette: Some(match shade {
                Shade::Dark => DARK,
                Shade::Light => LIGHT,
            }),
            links: false,
        }
    }

    pub fn plain() -> Theme {
        Theme {
            palette: None,
            links: false,
        }
    }

    /// With addresses as hyperlinks, for a terminal that shows them.
    pub fn with_links(self, links: bool) -> Theme {
        Theme { links, ..self }
    }

    pub fn links(&self) -> bool {
        self.links
    }

    fn fg(&self, pick: impl Fn(&Palette) -> u8) -> Style {
        match &self.palette {
            Some(p) => Style::new().fg(Color::Indexed(pick(p))),
            None => Style::new(),
        }
    }

    pub fn title_bar(&self) -> Style {
        match &self.palette {
            Some(p) => Style::new()
                .fg(Color::Indexed(p.title_text))
                .bg(Color::Indexed(p.title_background))
                .add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn current_step(&self) -> Style {
        self.fg(|p| p.key).add_modifier(Modifier::BOLD)
    }

    pub fn done(&self) -> Style {
        self.fg(|p| p.done)
    }

    pub fn dim(&self) -> Style {
        match &self.palette {
            Some(p) => Style::new().fg(Color::Indexed(p.dim)),
            None => Style::new().add_modifier(Modifier::DIM),
        }
    }

    pub fn key(&self) -> Style {
        self.fg(|p| p.key).add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(|p| p.error).add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(|p| p.warning)
    }

    pub fn border(&self) -> Style {
        self.fg(|p| p.border)
    }

    /// A pane's title ("Steps"): drawn over its border, but text, so in a
    /// colour of its own (the border's grey is under 4.5:1 on white).
    pub fn pane_title(&self) -> Style {
        match &self.palette {
            Some(p) => Style::new()
                .fg(Color::Indexed(p.pane_title))
                .add_modifier(Modifier::BOLD),
            None => Style::new(),
        }
    }

    pub fn urgency(&self, urgency: Urgency) -> Style {
        match urgency {
            Urgency::Overdue => self.fg(|p| p.error),
            Urgency::Today => self.fg(|p| p.error).add_modifier(Modifier::BOLD),
            Urgency::Urgent => self.fg(|p| p.urgent).add_modifier(Modifier::BOLD),
            Urgency::Soon => self.fg(|p| p.warning),
            Urgency::Later => self.fg(|p| p.done),
        }
    }
}

/// The symbol that carries the urgency without colour.
pub fn urgency_symbol(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Overdue => "✗",
        Urgency::Today | Urgency::Urgent => "!",
        Urgency::Soon => "•",
        Urgency::Later => "·",
    }
}

pub const DONE_SYMBOL: &str = "✓";
pub const SELECTED_SYMBOL: &str = "> ";
pub const ERROR_SYMBOL: &str = "✗";
pub const INCOMPLETE_SYMBOL: &str = "?";

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard xterm value of a 256-colour index (16–255).
    fn rgb(index: u8) -> (u8, u8, u8) {
        match index {
            16..=231 => {
                let i = index - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                (level(i / 36), level(i / 6 % 6), level(i % 6))
            }
            232..=255 => {
                let grey = 8 + 10 * (index - 232);
                (grey, grey, grey)
            }
            _ => panic!("the palettes use only the standard cube and greys, not {index}"),
        }
    }

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Backgrounds people use: black, xterm's 234, VS Code, gruvbox, Nord,
    /// Solarized dark; white, near-whites and Solarized light.
    const DARK_BACKGROUNDS: [(u8, u8, u8); 6] = [
        (0, 0, 0),
        (28, 28, 28),
        (30, 30, 30),
        (40, 40, 40),
        (46, 52, 64),
        (0, 43, 54),
    ];
    const LIGHT_BACKGROUNDS: [(u8, u8, u8); 4] =
        [(255, 255, 255), (250, 250, 250), (238, 238, 238), (253, 246, 227)];

    #[test]
    fn the_xterm_values_are_the_standard_ones() {
        assert_eq!(rgb(16), (0, 0, 0));
        assert_eq!(rgb(231), (255, 255, 255));
        assert_eq!(rgb(25), (0, 95, 175));
        assert_eq!(rgb(234), (28, 28, 28));
        assert!((contrast(rgb(16), rgb(231)) - 21.0).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_has_at_least_aa_contrast_on_every_usual_background_of_its_palette() {
        for (name, p, backgrounds) in [
            ("dark", DARK, &DARK_BACKGROUNDS[..]),
            ("light", LIGHT, &LIGHT_BACKGROUNDS[..]),
        ] {
            let texts = [
                ("dim", p.dim),
                ("key", p.key),
                ("done", p.done),
                ("warning", p.warning),
                ("error", p.error),
                ("urgent", p.urgent),
                ("pane title", p.pane_title),
            ];
            for (what, fg) in texts {
                for bg in backgrounds {
                    let ratio = contrast(rgb(fg), *bg);
                    assert!(ratio >= 4.5, "{name}: {what} ({fg}) on {bg:?} is {ratio:.2}:1");
                }
            }
            // Borders are not text: WCAG 1.4.11 asks 3:1 of them.
            for bg in backgrounds {
                let ratio = contrast(rgb(p.border), *bg);
                assert!(
                    ratio >= 3.0,
                    "{name}: the border ({}) on {bg:?} is {ratio:.2}:1",
                    p.border
                );
            }
            // The title bar paints its own background.
            let title = contrast(rgb(p.title_text), rgb(p.title_background));
            assert!(title >= 4.5, "{name}: the title bar is {title:.2}:1");
        }
    }

    #[test]
    fn colorfgbg_picks_the_palette_of_the_terminal_background() {
        assert_eq!(Shade::from_colorfgbg("0;15"), Some(Shade::Light));
        assert_eq!(Shade::from_colorfgbg("0;default;7"), Some(Shade::Light));
        assert_eq!(Shade::from_colorfgbg("15;0"), Some(Shade::Dark));
        assert_eq!(Shade::from_colorfgbg("nonsense"), None);
    }
}
