//! Every write storage checks × every role × own and someone else's case, on a real file:
//! the outcome is what the rights table says — done, or refused with its reason and
//! nothing written.

use super::super::*;
use crate::domain::case::CaseFields;
use crate::domain::follow_up::{FollowUp, Performance, Satisfaction, VisitWay};
use crate::domain::org::{MediatorId, Organisation};
use crate::domain::rights::Why;
use crate::domain::session::{SessionFields, SessionRecord};
use crate::domain::status::CaseStatus;
use crate::domain::user::Role;
use crate::storage::test_room::{self, TestRoom, now, one_applicant, open_room};

fn fields(name: &str) -> CaseFields {
    one_applicant(name, "邻里纠纷")
}

fn booking(case: CaseId, mediator: MediatorId, hour: u32) -> SessionFields {
    test_room::booking(case, mediator, hour, &format!("调解室{hour}"))
}

/// A room with a case registered by `registrar` and a planned session of it.
fn room(
    registrar: &str,
) -> (
    tempfile::TempDir,
    Store,
    Organisation,
    MediatorId,
    CaseId,
    SessionId,
) {
    let TestRoom {
        dir,
        mut store,
        org,
    } = open_room();
    let mediator = store
        .add_mediator(org.id, "王秀英", "")
        .expect("mediator")
        .id;
    store.set_user(registrar);
    let case = store
        .create_case(org.id, &fields("甲"), registrar, &now())
        .expect("case")
        .id;
    let session = store
        .create_session(org.id, &booking(case, mediator, 9), "", &now())
        .expect("session")
        .session
        .id;
    (dir, store, org, mediator, case, session)
}

/// The writes storage checks against the table, each on the case `case`.
const WRITES: &[Operation] = &[
    Operation::RegisterCase,
    Operation::EditCase,
    Operation::ChangeStatus,
    Operation::ScheduleSession,
    Operation::PostponeSession,
    Operation::CancelSession,
    Operation::RecordSession,
    Operation::RecordFollowUp,
    Operation::SaveDraft,
    Operation::EditSettings,
    Operation::ManageUsers,
];

fn write(
    store: &mut Store,
    op: Operation,
    (org, mediator, case, session): (&Organisation, MediatorId, CaseId, SessionId),
) -> Result<(), StorageError> {
    let loaded = store.load_case(case)?;
    match op {
        Operation::RegisterCase => store
            .create_case(org.id, &fields("乙"), "actor", &now())
            .map(drop),
        Operation::EditCase => {
            let mut f = loaded.fields.clone();
            f.parties[0].phone = "13800000000".into();
            store
                .update_case(case, loaded.version, &f, &now())
                .map(drop)
        }
        Operation::ChangeStatus => store
            .change_status(
                org,
                case,
                loaded.version,
                CaseStatus::Accepted,
                "",
                &[mediator],
                "actor",
                &now(),
            )
            .map(drop),
        Operation::ScheduleSession => store
            .create_session(org.id, &booking(case, mediator, 14), "", &now())
            .map(drop),
        Operation::PostponeSession => store
            .postpone_session(org.id, session, 1, &booking(case, mediator, 15), "", &now())
            .map(drop),
        Operation::CancelSession => store.cancel_session(session, 1, "", &now()).map(drop),
        Operation::RecordSession => store
            .record_session(session, 1, &SessionRecord::default(), &now())
            .map(drop),
        Operation::RecordFollowUp => store.add_follow_up(
            &FollowUp {
                case_id: case,
                visited_on: now().date_naive(),
                way: VisitWay::Phone,
                performance: Performance::Full,
                satisfaction: Satisfaction::Satisfied,
                lawsuit: false,
                escalation: false,
                measures: String::new(),
                by_whom: "actor".into(),
            },
            &now(),
        ),
        Operation::SaveDraft => {
            let window = crate::storage::window::Window::open(store.path());
            store.save_draft(
                "actor",
                &window,
                &format!("record:{}", case.0),
                "{}",
                &now(),
            )
        }
        Operation::EditSettings => store.add_mediator(org.id, "新调解员", "").map(drop),
        Operation::ManageUsers => store.add_user(&User::new("new", Role::Clerk), &now()),
        other => panic!("{other:?} is not in WRITES"),
    }
}

fn rows(store: &Store) -> i64 {
    store
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM audit WHERE action <> 'refused')
                  + (SELECT count(*) FROM drafts) + (SELECT count(*) FROM mediators)",
            [],
            |r| r.get(0),
        )
        .expect("count")
}

#[test]
fn every_write_role_and_case_is_done_or_refused_as_the_table_says() {
    for role in Role::ALL.iter().copied() {
        for registrar in ["actor", "wang"] {
            for op in WRITES.iter().copied() {
                let (_dir, mut store, org, mediator, case, session) = room(registrar);
                let actor = User::new("actor", role);
                store.act_as(&actor);
                // Registering makes a new case: no case is asked about.
                let scope = (op != Operation::RegisterCase
                    && op != Operation::EditSettings
                    && op != Operation::ManageUsers)
                    .then_some(registrar);
                let expected = check(&actor, op, scope);
                let before = rows(&store);
                let got = write(&mut store, op, (&org, mediator, case, session));
                let what = format!("{role:?} {op:?} on {registrar}'s case");
                match (expected, got) {
                    (Ok(()), Ok(())) => assert!(rows(&store) > before, "{what} wrote nothing"),
                    (Err(want), Err(StorageError::Refused(refusal, _))) => {
                        assert_eq!(refusal, want, "{what}");
                        assert_eq!(rows(&store), before, "{what} wrote");
                    }
                    (expected, got) => panic!("{what}: table {expected:?}, storage {got:?}"),
                }
            }
        }
    }
    // The table's reasons reach storage: someone else's case, or the role.
    let clerk = User::new("actor", Role::Clerk);
    assert_eq!(
        check(&clerk, Operation::CancelSession, Some("wang")).map_err(|r| r.why),
        Err(Why::NotOwn)
    );
}
