//! Drafts of the forms that came after the case form: the agreement editor (its main
//! form, clause and performance-item pages), the follow-up visit, the postpone/cancel
//! dialog, the status-change reason, the booking-override reason and the first-start
//! form. What they hold beyond their fields lives in `MoreData`; `drafts.rs` owns the
//! mechanism (keys, saving, the offer).

use super::agreement_form::{AgreementEditor, EditorPage};
use super::drafts::{DraftData, DraftKey, OpenForm, about_case, fill, focus_id, values};
use super::form::Form;
use super::modal::Modal;
use super::state::{AppState, CasesView};
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

fn form_draft(form: &Form) -> DraftData {
    DraftData {
        fields: values(form),
        focus: focus_id(form),
        ..DraftData::default()
    }
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

/// Adds the open forms this module owns to `open`.
pub fn open_forms(state: &AppState, open: &mut Vec<OpenForm>) {
    let detail_about = match &state.cases {
        CasesView::Detail(d) => about_case(&d.case),
        _ => String::new(),
    };
    if let CasesView::Agreement(editor) = &state.cases
        && editor.changed()
    {
        open.push(OpenForm {
            key: DraftKey::Agreement(editor.case.id),
            data: agreement_draft(editor),
        });
    }
    for modal in &state.modals {
        let (key, mut data) = match modal {
            Modal::FollowUp(f) if f.form.changed() => {
                (DraftKey::FollowUp(f.case_id), form_draft(&f.form))
            }
            Modal::Reschedule(r) if r.form.changed() => {
                let Some(session) = r.session() else {
                    continue;
                };
                let postpone = r.kind == super::reschedule_form::RescheduleKind::Postpone;
                (
                    DraftKey::Reschedule(session.fields.case_id, postpone),
                    form_draft(&r.form),
                )
            }
            Modal::Reason(r) if r.form.changed() => {
                let mut data = form_draft(&r.form);
                data.version = Some(r.version);
                data.more.status = Some(r.to.code().to_string());
                (DraftKey::Reason(r.case_id), data)
            }
            _ => continue,
        };
        data.about = detail_about.clone();
        open.push(OpenForm { key, data });
    }
    override_reason(state, open);
    if let Some(form) = state.setup.as_ref().filter(|f| f.changed()) {
        open.push(OpenForm {
            key: DraftKey::Setup,
            data: form_draft(form),
        });
    }
}

/// A booking-override reason is kept with the form it books from (the session or postpone
/// form under it): restored, that form asks again on F2 and the reason is typed in already.
fn override_reason(state: &AppState, open: &mut Vec<OpenForm>) {
    let mut below = None;
    for modal in &state.modals {
        match modal {
            Modal::Session(s) => below = Some((DraftKey::Session(s.case_id), &s.form)),
            Modal::Reschedule(r) => {
                if let Some(session) = r.session() {
                    let postpone = r.kind == super::reschedule_form::RescheduleKind::Postpone;
                    below = Some((
                        DraftKey::Reschedule(session.fields.case_id, postpone),
                        &r.form,
                    ));
                }
            }
            Modal::Override(o) if o.form.changed() => {
                let Some((key, form)) = below else {
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
            _ => {}
        }
    }
}
