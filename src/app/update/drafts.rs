//! Drafts: saving what the open forms hold when typing pauses, deleting a draft when its
//! form is saved or given up, and offering at start the drafts of this user's windows
//! that are gone — restore reopens the form with every field as typed (and makes the
//! draft this window's), discard deletes the draft.

use crate::app::action::Effect;
use crate::app::case_form::CaseForm;
use crate::app::command::Command;
use crate::app::dialogs::{Reopen, kind_of, parse_draft_key};
use crate::app::drafts::{DraftData, DraftKey, DraftOffer, OfferedDraft, fill};
use crate::app::modal::Modal;
use crate::app::open_forms::open_forms;
use crate::app::party_form::PartyForm;
use crate::app::state::{AppState, CasesView, StatusLine, Tab};
use crate::domain::case::Case;
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::storage::Draft;

/// Typing paused: writes each open form whose content changed since its last save.
pub fn save(state: &mut AppState) -> Vec<Effect> {
    let mut effects = Vec::new();
    for open in open_forms(state) {
        let key = open.key.code();
        let Ok(content) = serde_json::to_string(&open.data) else {
            continue;
        };
        if state.drafts.saved.get(&key) != Some(&content) {
            state.drafts.saved.insert(key.clone(), content.clone());
            effects.push(Effect::SaveDraft { key, content });
        }
    }
    effects
}

/// Deletes the drafts of forms saved in this run that are no longer open: a form closes
/// only when it was saved or given up on purpose (a dropped connection never gets here).
pub fn closed(state: &mut AppState) -> Vec<Effect> {
    if state.drafts.saved.is_empty() {
        return Vec::new();
    }
    let open: Vec<String> = open_forms(state).iter().map(|o| o.key.code()).collect();
    let gone: Vec<String> = state
        .drafts
        .saved
        .keys()
        .filter(|k| !open.contains(k))
        .cloned()
        .collect();
    gone.into_iter()
        .map(|key| {
            state.drafts.saved.remove(&key);
            Effect::DeleteDraft(key)
        })
        .collect()
}

/// The drafts of an earlier run arrived: offer them (those this version can read).
pub fn loaded(state: &mut AppState, drafts: Vec<Draft>) -> Vec<Effect> {
    let rows: Vec<OfferedDraft> = drafts
        .into_iter()
        .filter_map(|d| {
            Some(OfferedDraft {
                owner: d.owner,
                key: parse_draft_key(&d.key)?,
                data: serde_json::from_str(&d.content).ok()?,
                when: d.updated_at.format("%m-%d %H:%M").to_string(),
            })
        })
        .collect();
    if rows.is_empty() {
        // Nothing this version can offer: the gone windows are left for a later start.
        return vec![Effect::ReleaseDrafts];
    }
    state.modals.push(Modal::Drafts(DraftOffer {
        rows,
        selected: 0,
        after_restore: false,
    }));
    Vec::new()
}

/// Keys in the offer: ↑/↓ choose, Enter restores, Delete discards, Esc decides later.
pub fn offer_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let Some(Modal::Drafts(offer)) = state.modals.last_mut() else {
        return Vec::new();
    };
    let last = offer.rows.len().saturating_sub(1);
    match cmd {
        Some(Command::Down) => offer.selected = (offer.selected + 1).min(last),
        Some(Command::Up) => offer.selected = offer.selected.saturating_sub(1),
        // Decided later: offered again at a later start (another window may offer them
        // from now on).
        Some(Command::Back) => {
            state.modals.pop();
            return vec![Effect::ReleaseDrafts];
        }
        Some(Command::Remove) if offer.selected < offer.rows.len() => {
            let row = offer.rows.remove(offer.selected);
            offer.selected = offer.selected.min(offer.rows.len().saturating_sub(1));
            let mut effects = vec![Effect::DiscardDraft {
                owner: row.owner,
                key: row.key.code(),
            }];
            if offer.rows.is_empty() {
                state.modals.pop();
                effects.push(Effect::ReleaseDrafts);
            }
            state.status = Some(StatusLine {
                text: crate::i18n::t("msg.draft_discarded").into_owned(),
                error: false,
            });
            return effects;
        }
        Some(Command::Open) if offer.selected < offer.rows.len() => {
            let row = offer.rows.remove(offer.selected);
            let more = !offer.rows.is_empty();
            state.modals.pop();
            if more {
                state.status = Some(StatusLine {
                    text: crate::i18n::t("msg.drafts_later").into_owned(),
                    error: false,
                });
            }
            // The draft is this window's from now on; the others wait for a later start.
            let mut effects = vec![
                Effect::AdoptDraft {
                    owner: row.owner,
                    key: row.key.code(),
                },
                Effect::ReleaseDrafts,
            ];
            effects.extend(restore(state, row.key, row.data));
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

/// Reopens the draft's form: at once for a new case, the settings or a dialog of the
/// settings; after the case (or its sessions) arrived for the others.
fn restore(state: &mut AppState, key: DraftKey, data: DraftData) -> Vec<Effect> {
    if let Some(case) = key.case() {
        state.tab = Tab::Cases;
        state.list.edit_on_load = false;
        state.drafts.pending = Some((key, data));
        return vec![Effect::LoadCase(case)];
    }
    mark_open(state, key, &data);
    state.drafts.override_reason = data.more.override_reason.clone();
    match key {
        DraftKey::Setup => {
            if let Some(form) = state.setup.as_mut() {
                fill(form, &data.fields, &data.focus);
            }
        }
        DraftKey::Case(None) => {
            state.tab = Tab::Cases;
            let cf = CaseForm::blank(state.today, &state.locals);
            open_case_form(state, cf, &data);
        }
        DraftKey::Settings => {
            state.tab = Tab::Settings;
            if let Some(form) = state.settings.form.as_mut() {
                fill(form, &data.fields, &data.focus);
            }
        }
        DraftKey::Dialog(_) => {
            state.tab = Tab::Settings;
            state.drafts.pending = Some((key, data));
            reopen_dialog(state);
        }
        DraftKey::Case(Some(_)) | DraftKey::Agreement(_) => {}
    }
    Vec::new()
}

/// Reopens the dialog whose draft waits, if what it is built from is here now (its case on
/// screen, the case's sessions): the dialog's own file says how (`DialogKind::reopen`).
pub(super) fn reopen_dialog(state: &mut AppState) {
    let Some((DraftKey::Dialog(key), data)) = &state.drafts.pending else {
        return;
    };
    let Some(kind) = kind_of(key) else {
        state.drafts.pending = None;
        return;
    };
    let cx = state.dialog_context();
    if key.case.is_some() && cx.open_case.map(|c| c.id) != key.case {
        return;
    }
    let dialog = match (kind.reopen)(data, &cx) {
        Reopen::Wait => return,
        Reopen::Now(dialog) => Some(dialog),
        Reopen::Never => None,
    };
    let Some((key, data)) = state.drafts.pending.take() else {
        return;
    };
    if let Some(dialog) = dialog {
        mark_open(state, key, &data);
        state.drafts.override_reason = data.more.override_reason.clone();
        state.modals.push(Modal::Form(dialog));
    }
}

/// The restored draft now belongs to an open form: closing that form deletes it.
pub(super) fn mark_open(state: &mut AppState, key: DraftKey, data: &DraftData) {
    if let Ok(content) = serde_json::to_string(data) {
        state.drafts.saved.insert(key.code(), content);
    }
}

/// Puts the case form (and a party dialog over it) on screen filled from `data`.
fn open_case_form(state: &mut AppState, mut cf: CaseForm, data: &DraftData) {
    fill(&mut cf.form, &data.fields, &data.focus);
    cf.parties = data.parties.clone();
    if let (Some((id, _)), Some(version)) = (cf.editing, data.version) {
        // The version the user started from: a save still notices others' changes since.
        cf.editing = Some((id, version));
    }
    cf.refresh();
    if let Some(party) = &data.party {
        let base = party
            .index
            .and_then(|i| cf.parties.get(i).cloned())
            .unwrap_or_else(|| Party::new(PartyRole::Applicant, PartyKind::Person));
        let mut pf = PartyForm::new(party.index, &base, &cf.parties, state.today);
        fill(&mut pf.form, &party.fields, "name");
        pf.refresh();
        state.modals.push(Modal::form(pf));
    }
    state.cases = CasesView::Form(Box::new(cf));
}

/// A case arrived (and is on screen): reopen a draft that waited for it.
pub fn case_arrived(state: &mut AppState, case: &Case) -> Vec<Effect> {
    let Some((key, data)) = state.drafts.pending.take() else {
        return Vec::new();
    };
    if key.case() != Some(case.id) {
        return Vec::new();
    }
    match key {
        DraftKey::Case(_) => {
            mark_open(state, key, &data);
            state.drafts.override_reason = data.more.override_reason.clone();
            let cf = CaseForm::edit(case, &state.locals);
            open_case_form(state, cf, &data);
        }
        // The agreement comes next: its editor is not open yet.
        DraftKey::Agreement(_) => {
            state.drafts.pending = Some((key, data));
            return vec![Effect::LoadAgreement(case.id, true)];
        }
        DraftKey::Dialog(_) => {
            state.drafts.pending = Some((key, data));
            reopen_dialog(state);
        }
        DraftKey::Settings | DraftKey::Setup => {}
    }
    Vec::new()
}

/// The sessions of a case arrived: reopen a dialog draft that waited for them.
pub fn sessions_arrived(state: &mut AppState) {
    reopen_dialog(state);
}
