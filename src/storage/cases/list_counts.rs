//! How many rows the case list matches in all ("共 N 件"): kept by triggers for the room,
//! a status and a 登记员's registrations, the cases of one searched word from the search
//! indexes, and anything else counted once while the file is the same.

use super::super::{StorageError, Store};
use super::count_memo::FileState;
use crate::domain::case::CaseQuery;
use crate::domain::org::OrgId;
use crate::domain::status::CaseStatus;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

impl Store {
    /// How many rows match in all. `shown` is the number of rows of the first page, when
    /// that was just read: a page not full holds every match, and nothing is counted.
    pub(super) fn list_total(
        &self,
        org: OrgId,
        query: &CaseQuery,
        known: Option<u64>,
        filter: &str,
        params: &[Value],
        shown: Option<u64>,
    ) -> Result<u64, StorageError> {
        Ok(match known {
            Some(n) => n,
            None if shown.is_some_and(|n| n < query.limit) => shown.unwrap_or(0),
            // The room's cases without a filter: kept by triggers (migration 023).
            None if params.len() == 1 && query.text.trim().is_empty() => {
                self.room_case_count(org)?
            }
            // Of one status, and no other filter (F5): kept by triggers too (024).
            None if params.len() == 2 && query.text.trim().is_empty() => {
                match (query.status, &query.registered_by) {
                    (Some(status), _) => self.room_status_count(org, status)?,
                    // A 登记员's list in a file of this room alone: their registrations,
                    // kept by triggers (migration 025; counting them in their index took
                    // 48 ms at a million cases, walking every case 166 ms).
                    (None, Some(name)) if self.only_room(org)? => self.registrant_count(name)?,
                    _ => self.counted_here(filter, params)?,
                }
            }
            None => self.counted_here(filter, params)?,
        })
    }

    /// The cases under `filter`, counted by walking them.
    fn counted_here(&self, filter: &str, params: &[Value]) -> Result<u64, StorageError> {
        let sql = format!("SELECT count(*) FROM cases WHERE {filter}");
        self.counted(filter, params, &sql, params)
    }

    /// The cases under `filter`/`params`, counted by `sql` with `values`: once while the
    /// file is the same (paging and sorting keep the filter).
    fn counted(
        &self,
        filter: &str,
        params: &[Value],
        sql: &str,
        values: &[Value],
    ) -> Result<u64, StorageError> {
        let state = FileState {
            data_version: self.data_version()?,
            own_changes: self.conn.total_changes(),
        };
        self.list_count
            .get_or_count(filter, params, state, || -> Result<u64, StorageError> {
                let n: i64 = self
                    .conn
                    .prepare_cached(sql)?
                    .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;
                Ok(n as u64)
            })
    }

    /// How many cases `name` registered, as the triggers of migration 025 keep it.
    fn registrant_count(&self, name: &str) -> Result<u64, StorageError> {
        let n: Option<i64> = self
            .conn
            .prepare_cached("SELECT n FROM registrant_counts WHERE operator = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        Ok(u64::try_from(n.unwrap_or(0)).unwrap_or(0))
    }

    /// How many cases of `status` the room holds, as the triggers of migration 024 keep it.
    fn room_status_count(&self, org: OrgId, status: CaseStatus) -> Result<u64, StorageError> {
        let n: Option<i64> = self
            .conn
            .prepare_cached("SELECT n FROM room_status_counts WHERE org_id = ?1 AND status = ?2")?
            .query_row(rusqlite::params![org.0, status.code()], |r| r.get(0))
            .optional()?;
        Ok(u64::try_from(n.unwrap_or(0)).unwrap_or(0))
    }

    /// For a search of one word and no other filter (a front desk's own-cases filter is
    /// one), in a file holding only this room's
    /// cases: its number of cases, counted in the index alone (without visiting the
    /// cases, which for a word in most of them meant reading all 100,000). Else `None`.
    pub(super) fn count_in_index(
        &self,
        org: OrgId,
        query: &CaseQuery,
    ) -> Result<Option<u64>, StorageError> {
        let only_text = query.status.is_none()
            && query.category.is_none()
            && query.source.is_none()
            && query.mediator.is_none()
            && query.received_from.is_none()
            && query.received_to.is_none()
            && query.registered_by.is_none();
        if query.text.trim().is_empty() || !only_text || !self.only_room(org)? {
            return Ok(None);
        }
        // Kept while the file is the same (`walked_pages`): counting 王's cases in the
        // index again took milliseconds a page.
        self.word_hit_count(&query.text)
    }

    /// How many cases the room holds, as the triggers of migration 023 keep it.
    pub(super) fn room_case_count(&self, org: OrgId) -> Result<u64, StorageError> {
        let n: Option<i64> = self
            .conn
            .prepare_cached("SELECT n FROM room_case_counts WHERE org_id = ?1")?
            .query_row([org.0], |r| r.get(0))
            .optional()?;
        Ok(u64::try_from(n.unwrap_or(0)).unwrap_or(0))
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
}
