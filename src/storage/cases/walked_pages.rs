//! The pages of a search that walks the list's own order (a word found in many cases):
//! its hits are kept as one bit per case id while the file is the same, and a page walks
//! the sort's index from the row it is read from, keeping the cases whose bit is set.
//!
//! In SQL, each read gathered every hit of the word again before walking (`id IN (…)`):
//! 4–8 ms a statement for 王 at 100,000 cases, and a page read from a row may take
//! several statements (one per index range). The bits of a million cases are 125 KB.

use super::super::search::hits_of_one_word;
use super::super::{StorageError, Store};
use super::count_memo::FileState;
use super::list_keys::{last_page_rows, order_by, ranges_after};
use crate::domain::case::{CaseKey, CaseQuery, CaseSummary, PageFrom};
use rusqlite::types::Value;
use std::cell::RefCell;

/// The cases a word is found in, one bit per case id.
#[derive(Debug)]
struct HitSet {
    bits: Vec<u64>,
    count: u64,
}

impl HitSet {
    fn has(&self, id: i64) -> bool {
        let Ok(id) = usize::try_from(id) else {
            return false;
        };
        self.bits
            .get(id / 64)
            .is_some_and(|word| word & (1 << (id % 64)) != 0)
    }

    fn add(&mut self, id: i64) {
        let Ok(id) = usize::try_from(id) else {
            return;
        };
        if self.bits.len() <= id / 64 {
            self.bits.resize(id / 64 + 1, 0);
        }
        let bit = 1 << (id % 64);
        if self.bits[id / 64] & bit == 0 {
            self.bits[id / 64] |= bit;
            self.count += 1;
        }
    }
}

/// One word's hits and the state of the file they were read in.
#[derive(Debug)]
struct Kept {
    text: String,
    state: FileState,
    hits: HitSet,
}

/// The last searched word's hits (one per connection, like its statements).
#[derive(Debug, Default)]
pub struct WordMemo {
    last: RefCell<Option<Kept>>,
    /// How many times the hits were really read (tests check they are kept).
    #[cfg(test)]
    pub reads: std::cell::Cell<u32>,
    /// Tests walk searches of fewer hits than a real room needs (`Store::walk_from`).
    #[cfg(test)]
    pub walk_from: std::cell::Cell<Option<u64>>,
    /// Tests give up walking sooner than a real room does (`LONG_WALK`).
    #[cfg(test)]
    pub long_walk: std::cell::Cell<Option<u64>>,
}

/// Cases a page walks past at most (about 2 ms) before the search is read in the list's
/// order by its hits instead, once, and kept (`search_pages`): a walk is cheap where the
/// word's cases are spread through the order, but 宅基地 sorted by category walked past
/// every other category's cases for Home and End, 60–140 ms at a million cases.
const LONG_WALK: u64 = 10_000;

/// Where a walk is: the hits it looks for, those to pass and to take, and the cases it
/// may still walk past.
struct Steps<'a> {
    hits: &'a HitSet,
    skip: u64,
    limit: u64,
    left: u64,
    ids: Vec<i64>,
}

/// Where a walked page is read from, and what bounds it.
pub(crate) struct Walk<'a> {
    /// The list's filter without the search words, and its values.
    pub filter: &'a str,
    pub params: &'a [Value],
    /// Sort columns the filter holds to one value (see `list::constant_rank`).
    pub fixed: usize,
    /// The rows the search matches in all (the last page's size follows from it).
    pub total: u64,
}

impl Store {
    /// How many cases the one word `text` is found in, in every room; `None` for a
    /// query of more words.
    pub(crate) fn word_hit_count(&self, text: &str) -> Result<Option<u64>, StorageError> {
        self.with_word_hits(text, |hits| hits.count)
    }

    /// The page of `query` (a search of one word) that its `offset` and `from` ask for,
    /// walked in the list's order; `None` for a query of more words, and when the walk
    /// passed `LONG_WALK` cases without filling the page (the word's cases lie far apart
    /// in this order, or all far from where it starts: 宅基地 sorted by category).
    pub(crate) fn walked_page(
        &self,
        query: &CaseQuery,
        walk: &Walk,
    ) -> Result<Option<Vec<(CaseSummary, CaseKey)>>, StorageError> {
        #[cfg(test)]
        if self.search_memo.off.get() {
            return Ok(None);
        }
        let ids = self.with_word_hits(&query.text, |hits| self.walk_ids(hits, query, walk))?;
        match ids.transpose()?.flatten() {
            Some(ids) => Ok(Some(self.rows_by_id(&ids)?)),
            None => Ok(None),
        }
    }

    /// The ids of the page: the hits met walking each index range in order; `None` when
    /// the walk was too long.
    fn walk_ids(
        &self,
        hits: &HitSet,
        query: &CaseQuery,
        walk: &Walk,
    ) -> Result<Option<Vec<i64>>, StorageError> {
        let (sort, descending, limit) = (query.sort, query.descending, query.limit);
        let mut steps = Steps {
            hits,
            skip: 0,
            limit,
            left: self.long_walk(),
            ids: Vec::new(),
        };
        let whole = match &query.from {
            PageFrom::Offset => {
                steps.skip = query.offset;
                let order = order_by(sort, descending, walk.fixed);
                self.walk_range(&mut steps, walk.filter, walk.params, &order)?
            }
            PageFrom::End => {
                steps.limit = last_page_rows(walk.total, limit);
                let order = order_by(sort, !descending, walk.fixed);
                let whole = self.walk_range(&mut steps, walk.filter, walk.params, &order)?;
                steps.ids.reverse();
                whole
            }
            PageFrom::After(key) | PageFrom::Before(key) => {
                let forward = matches!(query.from, PageFrom::After(_));
                // The page before is the page after in the reverse order, turned round.
                let down = if forward { descending } else { !descending };
                let first = walk.params.len() + 1;
                let mut whole = true;
                for range in ranges_after(sort, down, key, first, walk.fixed) {
                    if steps.ids.len() as u64 >= limit || !whole {
                        break;
                    }
                    let mut all = walk.params.to_vec();
                    all.extend(range.params);
                    let filter = format!("{} AND {}", walk.filter, range.sql);
                    whole = self.walk_range(&mut steps, &filter, &all, &range.order)?;
                }
                if !forward {
                    steps.ids.reverse();
                }
                whole
            }
        };
        Ok(whole.then_some(steps.ids))
    }

    /// Walks the cases under `filter` in `order`, passing `steps.skip` hits, then adding
    /// hits until it holds `steps.limit`; false if it gave up after `steps.left` cases.
    fn walk_range(
        &self,
        steps: &mut Steps,
        filter: &str,
        params: &[Value],
        order: &str,
    ) -> Result<bool, StorageError> {
        let sql = format!("SELECT id FROM cases WHERE {filter} ORDER BY {order}");
        let mut stmt = self.list_statement(&sql, params)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while (steps.ids.len() as u64) < steps.limit {
            if steps.left == 0 {
                return Ok(false);
            }
            steps.left -= 1;
            let Some(row) = rows.next()? else {
                break;
            };
            let id: i64 = row.get(0)?;
            if !steps.hits.has(id) {
                continue;
            }
            if steps.skip > 0 {
                steps.skip -= 1;
            } else {
                steps.ids.push(id);
            }
        }
        Ok(true)
    }

    /// Cases a page may walk past before the search is read in its order instead.
    fn long_walk(&self) -> u64 {
        #[cfg(test)]
        if let Some(n) = self.word_memo.long_walk.get() {
            return n;
        }
        LONG_WALK
    }

    /// `look` at the cases of the one word `text`, kept while the file is the same;
    /// `None` for a query of more words.
    fn with_word_hits<R>(
        &self,
        text: &str,
        look: impl FnOnce(&HitSet) -> R,
    ) -> Result<Option<R>, StorageError> {
        let Some((sql, params)) = hits_of_one_word(text) else {
            return Ok(None);
        };
        let state = FileState {
            data_version: self.data_version()?,
            own_changes: self.conn.total_changes(),
        };
        {
            let last = self.word_memo.last.borrow();
            if let Some(k) = last.as_ref().filter(|k| k.text == text && k.state == state) {
                return Ok(Some(look(&k.hits)));
            }
        }
        #[cfg(test)]
        self.word_memo.reads.set(self.word_memo.reads.get() + 1);
        let mut hits = HitSet {
            bits: Vec::new(),
            count: 0,
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(row) = rows.next()? {
            hits.add(row.get(0)?);
        }
        let seen = look(&hits);
        *self.word_memo.last.borrow_mut() = Some(Kept {
            text: text.to_string(),
            state,
            hits,
        });
        Ok(Some(seen))
    }
}
