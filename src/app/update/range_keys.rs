//! Keys in a first-day/last-day form (`app::range_form`), the same on the statistics
//! tab and the agenda: F2, or Enter on the last day, asks for the range; Esc closes.

use super::form_keys::{Outcome, form_key};
use crate::app::command::Command;
use crate::app::form::Form;
use crate::app::key::Key;

/// What a key in the range form asks of its screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeKey {
    /// Read the two days and show them.
    Submit,
    /// Close the form and keep what is shown.
    Close,
    /// Nothing more (the form moved or took the key as text).
    Stay,
}

/// Applies `key` to `form`.
pub fn on_key(form: &mut Form, command: Option<Command>, key: Key) -> RangeKey {
    let on_last = form.focused().is_some_and(|f| f.id == "to");
    match form_key(form, command, key) {
        Outcome::Cancel => RangeKey::Close,
        Outcome::Save => RangeKey::Submit,
        Outcome::Handled if command == Some(Command::Open) && on_last => RangeKey::Submit,
        _ => RangeKey::Stay,
    }
}
