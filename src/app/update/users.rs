//! The room's users arrived (for the users list of the settings tab).

use crate::app::action::Effect;
use crate::app::state::AppState;
use crate::domain::user::User;

/// Keeps the users for the settings tab.
pub fn loaded(state: &mut AppState, users: Vec<User>) -> Vec<Effect> {
    state.users = users;
    Vec::new()
}
