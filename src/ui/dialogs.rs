//! Dialogs drawn over the screen.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::modal::Modal;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws one dialog.
pub fn render(_frame: &mut Frame, _area: Rect, _state: &AppState, _modal: &Modal, _theme: Theme) {}
