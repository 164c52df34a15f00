//! The runner's side of a conflict: which saves can be refused because someone else saved
//! the same record first, and reading the stored version to show beside the user's.

use crate::app::action::{Action, Effect};
use crate::app::conflict::StatusAsk;
use crate::domain::agreement::Agreement;
use crate::domain::case::{CaseFields, CaseId};
use crate::domain::session::{SessionId, SessionRecord};
use crate::storage::{StorageError, Store};

/// A save that may meet a newer version, with what it tried to save.
pub enum Edited {
    /// A case's fields.
    Case(CaseId, Box<CaseFields>),
    /// A case's agreement.
    Agreement(Box<Agreement>),
    /// A case's status.
    Status(CaseId, Box<StatusAsk>),
    /// A session's record.
    Record(SessionId, Box<SessionRecord>),
}

impl Edited {
    /// The versioned save `effect` is, if the table of effects says it is one.
    pub fn of(effect: &Effect) -> Option<Edited> {
        if !effect.describe().versioned {
            return None;
        }
        Some(match effect {
            Effect::UpdateCase { id, fields, .. } => Edited::Case(*id, fields.clone()),
            Effect::SaveAgreement(a) => Edited::Agreement(a.clone()),
            Effect::ChangeStatus {
                id,
                to,
                reason,
                mediators,
                ..
            } => Edited::Status(
                *id,
                Box::new(StatusAsk {
                    to: *to,
                    reason: reason.clone(),
                    mediators: mediators.clone(),
                }),
            ),
            Effect::RecordSession { id, record, .. } => Edited::Record(*id, record.clone()),
            // Said versioned in the table but not shown beside the stored version here:
            // the test over every effect (`effect_kind`) fails.
            _ => return None,
        })
    }

    /// Both versions: mine, and the one stored now read from `store`.
    pub fn both(self, store: &Store) -> Result<Action, StorageError> {
        Ok(match self {
            Edited::Case(id, mine) => Action::CaseConflict {
                mine,
                theirs: Box::new(store.load_case(id)?),
            },
            Edited::Agreement(mine) => Action::AgreementConflict {
                theirs: store.agreement_of_case(mine.case_id)?.map(Box::new),
                mine,
            },
            Edited::Status(id, mine) => Action::StatusConflict {
                mine,
                theirs: Box::new(store.load_case(id)?),
            },
            Edited::Record(id, mine) => Action::RecordConflict {
                mine,
                theirs: Box::new(store.load_session(id)?),
            },
        })
    }
}
