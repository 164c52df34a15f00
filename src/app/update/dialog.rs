//! The one key driver of every form dialog (see `app/dialogs`): a key edits the form, the
//! dialog derives what follows from the edit, F2 submits, Enter on a choice opens its list
//! (the picker writes into the dialog below it), Esc asks before throwing away what was
//! typed. Also pasting into a dialog and the context dialogs read the room through.

use super::case_form::picker_for;
use super::form_keys::{Outcome, form_key};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::dialogs::{DialogContext, Submit};
use crate::app::key::Key;
use crate::app::modal::{Confirm, Modal, Pending, PickerTarget};
use crate::app::state::{AppState, CasesView};
use crate::domain::party::Party;
use crate::i18n::t;

/// Builds the dialogs' context from the parts of the state it names (a macro, so the
/// borrow stays on those fields and the modal stack can be edited beside it).
macro_rules! context_of {
    ($state:expr) => {
        DialogContext {
            today: $state.today,
            zone: $state.zone,
            user: &$state.user,
            mediators: &$state.mediators,
            places: &$state.room_settings.places,
            open_case: match &$state.cases {
                CasesView::Detail(d) => Some(&d.case),
                _ => None,
            },
            editing: match &$state.cases {
                CasesView::Form(cf) => cf.editing.map(|(id, _)| id),
                _ => None,
            },
        }
    };
}

/// Applies a key to the form dialog on top; `None` if the top dialog holds no form.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Option<Vec<Effect>> {
    let cx = context_of!(state);
    let dialog = state.modals.last_mut()?.form_dialog_mut()?;
    let cmd = match cmd {
        Some(Command::Open) if dialog.enter_submits() => Some(Command::Save),
        other => other,
    };
    let outcome = form_key(dialog.form_mut(), cmd, key);
    let mut effects = dialog.after_edit(&cx);
    let submitted = match outcome {
        Outcome::Save => dialog.submit(&cx),
        Outcome::Pick => {
            if let Some(picker) = picker_for(dialog.form(), PickerTarget::Dialog) {
                state.modals.push(Modal::Picker(picker));
            }
            return Some(effects);
        }
        Outcome::Cancel if dialog.form().changed() => {
            let question = t(dialog.discard_question()).into_owned();
            state.modals.push(Modal::Confirm(Confirm {
                question,
                yes: "button.discard",
                no: "button.keep_editing",
                on_yes: Pending::DiscardDialog,
                yes_selected: false,
            }));
            return Some(effects);
        }
        Outcome::Cancel => {
            state.modals.pop();
            return Some(effects);
        }
        _ => return Some(effects),
    };
    match submitted {
        Submit::Stay => {}
        Submit::Run(more) => effects.extend(more),
        Submit::CloseAndRun(more) => {
            state.modals.pop();
            effects.extend(more);
        }
        Submit::IntoCaseForm { index, party } => {
            state.modals.pop();
            into_case_form(state, index, party);
        }
    }
    Some(effects)
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
    let cx = context_of!(state);
    let dialog = state.modals.last_mut()?.form_dialog_mut()?;
    dialog.form_mut().paste(text);
    Some(dialog.after_edit(&cx))
}

/// A picker's choice goes into the form dialog on top (the one it was opened from).
pub fn picked(state: &mut AppState, field: &str, code: &str) -> Vec<Effect> {
    let cx = context_of!(state);
    let Some(dialog) = state.modals.last_mut().and_then(Modal::form_dialog_mut) else {
        return Vec::new();
    };
    dialog.form_mut().set_choice(field, code);
    dialog.after_edit(&cx)
}
