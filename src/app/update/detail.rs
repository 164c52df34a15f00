//! One case on screen: scrolling, editing, changing its status, going back.

use super::list::reload;
use crate::app::action::Effect;
use crate::app::case_form::CaseForm;
use crate::app::command::Command;
use crate::app::modal::{Modal, StatusMenu};
use crate::app::party_form::PartyForm;
use crate::app::state::{AppState, CaseDetail, CasesView};
use crate::domain::case::{Case, CaseSummary};
use crate::domain::repeat::RepeatQuery;
use tui_input::Input;

/// Keys on the case detail.
pub fn on_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    // The dialogs that open on a key of the case detail say so in their own files.
    if let Some(cmd) = cmd
        && let Some(effects) = super::dialog::open_on(state, cmd)
    {
        return effects;
    }
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
        Some(Command::Agreement) => return vec![Effect::LoadAgreement(detail.case.id, true)],
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
    // A case read before the agreement editor or the case form opened must not close it
    // (only a read asked for to fill the form may replace what is on screen).
    let form_open = matches!(state.cases, CasesView::Form(_)) && !state.list.edit_on_load;
    if matches!(state.cases, CasesView::Agreement(_)) || form_open {
        return Vec::new();
    }
    if std::mem::take(&mut state.list.edit_on_load) {
        state.cases = CasesView::Form(Box::new(CaseForm::edit(&case, &state.locals)));
        return Vec::new();
    }
    show(state, case)
}

/// Shows `case` on the detail and reads what comes with it: its sessions, history,
/// agreement and visits, and its parties' earlier cases. Every way back to the detail
/// (a case read, a form saved, a conflict settled) comes through here, so none shows a
/// list left from before. The same case shown again keeps its place, and what was read of
/// it until the fresh answers arrive; another case starts with nothing of the last one.
pub fn show(state: &mut AppState, case: Case) -> Vec<Effect> {
    let id = case.id;
    let detail = match std::mem::replace(&mut state.cases, CasesView::List) {
        CasesView::Detail(mut same) if same.case.id == id => {
            same.case = case;
            same
        }
        _ => Box::new(CaseDetail::new(case)),
    };
    state.cases = CasesView::Detail(detail);
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
    if let Some(pf) = state
        .modals
        .last_mut()
        .and_then(Modal::dialog_mut::<PartyForm>)
    {
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
