//! The keys every small dialog form on a case shares — the session, its record, the
//! postpone/cancel dialog and the follow-up visit: F2 reads the form into what to do,
//! Enter on a choice opens its list, Esc closes the dialog. Each dialog says only how to
//! find it among the modals and what F2 does.

use super::form_keys::{Outcome, form_key};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::follow_up_form::FollowUpForm;
use crate::app::form::Form;
use crate::app::key::Key;
use crate::app::modal::{Modal, PickerTarget};
use crate::app::record_form::RecordForm;
use crate::app::reschedule_form::RescheduleForm;
use crate::app::session_form::SessionForm;
use crate::app::state::AppState;

/// A dialog holding one form.
pub trait DialogForm {
    /// The form the keys edit.
    fn form(&mut self) -> &mut Form;
    /// What the dialog derives from its fields after each key (nothing by default).
    fn after_key(&mut self) {}
}

impl DialogForm for SessionForm {
    fn form(&mut self) -> &mut Form {
        &mut self.form
    }
}

impl DialogForm for FollowUpForm {
    fn form(&mut self) -> &mut Form {
        &mut self.form
    }
}

impl DialogForm for RecordForm {
    fn form(&mut self) -> &mut Form {
        &mut self.form
    }
    /// The chosen session's record is shown (and kept per session).
    fn after_key(&mut self) {
        self.refresh();
    }
}

impl DialogForm for RescheduleForm {
    fn form(&mut self) -> &mut Form {
        &mut self.form
    }
    /// The chosen session's times are shown.
    fn after_key(&mut self) {
        self.refresh();
    }
}

/// Applies a key to the dialog on top (found by `find`); F2 runs `save` on it.
pub fn dialog_keys<D: DialogForm>(
    state: &mut AppState,
    cmd: Option<Command>,
    key: Key,
    find: impl FnOnce(&mut Modal) -> Option<&mut D>,
    save: impl FnOnce(&mut D) -> Vec<Effect>,
) -> Vec<Effect> {
    let Some(dialog) = state.modals.last_mut().and_then(find) else {
        return Vec::new();
    };
    let outcome = form_key(dialog.form(), cmd, key);
    dialog.after_key();
    match outcome {
        Outcome::Save => save(dialog),
        Outcome::Pick => {
            let picker = super::case_form::picker_for(dialog.form(), PickerTarget::SessionForm);
            if let Some(picker) = picker {
                state.modals.push(Modal::Picker(picker));
            }
            Vec::new()
        }
        Outcome::Cancel => {
            state.modals.pop();
            Vec::new()
        }
        _ => Vec::new(),
    }
}
