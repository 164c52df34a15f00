//! Search and statistics on a large room: list-search latency (first page and its count)
//! for words of 1, 2, 3 and 6 characters, pinyin initials and full pinyin, two-word mixes,
//! a status-filtered search; a year's and a month's statistics; re-indexing one edited case.
//!
//! `cargo bench --bench search` (full: 100,000 cases);
//! `TIAOJIE_BENCH_QUICK=1 cargo bench --bench search` (quick: 2,000 cases, few runs).

#[path = "support/bench.rs"]
mod bench;

use bench::{Sample, demo_db, print_table, quick, time_ms};
use chrono::Datelike;
use tiaojie::domain::case::{CaseQuery, CaseSort};
use tiaojie::domain::stats::compute;
use tiaojie::domain::stats::period::Period;
use tiaojie::domain::status::CaseStatus;
use tiaojie::storage::Store;

fn main() {
    let cases = if quick() { 2_000 } else { 100_000 };
    let runs = if quick() { 3 } else { 21 };
    let (_dir, db) = demo_db(cases);
    let mut store = Store::open(&db).expect("open");
    let org = store.organisation().expect("read").expect("demo room").id;
    let ids = store.case_ids(org).expect("ids");
    let sample = store.load_case(ids[ids.len() / 2]).expect("a case");
    let facts: Vec<char> = sample.fields.facts.chars().collect();
    let piece = |from: usize, len: usize| facts.iter().skip(from).take(len).collect::<String>();
    let name = sample.fields.parties[0].name.clone();
    let initials = tiaojie::domain::search::pinyin_keys(&name)
        .into_iter()
        .min_by_key(String::len)
        .unwrap_or_default();
    let full = tiaojie::domain::search::pinyin_keys(&name)
        .into_iter()
        .max_by_key(String::len)
        .unwrap_or_default();
    let page = CaseQuery {
        sort: CaseSort::Received,
        descending: true,
        limit: 16,
        ..Default::default()
    };
    let mut samples: Vec<Sample> = Vec::new();
    let mut search = |label: String, text: String, status: Option<CaseStatus>| {
        let q = CaseQuery {
            text: text.clone(),
            status,
            ..page.clone()
        };
        let total = store.list_cases(org, &q).expect("search").total;
        samples.push(time_ms(
            &format!("{label} 「{text}」 ({total} found)"),
            runs,
            || {
                store.list_cases(org, &q).expect("search");
            },
        ));
    };
    search("1 character".into(), piece(2, 1), None);
    search(
        "1 character, a surname".into(),
        name.chars().take(1).collect(),
        None,
    );
    search("2 characters".into(), piece(2, 2), None);
    search("3 characters".into(), piece(2, 3), None);
    search("6 characters".into(), piece(2, 6), None);
    search("a name".into(), name.clone(), None);
    search("pinyin initials".into(), initials.clone(), None);
    search("full pinyin".into(), full, None);
    search(
        "pinyin + 2 characters".into(),
        format!("{initials} {}", piece(2, 2)),
        None,
    );
    search(
        "2 characters, only 调解中".into(),
        piece(2, 2),
        Some(CaseStatus::Mediating),
    );
    search(
        "a phone's last 4 digits".into(),
        sample.fields.parties[0]
            .phone
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect(),
        None,
    );
    let today = bench::room_now().date_naive();
    for (label, period) in [
        ("statistics: this year", Period::year_of(today)),
        (
            "statistics: last year",
            Period::year_of(today.with_year(today.year() - 1).unwrap_or(today)),
        ),
        ("statistics: this month", Period::month_of(today)),
    ] {
        samples.push(time_ms(label, runs, || {
            let rows = store.stats_cases(org, &period).expect("stats");
            std::hint::black_box(compute(period, &rows));
        }));
    }
    let year = Period::year_of(today);
    samples.push(time_ms(
        "statistics: this year, reading the rows only",
        runs,
        || {
            std::hint::black_box(store.stats_cases(org, &year).expect("stats"));
        },
    ));
    let now = bench::room_now();
    let mut case = sample.clone();
    samples.push(time_ms(
        "save an edited case (re-index in the same transaction)",
        runs,
        || {
            case.fields.facts.push('改');
            case = store
                .update_case(case.id, case.version, &case.fields, &now)
                .expect("save");
        },
    ));
    print_table(&format!("search and statistics, {cases} cases"), &samples);
}
