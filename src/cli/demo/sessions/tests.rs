//! The demo's sessions fit their cases: none before acceptance, the deciding session on the
//! day of the agreement, nothing planned in the past, no mediator or room booked twice.

use crate::cli::demo::fill_demo;
use crate::domain::conflicts::overlaps;
use crate::domain::session::{SessionKind, SessionStatus};
use crate::domain::status::CaseStatus;
use crate::storage::{SessionFilter, Store};
use chrono::{DateTime, NaiveDate};

#[test]
fn demo_sessions_fit_each_case_and_never_double_book() {
    let now = DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    let report = fill_demo(&mut store, 200, 7, now).unwrap();
    assert!(report.sessions > 100, "{}", report.sessions);
    assert!(report.follow_ups > 10, "{}", report.follow_ups);
    let org = store.organisation().unwrap().unwrap();
    let mut all = Vec::new();
    for id in store.case_ids(org.id).unwrap() {
        let case = store.load_case(id).unwrap();
        let sessions = store.sessions_of_case(id).unwrap();
        match case.status {
            CaseStatus::Registered | CaseStatus::Rejected => assert!(sessions.is_empty()),
            CaseStatus::Accepted | CaseStatus::Mediating => {
                assert!(sessions.iter().any(|s| s.status == SessionStatus::Planned))
            }
            CaseStatus::Succeeded => {
                let agreed = case.history.last().unwrap().at.date_naive();
                assert!(
                    sessions.iter().any(|s| s.fields.date() == agreed
                        && s.fields.kind == SessionKind::Mediation
                        && s.status == SessionStatus::Held
                        && !s.record.notes.is_empty()),
                    "{case:?}"
                );
            }
            _ => {}
        }
        for s in &sessions {
            if s.status == SessionStatus::Planned {
                assert!(s.fields.date() >= now.date_naive(), "{s:?}");
            }
            assert_eq!(s.fields.mediators, case.mediators);
        }
        all.extend(sessions);
    }
    let busy: Vec<_> = all.iter().filter(|s| s.status.occupies_time()).collect();
    for (i, a) in busy.iter().enumerate() {
        for b in &busy[i + 1..] {
            if !overlaps(
                (&a.fields.start, &a.fields.end),
                (&b.fields.start, &b.fields.end),
            ) {
                continue;
            }
            let same_room = a.fields.place_is_room && a.fields.place == b.fields.place;
            let same_mediator = a
                .fields
                .mediators
                .iter()
                .any(|m| b.fields.mediators.contains(m));
            assert!(!same_room && !same_mediator, "{a:?}\n{b:?}");
        }
    }
    let week = store
        .sessions_in_range(
            org.id,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            &SessionFilter::default(),
        )
        .unwrap();
    assert!(!week.is_empty(), "the coming week has sessions to show");
}
