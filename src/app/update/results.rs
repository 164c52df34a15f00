//! Results coming back from storage: the room, a saved case, a failure.

use super::case_form;
use super::list::reload;
use crate::app::action::{Effect, Failure, Room};
use crate::app::modal::Modal;
use crate::app::settings::settings_form_for;
use crate::app::setup::setup_form;
use crate::app::state::{AppState, CasesView, StatusLine};
use crate::domain::case::Case;

/// The room was read (at start, or after a settings change).
pub fn room_loaded(state: &mut AppState, room: Room) -> Vec<Effect> {
    let first = state.starting;
    state.starting = false;
    if let Some(lang) = room.lang.filter(|_| !state.lang_locked) {
        state.lang = lang;
    }
    state.mediators = room.mediators;
    state.locals = room.locals;
    state.printer = room.printer;
    // The places and limits apply at once: the session form offers these places, and
    // 今日 is read again with these limits (below).
    state.schedule.places = room.settings.places.clone();
    let settings_changed = state.room_settings != room.settings;
    // Times are typed, shown and compared in the room's zone from now on.
    state.zone = room.settings.zone;
    state.room_settings = room.settings;
    state.org = room.org;
    let Some(org) = &state.org else {
        if state.setup.is_none() {
            state.setup = Some(setup_form());
        }
        return Vec::new();
    };
    let was_setup = state.setup.take().is_some();
    // A reload after adding a mediator must not throw away unsaved profile edits.
    if !state.settings.changed() {
        let focus = state.settings.form.as_ref().map(|f| f.focus);
        // After F2 the user stays on the field they saved from.
        let focus = focus.or(state.settings.saved_focus.take());
        let mut form = settings_form_for(
            org,
            state.lang,
            &state.user,
            &state.printer,
            &state.room_settings,
        );
        if let Some(focus) = focus {
            form.focus = focus;
        }
        state.settings.form = Some(form);
    }
    if was_setup {
        // A room just set up holds nothing for today: show the (empty) case list.
        state.tab = crate::app::state::Tab::Cases;
    }
    if first || was_setup {
        // The first screen is 今日: the case list is read once it is drawn (FirstDrawn).
        let mut effects = if first && state.tab == crate::app::state::Tab::Today {
            Vec::new()
        } else {
            reload(state)
        };
        effects.push(Effect::LoadToday(state.today));
        effects
    } else if settings_changed {
        vec![Effect::LoadToday(state.today)]
    } else {
        Vec::new()
    }
}

/// A case was saved: close what produced it and show the case. The detail shown again
/// reads its parties' earlier cases (they may have changed), its history (which ends with
/// the change just saved) and the rest of what comes with it.
pub fn case_saved(state: &mut AppState, case: Case) -> Vec<Effect> {
    if matches!(state.cases, CasesView::Form(_)) {
        return case_form::saved(state, case);
    }
    let text = crate::i18n::tf(
        "msg.status_changed",
        &[("status", &crate::i18n::label("status", case.status.code()))],
    );
    state.status = Some(StatusLine { text, error: false });
    super::detail::show(state, case)
}

/// A failure: a save keeps its form open and says why in a notice; a read says it below.
pub fn failed(state: &mut AppState, failure: Failure) -> Vec<Effect> {
    state.starting = false;
    if failure.while_saving {
        state.modals.push(Modal::Notice {
            text: failure.message,
        });
    } else {
        state.status = Some(StatusLine {
            text: failure.message,
            error: true,
        });
    }
    Vec::new()
}
