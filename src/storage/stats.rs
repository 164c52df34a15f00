//! The rows the statistics count: every case of the room whose 受理, 调解成功 or 调解终止
//! change falls in a period, found through `status_history_by_time`.

use super::codec::{date_text, decode, parse_time};
use super::{StorageError, Store};
use crate::domain::agreement::AgreementKind;
use crate::domain::case::CaseId;
use crate::domain::category::Category;
use crate::domain::org::OrgId;
use crate::domain::source::Source;
use crate::domain::stats::period::Period;
use crate::domain::stats::{Outcome, StatsCase};
use crate::domain::zone::Zone;
use chrono::NaiveDate;
use rusqlite::params;

/// Each case once (a year's changes name a case twice as often as there are cases:
/// joining them to the cases read most of them twice); `+` keeps the planner on the id
/// lookups rather than walking the room's cases. The amounts in agreements come from
/// the index `agreement_items_amounts` alone (migration 13).
const STATS_CASES: &str = "SELECT c.id, c.category, c.local_category, c.source, c.mediator_names,
        c.persons_involved,
        CASE WHEN c.persons_involved > 0 THEN 0
             ELSE (SELECT count(*) FROM parties p WHERE p.case_id = c.id) END,
        c.amount_fen, c.risk_escalation, c.risk_group,
        a.kind, (SELECT sum(i.amount_fen) FROM agreement_items i WHERE i.case_id = c.id)
    FROM cases c LEFT JOIN agreements a ON a.case_id = c.id
    WHERE c.id IN (SELECT h.case_id FROM status_history h
                   WHERE h.to_status IN ('accepted', 'succeeded', 'terminated')
                     AND h.at >= ?2 AND h.at < ?3)
      AND +c.org_id = ?1";

impl Store {
    /// The cases with an acceptance or an outcome in `period` (days in the room's zone,
    /// whatever zone a change was written in). Only the changes inside the
    /// period are read: range scans of `status_history_by_time`, and each case named by
    /// them once. No ORDER BY (sorting a year's changes cost a third of the time): a case
    /// is accepted once and has at most one outcome, 调解成功 or 调解终止, so the order does
    /// not matter.
    pub fn stats_cases(&self, org: OrgId, period: &Period) -> Result<Vec<StatsCase>, StorageError> {
        // A day wider on each side: a change written in another zone than the room's may
        // fall on a day of the period in the room's zone though its text does not; each
        // change is then placed on its day in the room's zone, and a case with none in
        // the period left out.
        let before = period.from.pred_opt().unwrap_or(period.from);
        let after_end = period
            .to
            .succ_opt()
            .and_then(|d| d.succ_opt())
            .unwrap_or(period.to);
        let (from, to) = (date_text(before), date_text(after_end));
        // Both reads see the same moment.
        let tx = self.conn.unchecked_transaction()?;
        let mut stmt = tx.prepare_cached(STATS_CASES)?;
        let mut rows = stmt.query(params![org.0, from, to])?;
        let mut out: Vec<StatsCase> = Vec::new();
        let mut index: std::collections::HashMap<i64, usize> = Default::default();
        while let Some(r) = rows.next()? {
            let case = read_case(r)?;
            index.insert(case.id.0, out.len());
            out.push(case);
        }
        drop(rows);
        // The changes themselves, from the index alone.
        let mut stmt = tx.prepare_cached(
            "SELECT h.case_id, h.to_status, h.at FROM status_history h
             WHERE h.to_status IN ('accepted', 'succeeded', 'terminated')
               AND h.at >= ?1 AND h.at < ?2",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let zone = self.zone()?;
        let suffix = zone.to_string();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            // Another room's case.
            let Some(case) = index.get(&id).and_then(|&i| out.get_mut(i)) else {
                continue;
            };
            let day = day_of(text(r, 2)?, zone, &suffix)?;
            match text(r, 1)? {
                "accepted" => case.accepted_on = case.accepted_on.or(Some(day)),
                "succeeded" => case.outcome = Some((Outcome::Succeeded, day)),
                _ => case.outcome = Some((Outcome::Terminated, day)),
            }
        }
        out.retain(|c| {
            c.accepted_on.is_some_and(|d| period.contains(d))
                || c.outcome.is_some_and(|(_, d)| period.contains(d))
        });
        Ok(out)
    }
}

/// A case's columns, without its dates yet.
fn read_case(r: &rusqlite::Row<'_>) -> Result<StatsCase, StorageError> {
    Ok(StatsCase {
        id: CaseId(r.get(0)?),
        category: decode("cases.category", text(r, 1)?, Category::from_code)?,
        local: r.get(2)?,
        source: decode("cases.source", text(r, 3)?, Source::from_code)?,
        mediators: text(r, 4)?
            .split('、')
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect(),
        persons_involved: r.get(5)?,
        party_count: r.get(6)?,
        amount_fen: r.get(7)?,
        risk_escalation: r.get(8)?,
        risk_group: r.get(9)?,
        accepted_on: None,
        outcome: None,
        agreement: match r.get::<_, Option<String>>(10)? {
            Some(kind) => Some((
                decode("agreements.kind", &kind, AgreementKind::from_code)?,
                r.get(11)?,
            )),
            None => None,
        },
    })
}

/// A text column borrowed from the row (no copy: tens of thousands of rows are read).
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str, StorageError> {
    r.get_ref(i)?.as_str().map_err(|e| {
        StorageError::Sql(rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    })
}

/// The day of a stored time in the room's zone (`suffix` is that zone written `+08:00`).
/// Stored times are RFC 3339 with their offset, so for a time written in the room's zone
/// the first ten characters are that day; they are read by hand because a year holds tens
/// of thousands of changes and a full RFC 3339 parse of each was a fifth of the statistics'
/// time. Anything else (another zone, a damaged text) is parsed whole.
pub(super) fn day_of(at: &str, zone: Zone, suffix: &str) -> Result<NaiveDate, StorageError> {
    if !at.ends_with(suffix) {
        return Ok(zone
            .local(&parse_time("status_history.at", at)?)
            .date_naive());
    }
    let digits = |r: std::ops::Range<usize>| at.get(r).and_then(|t| t.parse::<u32>().ok());
    let quick = match (
        digits(0..4),
        at.get(4..5),
        digits(5..7),
        at.get(7..8),
        digits(8..10),
    ) {
        (Some(y), Some("-"), Some(m), Some("-"), Some(d)) => i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
        _ => None,
    };
    match quick {
        Some(day) => Ok(day),
        None => Ok(zone
            .local(&parse_time("status_history.at", at)?)
            .date_naive()),
    }
}

impl Store {
    /// The ids of the cases received in `period` (the ledger's rows), by date then id.
    pub fn cases_received(&self, org: OrgId, period: &Period) -> Result<Vec<CaseId>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM cases WHERE org_id = ?1 AND received_on >= ?2 AND received_on <= ?3
             ORDER BY received_on, id",
        )?;
        let rows = stmt.query_map(
            params![org.0, date_text(period.from), date_text(period.to)],
            |r| Ok(CaseId(r.get(0)?)),
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_of_a_time_is_its_day_in_the_rooms_zone() {
        let beijing = Zone::beijing();
        let day = |s: &str| {
            day_of(s, beijing, "+08:00")
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        assert_eq!(day("2026-10-31T23:30:00+08:00"), "2026-10-31");
        assert_eq!(day("2026-02-30T10:00:00+08:00"), "");
        // Written on a machine kept in UTC: half past eight in the evening there is the
        // next morning in the room.
        assert_eq!(day("2026-10-31T20:30:00+00:00"), "2026-11-01");
        assert!(day_of("yesterday", beijing, "+08:00").is_err());
    }

    /// The cases are looked up by id from the period's changes, and every sum and count
    /// beside them is read from an index alone.
    #[test]
    fn a_period_is_read_by_keys_and_covering_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("room.db")).unwrap();
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {STATS_CASES}"))
            .unwrap()
            .query_map(params![1, "2026-01-01", "2027-01-01"], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let line = |table: &str| {
            plan.iter()
                .find(|p| p.starts_with(&format!("SEARCH {table} ")))
                .cloned()
                .unwrap_or_default()
        };
        assert!(line("c").contains("INTEGER PRIMARY KEY"), "{plan:?}");
        assert!(
            line("h").contains("COVERING INDEX status_history_by_time"),
            "{plan:?}"
        );
        assert!(
            line("i").contains("COVERING INDEX agreement_items_amounts"),
            "{plan:?}"
        );
        assert!(line("p").contains("COVERING INDEX"), "{plan:?}");
    }
}
