//! One case: its number, status, source, category, facts, parties and history.
//! (First version; to be laid out fully.)

use super::theme::Theme;
use crate::app::{AppState, CaseDetail};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

/// Draws the case.
pub fn render(frame: &mut Frame, area: Rect, _state: &AppState, detail: &CaseDetail, theme: Theme) {
    let text = format!("{:?}", detail.case.status);
    frame.render_widget(
        Paragraph::new(text).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.frame()),
        ),
        area,
    );
}
