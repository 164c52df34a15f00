//! The reason for 不予受理 / 调解终止: one line; Enter or F2 asks for the status change.
//! Opened from the status menu (`update/modal.rs`), reopened from its draft once its case
//! is on screen.

use super::{DialogContext, DialogKind, FormDialog, Home, Reopen, Submit, form_draft};
use crate::app::action::Effect;
use crate::app::drafts::{DraftData, DraftKey, fill};
use crate::app::form::Field;
use crate::app::form::Form;
use crate::domain::case::CaseId;
use crate::domain::rights::Operation;
use crate::domain::status::CaseStatus;
use crate::domain::status::TransitionError;
use crate::i18n::{label, t, tf};

/// Its draft ("reason:<case>", with the status asked for and the version it was typed at).
pub const KIND: DialogKind = DialogKind {
    code: "reason",
    title: "draft.form.reason",
    home: Home::Case,
    reopen: |data, cx| {
        let Some(case) = cx.open_case else {
            return Reopen::Wait;
        };
        let to = data.more.status.as_deref().and_then(CaseStatus::from_code);
        let Some(to) = to else {
            return Reopen::Never;
        };
        // The version the reason was typed at: a change made since is noticed.
        let mut form = ReasonForm::new(case.id, data.version.unwrap_or(case.version), to);
        fill(&mut form.form, &data.fields, &data.focus);
        Reopen::Now(Box::new(form))
    },
    opens: None,
};

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
        KIND.title
    }
    /// The status asked for is in the title.
    fn heading(&self) -> String {
        tf(
            "dialog.reason_title",
            &[("status", &label("status", self.to.code()))],
        )
    }
    fn hint(&self) -> String {
        t("dialog.reason_hint").into_owned()
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
        Some((KIND.key(Some(self.case_id)), data))
    }
}
