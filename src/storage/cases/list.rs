//! One page of the case list: filters, the search words through the indexes, the sort,
//! and the exact number and names first when searching.

use super::super::codec::{date_text, decode, parse_date};
use super::super::search::{count_one_word, text_condition};
use super::super::{StorageError, Store};
use super::count_memo::FileState;
use crate::domain::case::{CaseId, CasePage, CaseQuery, CaseSort, CaseSummary};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::OrgId;
use crate::domain::status::CaseStatus;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

impl Store {
    /// One page of the room's cases, as the list asks for it. Words in `query.text` are
    /// looked up in the search indexes; the exact number and exact party names come first.
    pub fn list_cases(&self, org: OrgId, query: &CaseQuery) -> Result<CasePage, StorageError> {
        let known = self.count_in_index(org, query)?;
        // A word found in most cases: walking the list's own order and stopping at the page
        // is cheap, while reading every hit and sorting them is not (a common word over
        // 100,000 cases: tens of ms). Then the exact number and names are not put first,
        // which cannot matter much: a name or number is not in thousands of cases.
        let walk = is_one_character(&query.text) || known.is_some_and(|n| n >= WALK_FROM);
        // A word in every case (a common character) filters nothing: list the page as
        // without it, rather than first gathering 100,000 hits to check against.
        let everywhere = match known {
            Some(n) if walk => n == self.case_count()?,
            _ => false,
        };
        let plain;
        let query = if everywhere {
            plain = CaseQuery {
                text: String::new(),
                ..query.clone()
            };
            &plain
        } else {
            query
        };
        let (filter, params) = list_filter(org, query, walk);
        let rows = self.page_rows(query, &filter, params.clone(), walk)?;
        let total = match known {
            Some(n) => n,
            // The first page not full: it holds every match, so there is nothing to count.
            None if query.offset == 0 && (rows.len() as u64) < query.limit => rows.len() as u64,
            // The room's cases without a filter: kept by triggers (migration 023).
            None if params.len() == 1 && query.text.trim().is_empty() => {
                self.room_case_count(org)?
            }
            // Paging and sorting keep the filter: counted once while the file is the same.
            None => {
                let state = FileState {
                    data_version: self.data_version()?,
                    own_changes: self.conn.total_changes(),
                };
                self.list_count.get_or_count(
                    &filter,
                    &params,
                    state,
                    || -> Result<u64, StorageError> {
                        let n: i64 = self
                            .conn
                            .prepare_cached(&format!("SELECT count(*) FROM cases WHERE {filter}"))?
                            .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
                        Ok(n as u64)
                    },
                )?
            }
        };
        Ok(CasePage { rows, total })
    }

    /// For a search of one word and no other filter (a front desk's own-cases filter is
    /// one), in a file holding only this room's
    /// cases: its number of cases, counted in the index alone (without visiting the
    /// cases, which for a word in most of them meant reading all 100,000). Else `None`.
    fn count_in_index(&self, org: OrgId, query: &CaseQuery) -> Result<Option<u64>, StorageError> {
        let only_text = query.status.is_none()
            && query.category.is_none()
            && query.source.is_none()
            && query.mediator.is_none()
            && query.received_from.is_none()
            && query.received_to.is_none()
            && query.registered_by.is_none();
        let Some((sql, params)) = count_one_word(&query.text).filter(|_| only_text) else {
            return Ok(None);
        };
        if !self.only_room(org)? {
            return Ok(None);
        }
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(Some(n as u64))
    }

    /// How many cases the room holds, as the triggers of migration 023 keep it.
    fn room_case_count(&self, org: OrgId) -> Result<u64, StorageError> {
        let n: Option<i64> = self
            .conn
            .prepare_cached("SELECT n FROM room_case_counts WHERE org_id = ?1")?
            .query_row([org.0], |r| r.get(0))
            .optional()?;
        Ok(u64::try_from(n.unwrap_or(0)).unwrap_or(0))
    }

    /// How many cases the file holds (only asked when they are all the room's).
    fn case_count(&self) -> Result<u64, StorageError> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM cases")?
            .query_row([], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// True if every case in the file is this room's (two index seeks).
    fn only_room(&self, org: OrgId) -> Result<bool, StorageError> {
        let (low, high): (Option<i64>, Option<i64>) = self
            .conn
            // Two subqueries: min and max together in one SELECT would scan every case.
            .prepare_cached(
                "SELECT (SELECT min(org_id) FROM cases), (SELECT max(org_id) FROM cases)",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(low.is_none_or(|l| l == org.0) && high.is_none_or(|h| h == org.0))
    }

    /// The rows of the page asked for.
    fn page_rows(
        &self,
        query: &CaseQuery,
        filter: &str,
        mut params: Vec<Value>,
        walk: bool,
    ) -> Result<Vec<CaseSummary>, StorageError> {
        let text = query.text.trim();
        let rank = if text.is_empty() || walk {
            String::new()
        } else {
            params.push(Value::Text(text.to_string()));
            let n = params.len();
            format!(
                "coalesce(number_text = ?{n}, 0) DESC,
                 instr('、' || party_names || '、', '、' || ?{n} || '、') = 0, "
            )
        };
        let sql = format!(
            "SELECT id, number_text, received_on, category, local_category, party_names, status,
                    mediator_names, risk_escalation OR risk_group
             FROM cases WHERE {filter} ORDER BY {rank}{} LIMIT {} OFFSET {}",
            order_by(query.sort, query.descending),
            query.limit,
            query.offset
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let category: String = r.get(3)?;
            let local: Option<String> = r.get(4)?;
            let national = decode("cases.category", &category, Category::from_code)?;
            out.push(CaseSummary {
                id: CaseId(r.get(0)?),
                number: r.get(1)?,
                received_on: parse_date("cases.received_on", &r.get::<_, String>(2)?)?,
                category: CaseCategory { national, local },
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
        Ok(out)
    }
}

/// The WHERE clause of a list query and its parameters, in placeholder order.
fn list_filter(org: OrgId, query: &CaseQuery, walk: bool) -> (String, Vec<Value>) {
    let mut params = vec![Value::Integer(org.0)];
    let mut filter = String::from("org_id = ?1");
    let mut add = |sql: &str, value: Value, params: &mut Vec<Value>| {
        params.push(value);
        filter.push_str(&sql.replace("?N", &format!("?{}", params.len())));
    };
    if let Some(status) = query.status {
        add(" AND status = ?N", text_value(status.code()), &mut params);
    }
    if let Some(category) = query.category {
        add(
            " AND category = ?N",
            text_value(category.code()),
            &mut params,
        );
    }
    if let Some(source) = query.source {
        add(" AND source = ?N", text_value(source.code()), &mut params);
    }
    if let Some(from) = query.received_from {
        add(
            " AND received_on >= ?N",
            Value::Text(date_text(from)),
            &mut params,
        );
    }
    if let Some(to) = query.received_to {
        add(
            " AND received_on <= ?N",
            Value::Text(date_text(to)),
            &mut params,
        );
    }
    if let Some(name) = &query.mediator {
        add(
            " AND id IN (SELECT cm.case_id FROM case_mediators cm JOIN mediators m
               ON m.id = cm.mediator_id WHERE m.name = ?N)",
            Value::Text(name.clone()),
            &mut params,
        );
    }
    if let Some(cond) = text_condition(&query.text, &mut params) {
        filter.push_str(" AND ");
        filter.push_str(&cond);
        // Without ANALYZE the planner walks every case of the room by its org index and
        // probes the search hits; `+` turns the column indexes off, so it reads the hits
        // and looks each case up by id (10 ms → under 1 ms on 100,000 cases). A word in
        // most cases (`walk`) is the other way round: walking the list's own order and
        // stopping at the page is the faster plan.
        if !walk {
            for column in ["org_id", "status", "category", "source", "received_on"] {
                filter = filter.replace(&format!("{column} "), &format!("+{column} "));
            }
        }
    }
    // After the rewrite above, which must not touch the subquery's `from_status`.
    if let Some(name) = &query.registered_by {
        params.push(Value::Text(name.clone()));
        filter.push_str(&format!(
            " AND id IN (SELECT case_id FROM status_history
               WHERE from_status IS NULL AND operator = ?{})",
            params.len()
        ));
    }
    (filter, params)
}

fn text_value(code: &str) -> Value {
    Value::Text(code.to_string())
}

fn order_by(sort: CaseSort, descending: bool) -> String {
    // Each order matches an index (migration 004) read forwards or backwards, so a page
    // costs the page, not a sort of every case: the tie-breakers flip with the direction.
    let (dir, back) = if descending {
        ("DESC", "ASC")
    } else {
        ("ASC", "DESC")
    };
    match sort {
        CaseSort::Received => format!("received_on {dir}, id {dir}"),
        // Unnumbered cases (NULL) come last newest-first and first oldest-first.
        CaseSort::Number => format!("number_year {dir}, number_seq {dir}, id {dir}"),
        CaseSort::Category => format!(
            "{} {dir}, local_category {dir}, received_on {back}, id {back}",
            rank_expression(
                "category",
                &Category::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()
            )
        ),
        CaseSort::Status => format!(
            "{} {dir}, received_on {back}, id {back}",
            rank_expression(
                "status",
                &CaseStatus::ALL.iter().map(|s| s.code()).collect::<Vec<_>>()
            )
        ),
    }
}

/// `CASE column WHEN 'a' THEN 0 … END`: the official order of an enumeration, written
/// exactly as the expression indexes of migration 004 are.
pub(crate) fn rank_expression(column: &str, codes: &[&str]) -> String {
    let arms: String = codes
        .iter()
        .enumerate()
        .map(|(i, c)| format!(" WHEN '{c}' THEN {i}"))
        .collect();
    format!("CASE {column}{arms} END")
}

/// Hits from which a search walks the list's order instead of sorting its hits.
const WALK_FROM: u64 = 2_000;

/// A query of one letter, digit or Chinese character (punctuation aside).
fn is_one_character(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sort of the list, both ways, is read through an index: no sort of all cases.
    #[test]
    fn every_sort_reads_an_index_not_a_sort_of_all_cases() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.db")).unwrap();
        for sort in CaseSort::ALL {
            for descending in [true, false] {
                let sql = format!(
                    "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE org_id = 1 ORDER BY {} LIMIT 16",
                    order_by(sort, descending)
                );
                let mut stmt = store.conn.prepare(&sql).unwrap();
                let plan: Vec<String> = stmt
                    .query_map([], |r| r.get::<_, String>(3))
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap();
                assert!(
                    !plan.iter().any(|step| step.contains("TEMP B-TREE")),
                    "{sort:?} descending={descending}: {plan:?}"
                );
            }
        }
    }
}
