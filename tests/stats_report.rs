//! The statistics of the hand-counted fixture room (tests/stats_fixture), read from a real
//! SQLite file and counted, for a month, the next month, a quarter and a year.

mod stats_fixture;

use stats_fixture::{build, day};
use tiaojie::domain::category::Category;
use tiaojie::domain::stats::period::Period;
use tiaojie::domain::stats::{SourceGroup, Stats, Tally, compute};
use tiaojie::storage::Store;

fn stats(period: Period) -> Stats {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let (org, _) = build(&mut store);
    compute(period, &store.stats_cases(org.id, &period).unwrap())
}

fn t(cases: u64, persons: u64) -> Tally {
    Tally { cases, persons }
}

#[test]
fn october_matches_the_hand_count() {
    let s = stats(Period::month_of(day("2026-10-15")));
    assert_eq!(s.total.accepted, t(4, 11));
    assert_eq!(s.total.mediated, t(4, 9));
    assert_eq!(s.total.succeeded, t(3, 5));
    assert_eq!(s.total.terminated, t(1, 4));
    assert_eq!(s.total.success_permille(), Some(750));
    assert_eq!(s.total.amount_fen, 1_700_050);
    assert_eq!(s.total.escalation_prevented, t(1, 2));
    assert_eq!(s.total.group_prevented, t(1, 2));
}

#[test]
fn october_splits_by_category_source_and_mediator() {
    let s = stats(Period::month_of(day("2026-10-15")));
    let cat = |c: Category| s.by_category.iter().find(|(k, _)| *k == c).unwrap().1;
    assert_eq!(cat(Category::Neighbour).accepted, t(1, 2));
    assert_eq!(cat(Category::Neighbour).succeeded, t(2, 3));
    assert_eq!(cat(Category::Marriage).accepted, t(1, 3));
    assert_eq!(cat(Category::Marriage).mediated, t(0, 0));
    assert_eq!(cat(Category::Property).group_prevented, t(1, 2));
    assert_eq!(cat(Category::Contract).terminated, t(1, 4));
    assert_eq!(s.by_local.len(), 1);
    assert_eq!(
        (s.by_local[0].0, s.by_local[0].1.as_str()),
        (Category::Property, "供热")
    );
    assert_eq!(s.by_local[0].2.succeeded, t(1, 2));
    let src = |g: SourceGroup| s.by_source.iter().find(|(k, _)| *k == g).unwrap().1;
    assert_eq!(src(SourceGroup::Application).accepted, t(1, 2));
    assert_eq!(src(SourceGroup::Police).accepted, t(1, 3));
    assert_eq!(src(SourceGroup::Initiative).succeeded, t(1, 2));
    assert_eq!(src(SourceGroup::Court).terminated, t(1, 4));
    assert_eq!(src(SourceGroup::Petition).succeeded, t(1, 1));
    assert!(src(SourceGroup::OtherReferral).is_empty());
    let names: Vec<_> = s.by_mediator.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["李调解", "王调解"]);
    let (li, wang) = (s.by_mediator[0].1, s.by_mediator[1].1);
    assert_eq!(
        (wang.accepted, wang.mediated, wang.succeeded),
        (t(3, 8), t(3, 8), t(2, 4))
    );
    assert_eq!(
        (li.accepted, li.mediated, li.succeeded),
        (t(2, 5), t(2, 3), t(2, 3))
    );
}

#[test]
fn the_next_month_quarter_and_year_match_the_hand_count() {
    let nov = stats(Period::month_of(day("2026-11-01")));
    assert_eq!(nov.total.accepted, t(0, 0));
    assert_eq!(nov.total.succeeded, t(1, 3));
    assert_eq!(nov.total.success_permille(), Some(1000));
    let q4 = stats(Period::quarter_of(day("2026-11-01")));
    assert_eq!((q4.total.accepted, q4.total.mediated), (t(4, 11), t(5, 12)));
    let year = stats(Period::year_of(day("2026-11-01")));
    assert_eq!(year.total.accepted, t(5, 12));
    assert_eq!(year.total.mediated, t(5, 12));
    assert_eq!(year.total.succeeded, t(4, 8));
    let sept = stats(Period::month_of(day("2026-09-01")));
    assert_eq!(
        (sept.total.accepted, sept.total.mediated),
        (t(1, 1), t(0, 0))
    );
}
