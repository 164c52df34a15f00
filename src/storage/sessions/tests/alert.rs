//! The today screen's alerts read only what can be due: by source, the police feedback of
//! the last days, and of the open cases long overdue at most `max` with a count of the
//! rest.

use super::{case, day, room};
use crate::domain::deadlines::{DeadlineKind, Limits, Urgency};
use crate::domain::source::Source;

#[test]
fn alerts_are_read_by_source_newest_first_and_the_rest_counted() {
    let mut r = room();
    let today = day("2026-11-28");
    // Ordinary limit 30 days, near 3: due on or before 12-01 means received by 11-01.
    let old = case(&mut r, "甲", "2026-09-01", Source::Application);
    let overdue = case(&mut r, "乙", "2026-10-20", Source::Application);
    let near = case(&mut r, "丙", "2026-11-01", Source::Police);
    let fresh = case(&mut r, "丁", "2026-11-02", Source::Application);
    // A petition has 60 days: received 10-01, due 11-30, near; received 10-20 is not yet.
    let petition = case(&mut r, "戊", "2026-10-01", Source::Petition);
    let calm = case(&mut r, "己", "2026-10-20", Source::Petition);
    // Police feedback is owed by a case of yesterday.
    let police = case(&mut r, "庚", "2026-11-27", Source::Police);
    let limits = Limits::default();
    let all = r.store.case_alerts(r.org.id, &limits, today).unwrap();
    let got: Vec<_> = all
        .iter()
        .map(|a| (a.case_id, a.deadline.kind, a.deadline.urgency))
        .collect();
    assert_eq!(
        got,
        vec![
            (overdue.id, DeadlineKind::CaseLimit, Urgency::Overdue(9)),
            (old.id, DeadlineKind::CaseLimit, Urgency::Overdue(58)),
            (police.id, DeadlineKind::PoliceFeedback, Urgency::DueToday),
            (petition.id, DeadlineKind::CaseLimit, Urgency::Near(2)),
            (near.id, DeadlineKind::CaseLimit, Urgency::Near(3)),
        ]
    );
    for quiet in [fresh.id, calm.id] {
        assert!(!got.iter().any(|g| g.0 == quiet), "{got:?}");
    }
    // What falls due from a week ago on is listed whole; of the open cases past their
    // limit by more than a week only `max`, those received last, and the rest counted.
    let (first, more) = r
        .store
        .case_alerts_first(r.org.id, &limits, today, 1)
        .unwrap();
    let limited: Vec<_> = first
        .iter()
        .filter(|a| a.deadline.kind == DeadlineKind::CaseLimit)
        .map(|a| a.case_id)
        .collect();
    assert_eq!(limited.len(), 3, "{first:?}");
    assert!(
        [near.id, petition.id, overdue.id]
            .iter()
            .all(|id| limited.contains(id))
    );
    assert_eq!(more, 1, "the old one is counted");
    assert!(
        first.iter().any(|a| a.case_id == police.id),
        "feedback is always read"
    );
    let (_, none) = r
        .store
        .case_alerts_first(r.org.id, &limits, today, 10)
        .unwrap();
    assert_eq!(none, 0);
}

#[test]
fn the_alert_queries_read_a_range_of_the_open_cases_index() {
    let r = room();
    let plan = |sql: &str| -> Vec<String> {
        let mut stmt = r
            .store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        stmt.query_map([], |row| row.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let due = "org_id = 1 AND status IN ('registered', 'accepted', 'mediating')
        AND received_on <= '2026-11-01' AND received_on <= CASE source
        WHEN 'court' THEN '2026-11-01' WHEN 'petition' THEN '2026-10-01' ELSE '2026-11-01' END";
    let rows = plan(&format!(
        "SELECT id, party_names FROM cases INDEXED BY cases_open_by_received WHERE {due}
         ORDER BY received_on DESC"
    ));
    assert!(
        rows.iter()
            .any(|p| p.contains("cases_open_by_received") && p.contains("received_on<")),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|p| p.contains("TEMP B-TREE")), "{rows:?}");
    let count = plan(&format!(
        "SELECT count(*) FROM cases INDEXED BY cases_open_by_received WHERE {due}"
    ));
    assert!(
        count
            .iter()
            .any(|p| p.contains("COVERING INDEX cases_open_by_received")),
        "{count:?}"
    );
}
