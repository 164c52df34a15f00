//! The front desk's view on a real file: another case's session in a clash and on 今日
//! is time, place and mediator only; deadline alerts are its own cases only.

use super::*;
use crate::app::action::TodayData;
use crate::domain::case::{CaseFields, Timestamp};
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::session::{InvitedParty, SessionFields, SessionKind};
use crate::domain::source::Source;
use crate::domain::user::Role;
use crate::storage::SessionFilter;

fn at(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).expect("valid")
}

fn fields(name: &str) -> CaseFields {
    let mut f = CaseFields::blank(at("2026-10-30T09:00:00+08:00").date_naive());
    f.source = Source::Police;
    f.referrer_unit = "新华派出所".into();
    f.facts = "噪音纠纷".into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    f.parties = vec![p];
    f
}

fn booking(
    case: crate::domain::case::CaseId,
    mediator: crate::domain::org::MediatorId,
) -> SessionFields {
    SessionFields {
        case_id: case,
        kind: SessionKind::Mediation,
        start: at("2026-11-28T09:00:00+08:00"),
        end: at("2026-11-28T10:00:00+08:00"),
        place: "小调解室".into(),
        place_is_room: true,
        mediators: vec![mediator],
        parties: vec![InvitedParty {
            seq: 0,
            name: "刘春梅".into(),
        }],
    }
}

#[test]
fn another_cases_session_in_a_clash_is_named_by_time_place_and_mediator_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("room.db")).expect("opens");
    let now = at("2026-11-27T09:00:00+08:00");
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王调解", &now)
        .expect("room");
    let mediator = store
        .add_mediator(org.id, "王秀英", "")
        .expect("mediator")
        .id;
    let theirs = store
        .create_case(org.id, &fields("刘春梅"), "wang", &now)
        .expect("case");
    store
        .create_session(org.id, &booking(theirs.id, mediator), "", &now)
        .expect("booked");
    let own = store
        .create_case(org.id, &fields("刘春梅"), "desk", &now)
        .expect("case");
    let clerk = User::new("desk", Role::Clerk);
    store.act_as(&clerk);
    let Err(StorageError::Clash(verdict)) =
        store.create_session(org.id, &booking(own.id, mediator), "", &now)
    else {
        panic!("the mediator and the room are taken");
    };
    let plain = format!("{verdict:?}");
    assert!(plain.contains("刘春梅"), "storage itself knows: {plain}");
    let seen = clash_as_seen(&store, &clerk, *verdict.clone());
    assert!(!seen.refusals.is_empty());
    for clash in seen.refusals.iter().chain(&seen.warnings) {
        assert!(clash.other.parties.is_empty(), "{clash:?}");
        assert_eq!(clash.other.case_label, crate::i18n::t("rights.other_case"));
        assert!(!clash.to_string().contains("刘春梅"), "{clash}");
        assert!(clash.to_string().contains("小调解室") || clash.to_string().contains("王秀英"));
    }
    // A party invited to both would say that 刘春梅 has another case: not said.
    assert!(
        verdict
            .warnings
            .iter()
            .any(|c| matches!(c.kind, ClashKind::Party(_)))
    );
    assert!(
        !seen
            .warnings
            .iter()
            .any(|c| matches!(c.kind, ClashKind::Party(_)))
    );
    // A mediator sees it all.
    let mediator_user = User::new("wang", Role::Mediator);
    assert_eq!(
        clash_as_seen(&store, &mediator_user, *verdict.clone()),
        *verdict
    );

    // 今日: the session without names, and only the desk's own deadline alerts.
    let today = at("2026-11-28T08:00:00+08:00").date_naive();
    let limits = crate::domain::deadlines::Limits::default();
    let alerts = store.case_alerts(org.id, &limits, today).expect("alerts");
    assert!(alerts.iter().any(|a| a.case_id == theirs.id), "{alerts:?}");
    let data = TodayData {
        part: None,
        sessions: store
            .sessions_in_range(org.id, today, today, &SessionFilter::default())
            .expect("sessions"),
        alerts,
        performance: Vec::new(),
        more_alerts: 0,
        alerts_head: None,
        places: Vec::new(),
    };
    let Action::TodayLoaded(seen) =
        as_seen(&store, &clerk, Action::TodayLoaded(Box::new(data))).expect("seen")
    else {
        panic!("today");
    };
    assert!(
        seen.alerts.iter().all(|a| a.case_id == own.id),
        "{:?}",
        seen.alerts
    );
    assert!(!seen.alerts.is_empty());
    let session = &seen.sessions[0];
    assert!(
        session.fields.parties.is_empty() && session.case_label != theirs.fields.parties[0].name
    );
    assert_eq!(
        (
            session.fields.place.as_str(),
            session.mediator_names.as_str()
        ),
        ("小调解室", "王秀英")
    );
}
