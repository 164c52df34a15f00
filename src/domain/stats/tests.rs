//! The counting rules on hand-made rows.

use super::*;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn row(id: i64) -> StatsCase {
    StatsCase {
        id: CaseId(id),
        category: Category::Neighbour,
        local: None,
        source: Source::Application,
        mediators: vec!["王调解".into()],
        persons_involved: 2,
        party_count: 2,
        amount_fen: None,
        risk_escalation: false,
        risk_group: false,
        accepted_on: Some(d("2026-10-05")),
        outcome: None,
        agreement: None,
    }
}

#[test]
fn acceptance_and_outcome_count_in_their_own_periods() {
    let mut a = row(1);
    a.outcome = Some((Outcome::Succeeded, d("2026-11-02")));
    a.amount_fen = Some(150_050);
    a.risk_escalation = true;
    let october = compute(Period::month_of(d("2026-10-01")), std::slice::from_ref(&a));
    assert_eq!(
        october.total.accepted,
        Tally {
            cases: 1,
            persons: 2
        }
    );
    assert_eq!(october.total.mediated, Tally::default());
    assert_eq!(october.total.success_permille(), None);
    let november = compute(Period::month_of(d("2026-11-01")), &[a]);
    assert_eq!(november.total.accepted, Tally::default());
    assert_eq!(
        november.total.succeeded,
        Tally {
            cases: 1,
            persons: 2
        }
    );
    assert_eq!(november.total.amount_fen, 150_050);
    assert_eq!(november.total.escalation_prevented.cases, 1);
    assert_eq!(november.total.success_permille(), Some(1000));
}

#[test]
fn a_terminated_case_is_mediated_but_prevents_nothing() {
    let mut a = row(1);
    a.outcome = Some((Outcome::Terminated, d("2026-10-20")));
    a.risk_group = true;
    a.persons_involved = 0;
    a.party_count = 3;
    let s = compute(Period::month_of(d("2026-10-01")), &[a]);
    assert_eq!(
        s.total.mediated,
        Tally {
            cases: 1,
            persons: 3
        }
    );
    assert_eq!(s.total.terminated.cases, 1);
    assert_eq!(s.total.group_prevented, Tally::default());
    assert_eq!(s.total.success_permille(), Some(0));
}

#[test]
fn rows_split_by_category_local_type_source_and_mediator() {
    let mut a = row(1);
    a.category = Category::Property;
    a.local = Some("供热".into());
    a.source = Source::Government;
    a.mediators = vec!["王调解".into(), "李调解".into()];
    let mut b = row(2);
    b.mediators.clear();
    b.accepted_on = Some(d("2025-01-01"));
    let s = compute(Period::year_of(d("2026-01-01")), &[a, b]);
    assert_eq!(s.by_category.len(), 15);
    let property = s.by_category.iter().find(|(c, _)| *c == Category::Property);
    assert_eq!(property.map(|(_, c)| c.accepted.cases), Some(1));
    assert_eq!(
        s.by_local,
        vec![(Category::Property, "供热".to_string(), s.total)]
    );
    let other = s
        .by_source
        .iter()
        .find(|(g, _)| *g == SourceGroup::OtherReferral);
    assert_eq!(other.map(|(_, c)| c.accepted.cases), Some(1));
    let names: Vec<_> = s.by_mediator.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["李调解", "王调解"]);
}

#[test]
fn rates_round_to_tenths_of_a_percent_and_rooms_add_up() {
    let mut c = Counts::default();
    c.mediated.cases = 3;
    c.succeeded.cases = 2;
    assert_eq!(c.success_permille(), Some(667));
    let mut total = Counts::default();
    total.merge(&c);
    total.merge(&c);
    assert_eq!(total.mediated.cases, 6);
    assert_eq!(total.success_permille(), Some(667));
}

#[test]
fn agreements_count_by_kind_and_their_items_give_the_amount() {
    use crate::domain::agreement::AgreementKind;
    let succeeded = |id, agreement| {
        let mut r = row(id);
        r.outcome = Some((Outcome::Succeeded, d("2026-11-02")));
        r.amount_fen = Some(100_000);
        r.agreement = agreement;
        r
    };
    let rows = [
        succeeded(1, Some((AgreementKind::Written, Some(300_000)))),
        succeeded(2, Some((AgreementKind::Oral, None))),
        succeeded(3, None),
    ];
    let november = compute(Period::month_of(d("2026-11-01")), &rows);
    assert_eq!(november.total.written_agreements, 1);
    assert_eq!(november.total.oral_agreements, 1);
    // The written agreement's items, then the case amounts where no item names one.
    assert_eq!(november.total.amount_fen, 300_000 + 100_000 + 100_000);
}
