//! Sessions: schedule (the conflict check runs inside the same immediate transaction, so two
//! mediators booking the same room at once cannot both win), edit with a version check,
//! postpone (a new session linked from the old), record what happened, and bulk insert for
//! demo and benchmarks. Queries are in `read`.

use super::codec::{date_text, decode, time_text};
use super::rights::{allow, allow_session};
use super::{StorageError, Store};
use crate::domain::case::Timestamp;
use crate::domain::conflicts::{self, Clash, Slot, Verdict};
use crate::domain::org::OrgId;
use crate::domain::rights::Operation;
use crate::domain::session::{
    Session, SessionFields, SessionId, SessionRecord, SessionStatus, check_session_status,
};
use crate::i18n::tf;
use rusqlite::{OptionalExtension, Transaction, params};

mod invitations;
mod read;

pub(super) use invitations::follow_parties;

pub use read::SessionFilter;

/// A session as stored, with the clashes that only warn (a party invited twice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booked {
    /// The stored session.
    pub session: Session,
    /// Warnings the user should see.
    pub warnings: Vec<Clash>,
}

/// A whole session as demo and benchmarks bring it (no conflict check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSessionRecord {
    /// Its fields.
    pub fields: SessionFields,
    /// Where it stands.
    pub status: SessionStatus,
    /// Its record, if held.
    pub record: SessionRecord,
}

impl Store {
    /// Schedules a session; refused with `Clash` when a mediator or room is taken, unless
    /// `override_reason` says why (it is stored with the session).
    pub fn create_session(
        &mut self,
        org: OrgId,
        fields: &SessionFields,
        override_reason: &str,
        now: &Timestamp,
    ) -> Result<Booked, StorageError> {
        check_fields(fields)?;
        let actor = self.actor.clone();
        let (id, warnings) = self.write(|tx| {
            let case = Some(fields.case_id.0);
            allow(tx, actor.as_ref(), Operation::ScheduleSession, case)?;
            let warnings = check_clashes(tx, org, None, fields, override_reason)?;
            let id = insert_session(tx, org, fields, SessionStatus::Planned, now)?;
            set_override(tx, id, &warnings, override_reason)?;
            Ok((id, warnings.warnings))
        })?;
        Ok(Booked {
            session: self.load_session(id)?,
            warnings,
        })
    }

    /// Saves edited fields of a planned session, checked against clashes again.
    pub fn update_session(
        &mut self,
        org: OrgId,
        id: SessionId,
        expected_version: i64,
        fields: &SessionFields,
        override_reason: &str,
        now: &Timestamp,
    ) -> Result<Booked, StorageError> {
        check_fields(fields)?;
        let actor = self.actor.clone();
        let warnings = self.write(|tx| {
            allow_session(tx, actor.as_ref(), Operation::ScheduleSession, id)?;
            let case = Some(fields.case_id.0);
            allow(tx, actor.as_ref(), Operation::ScheduleSession, case)?;
            let status = claim_version(tx, id, expected_version, now)?;
            if status != SessionStatus::Planned {
                return Err(StorageError::Invalid(tf(
                    "err.session.status_not_allowed",
                    &[
                        ("from", &crate::i18n::label("session_status", status.code())),
                        ("to", &crate::i18n::label("session_status", "planned")),
                    ],
                )));
            }
            let verdict = check_clashes(tx, org, Some(id), fields, override_reason)?;
            tx.execute(
                "DELETE FROM session_mediators WHERE session_id = ?1",
                [id.0],
            )?;
            tx.execute("DELETE FROM session_parties WHERE session_id = ?1", [id.0])?;
            // Written, and filed under its day, in the room's zone (the instant kept).
            let zone = super::zone::zone_of(tx)?;
            tx.execute(
                "UPDATE sessions SET kind = ?2, day = ?3, start_at = ?4, end_at = ?5,
                 start_utc = ?6, end_utc = ?7, place = ?8, place_is_room = ?9 WHERE id = ?1",
                params![
                    id.0,
                    fields.kind.code(),
                    date_text(zone.local(&fields.start).date_naive()),
                    time_text(&zone.local(&fields.start)),
                    time_text(&zone.local(&fields.end)),
                    fields.start.timestamp(),
                    fields.end.timestamp(),
                    fields.place.trim(),
                    fields.place_is_room
                ],
            )?;
            write_people(tx, id, fields)?;
            set_override(tx, id, &verdict, override_reason)?;
            Ok(verdict.warnings)
        })?;
        Ok(Booked {
            session: self.load_session(id)?,
            warnings,
        })
    }

    /// Postpones a planned session: schedules `new_fields` (checked for clashes) and marks
    /// the old one 改期 with a link to it, in one transaction.
    pub fn postpone_session(
        &mut self,
        org: OrgId,
        id: SessionId,
        expected_version: i64,
        new_fields: &SessionFields,
        override_reason: &str,
        now: &Timestamp,
    ) -> Result<Booked, StorageError> {
        check_fields(new_fields)?;
        let actor = self.actor.clone();
        let (new_id, warnings) = self.write(|tx| {
            allow_session(tx, actor.as_ref(), Operation::PostponeSession, id)?;
            let case = Some(new_fields.case_id.0);
            allow(tx, actor.as_ref(), Operation::PostponeSession, case)?;
            let status = claim_version(tx, id, expected_version, now)?;
            let verdict = check_clashes(tx, org, Some(id), new_fields, override_reason)?;
            let new_id = insert_session(tx, org, new_fields, SessionStatus::Planned, now)?;
            check_session_status(status, SessionStatus::Postponed, Some(new_id))
                .map_err(|e| StorageError::Invalid(e.to_string()))?;
            set_override(tx, new_id, &verdict, override_reason)?;
            tx.execute(
                "UPDATE sessions SET status = ?2, postponed_to = ?3 WHERE id = ?1",
                params![id.0, SessionStatus::Postponed.code(), new_id.0],
            )?;
            Ok((new_id, verdict.warnings))
        })?;
        Ok(Booked {
            session: self.load_session(new_id)?,
            warnings,
        })
    }

    /// Calls a planned session off, keeping why (`reason`, trimmed; may be empty).
    pub fn cancel_session(
        &mut self,
        id: SessionId,
        expected_version: i64,
        reason: &str,
        now: &Timestamp,
    ) -> Result<Session, StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow_session(tx, actor.as_ref(), Operation::CancelSession, id)?;
            let status = claim_version(tx, id, expected_version, now)?;
            check_session_status(status, SessionStatus::Cancelled, None)
                .map_err(|e| StorageError::Invalid(e.to_string()))?;
            tx.execute(
                "UPDATE sessions SET status = ?2, cancel_reason = ?3 WHERE id = ?1",
                params![id.0, SessionStatus::Cancelled.code(), reason.trim()],
            )?;
            Ok(())
        })?;
        self.load_session(id)
    }

    /// Writes the record of a session (调解记录); a planned session becomes 已举行.
    pub fn record_session(
        &mut self,
        id: SessionId,
        expected_version: i64,
        record: &SessionRecord,
        now: &Timestamp,
    ) -> Result<Session, StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow_session(tx, actor.as_ref(), Operation::RecordSession, id)?;
            let status = claim_version(tx, id, expected_version, now)?;
            if status != SessionStatus::Held {
                check_session_status(status, SessionStatus::Held, None)
                    .map_err(|e| StorageError::Invalid(e.to_string()))?;
            }
            tx.execute(
                "UPDATE sessions SET status = ?2, attendees = ?3, notes = ?4, outcome = ?5
                 WHERE id = ?1",
                params![
                    id.0,
                    SessionStatus::Held.code(),
                    record.attendees.join("\n"),
                    record.notes,
                    record.outcome.trim()
                ],
            )?;
            // The record is searched: its case's entries change in the same transaction.
            super::search::index_case_of_session(tx, id.0)
        })?;
        self.load_session(id)
    }

    /// Inserts sessions without conflict checks (demo, benchmarks): all or nothing.
    pub fn insert_sessions(
        &mut self,
        org: OrgId,
        records: &mut dyn Iterator<Item = NewSessionRecord>,
        now: &Timestamp,
    ) -> Result<u64, StorageError> {
        let _quiet = self.quiet_row_audit();
        let index = !self.search_deferred;
        let actor = self.actor.clone();
        self.write_once(|tx| {
            allow(tx, actor.as_ref(), Operation::Import, None)?;
            let mut count = 0;
            let mut recorded = std::collections::BTreeSet::new();
            for r in records {
                let id = insert_session(tx, org, &r.fields, r.status, now)?;
                if r.record != SessionRecord::default() {
                    tx.prepare_cached(
                        "UPDATE sessions SET attendees = ?2, notes = ?3, outcome = ?4 WHERE id = ?1",
                    )?
                    .execute(params![id.0, r.record.attendees.join("\n"), r.record.notes, r.record.outcome])?;
                    recorded.insert(r.fields.case_id.0);
                }
                count += 1;
            }
            // Each case with a record is indexed again once, after all its sessions.
            for case in recorded.into_iter().filter(|_| index) {
                super::search::index_case(tx, case)?;
            }
            let summary = serde_json::json!({ "count": count });
            super::audit::audit_bulk(tx, "sessions", None, &summary)?;
            Ok(count)
        })
    }
}

fn check_fields(fields: &SessionFields) -> Result<(), StorageError> {
    match fields.problems().first() {
        Some(problem) => Err(StorageError::Invalid(problem.to_string())),
        None => Ok(()),
    }
}

/// Reads the sessions that could overlap and applies the rules; `Err(Clash)` if refused.
fn check_clashes(
    tx: &Transaction<'_>,
    org: OrgId,
    id: Option<SessionId>,
    fields: &SessionFields,
    override_reason: &str,
) -> Result<Verdict, StorageError> {
    let booked = read::overlapping_slots(tx, org, &fields.start, &fields.end)?;
    let names = read::mediator_names(tx, &fields.mediators)?;
    let new = Slot {
        id,
        start: fields.start,
        end: fields.end,
        place: fields.place.clone(),
        place_is_room: fields.place_is_room,
        mediators: fields.mediators.iter().copied().zip(names).collect(),
        parties: fields.parties.iter().map(|p| p.name.clone()).collect(),
        case_label: String::new(),
    };
    let verdict = conflicts::check(&new, &booked);
    if verdict.allows(override_reason) {
        Ok(verdict)
    } else {
        Err(StorageError::Clash(Box::new(verdict)))
    }
}

fn set_override(
    tx: &Transaction<'_>,
    id: SessionId,
    verdict: &Verdict,
    reason: &str,
) -> Result<(), StorageError> {
    // The reason is kept only when it overrode something, so it always explains a clash.
    let kept = if verdict.refusals.is_empty() {
        ""
    } else {
        reason.trim()
    };
    tx.execute(
        "UPDATE sessions SET override_reason = ?2 WHERE id = ?1",
        params![id.0, kept],
    )?;
    Ok(())
}

pub(super) fn insert_session(
    tx: &Transaction<'_>,
    org: OrgId,
    f: &SessionFields,
    status: SessionStatus,
    now: &Timestamp,
) -> Result<SessionId, StorageError> {
    // The packed people go into the INSERT itself: an UPDATE right after would cost
    // every new session a second audit row saying nothing new.
    let (mediators, parties) = packed_people(tx, f)?;
    // Written, and filed under its day, in the room's zone (the instant kept).
    let zone = super::zone::zone_of(tx)?;
    tx.prepare_cached(
        "INSERT INTO sessions (org_id, case_id, kind, status, day, start_at, end_at, start_utc,
         end_utc, place, place_is_room, created_at, updated_at, mediator_list, party_list)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14)",
    )?
    .execute(params![
        org.0,
        f.case_id.0,
        f.kind.code(),
        status.code(),
        date_text(zone.local(&f.start).date_naive()),
        time_text(&zone.local(&f.start)),
        time_text(&zone.local(&f.end)),
        f.start.timestamp(),
        f.end.timestamp(),
        f.place.trim(),
        f.place_is_room,
        time_text(now),
        mediators,
        parties
    ])?;
    let id = SessionId(tx.last_insert_rowid());
    write_people_rows(tx, id, f)?;
    Ok(id)
}

/// A changed session's people: their rows, and the packed copy in the session's row.
fn write_people(
    tx: &Transaction<'_>,
    id: SessionId,
    f: &SessionFields,
) -> Result<(), StorageError> {
    write_people_rows(tx, id, f)?;
    let (mediators, parties) = packed_people(tx, f)?;
    tx.prepare_cached("UPDATE sessions SET mediator_list = ?2, party_list = ?3 WHERE id = ?1")?
        .execute(params![id.0, mediators, parties])?;
    Ok(())
}

fn write_people_rows(
    tx: &Transaction<'_>,
    id: SessionId,
    f: &SessionFields,
) -> Result<(), StorageError> {
    let mut m = tx.prepare_cached(
        "INSERT OR IGNORE INTO session_mediators (session_id, mediator_id, seq) VALUES (?1, ?2, ?3)",
    )?;
    for (seq, mediator) in f.mediators.iter().enumerate() {
        m.execute(params![id.0, mediator.0, seq as i64])?;
    }
    // The party at that place of the session's case, by id (see `invitations`).
    let mut p = tx.prepare_cached(
        "INSERT INTO session_parties (session_id, seq, party_seq, name, party_id)
         VALUES (?1, ?2, ?3, ?4, (SELECT p.id FROM sessions s JOIN parties p ON p.case_id = s.case_id
                                  WHERE s.id = ?1 AND p.seq = ?3))",
    )?;
    for (seq, party) in f.parties.iter().enumerate() {
        p.execute(params![id.0, seq as i64, party.seq, party.name.trim()])?;
    }
    Ok(())
}

/// The same people packed into the session's row, so the agenda reads one row per line.
fn packed_people(
    tx: &Transaction<'_>,
    f: &SessionFields,
) -> Result<(String, String), StorageError> {
    let names = read::mediator_names(tx, &f.mediators)?;
    let mediators = read::pack(f.mediators.iter().map(|m| m.0.to_string()).zip(names));
    let parties = read::pack(
        f.parties
            .iter()
            .map(|p| (p.seq.to_string(), p.name.trim().to_string())),
    );
    Ok((mediators, parties))
}

/// Checks the version the user started from and bumps it; returns the current status.
fn claim_version(
    tx: &Transaction<'_>,
    id: SessionId,
    expected: i64,
    now: &Timestamp,
) -> Result<SessionStatus, StorageError> {
    let row: Option<(i64, String)> = tx
        .query_row(
            "SELECT version, status FROM sessions WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((found, status)) = row else {
        return Err(StorageError::NotFound {
            what: tf("what.session", &[("id", &id.0.to_string())]),
        });
    };
    if found != expected {
        return Err(StorageError::Conflict { expected, found });
    }
    tx.execute(
        "UPDATE sessions SET version = version + 1, updated_at = ?2 WHERE id = ?1",
        params![id.0, time_text(now)],
    )?;
    decode("sessions.status", &status, SessionStatus::from_code)
}

#[cfg(test)]
mod tests;
