//! A session's effects after a restore it has not noticed yet, through the real runner on
//! a real file: a stale save comes back as "the room was restored" (the app then keeps
//! the form as a draft and reloads), never as a write; once the session has taken the
//! restore in, the case the form addressed is simply not there.

use tiaojie::app::action::{Action, Effect};
use tiaojie::app::effects::Runner;
use tiaojie::domain::case::{CaseFields, Timestamp};
use tiaojie::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::storage::Store;

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").expect("time")
}

fn fields(facts: &str) -> CaseFields {
    let mut fields = CaseFields::blank(now().date_naive());
    fields.facts = facts.into();
    let mut party = Party::new(PartyRole::Applicant, PartyKind::Person);
    party.name = "张三".into();
    fields.parties.push(party);
    fields
}

#[test]
fn a_stale_save_after_a_restore_comes_back_as_the_restore_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let copy = dir.path().join("copy.db");
    let mut admin = Store::open(&db).expect("open");
    admin.set_user("wang");
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = admin
        .create_organisation(&profile, "王建国", &now())
        .expect("room");
    admin.backup_to(&copy).expect("copy");
    let mut desk = Runner::new(Store::open(&db).expect("open"), "wang".into());
    assert!(matches!(
        desk.run(Effect::LoadRoom, &now()),
        Action::RoomLoaded(_)
    ));
    let Action::CaseSaved(shown) =
        desk.run(Effect::CreateCase(Box::new(fields("楼上漏水"))), &now())
    else {
        panic!("registered");
    };

    admin.restore_from(&copy, "wang").expect("restore");
    let other = admin
        .create_case(org.id, &fields("另一件纠纷"), "wang", &now())
        .expect("a case after the restore");
    assert_ne!(other.id, shown.id);

    let save = Effect::UpdateCase {
        id: shown.id,
        version: shown.version,
        fields: Box::new(fields("桌面上没保存的改动")),
    };
    let answer = desk.run(save.clone(), &now());
    let Action::RoomRestored(restored) = answer else {
        panic!("not told of the restore: {answer:?}");
    };
    assert_eq!(restored.by, "wang");
    assert!(matches!(
        desk.run(Effect::TakeInRestore(restored.generation), &now()),
        Action::RestoreTakenIn
    ));
    let again = desk.run(save, &now());
    assert!(
        matches!(&again, Action::Failed(f) if f.message.contains("找不到")),
        "{again:?}"
    );
    let stored = desk.store().load_case(other.id).expect("load");
    assert_eq!(stored.fields.facts, "另一件纠纷");
}
