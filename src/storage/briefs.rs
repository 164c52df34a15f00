//! Case briefs: the few facts of many cases at once (status, dates of its steps, mediators,
//! party names), read in three scans — for generating sample sessions, not for screens.

use super::codec::{decode, parse_date};
use super::{StorageError, Store};
use crate::domain::case::CaseId;
use crate::domain::org::{MediatorId, OrgId};
use crate::domain::party::PartyId;
use crate::domain::status::CaseStatus;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;

/// What sample sessions of a case are drawn from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBrief {
    /// The case.
    pub id: CaseId,
    /// Where it stands.
    pub status: CaseStatus,
    /// 收案日期.
    pub received_on: NaiveDate,
    /// The day it was accepted, if it was.
    pub accepted_on: Option<NaiveDate>,
    /// The day of its agreement (调解成功), if any.
    pub agreed_on: Option<NaiveDate>,
    /// The day mediation was ended without agreement (调解终止), if so.
    pub terminated_on: Option<NaiveDate>,
    /// Its mediators in order.
    pub mediators: Vec<MediatorId>,
    /// Its parties' names in order.
    pub parties: Vec<String>,
    /// Its parties' ids, in the same order.
    pub party_ids: Vec<PartyId>,
}

impl Store {
    /// The briefs of the room's cases with an id above `after` and up to `through`, in
    /// id order (a big demo reads them a chunk at a time).
    pub fn case_briefs(
        &self,
        org: OrgId,
        after: CaseId,
        through: CaseId,
    ) -> Result<Vec<CaseBrief>, StorageError> {
        let mut out = Vec::new();
        let mut index = HashMap::new();
        // Each scan walks the id range (`+org_id` keeps the planner off the room's index,
        // which would visit every case of the room for each chunk of a big demo).
        let range = [org.0, after.0, through.0];
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, status, received_on FROM cases
             WHERE +org_id = ?1 AND id > ?2 AND id <= ?3 ORDER BY id",
        )?;
        let mut rows = stmt.query(range)?;
        while let Some(r) = rows.next()? {
            let id = CaseId(r.get(0)?);
            index.insert(id, out.len());
            out.push(CaseBrief {
                id,
                status: decode(
                    "cases.status",
                    &r.get::<_, String>(1)?,
                    CaseStatus::from_code,
                )?,
                received_on: parse_date("cases.received_on", &r.get::<_, String>(2)?)?,
                accepted_on: None,
                agreed_on: None,
                terminated_on: None,
                mediators: Vec::new(),
                parties: Vec::new(),
                party_ids: Vec::new(),
            });
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.case_id, m.mediator_id FROM case_mediators m JOIN cases c ON c.id = m.case_id
             WHERE +c.org_id = ?1 AND m.case_id > ?2 AND m.case_id <= ?3
             ORDER BY m.case_id, m.seq",
        )?;
        let mut rows = stmt.query(range)?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = index.get(&CaseId(r.get(0)?)) {
                out[i].mediators.push(MediatorId(r.get(1)?));
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.case_id, p.name, p.id FROM parties p JOIN cases c ON c.id = p.case_id
             WHERE +c.org_id = ?1 AND p.case_id > ?2 AND p.case_id <= ?3
             ORDER BY p.case_id, p.seq",
        )?;
        let mut rows = stmt.query(range)?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = index.get(&CaseId(r.get(0)?)) {
                out[i].parties.push(r.get(1)?);
                out[i].party_ids.push(PartyId(r.get(2)?));
            }
        }
        // Per case in the order written (a later step of the same kind wins, as before).
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.case_id, h.to_status, date(h.at, ?4)
             FROM status_history h INDEXED BY status_history_by_case
             JOIN cases c ON c.id = h.case_id
             WHERE +c.org_id = ?1 AND h.case_id > ?2 AND h.case_id <= ?3
               AND h.to_status IN ('accepted', 'succeeded', 'terminated')
             ORDER BY h.case_id, h.id",
        )?;
        // The day of each change in the room's zone.
        let shift = super::zone::sql_shift(self.zone()?);
        let mut rows = stmt.query(params![org.0, after.0, through.0, shift])?;
        while let Some(r) = rows.next()? {
            let Some(&i) = index.get(&CaseId(r.get(0)?)) else {
                continue;
            };
            let day = Some(parse_date("status_history.at", &r.get::<_, String>(2)?)?);
            match r.get::<_, String>(1)?.as_str() {
                "accepted" => out[i].accepted_on = day,
                "succeeded" => out[i].agreed_on = day,
                _ => out[i].terminated_on = day,
            }
        }
        Ok(out)
    }

    /// The highest case id of the room (0 when it has none).
    pub fn last_case_id(&self, org: OrgId) -> Result<CaseId, StorageError> {
        // From the end of the table, not through the room's index (which would visit
        // every case of the room: a big demo asks after each chunk).
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE +org_id = ?1 ORDER BY id DESC LIMIT 1")?
            .query_row([org.0], |r| r.get(0))
            .optional()?;
        Ok(CaseId(id.unwrap_or(0)))
    }
}
