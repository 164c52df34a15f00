//! The 文书 tab: which form is chosen for the case open in the 案件 tab. The preview is
//! the same `Document` value the writers print, built here from the state (pure).

use super::state::{AppState, CasesView};
use crate::documents::forms::{CaseFile, Choice, FormKind, text_pages};
use crate::documents::template::Templates;
use crate::documents::{Block, Document, DocumentError};
use crate::domain::follow_up::FollowUp;
use crate::domain::id_card::mask_id;
use crate::domain::session::{Session, SessionId, SessionKind, SessionStatus};

/// The tab's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocsView {
    /// The chosen form (index into `FormKind::ALL`).
    pub selected: usize,
    /// Lines the preview is scrolled down.
    pub scroll: u16,
    /// The room's wording of the forms, read at start (built-in unless overridden).
    pub templates: std::sync::Arc<Templates>,
    /// The agreement of the case last opened, if it has one (read with the case).
    pub agreement: Option<crate::domain::agreement::Agreement>,
    /// The session ←/→ chose for a notice or record (none: the case's latest).
    pub session: Option<SessionId>,
    /// The visit ←/→ chose for a follow-up record, 1-based (none: the latest).
    pub visit: Option<usize>,
}

impl DocsView {
    /// The chosen form.
    pub fn form(&self) -> FormKind {
        FormKind::ALL[self.selected.min(FormKind::ALL.len() - 1)]
    }
}

/// The sessions of the open case a notice or record can be about (not cancelled or
/// postponed, not a follow-up visit), in time order.
pub fn live_sessions(state: &AppState) -> Vec<&Session> {
    let CasesView::Detail(detail) = &state.cases else {
        return Vec::new();
    };
    match &state.case_sessions {
        Some((c, list)) if *c == detail.case.id => list
            .iter()
            .filter(|s| {
                s.fields.kind != SessionKind::FollowUp
                    && !matches!(
                        s.status,
                        SessionStatus::Cancelled | SessionStatus::Postponed
                    )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The follow-up visits of the open case, oldest first.
pub fn visits(state: &AppState) -> &[FollowUp] {
    let CasesView::Detail(detail) = &state.cases else {
        return &[];
    };
    match &state.case_follow_ups {
        Some((c, list)) if *c == detail.case.id => list.as_slice(),
        _ => &[],
    }
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
    let CasesView::Detail(detail) = &state.cases else {
        return None;
    };
    let org = state.org.as_ref()?;
    let id = detail.case.id;
    let sessions = match &state.case_sessions {
        Some((c, list)) if *c == id => list.as_slice(),
        _ => &[],
    };
    let follow_ups = visits(state);
    let file = CaseFile {
        case: &detail.case,
        org: &org.profile,
        mediators: &state.mediators,
        sessions,
        follow_ups,
        agreement: state.docs.agreement.as_ref(),
        today: state.today,
        choice: choice(state),
        pages: &text_pages,
    };
    Some(state.docs.form().build(&file, &state.docs.templates))
}

/// The document with every ID number masked, as screens other than the preview show it.
pub fn mask_ids(mut doc: Document, id_label: &str) -> Document {
    for block in &mut doc.blocks {
        if let Block::Party { fields, .. } = block {
            for (label, value) in fields.iter_mut() {
                if label == id_label {
                    *value = mask_id(value);
                }
            }
        }
    }
    doc
}
