//! The pages of a search whose exact number and names come first: its hits' ids in that
//! order are read once and kept while the file is the same, and every page is then its
//! few rows read by id. No index holds that order (it depends on the words typed), so
//! each page read by counting rows sorted every hit again: 5.7–7.1 ms a key at a million
//! cases for a search of 1,350 hits.
//!
//! The ids are kept with what they were read under, as the list's count is
//! (`count_memo`): the filter's SQL and values, the order, the file's `data_version`
//! (another connection's commit) and this connection's `total_changes` (its own writes).
//! Anything different reads them again, so a page never shows a case as it was before a
//! write, nor misses one a write added.

use super::super::{StorageError, Store};
use super::count_memo::FileState;
use super::list_keys::last_page_rows;
use crate::domain::case::{CaseKey, CaseSummary, PageFrom};
use rusqlite::types::Value;
use std::cell::RefCell;

/// Hits kept at most: 8 bytes each, so 2 MiB. A search with more hits than this (two
/// common words over a million cases) is read by counting rows, as before: its first
/// page, which sorts every hit, takes far longer than its paging anyway.
pub(crate) const MOST_KEPT: usize = 250_000;

/// One search's hits in its order, and what they were read under.
#[derive(Debug)]
struct Kept {
    filter: String,
    params: Vec<Value>,
    order: String,
    state: FileState,
    ids: Vec<i64>,
}

/// The last search's hits (one per connection, like its statements).
#[derive(Debug, Default)]
pub struct SearchMemo {
    last: RefCell<Option<Kept>>,
    /// Tests read the reference pages by counting rows, with nothing kept (here or in
    /// `walked_pages`).
    #[cfg(test)]
    pub off: std::cell::Cell<bool>,
    /// How many times the hits were really read (tests check they are kept).
    #[cfg(test)]
    pub reads: std::cell::Cell<u32>,
}

/// A page of a ranked search: its rows, and how many hits in all.
pub(crate) type RankedPage = (Vec<(CaseSummary, CaseKey)>, u64);

impl Store {
    /// The page of the search under `filter`/`params` in `order` that `offset` and
    /// `from` ask for, from its hits' ids (kept, or read now); `None` when the search has
    /// more hits than are kept, for the caller to count rows.
    pub(crate) fn ranked_page(
        &self,
        filter: &str,
        params: &[Value],
        order: &str,
        offset: u64,
        from: &PageFrom,
        limit: u64,
    ) -> Result<Option<RankedPage>, StorageError> {
        let page = self.with_hits(filter, params, order, |ids| {
            let total = ids.len();
            let limit = usize::try_from(limit).unwrap_or(usize::MAX);
            let at = |offset: u64| usize::try_from(offset).unwrap_or(usize::MAX).min(total);
            let counted = (at(offset), at(offset).saturating_add(limit).min(total));
            // A page read from a row continues from that row where it still is; a row
            // gone (removed, or no longer found) leaves the page where its number says.
            let place = |key: &CaseKey| ids.iter().position(|id| *id == key.id.0);
            let (start, end) = match from {
                PageFrom::Offset => counted,
                PageFrom::End => {
                    let last = last_page_rows(total as u64, limit as u64) as usize;
                    (total - last, total)
                }
                PageFrom::After(key) => place(key).map_or(counted, |p| {
                    (p + 1, (p + 1).saturating_add(limit).min(total))
                }),
                PageFrom::Before(key) => {
                    place(key).map_or(counted, |p| (p.saturating_sub(limit), p))
                }
            };
            (ids[start..end].to_vec(), total as u64)
        })?;
        let Some((ids, total)) = page else {
            return Ok(None);
        };
        Ok(Some((self.rows_by_id(&ids)?, total)))
    }

    /// True if the hits under `filter`/`params` in `order` are kept for the file as it is.
    pub(crate) fn holds_hits(
        &self,
        filter: &str,
        params: &[Value],
        order: &str,
    ) -> Result<bool, StorageError> {
        #[cfg(test)]
        if self.search_memo.off.get() {
            return Ok(false);
        }
        let state = FileState {
            data_version: self.data_version()?,
            own_changes: self.conn.total_changes(),
        };
        Ok(self.search_memo.last.borrow().as_ref().is_some_and(|k| {
            k.filter == filter && k.params == params && k.order == order && k.state == state
        }))
    }

    /// `look` at the ids of every hit in `order`, kept while the file is the same;
    /// `None` when there are more than `MOST_KEPT`.
    fn with_hits<R>(
        &self,
        filter: &str,
        params: &[Value],
        order: &str,
        look: impl FnOnce(&[i64]) -> R,
    ) -> Result<Option<R>, StorageError> {
        #[cfg(test)]
        if self.search_memo.off.get() {
            return Ok(None);
        }
        let state = FileState {
            data_version: self.data_version()?,
            own_changes: self.conn.total_changes(),
        };
        {
            let last = self.search_memo.last.borrow();
            if let Some(k) = last.as_ref().filter(|k| {
                k.filter == filter && k.params == params && k.order == order && k.state == state
            }) {
                return Ok(Some(look(&k.ids)));
            }
        }
        #[cfg(test)]
        self.search_memo.reads.set(self.search_memo.reads.get() + 1);
        let sql = format!(
            "SELECT id FROM cases WHERE {filter} ORDER BY {order} LIMIT {}",
            MOST_KEPT + 1
        );
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if ids.len() > MOST_KEPT {
            *self.search_memo.last.borrow_mut() = None;
            return Ok(None);
        }
        let seen = look(&ids);
        *self.search_memo.last.borrow_mut() = Some(Kept {
            filter: filter.to_string(),
            params: params.to_vec(),
            order: order.to_string(),
            state,
            ids,
        });
        Ok(Some(seen))
    }

    /// The list's rows of `ids`, in that order.
    pub(super) fn rows_by_id(
        &self,
        ids: &[i64],
    ) -> Result<Vec<(CaseSummary, CaseKey)>, StorageError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("?{i}")).collect();
        let filter = format!("id IN ({})", marks.join(", "));
        let params: Vec<Value> = ids.iter().map(|id| Value::Integer(*id)).collect();
        let mut rows = self.read_rows(&filter, &params, "id", ids.len() as u64, 0)?;
        rows.sort_by_key(|(row, _)| ids.iter().position(|id| *id == row.id.0));
        Ok(rows)
    }
}
