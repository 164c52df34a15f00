//! The summary against the full count: after any sequence of writes, every period's table
//! from the summary is the one counted from the cases.

use super::super::Store;
use super::spans;
use crate::domain::case::{Case, CaseFields};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile, Organisation};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::source::Source;
use crate::domain::stats::compute;
use crate::domain::stats::period::Period;
use crate::domain::status::CaseStatus;
use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One write of the sequence.
#[derive(Debug, Clone)]
enum Op {
    /// Register a case: category, source, persons, amount, received so many days in.
    Register(usize, usize, u32, Option<i64>, u64),
    /// Move case i one step along the flow, on day n of the period (succeeded or
    /// terminated where the flow forks).
    Step(usize, u64, bool),
    /// Edit case i: category, persons, risk flags, a local sub-type.
    Edit(usize, usize, u32, bool, bool, bool),
    /// Give case i a stored agreement (written or oral) with an item of this amount.
    Agree(usize, bool, Option<i64>),
    /// Take case i's agreement away.
    Unagree(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            0..15usize,
            0..7usize,
            0..4u32,
            proptest::option::of(0..100_000i64),
            0..400u64
        )
            .prop_map(|(c, s, p, a, day)| Op::Register(c, s, p, a, day)),
        (0..12usize, 0..400u64, any::<bool>()).prop_map(|(i, n, ok)| Op::Step(i, n, ok)),
        (
            0..12usize,
            0..15usize,
            0..4u32,
            any::<bool>(),
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(i, c, p, e, g, l)| Op::Edit(i, c, p, e, g, l)),
        (
            0..12usize,
            any::<bool>(),
            proptest::option::of(0..50_000i64)
        )
            .prop_map(|(i, w, a)| Op::Agree(i, w, a)),
        (0..12usize).prop_map(Op::Unagree),
    ]
}

const START: &str = "2026-01-01";

fn at(day: u64, offset: i32) -> DateTime<FixedOffset> {
    let date = d(START).checked_add_days(Days::new(day)).unwrap();
    let zone = FixedOffset::east_opt(offset * 3600).unwrap();
    date.and_hms_opt(23, 30, 0)
        .unwrap()
        .and_local_timezone(zone)
        .unwrap()
}

fn fields(
    category: usize,
    source: usize,
    persons: u32,
    amount: Option<i64>,
    day: u64,
) -> CaseFields {
    let mut f = CaseFields::blank(d(START).checked_add_days(Days::new(day)).unwrap());
    f.source = [
        Source::Initiative,
        Source::Application,
        Source::Police,
        Source::Court,
        Source::Petition,
        Source::Government,
        Source::Other,
    ][source % 7];
    f.category = CaseCategory {
        national: Category::ALL[category % Category::ALL.len()],
        local: None,
    };
    f.referrer_unit = "新华派出所".into();
    f.facts = "楼上漏水".into();
    f.amount_fen = amount;
    f.persons_involved = persons;
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = "张三".into();
    let mut q = Party::new(PartyRole::Respondent, PartyKind::Person);
    q.name = "李四".into();
    f.parties = vec![p, q];
    f
}

fn apply(store: &mut Store, org: &Organisation, cases: &mut Vec<Case>, op: &Op) {
    let me = store.mediators(org.id).unwrap()[0].id;
    let pick = |cases: &Vec<Case>, i: usize| (!cases.is_empty()).then(|| cases[i % cases.len()].id);
    match op {
        Op::Register(c, s, p, a, day) => {
            let f = fields(*c, *s, *p, *a, *day);
            let case = store.create_case(org.id, &f, "wang", &at(*day, 8)).unwrap();
            cases.push(case);
        }
        Op::Step(i, n, ok) => {
            let Some(id) = pick(cases, *i) else { return };
            let case = store.load_case(id).unwrap();
            let to = match case.status {
                CaseStatus::Registered => CaseStatus::Accepted,
                CaseStatus::Accepted => CaseStatus::Mediating,
                CaseStatus::Mediating if *ok => CaseStatus::Succeeded,
                CaseStatus::Mediating => CaseStatus::Terminated,
                _ => return,
            };
            // Some changes recorded in another zone: the day is the one written.
            let when = at(*n, if n % 3 == 0 { -5 } else { 8 });
            let _ = store.change_status(
                org,
                id,
                case.version,
                to,
                "当事人同意",
                &[me],
                "wang",
                &when,
            );
        }
        Op::Edit(i, c, p, e, g, l) => {
            let Some(id) = pick(cases, *i) else { return };
            let case = store.load_case(id).unwrap();
            let mut f = case.fields.clone();
            f.category.national = Category::ALL[c % Category::ALL.len()];
            f.category.local = l.then(|| "彩礼".to_string());
            f.persons_involved = *p;
            f.risk_escalation = *e;
            f.risk_group = *g;
            let _ = store.update_case(id, case.version, &f, &at(400, 8));
        }
        Op::Agree(i, written, amount) => {
            let Some(id) = pick(cases, *i) else { return };
            let kind = if *written { "written" } else { "oral" };
            store
                .write(|tx| {
                    tx.execute("DELETE FROM agreements WHERE case_id = ?1", [id.0])?;
                    tx.execute(
                        "INSERT INTO agreements (case_id, kind, status, created_at, updated_at)
                         VALUES (?1, ?2, 'signed', '2026-01-01', '2026-01-01')",
                        rusqlite::params![id.0, kind],
                    )?;
                    tx.execute(
                        "INSERT INTO agreement_items (case_id, seq, what, amount_fen)
                         VALUES (?1, 0, '赔偿', ?2)",
                        rusqlite::params![id.0, amount],
                    )?;
                    Ok(())
                })
                .unwrap();
        }
        Op::Unagree(i) => {
            let Some(id) = pick(cases, *i) else { return };
            store
                .write(|tx| {
                    tx.execute("DELETE FROM agreements WHERE case_id = ?1", [id.0])?;
                    Ok(())
                })
                .unwrap();
        }
    }
}

fn periods() -> Vec<Period> {
    vec![
        Period::year_of(d("2026-06-01")),
        Period::month_of(d("2026-03-15")),
        Period::quarter_of(d("2026-11-15")),
        Period::range(d("2026-02-17"), d("2026-05-03")),
        Period::range(d("2026-12-31"), d("2027-01-31")),
        Period::range(d("2026-04-09"), d("2026-04-09")),
    ]
}

fn assert_same(store: &Store, org: &Organisation) {
    for period in periods() {
        let counted = compute(period, &store.stats_cases(org.id, &period).unwrap());
        assert_eq!(store.stats(org.id, &period).unwrap(), counted, "{period:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn after_any_writes_the_summary_is_the_counted_table(ops in proptest::collection::vec(op(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("room.db")).unwrap();
        let profile = OrgProfile {
            room_name: "老王调解工作室".into(),
            committee_name: "新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: DEFAULT_NUMBER_PATTERN.into(),
        };
        let org = store.create_organisation(&profile, "王调解", &at(0, 8)).unwrap();
        let mut cases = Vec::new();
        for op in &ops {
            apply(&mut store, &org, &mut cases, op);
        }
        assert_same(&store, &org);
        // Made again from nothing, it is the same.
        store.rebuild_stats_summary().unwrap();
        assert_same(&store, &org);
        // Another zone for the room moves the days the changes count on; the summary
        // moves with them.
        store.set_setting(org.id, super::super::zone::ZONE_KEY, "-05:00").unwrap();
        assert_same(&store, &org);
    }
}

#[test]
fn a_period_is_whole_months_and_the_days_at_either_end() {
    assert_eq!(
        spans(d("2026-01-01"), d("2026-12-31")),
        vec![("m", d("2026-01-01"), d("2026-12-01"))]
    );
    assert_eq!(
        spans(d("2026-02-17"), d("2026-05-03")),
        vec![
            ("d", d("2026-02-17"), d("2026-02-28")),
            ("m", d("2026-03-01"), d("2026-04-01")),
            ("d", d("2026-05-01"), d("2026-05-03")),
        ]
    );
    assert_eq!(
        spans(d("2026-04-09"), d("2026-04-09")),
        vec![("d", d("2026-04-09"), d("2026-04-09"))]
    );
}

#[test]
fn a_case_mediated_to_success_counts_in_its_year_and_leaves_when_edited_away() {
    let ops = [
        Op::Register(0, 2, 2, Some(5_000), 10),
        Op::Step(0, 11, true),
        Op::Step(0, 12, true),
        Op::Step(0, 40, true),
        Op::Agree(0, true, Some(7_000)),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王调解", &at(0, 8))
        .unwrap();
    let mut cases = Vec::new();
    for op in &ops {
        apply(&mut store, &org, &mut cases, op);
    }
    let year = Period::year_of(d("2026-06-01"));
    let stats = store.stats(org.id, &year).unwrap();
    assert_eq!(stats.total.accepted.cases, 1);
    assert_eq!(stats.total.succeeded.cases, 1);
    assert_eq!(stats.total.succeeded.persons, 2);
    assert_eq!(stats.total.amount_fen, 7_000);
    assert_eq!(stats.total.written_agreements, 1);
    assert_same(&store, &org);
    apply(
        &mut store,
        &org,
        &mut cases,
        &Op::Edit(0, 3, 5, true, false, true),
    );
    let stats = store.stats(org.id, &year).unwrap();
    assert_eq!(stats.total.succeeded.persons, 5);
    assert_eq!(stats.by_category[0].1, Default::default());
    assert_same(&store, &org);
}

/// Each case's history is read by its case, never by walking every change of a kind.
#[test]
fn a_case_is_counted_from_its_own_history_rows() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("room.db")).unwrap();
    let plan: Vec<String> = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {}", super::CASE_NOW))
        .unwrap()
        .query_map([], |r| r.get(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        !plan.iter().any(|p| p.contains("status_history_by_time")),
        "{plan:?}"
    );
}

/// A case accepted at 23:30 on 31 January in a zone five hours behind UTC is accepted on
/// 1 February in Beijing: when the room changes its zone, the month it counts in moves.
#[test]
fn a_change_of_the_rooms_zone_moves_the_month_a_change_counts_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王调解", &at(0, 8))
        .unwrap();
    let mut cases = Vec::new();
    // Registered on 11 January; accepted on day 30 (31 January), written at UTC−5.
    for op in [Op::Register(0, 0, 2, None, 10), Op::Step(0, 30, true)] {
        apply(&mut store, &org, &mut cases, &op);
    }
    let (jan, feb) = (
        Period::month_of(d("2026-01-15")),
        Period::month_of(d("2026-02-15")),
    );
    let accepted = |store: &Store, p: &Period| store.stats(org.id, p).unwrap().total.accepted.cases;
    assert_eq!((accepted(&store, &jan), accepted(&store, &feb)), (0, 1));
    store
        .set_setting(org.id, super::super::zone::ZONE_KEY, "-05:00")
        .unwrap();
    assert_eq!((accepted(&store, &jan), accepted(&store, &feb)), (1, 0));
    assert_same(&store, &org);
}
