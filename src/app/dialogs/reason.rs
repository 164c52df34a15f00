//! The reason for 不予受理 / 调解终止: one line; Enter or F2 asks for the status change.

use super::{DialogContext, FormDialog, Submit, form_draft};
use crate::app::action::Effect;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::form::Field;
use crate::app::form::Form;
use crate::domain::case::CaseId;
use crate::domain::rights::Operation;
use crate::domain::status::CaseStatus;
use crate::domain::status::TransitionError;

/// The reason step of a status change.
#[derive(Debug, Clone)]
pub struct ReasonForm {
    /// The case.
    pub case_id: CaseId,
    /// The version it was shown at.
    pub version: i64,
    /// The status asked for.
    pub to: CaseStatus,
    /// One field: the reason.
    pub form: Form,
}

impl ReasonForm {
    /// An empty reason for moving to `to`.
    pub fn new(case_id: CaseId, version: i64, to: CaseStatus) -> ReasonForm {
        ReasonForm {
            case_id,
            version,
            to,
            form: Form::new(vec![Field::multiline("reason", "field.reason", "")]),
        }
    }
}

impl FormDialog for ReasonForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn submit(&mut self, _cx: &DialogContext) -> Submit {
        let reason = self.form.value("reason").trim().to_string();
        if reason.is_empty() {
            let said = TransitionError::ReasonRequired(self.to).to_string();
            self.form.set_error("reason", Some(said));
            return Submit::Stay;
        }
        Submit::CloseAndRun(vec![Effect::ChangeStatus {
            id: self.case_id,
            version: self.version,
            to: self.to,
            reason,
            mediators: Vec::new(),
        }])
    }
    fn operation(&self) -> Operation {
        Operation::ChangeStatus
    }
    fn case(&self) -> Option<CaseId> {
        Some(self.case_id)
    }
    fn title(&self) -> &'static str {
        "draft.form.reason"
    }
    fn discard_question(&self) -> &'static str {
        "confirm.discard_reason"
    }
    fn enter_submits(&self) -> bool {
        true
    }
    /// The version the reason was typed at and the status asked for go with it: restored,
    /// a change made since is still noticed.
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        let mut data = form_draft(&self.form);
        data.version = Some(self.version);
        data.more.status = Some(self.to.code().to_string());
        Some((DraftKey::Reason(self.case_id), data))
    }
}
