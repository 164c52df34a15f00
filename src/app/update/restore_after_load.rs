//! Restoring the drafts that are not a dialog's and wait for data still loading: the
//! agreement editor (after its case, then the agreement) and the booking-override reason
//! (typed in again when the booking clashes again). A dialog's draft reopens as its own file
//! says (`DialogKind::reopen`, driven by `drafts.rs`); the offer itself is `drafts.rs`.

use super::drafts::mark_open;
use crate::app::agreement_draft::fill_agreement;
use crate::app::dialogs::session::OverrideForm;
use crate::app::drafts::DraftKey;
use crate::app::modal::Modal;
use crate::app::state::{AppState, CasesView};

/// The agreement editor just opened: fill it from a draft that waited for it.
pub fn agreement_opened(state: &mut AppState) {
    let CasesView::Agreement(editor) = &mut state.cases else {
        return;
    };
    let id = editor.case.id;
    let Some((DraftKey::Agreement(for_case), _)) = &state.drafts.pending else {
        return;
    };
    if *for_case != id {
        return;
    }
    let Some((key, data)) = state.drafts.pending.take() else {
        return;
    };
    fill_agreement(editor, &data);
    if let Some(page) = &data.more.page {
        let list = if page.clause { "clauses" } else { "items" };
        super::agreement::open_page(editor, list, page.index, &page.fields);
    }
    mark_open(state, key, &data);
}

/// A booking clashed and the override form opened: type in a restored reason.
pub fn override_opened(state: &mut AppState) {
    let Some(reason) = state.drafts.override_reason.take() else {
        return;
    };
    if let Some(o) = state
        .modals
        .last_mut()
        .and_then(Modal::dialog_mut::<OverrideForm>)
    {
        o.form.set_text("reason", &reason);
    }
}
