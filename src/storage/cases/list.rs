//! One page of the case list: filters, the search words through the indexes, the sort,
//! and the exact number and names first when searching.

use super::super::codec::{date_text, decode, parse_date};
use super::super::search::text_condition;
use super::super::{StorageError, Store};
use super::list_keys::{category_rank, last_page_rows, order_by, ranges_after, status_rank};
use super::walked_pages::Walk;
use crate::domain::case::{CaseId, CaseKey, CasePage, CaseQuery, CaseSort, CaseSummary, PageFrom};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::OrgId;
use crate::domain::status::CaseStatus;
use rusqlite::types::Value;

impl Store {
    /// One page of the room's cases, as the list asks for it. Words in `query.text` are
    /// looked up in the search indexes; the exact number and exact party names come first.
    pub fn list_cases(&self, org: OrgId, query: &CaseQuery) -> Result<CasePage, StorageError> {
        let known = self.count_in_index(org, query)?;
        // A word found in many cases: walking the list's own order and stopping at the
        // page is cheap, while reading every hit and sorting them is not (a common word
        // over 100,000 cases: tens of ms). Then the exact number and names are not put
        // first, which cannot matter much: a name or number is not in thousands of cases.
        // A word in few cases is not walked, even a single character: a page would walk
        // the sort's index a long way between two of its cases.
        let walk = match self.word_hit_count(&query.text)? {
            Some(hits) => hits >= self.walk_from(org)?,
            None => false,
        };
        // A word in every case (a common character) filters nothing: list the page as
        // without it, rather than first gathering 100,000 hits to check against.
        let everywhere = match known {
            // `known` is only counted in a file of this room alone: its kept count is the
            // file's (counting a million cases took 10 ms a page).
            Some(n) if walk => n == self.room_case_count(org)?,
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
        let (counted, params) = list_filter(org, query, walk, Own::Gathered);
        let (filter, _) = list_filter(org, query, walk, Own::Asked);
        // A search's own order (exact number and names first) has no index to read from a
        // row: its hits' ids are kept in that order and each page is read by id
        // (`search_pages`). A search that walks is in the list's own order, and is read
        // from a row as the plain list is.
        let keyed = query.text.trim().is_empty() || walk;
        if !keyed {
            let mut ranked = params.clone();
            let order = format!(
                "{}{}",
                exact_first(&query.text, &mut ranked),
                order_by(query.sort, query.descending, 0)
            );
            let (offset, from) = (query.offset, &query.from);
            if let Some((rows, total)) =
                self.ranked_page(&filter, &ranked, &order, offset, from, query.limit)?
            {
                return Ok(page_of(rows, total));
            }
        }
        let from = if keyed {
            &query.from
        } else {
            &PageFrom::Offset
        };
        let (fixed, filter) = match constant_rank(query) {
            Some(rank) if keyed => (1, format!("{filter}{rank}")),
            _ => (0, filter),
        };
        if walk && !query.text.trim().is_empty() {
            let total = self.list_total(org, query, known, &counted, &params, None)?;
            if let Some(page) = self.walked_search(org, query, fixed, total)? {
                return Ok(page);
            }
        }
        let descending = query.descending;
        let limit = query.limit;
        let (keyed_rows, total) = match from {
            PageFrom::Offset => {
                let rows = self.page_rows(query, &filter, params.clone(), walk, fixed)?;
                let shown = (query.offset == 0).then_some(rows.len() as u64);
                let total = self.list_total(org, query, known, &counted, &params, shown)?;
                (rows, total)
            }
            PageFrom::End => {
                let total = self.list_total(org, query, known, &counted, &params, None)?;
                let wanted = last_page_rows(total, limit);
                let order = order_by(query.sort, !descending, fixed);
                let mut rows = self.read_rows(&filter, &params, &order, wanted, 0)?;
                rows.reverse();
                (rows, total)
            }
            PageFrom::After(key) | PageFrom::Before(key) => {
                let forward = matches!(from, PageFrom::After(_));
                // The page before is the page after in the reverse order, turned round.
                let down = if forward { descending } else { !descending };
                let mut rows = Vec::new();
                let first = params.len() + 1;
                for range in ranges_after(query.sort, down, key, first, fixed) {
                    let wanted = limit.saturating_sub(rows.len() as u64);
                    if wanted == 0 {
                        break;
                    }
                    let mut all = params.clone();
                    all.extend(range.params);
                    let filter = format!("{filter} AND {}", range.sql);
                    rows.extend(self.read_rows(&filter, &all, &range.order, wanted, 0)?);
                }
                if !forward {
                    rows.reverse();
                }
                let total = self.list_total(org, query, known, &counted, &params, None)?;
                (rows, total)
            }
        };
        Ok(page_of(keyed_rows, total))
    }

    /// A page of a search that walks the list's order (`walked_pages`); where a walk was
    /// too long, the search's hits read in the list's order and kept (`search_pages`),
    /// then every page of it so while the file is the same. `None` where neither can.
    fn walked_search(
        &self,
        org: OrgId,
        query: &CaseQuery,
        fixed: usize,
        total: u64,
    ) -> Result<Option<CasePage>, StorageError> {
        let (by_hits, hit_params) = list_filter(org, query, false, Own::Asked);
        let order = order_by(query.sort, query.descending, 0);
        if !self.holds_hits(&by_hits, &hit_params, &order)? {
            let plain = CaseQuery {
                text: String::new(),
                ..query.clone()
            };
            let (filter, params) = list_filter(org, &plain, true, Own::Asked);
            let filter = match constant_rank(query) {
                Some(rank) => format!("{filter}{rank}"),
                None => filter,
            };
            let walk = Walk {
                filter: &filter,
                params: &params,
                fixed,
                total,
            };
            if let Some(rows) = self.walked_page(query, &walk)? {
                return Ok(Some(page_of(rows, total)));
            }
        }
        let (offset, from, limit) = (query.offset, &query.from, query.limit);
        let page = self.ranked_page(&by_hits, &hit_params, &order, offset, from, limit)?;
        Ok(page.map(|(rows, total)| page_of(rows, total)))
    }

    /// Hits from which a search walks the list's order instead of sorting its hits: 2,000,
    /// or one case of the room's in a hundred where that is more. A walked page passes
    /// about a hundred cases for each of its rows then (a few hundred microseconds),
    /// while a search read in its own order reads every hit once (tens of ms for 10,000
    /// hits at a million cases) and then each page by id.
    fn walk_from(&self, org: OrgId) -> Result<u64, StorageError> {
        #[cfg(test)]
        if let Some(n) = self.word_memo.walk_from.get() {
            return Ok(n);
        }
        Ok((self.room_case_count(org)? / 100).max(2_000))
    }

    /// The rows of the page asked for.
    fn page_rows(
        &self,
        query: &CaseQuery,
        filter: &str,
        mut params: Vec<Value>,
        walk: bool,
        fixed: usize,
    ) -> Result<Vec<(CaseSummary, CaseKey)>, StorageError> {
        let rank = if walk {
            String::new()
        } else {
            exact_first(&query.text, &mut params)
        };
        let order = format!("{rank}{}", order_by(query.sort, query.descending, fixed));
        self.read_rows(filter, &params, &order, query.limit, query.offset)
    }

    /// A statement of the case list, prepared once per connection; tests see every read
    /// the list makes (`list_count.reads`), whichever path makes it.
    #[cfg_attr(not(test), allow(unused_variables))]
    pub(super) fn list_statement(
        &self,
        sql: &str,
        params: &[Value],
    ) -> Result<rusqlite::CachedStatement<'_>, StorageError> {
        #[cfg(test)]
        self.list_count
            .reads
            .borrow_mut()
            .push((sql.to_owned(), params.to_vec()));
        Ok(self.conn.prepare_cached(sql)?)
    }

    /// Rows of the list under `filter`, in `order`, each with its place in every order.
    pub(super) fn read_rows(
        &self,
        filter: &str,
        params: &[Value],
        order: &str,
        limit: u64,
        offset: u64,
    ) -> Result<Vec<(CaseSummary, CaseKey)>, StorageError> {
        let sql = format!(
            "SELECT id, number_text, received_on, category, local_category, party_names, status,
                    mediator_names, risk_escalation OR risk_group, number_year, number_seq
             FROM cases WHERE {filter} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
        );
        let mut stmt = self.list_statement(&sql, params)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let category: String = r.get(3)?;
            let local: Option<String> = r.get(4)?;
            let national = decode("cases.category", &category, Category::from_code)?;
            let row = CaseSummary {
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
            };
            let key = CaseKey {
                id: row.id,
                received_on: row.received_on,
                number_year: r.get(9)?,
                number_seq: r.get(10)?,
                category: row.category.clone(),
                status: row.status,
            };
            out.push((row, key));
        }
        Ok(out)
    }
}

/// A page's rows with the first and last row's places in every order.
fn page_of(keyed_rows: Vec<(CaseSummary, CaseKey)>, total: u64) -> CasePage {
    let first = keyed_rows.first().map(|(_, k)| k.clone());
    let last = keyed_rows.last().map(|(_, k)| k.clone());
    let rows = keyed_rows.into_iter().map(|(row, _)| row).collect();
    CasePage {
        rows,
        total,
        first,
        last,
    }
}

/// The start of a search's `ORDER BY`: the case of exactly the number typed, then the
/// cases with a party of exactly the name typed (its value appended to `params`).
/// Nothing for an empty search.
fn exact_first(text: &str, params: &mut Vec<Value>) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    params.push(Value::Text(text.to_string()));
    let n = params.len();
    format!(
        "coalesce(number_text = ?{n}, 0) DESC,
         instr('、' || party_names || '、', '、' || ?{n} || '、') = 0, "
    )
}

/// The WHERE clause of a list query and its parameters, in placeholder order.
fn list_filter(org: OrgId, query: &CaseQuery, walk: bool, with: Own) -> (String, Vec<Value>) {
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
        let n = params.len();
        filter.push_str(&match with {
            Own::Gathered => format!(
                " AND id IN (SELECT case_id FROM status_history
                   WHERE from_status IS NULL AND operator = ?{n})"
            ),
            Own::Asked => format!(
                " AND EXISTS (SELECT 1 FROM status_history h WHERE h.case_id = cases.id
                   AND h.from_status IS NULL AND h.operator = ?{n})"
            ),
        });
    }
    (filter, params)
}

/// How a 登记员's list (`registered_by`) finds their cases.
#[derive(Clone, Copy)]
enum Own {
    /// All their cases gathered first: a count reads each once.
    Gathered,
    /// Asked of each case a page passes: gathering them for every page cost tens of ms
    /// at 100,000 cases, while a page asks a few hundred cases at most where they
    /// registered a sixth of the room's (more where they registered fewer).
    Asked,
}

/// Sorted by the column a filter fixes, the sort's first index column is one value: saying
/// so lets the sort's own index seek to it, instead of walking the other values' rows.
fn constant_rank(query: &CaseQuery) -> Option<String> {
    match (query.sort, query.status, query.category) {
        (CaseSort::Status, Some(status), _) => {
            let rank = CaseStatus::ALL.iter().position(|s| *s == status);
            Some(format!(" AND {} = {}", status_rank(), rank.unwrap_or(0)))
        }
        (CaseSort::Category, _, Some(category)) => {
            let rank = Category::ALL.iter().position(|c| *c == category);
            Some(format!(" AND {} = {}", category_rank(), rank.unwrap_or(0)))
        }
        _ => None,
    }
}

fn text_value(code: &str) -> Value {
    Value::Text(code.to_string())
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
