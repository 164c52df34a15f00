//! The case list's orders as index columns, and the rows after a row in one of them
//! (keyset paging): each sort's columns end with the case id, so a row's values place it
//! exactly, and the rows after it are a few index ranges read in order — never a count of
//! the rows before it, as OFFSET is.

use super::list::rank_expression;
use crate::domain::case::{CaseKey, CaseSort};
use crate::domain::category::Category;
use crate::domain::status::CaseStatus;
use rusqlite::types::Value;

/// One column of a sort, in the direction its index holds it (the list's order when the
/// sort is not descending).
struct KeyColumn {
    expr: String,
    ascending: bool,
    /// The SQL for "any value that is not NULL" as an index range, where NULL is allowed:
    /// `IS NOT NULL` alone is no range to SQLite without STAT4, and would walk the NULLs.
    not_null: Option<&'static str>,
}

fn column(expr: &str, ascending: bool) -> KeyColumn {
    KeyColumn {
        expr: expr.to_string(),
        ascending,
        not_null: None,
    }
}

/// The category's place in the official order, as the index of migration 004 holds it.
pub(crate) fn category_rank() -> String {
    rank_expression(
        "category",
        &Category::ALL.iter().map(|c| c.code()).collect::<Vec<_>>(),
    )
}

/// The status's place in the official order, as the index of migration 004 holds it.
pub(crate) fn status_rank() -> String {
    rank_expression(
        "status",
        &CaseStatus::ALL.iter().map(|s| s.code()).collect::<Vec<_>>(),
    )
}

/// A sort's columns, each matching its index (migrations 001, 004 and 024).
fn key_columns(sort: CaseSort) -> Vec<KeyColumn> {
    match sort {
        CaseSort::Received => vec![column("received_on", true), column("id", true)],
        // Unnumbered cases (NULL) come last newest-first and first oldest-first.
        CaseSort::Number => vec![
            KeyColumn {
                not_null: Some("number_year >= -9223372036854775807"),
                ..column("number_year", true)
            },
            KeyColumn {
                not_null: Some("number_seq >= -9223372036854775807"),
                ..column("number_seq", true)
            },
            column("id", true),
        ],
        CaseSort::Category => vec![
            column(&category_rank(), true),
            KeyColumn {
                not_null: Some("local_category >= ''"),
                ..column("local_category", true)
            },
            column("received_on", false),
            column("id", false),
        ],
        CaseSort::Status => vec![
            column(&status_rank(), true),
            column("received_on", false),
            column("id", false),
        ],
    }
}

/// The values of `key` for the columns of `sort`.
fn key_values(sort: CaseSort, key: &CaseKey) -> Vec<Value> {
    let day = Value::Text(super::super::codec::date_text(key.received_on));
    let id = Value::Integer(key.id.0);
    let optional = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
    match sort {
        CaseSort::Received => vec![day, id],
        CaseSort::Number => vec![optional(key.number_year), optional(key.number_seq), id],
        CaseSort::Category => vec![
            Value::Integer(rank_of(Category::ALL, &key.category.national)),
            key.category.local.clone().map_or(Value::Null, Value::Text),
            day,
            id,
        ],
        CaseSort::Status => vec![
            Value::Integer(rank_of(CaseStatus::ALL, &key.status)),
            day,
            id,
        ],
    }
}

fn rank_of<T: PartialEq>(all: &[T], value: &T) -> i64 {
    all.iter().position(|v| v == value).unwrap_or(all.len()) as i64
}

/// `ORDER BY` of the list: each order is its index read forwards or backwards, so a page
/// costs the page, not a sort of every case. The first `fixed` columns are left out: a
/// condition holds them to one value, and SQLite sorts (a temporary B-tree) when an
/// expression column so held is still named.
pub(crate) fn order_by(sort: CaseSort, descending: bool, fixed: usize) -> String {
    key_columns(sort)
        .iter()
        .skip(fixed)
        .map(|c| {
            let up = c.ascending != descending;
            format!("{} {}", c.expr, if up { "ASC" } else { "DESC" })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One index range of the rows after a row: its condition, values and `ORDER BY`.
pub(crate) struct Range {
    pub sql: String,
    pub params: Vec<Value>,
    pub order: String,
}

/// The rows after `key` in the order `order_by(sort, descending)`, as conditions each an
/// index range, in reading order: first the rows equal to `key` in all but the last
/// column, then all but the last two, and so on. Placeholders are numbered from `first`;
/// `fixed` leading columns are held to one value by the filter.
pub(crate) fn ranges_after(
    sort: CaseSort,
    descending: bool,
    key: &CaseKey,
    first: usize,
    fixed: usize,
) -> Vec<Range> {
    let columns = key_columns(sort);
    let values = key_values(sort, key);
    let mut out = Vec::new();
    for moving in (0..columns.len()).rev() {
        let mut sql = Vec::new();
        let mut params = Vec::new();
        for (c, v) in columns.iter().zip(&values).take(moving) {
            if *v == Value::Null {
                sql.push(format!("{} IS NULL", c.expr));
            } else {
                params.push(v.clone());
                sql.push(format!("{} = ?{}", c.expr, first + params.len() - 1));
            }
        }
        let c = &columns[moving];
        let up = c.ascending != descending;
        // NULL sorts before every value: after it going up is every value, going down
        // nothing; after a value going down come the smaller values, then the NULLs.
        let mut after = Vec::new();
        match (&values[moving], up) {
            (Value::Null, true) => after.extend(c.not_null.map(|s| (s.to_string(), None))),
            (Value::Null, false) => {}
            (v, up) => {
                let op = if up { ">" } else { "<" };
                after.push((format!("{} {op} ?", c.expr), Some(v.clone())));
                if !up && c.not_null.is_some() {
                    after.push((format!("{} IS NULL", c.expr), None));
                }
            }
        }
        for (cond, value) in after {
            let mut p = params.clone();
            let mut s = sql.clone();
            match value {
                Some(v) => {
                    p.push(v);
                    s.push(format!("{cond}{}", first + p.len() - 1));
                }
                None => s.push(cond),
            }
            out.push(Range {
                sql: s.join(" AND "),
                params: p,
                order: order_by(sort, descending, moving.max(fixed)),
            });
        }
    }
    out
}

/// How many rows the last page holds when `total` rows are shown `limit` to a page.
pub(crate) fn last_page_rows(total: u64, limit: u64) -> u64 {
    let limit = limit.max(1);
    if total == 0 {
        0
    } else {
        total - (total - 1) / limit * limit
    }
}
