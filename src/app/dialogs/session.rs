//! Scheduling a session of the case on screen: F2 asks storage to book it (a clash opens
//! the override dialog); the dialog stays until storage answers.

use super::{DialogContext, FormDialog, Submit, form_draft};
use crate::app::action::Effect;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::form::Form;
use crate::app::session_form::SessionForm;
use crate::domain::rights::Operation;

impl FormDialog for SessionForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        match self.read(cx.mediators, cx.today, cx.zone) {
            Some(fields) => Submit::Run(vec![Effect::CreateSession {
                fields: Box::new(fields),
                override_reason: String::new(),
            }]),
            None => Submit::Stay,
        }
    }
    fn operation(&self) -> Operation {
        Operation::ScheduleSession
    }
    fn title(&self) -> &'static str {
        "draft.form.session"
    }
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        Some((DraftKey::Session(self.case_id), form_draft(&self.form)))
    }
}
