//! The form-dialog protocol: every dialog that holds a form (a party, a session, its
//! record, a postponement, a follow-up visit, a status reason, a booking override, a
//! settings item) implements [`FormDialog`] in its own file here, and `Modal` projects onto
//! it in exactly one place (`Modal::form_dialog` in `modal.rs`). The one key driver
//! (`update/dialog.rs`), paste, the unsaved-changes question, the key contexts, the picker,
//! the rights check and draft collection all go through the projection, so a new dialog
//! cannot be missed by any of them. Reads no `AppState`: what a dialog needs to know comes
//! in a [`DialogContext`].

pub mod follow_up;
mod override_reason;
mod party;
pub mod reason;
pub mod record;
pub mod reschedule;
pub mod session;
mod settings_item;

use super::action::Effect;
use super::drafts::{DraftData, DraftKey, focus_id, values};
use super::form::Form;
use crate::domain::case::{Case, CaseId};
use crate::domain::dates::Zone;
use crate::domain::follow_up::Place;
use crate::domain::org::Mediator;
use crate::domain::party::Party;
use crate::domain::rights::Operation;
use crate::domain::user::User;
use chrono::NaiveDate;

/// What a dialog may read of the room while it edits and submits (instead of the whole
/// state, so dialogs depend on nothing above them).
#[derive(Debug, Clone, Copy)]
pub struct DialogContext<'a> {
    /// Today (the clock is read outside `update`).
    pub today: NaiveDate,
    /// The room's time zone.
    pub zone: Zone,
    /// Who is working.
    pub user: &'a User,
    /// The room's mediators.
    pub mediators: &'a [Mediator],
    /// The room's places (rooms and outside places).
    pub places: &'a [Place],
    /// The case open on the detail screen, if any.
    pub open_case: Option<&'a Case>,
    /// The case the case form edits (`None`: a new case, or no case form).
    pub editing: Option<CaseId>,
}

/// What F2 in a dialog comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Submit {
    /// Something is wrong: the form has marked it and stays open.
    Stay,
    /// Run these; the dialog stays until storage answers (the answer closes it).
    Run(Vec<Effect>),
    /// Close the dialog and run these.
    CloseAndRun(Vec<Effect>),
    /// Ask this question first (the safe answer, no, is the default); yes calls
    /// `FormDialog::confirmed` and submits again.
    Ask(String),
    /// Close the dialog and put this party into the case form below it (at `index`, or
    /// added when `None`): a party is saved with its case.
    IntoCaseForm {
        /// Which party it replaces.
        index: Option<usize>,
        /// The party as typed.
        party: Box<Party>,
    },
}

/// A dialog holding one form.
pub trait FormDialog {
    /// The form the keys edit.
    fn form(&self) -> &Form;
    /// The same, to edit.
    fn form_mut(&mut self) -> &mut Form;
    /// What the dialog derives from its fields after every edit, a pick or a paste (an ID
    /// number gives a birth date; a chosen session gives its times); effects to run.
    fn after_edit(&mut self, _cx: &DialogContext) -> Vec<Effect> {
        Vec::new()
    }
    /// What F2 does.
    fn submit(&mut self, cx: &DialogContext) -> Submit;
    /// The user said yes to the question `submit` asked: the next submit goes ahead.
    fn confirmed(&mut self) {}
    /// The operation of the rights table that F2 performs.
    fn operation(&self) -> Operation;
    /// The case it acts on, where it knows (`None`: the case on screen, if any).
    fn case(&self) -> Option<CaseId> {
        None
    }
    /// Catalogue key naming the dialog (in the draft offer).
    fn title(&self) -> &'static str;
    /// Catalogue key of the question Esc asks when something was typed.
    fn discard_question(&self) -> &'static str {
        "confirm.discard_dialog"
    }
    /// True when Enter submits as F2 does (a dialog of one line of text).
    fn enter_submits(&self) -> bool {
        false
    }
    /// The draft of the dialog, if it keeps one of its own (`None`: it keeps none, or it
    /// is kept with the form below it).
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        None
    }
}

/// A draft holding a form's fields and focus.
pub fn form_draft(form: &Form) -> DraftData {
    DraftData {
        fields: values(form),
        focus: focus_id(form),
        ..DraftData::default()
    }
}
