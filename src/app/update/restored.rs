//! The whole file was put back from a copy (`tiaojie restore`) while this session ran:
//! every form open now is kept as a draft and closed, everything shown is read again,
//! the user is told plainly what happened, and the drafts are offered at once. Nothing
//! typed against the replaced content is written: storage refuses it until the session
//! has taken the restore in (the first effect below).

use super::list::reload;
use crate::app::action::Effect;
use crate::app::drafts::{DraftOffer, OfferedDraft};
use crate::app::modal::Modal;
use crate::app::open_forms::open_forms;
use crate::app::state::{AppState, CasesView};
use crate::i18n::tf;
use crate::storage::Restored;

/// A restore was noticed (by the change poll, or by a write that storage refused).
pub fn restored(state: &mut AppState, restored: Restored) -> Vec<Effect> {
    let when = restored
        .at
        .map(|t| t.format("%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let mut effects = vec![Effect::TakeInRestore(restored.generation)];
    let mut rows = Vec::new();
    for open in open_forms(state) {
        let Ok(content) = serde_json::to_string(&open.data) else {
            continue;
        };
        effects.push(Effect::SaveDraft {
            key: open.key.code(),
            content,
        });
        rows.push(OfferedDraft {
            // This window's own draft (see `OfferedDraft::owner`).
            owner: String::new(),
            key: open.key,
            data: open.data,
            when: when.clone(),
        });
    }
    // The forms close below; their drafts must stay (closing a form deletes its draft).
    state.drafts.saved.clear();
    state.drafts.pending = None;
    state.drafts.override_reason = None;
    state.modals.clear();
    state.cases = CasesView::List;
    state.settings.form = None;
    effects.push(Effect::LoadRoom);
    effects.extend(reload(state));
    effects.push(Effect::LoadToday(state.today));
    effects.extend(super::entered(state));
    if let Some(period) = state.stats.period {
        effects.push(Effect::LoadStats(period));
    }
    let drafts = rows.len();
    if drafts > 0 {
        state.modals.push(Modal::Drafts(DraftOffer {
            rows,
            selected: 0,
            after_restore: true,
        }));
    }
    let file = std::path::Path::new(&restored.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| restored.file.clone());
    let mut text = tf(
        "msg.restored",
        &[("who", &restored.by), ("when", &when), ("file", &file)],
    );
    if drafts > 0 {
        text.push_str(&tf(
            "msg.restored_drafts",
            &[("count", &drafts.to_string())],
        ));
    }
    state.modals.push(Modal::Notice { text });
    effects
}
