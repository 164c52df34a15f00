//! Draws a first-day/last-day form (`app::range_form`): a title line, then the two days
//! as a form (a bad day's message beside its field). Shared by the statistics tab and the
//! agenda, so both ask for a range the same way.

use super::theme::Theme;
use crate::app::form::{Field, Form};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws `form` under `title` in `area`.
pub fn render(frame: &mut Frame, area: Rect, title: &str, form: &Form, active: bool, theme: Theme) {
    let title = Line::styled(title.to_string(), theme.header());
    frame.render_widget(
        Paragraph::new(title),
        Rect {
            height: area.height.min(1),
            ..area
        },
    );
    let rest = Rect {
        y: area.y.saturating_add(2).min(area.bottom()),
        height: area.height.saturating_sub(2),
        ..area
    };
    let no_list = |_: &Field| super::form_view::ListRows::default();
    super::form_view::render_form(frame, rest, form, theme, active, &no_list);
}
