//! The one key driver of every form dialog (see `app/dialogs`): a key edits the form, the
//! dialog derives what follows from the edit, F2 submits, Enter on a choice opens its list
//! (the picker writes into the dialog below it), Esc asks before throwing away what was
//! typed. Also pasting into a dialog, opening a dialog on its key of the case detail and
//! closing one when storage answers its F2 (both as the dialog's own file says).

use super::case_form::picker_for;
use super::form_keys::{Outcome, form_key};
use crate::app::action::Action;
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::dialogs::{Opened, Submit, opened_by};
use crate::app::key::{Key, KeyCode};
use crate::app::modal::{Confirm, Modal, Pending, PickerTarget};
use crate::app::state::{AppState, CasesView, StatusLine};
use crate::domain::party::Party;
use crate::i18n::t;

/// Applies a key to the form dialog on top; `None` if the top dialog holds no form.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Option<Vec<Effect>> {
    state.modals.last()?.form_dialog()?;
    // Off the stack while it works, so it can read the room beside it.
    let mut top = state.modals.pop()?;
    let dialog = top.form_dialog_mut()?;
    let cx = state.dialog_context();
    let cmd = match cmd {
        Some(Command::Open) if dialog.enter_submits() => Some(Command::Save),
        other => other,
    };
    let outcome = form_key(dialog.form_mut(), cmd, key);
    let mut effects = dialog.after_edit(&cx);
    let mut above = None;
    let submitted = match outcome {
        Outcome::Save => dialog.submit(&cx),
        Outcome::Pick => {
            above = picker_for(dialog.form(), PickerTarget::Dialog).map(Modal::Picker);
            Submit::Stay
        }
        Outcome::Cancel if dialog.form().changed() => {
            above = Some(Modal::Confirm(Confirm {
                question: t(dialog.discard_question()).into_owned(),
                yes: "button.discard",
                no: "button.keep_editing",
                on_yes: Pending::DiscardDialog,
                yes_selected: false,
            }));
            Submit::Stay
        }
        Outcome::Cancel => return Some(effects),
        _ => Submit::Stay,
    };
    match submitted {
        Submit::Stay => state.modals.extend([top].into_iter().chain(above)),
        Submit::Run(more) => {
            state.modals.push(top);
            effects.extend(more);
        }
        Submit::CloseAndRun(more) => effects.extend(more),
        Submit::Ask(question) => state.modals.extend([
            top,
            Modal::Confirm(Confirm {
                question,
                yes: "button.go_ahead",
                no: "button.keep_editing",
                on_yes: Pending::SubmitDialog,
                yes_selected: false,
            }),
        ]),
        Submit::IntoCaseForm { index, party } => into_case_form(state, index, *party),
    }
    Some(effects)
}

/// Yes to the question a dialog's F2 asked: F2 again, this time going ahead.
pub fn submit_confirmed(state: &mut AppState) -> Vec<Effect> {
    if let Some(dialog) = state.modals.last_mut().and_then(Modal::form_dialog_mut) {
        dialog.confirmed();
    }
    on_key(state, Some(Command::Save), Key::plain(KeyCode::F(2))).unwrap_or_default()
}

/// A party from its dialog goes into the case form's list, with the cursor on it.
fn into_case_form(state: &mut AppState, index: Option<usize>, party: Party) {
    let CasesView::Form(cf) = &mut state.cases else {
        return;
    };
    match index.filter(|i| *i < cf.parties.len()) {
        Some(i) => cf.parties[i] = party,
        None => cf.parties.push(party),
    }
    let last = cf.parties.len() - 1;
    if let Some(f) = cf.form.field_mut("parties") {
        f.selected = index.unwrap_or(last);
    }
    cf.form.focus_on("parties");
}

/// Pasted text goes into the focused field of the form dialog on top; `None` if the top
/// dialog holds no form.
pub fn paste(state: &mut AppState, text: &str) -> Option<Vec<Effect>> {
    state.modals.last()?.form_dialog()?;
    let mut top = state.modals.pop()?;
    let dialog = top.form_dialog_mut()?;
    dialog.form_mut().paste(text);
    let effects = dialog.after_edit(&state.dialog_context());
    state.modals.push(top);
    Some(effects)
}

/// A picker's choice goes into the form dialog on top (the one it was opened from).
pub fn picked(state: &mut AppState, field: &str, code: &str) -> Vec<Effect> {
    let Some(mut top) = state.modals.pop() else {
        return Vec::new();
    };
    let effects = match top.form_dialog_mut() {
        Some(dialog) => {
            dialog.form_mut().set_choice(field, code);
            dialog.after_edit(&state.dialog_context())
        }
        None => Vec::new(),
    };
    state.modals.push(top);
    effects
}

/// Opens the dialog that `cmd` opens on the case detail (see `dialogs::KINDS`); `None` if
/// no dialog opens on it.
pub fn open_on(state: &mut AppState, cmd: Command) -> Option<Vec<Effect>> {
    let opened = opened_by(cmd, &state.dialog_context())?;
    state.modals.push(match opened {
        Opened::Dialog(dialog) => Modal::Form(dialog),
        Opened::Notice(key) => Modal::Notice {
            text: t(key).into_owned(),
        },
    });
    Some(Vec::new())
}

/// Storage answered a dialog's F2: the dialogs it answers close, the status line says so,
/// and what they read again is returned.
pub fn answered(state: &mut AppState, action: &Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    state.modals.retain(|m| {
        let Some(answer) = m.form_dialog().and_then(|d| d.answered(action)) else {
            return true;
        };
        state.status = Some(StatusLine {
            text: answer.status,
            error: false,
        });
        effects.extend(answer.effects);
        false
    });
    effects
}
