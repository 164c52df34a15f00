//! Earlier cases of the same party (重复纠纷), found through the partial indexes on
//! parties' ID numbers and on name + phone.

use super::codec::{decode, parse_date};
use super::{StorageError, Store};
use crate::domain::case::{CaseId, CaseSummary};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::OrgId;
use crate::domain::repeat::RepeatQuery;
use crate::domain::status::CaseStatus;
use rusqlite::params;

/// At most this many cases are listed (a frequent party is clear after a few).
const LIMIT: usize = 20;

impl Store {
    /// The room's cases (newest first) with a party matching any key of `query`.
    pub fn repeat_cases(
        &self,
        org: OrgId,
        query: &RepeatQuery,
    ) -> Result<Vec<CaseSummary>, StorageError> {
        let mut ids: Vec<i64> = Vec::new();
        let mut by_id = self.conn.prepare_cached(
            "SELECT case_id FROM parties WHERE id_number = ?1 AND id_number <> ''",
        )?;
        let mut by_name = self.conn.prepare_cached(
            "SELECT case_id FROM parties WHERE name = ?1 AND phone = ?2 AND phone <> ''",
        )?;
        for key in &query.keys {
            if !key.id_number.is_empty() {
                let rows = by_id.query_map([&key.id_number], |r| r.get(0))?;
                ids.extend(rows.collect::<Result<Vec<i64>, _>>()?);
            }
            if !key.name.is_empty() {
                let rows = by_name.query_map(params![key.name, key.phone], |r| r.get(0))?;
                ids.extend(rows.collect::<Result<Vec<i64>, _>>()?);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids.retain(|id| Some(CaseId(*id)) != query.exclude);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, number_text, received_on, category, local_category, party_names, status,
                    mediator_names, risk_escalation OR risk_group
             FROM cases WHERE id = ?1 AND org_id = ?2",
        )?;
        let mut out = Vec::new();
        for id in ids {
            let mut rows = stmt.query(params![id, org.0])?;
            if let Some(r) = rows.next()? {
                out.push(CaseSummary {
                    id: CaseId(r.get(0)?),
                    number: r.get(1)?,
                    received_on: parse_date("cases.received_on", &r.get::<_, String>(2)?)?,
                    category: CaseCategory {
                        national: decode(
                            "cases.category",
                            &r.get::<_, String>(3)?,
                            Category::from_code,
                        )?,
                        local: r.get(4)?,
                    },
                    parties: r.get(5)?,
                    status: decode(
                        "cases.status",
                        &r.get::<_, String>(6)?,
                        CaseStatus::from_code,
                    )?,
                    mediators: r.get(7)?,
                    at_risk: r.get(8)?,
                });
            }
        }
        out.sort_by(|a, b| b.received_on.cmp(&a.received_on).then(b.id.cmp(&a.id)));
        out.truncate(LIMIT);
        Ok(out)
    }
}
