//! Dialogs over the screen. A confirmation holds the pending action and only runs it
//! when the user says yes.

use super::dialogs::follow_up::FollowUpForm;
use super::dialogs::record::RecordForm;
use super::dialogs::reschedule::RescheduleForm;
use super::dialogs::session::{OverrideForm, SessionForm};
use super::party_form::PartyForm;
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
    /// The reason for 不予受理 / 调解终止.
    Reason(ReasonForm),
    /// Which mediators take the case on acceptance.
    Mediators(MediatorPick),
    /// A party being added or edited.
    Party(Box<PartyForm>),
    /// A long list to choose a field's value from.
    Picker(Picker),
    /// A small form from settings (a new mediator, a local category).
    SettingsItem(SettingsItem),
    /// Scheduling a session for a case.
    Session(Box<SessionForm>),
    /// A refused booking: the clashes, and a reason to override them.
    Override(Box<OverrideForm>),
    /// The record of a session (调解记录).
    Record(Box<RecordForm>),
    /// Drafts of an earlier run, offered to restore or discard.
    Drafts(super::drafts::DraftOffer),
    /// A case saved by someone else meanwhile: both versions, and a choice.
    Conflict(Box<super::conflict::ConflictView>),
    /// Postponing or calling off a planned session.
    Reschedule(Box<RescheduleForm>),
    /// Recording a follow-up visit (回访).
    FollowUp(Box<FollowUpForm>),
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
    /// The dialog's form protocol, if it is a form dialog. The one place that lists them.
    pub fn form_dialog(&self) -> Option<&dyn FormDialog> {
        Some(match self {
            Modal::Party(d) => &**d,
            Modal::Reason(d) => d,
            Modal::SettingsItem(d) => d,
            Modal::Session(d) => &**d,
            Modal::Override(d) => &**d,
            Modal::Record(d) => &**d,
            Modal::Reschedule(d) => &**d,
            Modal::FollowUp(d) => &**d,
            Modal::Help { .. }
            | Modal::Notice { .. }
            | Modal::Confirm(_)
            | Modal::StatusMenu(_)
            | Modal::Mediators(_)
            | Modal::Picker(_)
            | Modal::Drafts(_)
            | Modal::Conflict(_) => return None,
        })
    }

    /// [`Modal::form_dialog`], to edit.
    pub fn form_dialog_mut(&mut self) -> Option<&mut dyn FormDialog> {
        Some(match self {
            Modal::Party(d) => &mut **d,
            Modal::Reason(d) => d,
            Modal::SettingsItem(d) => d,
            Modal::Session(d) => &mut **d,
            Modal::Override(d) => &mut **d,
            Modal::Record(d) => &mut **d,
            Modal::Reschedule(d) => &mut **d,
            Modal::FollowUp(d) => &mut **d,
            _ => return None,
        })
    }
}
