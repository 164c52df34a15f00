//! Which operation of the rights table (`domain::rights`) each key and each dialog's
//! submit asks for, and on whose case. The key bar and the help leave out what the user
//! would only be refused; the key handler (`update::roles`) refuses the same keys with a
//! reason. One mapping serves all three, so they cannot disagree.

use super::command::Command;
use super::dialogs::record::RecordForm;
use super::dialogs::reschedule::RescheduleForm;
use super::keymap::Context;
use super::modal::{Modal, Pending};
use super::state::{AppState, CasesView, Tab};
use crate::domain::case::CaseId;
use crate::domain::rights::{Operation, Refusal, check};
use crate::domain::user::registered_by;

/// An operation asked for by a key, and the case it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// What the key would do.
    pub operation: Operation,
    /// The case, where the key acts on one.
    pub case: Option<CaseId>,
    /// Who registered that case, where the screen knows (`None`: no particular case,
    /// or one the screen cannot name; storage checks again with the case as stored).
    pub registrar: Option<String>,
}

/// The operation a dialog's submit (F2) carries out — each dialog names its action here.
pub fn dialog_operation(modal: &Modal) -> Option<Operation> {
    use Operation as O;
    // A form dialog names its own operation (app/dialogs); the menus of a status change
    // hold no form.
    if let Some(dialog) = modal.form_dialog() {
        return Some(dialog.operation());
    }
    match modal {
        Modal::StatusMenu(_) | Modal::Mediators(_) => Some(O::ChangeStatus),
        _ => None,
    }
}

/// What `command` (bound in `context`; `None`: a typed character) asks for on the screen
/// `state` shows, with the key contexts `contexts`; `None` if it only looks or moves.
pub fn asked(
    state: &AppState,
    contexts: &[Context],
    context: Context,
    command: Option<Command>,
) -> Option<Asked> {
    asked_under(state, state.modals.last(), contexts, context, command)
}

/// [`asked`] with `top` as the dialog in front (`None`: the screen itself, as the help
/// screen lists the keys of what it was opened over).
fn asked_under(
    state: &AppState,
    top: Option<&Modal>,
    contexts: &[Context],
    context: Context,
    command: Option<Command>,
) -> Option<Asked> {
    use Command as C;
    use Context as X;
    use Operation as O;
    if let Some(modal) = top {
        let submits = match modal {
            Modal::StatusMenu(_) | Modal::Mediators(_) => command == Some(C::Open),
            _ => command == Some(C::Save),
        };
        let operation = match modal {
            Modal::Confirm(c) if matches!(c.on_yes, Pending::RemoveParty(_)) => {
                matches!(command, Some(C::Yes | C::Open)).then_some(case_form_operation(state))
            }
            _ => submits.then(|| dialog_operation(modal)).flatten(),
        }?;
        return Some(about(state, operation, dialog_case(state, modal)));
    }
    // The settings form fills its tab: every key there but moving and leaving edits it.
    if state.tab == Tab::Settings
        && state.setup.is_none()
        && state.settings.form.is_some()
        && context != X::Global
        && !looks(command)
    {
        return Some(about(state, O::EditSettings, None));
    }
    let command = command?;
    let operation = match (context, command) {
        (X::List, C::New) => O::RegisterCase,
        (X::List, C::Edit) | (X::Detail, C::Edit) => O::EditCase,
        (X::Detail, C::ChangeStatus) => O::ChangeStatus,
        (X::Detail, C::NewSession) => O::ScheduleSession,
        (X::Detail, C::RecordSession) => O::RecordSession,
        (X::Detail | X::Schedule, C::PostponeSession) => O::PostponeSession,
        (X::Detail | X::Schedule, C::CancelSession) => O::CancelSession,
        (X::Detail, C::NewFollowUp) => O::RecordFollowUp,
        (X::Detail, C::Agreement) => O::ViewAgreement,
        (X::Schedule | X::Today, C::Open) => O::ViewCase,
        (X::Tab, C::Add | C::Open) => O::ManageUsers,
        (X::Settings, C::Add | C::Remove) => O::EditSettings,
        (X::AgreementList, C::Open | C::Add | C::Remove | C::MoveUp | C::MoveDown) => {
            O::SaveAgreement
        }
        (X::Form, C::Save) if contexts.contains(&X::Agreement) => O::SaveAgreement,
        (X::Form, C::Save) if contexts.contains(&X::Settings) => O::EditSettings,
        (X::Form, C::Save) if state.setup.is_some() => O::SetUpRoom,
        (X::Form | X::CaseForm | X::Parties, C::Save | C::Add | C::Remove)
            if state.tab == Tab::Cases =>
        {
            case_form_operation(state)
        }
        (X::Parties, C::Open) => case_form_operation(state),
        (X::Stats, C::Export) => O::ExportStats,
        (X::Stats, C::ExportLedger) => O::ExportLedger,
        (X::Docs, C::Print | C::Open | C::LocalPrint) => O::PrintDocument,
        _ => return None,
    };
    Some(about(state, operation, screen_case(state, context)))
}

/// True if `user` may use `command` in `context` here: the key bar and the help show
/// only these.
pub fn may_use(state: &AppState, contexts: &[Context], context: Context, command: Command) -> bool {
    refusal(state, contexts, context, Some(command)).is_none()
}

/// [`may_use`] for the help screen: the keys of `context` as on the screen beneath the
/// dialogs (the help lists every context's keys, not only the dialog's).
pub fn may_use_beneath(state: &AppState, context: Context, command: Command) -> bool {
    let Some(asked) = asked_under(state, None, &[context], context, Some(command)) else {
        return true;
    };
    check(&state.user, asked.operation, asked.registrar.as_deref()).is_ok()
}

/// The refusal for a key, or `None` if the user at the keyboard may go ahead.
pub fn refusal(
    state: &AppState,
    contexts: &[Context],
    context: Context,
    command: Option<Command>,
) -> Option<(Refusal, Option<CaseId>)> {
    let asked = asked(state, contexts, context, command)?;
    check(&state.user, asked.operation, asked.registrar.as_deref())
        .err()
        .map(|refusal| (refusal, asked.case))
}

/// Keys that only move around or leave (what someone who may not change settings may
/// still do on the settings tab); typed letters are none of them.
fn looks(command: Option<Command>) -> bool {
    matches!(
        command,
        Some(
            Command::Up
                | Command::Down
                | Command::PageUp
                | Command::PageDown
                | Command::Home
                | Command::End
                | Command::NextField
                | Command::PrevField
                | Command::Back
                | Command::Help
                | Command::Quit
        )
    )
}

/// What `command` asks for with the key contexts `contexts`: the first context that
/// gives it a meaning decides (as `keymap::resolve` does).
pub fn asked_here(
    state: &AppState,
    contexts: &[Context],
    command: Option<Command>,
) -> Option<Asked> {
    contexts
        .iter()
        .find_map(|c| asked(state, contexts, *c, command))
}

/// [`refusal`] for a key pressed with the key contexts `contexts`.
pub fn refusal_here(
    state: &AppState,
    contexts: &[Context],
    command: Option<Command>,
) -> Option<(Refusal, Option<CaseId>)> {
    let asked = asked_here(state, contexts, command)?;
    check(&state.user, asked.operation, asked.registrar.as_deref())
        .err()
        .map(|refusal| (refusal, asked.case))
}

/// Registering or editing, as the case form on screen does.
fn case_form_operation(state: &AppState) -> Operation {
    match &state.cases {
        CasesView::Form(f) if f.editing.is_none() => Operation::RegisterCase,
        _ => Operation::EditCase,
    }
}

fn about(state: &AppState, operation: Operation, case: Option<CaseId>) -> Asked {
    Asked {
        operation,
        case,
        registrar: case.and_then(|id| registrar_shown(state, id)),
    }
}

/// The case the key acts on, on a screen without a dialog.
fn screen_case(state: &AppState, context: Context) -> Option<CaseId> {
    match (context, &state.cases) {
        (Context::Schedule, _) => {
            let sched = &state.schedule;
            sched.sessions.get(sched.selected).map(|s| s.fields.case_id)
        }
        (Context::Today, _) => state.today_view.selected_case(),
        (_, CasesView::Detail(d)) if state.tab == Tab::Cases || state.tab == Tab::Documents => {
            Some(d.case.id)
        }
        (_, CasesView::Form(f)) if state.tab == Tab::Cases => f.editing.map(|(id, _)| id),
        (_, CasesView::Agreement(a)) if state.tab == Tab::Cases => Some(a.case.id),
        _ => None,
    }
}

/// The case a dialog acts on.
fn dialog_case(state: &AppState, modal: &Modal) -> Option<CaseId> {
    if let Some(case) = modal.form_dialog().and_then(|d| d.case()) {
        return Some(case);
    }
    match modal {
        Modal::StatusMenu(m) => Some(m.case_id),
        Modal::Mediators(m) => Some(m.case_id),
        _ => match &state.cases {
            CasesView::Form(f) => f.editing.map(|(id, _)| id),
            CasesView::Detail(d) => Some(d.case.id),
            _ => None,
        },
    }
}

/// Who registered `case`, as far as what is on screen says: the case shown, or any
/// session of it that was read (sessions carry their case's registrar).
fn registrar_shown(state: &AppState, case: CaseId) -> Option<String> {
    if let CasesView::Detail(d) = &state.cases
        && d.case.id == case
    {
        return Some(registered_by(&d.case).to_string());
    }
    if let CasesView::Agreement(a) = &state.cases
        && a.case.id == case
    {
        return Some(registered_by(&a.case).to_string());
    }
    let sessions = state
        .schedule
        .sessions
        .iter()
        .chain(state.today_view.sessions.iter())
        .chain(state.detail().into_iter().flat_map(|d| d.sessions()))
        .chain(state.modals.iter().flat_map(|m| {
            (m.dialog::<RescheduleForm>().map(|r| r.sessions.as_slice()))
                .or_else(|| m.dialog::<RecordForm>().map(|r| r.sessions.as_slice()))
                .unwrap_or(&[])
        }));
    sessions
        .filter(|s| s.fields.case_id == case && !s.registered_by.is_empty())
        .map(|s| s.registered_by.clone())
        .next()
}

#[cfg(test)]
mod tests;
