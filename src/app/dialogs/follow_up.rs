//! Recording a follow-up visit (回访) of the case on screen: F2 asks storage to keep it;
//! the dialog stays until storage answers.

use super::{DialogContext, FormDialog, Submit, form_draft};
use crate::app::action::Effect;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::follow_up_form::FollowUpForm;
use crate::app::form::Form;
use crate::domain::rights::Operation;

impl FormDialog for FollowUpForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        match self.read(cx.today) {
            Some(visit) => Submit::Run(vec![Effect::AddFollowUp(Box::new(visit))]),
            None => Submit::Stay,
        }
    }
    fn operation(&self) -> Operation {
        Operation::RecordFollowUp
    }
    fn title(&self) -> &'static str {
        "draft.form.follow_up"
    }
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        Some((DraftKey::FollowUp(self.case_id), form_draft(&self.form)))
    }
}
