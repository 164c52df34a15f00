//! Postponing (改期) or calling off (取消) a planned session: choosing the session shows
//! its times; F2 asks storage to move it (a clash opens the override dialog) or call it off.

use super::{DialogContext, FormDialog, Submit, form_draft};
use crate::app::action::Effect;
use crate::app::drafts::{DraftData, DraftKey};
use crate::app::form::Form;
use crate::app::reschedule_form::{RescheduleForm, RescheduleKind};
use crate::domain::rights::Operation;

impl FormDialog for RescheduleForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn after_edit(&mut self, _cx: &DialogContext) -> Vec<Effect> {
        self.refresh();
        Vec::new()
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        let Some(s) = self.session() else {
            return Submit::Stay;
        };
        let (id, version) = (s.id, s.version);
        let effect = match self.kind {
            RescheduleKind::Postpone => {
                self.read_postponed(cx.today, cx.zone)
                    .map(|fields| Effect::PostponeSession {
                        id,
                        version,
                        fields: Box::new(fields),
                        override_reason: String::new(),
                    })
            }
            RescheduleKind::Cancel => self.read_reason().map(|reason| Effect::CancelSession {
                id,
                version,
                reason,
            }),
        };
        match effect {
            Some(effect) => Submit::Run(vec![effect]),
            None => Submit::Stay,
        }
    }
    fn operation(&self) -> Operation {
        match self.kind {
            RescheduleKind::Postpone => Operation::PostponeSession,
            RescheduleKind::Cancel => Operation::CancelSession,
        }
    }
    fn title(&self) -> &'static str {
        match self.kind {
            RescheduleKind::Postpone => "draft.form.postpone",
            RescheduleKind::Cancel => "draft.form.cancel",
        }
    }
    fn draft(&self, _cx: &DialogContext) -> Option<(DraftKey, DraftData)> {
        let case = self.session()?.fields.case_id;
        let postpone = self.kind == RescheduleKind::Postpone;
        Some((DraftKey::Reschedule(case, postpone), form_draft(&self.form)))
    }
}
