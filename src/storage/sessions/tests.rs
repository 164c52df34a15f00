//! Storage tests of sessions, follow-ups, places and alerts on temporary SQLite files.

use crate::domain::case::{Case, CaseFields, CaseId};
use crate::domain::conflicts::ClashKind;
use crate::domain::deadlines::{DeadlineKind, Limits, Urgency};
use crate::domain::follow_up::{FollowUp, Performance, Place, Satisfaction, VisitWay};
use crate::domain::org::{MediatorId, Organisation};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::session::{
    InvitedParty, SessionFields, SessionKind, SessionRecord, SessionStatus,
};
use crate::domain::source::Source;
use crate::domain::status::CaseStatus;
use crate::storage::test_room::{TestRoom, open_room};
use crate::storage::{SessionFilter, StorageError, Store};
use chrono::NaiveDate;

mod alert;
mod today_window;

pub(super) use crate::storage::test_room::at;

pub(super) use crate::storage::test_room::now;

pub(super) fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) struct Room {
    pub(super) dir: tempfile::TempDir,
    pub(super) store: Store,
    pub(super) org: Organisation,
    pub(super) wang: MediatorId,
    pub(super) li: MediatorId,
}

pub(super) fn room() -> Room {
    let TestRoom {
        dir,
        mut store,
        org,
    } = open_room();
    let wang = store.add_mediator(org.id, "王秀英", "").unwrap().id;
    let li = store.add_mediator(org.id, "李建国", "").unwrap().id;
    Room {
        dir,
        store,
        org,
        wang,
        li,
    }
}

pub(super) fn case(room: &mut Room, name: &str, received: &str, source: Source) -> Case {
    let mut f = CaseFields::blank(day(received));
    f.source = source;
    f.referrer_unit = "新华派出所".into();
    f.facts = "楼上漏水".into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    f.parties = vec![p];
    room.store
        .create_case(room.org.id, &f, "wang", &now())
        .unwrap()
}

pub(super) fn session(
    case: CaseId,
    start: &str,
    end: &str,
    who: MediatorId,
    party: &str,
) -> SessionFields {
    SessionFields {
        case_id: case,
        kind: SessionKind::Mediation,
        start: at(start),
        end: at(end),
        place: "小调解室".into(),
        place_is_room: true,
        mediators: vec![who],
        parties: vec![InvitedParty {
            seq: 0,
            name: party.into(),
        }],
    }
}

#[test]
fn a_session_round_trips_with_its_zone_after_reopening() {
    let mut r = room();
    let c = case(&mut r, "张三", "2026-11-20", Source::Application);
    let f = session(
        c.id,
        "2026-11-30T23:30:00+08:00",
        "2026-12-01T00:30:00+08:00",
        r.wang,
        "张三",
    );
    let booked = r.store.create_session(r.org.id, &f, "", &now()).unwrap();
    assert!(booked.warnings.is_empty());
    let path = r.dir.path().join("room.db");
    drop(r.store);
    let store = Store::open(&path).unwrap();
    let s = store.load_session(booked.session.id).unwrap();
    assert_eq!(s.fields, f);
    assert_eq!(s.status, SessionStatus::Planned);
    assert_eq!(s.mediator_names, "王秀英");
    assert_eq!(s.case_label, "张三");
    assert_eq!(s.fields.start.offset().local_minus_utc(), 8 * 3600);
    // Across midnight, the session belongs to the day it starts.
    let on_30 = store
        .sessions_in_range(
            r.org.id,
            day("2026-11-30"),
            day("2026-11-30"),
            &Default::default(),
        )
        .unwrap();
    assert_eq!(on_30.len(), 1);
}

#[test]
fn a_double_booking_is_refused_unless_a_reason_overrides_it() {
    let mut r = room();
    let a = case(&mut r, "张三", "2026-11-20", Source::Application);
    let b = case(&mut r, "李四", "2026-11-21", Source::Application);
    let first = session(
        a.id,
        "2026-11-30T10:00:00+08:00",
        "2026-11-30T11:00:00+08:00",
        r.wang,
        "张三",
    );
    r.store
        .create_session(r.org.id, &first, "", &now())
        .unwrap();
    let clash = session(
        b.id,
        "2026-11-30T10:30:00+08:00",
        "2026-11-30T11:30:00+08:00",
        r.wang,
        "李四",
    );
    let err = r
        .store
        .create_session(r.org.id, &clash, " ", &now())
        .unwrap_err();
    let StorageError::Clash(verdict) = &err else {
        panic!("{err:?}")
    };
    let kinds: Vec<_> = verdict.refusals.iter().map(|c| c.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            ClashKind::Mediator("王秀英".into()),
            ClashKind::Room("小调解室".into())
        ]
    );
    assert!(err.to_string().contains("10:00–11:00"), "{err}");
    let none = r
        .store
        .sessions_in_range(
            r.org.id,
            day("2026-11-30"),
            day("2026-11-30"),
            &Default::default(),
        )
        .unwrap();
    assert_eq!(none.len(), 1, "nothing stored on refusal");
    let forced = r
        .store
        .create_session(r.org.id, &clash, "张三同意共用", &now())
        .unwrap();
    assert_eq!(forced.session.override_reason, "张三同意共用");
    // Touching the first session, another mediator, same party elsewhere: only a warning.
    let mut touching = session(
        b.id,
        "2026-11-30T11:30:00+08:00",
        "2026-11-30T12:00:00+08:00",
        r.li,
        "李四",
    );
    touching.place = "当事人家中".into();
    touching.place_is_room = false;
    let ok = r
        .store
        .create_session(r.org.id, &touching, "", &now())
        .unwrap();
    assert!(ok.warnings.is_empty());
    let mut party_twice = session(
        a.id,
        "2026-11-30T10:15:00+08:00",
        "2026-11-30T10:45:00+08:00",
        r.li,
        "张三",
    );
    party_twice.place = "大调解室".into();
    let warned = r
        .store
        .create_session(r.org.id, &party_twice, "", &now())
        .unwrap();
    assert_eq!(warned.warnings[0].kind, ClashKind::Party("张三".into()));
    assert_eq!(warned.session.override_reason, "");
}

#[test]
fn postponed_and_cancelled_sessions_free_their_time_and_keep_the_link() {
    let mut r = room();
    let a = case(&mut r, "张三", "2026-11-20", Source::Application);
    let f = session(
        a.id,
        "2026-11-30T10:00:00+08:00",
        "2026-11-30T11:00:00+08:00",
        r.wang,
        "张三",
    );
    let old = r
        .store
        .create_session(r.org.id, &f, "", &now())
        .unwrap()
        .session;
    let later = session(
        a.id,
        "2026-12-02T10:00:00+08:00",
        "2026-12-02T11:00:00+08:00",
        r.wang,
        "张三",
    );
    let stale = r
        .store
        .postpone_session(r.org.id, old.id, old.version + 1, &later, "", &now());
    assert!(matches!(stale, Err(StorageError::Conflict { .. })));
    let new = r
        .store
        .postpone_session(r.org.id, old.id, old.version, &later, "", &now())
        .unwrap()
        .session;
    let old = r.store.load_session(old.id).unwrap();
    assert_eq!(old.status, SessionStatus::Postponed);
    assert_eq!(old.postponed_to, Some(new.id));
    // The old slot is free again.
    r.store.create_session(r.org.id, &f, "", &now()).unwrap();
    let cancelled = r
        .store
        .cancel_session(new.id, new.version, " 申请人住院 ", &now())
        .unwrap();
    assert_eq!(cancelled.status, SessionStatus::Cancelled);
    assert_eq!(cancelled.cancel_reason, "申请人住院");
    r.store
        .create_session(r.org.id, &later, "", &now())
        .unwrap();
    assert!(
        r.store
            .cancel_session(new.id, cancelled.version, "", &now())
            .is_err()
    );
    assert_eq!(r.store.sessions_of_case(a.id).unwrap().len(), 4);
}

#[test]
fn a_record_marks_the_session_held_and_keeps_paragraphs() {
    let mut r = room();
    let a = case(&mut r, "张三", "2026-11-20", Source::Application);
    let f = session(
        a.id,
        "2026-11-27T10:00:00+08:00",
        "2026-11-27T11:00:00+08:00",
        r.wang,
        "张三",
    );
    let s = r
        .store
        .create_session(r.org.id, &f, "", &now())
        .unwrap()
        .session;
    let record = SessionRecord {
        attendees: vec!["张三".into(), "某物业公司（刘经理）".into()],
        notes: "双方陈述了漏水经过。\n\n经调解，物业同意维修吊顶。".into(),
        outcome: "达成协议".into(),
    };
    let held = r
        .store
        .record_session(s.id, s.version, &record, &now())
        .unwrap();
    assert_eq!(held.status, SessionStatus::Held);
    assert_eq!(held.record, record);
    let edited = r
        .store
        .record_session(held.id, held.version, &record, &now())
        .unwrap();
    assert_eq!(edited.version, held.version + 1);
}

#[test]
fn range_and_counts_follow_the_filters_and_use_the_day_index() {
    let mut r = room();
    let a = case(&mut r, "张三", "2026-11-20", Source::Application);
    let mut records = Vec::new();
    for (d, who, place) in [
        ("2026-11-30", r.wang, "小调解室"),
        ("2026-11-30", r.li, "大调解室"),
        ("2026-12-01", r.li, "小调解室"),
        ("2026-12-31", r.wang, "小调解室"),
    ] {
        let mut f = session(
            a.id,
            &format!("{d}T09:00:00+08:00"),
            &format!("{d}T10:00:00+08:00"),
            who,
            "张三",
        );
        f.place = place.into();
        records.push(crate::storage::NewSessionRecord {
            fields: f,
            status: SessionStatus::Planned,
            record: SessionRecord::default(),
        });
    }
    r.store
        .insert_sessions(r.org.id, &mut records.into_iter(), &now())
        .unwrap();
    let all = SessionFilter::default();
    let counts = r
        .store
        .session_counts(r.org.id, day("2026-11-01"), day("2026-11-30"), &all)
        .unwrap();
    assert_eq!(counts, vec![(day("2026-11-30"), 2)]);
    let li = SessionFilter {
        mediator: Some(r.li),
        ..Default::default()
    };
    let got = r
        .store
        .sessions_in_range(r.org.id, day("2026-11-30"), day("2026-12-31"), &li)
        .unwrap();
    assert_eq!(got.len(), 2);
    let small = SessionFilter {
        place: Some("小调解室".into()),
        ..Default::default()
    };
    let got = r
        .store
        .session_counts(r.org.id, day("2026-11-30"), day("2026-12-31"), &small)
        .unwrap();
    assert_eq!(got.len(), 3);
    let plan: Vec<String> = {
        let mut stmt = r
            .store
            .conn
            .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM sessions s WHERE s.org_id = 1 AND s.day >= '2026-11-01' AND s.day <= '2026-11-30' GROUP BY s.day")
            .unwrap();
        stmt.query_map([], |row| row.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(
        plan.iter().any(|p| p.contains("sessions_by_day")),
        "{plan:?}"
    );
}

#[test]
fn alerts_show_near_limits_and_due_follow_ups_until_a_visit_is_recorded() {
    let mut r = room();
    let police = case(&mut r, "张三", "2026-11-01", Source::Police);
    let ordinary = case(&mut r, "李四", "2026-11-25", Source::Application);
    let agreed = case(&mut r, "王五", "2026-10-01", Source::Application);
    let org = r.org.clone();
    let mut advance = |id: CaseId, to: CaseStatus, when: &str| {
        let v = r.store.load_case(id).unwrap().version;
        r.store
            .change_status(&org, id, v, to, "", &[MediatorId(1)], "wang", &at(when))
            .unwrap();
    };
    advance(agreed.id, CaseStatus::Accepted, "2026-10-02T09:00:00+08:00");
    advance(
        agreed.id,
        CaseStatus::Mediating,
        "2026-10-03T09:00:00+08:00",
    );
    advance(
        agreed.id,
        CaseStatus::Succeeded,
        "2026-11-01T09:00:00+08:00",
    );
    let limits = Limits::default();
    let alerts = r
        .store
        .case_alerts(org.id, &limits, day("2026-11-28"))
        .unwrap();
    let got: Vec<_> = alerts
        .iter()
        .map(|a| (a.case_id, a.deadline.kind, a.deadline.urgency))
        .collect();
    assert_eq!(
        got,
        vec![
            (agreed.id, DeadlineKind::FollowUp, Urgency::Overdue(12)),
            (police.id, DeadlineKind::CaseLimit, Urgency::Near(3)),
            (agreed.id, DeadlineKind::Confirmation, Urgency::Near(3)),
        ]
    );
    assert!(!got.iter().any(|g| g.0 == ordinary.id));
    let visit = FollowUp {
        case_id: agreed.id,
        visited_on: day("2026-11-28"),
        way: VisitWay::Phone,
        performance: Performance::Full,
        satisfaction: Satisfaction::Satisfied,
        lawsuit: false,
        escalation: false,
        measures: String::new(),
        by_whom: "王秀英".into(),
    };
    r.store.add_follow_up(&visit, &now()).unwrap();
    assert_eq!(r.store.follow_ups_of_case(agreed.id).unwrap(), vec![visit]);
    let alerts = r
        .store
        .case_alerts(org.id, &limits, day("2026-11-28"))
        .unwrap();
    assert_eq!(alerts.len(), 2);
}

#[test]
fn places_and_limits_come_from_settings_with_defaults() {
    let mut r = room();
    assert_eq!(r.store.places(r.org.id).unwrap(), Place::defaults());
    let mine = vec![
        Place {
            name: "小调解室".into(),
            is_room: true,
        },
        Place {
            name: " ".into(),
            is_room: true,
        },
        Place {
            name: "当事人家中".into(),
            is_room: false,
        },
    ];
    r.store.save_places(r.org.id, &mine).unwrap();
    assert_eq!(
        r.store.places(r.org.id).unwrap(),
        vec![mine[0].clone(), mine[2].clone()]
    );
    r.store
        .set_setting(r.org.id, "limit.court_days", "15")
        .unwrap();
    r.store
        .set_setting(r.org.id, "limit.near_days", "soon")
        .unwrap();
    let limits = r.store.limits(r.org.id).unwrap();
    assert_eq!(limits.court_days, 15);
    assert_eq!(limits.near_days, Limits::default().near_days);
    let pairs = [
        ("limit.first_follow_up_days", "20"),
        ("display.ascii", "on"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()));
    r.store.set_settings(r.org.id, &pairs).unwrap();
    assert_eq!(r.store.limits(r.org.id).unwrap().first_follow_up_days, 20);
    assert_eq!(
        r.store
            .setting(r.org.id, "display.ascii")
            .unwrap()
            .as_deref(),
        Some("on")
    );
}
