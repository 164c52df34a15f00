//! The rows the statistics count: every case of the room whose 受理, 调解成功 or 调解终止
//! change falls in a period, found through `status_history_by_time`.

use super::codec::{date_text, decode, parse_time};
use super::{StorageError, Store};
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
    /// change was recorded in, as the mediator saw them).
    pub fn stats_cases(&self, org: OrgId, period: &Period) -> Result<Vec<StatsCase>, StorageError> {
        let after_end = period.to.succ_opt().unwrap_or(period.to);
        let mut stmt = self.conn.prepare_cached(
            "WITH hits AS (
               SELECT DISTINCT case_id FROM status_history
               WHERE to_status IN ('accepted', 'succeeded', 'terminated') AND at >= ?2 AND at < ?3)
             SELECT c.id, c.category, c.local_category, c.source, c.mediator_names,
                    c.persons_involved, (SELECT count(*) FROM parties p WHERE p.case_id = c.id),
                    c.amount_fen, c.risk_escalation, c.risk_group,
                    (SELECT min(at) FROM status_history h INDEXED BY status_history_by_case
                      WHERE h.case_id = c.id AND h.to_status = 'accepted'),
                    (SELECT to_status FROM status_history h INDEXED BY status_history_by_case WHERE h.case_id = c.id
                      AND h.to_status IN ('succeeded', 'terminated') ORDER BY h.id DESC LIMIT 1),
                    (SELECT at FROM status_history h INDEXED BY status_history_by_case WHERE h.case_id = c.id
                      AND h.to_status IN ('succeeded', 'terminated') ORDER BY h.id DESC LIMIT 1)
             FROM hits JOIN cases c ON c.id = hits.case_id
             WHERE c.org_id = ?1 ORDER BY c.id",
        )?;
        let mut rows = stmt.query(params![org.0, date_text(period.from), date_text(after_end)])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let names: String = r.get(4)?;
            let accepted: Option<String> = r.get(10)?;
            let outcome: Option<String> = r.get(11)?;
            let outcome_at: Option<String> = r.get(12)?;
            let outcome = match (outcome.as_deref(), outcome_at) {
                (Some(code), Some(at)) => {
                    let kind = if code == "succeeded" {
                        Outcome::Succeeded
                    } else {
                        Outcome::Terminated
                    };
                    Some((kind, day_of(&at)?))
                }
                _ => None,
            };
            out.push(StatsCase {
                id: CaseId(r.get(0)?),
                category: decode(
                    "cases.category",
                    &r.get::<_, String>(1)?,
                    Category::from_code,
                )?,
                local: r.get(2)?,
                source: decode("cases.source", &r.get::<_, String>(3)?, Source::from_code)?,
                mediators: names
                    .split('、')
                    .filter(|n| !n.is_empty())
                    .map(String::from)
                    .collect(),
                persons_involved: r.get(5)?,
                party_count: r.get(6)?,
                amount_fen: r.get(7)?,
                risk_escalation: r.get(8)?,
                risk_group: r.get(9)?,
                accepted_on: accepted.as_deref().map(day_of).transpose()?,
                outcome,
            });
        }
        Ok(out)
    }
}

/// The day of a stored time, in the zone it was recorded in.
fn day_of(at: &str) -> Result<NaiveDate, StorageError> {
    Ok(parse_time("status_history.at", at)?.date_naive())
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
