//! The new/edit case form.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::case_form::CaseForm;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the case form.
pub fn render(_frame: &mut Frame, _area: Rect, _state: &AppState, _form: &CaseForm, _theme: Theme) {
}
