//! The audit triggers: made from each audited table's columns (so a column added by a
//! later migration is recorded too), compared with what the file holds, and made again
//! when one is missing or altered — never silently: `tiaojie check` names them, and the
//! repair made when a file is opened writes an audit row of its own and is said on screen.

use super::super::StorageError;
use super::{AUDITED, NOT_A_CHANGE};
use rusqlite::{Connection, TransactionBehavior};

/// Audit triggers that the file lacks, or holds in another form than this version makes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TriggerFindings {
    /// Names of the triggers that are not there.
    pub missing: Vec<String>,
    /// Names of the triggers whose text differs.
    pub altered: Vec<String>,
}

impl TriggerFindings {
    /// True when every trigger is there as this version makes it.
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.altered.is_empty()
    }
}

/// The rule that nobody changes or removes an audit row (as migration 14 makes it).
const APPEND_ONLY: [(&str, &str); 2] = [
    (
        "audit_append_only_update",
        "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END",
    ),
    (
        "audit_append_only_delete",
        "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END",
    ),
];

/// Compares the file's audit triggers with the ones this version makes, reading only.
pub(in crate::storage) fn findings(conn: &Connection) -> Result<TriggerFindings, StorageError> {
    let mut found = TriggerFindings::default();
    // Every trigger's text in one read of the schema (a lookup per trigger read the
    // schema table 20 times at every start).
    let held: std::collections::HashMap<String, String> = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (name, sql) in wanted(conn)? {
        match held.get(&name) {
            None => found.missing.push(name),
            Some(now) if same(now, &sql) => {}
            Some(_) => found.altered.push(name),
        }
    }
    Ok(found)
}

/// Makes the missing or altered audit triggers again, in one write transaction, and says
/// which they were. With `record`, the repair writes an audit row too (`repair`, by the
/// account that opened the file): a trigger missing from a file of this version was
/// dropped by someone, and that must stay visible.
pub(in crate::storage) fn install_triggers(
    conn: &mut Connection,
    record: bool,
) -> Result<TriggerFindings, StorageError> {
    if findings(conn)?.is_empty() {
        return Ok(TriggerFindings::default());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Again inside the transaction: another process may have repaired them meanwhile.
    let found = findings(&tx)?;
    for (name, sql) in wanted(&tx)? {
        if found.missing.contains(&name) || found.altered.contains(&name) {
            tx.execute_batch(&format!("DROP TRIGGER IF EXISTS {name};\n{sql};"))?;
        }
    }
    if record && !found.is_empty() {
        record_repair(&tx, &found)?;
    }
    tx.commit()?;
    Ok(found)
}

/// The same statement, however its spaces and line breaks were laid out.
fn same(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// (trigger name, CREATE TRIGGER text) of every audit trigger the file should hold.
fn wanted(conn: &Connection) -> Result<Vec<(String, String)>, StorageError> {
    let mut out = wanted_triggers(conn)?;
    if !columns(conn, "audit")?.is_empty() {
        out.extend(APPEND_ONLY.map(|(n, s)| (n.to_string(), s.to_string())));
    }
    Ok(out)
}

/// (trigger name, CREATE TRIGGER text) for each audited table in the file.
fn wanted_triggers(conn: &Connection) -> Result<Vec<(String, String)>, StorageError> {
    let mut out = Vec::new();
    for table in AUDITED {
        let columns = columns(conn, table)?;
        if columns.is_empty() {
            continue;
        }
        out.extend(triggers_for(table, &columns));
    }
    Ok(out)
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>, StorageError> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt
        .query_map([table], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names)
}

/// The three triggers of one table. Names come from [`AUDITED`] and the schema, never
/// from users, so formatting them into SQL is safe.
fn triggers_for(table: &str, columns: &[String]) -> Vec<(String, String)> {
    let json = |row: &str| {
        let pairs: Vec<String> = columns
            .iter()
            .map(|c| format!("'{c}', {row}.\"{c}\""))
            .collect();
        format!("json_object({})", pairs.join(", "))
    };
    let case_of = |row: &str| {
        if table == "cases" {
            format!("{row}.id")
        } else if columns.iter().any(|c| c == "case_id") {
            format!("{row}.case_id")
        } else {
            "NULL".to_string()
        }
    };
    // A change keeps only the columns that changed (and the row's name, so the history
    // can say whose): a case's facts are not copied twice for every status change.
    // Built as text because json_object cannot leave a key out. Not passed through
    // json(): json_quote makes every value valid JSON and the keys are column names, so
    // the text is valid as built, and parsing it again cost every update a second pass.
    let changed_json = |row: &str| {
        let parts: Vec<String> = columns
            .iter()
            .filter(|c| !NOT_A_CHANGE.contains(&c.as_str()))
            .map(|c| {
                let pair = format!("'\"{c}\":' || json_quote({row}.\"{c}\") || ','");
                if c == "name" {
                    pair
                } else {
                    format!("CASE WHEN OLD.\"{c}\" IS NOT NEW.\"{c}\" THEN {pair} ELSE '' END")
                }
            })
            .collect();
        format!("'{{' || rtrim({}, ',') || '}}'", parts.join(" || "))
    };
    let changed: Vec<String> = columns
        .iter()
        .filter(|c| !NOT_A_CHANGE.contains(&c.as_str()))
        .map(|c| format!("OLD.\"{c}\" IS NOT NEW.\"{c}\""))
        .collect();
    let insert = |action: &str, row: &str, before: &str, after: &str| {
        format!(
            "INSERT INTO audit (at, user_name, table_name, row_id, case_id, action, before_json, after_json) \
             VALUES (tiaojie_now(), tiaojie_user(), '{table}', {row}.rowid, {}, '{action}', {before}, {after})",
            case_of(row)
        )
    };
    vec![
        (
            format!("audit_{table}_insert"),
            format!(
                "CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} WHEN tiaojie_row_audit() BEGIN {}; END",
                insert("insert", "NEW", "NULL", &json("NEW"))
            ),
        ),
        (
            format!("audit_{table}_update"),
            format!(
                "CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} WHEN tiaojie_row_audit() AND ({}) BEGIN {}; END",
                changed.join(" OR "),
                insert("update", "NEW", &changed_json("OLD"), &changed_json("NEW"))
            ),
        ),
        (
            format!("audit_{table}_delete"),
            format!(
                "CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} WHEN tiaojie_row_audit() BEGIN {}; END",
                insert("delete", "OLD", &json("OLD"), "NULL")
            ),
        ),
    ]
}

/// The audit row of a repair: which triggers were missing and which altered.
pub(in crate::storage) fn record_repair(
    conn: &Connection,
    found: &TriggerFindings,
) -> Result<(), StorageError> {
    let account = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    conn.execute(
        "INSERT INTO main.audit (at, user_name, table_name, row_id, case_id, action, after_json)
         VALUES (tiaojie_now(), coalesce(nullif(tiaojie_user(), ''), ?1), 'audit', NULL,
                 NULL, 'repair', json_object('missing', json(?2), 'altered', json(?3)))",
        rusqlite::params![
            account,
            serde_json::to_string(&found.missing).unwrap_or_default(),
            serde_json::to_string(&found.altered).unwrap_or_default()
        ],
    )?;
    Ok(())
}
