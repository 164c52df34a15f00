//! One case on screen: scrolling, editing, changing its status, going back.

use super::list::reload;
use crate::app::action::Effect;
use crate::app::case_form::CaseForm;
use crate::app::command::Command;
use crate::app::modal::{Modal, StatusMenu};
use crate::app::state::{AppState, CaseDetail, CasesView};
use crate::domain::case::{Case, CaseSummary};
use crate::domain::repeat::RepeatQuery;
use tui_input::Input;

/// Keys on the case detail.
pub fn on_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let CasesView::Detail(detail) = &mut state.cases else {
        return Vec::new();
    };
    match cmd {
        Some(Command::Down) => detail.scroll = detail.scroll.saturating_add(1),
        Some(Command::Up) => detail.scroll = detail.scroll.saturating_sub(1),
        Some(Command::PageDown) => detail.scroll = detail.scroll.saturating_add(10),
        Some(Command::PageUp) => detail.scroll = detail.scroll.saturating_sub(10),
        Some(Command::Edit) => {
            let form = CaseForm::edit(&detail.case, &state.locals);
            state.cases = CasesView::Form(Box::new(form));
        }
        Some(Command::ChangeStatus) => {
            let case = &detail.case;
            state.modals.push(Modal::StatusMenu(StatusMenu {
                case_id: case.id,
                version: case.version,
                from: case.status,
                selected: 0,
            }));
        }
        Some(Command::NewSession) => return super::session::open(state),
        Some(Command::RecordSession) => return super::session::open_record(state),
        Some(Command::Agreement) => return vec![Effect::LoadAgreement(detail.case.id, true)],
        Some(Command::NewFollowUp) => return super::follow_up::open(state),
        Some(Command::PostponeSession) => return super::reschedule::open_on_detail(state, true),
        Some(Command::CancelSession) => return super::reschedule::open_on_detail(state, false),
        Some(Command::Search) => {
            state.cases = CasesView::List;
            state.back_to = None;
            state.list.search = Some(Input::new(state.list.query.text.clone()));
            return reload(state);
        }
        Some(Command::Back) => {
            state.cases = CasesView::List;
            // Opened from 今日 or the agenda: back there, read afresh (the case may have
            // changed what they show); else back to the list.
            if let Some(tab) = state.back_to.take() {
                state.tab = tab;
                return super::entered(state);
            }
            return reload(state);
        }
        _ => {}
    }
    Vec::new()
}

/// A case arrived: show it (or its form, if it was opened for editing).
pub fn loaded(state: &mut AppState, case: Case) -> Vec<Effect> {
    let id = case.id;
    // A case read before the agreement editor or the case form opened must not close it
    // (only a read asked for to fill the form may replace what is on screen).
    let form_open = matches!(state.cases, CasesView::Form(_)) && !state.list.edit_on_load;
    if matches!(state.cases, CasesView::Agreement(_)) || form_open {
        return Vec::new();
    }
    // The same case read again (another process changed it) keeps its place on screen.
    let scroll = match &state.cases {
        CasesView::Detail(d) if d.case.id == id => d.scroll,
        _ => 0,
    };
    state.cases = if std::mem::take(&mut state.list.edit_on_load) {
        CasesView::Form(Box::new(CaseForm::edit(&case, &state.locals)))
    } else {
        CasesView::Detail(Box::new(CaseDetail {
            case,
            scroll,
            repeats: Vec::new(),
        }))
    };
    // The sessions and visits come with the detail; an older case's are not shown meanwhile.
    if state.case_sessions.as_ref().is_some_and(|(c, _)| *c != id) {
        state.case_sessions = None;
    }
    if state.case_history.as_ref().is_some_and(|(c, _)| *c != id) {
        state.case_history = None;
    }
    if state
        .case_follow_ups
        .as_ref()
        .is_some_and(|(c, _)| *c != id)
    {
        state.case_follow_ups = None;
    }
    // One read of the visits serves the detail and the 文书 tab.
    let mut effects = vec![
        Effect::LoadCaseSessions(id),
        Effect::LoadHistory(id),
        Effect::LoadAgreement(id, false),
        Effect::LoadFollowUps(id),
    ];
    effects.extend(repeats_of_detail(state));
    effects
}

/// Asks for earlier cases of the shown case's parties.
pub fn repeats_of_detail(state: &AppState) -> Vec<Effect> {
    let CasesView::Detail(d) = &state.cases else {
        return Vec::new();
    };
    RepeatQuery::for_parties(&d.case.fields.parties, Some(d.case.id))
        .map(|q| vec![Effect::FindRepeats(q)])
        .unwrap_or_default()
}

/// Earlier cases arrived: for the party dialog that asked, or for the case shown.
pub fn repeats_found(
    state: &mut AppState,
    query: RepeatQuery,
    cases: Vec<CaseSummary>,
) -> Vec<Effect> {
    if let Some(Modal::Party(pf)) = state.modals.last_mut() {
        if pf.repeats_asked.as_ref() == Some(&query) {
            pf.repeats = cases;
        }
        return Vec::new();
    }
    if let CasesView::Detail(d) = &mut state.cases
        && RepeatQuery::for_parties(&d.case.fields.parties, Some(d.case.id)).as_ref()
            == Some(&query)
    {
        d.repeats = cases;
    }
    Vec::new()
}
