//! One page of the case list: filters, the search words through the indexes, the sort,
//! and the exact number and names first when searching.

use super::super::codec::{date_text, decode, parse_date};
use super::super::search::text_condition;
use super::super::{StorageError, Store};
use crate::domain::case::{CaseId, CasePage, CaseQuery, CaseSort, CaseSummary};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::OrgId;
use crate::domain::status::CaseStatus;
use rusqlite::types::Value;

impl Store {
    /// One page of the room's cases, as the list asks for it. Words in `query.text` are
    /// looked up in the search indexes; the exact number and exact party names come first.
    pub fn list_cases(&self, org: OrgId, query: &CaseQuery) -> Result<CasePage, StorageError> {
        let (filter, params) = list_filter(org, query);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM cases WHERE {filter}"))?
            .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        let text = query.text.trim();
        let mut params = params;
        let rank = if text.is_empty() || is_one_character(text) {
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
        Ok(CasePage {
            rows: out,
            total: total as u64,
        })
    }
}

/// The WHERE clause of a list query and its parameters, in placeholder order.
fn list_filter(org: OrgId, query: &CaseQuery) -> (String, Vec<Value>) {
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
        // and looks each case up by id (10 ms → under 1 ms on 100,000 cases). A single
        // character can match most cases: then walking the list's own order and stopping
        // at the page is the faster plan (and no name or number equals one character).
        if !is_one_character(&query.text) {
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
