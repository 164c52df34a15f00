//! Every colour and emphasis of the interface in one place. Degrades to bold, reverse and
//! underline when colours are off (`NO_COLOR`, or a terminal without colours).

use crate::domain::status::CaseStatus;
use ratatui::style::{Color, Modifier, Style};

/// The look of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colours on (false under NO_COLOR or `--color none`). Only the 16 basic colours are
    /// used, so any colour terminal shows them.
    pub color: bool,
    /// Lines, arrows and markers drawn in ASCII (`--ascii`), for terminals that draw
    /// ambiguous-width characters wide.
    pub ascii: bool,
}

/// How colours are chosen (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colours unless `NO_COLOR` is set (https://no-color.org) or TERM says `dumb`.
    #[default]
    Auto,
    /// The 16 basic colours.
    Basic,
    /// No colours: bold, reverse and underline only.
    None,
}

impl ColorChoice {
    /// Parses `auto`, `16` or `none`.
    pub fn from_code(code: &str) -> Option<ColorChoice> {
        match code.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(ColorChoice::Auto),
            "16" | "basic" => Some(ColorChoice::Basic),
            "none" | "no" | "off" | "0" => Some(ColorChoice::None),
            _ => None,
        }
    }
}

/// The display asked on the command line (`--color`, `--ascii` or their variables); what
/// it leaves open, the room's setting decides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisplayAsked {
    /// Colours, if asked.
    pub color: Option<ColorChoice>,
    /// ASCII lines asked for.
    pub ascii: bool,
}

impl DisplayAsked {
    /// The theme: the command line first, then the room's setting (`auto`/`16`/`none`,
    /// ASCII on or off), then automatic colours and box-drawing lines.
    pub fn theme(self, room_color: Option<&str>, room_ascii: Option<bool>) -> Theme {
        let color = self
            .color
            .or_else(|| room_color.and_then(ColorChoice::from_code))
            .unwrap_or_default();
        Theme::new(color, self.ascii || room_ascii.unwrap_or(false))
    }
}

impl Theme {
    /// No colours, box-drawing lines: what snapshot tests draw.
    pub const PLAIN: Theme = Theme {
        color: false,
        ascii: false,
    };

    /// The theme for this terminal: `choice` and `ascii` from the command line, with
    /// `NO_COLOR` and `TERM=dumb` honoured under `auto`.
    pub fn new(choice: ColorChoice, ascii: bool) -> Theme {
        let color = match choice {
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
                !(no_color || dumb)
            }
            ColorChoice::Basic => true,
            ColorChoice::None => false,
        };
        Theme { color, ascii }
    }

    fn pick(self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::default()
    }

    /// The title bar.
    pub fn title(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    /// The tab in front.
    pub fn tab_active(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// Borders and labels.
    pub fn frame(self) -> Style {
        self.pick(Style::default().fg(Color::Cyan), Style::default())
    }

    /// The selected row or focused field.
    pub fn selected(self) -> Style {
        self.pick(
            Style::default().fg(Color::Black).bg(Color::Cyan),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    /// Column headers and field labels.
    pub fn header(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// Hints and less important text.
    pub fn dim(self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default())
    }

    /// Errors: what went wrong and what to do.
    pub fn error(self) -> Style {
        self.pick(
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// Good news (saved).
    pub fn ok(self) -> Style {
        self.pick(
            Style::default().fg(Color::Green),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// A key's name in the key bar.
    pub fn key(self) -> Style {
        self.pick(
            Style::default().fg(Color::Black).bg(Color::Gray),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    /// A risk flag (可能激化, 群体性).
    pub fn risk(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// A case status's colour.
    pub fn status(self, status: CaseStatus) -> Style {
        let color = match status {
            CaseStatus::Registered => Color::Yellow,
            CaseStatus::Accepted | CaseStatus::Mediating => Color::LightBlue,
            CaseStatus::Succeeded => Color::Green,
            CaseStatus::Rejected | CaseStatus::Terminated => Color::Magenta,
            CaseStatus::Archived => Color::DarkGray,
        };
        self.pick(Style::default().fg(color), Style::default())
    }
}
