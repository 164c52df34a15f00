//! Which forms are open now with something typed into them, and the draft each would
//! keep: the case form (with an open party dialog), every form dialog through its own
//! `draft` (see `app/dialogs`), the agreement editor, the settings and the first-start
//! form. A booking-override reason is kept with the form it books from.

use super::agreement_draft::agreement_draft;
use super::case_form::{about_case, names};
use super::dialogs::form_draft;
use super::dialogs::session::OverrideForm;
use super::drafts::{DraftData, DraftKey, OpenForm, PartyDraft, focus_id, values};
use super::modal::Modal;
use super::party_form::PartyForm;
use super::state::{AppState, CasesView};

/// Every form open now with something typed into it (a form back at what it opened with
/// holds nothing to lose and has no draft).
pub fn open_forms(state: &AppState) -> Vec<OpenForm> {
    let mut open = Vec::new();
    case_form(state, &mut open);
    let cx = state.dialog_context();
    let about = cx.open_case.map(about_case).unwrap_or_default();
    for dialog in state.modals.iter().filter_map(Modal::form_dialog) {
        if !dialog.form().changed() {
            continue;
        }
        if let Some((key, mut data)) = dialog.draft(&cx) {
            data.about = about.clone();
            open.push(OpenForm { key, data });
        }
    }
    if let CasesView::Agreement(editor) = &state.cases
        && editor.changed()
    {
        open.push(OpenForm {
            key: DraftKey::Agreement(editor.case.id),
            data: agreement_draft(editor),
        });
    }
    override_reason(state, &mut open);
    if let Some(form) = state.setup.as_ref().filter(|f| f.changed()) {
        open.push(OpenForm {
            key: DraftKey::Setup,
            data: form_draft(form),
        });
    }
    if let Some(form) = state.settings.form.as_ref().filter(|f| f.changed()) {
        open.push(OpenForm {
            key: DraftKey::Settings,
            data: form_draft(form),
        });
    }
    open
}

/// The case form's draft, with a party dialog open over it: a party is saved with its case.
fn case_form(state: &AppState, open: &mut Vec<OpenForm>) {
    let CasesView::Form(cf) = &state.cases else {
        return;
    };
    let party = state.modals.iter().find_map(Modal::dialog::<PartyForm>);
    if !(cf.changed() || party.is_some_and(|p| p.form.changed())) {
        return;
    }
    let about = if cf.about.is_empty() {
        names(&cf.parties)
    } else {
        cf.about.clone()
    };
    open.push(OpenForm {
        key: DraftKey::Case(cf.editing.map(|(id, _)| id)),
        data: DraftData {
            about,
            fields: values(&cf.form),
            focus: focus_id(&cf.form),
            version: cf.editing.map(|(_, v)| v),
            parties: cf.parties.clone(),
            party: party.map(|p| PartyDraft {
                index: p.index,
                fields: values(&p.form),
            }),
            ..DraftData::default()
        },
    });
}

/// A booking-override reason is kept with the form it books from (the session or postpone
/// form under it): restored, that form asks again on F2 and the reason is typed in already.
fn override_reason(state: &AppState, open: &mut Vec<OpenForm>) {
    let cx = state.dialog_context();
    let mut below = None;
    for modal in &state.modals {
        let Some(o) = modal.dialog::<OverrideForm>() else {
            if let Some(d) = modal.form_dialog()
                && let Some((key, _)) = d.draft(&cx)
            {
                below = Some((key, d.form()));
            }
            continue;
        };
        let Some((key, form)) = below.filter(|_| o.form.changed()) else {
            continue;
        };
        let reason = o.form.value("reason");
        match open.iter_mut().find(|f| f.key == key) {
            Some(f) => f.data.more.override_reason = Some(reason),
            None => {
                let mut data = form_draft(form);
                data.more.override_reason = Some(reason);
                open.push(OpenForm { key, data });
            }
        }
    }
}
