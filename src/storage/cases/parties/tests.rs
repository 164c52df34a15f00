//! Parties changed in place, on real temporary files: a party keeps its id across saves,
//! and the history records one change per party and field — not every party deleted and
//! added again.

use super::super::super::Store;
use crate::domain::audit::AuditAction;
use crate::domain::case::{Case, CaseFields};
use crate::domain::party::{Party, PartyId, PartyKind, PartyRole};
use crate::storage::test_room::{TestRoom, open_room};
use chrono::{DateTime, NaiveDate};

use crate::storage::test_room::now;

fn person(role: PartyRole, name: &str, phone: &str) -> Party {
    let mut p = Party::new(role, PartyKind::Person);
    p.name = name.into();
    p.phone = phone.into();
    p
}

/// A room with one case of three parties, registered by police1.
fn room() -> (tempfile::TempDir, Store, Case) {
    let TestRoom {
        dir,
        mut store,
        org,
    } = open_room();
    store.set_user("police1");
    let mut f = CaseFields::blank(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    f.facts = "楼上漏水，损坏楼下吊顶".into();
    f.parties = vec![
        person(PartyRole::Applicant, "刘春梅", "15847805678"),
        person(PartyRole::Respondent, "赵磊", "13904781234"),
        person(PartyRole::ThirdParty, "王秀兰", ""),
    ];
    let case = store.create_case(org.id, &f, "police1", &now()).unwrap();
    (dir, store, case)
}

fn ids(case: &Case) -> Vec<Option<PartyId>> {
    case.fields.parties.iter().map(|p| p.id).collect()
}

#[test]
fn an_edited_party_keeps_its_id_and_only_its_change_is_recorded() {
    let (_dir, mut store, case) = room();
    assert!(ids(&case).iter().all(Option::is_some), "{:?}", ids(&case));
    let before = store.case_history(case.id).unwrap().len();

    store.set_user("lifang");
    let mut f = case.fields.clone();
    f.parties[0].phone = "15847809999".into();
    let saved = store
        .update_case(case.id, case.version, &f, &now())
        .unwrap();

    assert_eq!(ids(&saved), ids(&case), "every party kept its row");
    assert_eq!(saved.fields.parties[0].phone, "15847809999");
    let history = store.case_history(case.id).unwrap();
    let new: Vec<_> = history[before..]
        .iter()
        .filter(|e| e.table == "parties")
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].action, AuditAction::Update);
    assert_eq!(new[0].user, "lifang");
    assert_eq!(new[0].name, "刘春梅");
    assert_eq!(new[0].changed, ["phone"]);
    assert_eq!(
        new[0].values["phone"],
        ("15847805678".to_string(), "15847809999".to_string())
    );
}

#[test]
fn an_added_party_gets_a_new_id_and_a_removed_one_is_deleted() {
    let (dir, mut store, case) = room();
    let before = store.case_history(case.id).unwrap().len();
    let mut f = case.fields.clone();
    let zhao = f.parties.remove(1);
    f.parties
        .push(person(PartyRole::Agent, "孙丽", "13800000000"));
    let saved = store
        .update_case(case.id, case.version, &f, &now())
        .unwrap();

    let names: Vec<_> = saved
        .fields
        .parties
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["刘春梅", "王秀兰", "孙丽"]);
    assert_eq!(saved.fields.parties[0].id, case.fields.parties[0].id);
    assert_eq!(saved.fields.parties[1].id, case.fields.parties[2].id);
    let new_id = saved.fields.parties[2].id.unwrap();
    assert!(ids(&case).iter().flatten().all(|old| old.0 < new_id.0));
    let raw = rusqlite::Connection::open(dir.path().join("room.db")).unwrap();
    let gone: i64 = raw
        .query_row(
            "SELECT count(*) FROM parties WHERE id = ?1",
            [zhao.id.unwrap().0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(gone, 0);

    let history = store.case_history(case.id).unwrap();
    let new: Vec<_> = history[before..]
        .iter()
        .filter(|e| e.table == "parties")
        .map(|e| (e.action, e.name.as_str(), e.changed.clone()))
        .collect();
    assert_eq!(
        new,
        [
            (AuditAction::Delete, "赵磊", vec![]),
            // 王秀兰 moved up a place: only her position changed, nothing she is.
            (AuditAction::Update, "王秀兰", vec!["seq".to_string()]),
            (AuditAction::Insert, "孙丽", vec![]),
        ]
    );
}

#[test]
fn a_party_id_the_case_does_not_have_adds_a_party_and_changes_no_other_case() {
    let (_dir, mut store, case) = room();
    let org = store.organisation().unwrap().unwrap();
    let mut other = case.fields.clone();
    other.parties.truncate(1);
    for p in &mut other.parties {
        p.id = None;
        p.name = "陈刚".into();
    }
    let other = store
        .create_case(org.id, &other, "police1", &now())
        .unwrap();

    // A stale form names a party of the other case.
    let mut f = case.fields.clone();
    f.parties[2].id = other.fields.parties[0].id;
    f.parties[2].name = "王秀英".into();
    let saved = store
        .update_case(case.id, case.version, &f, &now())
        .unwrap();

    assert_ne!(saved.fields.parties[2].id, other.fields.parties[0].id);
    assert_eq!(saved.fields.parties[2].name, "王秀英");
    let untouched = store.load_case(other.id).unwrap();
    assert_eq!(untouched.fields.parties, other.fields.parties);
    // 王秀兰's row, which the form no longer carries, is gone with her.
    assert_eq!(saved.fields.parties.len(), 3);
}

/// A session invites parties by who they are: removing another party moves them up the
/// list and the invitation follows; a removed party stays invited by name, past the end.
#[test]
fn session_invitations_follow_their_parties_when_another_is_removed() {
    use crate::domain::session::{InvitedParty, SessionFields, SessionKind};
    let (_dir, mut store, case) = room();
    let org = store.organisation().unwrap().unwrap();
    let wang = store.mediators(org.id).unwrap()[0].id;
    let invite = |seq: u32, name: &str| InvitedParty {
        seq,
        name: name.into(),
    };
    let fields = SessionFields {
        case_id: case.id,
        kind: SessionKind::Mediation,
        start: DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap(),
        end: DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap(),
        place: "小调解室".into(),
        place_is_room: true,
        mediators: vec![wang],
        parties: vec![invite(0, "刘春梅"), invite(2, "王秀兰")],
    };
    let booked = store.create_session(org.id, &fields, "", &now()).unwrap();

    // 赵磊 (second) leaves the case: 王秀兰 is second now, and still invited.
    let mut f = case.fields.clone();
    f.parties.remove(1);
    let case = store
        .update_case(case.id, case.version, &f, &now())
        .unwrap();
    let invited = store
        .load_session(booked.session.id)
        .unwrap()
        .fields
        .parties;
    assert_eq!(invited, [invite(0, "刘春梅"), invite(1, "王秀兰")]);

    // 王秀兰 leaves too: still invited by name, at no party's place — not the place of a
    // party added later.
    let mut f = case.fields.clone();
    f.parties.remove(1);
    f.parties.push(person(PartyRole::Respondent, "孙丽", ""));
    store
        .update_case(case.id, case.version, &f, &now())
        .unwrap();
    let invited = store
        .load_session(booked.session.id)
        .unwrap()
        .fields
        .parties;
    assert_eq!(invited[0], invite(0, "刘春梅"));
    assert_eq!(invited[1].name, "王秀兰");
    assert!(invited[1].seq >= 2, "{invited:?}");
    let listed = store.sessions_of_case(case.id).unwrap();
    assert_eq!(listed[0].fields.parties, invited);
}

mod agent;
