//! Which keys the user at the keyboard may use, by the role rules of `domain::user`: the
//! key bar and the help leave out what the role would only be refused (a 只读 user sees
//! no F4 修改, F9 状态, F7 日程 …). `update::roles` still refuses such keys if pressed.

use super::command::Command;
use super::keymap::Context;
use crate::domain::user::{
    User, may_edit_agreements, may_edit_settings, may_manage_users, may_see_agreements, may_write,
};

/// True if `user` may use `command` bound in `context`, on a screen whose key contexts
/// are `contexts` (the form's F2 saves an agreement in the editor, settings on the tab).
pub fn may_use(contexts: &[Context], context: Context, command: Command, user: &User) -> bool {
    use Command as C;
    use Context as X;
    match (context, command) {
        (X::List, C::New | C::Edit) => may_write(user),
        (
            X::Detail,
            C::Edit
            | C::ChangeStatus
            | C::NewSession
            | C::RecordSession
            | C::PostponeSession
            | C::CancelSession
            | C::NewFollowUp,
        ) => may_write(user),
        (X::Detail, C::Agreement) => may_see_agreements(user),
        (X::Schedule, C::PostponeSession | C::CancelSession) => may_write(user),
        (X::Settings, C::Add | C::Remove) => may_edit_settings(user),
        (X::Tab, C::Add) => may_manage_users(user),
        (X::AgreementList, C::Open | C::Add | C::Remove | C::MoveUp | C::MoveDown) => {
            may_edit_agreements(user)
        }
        (X::Form, C::Save) if contexts.contains(&X::Agreement) => may_edit_agreements(user),
        (X::Form, C::Save) if contexts.contains(&X::Settings) => may_edit_settings(user),
        (X::Form | X::CaseForm | X::Parties, C::Save | C::Add | C::Remove) => may_write(user),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::{bar_where, entries_where};
    use crate::domain::user::Role;

    fn bar_of(contexts: &[Context], role: Role) -> Vec<&'static str> {
        let user = User::new("u", role);
        bar_where(contexts, false, &|c, cmd| may_use(contexts, c, cmd, &user))
            .into_iter()
            .map(|(_, d)| d)
            .collect()
    }

    #[test]
    fn read_only_sees_no_write_keys_on_the_case_detail_and_list() {
        let detail = [Context::Detail, Context::Global];
        let ro = bar_of(&detail, Role::ReadOnly);
        for write in [
            "key.edit",
            "key.change_status",
            "key.new_session",
            "key.record_session",
            "key.postpone_session",
            "key.new_follow_up",
        ] {
            assert!(!ro.contains(&write), "{write} in {ro:?}");
        }
        assert!(ro.contains(&"key.agreement"), "只读 may look at agreements");
        assert!(ro.contains(&"key.back") && ro.contains(&"key.help"));
        let mediator = bar_of(&detail, Role::Mediator);
        assert!(mediator.contains(&"key.edit") && mediator.contains(&"key.change_status"));
        let list = [Context::List, Context::Global];
        assert!(!bar_of(&list, Role::ReadOnly).contains(&"key.new"));
        assert!(bar_of(&list, Role::Clerk).contains(&"key.new"));
    }

    #[test]
    fn the_front_desk_sees_no_agreement_key_and_only_editors_save_agreements() {
        let detail = [Context::Detail, Context::Global];
        assert!(!bar_of(&detail, Role::Clerk).contains(&"key.agreement"));
        let editor = [Context::Agreement, Context::Form, Context::Global];
        assert!(!bar_of(&editor, Role::ReadOnly).contains(&"key.save"));
        assert!(bar_of(&editor, Role::Mediator).contains(&"key.save"));
        let rows = [Context::AgreementList, Context::Agreement, Context::Form];
        assert!(!bar_of(&rows, Role::ReadOnly).contains(&"key.add_row"));
    }

    #[test]
    fn settings_keys_are_for_administrators_and_help_is_filtered_the_same_way() {
        let settings = [Context::Settings, Context::Form, Context::Global];
        assert!(!bar_of(&settings, Role::Mediator).contains(&"key.save"));
        assert!(bar_of(&settings, Role::Admin).contains(&"key.save"));
        let ro = User::new("u", Role::ReadOnly);
        let help = entries_where(Context::Detail, &|c, cmd| may_use(&[c], c, cmd, &ro));
        assert!(!help.iter().any(|(_, d)| *d == "key.edit"));
        assert!(help.iter().any(|(_, d)| *d == "key.scroll_down"));
    }
}
