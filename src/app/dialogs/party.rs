//! The party dialog over the case form: after an edit the ID number fills birth date and
//! sex and a question about the party's earlier cases may go out; F2 puts the party into
//! the case form (saved with the case). Its draft is part of the case form's.

use super::{DialogContext, FormDialog, Submit};
use crate::app::action::Effect;
use crate::app::form::Form;
use crate::app::party_form::PartyForm;
use crate::domain::rights::Operation;
use crate::i18n::t;

impl FormDialog for PartyForm {
    fn form(&self) -> &Form {
        &self.form
    }
    fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }
    fn after_edit(&mut self, cx: &DialogContext) -> Vec<Effect> {
        self.refresh();
        self.repeats_to_ask(cx.editing)
            .map(Effect::FindRepeats)
            .into_iter()
            .collect()
    }
    fn submit(&mut self, cx: &DialogContext) -> Submit {
        match self.to_party(cx.today) {
            Some(party) => Submit::IntoCaseForm {
                index: self.index,
                party: Box::new(party),
            },
            None => Submit::Stay,
        }
    }
    /// A party is saved with its case: what the case form does.
    fn operation(&self) -> Operation {
        Operation::EditCase
    }
    fn title(&self) -> &'static str {
        "draft.form.party"
    }
    fn heading(&self) -> String {
        match self.index {
            Some(_) => t("dialog.party_edit").into_owned(),
            None => t("dialog.party_new").into_owned(),
        }
    }
    fn discard_question(&self) -> &'static str {
        "confirm.discard_party"
    }
}
