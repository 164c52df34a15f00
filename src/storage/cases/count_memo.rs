//! The case list's last count, kept while nothing in the file changed: paging and sorting
//! keep the filter, and counting a million cases again for every page cost 40 ms a key.
//!
//! The count is kept with what it was counted under: the filter's SQL and values, the
//! file's `data_version` (which moves when another connection commits) and this
//! connection's `total_changes` (which moves when this one writes, even if it rolls back —
//! a needless count then, never a stale one). Anything different counts again.

use rusqlite::types::Value;
use std::cell::RefCell;

/// What one count was made under, and its result.
#[derive(Debug, Clone, PartialEq)]
struct Counted {
    filter: String,
    params: Vec<Value>,
    data_version: i64,
    own_changes: u64,
    total: u64,
}

/// The last count of the case list (one per connection, like its statements).
#[derive(Debug, Default)]
pub struct CountMemo {
    last: RefCell<Option<Counted>>,
    /// How many times the count really ran (tests check the memo is used).
    #[cfg(test)]
    pub runs: std::cell::Cell<u32>,
}

/// The state of the file a count is valid in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    /// `PRAGMA data_version`.
    pub data_version: i64,
    /// The connection's `total_changes()`.
    pub own_changes: u64,
}

impl CountMemo {
    /// The count under `filter`/`params` in `state`, from the memo or from `count`.
    pub fn get_or_count<E>(
        &self,
        filter: &str,
        params: &[Value],
        state: FileState,
        count: impl FnOnce() -> Result<u64, E>,
    ) -> Result<u64, E> {
        let hit = self.last.borrow().as_ref().and_then(|c| {
            (c.filter == filter
                && c.params == params
                && c.data_version == state.data_version
                && c.own_changes == state.own_changes)
                .then_some(c.total)
        });
        if let Some(total) = hit {
            return Ok(total);
        }
        #[cfg(test)]
        self.runs.set(self.runs.get() + 1);
        let total = count()?;
        *self.last.borrow_mut() = Some(Counted {
            filter: filter.to_string(),
            params: params.to_vec(),
            data_version: state.data_version,
            own_changes: state.own_changes,
            total,
        });
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::case::CaseQuery;
    use crate::storage::Store;
    use crate::storage::test_room::{now, one_applicant, open_room};

    /// A page of 2 of the room's cases, from `offset` (the count runs past a full page).
    fn page(offset: u64) -> CaseQuery {
        CaseQuery {
            limit: 2,
            offset,
            ..Default::default()
        }
    }

    #[test]
    fn paging_counts_once_and_any_write_anywhere_counts_again() {
        let mut room = open_room();
        let org = room.org.id;
        for name in ["甲一", "乙二", "丙三", "丁四", "戊五"] {
            let f = one_applicant(name, "供热费");
            room.store.create_case(org, &f, "wang", &now()).unwrap();
        }
        let runs = |s: &Store| s.list_count.runs.get();
        assert_eq!(room.store.list_cases(org, &page(2)).unwrap().total, 5);
        assert_eq!(room.store.list_cases(org, &page(0)).unwrap().total, 5);
        assert_eq!(runs(&room.store), 1, "the second page reuses the count");

        // This connection writes: counted again, and right.
        let f = one_applicant("己六", "供热费");
        room.store.create_case(org, &f, "wang", &now()).unwrap();
        assert_eq!(room.store.list_cases(org, &page(2)).unwrap().total, 6);
        assert_eq!(runs(&room.store), 2);

        // Another connection (another process, or the writer thread) writes: the same.
        let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
        let f = one_applicant("庚七", "供热费");
        other.create_case(org, &f, "li", &now()).unwrap();
        assert_eq!(room.store.list_cases(org, &page(2)).unwrap().total, 7);
        assert_eq!(runs(&room.store), 3);

        // Another filter is another count.
        let accepted = CaseQuery {
            status: Some(crate::domain::status::CaseStatus::Accepted),
            ..page(0)
        };
        assert_eq!(room.store.list_cases(org, &accepted).unwrap().total, 0);
        assert_eq!(room.store.list_cases(org, &page(4)).unwrap().total, 7);
    }
}
