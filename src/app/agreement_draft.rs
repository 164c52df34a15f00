//! The agreement editor's draft: its main form, its clauses and items, an open clause or
//! item page. `drafts.rs` owns the mechanism and what a draft holds.

use super::agreement_form::{AgreementEditor, EditorPage};
use super::case_form::about_case;
use super::dialogs::form_draft;
use super::drafts::{DraftData, PageDraft, fill, values};

/// The agreement editor as a draft.
pub fn agreement_draft(editor: &AgreementEditor) -> DraftData {
    let mut data = form_draft(&editor.form);
    data.about = about_case(&editor.case);
    // The version the user started from (or chose to replace): a save from the restored
    // draft still notices what others saved since.
    data.version = Some(editor.overwrite.unwrap_or(editor.base.version));
    data.more.clauses = Some(editor.clauses.clone());
    data.more.items = Some(editor.items.clone());
    data.more.page = match &editor.page {
        EditorPage::Clause { index, form, .. } => Some(PageDraft {
            clause: true,
            index: *index,
            fields: values(form),
        }),
        EditorPage::Item { index, form, .. } => Some(PageDraft {
            clause: false,
            index: *index,
            fields: values(form),
        }),
        EditorPage::Main | EditorPage::Preview { .. } => None,
    };
    data
}

/// Puts a draft back into a freshly opened editor (the page's form is built by the caller
/// from `data.more.page` through `open_page`).
pub fn fill_agreement(editor: &mut AgreementEditor, data: &DraftData) {
    fill(&mut editor.form, &data.fields, &data.focus);
    if let Some(clauses) = &data.more.clauses {
        editor.clauses = clauses.clone();
    }
    if let Some(items) = &data.more.items {
        editor.items = items.clone();
    }
    if let Some(version) = data.version {
        editor.base.version = version;
    }
}
