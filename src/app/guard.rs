//! What the runner checks before it carries out an effect for the user at the keyboard:
//! the same `domain::user` rules as the screens and the commands, applied where the data
//! is read and written, so no screen can show or change more than the role allows even
//! if its keys were not gated.

use super::action::Effect;
use crate::domain::user::{
    User, case_scope, may_edit_agreements, may_edit_settings, may_manage_users, may_write,
};
use crate::i18n::{label, tf};

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
        Effect::SaveAgreement(_) if !may_edit_agreements(user) => "role.refused.agreement",
        // The ledger lists every case of the period with its parties: not the front
        // desk's (it prints its own cases' forms instead).
        Effect::ExportLedger(_) if case_scope(user).is_some() => "role.refused.ledger",
        Effect::LoadUsers | Effect::SaveUser { .. } if !may_manage_users(user) => {
            "user.refused.manage"
        }
        _ => return None,
    };
    // The role is named in the words, as the screens' refusals do.
    Some(tf(key, &[("role", &label("role", user.role.code()))]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseFields;
    use crate::domain::user::Role;

    #[test]
    fn each_role_is_refused_what_it_may_not_do() {
        let create = Effect::CreateCase(Box::new(CaseFields::blank(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        )));
        let mediator = Effect::AddMediator {
            name: "x".into(),
            phone: String::new(),
        };
        let reader = User::new("r", Role::ReadOnly);
        let clerk = User::new("c", Role::Clerk);
        let member = User::new("m", Role::Mediator);
        let admin = User::new("a", Role::Admin);
        assert!(refusal(&create, &reader).is_some());
        assert!(refusal(&create, &clerk).is_none());
        assert!(refusal(&mediator, &member).is_some());
        assert!(refusal(&mediator, &admin).is_none());
        assert!(refusal(&Effect::LoadUsers, &member).is_some());
        assert!(refusal(&Effect::LoadUsers, &admin).is_none());
        assert!(refusal(&Effect::LoadRoom, &reader).is_none());
    }

    #[test]
    fn agreements_and_the_ledger_are_not_the_front_desks() {
        use crate::domain::stats::period::Period;
        let clerk = User::new("c", Role::Clerk);
        let reader = User::new("r", Role::ReadOnly);
        let member = User::new("m", Role::Mediator);
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let ledger = Effect::ExportLedger(Period::month_of(day));
        let refused = refusal(&ledger, &clerk).unwrap_or_default();
        assert!(
            refused.contains("登记员") || refused.contains("Front desk"),
            "{refused}"
        );
        assert!(refusal(&ledger, &member).is_none());
        assert!(refusal(&ledger, &reader).is_none());
    }
}
