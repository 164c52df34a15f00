//! Storage asks the rights table (`domain::rights`) too: the store knows who is acting
//! ([`Store::act_as`]), and each write checks them inside its own transaction, against
//! the case as stored at that moment — so a screen that let a key through, or a stale
//! form, still cannot change what the role may not. A refusal is recorded in the audit.

use super::{StorageError, Store};
use crate::domain::case::CaseId;
use crate::domain::rights::{Operation, Refusal, check};
use crate::domain::session::SessionId;
use crate::domain::user::User;
use rusqlite::{Connection, OptionalExtension, params};

impl Store {
    /// Acts as `user` from now on: the audit records their name, and every write is
    /// checked against the rights table for their role.
    pub fn act_as(&mut self, user: &User) {
        self.set_user(&user.name);
        self.actor = Some(user.clone());
    }

    /// Who is acting (`None`: nobody named, as in maintenance commands and tests).
    pub fn actor(&self) -> Option<&User> {
        self.actor.as_ref()
    }

    /// Who registered `case` (`None` if there is no such case).
    pub fn registrar(&self, case: CaseId) -> Result<Option<String>, StorageError> {
        registrar_of(&self.conn, case.0)
    }

    /// Records in the audit that the acting user was refused `refusal` (on `case`): the
    /// screens and the command line call it for their own refusals, storage for its own.
    /// A refusal that cannot be recorded (a read-only file) is logged, never shown.
    pub fn record_refusal(&mut self, refusal: &Refusal, case: Option<CaseId>) {
        let after = serde_json::json!({
            "operation": refusal.operation.code(),
            "role": refusal.role.code(),
        })
        .to_string();
        // One statement is its own transaction; it runs after the refused one rolled
        // back, and waits for other writers like every write (busy timeout).
        let written = self.conn.execute(
            "INSERT INTO audit (at, user_name, table_name, row_id, case_id, action, after_json)
             VALUES (tiaojie_now(), tiaojie_user(), 'rights', NULL, ?1, 'refused', ?2)",
            params![case.map(|c| c.0), after],
        );
        if let Err(e) = written {
            crate::log::error(&format!("audit: refusal not recorded: {e}"));
        }
    }

    /// Records a refusal the write path returned (see `write`); anything else is left.
    pub(super) fn record_if_refused(&mut self, e: &StorageError) {
        if let StorageError::Refused(refusal, case) = e {
            let (refusal, case) = (refusal.clone(), *case);
            self.record_refusal(&refusal, case);
        }
    }
}

/// Refuses `op` on `case` (on no case: `None`) unless the acting user may do it.
pub(super) fn allow(
    conn: &Connection,
    actor: Option<&User>,
    op: Operation,
    case: Option<i64>,
) -> Result<(), StorageError> {
    let Some(user) = actor else {
        return Ok(());
    };
    let registrar = match case {
        Some(id) => registrar_of(conn, id)?,
        None => None,
    };
    // A case that does not exist has nobody's name: an own-cases role is refused it.
    let scope = match (case, &registrar) {
        (Some(_), None) => Some(""),
        _ => registrar.as_deref(),
    };
    check(user, op, scope).map_err(|refusal| StorageError::Refused(refusal, case.map(CaseId)))
}

/// [`allow`] for an operation on a session, judged by the session's case.
pub(super) fn allow_session(
    conn: &Connection,
    actor: Option<&User>,
    op: Operation,
    session: SessionId,
) -> Result<(), StorageError> {
    if actor.is_none() {
        return Ok(());
    }
    let case: Option<i64> = conn
        .query_row(
            "SELECT case_id FROM sessions WHERE id = ?1",
            [session.0],
            |r| r.get(0),
        )
        .optional()?;
    allow(conn, actor, op, Some(case.unwrap_or(0)))
}

/// The case a draft belongs to: the number after the last colon of its key
/// ("case:12", "record:12", "postpone:12" …); "case:new" and "settings" have none.
pub(super) fn draft_case(key: &str) -> Option<i64> {
    key.rsplit_once(':').and_then(|(_, id)| id.parse().ok())
}

/// The case a draft of `key` is judged by: its case while that case exists. A draft of
/// a case that is gone (a restore took it away) keeps what was typed for its writer and
/// can touch nothing: ids are never handed out again, and opening it finds no case.
pub(super) fn draft_scope(conn: &Connection, key: &str) -> Result<Option<i64>, StorageError> {
    let Some(case) = draft_case(key) else {
        return Ok(None);
    };
    let exists: Option<i64> = conn
        .prepare_cached("SELECT 1 FROM cases WHERE id = ?1")?
        .query_row([case], |r| r.get(0))
        .optional()?;
    Ok(exists.map(|_| case))
}

fn registrar_of(conn: &Connection, case: i64) -> Result<Option<String>, StorageError> {
    Ok(conn
        .prepare_cached(
            "SELECT operator FROM status_history
             WHERE case_id = ?1 AND from_status IS NULL ORDER BY id LIMIT 1",
        )?
        .query_row([case], |r| r.get(0))
        .optional()?)
}

#[cfg(test)]
mod tests;
