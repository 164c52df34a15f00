//! The first-start form: the room's name, its parent committee, the case-number prefix
//! and the first mediator — the least a room needs to number its first case.

use super::form::{Field, Form};
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};

/// The empty first-start form.
pub fn setup_form() -> Form {
    Form::new(vec![
        Field::text("room_name", "field.room_name", "").required(),
        Field::text("committee_name", "field.committee_name", "").required(),
        Field::text("number_prefix", "field.number_prefix", ""),
        Field::text("first_mediator", "field.first_mediator", "").required(),
    ])
}

/// The profile typed into a first-start or settings form (default number pattern if the
/// form has none).
pub fn profile_of(form: &Form) -> OrgProfile {
    let pattern = form.value("number_pattern");
    OrgProfile {
        room_name: form.value("room_name"),
        committee_name: form.value("committee_name"),
        number_prefix: form.value("number_prefix"),
        number_pattern: if pattern.trim().is_empty() {
            DEFAULT_NUMBER_PATTERN.to_string()
        } else {
            pattern
        },
    }
}
