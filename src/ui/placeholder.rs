//! The tabs that are not built yet say what will be there, so nobody thinks data is lost.

use super::theme::Theme;
use super::wrap::wrap;
use crate::app::Tab;
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Padding, Paragraph};

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
        .padding(Padding::horizontal(1))
        .title(format!(" {} ", t(tab.title())));
    // Wrapped here rather than by ratatui, so no line starts with "、" or "，".
    let width = usize::from(block.inner(area).width);
    let lines: Vec<Line> = t(key)
        .lines()
        .flat_map(|line| wrap(&[(line, theme.text())], width, 0))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
