//! Scheduling a session and writing its record from the case detail: opening the dialogs
//! (their keys are the one driver's, `dialog.rs`), the override step when a mediator or
//! room is taken, and what happens when storage answers.

use crate::app::action::Effect;
use crate::app::dialogs::record::RecordForm;
use crate::app::dialogs::reschedule::RescheduleKind;
use crate::app::dialogs::session::{OverrideForm, SessionForm};
use crate::app::modal::Modal;
use crate::app::state::{AppState, CasesView, StatusLine};
use crate::domain::conflicts::Verdict;
use crate::domain::session::SessionFields;
use crate::i18n::{t, tf};
use crate::storage::Booked;

/// Opens the form for the case on screen.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    let CasesView::Detail(detail) = &state.cases else {
        return Vec::new();
    };
    let places = if state.schedule.places.is_empty() {
        crate::domain::follow_up::Place::defaults()
    } else {
        state.schedule.places.clone()
    };
    let form = SessionForm::new(&detail.case, &state.mediators, &places, state.today);
    state.modals.push(Modal::Session(Box::new(form)));
    Vec::new()
}

/// Opens the record form for the case on screen (a notice if it has no session yet).
pub fn open_record(state: &mut AppState) -> Vec<Effect> {
    let CasesView::Detail(detail) = &state.cases else {
        return Vec::new();
    };
    match RecordForm::new(detail.sessions(), state.today) {
        Some(form) => state.modals.push(Modal::Record(Box::new(form))),
        None => state.modals.push(Modal::Notice {
            text: t("err.record.no_session").into_owned(),
        }),
    }
    Vec::new()
}

/// A record was saved: close the form, say so, reread the case's sessions.
pub fn recorded(state: &mut AppState, s: crate::domain::session::Session) -> Vec<Effect> {
    state.modals.retain(|m| !matches!(m, Modal::Record(_)));
    state.status = Some(StatusLine {
        text: t("msg.record_saved").into_owned(),
        error: false,
    });
    vec![Effect::LoadCaseSessions(s.fields.case_id)]
}

/// A booking was refused: show what clashes and ask for a reason.
pub fn clashed(state: &mut AppState, fields: SessionFields, verdict: Verdict) -> Vec<Effect> {
    let clashes = verdict
        .refusals
        .iter()
        .chain(&verdict.warnings)
        .map(|c| c.to_string())
        .collect();
    let mut form = OverrideForm::new(fields, clashes);
    // A postponement that clashes stays a postponement when overridden.
    if let Some(Modal::Reschedule(r)) = state.modals.last()
        && r.kind == RescheduleKind::Postpone
    {
        form.postpone = r.session().map(|s| (s.id, s.version));
    }
    state.modals.push(Modal::Override(Box::new(form)));
    super::restore_after_load::override_opened(state);
    Vec::new()
}

/// A session was stored (scheduled, or the new time of a postponed one): close the form,
/// say so (with any warning), reread what shows the session.
pub fn saved(state: &mut AppState, booked: Booked) -> Vec<Effect> {
    let postponed = state
        .modals
        .iter()
        .any(|m| matches!(m, Modal::Reschedule(_)));
    state.modals.retain(|m| {
        !matches!(
            m,
            Modal::Session(_) | Modal::Override(_) | Modal::Reschedule(_)
        )
    });
    let s = &booked.session;
    let key = if postponed {
        "msg.session_postponed"
    } else {
        "msg.session_saved"
    };
    let mut text = tf(
        key,
        &[
            ("when", &s.fields.start.format("%m-%d %H:%M").to_string()),
            ("place", &s.fields.place),
        ],
    );
    for w in &booked.warnings {
        text.push_str("  ");
        text.push_str(&w.to_string());
    }
    state.status = Some(StatusLine {
        text,
        error: !booked.warnings.is_empty(),
    });
    super::reschedule::reload(state, s.fields.case_id)
}
