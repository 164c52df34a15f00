//! Drawing: one file per screen and per dialog, all reading `&AppState` and nothing
//! else. Must not import rusqlite or touch storage; never changes state.

mod agreement;
mod ascii;
mod case_detail;
mod case_form;
mod case_list;
mod chrome;
mod dialogs;
mod documents;
mod form_view;
mod help;
mod range_form;
mod schedule;
mod scroll;
mod session_line;
mod settings;
mod setup;
mod stats;
pub mod text;
pub mod theme;
mod today;
mod today_performance;
mod wrap;

use crate::app::{AppState, CasesView, Tab};
use crate::i18n::tf;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use theme::Theme;

pub use crate::app::status_line::MIN_SIZE;
pub use case_list::screen;

/// Draws the whole screen for `state` (in ASCII lines when the theme says so).
pub fn render(frame: &mut Frame, state: &AppState, theme: Theme) {
    // Arrows become words where the texts are made (a cell cannot hold `<-`); every other
    // ambiguous-width character is swapped on the drawn buffer.
    let arrows_before = crate::i18n::ascii();
    crate::i18n::set_ascii(theme.ascii);
    draw(frame, state, theme);
    crate::i18n::set_ascii(arrows_before);
    if theme.ascii {
        ascii::asciify(frame.buffer_mut());
    }
}

fn draw(frame: &mut Frame, state: &AppState, theme: Theme) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(frame, area, theme);
        return;
    }
    let [title, tabs, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(chrome::status_rows(state, area)),
        Constraint::Length(chrome::key_rows(state, area)),
    ])
    .areas(area);
    chrome::title(frame, title, state, theme);
    if let Some(form) = &state.setup {
        chrome::tabs(frame, tabs, None, theme);
        setup::render(frame, body, form, state.modals.is_empty(), theme);
    } else {
        chrome::tabs(frame, tabs, Some(state.tab), theme);
        match state.tab {
            Tab::Cases => match &state.cases {
                CasesView::List => case_list::render(frame, body, state, theme),
                CasesView::Detail(d) => case_detail::render(frame, body, state, d, theme),
                CasesView::Form(f) => case_form::render(frame, body, state, f, theme),
                CasesView::Agreement(a) => agreement::render(frame, body, state, a, theme),
            },
            Tab::Settings => settings::render(frame, body, state, theme),
            Tab::Today => today::render(frame, body, state, theme),
            Tab::Schedule => schedule::render(frame, body, state, theme),
            Tab::Statistics => stats::render(frame, body, state, theme),
            Tab::Documents => documents::render(frame, body, state, theme),
        }
    }
    chrome::status(frame, status, state, theme);
    chrome::key_bar(frame, keys, state, theme);
    for modal in &state.modals {
        dialogs::render(frame, area, state, modal, theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = tf(
        "msg.too_small",
        &[
            ("w", &area.width.to_string()),
            ("h", &area.height.to_string()),
            ("min_w", &MIN_SIZE.0.to_string()),
            ("min_h", &MIN_SIZE.1.to_string()),
        ],
    );
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.error())
            .wrap(Wrap { trim: true }),
        area,
    );
}

// Crate-visible so the state tests in `app` share the fixtures in `tests::support`.
#[cfg(test)]
pub(crate) mod tests;
