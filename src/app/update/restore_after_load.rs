//! Restoring the drafts whose forms are built from data still loading — the agreement
//! editor, the follow-up visit, the postpone/cancel dialog, the status-change reason and
//! the booking-override reason: each waits for the case, then the agreement or the case's
//! sessions, and reopens with every field as typed. The offer itself is `drafts.rs`.

use super::drafts::mark_open;
use crate::app::agreement_draft::fill_agreement;
use crate::app::drafts::{DraftData, DraftKey, fill};
use crate::app::modal::{Modal, ReasonForm};
use crate::app::state::{AppState, CasesView};
use crate::domain::case::Case;
use crate::domain::status::CaseStatus;

/// The case of a waiting draft arrived (and is on screen). Returns true if the draft was
/// one of this module's (reopened now, or waiting again for the agreement or sessions).
pub fn case_arrived(state: &mut AppState, key: DraftKey, data: &DraftData, case: &Case) -> bool {
    match key {
        DraftKey::Agreement(_) | DraftKey::Reschedule(..) => {
            state.drafts.pending = Some((key, data.clone()));
        }
        DraftKey::FollowUp(_) => {
            super::follow_up::open(state);
            if let Some(Modal::FollowUp(f)) = state.modals.last_mut() {
                fill(&mut f.form, &data.fields, &data.focus);
            }
        }
        DraftKey::Reason(id) => {
            let to = data.more.status.as_deref().and_then(CaseStatus::from_code);
            let Some(to) = to else {
                return true;
            };
            // The version the reason was typed at: a change made since is noticed.
            let mut form = ReasonForm::new(id, data.version.unwrap_or(case.version), to);
            fill(&mut form.form, &data.fields, &data.focus);
            state.modals.push(Modal::Reason(form));
        }
        _ => return false,
    }
    true
}

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

/// The sessions of the case arrived: reopen a postpone/cancel draft that waited for them.
pub fn sessions_arrived(state: &mut AppState) {
    let Some((DraftKey::Reschedule(id, _), _)) = &state.drafts.pending else {
        return;
    };
    if !state
        .detail()
        .is_some_and(|d| d.case.id == *id && d.sessions.is_some())
    {
        return;
    }
    let Some((DraftKey::Reschedule(id, postpone), data)) = state.drafts.pending.take() else {
        return;
    };
    super::reschedule::open_on_detail(state, postpone);
    let Some(Modal::Reschedule(rf)) = state.modals.last_mut() else {
        return;
    };
    // The session first: choosing it fills the date and times with its own.
    if let Some(code) = data.fields.get("session") {
        rf.form.set_choice("session", code);
        rf.refresh();
    }
    fill(&mut rf.form, &data.fields, &data.focus);
    state.drafts.override_reason = data.more.override_reason.clone();
    mark_open(state, DraftKey::Reschedule(id, postpone), &data);
}

/// A booking clashed and the override form opened: type in a restored reason.
pub fn override_opened(state: &mut AppState) {
    let Some(reason) = state.drafts.override_reason.take() else {
        return;
    };
    if let Some(Modal::Override(o)) = state.modals.last_mut() {
        o.form.set_text("reason", &reason);
    }
}
