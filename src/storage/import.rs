//! What bulk writers (import, demo) must know before they write: the case numbers a room
//! has already used, so a duplicate is refused with a plain message before the one big
//! transaction starts, instead of failing inside it on the UNIQUE constraint. And what an
//! import of format 2 brings along with a case — its sessions (with their postponement
//! links), follow-up visits and agreement — written inside the same transaction.

use super::codec::{date_text, time_text};
use super::{StorageError, Store};
use crate::domain::agreement::Agreement;
use crate::domain::case::{CaseId, Timestamp};
use crate::domain::follow_up::FollowUp;
use crate::domain::org::OrgId;
use crate::domain::party::PartyId;
use crate::domain::session::{SessionFields, SessionId, SessionRecord, SessionStatus};
use rusqlite::{Transaction, params};
use std::collections::HashSet;

/// A case's sessions, visits and agreement as an import brings them. Their `case_id`s
/// (and the sessions' mediator ids) are ignored: the case gets its id only when inserted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseExtras {
    /// The sessions, in the order the file lists them.
    pub sessions: Vec<ImportedSession>,
    /// The follow-up visits.
    pub follow_ups: Vec<FollowUp>,
    /// The agreement, if the case has one. Its items' party ids are positions in the
    /// case's parties (`PartyId(0)` the first), as a file names them; they become the
    /// parties' ids when the case is inserted.
    pub agreement: Option<Agreement>,
}

/// One session as a file holds it: mediators by name, the postponement as a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSession {
    /// Its fields (`case_id` and `mediators` are set on insert).
    pub fields: SessionFields,
    /// Who holds it, by name (created in the room if missing).
    pub mediator_names: Vec<String>,
    /// Where it stands.
    pub status: SessionStatus,
    /// The session that replaced it: its position in the same case's list.
    pub postponed_to: Option<usize>,
    /// Its record.
    pub record: SessionRecord,
    /// Why a clash was overridden.
    pub override_reason: String,
    /// Why it was called off.
    pub cancel_reason: String,
}

impl Store {
    /// Every (year, sequence) the room has numbered a case with.
    pub fn case_numbers(&self, org: OrgId) -> Result<HashSet<(i32, u32)>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT number_year, number_seq FROM cases
             WHERE org_id = ?1 AND number_year IS NOT NULL AND number_seq IS NOT NULL",
        )?;
        let rows = stmt.query_map([org.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Writes what came with a newly inserted case. Sessions go in first, then their
/// postponement links, remapped from positions to the ids just given; no conflict or
/// flow checks: the file records what already happened.
pub(super) fn insert_extras(
    tx: &Transaction<'_>,
    org: OrgId,
    case: CaseId,
    extras: &CaseExtras,
    at: &Timestamp,
) -> Result<(), StorageError> {
    if *extras == CaseExtras::default() {
        return Ok(());
    }
    let mut ids: Vec<SessionId> = Vec::with_capacity(extras.sessions.len());
    for s in &extras.sessions {
        let mut fields = s.fields.clone();
        fields.case_id = case;
        fields.mediators = Vec::with_capacity(s.mediator_names.len());
        for name in &s.mediator_names {
            fields
                .mediators
                .push(super::cases::mediator_by_name(tx, org, name.trim())?);
        }
        let id = super::sessions::insert_session(tx, org, &fields, s.status, at)?;
        tx.prepare_cached(
            "UPDATE sessions SET attendees = ?2, notes = ?3, outcome = ?4, override_reason = ?5,
             cancel_reason = ?6 WHERE id = ?1",
        )?
        .execute(params![
            id.0,
            s.record.attendees.join("\n"),
            s.record.notes,
            s.record.outcome.trim(),
            s.override_reason.trim(),
            s.cancel_reason.trim()
        ])?;
        ids.push(id);
    }
    for (s, id) in extras.sessions.iter().zip(&ids) {
        let Some(to) = s.postponed_to else { continue };
        let Some(to) = ids.get(to) else {
            return Err(StorageError::Invalid(format!("postponed_to {to}")));
        };
        tx.prepare_cached("UPDATE sessions SET postponed_to = ?2 WHERE id = ?1")?
            .execute(params![id.0, to.0])?;
    }
    let mut visit = tx.prepare_cached(
        "INSERT INTO follow_ups (case_id, visited_on, way, performance, satisfaction,
         lawsuit, escalation, measures, by_whom, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for v in &extras.follow_ups {
        visit.execute(params![
            case.0,
            date_text(v.visited_on),
            v.way.code(),
            v.performance.code(),
            v.satisfaction.code(),
            v.lawsuit,
            v.escalation,
            v.measures,
            v.by_whom,
            time_text(at)
        ])?;
    }
    if let Some(a) = &extras.agreement {
        let mut a = a.clone();
        a.case_id = case;
        let parties: Vec<i64> = tx
            .prepare_cached("SELECT id FROM parties WHERE case_id = ?1 ORDER BY seq")?
            .query_map([case.0], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let id_of = |position: Option<PartyId>| {
            position.and_then(|p| {
                usize::try_from(p.0)
                    .ok()
                    .and_then(|i| parties.get(i))
                    .copied()
                    .map(PartyId)
            })
        };
        for item in &mut a.items {
            item.obligor_party = id_of(item.obligor_party);
            item.obligee_party = id_of(item.obligee_party);
        }
        super::agreements::write_row(tx, &a, true, at)?;
        super::agreements::write_children(tx, &a)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::domain::case::CaseFields;
    use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
    use crate::domain::party::{Party, PartyKind, PartyRole};
    use crate::domain::status::CaseStatus;
    use crate::storage::Store;

    #[test]
    fn numbers_of_accepted_cases_are_listed_per_year() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("room.db")).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").unwrap();
        let profile = OrgProfile {
            room_name: "老王调解工作室".into(),
            committee_name: "新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: DEFAULT_NUMBER_PATTERN.into(),
        };
        let org = store.create_organisation(&profile, "王建国", &now).unwrap();
        let me = store.mediators(org.id).unwrap()[0].id;
        let mut fields = CaseFields::blank(now.date_naive());
        fields.facts = "楼上漏水".into();
        let mut party = Party::new(PartyRole::Applicant, PartyKind::Person);
        party.name = "张三".into();
        fields.parties.push(party);
        assert!(store.case_numbers(org.id).unwrap().is_empty());
        let first = store.create_case(org.id, &fields, "wang", &now).unwrap();
        store.create_case(org.id, &fields, "wang", &now).unwrap();
        store
            .change_status(
                &org,
                first.id,
                first.version,
                CaseStatus::Accepted,
                "",
                &[me],
                "wang",
                &now,
            )
            .unwrap();
        let numbers = store.case_numbers(org.id).unwrap();
        assert_eq!(numbers.into_iter().collect::<Vec<_>>(), [(2026, 1)]);
    }
}
