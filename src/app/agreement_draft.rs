//! The agreement editor's draft (its main form, its clauses and items, an open clause or
//! item page) and `MoreData`, what drafts hold beyond a form's fields (also a status
//! reason's status and a booking-override reason). `drafts.rs` owns the mechanism.

use super::agreement_form::{AgreementEditor, EditorPage};
use super::dialogs::form_draft;
use super::drafts::{DraftData, about_case, fill, values};
use crate::domain::agreement::PerformanceItem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What these forms hold besides their fields (all absent for the older forms, so their
/// stored drafts read as before).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MoreData {
    /// The agreement's clauses as edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clauses: Option<Vec<String>>,
    /// The agreement's performance items as edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<PerformanceItem>>,
    /// A clause or item page open in the agreement editor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageDraft>,
    /// The reason typed to book over a clash (kept with the session or postpone form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
    /// The status a reason is for (its code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// A clause or performance-item page of the agreement editor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageDraft {
    /// `true`: a clause; else a performance item.
    pub clause: bool,
    /// Which row it edits (`None`: a new one).
    pub index: Option<usize>,
    /// Its fields by id.
    pub fields: BTreeMap<String, String>,
}

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
