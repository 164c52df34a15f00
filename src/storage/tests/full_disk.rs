//! A full disk, simulated with `PRAGMA max_page_count` (the file may not grow): the save
//! is refused with a plain message, nothing half-written stays, everything saved before
//! is intact, and the app shows the error instead of failing.

use super::super::*;
use crate::app::action::{Action, Effect};
use crate::app::effects::Runner;
use crate::domain::case::CaseFields;
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile};
use crate::domain::party::{Party, PartyKind, PartyRole};

fn now() -> crate::domain::case::Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").unwrap()
}

fn fields(facts: String) -> CaseFields {
    let mut f = CaseFields::blank(now().date_naive());
    f.facts = facts;
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = "张三".into();
    f.parties.push(p);
    f
}

#[test]
fn a_full_disk_refuses_the_save_plainly_and_keeps_everything_before() {
    crate::i18n::set_lang(crate::i18n::Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("room.db");
    let mut store = Store::open(&path).unwrap();
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王建国", &now())
        .unwrap();
    store
        .create_case(org.id, &fields("楼上漏水".into()), "wang", &now())
        .unwrap();
    let pages: i64 = store
        .conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    store
        .conn
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let big = "邻里纠纷，".repeat(20_000);
    let err = store
        .create_case(org.id, &fields(big.clone()), "wang", &now())
        .unwrap_err();
    assert!(err.to_string().contains("磁盘已满"), "{err}");

    // The app: the save fails visibly, the form stays open with the text.
    let mut runner = Runner::new(store, "wang".into());
    assert!(matches!(
        runner.run(Effect::LoadRoom, &now()),
        Action::RoomLoaded(_)
    ));
    let answer = runner.run(Effect::CreateCase(Box::new(fields(big))), &now());
    let Action::Failed(failure) = answer else {
        panic!("not refused: {answer:?}");
    };
    assert!(failure.while_saving && failure.message.contains("磁盘已满"));
    drop(runner);

    let again = Store::open(&path).unwrap();
    let ok: String = again
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let cases: i64 = again
        .conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cases, 1, "no half-written case");
}
