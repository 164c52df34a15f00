//! Dialogs drawn over the screen.

use super::help;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::modal::Modal;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws one dialog.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, modal: &Modal, theme: Theme) {
    if let Modal::Help { scroll } = modal {
        help::render(frame, area, state, *scroll, theme);
    }
}
