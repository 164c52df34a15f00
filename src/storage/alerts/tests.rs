//! The alerts of a varied room (a demo room: open cases of every source, police referrals,
//! agreements confirmed or not, visited or not) are exactly what reading every recent
//! agreement with its case row gives, the straightforward way the today screen first read
//! them.

use super::*;
use crate::domain::deadlines::{CaseClock, attention};

/// A case's id, label, parties, agreement day, visited, applied, received on, source.
type WholeRow = (i64, String, String, String, bool, bool, String, String);

/// Today's agreement alerts the straightforward way: every recent 调解成功 joined to its
/// case, its agreement and its visits, each case's earliest day kept.
pub(super) fn agreement_alerts_read_whole(
    store: &Store,
    org: OrgId,
    limits: &Limits,
    today: NaiveDate,
) -> Vec<CaseAlert> {
    let window = u64::from(limits.confirmation_days.max(limits.first_follow_up_days));
    let cutoff = today.checked_sub_days(Days::new(window + 30)).unwrap();
    let zone = store.zone().unwrap();
    let mut stmt = store
        .conn
        .prepare(
            "SELECT c.id, coalesce(nullif(c.number_text, ''), c.party_names), c.party_names,
             coalesce(a.agreed_on, date(h.at, ?3)),
             EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id),
             coalesce(a.confirmation <> 'none', 0), c.received_on, c.source
             FROM status_history h JOIN cases c ON c.id = h.case_id
             LEFT JOIN agreements a ON a.case_id = c.id
             WHERE h.to_status = 'succeeded' AND h.at >= ?2 AND c.org_id = ?1",
        )
        .unwrap();
    let rows: Vec<WholeRow> = stmt
        .query_map(
            params![
                org.0,
                date_text(cutoff),
                super::super::zone::sql_shift(zone)
            ],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ))
            },
        )
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut earliest: std::collections::BTreeMap<i64, usize> = Default::default();
    for (i, row) in rows.iter().enumerate() {
        let kept = earliest.entry(row.0).or_insert(i);
        if row.3 < rows[*kept].3 {
            *kept = i;
        }
    }
    let mut out = Vec::new();
    for i in earliest.into_values() {
        let (id, label, parties, day, followed, applied, received, source) = &rows[i];
        let clock = CaseClock {
            received_on: received.parse().unwrap(),
            source: Source::from_code(source).unwrap(),
            open: false,
            agreed_on: Some(day.parse().unwrap()),
            followed_up: *followed,
            registered_at: None,
        };
        for deadline in attention(&clock, limits, today) {
            if !(*applied && deadline.kind == DeadlineKind::Confirmation) {
                out.push(CaseAlert {
                    case_id: CaseId(*id),
                    label: label.clone(),
                    parties: parties.clone(),
                    deadline,
                });
            }
        }
    }
    out
}

#[test]
fn a_varied_rooms_agreement_alerts_are_those_of_every_recent_agreement_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap();
    crate::cli::demo::fill_demo(&mut store, 1_500, 7, now).unwrap();
    let org = store.organisation().unwrap().unwrap().id;
    let limits = Limits::default();
    let agreement = |a: &CaseAlert| {
        matches!(
            a.deadline.kind,
            DeadlineKind::Confirmation | DeadlineKind::FollowUp
        )
    };
    let key = |a: &CaseAlert| {
        (
            a.case_id,
            a.deadline.due,
            a.deadline.urgency,
            a.deadline.kind as u8,
        )
    };
    for today in ["2026-11-20", "2026-12-01", "2026-12-20"] {
        let today: NaiveDate = today.parse().unwrap();
        let mut got: Vec<CaseAlert> = store
            .case_alerts(org, &limits, today)
            .unwrap()
            .into_iter()
            .filter(agreement)
            .collect();
        let mut want = agreement_alerts_read_whole(&store, org, &limits, today);
        got.sort_by_key(key);
        want.sort_by_key(key);
        assert!(want.len() > 20, "a varied room has many: {}", want.len());
        let kinds = |v: &[CaseAlert], k| v.iter().filter(|a| a.deadline.kind == k).count();
        assert!(
            kinds(&want, DeadlineKind::Confirmation) > 0
                && kinds(&want, DeadlineKind::FollowUp) > 0
        );
        assert_eq!(got, want, "on {today}");
    }
    // The whole list, open cases and police feedback too, in its order, pinned by size.
    let (first, more) = store
        .case_alerts_first(org, &limits, "2026-12-01".parse().unwrap(), 200)
        .unwrap();
    assert_eq!(
        (first.len(), more),
        (PINNED_LEN, PINNED_MORE),
        "{:?}",
        first.iter().map(key).collect::<Vec<_>>()
    );
}

/// What the room above gives on 2026-12-01 (read before the agreement alerts were read in
/// two steps).
const PINNED_LEN: usize = 157;
const PINNED_MORE: u64 = 0;

#[test]
fn each_watched_agreement_is_read_from_indexes_alone() {
    let room = crate::storage::test_room::open_room();
    let sql = format!(
        "EXPLAIN QUERY PLAN {AGREED_COLUMNS} INDEXED BY agreement_alert_days_by_at {AGREED_LABELS}
         WHERE d.org_id = 1 AND d.at >= '2026-10-01'"
    );
    let plan: Vec<String> = room
        .store
        .conn
        .prepare(&sql)
        .unwrap()
        .query_map([], |r| r.get(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in ["d", "c"] {
        assert!(
            plan.iter()
                .any(|p| p.starts_with(&format!("SEARCH {table} USING COVERING INDEX"))),
            "{table}: {plan:?}"
        );
    }
}

/// 今日's first screen of alerts, read a due day at a time with the counts it shows, is
/// what reading every alert gives: the same first lines in the same order, for any
/// number of lines, on days before, during and after the room's agreements, and with a
/// cap on the long-overdue open cases that bites.
#[test]
fn the_first_lines_and_counts_of_todays_alerts_are_those_of_every_alert_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap();
    crate::cli::demo::fill_demo(&mut store, 1_500, 7, now).unwrap();
    let org = store.organisation().unwrap().unwrap().id;
    let near = same_head_as_all_read(&store, org, &Limits::default());
    assert!(near > 20, "a varied room has many: {near}");
}

/// Checks `alerts_head` against `case_alerts_first` for several days, screens and caps;
/// returns the most alerts above the long overdue seen on one day.
pub(super) fn same_head_as_all_read(store: &Store, org: OrgId, limits: &Limits) -> usize {
    let mut seen_near = 0;
    for today in [
        "2026-11-20",
        "2026-11-28",
        "2026-12-01",
        "2026-12-08",
        "2026-12-20",
    ] {
        let today: NaiveDate = today.parse().unwrap();
        for max in [3, 200, usize::MAX] {
            let (all, more) = store.case_alerts_first(org, limits, today, max).unwrap();
            for n in [0, 1, 5, 20, 48, 10_000] {
                let (want, _) = head::AlertsHead::of(all.clone(), more, n);
                let got = store.alerts_head(org, limits, today, n, max).unwrap();
                assert_eq!(got, want, "on {today}, {n} lines, {max} at most");
                seen_near = seen_near.max(want.near);
            }
        }
    }
    seen_near
}
