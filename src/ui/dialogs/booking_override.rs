//! A refused booking over the session or postpone dialog: what it clashes with (escaped
//! for the terminal), then the reason to book anyway.

use super::{Theme, small_form};
use crate::app::dialogs::FormDialog;
use crate::app::dialogs::session::OverrideForm;
use ratatui::Frame;
use ratatui::layout::Rect;

/// A refused booking: what it clashes with, and the reason to book anyway.
pub fn render(frame: &mut Frame, area: Rect, o: &OverrideForm, top: bool, theme: Theme) {
    let clashes: Vec<String> = o
        .clashes
        .iter()
        .map(|c| format!("· {}", crate::ui::text::clean(c)))
        .collect();
    let hint = format!("{}\n{}", clashes.join("\n"), o.hint());
    small_form(frame, area, &o.heading(), &o.form, &hint, top, theme);
}
