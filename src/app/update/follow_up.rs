//! Recording a follow-up visit (回访) from the case detail: opening the dialog (its keys
//! are the one driver's, `dialog.rs`; the dialog itself is `app/dialogs/follow_up.rs`) and
//! what happens when storage has kept it.

use crate::app::action::Effect;
use crate::app::dialogs::follow_up::FollowUpForm;
use crate::app::modal::Modal;
use crate::app::state::{AppState, CasesView, StatusLine};
use crate::domain::case::CaseId;
use crate::i18n::t;

/// Opens the form for the case on screen.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    let CasesView::Detail(detail) = &state.cases else {
        return Vec::new();
    };
    let form = FollowUpForm::new(&detail.case, &state.mediators, state.today);
    state.modals.push(Modal::FollowUp(Box::new(form)));
    Vec::new()
}

/// A visit was recorded: close the form, say so, read the case's visits again.
pub fn saved(state: &mut AppState, case: CaseId) -> Vec<Effect> {
    state.modals.retain(|m| !matches!(m, Modal::FollowUp(_)));
    state.status = Some(StatusLine {
        text: t("msg.follow_up_saved").into_owned(),
        error: false,
    });
    vec![Effect::LoadFollowUps(case)]
}
