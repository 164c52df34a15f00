//! The record of a session (调解记录): choosing another session shows what was typed for
//! it; F2 stores the record of the chosen one.

use super::{DialogContext, FormDialog, Submit, form_draft};
use crate::app::action::Effect;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::form::Form;
use crate::app::record_form::RecordForm;
use crate::domain::rights::Operation;

impl FormDialog for RecordForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn after_edit(&mut self, _cx: &DialogContext) -> Vec<crate::app::action::Effect> {
        self.refresh();
        Vec::new()
    }
    fn submit(&mut self, _cx: &DialogContext) -> Submit {
        let (Some(record), Some(s)) = (self.read(), self.session()) else {
            return Submit::Stay;
        };
        Submit::Run(vec![Effect::RecordSession {
            id: s.id,
            version: s.version,
            record: Box::new(record),
        }])
    }
    fn operation(&self) -> Operation {
        Operation::RecordSession
    }
    fn title(&self) -> &'static str {
        "draft.form.record"
    }
    fn draft(&self, cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        let case = self.session().map(|s| s.fields.case_id);
        let case = case.or(cx.open_case.map(|c| c.id))?;
        Some((DraftKey::Record(case), form_draft(&self.form)))
    }
}
