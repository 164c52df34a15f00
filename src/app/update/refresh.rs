//! Another process (a front desk over SSH, a colleague) changed the database: read again
//! what this screen shows, so lists are never stale — but never touch what the user is
//! typing (a save of an edited record is checked against its version instead).

use super::list::reload;
use crate::app::action::Effect;
use crate::app::state::{AppState, CasesView, Tab};

/// The reads that bring the screen in front up to date.
pub fn data_changed(state: &mut AppState) -> Vec<Effect> {
    if state.org.is_none() {
        return Vec::new();
    }
    super::today::outdated(state);
    match state.tab {
        Tab::Cases => cases_in_front(state),
        _ => super::entered(state),
    }
}

/// The list or the open case read again (coming back to 案件, or another window saved):
/// one cheap read; a form or the agreement being edited is left as it is.
pub fn cases_in_front(state: &mut AppState) -> Vec<Effect> {
    if state.org.is_none() {
        return Vec::new();
    }
    match &state.cases {
        CasesView::List => reload(state),
        CasesView::Detail(detail) => vec![Effect::LoadCase(detail.case.id)],
        CasesView::Form(_) | CasesView::Agreement(_) => Vec::new(),
    }
}
