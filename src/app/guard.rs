//! What the runner checks before it carries out an effect for the user at the keyboard:
//! the same `domain::user` rules as the screens and the commands, applied where the data
//! is read and written, so no screen can show or change more than the role allows even
//! if its keys were not gated.

use super::action::Effect;
use crate::domain::user::{User, may_edit_settings, may_manage_users, may_write};
use crate::i18n::t;

/// The refusal for `effect`, worded for the user, or `None` if `user` may run it.
pub fn refusal(effect: &Effect, user: &User) -> Option<String> {
    let key = match effect {
        Effect::CreateCase(_)
        | Effect::UpdateCase { .. }
        | Effect::ChangeStatus { .. }
        | Effect::CreateSession { .. }
        | Effect::RecordSession { .. }
            if !may_write(user) =>
        {
            "role.refused.write"
        }
        Effect::SaveRoom { .. }
        | Effect::AddMediator { .. }
        | Effect::SetMediatorActive { .. }
        | Effect::SaveLocalCategory(_)
            if !may_edit_settings(user) =>
        {
            "role.refused.settings"
        }
        Effect::LoadUsers | Effect::SaveUser { .. } if !may_manage_users(user) => {
            "user.refused.manage"
        }
        _ => return None,
    };
    Some(t(key).into_owned())
}
