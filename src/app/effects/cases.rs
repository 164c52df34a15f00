//! The runner's side of a case: reading it (and its history and agreement) as the user
//! may see it, recording that full ID numbers were shown, and the saves of a case — new,
//! edited, moved to another status — and the search for its parties' earlier cases.
//! Part of the I/O side of `app`.

use super::Runner;
use crate::app::action::Action;
use crate::domain::case::{Case, CaseFields, CaseId, Timestamp};
use crate::domain::org::MediatorId;
use crate::domain::repeat::RepeatQuery;
use crate::domain::status::CaseStatus;
use crate::domain::user::{
    case_for, case_scope, may_see_agreements, may_see_case, may_see_full_ids,
};
use crate::i18n::t;
use crate::storage::StorageError;

/// A status change asked for (`Effect::ChangeStatus`'s fields).
pub(super) struct StatusChange {
    pub id: CaseId,
    pub version: i64,
    pub to: CaseStatus,
    pub reason: String,
    pub mediators: Vec<MediatorId>,
}

impl Runner {
    /// The case as the user may see it: refused if they may not see it at all, ID numbers
    /// and phones masked where the role says so; showing them in full is recorded.
    pub(super) fn visible_case(&mut self, id: CaseId) -> Result<Case, StorageError> {
        let case = self.store.load_case(id)?;
        if !may_see_case(&case, &self.user) {
            return Err(StorageError::Invalid(t("role.refused.case").into_owned()));
        }
        let full = may_see_full_ids(&case, &self.user);
        let any = case
            .fields
            .parties
            .iter()
            .any(|p| !p.id_number.is_empty() || !p.phone.is_empty());
        // A view that cannot be recorded (a read-only file, a full disk) is logged, not
        // a reason to hide the case from someone entitled to it.
        if full && any && self.viewed.insert(id) {
            // A write: on the writer's thread, so a busy file never holds up the case.
            if self.on_writer {
                self.record_view(id);
            } else {
                self.writer.record_view(id);
            }
        }
        Ok(case_for(&case, &self.user))
    }

    /// Records that this user saw case `id`'s full ID numbers.
    pub(super) fn record_view(&mut self, id: CaseId) {
        if let Err(e) = self.store.record_view(id, "id_number") {
            crate::log::error(&format!("audit: view of case {} not recorded: {e}", id.0));
        }
    }

    /// A case's history, its changed ID numbers and phones as masked as the case.
    pub(super) fn load_history(&mut self, id: CaseId) -> Result<Action, StorageError> {
        self.visible_case(id)?;
        let mut history = self.store.case_history(id)?;
        if !may_see_full_ids(&self.store.load_case(id)?, &self.user) {
            crate::domain::audit::mask_values(&mut history);
        }
        Ok(Action::HistoryLoaded(id, history))
    }

    /// A case's agreement (`open`: for the editor). The front desk has no part in
    /// agreements: none is read for it (the key that opens the editor is refused with a
    /// reason before it gets here).
    pub(super) fn load_agreement(
        &mut self,
        id: CaseId,
        open: bool,
    ) -> Result<Action, StorageError> {
        if !may_see_agreements(&self.user) {
            return Ok(Action::AgreementLoaded(id, None, false));
        }
        self.visible_case(id)?;
        let agreement = self.store.agreement_of_case(id)?.map(Box::new);
        Ok(Action::AgreementLoaded(id, agreement, open))
    }

    /// Registers a new case.
    pub(super) fn create_case(
        &mut self,
        fields: &CaseFields,
        now: &Timestamp,
    ) -> Result<Action, StorageError> {
        let org = self.org()?.id;
        let case = self.store.create_case(org, fields, &self.operator, now)?;
        Ok(Action::CaseSaved(Box::new(case)))
    }

    /// Moves a case to another status, if still at the version asked at.
    pub(super) fn change_status(
        &mut self,
        change: StatusChange,
        now: &Timestamp,
    ) -> Result<Action, StorageError> {
        let org = self.org()?.clone();
        let case = self.store.change_status(
            &org,
            change.id,
            change.version,
            change.to,
            &change.reason,
            &change.mediators,
            &self.operator,
            now,
        )?;
        Ok(Action::CaseSaved(Box::new(case)))
    }

    /// Earlier cases of these parties. A 登记员 is not told of other cases (not even
    /// that a party had one).
    pub(super) fn find_repeats(&mut self, query: RepeatQuery) -> Result<Action, StorageError> {
        if case_scope(&self.user).is_some() {
            return Ok(Action::RepeatsFound(query, Vec::new()));
        }
        let cases = self.store.repeat_cases(self.org()?.id, &query)?;
        Ok(Action::RepeatsFound(query, cases))
    }
}
