//! A search's page keys on the case list, as `update::list` asks them
//! (`TIAOJIE_BENCH_PARTS=search`; the storage part includes them).

use super::bench::{Sample, time_ms};
use std::path::Path;
use tiaojie::domain::case::{CaseQuery, CaseSort, PageFrom};
use tiaojie::storage::Store;

/// Only the page keys of a search (`TIAOJIE_BENCH_PARTS=search`; `storage` includes them).
pub(crate) fn search_samples(db: &Path, runs: usize) -> Vec<Sample> {
    let store = Store::open(db).expect("open");
    let org = store.organisation().expect("read").expect("demo room").id;
    let page = CaseQuery {
        sort: CaseSort::Received,
        descending: true,
        limit: 16,
        ..Default::default()
    };
    search_key_samples(&store, org, &page, runs)
}

/// What the list's page keys read while a search is on, as `update::list` asks them
/// (the place `offset` and the row `from` together): the first page (Home), PgDn from it
/// (and ↓ past its last row, the same read), PgDn from a page in the middle, End, PgUp
/// from the end (and ↑ past the first row), in every sort both ways. In the demo room of
/// 100,000 cases: 王秀 is found in 137 cases, some of them exactly 王秀 (these come
/// first); 王 in 17,911 (walked in the list's order); 巴特尔 in 342 and 宅基地 in 2,700
/// (at a million cases, ten times that: 巴特尔 is read in its own order, 宅基地 walked).
pub(crate) fn search_key_samples(
    store: &Store,
    org: tiaojie::domain::org::OrgId,
    page: &CaseQuery,
    runs: usize,
) -> Vec<Sample> {
    let mut out = Vec::new();
    for text in ["王秀", "王", "巴特尔", "宅基地"] {
        // A new search's first page, as the search worker reads it after the file
        // changed (a store of its own per run: nothing kept from the run before); and
        // its first page sorted by category (its first page read so, with the word's
        // cases kept: where they lie together, the walk gives up and the hits are read
        // in the list's order).
        let q = CaseQuery {
            text: text.into(),
            ..page.clone()
        };
        let fresh: Vec<Store> = (0..=runs)
            .map(|_| Store::open(store.path()).expect("open"))
            .collect();
        let mut next = fresh.iter();
        out.push(time_ms(
            &format!("search {text}: first page of a new search (hits read)"),
            runs,
            || {
                let s = next.next().expect("a store per run");
                s.list_cases(org, &q).expect("list");
            },
        ));
        let by_category = CaseQuery {
            sort: CaseSort::Category,
            ..q.clone()
        };
        let mut next = fresh.iter();
        out.push(time_ms(
            &format!("search {text}: sorted by category, first time"),
            runs,
            || {
                let s = next.next().expect("a store per run");
                s.list_cases(org, &by_category).expect("list");
            },
        ));
        for sort in CaseSort::ALL {
            for descending in [true, false] {
                let q = CaseQuery {
                    sort,
                    descending,
                    text: text.into(),
                    ..page.clone()
                };
                let first = store.list_cases(org, &q).expect("list");
                let total = first.total;
                let last_offset = total.saturating_sub(1) / 16 * 16;
                let middle_offset = total / 2 / 16 * 16;
                // The middle page, read once by counting rows: PgDn reads from its last row.
                let middle = CaseQuery {
                    offset: middle_offset,
                    ..q.clone()
                };
                let at = store.list_cases(org, &middle).expect("list");
                let end = CaseQuery {
                    offset: last_offset,
                    from: PageFrom::End,
                    ..q.clone()
                };
                let last = store.list_cases(org, &end).expect("list");
                let name = format!("{text} {sort:?}{}", if descending { "↓" } else { "↑" });
                let keyed = |key: &str, offset: u64, from: PageFrom| {
                    let q = CaseQuery {
                        offset,
                        from,
                        ..q.clone()
                    };
                    time_ms(&format!("search {name}: {key}"), runs, || {
                        store.list_cases(org, &q).expect("list");
                    })
                };
                out.push(keyed("Home (first page)", 0, PageFrom::Offset));
                out.push(keyed("PgDn from the first page", 16, after(&first)));
                out.push(keyed(
                    "PgDn from the middle",
                    middle_offset + 16,
                    after(&at),
                ));
                out.push(keyed("End", last_offset, PageFrom::End));
                let before = last
                    .first
                    .clone()
                    .map_or(PageFrom::Offset, |k| PageFrom::Before(Box::new(k)));
                out.push(keyed(
                    "PgUp from the end",
                    last_offset.saturating_sub(16),
                    before,
                ));
            }
        }
    }
    out
}

/// PgDn's read from a page: after its last row.
fn after(page: &tiaojie::domain::case::CasePage) -> PageFrom {
    page.last
        .clone()
        .map_or(PageFrom::Offset, |k| PageFrom::After(Box::new(k)))
}
