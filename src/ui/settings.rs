//! The settings tab: the room's profile and language, the mediators (name, phone, still
//! working here or not), the local categories, the time limits, the places and the
//! display, with a line on how the lists work.

use super::form_view::{ListRow, ListRows, render_form};
use super::text::wrap;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Field;
use crate::app::settings::{active_word, local_line, place_cells, user_state};
use crate::i18n::{label, t};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the settings tab.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let block = Block::bordered()
        .border_style(theme.frame())
        .title(Span::styled(
            format!(" {} ", t("tab.settings")),
            theme.header(),
        ))
        .title_bottom(Line::from(Span::styled(
            format!(" {} ", t("form.required_note")),
            theme.dim(),
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(form) = &state.settings.form else {
        frame.render_widget(
            Paragraph::new(Span::styled(t("list.loading"), theme.dim())),
            inner,
        );
        return;
    };
    // On the users list its own keys are explained instead of the other lists'.
    let on_users = form.focused().is_some_and(|f| f.id == "users");
    let hint_text = if on_users {
        t("settings.users_hint").into_owned()
    } else {
        let (lists, places) = (t("settings.lists_hint"), t("settings.places_hint"));
        // Chinese sentences follow one another without a space; English ones take one.
        let gap = if lists.ends_with('。') { "" } else { " " };
        format!("{lists}{gap}{places}")
    };
    let hint = wrap(&hint_text, usize::from(inner.width).saturating_sub(2));
    let hint_h = u16::try_from(hint.len())
        .unwrap_or(u16::MAX)
        .min(inner.height / 3);
    let form_area = Rect {
        height: inner.height.saturating_sub(hint_h),
        ..inner
    };
    render_form(
        frame,
        form_area,
        form,
        theme,
        // The cursor shows only in edit mode: in browse mode keys do not type.
        state.modals.is_empty() && state.settings.editing,
        &|field| rows(state, field),
    );
    let lines: Vec<Line> = hint
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), theme.dim())))
        .collect();
    let hint_area = Rect {
        y: form_area.bottom(),
        height: hint_h,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), hint_area.intersection(inner));
}

/// The rows of the mediators or local categories list.
fn rows(state: &AppState, field: &Field) -> ListRows {
    match field.id {
        "mediators" => ListRows {
            rows: state
                .mediators
                .iter()
                .map(|m| ListRow {
                    cells: vec![
                        m.name.clone(),
                        m.phone.clone(),
                        active_word(m.active).into_owned(),
                    ],
                    dim: !m.active,
                })
                .collect(),
            empty: t("settings.mediators_empty").into_owned(),
            flex: 0,
        },
        "users" => ListRows {
            rows: state
                .users
                .iter()
                .map(|u| ListRow {
                    cells: vec![
                        u.name.clone(),
                        u.display.clone(),
                        label("role", u.role.code()).into_owned(),
                        user_state(u.active).into_owned(),
                    ],
                    dim: !u.active,
                })
                .collect(),
            empty: t("settings.users_empty").into_owned(),
            flex: 0,
        },
        "places" => ListRows {
            rows: state
                .room_settings
                .places
                .iter()
                .map(|p| ListRow {
                    cells: place_cells(p),
                    dim: !p.is_room,
                })
                .collect(),
            empty: String::new(),
            flex: 0,
        },
        _ => ListRows {
            rows: state
                .locals
                .iter()
                .map(|l| ListRow {
                    cells: vec![local_line(l)],
                    dim: false,
                })
                .collect(),
            empty: t("settings.locals_empty").into_owned(),
            flex: 0,
        },
    }
}
