//! Cases: register, edit (with a version check, so no update is lost), change status
//! (numbering on acceptance), load, list a page, and bulk insert for import and demo.

use super::codec::{date_text, decode, time_text};
use super::rights::allow;
use super::search::index_case;
use super::{StorageError, Store};
use crate::domain::case::{Case, CaseFields, CaseId, CaseNumber, Timestamp};
use crate::domain::org::{MediatorId, OrgId, Organisation, format_case_number};
use crate::domain::rights::Operation;
use crate::domain::status::{CaseStatus, StatusChange, TransitionInput, check_transition};
use crate::i18n::tf;
use chrono::Datelike;
use rusqlite::{OptionalExtension, Transaction, params};

pub(super) mod count_memo;
mod insert;
mod list;
mod list_counts;
mod list_keys;
mod parties;
mod read;
pub(super) mod search_pages;
pub(super) mod walked_pages;

/// A whole case as import and demo bring it: already numbered, with its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCaseRecord {
    /// Its number, if it was accepted.
    pub number: Option<CaseNumber>,
    /// Where it stands.
    pub status: CaseStatus,
    /// The fields.
    pub fields: CaseFields,
    /// Mediators by name (created in the room if missing).
    pub mediator_names: Vec<String>,
    /// Its status history, oldest first (at least the registration).
    pub history: Vec<StatusChange>,
    /// Its sessions, visits and agreement (import of format 2; empty for demo).
    pub extras: super::import::CaseExtras,
}

impl Store {
    /// Registers a new case (status 登记) and returns it as stored.
    pub fn create_case(
        &mut self,
        org: OrgId,
        fields: &CaseFields,
        operator: &str,
        now: &Timestamp,
    ) -> Result<Case, StorageError> {
        check_fields(fields, now)?;
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::RegisterCase, None)?;
            let at = time_text(now);
            let id =
                insert::insert_case_row(tx, org, CaseStatus::Registered, None, fields, &at, &at)?;
            parties::insert_parties(tx, id, fields)?;
            index_case(tx, id.0)?;
            record_status(tx, id, None, CaseStatus::Registered, operator, "", now)?;
            Ok(id)
        })?;
        self.load_case(id)
    }

    /// Saves edited fields; refused with `Conflict` if someone saved since `expected_version`.
    pub fn update_case(
        &mut self,
        id: CaseId,
        expected_version: i64,
        fields: &CaseFields,
        now: &Timestamp,
    ) -> Result<Case, StorageError> {
        check_fields(fields, now)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::EditCase, Some(id.0))?;
            claim_version(tx, id, expected_version, now)?;
            write_fields(tx, id, fields, now)
        })?;
        self.load_case(id)
    }

    /// Moves a case to `to`, checked by the status rules. Acceptance numbers the case and
    /// assigns `mediators`; a non-empty `mediators` replaces the assignment at any step.
    #[allow(clippy::too_many_arguments)]
    pub fn change_status(
        &mut self,
        org: &Organisation,
        id: CaseId,
        expected_version: i64,
        to: CaseStatus,
        reason: &str,
        mediators: &[MediatorId],
        operator: &str,
        now: &Timestamp,
    ) -> Result<Case, StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::ChangeStatus, Some(id.0))?;
            let from = claim_version(tx, id, expected_version, now)?;
            let assigned: i64 = tx.query_row(
                "SELECT count(*) FROM case_mediators WHERE case_id = ?1",
                [id.0],
                |r| r.get(0),
            )?;
            let mediator_count = if mediators.is_empty() {
                assigned as usize
            } else {
                mediators.len()
            };
            check_transition(
                from,
                to,
                &TransitionInput {
                    reason: reason.to_string(),
                    mediator_count,
                },
            )?;
            if !mediators.is_empty() {
                assign_mediators(tx, id, mediators)?;
            }
            if to == CaseStatus::Accepted {
                assign_number(tx, org, id, now)?;
            }
            tx.execute(
                "UPDATE cases SET status = ?2 WHERE id = ?1",
                params![id.0, to.code()],
            )?;
            record_status(tx, id, Some(from), to, operator, reason.trim(), now)
        })?;
        self.load_case(id)
    }

    /// Inserts whole cases (import, demo) in one transaction: all or nothing. The records
    /// are a stream read as they are written (an import reads its file a second time); an
    /// `Err` from the stream undoes everything and is returned.
    pub fn insert_records(
        &mut self,
        org: OrgId,
        records: &mut dyn Iterator<Item = Result<NewCaseRecord, StorageError>>,
    ) -> Result<u64, StorageError> {
        // One audit row per case (written by `insert_record`) instead of one per row.
        let quiet = self.quiet_row_audit();
        let index = !self.search_deferred;
        let actor = self.actor.clone();
        // The records are a stream (demo makes them as it goes), so they cannot be
        // written twice: only waiting to begin and to commit is retried.
        let result = self.in_bulk(|store| {
            store.write_once(|tx| {
                allow(tx, actor.as_ref(), Operation::Import, None)?;
                let mut ids = Vec::new();
                for record in records {
                    ids.push(insert_record(tx, org, &record?)?.0);
                }
                if index {
                    super::search::index_new_cases(tx, &ids)?;
                }
                Ok(ids.len() as u64)
            })
        });
        drop(quiet);
        result
    }

    /// Every case id of the room, oldest first (for export).
    pub fn case_ids(&self, org: OrgId) -> Result<Vec<CaseId>, StorageError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE org_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([org.0], |r| Ok(CaseId(r.get(0)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn check_fields(fields: &CaseFields, now: &Timestamp) -> Result<(), StorageError> {
    match fields.problems(now.date_naive()).first() {
        Some(problem) => Err(StorageError::Invalid(problem.to_string())),
        None => Ok(()),
    }
}

/// Checks the version the user started from and bumps it; returns the current status.
fn claim_version(
    tx: &Transaction<'_>,
    id: CaseId,
    expected: i64,
    now: &Timestamp,
) -> Result<CaseStatus, StorageError> {
    let row: Option<(i64, String)> = tx
        .query_row(
            "SELECT version, status FROM cases WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((found, status)) = row else {
        return Err(StorageError::NotFound {
            what: tf("what.case", &[("id", &id.0.to_string())]),
        });
    };
    if found != expected {
        return Err(StorageError::Conflict { expected, found });
    }
    tx.execute(
        "UPDATE cases SET version = version + 1, updated_at = ?2 WHERE id = ?1",
        params![id.0, time_text(now)],
    )?;
    decode("cases.status", &status, CaseStatus::from_code)
}

fn write_fields(
    tx: &Transaction<'_>,
    id: CaseId,
    f: &CaseFields,
    now: &Timestamp,
) -> Result<(), StorageError> {
    let names: Vec<&str> = f.parties.iter().map(|p| p.name.as_str()).collect();
    tx.execute(
        "UPDATE cases SET received_on = ?2, source = ?3, referrer_unit = ?4, referrer_ref = ?5, category = ?6,
         local_category = ?7, facts = ?8, claims = ?9, amount_fen = ?10, persons_involved = ?11,
         risk_escalation = ?12, risk_group = ?13, party_names = ?14, updated_at = ?15 WHERE id = ?1",
        params![
            id.0,
            date_text(f.received_on),
            f.source.code(),
            f.referrer_unit.trim(),
            f.referrer_ref.trim(),
            f.category.national.code(),
            f.category.local,
            f.facts,
            f.claims,
            f.amount_fen,
            f.persons_involved,
            f.risk_escalation,
            f.risk_group,
            names.join("、"),
            time_text(now)
        ],
    )?;
    parties::update_parties(tx, id, f)?;
    index_case(tx, id.0)
}

fn record_status(
    tx: &Transaction<'_>,
    id: CaseId,
    from: Option<CaseStatus>,
    to: CaseStatus,
    operator: &str,
    reason: &str,
    at: &Timestamp,
) -> Result<(), StorageError> {
    tx.prepare_cached(
        "INSERT INTO status_history (case_id, from_status, to_status, at, operator, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id.0,
        from.map(|s| s.code()),
        to.code(),
        time_text(at),
        operator,
        reason
    ])?;
    Ok(())
}

fn assign_mediators(
    tx: &Transaction<'_>,
    id: CaseId,
    mediators: &[MediatorId],
) -> Result<(), StorageError> {
    tx.prepare_cached("DELETE FROM case_mediators WHERE case_id = ?1")?
        .execute([id.0])?;
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO case_mediators (case_id, mediator_id, seq) VALUES (?1, ?2, ?3)",
    )?;
    for (seq, m) in mediators.iter().enumerate() {
        stmt.execute(params![id.0, m.0, seq as i64])?;
    }
    // Cached: preparing it compiles the cases' audit trigger, dear when done per case.
    tx.prepare_cached(
        "UPDATE cases SET mediator_names = (SELECT coalesce(group_concat(name, '、'), '') FROM
           (SELECT m.name FROM case_mediators cm JOIN mediators m ON m.id = cm.mediator_id
            WHERE cm.case_id = ?1 ORDER BY cm.seq)) WHERE id = ?1",
    )?
    .execute([id.0])?;
    Ok(())
}

/// The next number of the year of acceptance; the transaction is immediate, so two
/// desks accepting at once still get different numbers.
fn assign_number(
    tx: &Transaction<'_>,
    org: &Organisation,
    id: CaseId,
    now: &Timestamp,
) -> Result<(), StorageError> {
    let year = now.year();
    let seq: i64 = tx.query_row(
        "SELECT coalesce(max(number_seq), 0) + 1 FROM cases WHERE org_id = ?1 AND number_year = ?2",
        params![org.id.0, year],
        |r| r.get(0),
    )?;
    let text = format_case_number(
        &org.profile.number_pattern,
        &org.profile.number_prefix,
        year,
        seq as u32,
    );
    tx.execute(
        "UPDATE cases SET number_year = ?2, number_seq = ?3, number_text = ?4 WHERE id = ?1",
        params![id.0, year, seq, text],
    )?;
    // The number is searchable.
    index_case(tx, id.0)
}

/// Writes one case with all it brings, except its search entries (see `index_new_cases`).
fn insert_record(
    tx: &Transaction<'_>,
    org: OrgId,
    rec: &NewCaseRecord,
) -> Result<CaseId, StorageError> {
    // A record with no history is stamped now on the room's clock.
    let zone = super::zone::zone_of(tx)?;
    let created = rec
        .history
        .first()
        .map(|h| time_text(&h.at))
        .unwrap_or_default();
    let at = rec
        .history
        .last()
        .map(|h| h.at)
        .unwrap_or_else(|| zone.local(&chrono::Utc::now()));
    let id = insert::insert_case_row(
        tx,
        org,
        rec.status,
        rec.number.as_ref(),
        &rec.fields,
        &created,
        &time_text(&at),
    )?;
    parties::insert_parties(tx, id, &rec.fields)?;
    let mut ids = Vec::new();
    for name in &rec.mediator_names {
        ids.push(mediator_by_name(tx, org, name)?);
    }
    assign_mediators(tx, id, &ids)?;
    for h in &rec.history {
        record_status(tx, id, h.from, h.to, &h.operator, &h.reason, &h.at)?;
    }
    super::import::insert_extras(tx, org, id, &rec.extras, &at)?;
    let summary = serde_json::json!({
        // The history names the case by its number, or by its parties before it has one.
        "name": rec.number.as_ref().map_or_else(
            || rec.fields.parties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、"),
            |n| n.text.clone(),
        ),
        "parties": rec.fields.parties.len(),
        "sessions": rec.extras.sessions.len(),
        "follow_ups": rec.extras.follow_ups.len(),
        "agreement": rec.extras.agreement.is_some(),
    });
    super::audit::audit_bulk(tx, "cases", Some(id.0), &summary)?;
    Ok(id)
}

pub(super) fn mediator_by_name(
    tx: &Transaction<'_>,
    org: OrgId,
    name: &str,
) -> Result<MediatorId, StorageError> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM mediators WHERE org_id = ?1 AND name = ?2")?
        .query_row(params![org.0, name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(MediatorId(id));
    }
    tx.execute(
        "INSERT INTO mediators (org_id, name) VALUES (?1, ?2)",
        params![org.0, name],
    )?;
    Ok(MediatorId(tx.last_insert_rowid()))
}
