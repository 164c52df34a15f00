//! While a save is under way on the writer's thread the keyboard stays free, but what
//! would lose the form or save twice waits: Esc, quitting, and any key whose handling
//! asks for another save are held (the state is left as it was) and the status line
//! says to wait.

use super::handle;
use crate::app::action::{Action, Effect};
use crate::app::command::Command;
use crate::app::keymap::{Context, resolve};
use crate::app::modal::Modal;
use crate::app::state::{AppState, Saving, StatusLine};
use crate::i18n::t;

/// Handles a key or a paste that came while a save is under way.
pub fn during_save(state: &mut AppState, action: Action) -> Vec<Effect> {
    if let Action::Key(key) = &action {
        let (contexts, typing) = super::key_contexts(state);
        let command = resolve(&contexts, *key, typing);
        let quits = resolve(&[Context::Global], *key, true) == Some(Command::Quit);
        // Help, opened over the form, closes as always.
        let over_help = matches!(state.modals.last(), Some(Modal::Help { .. }));
        let back = matches!(command, Some(Command::Back)) && !over_help;
        if quits || back || command == Some(Command::Quit) {
            return held(state);
        }
    }
    let before = state.clone();
    let effects = handle(state, action);
    if effects.iter().any(Effect::is_save) {
        *state = before;
        return held(state);
    }
    effects
}

/// The status progress of the saves changed.
pub fn progress(state: &mut AppState, saving: Saving) -> Vec<Effect> {
    state.saving = saving;
    Vec::new()
}

fn held(state: &mut AppState) -> Vec<Effect> {
    state.status = Some(StatusLine {
        text: t("msg.saving_hold").into_owned(),
        error: false,
    });
    Vec::new()
}
