//! The 文书 tab: which form is chosen for the case open in the 案件 tab. The preview is
//! the same `Document` value the writers print, built here from the state (pure).

use super::state::{AppState, CasesView};
use crate::documents::forms::FormKind;
use crate::documents::template::Templates;
use crate::documents::{Block, Document, DocumentError};
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
    /// The agreement of the case last opened, if it has one (read with the case).
    pub agreement: Option<crate::domain::agreement::Agreement>,
}

impl DocsView {
    /// The chosen form.
    pub fn form(&self) -> FormKind {
        FormKind::ALL[self.selected.min(FormKind::ALL.len() - 1)]
    }
}

/// The chosen form of the case open in the 案件 tab: none when no case is open. ID
/// numbers are masked on screen as in the case detail (the PDF carries them in full);
/// everything else is the printed value.
pub fn preview(state: &AppState) -> Option<Result<Document, DocumentError>> {
    let CasesView::Detail(detail) = &state.cases else {
        return None;
    };
    let org = state.org.as_ref()?;
    let doc = state.docs.form().build(
        &detail.case,
        state.docs.agreement.as_ref(),
        &org.profile,
        state.today,
        &state.docs.templates,
    );
    let id_label = state.docs.templates.form("common").text("party.id_number");
    Some(doc.map(|d| mask_ids(d, &id_label)))
}

/// The document with every ID number masked, as screens show it.
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
