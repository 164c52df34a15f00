//! The case list's pages read from a neighbouring row (keyset paging) against the pages
//! read by counting rows (OFFSET), on real temporary files: every sort both ways, ties in
//! every sort value, NULLs, a status filter, another connection's writes between two
//! pages, and the plans SQLite makes for each read.

use super::super::*;
use crate::domain::case::{CaseId, CasePage, CaseQuery, CaseSort, PageFrom};
use crate::domain::org::OrgId;
use crate::domain::status::CaseStatus;
use crate::storage::test_room::{TestRoom, now, one_applicant, open_room};

/// A room of `n` cases whose sort values repeat: three days, four statuses, numbers with
/// and without (NULL), three categories with and without a local sub-type; every other
/// case registered by wang (a 登记员's list shows only theirs).
fn varied_room(n: usize) -> TestRoom {
    let mut room = open_room();
    let org = room.org.id;
    for i in 0..n {
        let f = one_applicant(&format!("当事人{i}"), "邻里纠纷");
        let clerk = ["wang", "li"][(i / 3) % 2];
        let id = room.store.create_case(org, &f, clerk, &now()).unwrap().id;
        let year = (i % 5 != 0).then_some(2025 + (i % 2) as i64);
        room.store
            .conn
            .execute(
                "UPDATE cases SET received_on = ?2, status = ?3, number_year = ?4,
                        number_seq = ?5, category = ?6, local_category = ?7
                 WHERE id = ?1",
                rusqlite::params![
                    id.0,
                    ["2026-11-01", "2026-11-02", "2026-11-03"][i % 3],
                    ["registered", "mediating", "accepted", "archived"][(i * 7) % 4],
                    year,
                    year.map(|_| (i * 13 % 41) as i64),
                    ["marriage", "neighbour", "other"][(i / 2) % 3],
                    [None, Some("甲"), Some("乙")][(i / 3) % 3],
                ],
            )
            .unwrap();
    }
    room
}

fn read(store: &Store, org: OrgId, q: &CaseQuery) -> CasePage {
    store.list_cases(org, q).unwrap()
}

fn ids(page: &CasePage) -> Vec<i64> {
    page.rows.iter().map(|r| r.id.0).collect()
}

/// The queries of the plain list: each sort both ways, without and with a status filter,
/// as everyone's list and as a 登记员's (wang's own cases).
fn every_order(limit: u64) -> Vec<CaseQuery> {
    let mut out = Vec::new();
    for sort in CaseSort::ALL {
        for descending in [true, false] {
            for status in [None, Some(CaseStatus::Mediating)] {
                for registered_by in [None, Some("wang".to_string())] {
                    out.push(CaseQuery {
                        sort,
                        descending,
                        status,
                        registered_by,
                        limit,
                        ..Default::default()
                    });
                }
            }
        }
    }
    out
}

#[test]
fn pages_read_from_a_row_are_the_pages_read_by_counting_rows() {
    let room = varied_room(41);
    let (s, org) = (&room.store, room.org.id);
    for q in every_order(7) {
        let whole = ids(&read(
            s,
            org,
            &CaseQuery {
                limit: 1000,
                ..q.clone()
            },
        ));
        let pages: Vec<Vec<i64>> = whole.chunks(7).map(<[i64]>::to_vec).collect();
        let both = q.status.is_some() && q.registered_by.is_some();
        assert!(pages.len() >= if both { 1 } else { 2 }, "{q:?}: pages");
        for (i, want) in pages.iter().enumerate() {
            let offset = CaseQuery {
                offset: i as u64 * 7,
                ..q.clone()
            };
            assert_eq!(
                &ids(&read(s, org, &offset)),
                want,
                "OFFSET page {i} of {q:?}"
            );
        }
        // Forwards from the first page, each page from the last row of the one before.
        let mut page = read(s, org, &q);
        for (i, want) in pages.iter().enumerate() {
            assert_eq!(&ids(&page), want, "page {i} after a row, {q:?}");
            assert_eq!(page.total, whole.len() as u64);
            let after = PageFrom::After(Box::new(page.last.clone().unwrap()));
            page = read(
                s,
                org,
                &CaseQuery {
                    from: after,
                    ..q.clone()
                },
            );
        }
        assert!(page.rows.is_empty(), "nothing after the last page");
        // Backwards from the last page, each page from the first row of the one after.
        let mut page = read(
            s,
            org,
            &CaseQuery {
                from: PageFrom::End,
                ..q.clone()
            },
        );
        for (i, want) in pages.iter().enumerate().rev() {
            assert_eq!(&ids(&page), want, "page {i} before a row, {q:?}");
            let before = PageFrom::Before(Box::new(page.first.clone().unwrap()));
            page = read(
                s,
                org,
                &CaseQuery {
                    from: before,
                    ..q.clone()
                },
            );
        }
        assert!(page.rows.is_empty(), "nothing before the first page");
    }
}

#[test]
fn a_page_that_is_full_at_the_end_is_a_whole_page_and_an_empty_list_has_none() {
    let room = varied_room(14);
    let (s, org) = (&room.store, room.org.id);
    let q = CaseQuery {
        limit: 7,
        from: PageFrom::End,
        ..Default::default()
    };
    let whole = ids(&read(
        s,
        org,
        &CaseQuery {
            limit: 100,
            from: PageFrom::Offset,
            ..q.clone()
        },
    ));
    assert_eq!(ids(&read(s, org, &q)), whole[7..]);
    let none = CaseQuery {
        status: Some(CaseStatus::Rejected),
        ..q.clone()
    };
    let page = read(s, org, &none);
    assert!(page.rows.is_empty() && page.first.is_none() && page.total == 0);
}

/// The rule: a page read from a row shows the rows that follow that row as the file is
/// now. A case added or removed on an earlier page moves no later row, so nothing is
/// shown twice or skipped (counting rows would show a row twice here); the page number
/// counts the pages moved, and is off by what was added before until Home or End.
#[test]
fn another_connections_writes_between_two_pages_skip_nothing_and_show_nothing_twice() {
    let room = varied_room(20);
    let (s, org) = (&room.store, room.org.id);
    let q = CaseQuery {
        limit: 5,
        descending: true,
        ..Default::default()
    };
    let first = read(s, org, &q);
    let second = read(
        s,
        org,
        &CaseQuery {
            from: PageFrom::After(Box::new(first.last.clone().unwrap())),
            ..q.clone()
        },
    );

    // Another process: two new cases (received today: the top of the list), one case of
    // the first page removed, and one case added far down (received long ago).
    let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
    for name in ["新甲", "新乙"] {
        other
            .create_case(org, &one_applicant(name, "新案"), "li", &now())
            .unwrap();
    }
    let old = other
        .create_case(org, &one_applicant("旧丙", "旧案"), "li", &now())
        .unwrap();
    other
        .conn
        .execute_batch(&format!(
            "UPDATE cases SET received_on = '2020-01-01' WHERE id = {};
             PRAGMA foreign_keys = OFF; DELETE FROM cases WHERE id = {}; PRAGMA foreign_keys = ON;",
            old.id.0, first.rows[1].id.0
        ))
        .unwrap();

    let third = read(
        s,
        org,
        &CaseQuery {
            from: PageFrom::After(Box::new(second.last.clone().unwrap())),
            ..q.clone()
        },
    );
    let now_whole = ids(&read(
        s,
        org,
        &CaseQuery {
            limit: 100,
            ..q.clone()
        },
    ));
    let at = now_whole
        .iter()
        .position(|id| *id == second.rows[4].id.0)
        .unwrap();
    assert_eq!(
        ids(&third),
        now_whole[at + 1..at + 6],
        "the five rows that follow"
    );
    let seen: Vec<i64> = [ids(&first), ids(&second)].concat();
    assert!(
        ids(&third).iter().all(|id| !seen.contains(id)),
        "nothing twice"
    );
    assert_eq!(third.total, 22);
    // Counting rows: the third page now starts one row earlier (two added, one removed).
    let counted = read(
        s,
        org,
        &CaseQuery {
            offset: 10,
            ..q.clone()
        },
    );
    assert_eq!(
        counted.rows[0].id, second.rows[4].id,
        "OFFSET shows a row twice"
    );
    assert!(!ids(&third).contains(&old.id.0) || now_whole[at + 1..at + 6].contains(&old.id.0));
    let _: CaseId = old.id;
}

/// Every read the list makes — from the start, by OFFSET, after and before a row, the
/// last page — is one index range in the list's order: no sort of the matching rows
/// (a temporary B-tree), and with the status filter the status is in the range.
#[test]
fn every_read_of_every_order_is_an_index_range_without_a_sort() {
    let room = varied_room(30);
    let (s, org) = (&room.store, room.org.id);
    for q in every_order(4) {
        let page = read(
            s,
            org,
            &CaseQuery {
                offset: 1,
                ..q.clone()
            },
        );
        let key = page.first.clone().unwrap();
        for from in [
            PageFrom::After(Box::new(key.clone())),
            PageFrom::Before(Box::new(key)),
            PageFrom::End,
        ] {
            read(s, org, &CaseQuery { from, ..q.clone() });
        }
        let reads = s.list_count.reads.take();
        assert!(reads.len() >= 4, "{q:?}");
        for (sql, params) in reads {
            let mut stmt = s
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(3))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let text = plan.join(" | ");
            assert!(!text.contains("TEMP B-TREE"), "{q:?}: {text}\n{sql}");
            assert!(
                text.contains("SEARCH cases USING INDEX"),
                "{q:?}: {text}\n{sql}"
            );
            // A 登记员's list asks of each case it passes whether they registered it;
            // gathering all their cases first (a LIST SUBQUERY) cost every page tens of ms.
            assert!(!text.contains("LIST SUBQUERY"), "{q:?}: {text}\n{sql}");
            if q.status.is_some() && q.registered_by.is_none() {
                // (Or the one case of a number: the room's numbers are unique.)
                let one = "sqlite_autoindex_cases_1 (org_id=? AND number_year=? AND number_seq=?)";
                let fixed =
                    text.contains("status=?") || text.contains("<expr>=?") || text.contains(one);
                assert!(
                    fixed,
                    "the status filter seeks its status: {q:?}: {text}\n{sql}"
                );
            }
        }
    }
}

/// A 登记员's count is read from the registrations (a file of one room), and agrees with
/// counting their cases, through another connection's registrations.
#[test]
fn a_clerks_count_is_their_registrations_and_follows_other_connections() {
    let mut room = varied_room(12);
    let org = room.org.id;
    let own = |who: &str| CaseQuery {
        registered_by: Some(who.to_string()),
        limit: 2,
        ..Default::default()
    };
    let real = |s: &Store, who: &str| -> u64 {
        s.conn
            .query_row(
                "SELECT count(*) FROM cases WHERE id IN (SELECT case_id FROM status_history
                 WHERE from_status IS NULL AND operator = ?1)",
                [who],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as u64
    };
    assert_eq!(read(&room.store, org, &own("wang")).total, 6);
    assert_eq!(
        read(&room.store, org, &own("li")).total,
        real(&room.store, "li")
    );
    let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
    other
        .create_case(org, &one_applicant("新甲", "新案"), "wang", &now())
        .unwrap();
    assert_eq!(read(&room.store, org, &own("wang")).total, 7);
    room.store
        .create_case(org, &one_applicant("新乙", "新案"), "li", &now())
        .unwrap();
    assert_eq!(
        read(&room.store, org, &own("li")).total,
        real(&room.store, "li")
    );
    assert_eq!(read(&room.store, org, &own("zhao")).total, 0);
}
