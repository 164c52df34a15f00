//! The first-start form.

use super::theme::Theme;
use crate::app::form::Form;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the first-start form.
pub fn render(_frame: &mut Frame, _area: Rect, _form: &Form, _theme: Theme) {}
