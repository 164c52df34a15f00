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
use chrono::NaiveDate;
use rusqlite::params;

impl Store {
    /// The cases with an acceptance or an outcome in `period` (days in the zone each
    /// change was recorded in, as the mediator saw them). Only the changes inside the
    /// period are read: one range scan of `status_history_by_time`, each case once. No
    /// ORDER BY (sorting a year's changes cost a third of the time): a case is accepted
    /// once and has at most one outcome, 调解成功 or 调解终止, so the order does not matter.
    pub fn stats_cases(&self, org: OrgId, period: &Period) -> Result<Vec<StatsCase>, StorageError> {
        let after_end = period.to.succ_opt().unwrap_or(period.to);
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.to_status, h.at, c.id, c.category, c.local_category, c.source,
                    c.mediator_names, c.persons_involved,
                    CASE WHEN c.persons_involved > 0 THEN 0
                         ELSE (SELECT count(*) FROM parties p WHERE p.case_id = c.id) END,
                    c.amount_fen, c.risk_escalation, c.risk_group,
                    a.kind, (SELECT sum(i.amount_fen) FROM agreement_items i WHERE i.case_id = c.id)
             FROM status_history h JOIN cases c ON c.id = h.case_id
             LEFT JOIN agreements a ON a.case_id = c.id
             WHERE h.to_status IN ('accepted', 'succeeded', 'terminated')
               AND h.at >= ?2 AND h.at < ?3 AND c.org_id = ?1",
        )?;
        let mut rows = stmt.query(params![org.0, date_text(period.from), date_text(after_end)])?;
        let mut out: Vec<StatsCase> = Vec::new();
        let mut index: std::collections::HashMap<i64, usize> = Default::default();
        while let Some(r) = rows.next()? {
            let to: String = r.get(0)?;
            let day = day_of(&r.get::<_, String>(1)?)?;
            let id: i64 = r.get(2)?;
            let at = match index.get(&id) {
                Some(&i) => i,
                None => {
                    index.insert(id, out.len());
                    out.push(read_case(r)?);
                    out.len() - 1
                }
            };
            let Some(case) = out.get_mut(at) else {
                continue;
            };
            match to.as_str() {
                "accepted" => case.accepted_on = case.accepted_on.or(Some(day)),
                "succeeded" => case.outcome = Some((Outcome::Succeeded, day)),
                _ => case.outcome = Some((Outcome::Terminated, day)),
            }
        }
        Ok(out)
    }
}

/// The case columns of a row (from column 2 on), without its dates yet.
fn read_case(r: &rusqlite::Row<'_>) -> Result<StatsCase, StorageError> {
    let names: String = r.get(6)?;
    Ok(StatsCase {
        id: CaseId(r.get(2)?),
        category: decode(
            "cases.category",
            &r.get::<_, String>(3)?,
            Category::from_code,
        )?,
        local: r.get(4)?,
        source: decode("cases.source", &r.get::<_, String>(5)?, Source::from_code)?,
        mediators: names
            .split('、')
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect(),
        persons_involved: r.get(7)?,
        party_count: r.get(8)?,
        amount_fen: r.get(9)?,
        risk_escalation: r.get(10)?,
        risk_group: r.get(11)?,
        accepted_on: None,
        outcome: None,
        agreement: match r.get::<_, Option<String>>(12)? {
            Some(kind) => Some((
                decode("agreements.kind", &kind, AgreementKind::from_code)?,
                r.get(13)?,
            )),
            None => None,
        },
    })
}

/// The day of a stored time, in the zone it was recorded in.
/// Stored times are RFC 3339 with their offset, so the first ten characters are that
/// day; they are read by hand because a year holds tens of thousands of changes and a full
/// RFC 3339 parse of each was a fifth of the statistics' time. Anything else is parsed whole.
fn day_of(at: &str) -> Result<NaiveDate, StorageError> {
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
        None => Ok(parse_time("status_history.at", at)?.date_naive()),
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
    use super::day_of;

    #[test]
    fn the_day_of_a_time_is_its_own_local_day() {
        let day = |s: &str| day_of(s).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(day("2026-10-31T23:30:00+08:00"), "2026-10-31");
        assert_eq!(day("2026-02-30T10:00:00+08:00"), "");
        assert!(day_of("yesterday").is_err());
    }
}
