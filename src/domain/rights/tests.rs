//! The table, checked against what each role was promised (docs/users-and-audit.md):
//! every operation × every role × own case, someone else's case and no case.

use super::*;

/// What each role may do, written out again by hand: (operation, 管理员, 调解员, 登记员,
/// 只读). A new operation fails `every_operation_is_decided_here` until it is listed.
const EXPECTED: &[(Operation, Reach, Reach, Reach, Reach)] = {
    use Operation as O;
    use Reach::{Any as A, No as N, Own as M};
    &[
        (O::ViewCase, A, A, M, A),
        (O::Search, A, A, M, A),
        (O::ViewAgenda, A, A, A, A),
        (O::ViewStats, A, A, A, A),
        (O::ViewAgreement, A, A, N, A),
        (O::RegisterCase, A, A, A, N),
        (O::EditCase, A, A, M, N),
        (O::ChangeStatus, A, A, M, N),
        (O::ScheduleSession, A, A, M, N),
        (O::PostponeSession, A, A, M, N),
        (O::CancelSession, A, A, M, N),
        (O::RecordSession, A, A, M, N),
        (O::RecordFollowUp, A, A, M, N),
        (O::SaveAgreement, A, A, N, N),
        (O::SaveDraft, A, A, M, N),
        (O::PrintDocument, A, A, M, A),
        (O::ExportStats, A, A, A, A),
        (O::ExportLedger, A, A, M, A),
        (O::ExportUnmasked, A, N, N, N),
        (O::ExportCases, A, A, M, A),
        (O::EditSettings, A, N, N, N),
        (O::ManageUsers, A, N, N, N),
        (O::SetUpRoom, A, N, N, N),
        (O::Import, A, N, N, N),
        (O::Backup, A, N, N, N),
        (O::Restore, A, N, N, N),
        (O::Check, A, A, A, A),
        (O::Demo, A, N, N, N),
    ]
};

fn expected(op: Operation, role: Role) -> Reach {
    let Some(row) = EXPECTED.iter().find(|row| row.0 == op) else {
        panic!("{op:?} has no row in EXPECTED: decide its rights");
    };
    match role {
        Role::Admin => row.1,
        Role::Mediator => row.2,
        Role::Clerk => row.3,
        Role::ReadOnly => row.4,
    }
}

#[test]
fn every_operation_is_decided_here() {
    for op in Operation::ALL {
        assert_eq!(
            EXPECTED.iter().filter(|row| row.0 == *op).count(),
            1,
            "{op:?} must be listed exactly once"
        );
    }
    assert_eq!(EXPECTED.len(), Operation::ALL.len());
}

#[test]
fn every_operation_role_and_case_answers_as_the_table_says() {
    for op in Operation::ALL.iter().copied() {
        for role in Role::ALL.iter().copied() {
            let me = User::new("me", role);
            let want = expected(op, role);
            let own = check(&me, op, Some("me"));
            let other = check(&me, op, Some("someone else"));
            let room = check(&me, op, None);
            match want {
                Reach::Any => {
                    assert!(
                        own.is_ok() && other.is_ok() && room.is_ok(),
                        "{op:?} {role:?}"
                    )
                }
                Reach::Own => {
                    assert!(own.is_ok() && room.is_ok(), "{op:?} {role:?} own");
                    let refusal = other.expect_err("someone else's case");
                    assert_eq!(refusal.why, Why::NotOwn, "{op:?} {role:?}");
                }
                Reach::No => {
                    for answer in [own, other, room] {
                        let refusal = answer.expect_err("refused");
                        assert_eq!((refusal.why, refusal.role), (Why::Role, role));
                        assert_eq!(refusal.operation, op);
                    }
                }
            }
            // A disabled user may do nothing at all.
            let mut gone = me.clone();
            gone.active = false;
            let refusal = check(&gone, op, Some("me")).expect_err("disabled");
            assert_eq!(refusal.why, Why::Disabled);
        }
    }
}

#[test]
fn a_refusal_names_the_role_what_and_who_can_in_both_languages() {
    use crate::i18n::{Lang, set_lang};
    let clerk = User::new("前台", Role::Clerk);
    let refusal = check(&clerk, Operation::PostponeSession, Some("王调解")).unwrap_err();
    set_lang(Lang::Zh);
    let zh = refusal.to_string();
    assert!(zh.contains("登记员") && zh.contains("改期"), "{zh}");
    assert!(zh.contains("管理员") && zh.contains("调解员"), "{zh}");
    let reader = User::new("r", Role::ReadOnly);
    let refusal = check(&reader, Operation::CancelSession, None).unwrap_err();
    set_lang(Lang::En);
    let en = refusal.to_string();
    set_lang(Lang::Zh);
    assert!(en.contains("Read-only") && en.contains("call"), "{en}");
    assert!(en.contains("Administrator"), "{en}");
    // Every operation has its words in both catalogues.
    for op in Operation::ALL {
        for lang in [Lang::Zh, Lang::En] {
            set_lang(lang);
            let what = crate::i18n::label("rights.op", op.code());
            assert!(
                !what.starts_with("rights.op."),
                "{op:?} has no words in {lang:?}"
            );
        }
    }
    set_lang(Lang::Zh);
}
