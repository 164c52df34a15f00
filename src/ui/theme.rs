//! Every colour and emphasis of the interface in one place. Degrades to bold, reverse and
//! underline when colours are off (`NO_COLOR`, or a terminal without colours).

use crate::domain::status::CaseStatus;
use ratatui::style::{Color, Modifier, Style};

/// The look of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colours on (false under NO_COLOR).
    pub color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set (https://no-color.org) or TERM says `dumb`.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        Theme {
            color: !(no_color || dumb),
        }
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
