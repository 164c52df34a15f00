//! Keys the user at the keyboard may not use — on a screen or as a dialog's submit —
//! refused before anything acts, with a line saying why and who can, and recorded in the
//! audit. What each key asks for is `key_rights`'; the answer is the rights table's.

use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::key_rights;
use crate::app::keymap::Context;
use crate::app::state::{AppState, StatusLine};

/// The refusal for `command` here (shown on the status line, and the effect that records
/// it), or `None` if it may go ahead.
pub fn refused(
    state: &mut AppState,
    contexts: &[Context],
    command: Option<Command>,
) -> Option<Vec<Effect>> {
    let (refusal, case) = key_rights::refusal_here(state, contexts, command)?;
    state.status = Some(StatusLine {
        text: refusal.to_string(),
        error: true,
    });
    Some(vec![Effect::RecordRefusal {
        refusal: Box::new(refusal),
        case,
    }])
}
