//! What the 文书 tab and the agreement editor's preview show, built from the whole state
//! (pure): the same `Document` values the writers print, with ID numbers masked as on
//! every screen. Lives above `state` so the types below it never read `AppState`.

use super::agreement_form::AgreementEditor;
use super::docs_view::mask_ids;
use super::state::AppState;
use crate::documents::forms::{CaseFile, Choice, text_pages};
use crate::documents::{Document, DocumentError};
use crate::domain::follow_up::FollowUp;
use crate::domain::session::{Session, SessionKind, SessionStatus};

/// The sessions of the open case a notice or record can be about (not cancelled or
/// postponed, not a follow-up visit), in time order.
pub fn live_sessions(state: &AppState) -> Vec<&Session> {
    let Some(detail) = state.detail() else {
        return Vec::new();
    };
    detail
        .sessions()
        .iter()
        .filter(|s| {
            s.fields.kind != SessionKind::FollowUp
                && !matches!(
                    s.status,
                    SessionStatus::Cancelled | SessionStatus::Postponed
                )
        })
        .collect()
}

/// The follow-up visits of the open case, oldest first.
pub fn visits(state: &AppState) -> &[FollowUp] {
    state.detail().map_or(&[], |d| d.follow_ups())
}

/// What ←/→ chose, kept only while it belongs to the open case.
pub fn choice(state: &AppState) -> Choice {
    let session = state
        .docs
        .session
        .filter(|id| live_sessions(state).iter().any(|s| s.id == *id));
    let visit = state
        .docs
        .visit
        .filter(|n| (1..=visits(state).len()).contains(n));
    Choice {
        session,
        visit,
        ..Choice::default()
    }
}

/// The chosen form of the case open in the 案件 tab: none when no case is open. Made
/// from the session and visit chosen with ←/→ (the case's latest by default), as the
/// PDF is; a session's notices (one per invited party) come one after another. It is the
/// printed value, ID numbers in full as on paper (the preview's title says so), so they
/// can be proof-read before printing; the case holds only what the user's role may see.
pub fn preview(state: &AppState) -> Option<Result<Vec<Document>, DocumentError>> {
    let detail = state.detail()?;
    let org = state.org.as_ref()?;
    let file = CaseFile {
        case: &detail.case,
        org: &org.profile,
        mediators: &state.mediators,
        sessions: detail.sessions(),
        follow_ups: detail.follow_ups(),
        agreement: detail.agreement.as_ref(),
        default_court: &state.room_settings.default_court,
        today: state.today,
        choice: choice(state),
        pages: &text_pages,
    };
    Some(state.docs.form().build(&file, &state.docs.templates))
}

/// The agreement as it will print, from what is typed now (ID numbers masked as on every
/// screen); `None` before the room is set up.
pub fn agreement_preview(
    state: &AppState,
    editor: &AgreementEditor,
) -> Option<crate::documents::Document> {
    let org = state.org.as_ref()?;
    let templates = &state.docs.templates;
    let doc = crate::documents::agreement::agreement_document(
        &editor.case,
        &editor.draft(state.today),
        &org.profile,
        &templates.form("agreement"),
    );
    Some(mask_ids(
        doc,
        &templates.form("common").text("party.id_number"),
    ))
}
