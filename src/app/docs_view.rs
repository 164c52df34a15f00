//! The 文书 tab: which form is chosen for the case open in the 案件 tab. The preview is
//! the same `Document` value the writers print, built here from the state (pure).

use super::state::{AppState, CasesView};
use crate::documents::forms::FormKind;
use crate::documents::{Block, Document, DocumentError};
use crate::domain::id_card::mask_id;

/// The tab's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocsView {
    /// The chosen form (index into `FormKind::ALL`).
    pub selected: usize,
    /// Lines the preview is scrolled down.
    pub scroll: u16,
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
    let doc = state
        .docs
        .form()
        .build(&detail.case, &org.profile, state.today);
    Some(doc.map(mask_ids))
}

fn mask_ids(mut doc: Document) -> Document {
    for block in &mut doc.blocks {
        if let Block::Party { fields, .. } = block {
            for (label, value) in fields.iter_mut() {
                if label == "身份证号" {
                    *value = mask_id(value);
                }
            }
        }
    }
    doc
}
