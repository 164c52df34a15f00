//! The first-start form: set up the room, then the case list opens.

use super::form_keys::{Outcome, form_key};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::key::Key;
use crate::app::setup::profile_of;
use crate::app::state::{AppState, StatusLine};
use crate::i18n::t;

/// Keys on the first-start form.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(form) = state.setup.as_mut() else {
        return Vec::new();
    };
    if form_key(form, cmd, key) != Outcome::Save {
        return Vec::new();
    }
    form.clear_errors();
    let profile = profile_of(form);
    let mediator = form.value("first_mediator").trim().to_string();
    if let Err(e) = profile.validated() {
        let field = match e {
            crate::domain::org::ProfileError::Missing("field.room_name") => "room_name",
            _ => "committee_name",
        };
        form.set_error(field, Some(e.to_string()));
    }
    if mediator.is_empty() {
        form.set_error(
            "first_mediator",
            Some(t("err.mediator.name_missing").into_owned()),
        );
    }
    if form.fields.iter().any(|f| f.error.is_some()) {
        form.focus_first_error();
        state.status = Some(StatusLine {
            text: t("msg.fix_marked").into_owned(),
            error: true,
        });
        return Vec::new();
    }
    vec![Effect::CreateRoom {
        profile,
        first_mediator: mediator,
    }]
}
