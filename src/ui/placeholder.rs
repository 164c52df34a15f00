//! The tabs that are not built yet say what will be there, so nobody thinks data is lost.

use super::theme::Theme;
use crate::app::Tab;
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws a tab's "coming" page.
pub fn render(frame: &mut Frame, area: Rect, tab: Tab, theme: Theme) {
    let key = match tab {
        Tab::Schedule => "coming.schedule",
        Tab::Documents => "coming.documents",
        _ => "coming.statistics",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame())
        .title(format!(" {} ", t(tab.title())));
    frame.render_widget(
        Paragraph::new(t(key))
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
