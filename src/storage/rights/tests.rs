//! Storage refuses, inside each write's transaction, what the rights table forbids the
//! acting user — on a real file, whatever a screen let through — writes nothing, and
//! records the refusal in the audit (shown in the case's history).

use super::*;
use crate::domain::audit::AuditAction;
use crate::domain::case::{Case, CaseFields};
use crate::domain::follow_up::{FollowUp, Performance, Satisfaction, VisitWay};
use crate::domain::org::{MediatorId, Organisation};
use crate::domain::rights::Why;
use crate::domain::session::{SessionFields, SessionRecord};
use crate::domain::user::Role;
use crate::storage::test_room::{self, TestRoom, now, one_applicant, open_room};

mod table;

struct Room {
    _dir: tempfile::TempDir,
    store: Store,
    org: Organisation,
    mediator: MediatorId,
    /// Registered by the mediator "wang".
    theirs: Case,
    /// A planned session of `theirs`.
    session: SessionId,
    /// Registered by the clerk "police1".
    own: Case,
}

fn fields(name: &str) -> CaseFields {
    let mut f = one_applicant(name, "邻里噪音纠纷");
    f.parties[0].phone = "13904781234".into();
    f
}

fn booking(case: CaseId, mediator: MediatorId, hour: u32) -> SessionFields {
    test_room::booking(case, mediator, hour, "小调解室")
}

fn room() -> Room {
    let TestRoom {
        dir,
        mut store,
        org,
    } = open_room();
    let mediator = store
        .add_mediator(org.id, "王秀英", "")
        .expect("mediator")
        .id;
    store.set_user("wang");
    let theirs = store
        .create_case(org.id, &fields("刘春梅"), "wang", &now())
        .expect("their case");
    let session = store
        .create_session(org.id, &booking(theirs.id, mediator, 9), "", &now())
        .expect("session")
        .session
        .id;
    store.set_user("police1");
    let own = store
        .create_case(org.id, &fields("孙自登"), "police1", &now())
        .expect("own case");
    Room {
        _dir: dir,
        store,
        org,
        mediator,
        theirs,
        session,
        own,
    }
}

/// Everything a refused write could have touched, to compare before and after.
fn snapshot(store: &Store) -> (i64, i64, i64, i64, i64, i64) {
    let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).expect("count") };
    (
        count("SELECT count(*) FROM cases"),
        count("SELECT sum(version) FROM cases"),
        count("SELECT count(*) FROM sessions"),
        count("SELECT sum(version) FROM sessions"),
        count("SELECT count(*) FROM follow_ups") + count("SELECT count(*) FROM drafts"),
        count("SELECT count(*) FROM audit WHERE action <> 'refused'"),
    )
}

fn refused_rows(store: &Store) -> i64 {
    store
        .conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'refused'",
            [],
            |r| r.get(0),
        )
        .expect("count")
}

fn assert_refused<T: std::fmt::Debug>(
    store: &mut Store,
    what: &str,
    why: Why,
    write: impl FnOnce(&mut Store) -> Result<T, StorageError>,
) {
    let before = snapshot(store);
    let recorded = refused_rows(store);
    match write(store) {
        Err(StorageError::Refused(refusal, _)) => assert_eq!(refusal.why, why, "{what}"),
        other => panic!("{what}: not refused: {other:?}"),
    }
    assert_eq!(snapshot(store), before, "{what} wrote something");
    assert_eq!(refused_rows(store), recorded + 1, "{what} is recorded");
}

#[test]
fn a_clerk_cannot_write_to_a_case_they_did_not_register_and_nothing_is_written() {
    let mut r = room();
    r.store.act_as(&User::new("police1", Role::Clerk));
    let (theirs, org, session, mediator) = (r.theirs.clone(), r.org.clone(), r.session, r.mediator);
    let s = &mut r.store;
    let mut edited = theirs.fields.clone();
    edited.parties[0].phone = "13800000000".into();
    assert_refused(s, "edit case and party", Why::NotOwn, |s| {
        s.update_case(theirs.id, theirs.version, &edited, &now())
    });
    assert_refused(s, "status", Why::NotOwn, |s| {
        s.change_status(
            &org,
            theirs.id,
            theirs.version,
            crate::domain::status::CaseStatus::Accepted,
            "",
            &[mediator],
            "police1",
            &now(),
        )
    });
    assert_refused(s, "schedule", Why::NotOwn, |s| {
        s.create_session(org.id, &booking(theirs.id, mediator, 14), "", &now())
    });
    assert_refused(s, "postpone", Why::NotOwn, |s| {
        s.postpone_session(
            org.id,
            session,
            1,
            &booking(theirs.id, mediator, 15),
            "",
            &now(),
        )
    });
    assert_refused(s, "cancel", Why::NotOwn, |s| {
        s.cancel_session(session, 1, "", &now())
    });
    assert_refused(s, "record", Why::NotOwn, |s| {
        s.record_session(session, 1, &SessionRecord::default(), &now())
    });
    let key = format!("postpone:{}", theirs.id.0);
    assert_refused(s, "draft", Why::NotOwn, |s| {
        let window = crate::storage::window::Window::open(s.path());
        s.save_draft("police1", &window, &key, "{}", &now())
    });
    let visit = FollowUp {
        case_id: theirs.id,
        visited_on: now().date_naive(),
        way: VisitWay::Phone,
        performance: Performance::Full,
        satisfaction: Satisfaction::Satisfied,
        lawsuit: false,
        escalation: false,
        measures: String::new(),
        by_whom: "police1".into(),
    };
    assert_refused(s, "visit", Why::NotOwn, |s| s.add_follow_up(&visit, &now()));
    assert_refused(s, "settings", Why::Role, |s| {
        s.add_mediator(org.id, "x", "")
    });
    // Their own case: allowed.
    let own = r.own.clone();
    let mut mine = own.fields.clone();
    mine.facts = "补充案情".into();
    r.store
        .update_case(own.id, own.version, &mine, &now())
        .expect("own case");
    r.store
        .create_session(r.org.id, &booking(own.id, r.mediator, 14), "", &now())
        .expect("own session");
    let window = crate::storage::window::Window::open(r.store.path());
    r.store
        .save_draft(
            "police1",
            &window,
            &format!("case:{}", own.id.0),
            "{}",
            &now(),
        )
        .expect("own draft");
    // The refusals show in the history of the case they concern.
    let history = r.store.case_history(theirs.id).expect("history");
    let refused: Vec<_> = history
        .iter()
        .filter(|e| e.action == AuditAction::Refused)
        .collect();
    assert_eq!(refused.len(), 8, "{history:?}");
    assert!(refused.iter().all(|e| e.user == "police1"));
    assert!(refused.iter().any(|e| e.name == "postpone_session"));
}

#[test]
fn a_read_only_user_writes_nothing_but_what_they_viewed_and_were_refused() {
    let mut r = room();
    r.store.act_as(&User::new("reader", Role::ReadOnly));
    let (theirs, org, session, mediator) = (r.theirs.clone(), r.org.clone(), r.session, r.mediator);
    let s = &mut r.store;
    assert_refused(s, "register", Why::Role, |s| {
        s.create_case(org.id, &fields("张三"), "reader", &now())
    });
    assert_refused(s, "edit", Why::Role, |s| {
        s.update_case(theirs.id, theirs.version, &theirs.fields, &now())
    });
    assert_refused(s, "postpone", Why::Role, |s| {
        s.postpone_session(
            org.id,
            session,
            1,
            &booking(theirs.id, mediator, 15),
            "",
            &now(),
        )
    });
    assert_refused(s, "cancel", Why::Role, |s| {
        s.cancel_session(session, 1, "", &now())
    });
    assert_refused(s, "draft", Why::Role, |s| {
        let window = crate::storage::window::Window::open(s.path());
        s.save_draft("reader", &window, "case:new", "{}", &now())
    });
    assert_refused(s, "user", Why::Role, |s| {
        s.add_user(&User::new("x", Role::Admin), &now())
    });
    assert_refused(s, "setting", Why::Role, |s| {
        s.set_setting(org.id, "lang", "en")
    });
    // Closing a form they only looked at deletes no draft, and is no refusal.
    let recorded = refused_rows(s);
    let window = crate::storage::window::Window::open(s.path());
    s.delete_draft("reader", window.token(), "settings")
        .expect("nothing to delete");
    assert_eq!(refused_rows(s), recorded);
    // What they were shown is recorded.
    s.record_view(theirs.id, "id_number")
        .expect("a view is recorded");
}

#[test]
fn nobody_acting_is_the_files_owner_and_a_disabled_user_does_nothing() {
    let mut r = room();
    // Maintenance commands and tests name nobody: nothing limits them.
    assert!(r.store.actor().is_none());
    let mut gone = User::new("wang", Role::Mediator);
    gone.active = false;
    r.store.act_as(&gone);
    let theirs = r.theirs.clone();
    assert_refused(&mut r.store, "disabled", Why::Disabled, |s| {
        s.update_case(theirs.id, theirs.version, &theirs.fields, &now())
    });
    assert_eq!(draft_case("record:12"), Some(12));
    assert_eq!(draft_case("case:new"), None);
    assert_eq!(draft_case("settings"), None);
}

#[test]
fn a_clerks_draft_of_a_case_a_restore_took_away_is_kept_and_of_anothers_case_refused() {
    let mut r = room();
    r.store.act_as(&User::new("police1", Role::Clerk));
    let window = crate::storage::window::Window::open(r.store.path());
    // No case has this id (a restore took it away; ids are never handed out again).
    let gone = r.theirs.id.0.max(r.own.id.0) + 100;
    r.store
        .save_draft("police1", &window, &format!("case:{gone}"), "{}", &now())
        .expect("what was typed for a case that is gone is kept");
    let theirs = format!("case:{}", r.theirs.id.0);
    assert_refused(&mut r.store, "draft", Why::NotOwn, |s| {
        s.save_draft("police1", &window, &theirs, "{}", &now())
    });
}
