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
    /// Every read of the list's rows, its SQL and values (the plan test explains each).
    #[cfg(test)]
    pub reads: RefCell<Vec<(String, Vec<Value>)>>,
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

    /// A page of 2 of the room's cases come by their own application, from `offset` (the
    /// count runs past a full page; a filter, as the room's own count needs none).
    fn page(offset: u64) -> CaseQuery {
        CaseQuery {
            limit: 2,
            offset,
            source: Some(crate::domain::source::Source::Application),
            ..Default::default()
        }
    }

    /// How many times the list really counted.
    fn runs(s: &Store) -> u32 {
        s.list_count.runs.get()
    }

    #[test]
    fn paging_counts_once_and_any_write_anywhere_counts_again() {
        let mut room = open_room();
        let org = room.org.id;
        for name in ["甲一", "乙二", "丙三", "丁四", "戊五"] {
            let f = one_applicant(name, "供热费");
            room.store.create_case(org, &f, "wang", &now()).unwrap();
        }
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

    /// Every row `sql` reads, as values (the kept counts and the real ones compare so).
    fn rows(s: &Store, sql: &str) -> Rows {
        let mut stmt = s.conn.prepare(sql).unwrap();
        let columns = stmt.column_count();
        stmt.query_map([], |r| (0..columns).map(|i| r.get(i)).collect())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    type Rows = Vec<Vec<rusqlite::types::Value>>;

    /// The rows a kept count reads against those of a real count, in the same order.
    fn kept_and_counted(s: &Store, [kept, counted]: [&str; 2]) -> (Rows, Rows) {
        (rows(s, kept), rows(s, counted))
    }

    /// `room_case_counts` against a real count, room by room.
    const BY_ROOM: [&str; 2] = [
        "SELECT org_id, n FROM room_case_counts WHERE n <> 0 ORDER BY org_id",
        "SELECT org_id, count(*) FROM cases GROUP BY org_id ORDER BY org_id",
    ];

    #[test]
    fn the_rooms_case_count_is_kept_through_every_write_and_filled_by_its_migration() {
        let mut room = open_room();
        let org = room.org.id;
        for name in ["甲一", "乙二", "丙三"] {
            let f = one_applicant(name, "供热费");
            room.store.create_case(org, &f, "wang", &now()).unwrap();
        }
        let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
        let f = one_applicant("丁四", "供热费");
        other.create_case(org, &f, "li", &now()).unwrap();
        let (kept, counted) = kept_and_counted(&room.store, BY_ROOM);
        assert_eq!(kept, counted);
        assert_eq!(counted, rows(&room.store, &format!("SELECT {}, 4", org.0)));
        let everything = CaseQuery {
            limit: 1,
            ..Default::default()
        };
        assert_eq!(room.store.list_cases(org, &everything).unwrap().total, 4);
        assert_eq!(runs(&room.store), 0, "no case was counted");

        // A repair by hand that moves or removes cases keeps it right too.
        room.store
            .conn
            .execute_batch(
                "PRAGMA foreign_keys = OFF;
                 UPDATE cases SET org_id = 99 WHERE id = (SELECT min(id) FROM cases);
                 DELETE FROM cases WHERE id = (SELECT max(id) FROM cases);
                 PRAGMA foreign_keys = ON;",
            )
            .unwrap();
        let (kept, counted) = kept_and_counted(&room.store, BY_ROOM);
        assert_eq!(kept, counted);
        assert_eq!(room.store.list_cases(org, &everything).unwrap().total, 2);

        // A file of the version before (its table and triggers gone) is filled again.
        room.store
            .conn
            .execute_batch(
                "DROP TRIGGER room_case_counts_insert; DROP TRIGGER room_case_counts_delete;
                 DROP TRIGGER room_case_counts_move; DROP TABLE room_case_counts;
                 PRAGMA user_version = 22;",
            )
            .unwrap();
        drop(other);
        let path = room.dir.path().join("room.db");
        drop(room.store);
        let reopened = Store::open(&path).unwrap();
        let (kept, counted) = kept_and_counted(&reopened, BY_ROOM);
        assert_eq!(kept, counted);
        assert_eq!(reopened.list_cases(org, &everything).unwrap().total, 2);
    }

    /// `room_status_counts` against a real count, room and status by status.
    const BY_STATUS: [&str; 2] = [
        "SELECT org_id, status, n FROM room_status_counts WHERE n <> 0 ORDER BY 1, 2",
        "SELECT org_id, status, count(*) FROM cases GROUP BY 1, 2 ORDER BY 1, 2",
    ];

    #[test]
    fn the_status_filter_shows_the_rooms_kept_count_of_the_status_through_every_write() {
        use crate::domain::status::CaseStatus;
        let mut room = open_room();
        let org = room.org.id;
        for name in ["甲一", "乙二", "丙三"] {
            let f = one_applicant(name, "供热费");
            room.store.create_case(org, &f, "wang", &now()).unwrap();
        }
        let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
        let f = one_applicant("丁四", "供热费");
        other.create_case(org, &f, "li", &now()).unwrap();
        other
            .conn
            .execute_batch(
                "UPDATE cases SET status = 'mediating' WHERE id = (SELECT min(id) FROM cases)",
            )
            .unwrap();
        let only = |status| CaseQuery {
            status: Some(status),
            limit: 1,
            ..Default::default()
        };
        let total = |s: &Store, status| s.list_cases(org, &only(status)).unwrap().total;
        assert_eq!(total(&room.store, CaseStatus::Registered), 3);
        assert_eq!(total(&room.store, CaseStatus::Mediating), 1);
        assert_eq!(runs(&room.store), 0, "no case was counted");
        let (kept, counted) = kept_and_counted(&room.store, BY_STATUS);
        assert_eq!(kept, counted);

        // A repair by hand that moves or removes cases keeps it right too.
        room.store
            .conn
            .execute_batch(
                "PRAGMA foreign_keys = OFF;
                 UPDATE cases SET org_id = 99 WHERE id = (SELECT max(id) FROM cases);
                 DELETE FROM cases WHERE id = (SELECT min(id) FROM cases);
                 PRAGMA foreign_keys = ON;",
            )
            .unwrap();
        let (kept, counted) = kept_and_counted(&room.store, BY_STATUS);
        assert_eq!(kept, counted);
        assert_eq!(total(&room.store, CaseStatus::Registered), 2);
        assert_eq!(total(&room.store, CaseStatus::Mediating), 0);
    }

    /// `registrant_counts` against a real count of the cases each person registered.
    const BY_REGISTRANT: [&str; 2] = [
        "SELECT operator, n FROM registrant_counts WHERE n <> 0 ORDER BY 1",
        "SELECT operator, count(DISTINCT case_id) FROM status_history
             WHERE from_status IS NULL GROUP BY 1 ORDER BY 1",
    ];

    #[test]
    fn a_clerks_list_shows_the_kept_count_of_their_registrations_through_every_write() {
        let mut room = open_room();
        let org = room.org.id;
        for name in ["甲一", "乙二", "丙三"] {
            let f = one_applicant(name, "供热费");
            room.store.create_case(org, &f, "wang", &now()).unwrap();
        }
        let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
        let f = one_applicant("丁四", "供热费");
        other.create_case(org, &f, "li", &now()).unwrap();
        let own = |who: &str| CaseQuery {
            registered_by: Some(who.to_string()),
            limit: 1,
            ..Default::default()
        };
        let total = |s: &Store, who: &str| s.list_cases(org, &own(who)).unwrap().total;
        assert_eq!(total(&room.store, "wang"), 3);
        assert_eq!(total(&room.store, "li"), 1);
        assert_eq!(total(&room.store, "zhao"), 0);
        assert_eq!(runs(&room.store), 0, "no registration was counted");
        let (kept, counted) = kept_and_counted(&room.store, BY_REGISTRANT);
        assert_eq!(kept, counted);

        // A second registration row of the same case by the same person is one case, as
        // the list shows it; a repair by hand that removes a case or changes who
        // registered one keeps the count right too.
        room.store
            .conn
            .execute_batch(
                "INSERT INTO status_history (case_id, from_status, to_status, at, operator)
                     SELECT case_id, NULL, to_status, at, operator FROM status_history
                     WHERE from_status IS NULL AND operator = 'wang' LIMIT 1;
                 PRAGMA foreign_keys = ON;
                 DELETE FROM cases WHERE id = (SELECT max(id) FROM cases);
                 UPDATE status_history SET operator = 'zhao' WHERE id =
                     (SELECT max(id) FROM status_history WHERE from_status IS NULL
                      AND operator = 'wang');",
            )
            .unwrap();
        let (kept, counted) = kept_and_counted(&room.store, BY_REGISTRANT);
        assert_eq!(kept, counted);
        assert_eq!(total(&room.store, "li"), 0);
    }
}
