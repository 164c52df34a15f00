//! Booking a session (the session dialog, a postponement): the override step when a
//! mediator or room is taken, and what happens when storage has booked it. The dialogs
//! themselves, their keys and how they open are `app/dialogs/` and `dialog.rs`.

use crate::app::action::Effect;
use crate::app::dialogs::reschedule::{RescheduleForm, RescheduleKind};
use crate::app::dialogs::session::{OverrideForm, SessionForm};
use crate::app::modal::Modal;
use crate::app::state::{AppState, StatusLine};
use crate::domain::conflicts::Verdict;
use crate::domain::session::SessionFields;
use crate::i18n::tf;
use crate::storage::Booked;

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
    if let Some(r) = state
        .modals
        .last()
        .and_then(Modal::dialog::<RescheduleForm>)
        && r.kind == RescheduleKind::Postpone
    {
        form.postpone = r.session().map(|s| (s.id, s.version));
    }
    state.modals.push(Modal::form(form));
    super::restore_after_load::override_opened(state);
    Vec::new()
}

/// A session was stored (scheduled, or the new time of a postponed one): close the form,
/// say so (with any warning), reread what shows the session.
pub fn saved(state: &mut AppState, booked: Booked) -> Vec<Effect> {
    let postponed = state.modals.iter().any(Modal::is::<RescheduleForm>);
    state
        .modals
        .retain(|m| !(m.is::<SessionForm>() || m.is::<OverrideForm>() || m.is::<RescheduleForm>()));
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
