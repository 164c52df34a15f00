//! A refused booking (a new session or a postponement): F2 with a reason books anyway. The
//! reason is kept in the draft of the form it books from (see `drafts::override_reason`).

use super::{DialogContext, FormDialog, Submit};
use crate::app::action::Effect;
use crate::app::dialogs::session::OverrideForm;
use crate::app::form::Form;
use crate::domain::case::CaseId;
use crate::domain::rights::Operation;
use crate::i18n::t;

impl FormDialog for OverrideForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn submit(&mut self, _cx: &DialogContext) -> Submit {
        let reason = self.form.value("reason").trim().to_string();
        if reason.is_empty() {
            let said = t("err.session.reason_required").into_owned();
            self.form.set_error("reason", Some(said));
            return Submit::Stay;
        }
        let fields = self.fields.clone();
        Submit::CloseAndRun(vec![match self.postpone {
            Some((id, version)) => Effect::PostponeSession {
                id,
                version,
                fields,
                override_reason: reason,
            },
            None => Effect::CreateSession {
                fields,
                override_reason: reason,
            },
        }])
    }
    fn operation(&self) -> Operation {
        if self.postpone.is_some() {
            Operation::PostponeSession
        } else {
            Operation::ScheduleSession
        }
    }
    fn case(&self) -> Option<CaseId> {
        Some(self.fields.case_id)
    }
    fn title(&self) -> &'static str {
        "draft.form.override"
    }
    fn heading(&self) -> String {
        t("dialog.override_title").into_owned()
    }
    /// The clashes go above it (`ui/dialogs/booking_override.rs`).
    fn hint(&self) -> String {
        t("dialog.override_hint").into_owned()
    }
}
