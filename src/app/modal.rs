//! Dialogs over the screen. A confirmation holds the pending action and only runs it
//! when the user says yes.

use crate::domain::case::CaseId;
use crate::domain::org::MediatorId;
use crate::domain::status::CaseStatus;

use super::dialogs::FormDialog;
pub use super::dialogs::reason::ReasonForm;
pub use super::picker::{Picker, PickerTarget};
pub use super::settings::{SettingsItem, SettingsItemKind};

/// A dialog.
#[derive(Debug, Clone)]
pub enum Modal {
    /// Every key, from the key table.
    Help { scroll: u16 },
    /// A message the user must acknowledge (errors that stop a save).
    Notice { text: String },
    /// A yes/no question.
    Confirm(Confirm),
    /// The statuses a case could move to.
    StatusMenu(StatusMenu),
    /// Which mediators take the case on acceptance.
    Mediators(MediatorPick),
    /// A long list to choose a field's value from.
    Picker(Picker),
    /// Drafts of an earlier run, offered to restore or discard.
    Drafts(super::drafts::DraftOffer),
    /// A case saved by someone else meanwhile: both versions, and a choice.
    Conflict(Box<super::conflict::ConflictView>),
    /// A dialog holding a form: a party, a session, its record, a status reason, … (each
    /// one file of `app/dialogs`, behind the one protocol).
    Form(Box<dyn FormDialog>),
}

impl Modal {
    /// True if the dialog holds text the user would lose.
    pub fn unsaved(&self) -> bool {
        self.form_dialog().is_some_and(|d| d.form().changed())
    }
}

/// What a confirmation runs on yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Close the case form without saving.
    DiscardCaseForm,
    /// Close the dialog below without saving.
    DiscardDialog,
    /// Submit the dialog below: the user said yes to the question its F2 asked.
    SubmitDialog,
    /// Throw away changes to the settings and leave the tab for the tab at this index of
    /// `Tab::ALL` (an index: the tab type lives above this module).
    DiscardSettings(usize),
    /// Remove the party at this index from the form.
    RemoveParty(usize),
    /// Leave the program although something is unsaved.
    Quit,
    /// Close the agreement editor without saving (back to its case).
    DiscardAgreement,
    /// Leave the page of one clause or item without keeping it in the list.
    DiscardAgreementRow,
}

/// A yes/no question; "no" is selected first, so Enter alone never destroys anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The question (already in the user's language).
    pub question: String,
    /// Catalogue key of the yes button.
    pub yes: &'static str,
    /// Catalogue key of the no button.
    pub no: &'static str,
    /// What yes does.
    pub on_yes: Pending,
    /// Which button is selected.
    pub yes_selected: bool,
}

/// Choosing the next status of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMenu {
    /// The case.
    pub case_id: CaseId,
    /// The version it was shown at.
    pub version: i64,
    /// Its status now.
    pub from: CaseStatus,
    /// Index into `options()`.
    pub selected: usize,
}

impl StatusMenu {
    /// Every other status; the allowed ones first, so Enter on the first one is useful.
    pub fn options(&self) -> Vec<CaseStatus> {
        let allowed = self.from.next().iter().copied();
        let others = CaseStatus::ALL
            .iter()
            .copied()
            .filter(|s| *s != self.from && !self.from.next().contains(s));
        allowed.chain(others).collect()
    }
}

/// Choosing the mediators of a case on acceptance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediatorPick {
    /// The case.
    pub case_id: CaseId,
    /// The version it was shown at.
    pub version: i64,
    /// The status asked for.
    pub to: CaseStatus,
    /// Active mediators: id, name, chosen.
    pub options: Vec<(MediatorId, String, bool)>,
    /// Row with the cursor.
    pub selected: usize,
}

impl Modal {
    /// A form dialog on the stack.
    pub fn form<T: FormDialog + Clone + std::fmt::Debug + 'static>(dialog: T) -> Modal {
        Modal::Form(Box::new(dialog))
    }

    /// The dialog's form protocol, if it is a form dialog.
    pub fn form_dialog(&self) -> Option<&dyn FormDialog> {
        match self {
            Modal::Form(d) => Some(&**d),
            _ => None,
        }
    }

    /// [`Modal::form_dialog`], to edit.
    pub fn form_dialog_mut(&mut self) -> Option<&mut dyn FormDialog> {
        match self {
            Modal::Form(d) => Some(&mut **d),
            _ => None,
        }
    }

    /// The form dialog of type `T`, if this is one.
    pub fn dialog<T: 'static>(&self) -> Option<&T> {
        self.form_dialog()?.as_any().downcast_ref()
    }

    /// [`Modal::dialog`], to edit.
    pub fn dialog_mut<T: 'static>(&mut self) -> Option<&mut T> {
        self.form_dialog_mut()?.as_any_mut().downcast_mut()
    }

    /// True if this is a form dialog of type `T`.
    pub fn is<T: 'static>(&self) -> bool {
        self.dialog::<T>().is_some()
    }
}
