//! What the runner asks the rights table (`domain::rights`) before it carries out an
//! effect for the user at the keyboard: the operation each effect is, and on which case,
//! session or draft; [`allowed`] finds that case's registrar as stored now and asks
//! `rights::check`, so no screen can change more than the role allows even if a key
//! slipped through. Storage asks again inside each write.

use super::action::Effect;
use crate::domain::case::CaseId;
use crate::domain::rights::{Operation, check};
use crate::domain::session::SessionId;
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

/// What an effect is about, for finding whose case it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// No particular case (a list limited to what the role sees, a room setting).
    Room,
    /// One case.
    Case(CaseId),
    /// One session, judged by its case.
    Session(SessionId),
}

/// The operation `effect` carries out and what it is about; `None` for what every user
/// needs whatever their role (the room's name and settings, their own drafts list).
pub fn asked(effect: &Effect) -> Option<(Operation, Target)> {
    use Operation as O;
    use Target::{Case, Room, Session};
    // No catch-all: a new effect must say which operation it is.
    Some(match effect {
        Effect::LoadRoom
        | Effect::LoadDrafts
        | Effect::DeleteDraft(_)
        | Effect::DiscardDraft { .. }
        | Effect::AdoptDraft { .. }
        | Effect::ReleaseDrafts
        | Effect::TakeInRestore(_)
        // The room's own daily copy, made whoever opens the app (as it was before the
        // screen opened): not the `backup` command's copy to a place of one's choosing.
        | Effect::DailyBackup
        | Effect::RecordRefusal { .. } => return None,
        Effect::LoadCases(_) | Effect::SearchCases { .. } => (O::ViewCase, Room),
        Effect::FindRepeats(_) => (O::Search, Room),
        // The agreement comes with every case detail; a role that may not read
        // agreements is given none (see `Runner::try_run`), not refused the case.
        Effect::LoadCase(id)
        | Effect::LoadHistory(id)
        | Effect::LoadCaseSessions(id)
        | Effect::LoadFollowUps(id)
        | Effect::LoadAgreement(id, _) => (O::ViewCase, Case(*id)),
        Effect::CreateCase(_) => (O::RegisterCase, Room),
        Effect::UpdateCase { id, .. } => (O::EditCase, Case(*id)),
        Effect::ChangeStatus { id, .. } => (O::ChangeStatus, Case(*id)),
        Effect::CreateRoom { .. } => (O::SetUpRoom, Room),
        Effect::SaveRoom { .. }
        | Effect::AddMediator { .. }
        | Effect::SetMediatorActive { .. }
        | Effect::SaveLocalCategory(_)
        | Effect::SaveSettings(_)
        | Effect::SavePlaces(_) => (O::EditSettings, Room),
        Effect::LoadToday(_) | Effect::LoadAgenda { .. } | Effect::LoadMonth { .. } => {
            (O::ViewAgenda, Room)
        }
        Effect::CreateSession { fields, .. } => (O::ScheduleSession, Case(fields.case_id)),
        Effect::PostponeSession { id, .. } => (O::PostponeSession, Session(*id)),
        Effect::CancelSession { id, .. } => (O::CancelSession, Session(*id)),
        Effect::RecordSession { id, .. } => (O::RecordSession, Session(*id)),
        Effect::AddFollowUp(visit) => (O::RecordFollowUp, Case(visit.case_id)),
        Effect::LoadStats(_) => (O::ViewStats, Room),
        Effect::ExportStats(_) => (O::ExportStats, Room),
        Effect::ExportLedger(_) => (O::ExportLedger, Room),
        Effect::SaveDraft { key, .. } => (O::SaveDraft, draft_target(key)),
        Effect::LoadUsers | Effect::SaveUser { .. } => (O::ManageUsers, Room),
        Effect::WriteDocument { case, .. } | Effect::PrintLocally { case, .. } => {
            (O::PrintDocument, Case(*case))
        }
        Effect::SaveAgreement(a) => (O::SaveAgreement, Case(a.case_id)),
    })
}

/// The case a draft key names ("record:12" → case 12; "case:new", "settings" → none).
fn draft_target(key: &str) -> Target {
    key.rsplit_once(':')
        .and_then(|(_, id)| id.parse().ok())
        .map_or(Target::Room, |id| Target::Case(CaseId(id)))
}

#[cfg(test)]
mod tests {
    use super::*;
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
