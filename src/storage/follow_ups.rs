//! Follow-up visits, the room's places and its time limits (settings). The cases whose
//! deadlines need attention are in `alerts`.

use super::codec::{date_text, decode, parse_date, time_text};
use super::rights::allow;
use super::{StorageError, Store};
use crate::domain::case::{CaseId, Timestamp};
use crate::domain::deadlines::Limits;
use crate::domain::follow_up::{FollowUp, Performance, Place, Satisfaction, VisitWay};
use crate::domain::org::OrgId;
use crate::domain::rights::Operation;
use rusqlite::params;

impl Store {
    /// Records a follow-up visit.
    pub fn add_follow_up(&mut self, visit: &FollowUp, now: &Timestamp) -> Result<(), StorageError> {
        if let Some(problem) = visit.problem(now.date_naive()) {
            return Err(StorageError::Invalid(problem));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            let case = Some(visit.case_id.0);
            allow(tx, actor.as_ref(), Operation::RecordFollowUp, case)?;
            tx.execute(
                "INSERT INTO follow_ups (case_id, visited_on, way, performance, satisfaction,
                 lawsuit, escalation, measures, by_whom, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    visit.case_id.0,
                    date_text(visit.visited_on),
                    visit.way.code(),
                    visit.performance.code(),
                    visit.satisfaction.code(),
                    visit.lawsuit,
                    visit.escalation,
                    visit.measures.trim(),
                    visit.by_whom.trim(),
                    time_text(now)
                ],
            )?;
            Ok(())
        })
    }

    /// Inserts visits without the checks (demo): all or nothing.
    pub fn insert_follow_ups(
        &mut self,
        visits: &[FollowUp],
        now: &Timestamp,
    ) -> Result<u64, StorageError> {
        let _quiet = self.quiet_row_audit();
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::Import, None)?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO follow_ups (case_id, visited_on, way, performance, satisfaction,
                 lawsuit, escalation, measures, by_whom, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for v in visits {
                stmt.execute(params![
                    v.case_id.0,
                    date_text(v.visited_on),
                    v.way.code(),
                    v.performance.code(),
                    v.satisfaction.code(),
                    v.lawsuit,
                    v.escalation,
                    v.measures,
                    v.by_whom,
                    time_text(now)
                ])?;
            }
            let summary = serde_json::json!({ "count": visits.len() });
            super::audit::audit_bulk(tx, "follow_ups", None, &summary)?;
            Ok(visits.len() as u64)
        })
    }

    /// The follow-up visits of a case, oldest first.
    pub fn follow_ups_of_case(&self, case: CaseId) -> Result<Vec<FollowUp>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT visited_on, way, performance, satisfaction, lawsuit, escalation, measures,
             by_whom FROM follow_ups WHERE case_id = ?1 ORDER BY visited_on, id",
        )?;
        let mut rows = stmt.query([case.0])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(FollowUp {
                case_id: case,
                visited_on: parse_date("follow_ups.visited_on", &r.get::<_, String>(0)?)?,
                way: decode(
                    "follow_ups.way",
                    &r.get::<_, String>(1)?,
                    VisitWay::from_code,
                )?,
                performance: decode(
                    "follow_ups.performance",
                    &r.get::<_, String>(2)?,
                    Performance::from_code,
                )?,
                satisfaction: decode(
                    "follow_ups.satisfaction",
                    &r.get::<_, String>(3)?,
                    Satisfaction::from_code,
                )?,
                lawsuit: r.get(4)?,
                escalation: r.get(5)?,
                measures: r.get(6)?,
                by_whom: r.get(7)?,
            });
        }
        Ok(out)
    }

    /// The room's places in order; the default list until the room sets its own.
    pub fn places(&self, org: OrgId) -> Result<Vec<Place>, StorageError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, is_room FROM places WHERE org_id = ?1 ORDER BY seq")?;
        let rows = stmt.query_map([org.0], |r| {
            Ok(Place {
                name: r.get(0)?,
                is_room: r.get(1)?,
            })
        })?;
        let list: Vec<Place> = rows.collect::<Result<_, _>>()?;
        Ok(if list.is_empty() {
            Place::defaults()
        } else {
            list
        })
    }

    /// Replaces the room's list of places (blank and repeated names are dropped).
    pub fn save_places(&mut self, org: OrgId, places: &[Place]) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::EditSettings, None)?;
            tx.execute("DELETE FROM places WHERE org_id = ?1", [org.0])?;
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO places (org_id, seq, name, is_room) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (seq, p) in places.iter().enumerate() {
                if !p.name.trim().is_empty() {
                    stmt.execute(params![org.0, seq as i64, p.name.trim(), p.is_room])?;
                }
            }
            Ok(())
        })
    }

    /// The room's time limits: the defaults, changed by any `limit.*` setting that holds a
    /// whole number.
    pub fn limits(&self, org: OrgId) -> Result<Limits, StorageError> {
        let mut limits = Limits::default();
        for (key, _) in Limits::default().entries() {
            if let Some(value) = self.setting(org, key)?
                && let Ok(n) = value.trim().parse::<u32>()
            {
                limits.set(key, n);
            }
        }
        Ok(limits)
    }
}
