//! The audit trail: who changed what, when, before and after. SQLite triggers write it
//! (so no code path can forget), and triggers refuse to change or delete its rows.
//!
//! The triggers are made here from each audited table's columns and refreshed when a
//! database is opened, so a column added by a later migration is recorded too. Auditing
//! a new table is one line: add its name to [`AUDITED`] (tables missing from the file,
//! e.g. `agreements` before its migration, are skipped).

use super::zone::AuditClock;
use super::{StorageError, Store};
use crate::domain::audit::{AuditAction, AuditEntry};
use crate::domain::case::CaseId;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, Transaction, params};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The tables whose every insert, update and delete is recorded.
pub const AUDITED: &[&str] = &[
    "cases",
    "parties",
    "sessions",
    "follow_ups",
    "users",
    "agreements",
];

mod triggers;
pub use triggers::TriggerFindings;
pub(super) use triggers::{findings, install_triggers, record_repair};

/// Columns whose change alone is no change worth recording (kept by storage itself).
const NOT_A_CHANGE: &[&str] = &["version", "updated_at"];

/// Who is working on a connection: read by the triggers through `tiaojie_user()`.
pub(super) type Who = Arc<Mutex<String>>;

/// Whether the triggers record each row on a connection: read through
/// `tiaojie_row_audit()`. Off only while a bulk write (demo, import) runs, which writes
/// its own summary rows instead (see [`Store::quiet_row_audit`]).
#[derive(Clone)]
pub(super) struct RowAudit(Arc<AtomicBool>);

impl Default for RowAudit {
    fn default() -> Self {
        RowAudit(Arc::new(AtomicBool::new(true)))
    }
}

/// Row auditing stays off while this lives; dropping it (also on an error) turns it on.
pub(super) struct QuietRowAudit(RowAudit);

impl Drop for QuietRowAudit {
    fn drop(&mut self) {
        self.0.0.store(true, Ordering::SeqCst);
    }
}

/// Registers `tiaojie_user()`, `tiaojie_now()` and `tiaojie_row_audit()` on the
/// connection; the triggers call them.
pub(super) fn register_functions(
    conn: &Connection,
    who: &Who,
    rows: &RowAudit,
    clock: &AuditClock,
) -> Result<(), StorageError> {
    // Not deterministic (the answer changes), innocuous (no side effects), so that SQLite
    // lets triggers call them even with a distrusted schema.
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS;
    let on = Arc::clone(&rows.0);
    conn.create_scalar_function("tiaojie_row_audit", 0, flags, move |_| {
        Ok(on.load(Ordering::SeqCst))
    })?;
    let who = Arc::clone(who);
    conn.create_scalar_function("tiaojie_user", 0, flags, move |_| {
        Ok(who
            .lock()
            .map(|w| w.clone())
            .unwrap_or_else(|e| e.into_inner().clone()))
    })?;
    // Stamped in the room's zone (read at the start of each write), never the machine's:
    // a server kept in UTC writes the same history as the room's own computer. An import
    // writes thousands of rows a second: the text is made once per second.
    let clock = clock.clone();
    let last: Mutex<(i64, i32, String)> = Mutex::new((i64::MIN, 0, String::new()));
    conn.create_scalar_function("tiaojie_now", 0, flags, move |_| {
        let second = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        let zone = clock.zone();
        let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
        if last.0 != second || last.1 != zone.seconds() {
            let text = zone
                .local(&chrono::Utc::now())
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
            *last = (second, zone.seconds(), text);
        }
        Ok(last.2.clone())
    })?;
    Ok(())
}

impl Store {
    /// Who the changes made through this store are recorded as.
    pub fn set_user(&mut self, name: &str) {
        match self.who.lock() {
            Ok(mut who) => *who = name.to_string(),
            Err(e) => *e.into_inner() = name.to_string(),
        }
    }

    /// Turns the per-row audit triggers off on this connection until the guard is
    /// dropped. Only for bulk writes that record themselves with [`audit_bulk`]: the
    /// demo's 100,000 cases wrote about a million audit rows of full JSON otherwise
    /// (five minutes and 1.7 GB instead of under a minute).
    pub(super) fn quiet_row_audit(&self) -> QuietRowAudit {
        self.row_audit.0.store(false, Ordering::SeqCst);
        QuietRowAudit(self.row_audit.clone())
    }

    /// Records that the current user was shown a case's full ID numbers or phones.
    pub fn record_view(&mut self, case: CaseId, what: &str) -> Result<(), StorageError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO audit (at, user_name, table_name, row_id, case_id, action, after_json)
                 VALUES (tiaojie_now(), tiaojie_user(), 'parties', NULL, ?1, 'view', json_object('shown', ?2))",
                params![case.0, what],
            )?;
            Ok(())
        })
    }

    /// A case's history, oldest first: its own changes and those of its parties,
    /// sessions, follow-ups (and agreements), who was shown its full ID numbers, and the
    /// restores since it was registered (which may have undone some of it).
    pub fn case_history(&self, case: CaseId) -> Result<Vec<AuditEntry>, StorageError> {
        let zone = self.zone()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, user_name, table_name, action, before_json, after_json
             FROM audit WHERE case_id = ?1
             UNION ALL
             SELECT id, at, user_name, table_name, action, before_json, after_json
             FROM audit WHERE action = 'restore'
               AND id > (SELECT coalesce(min(id), 9223372036854775807) FROM audit
                         WHERE case_id = ?1)
             ORDER BY 1",
        )?;
        let rows = stmt.query_map([case.0], |r| {
            Ok((
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, user, table, action, before, after) = row?;
            let action = AuditAction::from_code(&action).ok_or(StorageError::Corrupt {
                column: "audit.action",
                value: action.clone(),
            })?;
            let mut e = entry(at, user, table, action, before, after);
            // Shown in the room's zone, whatever zone the change was stamped in.
            e.at = e.at.map(|t| zone.local(&t));
            out.push(e);
        }
        Ok(out)
    }

    /// How many audit rows there are (for tests and `tiaojie check`).
    pub fn audit_count(&self) -> Result<i64, StorageError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?)
    }
}

/// One audit row standing for a bulk write: a whole imported case (`case` and its
/// number as the name), or a batch of rows of `table` (no case). `summary` is a JSON
/// object of counts, kept as the row's "after".
pub(super) fn audit_bulk(
    tx: &Transaction<'_>,
    table: &str,
    case: Option<i64>,
    summary: &serde_json::Value,
) -> Result<(), StorageError> {
    tx.prepare_cached(
        "INSERT INTO audit (at, user_name, table_name, row_id, case_id, action, after_json)
         VALUES (tiaojie_now(), tiaojie_user(), ?1, ?2, ?2, 'import', ?3)",
    )?
    .execute(params![table, case, summary.to_string()])?;
    Ok(())
}

/// Turns a row into what the history shows: which fields changed, and the row's name.
fn entry(
    at: String,
    user: String,
    table: String,
    action: AuditAction,
    before: Option<String>,
    after: Option<String>,
) -> AuditEntry {
    let parse = |text: Option<String>| {
        text.and_then(|t| {
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&t).ok()
        })
        .unwrap_or_default()
    };
    let (before, after) = (parse(before), parse(after));
    let changed = match action {
        AuditAction::Update => after
            .iter()
            .filter(|(k, v)| !NOT_A_CHANGE.contains(&k.as_str()) && before.get(*k) != Some(*v))
            .map(|(k, _)| k.clone())
            .collect(),
        _ => Vec::new(),
    };
    let text = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let values = changed
        .iter()
        .map(|c: &String| (c.clone(), (text(before.get(c)), text(after.get(c)))))
        .collect();
    let name = after
        .get("name")
        .or_else(|| before.get("name"))
        .or_else(|| after.get("shown"))
        .or_else(|| after.get("operation"))
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    // A restore is named by the copy it put back (its file name: the folder says nothing).
    let name = match after.get("file").and_then(|v| v.as_str()) {
        Some(file) if name.is_empty() => std::path::Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.to_string()),
        _ => name,
    };
    AuditEntry {
        at: chrono::DateTime::parse_from_rfc3339(&at).ok(),
        user,
        table,
        action,
        name,
        changed,
        values,
    }
}

#[cfg(test)]
pub(super) mod tests;
