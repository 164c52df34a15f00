//! Postponing (改期) and calling off (取消) a planned session from the agenda (the selected
//! one; from the case detail the dialog opens as its own file says): opening the dialog
//! (its keys are the one driver's, `dialog.rs`) and what happens when storage answers. A postponement that clashes goes through the same override step as a new
//! booking (see `session::clashed`).

use crate::app::action::Effect;
use crate::app::dialogs::reschedule::{RescheduleForm, RescheduleKind};
use crate::app::modal::Modal;
use crate::app::state::{AppState, StatusLine, Tab};
use crate::domain::case::CaseId;
use crate::domain::session::Session;
use crate::i18n::{t, tf};

fn kind_of(postpone: bool) -> RescheduleKind {
    if postpone {
        RescheduleKind::Postpone
    } else {
        RescheduleKind::Cancel
    }
}

/// Opens the dialog for the session selected in the agenda.
pub fn open_on_agenda(state: &mut AppState, postpone: bool) -> Vec<Effect> {
    let sched = &state.schedule;
    let chosen: Vec<Session> = sched
        .sessions
        .get(sched.selected)
        .cloned()
        .into_iter()
        .collect();
    open(state, postpone, &chosen);
    Vec::new()
}

fn open(state: &mut AppState, postpone: bool, sessions: &[Session]) {
    match RescheduleForm::new(kind_of(postpone), sessions, state.today) {
        Some(form) => state.modals.push(Modal::form(form)),
        None => state.modals.push(Modal::Notice {
            text: t("err.session.none_planned").into_owned(),
        }),
    }
}

/// A session was called off: close the dialog, say so, reread what shows it.
pub fn cancelled(state: &mut AppState, s: Session) -> Vec<Effect> {
    state.modals.retain(|m| !m.is::<RescheduleForm>());
    state.status = Some(StatusLine {
        text: tf(
            "msg.session_cancelled",
            &[("when", &s.fields.start.format("%m-%d %H:%M").to_string())],
        ),
        error: false,
    });
    reload(state, s.fields.case_id)
}

/// What to read again after a session of `case` changed: the case's sessions, and the
/// agenda or month when the schedule tab is in front.
pub fn reload(state: &mut AppState, case: CaseId) -> Vec<Effect> {
    let mut effects = vec![Effect::LoadCaseSessions(case)];
    if state.tab == Tab::Schedule {
        effects.extend(super::schedule::load(state));
    }
    effects
}
