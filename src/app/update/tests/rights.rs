//! Keys and dialogs ask the rights table: a 只读 user is refused every writing key on a
//! case and on 日程 with a reason (and the refusal is recorded), a 登记员 is refused
//! another case's sessions on 日程, and a dialog's F2 is checked even if it was open.

use super::*;
use crate::app::dialogs::reschedule::{RescheduleForm, RescheduleKind};
use crate::domain::rights::Operation;
use crate::domain::session::{
    InvitedParty, Session, SessionFields, SessionId, SessionKind, SessionRecord, SessionStatus,
};
use crate::domain::user::{Role, User};

fn as_role(mut s: AppState, role: Role, name: &str) -> AppState {
    s.user = User::new(name, role);
    s
}

fn session(case: i64, registered_by: &str) -> Session {
    let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).expect("valid");
    Session {
        id: SessionId(case * 10),
        version: 1,
        fields: SessionFields {
            case_id: CaseId(case),
            kind: SessionKind::Mediation,
            start: at("2026-11-28T15:00:00+08:00"),
            end: at("2026-11-28T16:00:00+08:00"),
            place: "小调解室".into(),
            place_is_room: true,
            mediators: vec![MediatorId(1)],
            parties: vec![InvitedParty {
                seq: 0,
                name: "刘春梅".into(),
            }],
        },
        status: SessionStatus::Planned,
        postponed_to: None,
        record: SessionRecord::default(),
        override_reason: String::new(),
        cancel_reason: String::new(),
        mediator_names: "王建国".into(),
        case_label: "（2026）临新人调字第42号".into(),
        registered_by: registered_by.into(),
    }
}

/// Writes among effects (anything but reads and the refusal's own record).
fn writes(effects: &[Effect]) -> Vec<&Effect> {
    effects
        .iter()
        .filter(|e| {
            crate::app::guard::asked(e).is_some_and(|(op, _)| {
                !matches!(
                    op,
                    Operation::ViewCase | Operation::ViewAgenda | Operation::Search
                )
            })
        })
        .collect()
}

fn refusals(effects: &[Effect]) -> Vec<Operation> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::RecordRefusal { refusal, .. } => Some(refusal.operation),
            _ => None,
        })
        .collect()
}

#[test]
fn a_read_only_user_is_refused_every_writing_key_on_a_case_with_a_reason() {
    let keys = [
        (KeyCode::F(4), Operation::EditCase),
        (KeyCode::F(9), Operation::ChangeStatus),
        (KeyCode::F(7), Operation::ScheduleSession),
        (KeyCode::F(8), Operation::RecordSession),
        (KeyCode::F(5), Operation::PostponeSession),
        (KeyCode::F(11), Operation::CancelSession),
        (KeyCode::F(3), Operation::RecordFollowUp),
    ];
    for (code, op) in keys {
        let mut s = as_role(detail(CaseStatus::Accepted), Role::ReadOnly, "reader");
        s.detail_of(case().id).expect("the case is open").sessions =
            Some(vec![session(case().id.0, "wang")]);
        let effects = press(&mut s, code);
        assert!(s.modals.is_empty(), "{code:?} opened {:?}", s.modals);
        assert!(matches!(s.cases, CasesView::Detail(_)), "{code:?}");
        assert!(writes(&effects).is_empty(), "{code:?}: {effects:?}");
        assert_eq!(refusals(&effects), vec![op], "{code:?} is recorded");
        let said = s
            .status
            .as_ref()
            .map(|l| l.text.clone())
            .unwrap_or_default();
        assert!(said.contains("只读") && said.contains("管理员"), "{said}");
    }
    // Letters do what F-keys do.
    let mut s = as_role(detail(CaseStatus::Accepted), Role::ReadOnly, "reader");
    let effects = key(&mut s, Key::char('p'));
    assert_eq!(refusals(&effects), vec![Operation::PostponeSession]);
}

#[test]
fn a_dialog_open_for_a_role_that_may_not_submit_it_refuses_its_f2() {
    // However it got open (a draft, a role changed meanwhile), F2 asks the table.
    let mut s = as_role(detail(CaseStatus::Accepted), Role::ReadOnly, "reader");
    let planned = session(case().id.0, "wang");
    let form = RescheduleForm::new(RescheduleKind::Cancel, &[planned], today()).expect("planned");
    s.modals.push(Modal::form(form));
    let effects = press(&mut s, KeyCode::F(2));
    assert!(writes(&effects).is_empty(), "{effects:?}");
    assert_eq!(refusals(&effects), vec![Operation::CancelSession]);
    assert_eq!(s.modals.len(), 1, "the dialog stays, with its text");
}

fn agenda_as(role: Role, name: &str, sessions: Vec<Session>) -> AppState {
    let mut s = as_role(started(), role, name);
    s.tab = Tab::Schedule;
    act(&mut s, Action::AgendaLoaded(sessions));
    s
}

#[test]
fn the_front_desk_is_refused_another_cases_session_on_the_schedule() {
    for (code, op) in [
        (KeyCode::F(7), Operation::PostponeSession),
        (KeyCode::F(8), Operation::CancelSession),
    ] {
        let mut s = agenda_as(Role::Clerk, "police1", vec![session(7, "wang")]);
        let effects = press(&mut s, code);
        assert!(s.modals.is_empty(), "{code:?} opened a dialog");
        assert_eq!(refusals(&effects), vec![op]);
        assert!(matches!(
            effects
                .iter()
                .find(|e| matches!(e, Effect::RecordRefusal { .. })),
            Some(Effect::RecordRefusal {
                case: Some(CaseId(7)),
                ..
            })
        ));
        let said = s
            .status
            .as_ref()
            .map(|l| l.text.clone())
            .unwrap_or_default();
        assert!(
            said.contains("登记员") && said.contains("自己登记"),
            "{said}"
        );
        // Their own case's session: the dialog opens.
        let mut own = agenda_as(Role::Clerk, "police1", vec![session(9, "police1")]);
        press(&mut own, code);
        assert!(own.modals.last().is_some_and(Modal::is::<RescheduleForm>));
    }
    // A 只读 user is refused both on any session, a mediator on none.
    let mut reader = agenda_as(Role::ReadOnly, "r", vec![session(7, "wang")]);
    assert_eq!(
        refusals(&press(&mut reader, KeyCode::F(8))),
        vec![Operation::CancelSession]
    );
    let mut mediator = agenda_as(Role::Mediator, "m", vec![session(7, "wang")]);
    assert!(refusals(&press(&mut mediator, KeyCode::F(8))).is_empty());
    assert!(
        mediator
            .modals
            .last()
            .is_some_and(Modal::is::<RescheduleForm>)
    );
}

#[test]
fn the_key_bar_shows_what_the_handler_allows() {
    use crate::app::key_rights::may_use;
    use crate::app::keymap::Context;
    let clerk = agenda_as(Role::Clerk, "police1", vec![session(7, "wang")]);
    let contexts = [Context::Schedule, Context::Global];
    let postpone = crate::app::command::Command::PostponeSession;
    assert!(!may_use(&clerk, &contexts, Context::Schedule, postpone));
    let own = agenda_as(Role::Clerk, "police1", vec![session(9, "police1")]);
    assert!(may_use(&own, &contexts, Context::Schedule, postpone));
    let reader = as_role(detail(CaseStatus::Accepted), Role::ReadOnly, "r");
    let detail_keys = [Context::Detail, Context::Global];
    for cmd in [
        crate::app::command::Command::Edit,
        crate::app::command::Command::PostponeSession,
        crate::app::command::Command::NewFollowUp,
    ] {
        assert!(
            !may_use(&reader, &detail_keys, Context::Detail, cmd),
            "{cmd:?}"
        );
    }
    assert!(may_use(
        &reader,
        &detail_keys,
        Context::Detail,
        crate::app::command::Command::Agreement
    ));
}
