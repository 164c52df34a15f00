//! The agreement of a case: load, save with a version check (a stale editor gets
//! `Conflict`, never overwrites), its clauses and performance items as child rows, all in
//! one transaction. What falls due is in `due`.

use super::codec::{date_text, decode, parse_date, time_text};
use super::rights::allow;
use super::search::index_case;
use super::{StorageError, Store};
use crate::domain::agreement::{
    Agreement, AgreementKind, AgreementStatus, Confirmation, ConfirmationState, PerformanceItem,
    check_transition, validate,
};
use crate::domain::case::{CaseId, Timestamp};
use crate::domain::party::PartyId;
use crate::domain::rights::Operation;
use crate::i18n::tf;
use rusqlite::{OptionalExtension, Transaction, params};

mod due;
#[cfg(test)]
mod tests;

pub use due::{AgreementWindow, DueItem};

/// Reads an optional stored date.
fn opt_date(
    column: &'static str,
    text: Option<String>,
) -> Result<Option<chrono::NaiveDate>, StorageError> {
    text.map(|t| parse_date(column, &t)).transpose()
}

impl Store {
    /// The agreement of a case, if one was saved.
    pub fn agreement_of_case(&self, case: CaseId) -> Result<Option<Agreement>, StorageError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT kind, number, facts, agreed_on, status, confirmation, court,
                 confirmation_on, mediators, recorder, version FROM agreements WHERE case_id = ?1",
            )?
            .query_row([case.0], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, i64>(10)?,
                ))
            })
            .optional()?;
        let Some((
            kind,
            number,
            facts,
            date,
            status,
            conf,
            court,
            conf_on,
            mediators,
            recorder,
            version,
        )) = row
        else {
            return Ok(None);
        };
        Ok(Some(Agreement {
            case_id: case,
            version,
            kind: decode("agreements.kind", &kind, AgreementKind::from_code)?,
            number,
            facts,
            clauses: self.agreement_clauses(case)?,
            items: self.agreement_items(case)?,
            date: opt_date("agreements.agreed_on", date)?,
            status: decode("agreements.status", &status, AgreementStatus::from_code)?,
            confirmation: Confirmation {
                state: decode(
                    "agreements.confirmation",
                    &conf,
                    ConfirmationState::from_code,
                )?,
                court,
                date: opt_date("agreements.confirmation_on", conf_on)?,
            },
            mediators: mediators.lines().map(str::to_string).collect(),
            recorder,
        }))
    }

    fn agreement_clauses(&self, case: CaseId) -> Result<Vec<String>, StorageError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT text FROM agreement_clauses WHERE case_id = ?1 ORDER BY seq")?;
        let rows = stmt.query_map([case.0], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn agreement_items(&self, case: CaseId) -> Result<Vec<PerformanceItem>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            // A party's name as the case has it now (a renamed party is the same party).
            "SELECT what, coalesce((SELECT p.name FROM parties p WHERE p.id = i.obligor_party), obligor),
                    coalesce((SELECT p.name FROM parties p WHERE p.id = i.obligee_party), obligee),
                    amount_fen, due_on, place, done_on, obligor_party, obligee_party
             FROM agreement_items i WHERE case_id = ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([case.0])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(PerformanceItem {
                what: r.get(0)?,
                obligor: r.get(1)?,
                obligor_party: r.get::<_, Option<i64>>(7)?.map(PartyId),
                obligee: r.get(2)?,
                obligee_party: r.get::<_, Option<i64>>(8)?.map(PartyId),
                amount_fen: r.get(3)?,
                due: opt_date("agreement_items.due_on", r.get(4)?)?,
                place: r.get(5)?,
                done_on: opt_date("agreement_items.done_on", r.get(6)?)?,
            });
        }
        Ok(out)
    }

    /// Saves the agreement the editor holds. `agreement.version` is the version it was
    /// loaded at (0 for a new one); if anyone saved since, nothing is written and the
    /// answer is `Conflict`. A status change must follow the agreement's flow.
    pub fn save_agreement(
        &mut self,
        agreement: &Agreement,
        now: &Timestamp,
    ) -> Result<Agreement, StorageError> {
        if let Some(problem) = validate(agreement).into_iter().next() {
            return Err(StorageError::Invalid(problem.message));
        }
        let case = agreement.case_id;
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::SaveAgreement, Some(case.0))?;
            let stored = claim(tx, agreement)?;
            if let Some(from) = stored
                && from != agreement.status
            {
                let mut before = agreement.clone();
                before.status = from;
                check_transition(&before, agreement.status)
                    .map_err(|e| StorageError::Invalid(e.to_string()))?;
            }
            write_row(tx, agreement, stored.is_none(), now)?;
            write_children(tx, agreement)?;
            index_case(tx, case.0)
        })?;
        self.agreement_of_case(case)?
            .ok_or_else(|| StorageError::NotFound {
                what: tf("what.agreement", &[("id", &case.0.to_string())]),
            })
    }

    /// Inserts finished agreements without the flow checks (demo): all or nothing.
    pub fn insert_agreements(
        &mut self,
        list: &[Agreement],
        now: &Timestamp,
    ) -> Result<u64, StorageError> {
        let _quiet = self.quiet_row_audit();
        let index = !self.search_deferred;
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::Import, None)?;
            for a in list {
                write_row(tx, a, true, now)?;
                write_children(tx, a)?;
            }
            // After all the rows, not between them (see `index_new_cases`).
            for a in list.iter().filter(|_| index) {
                index_case(tx, a.case_id.0)?;
            }
            let summary = serde_json::json!({ "count": list.len() });
            super::audit::audit_bulk(tx, "agreements", None, &summary)?;
            Ok(list.len() as u64)
        })
    }
}

/// Checks the version the editor started from; returns the stored status (None if new).
fn claim(tx: &Transaction<'_>, a: &Agreement) -> Result<Option<AgreementStatus>, StorageError> {
    let row: Option<(i64, String)> = tx
        .query_row(
            "SELECT version, status FROM agreements WHERE case_id = ?1",
            [a.case_id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let found = row.as_ref().map_or(0, |(v, _)| *v);
    if found != a.version {
        return Err(StorageError::Conflict {
            expected: a.version,
            found,
        });
    }
    row.map(|(_, s)| decode("agreements.status", &s, AgreementStatus::from_code))
        .transpose()
}

pub(super) fn write_row(
    tx: &Transaction<'_>,
    a: &Agreement,
    new: bool,
    now: &Timestamp,
) -> Result<(), StorageError> {
    let sql = if new {
        // A new agreement left without number or facts takes the case's (the default).
        "INSERT INTO agreements (case_id, kind, number, facts, agreed_on, status, confirmation,
         court, confirmation_on, mediators, recorder, version, created_at, updated_at)
         VALUES (?1, ?2,
          coalesce(nullif(?3, ''), (SELECT number_text FROM cases WHERE id = ?1), ''),
          coalesce(nullif(?4, ''), (SELECT facts FROM cases WHERE id = ?1), ''),
          ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?12)"
    } else {
        "UPDATE agreements SET kind = ?2, number = ?3, facts = ?4, agreed_on = ?5, status = ?6,
         confirmation = ?7, court = ?8, confirmation_on = ?9, mediators = ?10, recorder = ?11,
         version = version + 1, updated_at = ?12 WHERE case_id = ?1"
    };
    let mediators: Vec<&str> = a
        .mediators
        .iter()
        .map(|m| m.trim())
        .filter(|m| !m.is_empty())
        .collect();
    tx.prepare_cached(sql)?.execute(params![
        a.case_id.0,
        a.kind.code(),
        a.number.trim(),
        a.facts,
        a.date.map(date_text),
        a.status.code(),
        a.confirmation.state.code(),
        a.confirmation.court.trim(),
        a.confirmation.date.map(date_text),
        mediators.join("\n"),
        a.recorder.trim(),
        time_text(now)
    ])?;
    Ok(())
}

/// Replaces the clauses and items (blank clauses are dropped: an empty line added and
/// never filled is not a clause).
pub(super) fn write_children(tx: &Transaction<'_>, a: &Agreement) -> Result<(), StorageError> {
    let id = a.case_id.0;
    tx.prepare_cached("DELETE FROM agreement_clauses WHERE case_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM agreement_items WHERE case_id = ?1")?
        .execute([id])?;
    let mut clause = tx
        .prepare_cached("INSERT INTO agreement_clauses (case_id, seq, text) VALUES (?1, ?2, ?3)")?;
    for (seq, text) in a
        .clauses
        .iter()
        .filter(|c| !c.trim().is_empty())
        .enumerate()
    {
        clause.execute(params![id, seq as i64, text.trim()])?;
    }
    // A party is linked only if it is a party of this case (an editor older than a
    // restore could name another's); otherwise the item keeps the name alone.
    let mut item = tx.prepare_cached(
        "INSERT INTO agreement_items (case_id, seq, what, obligor, obligee, amount_fen, due_on,
         place, done_on, obligor_party, obligee_party) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
         (SELECT id FROM parties WHERE id = ?10 AND case_id = ?1),
         (SELECT id FROM parties WHERE id = ?11 AND case_id = ?1))",
    )?;
    for (seq, i) in a.items.iter().enumerate() {
        item.execute(params![
            id,
            seq as i64,
            i.what.trim(),
            i.obligor.trim(),
            i.obligee.trim(),
            i.amount_fen,
            i.due.map(date_text),
            i.place.trim(),
            i.done_on.map(date_text),
            i.obligor_party.map(|p| p.0),
            i.obligee_party.map(|p| p.0)
        ])?;
    }
    Ok(())
}
