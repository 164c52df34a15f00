//! What the runner asks the rights table (`domain::rights`) before it carries out an
//! effect for the user at the keyboard: the operation each effect is, and on which case,
//! session or draft; [`allowed`] finds that case's registrar as stored now and asks
//! `rights::check`, so no screen can change more than the role allows even if a key
//! slipped through. Storage asks again inside each write.

use super::action::Effect;
pub use super::effect_kind::Target;
use crate::domain::rights::{Operation, check};
use crate::domain::user::User;
use crate::storage::{StorageError, Store};

/// Whether `user` may carry out `effect` (on the case it is about, as stored now); a
/// refusal is recorded in the audit and comes back worded for the user.
pub fn allowed(store: &mut Store, user: &User, effect: &Effect) -> Result<(), StorageError> {
    let Some((op, target)) = asked(effect) else {
        return Ok(());
    };
    let case = match target {
        Target::Room => None,
        Target::Case(id) => Some(id),
        Target::Session(id) => match store.load_session(id) {
            Ok(s) => Some(s.fields.case_id),
            Err(StorageError::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
    };
    // A case that is not there is said so by the effect itself (not found).
    let registrar = match case {
        Some(id) => store.registrar(id)?,
        None => None,
    };
    check(user, op, registrar.as_deref()).map_err(|refusal| {
        store.record_refusal(&refusal, case);
        StorageError::Refused(refusal, case)
    })
}

/// The operation `effect` carries out and what it is about; `None` for what every user
/// needs whatever their role (the room's name and settings, their own drafts list). The
/// table of effects says it (`effect_kind`).
pub fn asked(effect: &Effect) -> Option<(Operation, Target)> {
    effect.describe().right
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseId;
    use crate::domain::session::SessionId;
    use crate::domain::stats::period::Period;
    use crate::domain::user::{Role, User};

    #[test]
    fn each_effect_is_the_operation_the_table_decides() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let ledger = Effect::ExportLedger(Period::month_of(day));
        assert_eq!(
            asked(&ledger),
            Some((Operation::ExportLedger, Target::Room))
        );
        let cancel = Effect::CancelSession {
            id: SessionId(4),
            version: 1,
            reason: String::new(),
        };
        assert_eq!(
            asked(&cancel),
            Some((Operation::CancelSession, Target::Session(SessionId(4))))
        );
        let draft = Effect::SaveDraft {
            key: "postpone:12".into(),
            content: String::new(),
        };
        assert_eq!(
            asked(&draft),
            Some((Operation::SaveDraft, Target::Case(CaseId(12))))
        );
        assert_eq!(asked(&Effect::LoadRoom), None);
        let mediator = Effect::AddMediator {
            name: "x".into(),
            phone: String::new(),
        };
        let (op, _) = asked(&mediator).unwrap();
        assert!(check(&User::new("m", Role::Mediator), op, None).is_err());
        assert!(check(&User::new("a", Role::Admin), op, None).is_ok());
    }
}
