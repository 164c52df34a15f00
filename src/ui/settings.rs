//! The settings tab.

use super::theme::Theme;
use crate::app::AppState;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the settings tab.
pub fn render(_frame: &mut Frame, _area: Rect, _state: &AppState, _theme: Theme) {}
