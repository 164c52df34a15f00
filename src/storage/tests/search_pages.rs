//! A search's pages read from its kept hits (exact number and names first) or from a row
//! (a search that walks the list's order), against the pages read by counting rows, on
//! real temporary files; and no page from before a write, by this connection or another.

use super::super::*;
use crate::domain::case::{CasePage, CaseQuery, CaseSort, PageFrom};
use crate::domain::org::OrgId;
use crate::domain::status::CaseStatus;
use crate::storage::test_room::{TestRoom, now, one_applicant, open_room};

/// Names that make every kind of search: 王秀 is exactly some cases' name, and part of
/// others' names and facts; 王 is in most cases (a search that walks).
const NAMES: [&str; 6] = ["王秀", "王秀英", "李王秀", "王五", "张三", "王秀"];

/// A room of `n` cases whose sort values repeat (days, statuses, numbers with and
/// without, categories with and without a local sub-type), every other three registered
/// by wang, numbered 「（2025）调字第N号」 where they have a number.
fn searched_room(n: usize) -> TestRoom {
    let mut room = open_room();
    let org = room.org.id;
    for i in 0..n {
        let name = NAMES[i % NAMES.len()];
        let facts = ["邻里纠纷一事", "王秀家漏水一事", "欠款纠纷一事"][i % 3];
        let clerk = ["wang", "li"][(i / 3) % 2];
        let id = room
            .store
            .create_case(org, &one_applicant(name, facts), clerk, &now())
            .unwrap()
            .id;
        let year = (i % 5 != 0).then_some(2025 + (i % 2) as i64);
        let seq = year.map(|_| (i * 13 % 41) as i64);
        room.store
            .conn
            .execute(
                "UPDATE cases SET received_on = ?2, status = ?3, number_year = ?4,
                        number_seq = ?5, number_text = ?6, category = ?7, local_category = ?8
                 WHERE id = ?1",
                rusqlite::params![
                    id.0,
                    ["2026-11-01", "2026-11-02", "2026-11-03"][i % 3],
                    ["registered", "mediating", "accepted", "archived"][(i * 7) % 4],
                    year,
                    seq,
                    year.map(|y| format!("（{y}）调字第{}号", seq.unwrap_or(0) + i as i64 * 100)),
                    ["marriage", "neighbour", "other"][(i / 2) % 3],
                    [None, Some("甲"), Some("乙")][(i / 3) % 3],
                ],
            )
            .unwrap();
    }
    room.store.rebuild_search_index().unwrap();
    room
}

fn read(store: &Store, org: OrgId, q: &CaseQuery) -> CasePage {
    store.list_cases(org, q).unwrap()
}

fn ids(page: &CasePage) -> Vec<i64> {
    page.rows.iter().map(|r| r.id.0).collect()
}

/// Every search in every sort both ways, without and with a status filter, as everyone's
/// list and as a 登记员's.
fn every_search(texts: &[String], limit: u64) -> Vec<CaseQuery> {
    let mut out = Vec::new();
    for text in texts {
        for sort in CaseSort::ALL {
            for descending in [true, false] {
                for status in [None, Some(CaseStatus::Mediating)] {
                    for registered_by in [None, Some("wang".to_string())] {
                        out.push(CaseQuery {
                            text: text.clone(),
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
    }
    out
}

/// The pages of `q` read by counting rows, with nothing kept.
fn counted_pages(s: &Store, org: OrgId, q: &CaseQuery) -> (Vec<Vec<i64>>, u64) {
    s.search_memo.off.set(true);
    let whole = read(
        s,
        org,
        &CaseQuery {
            limit: 1000,
            ..q.clone()
        },
    );
    let limit = q.limit as usize;
    let pages: Vec<Vec<i64>> = ids(&whole).chunks(limit).map(<[i64]>::to_vec).collect();
    for (i, want) in pages.iter().enumerate() {
        let offset = CaseQuery {
            offset: (i * limit) as u64,
            ..q.clone()
        };
        assert_eq!(&ids(&read(s, org, &offset)), want, "OFFSET page {i}, {q:?}");
    }
    s.search_memo.off.set(false);
    (pages, whole.total)
}

#[test]
fn a_searchs_pages_read_by_key_are_the_pages_read_by_counting_rows() {
    let room = searched_room(47);
    let (s, org) = (&room.store, room.org.id);
    let number: String = s
        .conn
        .query_row(
            "SELECT number_text FROM cases WHERE number_text IS NOT NULL LIMIT 1 OFFSET 7",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // One word exact for some cases, single characters in many cases, two words, a
    // number, and a character found in every case (walked: listed as without it).
    let texts: Vec<String> = ["王秀", "王", "王秀 纠纷", &number, "秀", "漏水", "纠", "事"]
        .iter()
        .map(|t| t.to_string())
        .collect();
    let mut seen_pages = 0;
    // As a room of this size reads them (in their own order, a word in few cases); with
    // every search of one word walked, as in a big room; and with walks given up after
    // three cases, so that a search's pages come partly from walks and partly from its
    // hits read in the list's order.
    for (walk_from, long_walk) in [(None, None), (Some(1), None), (Some(1), Some(3))] {
        s.word_memo.walk_from.set(walk_from);
        s.word_memo.long_walk.set(long_walk);
        seen_pages += every_page_by_key(s, org, &texts);
    }
    s.word_memo.walk_from.set(None);
    s.word_memo.long_walk.set(None);
    assert!(seen_pages > 1000, "the searches find pages: {seen_pages}");
    // The exact number and names do come first.
    let q = CaseQuery {
        text: number.clone(),
        limit: 4,
        ..Default::default()
    };
    assert_eq!(read(s, org, &q).rows[0].number.as_deref(), Some(&*number));
    let q = CaseQuery {
        text: "王秀".into(),
        limit: 100,
        ..Default::default()
    };
    let names: Vec<String> = read(s, org, &q)
        .rows
        .into_iter()
        .map(|r| r.parties)
        .collect();
    let exact = names.iter().take_while(|n| *n == "王秀").count();
    let named = (0..47).filter(|i| NAMES[i % NAMES.len()] == "王秀").count();
    assert_eq!(exact, named, "{names:?}");
    assert!(names.len() > exact);
}

/// Paging a search reads its hits once; any write, by this connection or another
/// (another process, or the app's writer thread), reads them again, so the next page
/// shows the file as it is now.
#[test]
fn a_searchs_kept_hits_are_read_again_after_any_write() {
    let room = searched_room(30);
    let org = room.org.id;
    let q = CaseQuery {
        text: "王秀".into(),
        limit: 3,
        descending: true,
        ..Default::default()
    };
    let first = read(&room.store, org, &q);
    let second = read(
        &room.store,
        org,
        &CaseQuery {
            offset: 3,
            from: PageFrom::After(Box::new(first.last.clone().unwrap())),
            ..q.clone()
        },
    );
    let end = CaseQuery {
        from: PageFrom::End,
        ..q.clone()
    };
    read(&room.store, org, &end);
    assert_eq!(room.store.search_memo.reads.get(), 1, "hits read once");

    // Another connection registers a case of exactly 王秀, received today: it comes
    // first (newest first among the exact names).
    let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
    let new = other
        .create_case(org, &one_applicant("王秀", "新案"), "li", &now())
        .unwrap();
    let home = read(&room.store, org, &q);
    assert_eq!(home.rows[0].id, new.id, "the new case first");
    assert_eq!(home.total, first.total + 1);
    assert_eq!(room.store.search_memo.reads.get(), 2);

    // This connection moves a case of the second page to 调解中: its next page shows it
    // so, and it follows the row it was read from.
    let moved = second.rows[1].id;
    room.store
        .conn
        .execute(
            "UPDATE cases SET status = 'mediating' WHERE id = ?1",
            [moved.0],
        )
        .unwrap();
    let again = read(
        &room.store,
        org,
        &CaseQuery {
            offset: 3,
            from: PageFrom::After(Box::new(first.last.clone().unwrap())),
            ..q.clone()
        },
    );
    assert_eq!(ids(&again), ids(&second), "the rows after the same row");
    assert_eq!(again.rows[1].status, CaseStatus::Mediating, "as it is now");
    assert_eq!(room.store.search_memo.reads.get(), 3);

    // Another connection renames a case so that 王秀 no longer finds it.
    let gone = second.rows[0].id;
    other
        .conn
        .execute_batch(&format!(
            "UPDATE parties SET name = '赵六' WHERE case_id = {0};
             UPDATE cases SET party_names = '赵六', facts = '别的事' WHERE id = {0};",
            gone.0
        ))
        .unwrap();
    other.rebuild_search_index().unwrap();
    let after = read(
        &room.store,
        org,
        &CaseQuery {
            offset: 3,
            from: PageFrom::After(Box::new(first.last.clone().unwrap())),
            ..q.clone()
        },
    );
    assert!(!ids(&after).contains(&gone.0), "no longer found");
    assert_eq!(after.total, first.total);
}

/// A search that walks (秀, in most of the cases; walked from 10 hits here) keeps its
/// word's cases while the file is the same, and reads them again after another
/// connection's write: the new case is on the next page read, and the count follows.
#[test]
fn a_walked_searchs_kept_cases_are_read_again_after_another_connections_write() {
    let room = searched_room(30);
    let (s, org) = (&room.store, room.org.id);
    s.word_memo.walk_from.set(Some(10));
    let q = CaseQuery {
        text: "秀".into(),
        limit: 3,
        descending: true,
        ..Default::default()
    };
    let first = read(s, org, &q);
    let next = CaseQuery {
        offset: 3,
        from: PageFrom::After(Box::new(first.last.clone().unwrap())),
        ..q.clone()
    };
    let second = read(s, org, &next);
    read(
        s,
        org,
        &CaseQuery {
            from: PageFrom::End,
            ..q.clone()
        },
    );
    assert_eq!(s.word_memo.reads.get(), 1, "the word's cases read once");

    let mut other = Store::open(&room.dir.path().join("room.db")).unwrap();
    let new = other
        .create_case(org, &one_applicant("李秀", "新案"), "li", &now())
        .unwrap();
    let home = read(s, org, &q);
    assert_eq!(
        home.rows[0].id, new.id,
        "the new case, received today, first"
    );
    assert_eq!(home.total, first.total + 1);
    assert_eq!(s.word_memo.reads.get(), 2);
    // The page after the same row is the same rows: the new case is before it.
    assert_eq!(ids(&read(s, org, &next)), ids(&second));
}

/// Reads every page of every search from a row, forwards and backwards, and by number,
/// each against the page read by counting rows; returns how many pages it read.
fn every_page_by_key(s: &Store, org: OrgId, texts: &[String]) -> usize {
    let mut seen_pages = 0;
    for q in every_search(texts, 4) {
        let (pages, total) = counted_pages(s, org, &q);
        // Forwards from the first page, each page from the last row of the one before.
        let mut page = read(s, org, &q);
        for (i, want) in pages.iter().enumerate() {
            assert_eq!(&ids(&page), want, "page {i} after a row, {q:?}");
            assert_eq!(page.total, total, "{q:?}");
            let after = PageFrom::After(Box::new(page.last.clone().unwrap()));
            page = read(
                s,
                org,
                &CaseQuery {
                    offset: (i as u64 + 1) * q.limit,
                    from: after,
                    ..q.clone()
                },
            );
            seen_pages += 1;
        }
        assert!(page.rows.is_empty(), "nothing after the last page, {q:?}");
        // Backwards from the last page, each page from the first row of the one after.
        let last = (pages.len() as u64).saturating_sub(1) * q.limit;
        let mut page = read(
            s,
            org,
            &CaseQuery {
                offset: last,
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
                    offset: (i as u64).saturating_sub(1) * q.limit,
                    from: before,
                    ..q.clone()
                },
            );
        }
        assert!(page.rows.is_empty(), "nothing before the first page, {q:?}");
        // A page by its number (a window resized in the middle) is the same page too.
        for (i, want) in pages.iter().enumerate() {
            let offset = CaseQuery {
                offset: i as u64 * q.limit,
                ..q.clone()
            };
            assert_eq!(&ids(&read(s, org, &offset)), want, "page {i}, {q:?}");
        }
    }
    seen_pages
}

/// A walk that passes too many cases without filling its page reads the search's hits in
/// the list's order once; the next pages come from them, with no walk, until a write.
#[test]
fn a_long_walk_reads_the_hits_in_the_lists_order_once_and_pages_from_them() {
    let room = searched_room(30);
    let (s, org) = (&room.store, room.org.id);
    s.word_memo.walk_from.set(Some(10));
    s.word_memo.long_walk.set(Some(2));
    let q = CaseQuery {
        text: "秀".into(),
        limit: 4,
        descending: true,
        ..Default::default()
    };
    let first = read(s, org, &q);
    assert_eq!(
        s.search_memo.reads.get(),
        1,
        "the hits read in the list's order"
    );
    s.list_count.reads.take();
    let second = read(
        s,
        org,
        &CaseQuery {
            offset: 4,
            from: PageFrom::After(Box::new(first.last.clone().unwrap())),
            ..q.clone()
        },
    );
    assert_eq!(s.search_memo.reads.get(), 1, "kept");
    let walked = s.list_count.reads.take();
    assert!(
        walked
            .iter()
            .all(|(sql, _)| !sql.starts_with("SELECT id FROM")),
        "no walk: {walked:?}"
    );
    s.search_memo.off.set(true);
    let counted = read(
        s,
        org,
        &CaseQuery {
            offset: 4,
            ..q.clone()
        },
    );
    assert_eq!(ids(&second), ids(&counted));
}
