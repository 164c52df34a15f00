//! The new/edit case form: the case fields, then its parties as a list (role, name,
//! masked ID number, phone).

use super::form_view::{ListRow, ListRows, render_form};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::case_form::CaseForm;
use crate::domain::id_card::mask_id;
use crate::domain::party::{Party, PartyKind};
use crate::i18n::{label, t};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// Draws the case form.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, form: &CaseForm, theme: Theme) {
    let title = match form.editing {
        Some(_) => t("form.edit_case"),
        None => t("form.new_case"),
    };
    let block = Block::bordered()
        .border_style(theme.frame())
        .title(Span::styled(format!(" {title} "), theme.header()))
        .title_bottom(Line::from(Span::styled(
            format!(" {} ", t("form.required_note")),
            theme.dim(),
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let parties = |_: &crate::app::form::Field| ListRows {
        rows: form.parties.iter().map(party_row).collect(),
        empty: t("form.parties_empty").into_owned(),
        flex: 1,
    };
    render_form(
        frame,
        inner,
        &form.form,
        theme,
        state.modals.is_empty(),
        &parties,
    );
}

/// A party's row: role, name, ID number masked (credit code for an organisation), phone.
fn party_row(p: &Party) -> ListRow {
    let id = match p.kind {
        PartyKind::Person => mask_id(&p.id_number),
        PartyKind::Organisation => p.credit_code.clone(),
    };
    ListRow {
        cells: vec![
            label("role", p.role.code()).into_owned(),
            p.name.clone(),
            id,
            p.phone.clone(),
        ],
        dim: false,
    }
}
