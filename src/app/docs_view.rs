//! The 文书 tab: which form is chosen for the case open in the 案件 tab. The preview is
//! the same `Document` value the writers print, built here from the state (pure).

use super::state::{AppState, CasesView};
use crate::documents::forms::{CaseFile, Choice, FormKind, text_pages};
use crate::documents::template::Templates;
use crate::documents::{Block, Document, DocumentError};
use crate::domain::case::CaseId;
use crate::domain::follow_up::FollowUp;
use crate::domain::id_card::mask_id;

/// The tab's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocsView {
    /// The chosen form (index into `FormKind::ALL`).
    pub selected: usize,
    /// Lines the preview is scrolled down.
    pub scroll: u16,
    /// The room's wording of the forms, read at start (built-in unless overridden).
    pub templates: std::sync::Arc<Templates>,
    /// The follow-up visits of the case on screen (its id, its visits).
    pub follow_ups: Option<(CaseId, Vec<FollowUp>)>,
}

impl DocsView {
    /// The chosen form.
    pub fn form(&self) -> FormKind {
        FormKind::ALL[self.selected.min(FormKind::ALL.len() - 1)]
    }
}

/// The chosen form of the case open in the 案件 tab: none when no case is open. Made
/// from the case's latest session and visit, as the PDF is; a session's notices (one per
/// invited party) come one after another. ID numbers are masked on screen as in the
/// case detail (the PDF carries them in full); everything else is the printed value.
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
    let follow_ups = match &state.docs.follow_ups {
        Some((c, list)) if *c == id => list.as_slice(),
        _ => &[],
    };
    let file = CaseFile {
        case: &detail.case,
        org: &org.profile,
        mediators: &state.mediators,
        sessions,
        follow_ups,
        today: state.today,
        choice: Choice::default(),
        pages: &text_pages,
    };
    let docs = state.docs.form().build(&file, &state.docs.templates);
    let id_label = state.docs.templates.form("common").text("party.id_number");
    Some(docs.map(|d| d.into_iter().map(|d| mask_ids(d, &id_label)).collect()))
}

fn mask_ids(mut doc: Document, id_label: &str) -> Document {
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
