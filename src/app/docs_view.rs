//! The 文书 tab's own state: which form is chosen for the case open in the 案件 tab, and
//! how a document is masked for the screen. The previews built from the whole state are
//! `previews.rs`.

use crate::documents::forms::FormKind;
use crate::documents::template::Templates;
use crate::documents::{Block, Document};
use crate::domain::id_card::mask_id;
use crate::domain::session::SessionId;

/// The tab's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocsView {
    /// The chosen form (index into `FormKind::ALL`).
    pub selected: usize,
    /// Lines the preview is scrolled down.
    pub scroll: u16,
    /// The room's wording of the forms, read at start (built-in unless overridden).
    pub templates: std::sync::Arc<Templates>,
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
