//! The conflict dialog for a status change and a session record: both versions, keep
//! mine over the version shown, take theirs, or go back to what was typed.

use super::*;
use crate::app::conflict::StatusAsk;
use crate::app::dialogs::record::RecordForm;
use crate::app::modal::ReasonForm;
use crate::domain::session::{Session, SessionId, SessionRecord, SessionStatus};

fn status_conflict(s: &mut AppState) -> Case {
    let mut theirs = case();
    theirs.version = 5;
    theirs.status = CaseStatus::Accepted;
    act(
        s,
        Action::StatusConflict {
            mine: Box::new(StatusAsk {
                to: CaseStatus::Terminated,
                reason: "申请人撤回".into(),
                mediators: Vec::new(),
            }),
            theirs: Box::new(theirs.clone()),
        },
    );
    theirs
}

#[test]
fn a_status_change_over_someone_elses_shows_both_and_keeps_mine_at_their_version() {
    let mut s = detail(CaseStatus::Registered);
    status_conflict(&mut s);
    let Some(Modal::Conflict(v)) = top(&s) else {
        panic!("no dialog: {:?}", top(&s));
    };
    let row = &v.rows[0];
    assert_eq!(row.mine, "调解终止");
    assert_eq!(row.theirs, "受理");
    press(&mut s, KeyCode::Right);
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::ChangeStatus {
            id: case().id,
            version: 5,
            to: CaseStatus::Terminated,
            reason: "申请人撤回".into(),
            mediators: Vec::new(),
        }]
    );
}

#[test]
fn back_from_a_status_conflict_reopens_the_reason_and_theirs_shows_their_case() {
    let mut s = detail(CaseStatus::Registered);
    let shown = case().version;
    status_conflict(&mut s);
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    let Some(ReasonForm {
        version, to, form, ..
    }) = top(&s).and_then(Modal::dialog::<ReasonForm>)
    else {
        panic!("no reason: {:?}", top(&s));
    };
    assert_eq!((*version, *to), (shown, CaseStatus::Terminated));
    assert_eq!(form.value("reason"), "申请人撤回");

    let mut s = detail(CaseStatus::Registered);
    status_conflict(&mut s);
    press(&mut s, KeyCode::Left);
    press(&mut s, KeyCode::Enter);
    let CasesView::Detail(d) = &s.cases else {
        panic!("not on the detail");
    };
    assert_eq!((d.case.version, d.case.status), (5, CaseStatus::Accepted));
}

fn record_conflicted() -> (AppState, Session) {
    let mut s = detail(CaseStatus::Accepted);
    let mut theirs: Session = super::drafts_after_load::planned(4, "2026-11-27");
    theirs.id = SessionId(4);
    theirs.version = 7;
    theirs.status = SessionStatus::Held;
    theirs.record.notes = "他记的".into();
    let form = crate::app::dialogs::record::RecordForm::new(std::slice::from_ref(&theirs), today())
        .expect("a record form");
    s.modals.push(Modal::form(form));
    act(
        &mut s,
        Action::RecordConflict {
            mine: Box::new(SessionRecord {
                notes: "我记的".into(),
                ..SessionRecord::default()
            }),
            theirs: Box::new(theirs.clone()),
        },
    );
    (s, theirs)
}

#[test]
fn a_record_saved_meanwhile_shows_both_records_and_keep_mine_saves_at_their_version() {
    let (mut s, theirs) = record_conflicted();
    let Some(Modal::Conflict(v)) = top(&s) else {
        panic!("no dialog: {:?}", top(&s));
    };
    assert!(
        v.rows
            .iter()
            .any(|r| r.mine == "我记的" && r.theirs == "他记的")
    );
    press(&mut s, KeyCode::Right);
    let effects = press(&mut s, KeyCode::Enter);
    let [
        Effect::RecordSession {
            id,
            version,
            record,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!((*id, *version), (theirs.id, 7));
    assert_eq!(record.notes, "我记的");
    assert!(
        top(&s).is_some_and(Modal::is::<RecordForm>),
        "open until saved"
    );
}

#[test]
fn taking_their_record_closes_the_form_and_back_keeps_it() {
    let (mut s, theirs) = record_conflicted();
    press(&mut s, KeyCode::Esc);
    assert!(top(&s).is_some_and(Modal::is::<RecordForm>));
    let (mut s, _) = record_conflicted();
    press(&mut s, KeyCode::Left);
    let effects = press(&mut s, KeyCode::Enter);
    assert!(s.modals.is_empty());
    assert_eq!(
        effects,
        vec![Effect::LoadCaseSessions(theirs.fields.case_id)]
    );
}

#[test]
fn recording_a_session_that_has_not_come_yet_as_held_asks_first_naming_its_date() {
    let mut s = detail(CaseStatus::Accepted);
    let tomorrow = super::drafts_after_load::planned(5, "2026-11-29");
    let form =
        crate::app::dialogs::record::RecordForm::new(std::slice::from_ref(&tomorrow), today())
            .expect("a record form");
    s.modals.push(Modal::form(form));
    if let Some(r) = s
        .modals
        .last_mut()
        .and_then(Modal::dialog_mut::<RecordForm>)
    {
        r.form.set_text("notes", "双方同意");
    }
    let effects = press(&mut s, KeyCode::F(2));
    assert!(
        effects.is_empty(),
        "recorded without a question: {effects:?}"
    );
    let Some(Modal::Confirm(c)) = top(&s) else {
        panic!("no question: {:?}", top(&s));
    };
    assert!(c.question.contains("2026-11-29"), "{}", c.question);
    // The safe answer is the default: Enter keeps the form open, nothing is stored.
    let effects = press(&mut s, KeyCode::Enter);
    assert!(effects.is_empty());
    assert!(top(&s).is_some_and(Modal::is::<RecordForm>));
    press(&mut s, KeyCode::F(2));
    let effects = key(&mut s, Key::char('y'));
    assert!(
        matches!(effects.as_slice(), [Effect::RecordSession { id, .. }] if *id == tomorrow.id),
        "{effects:?}"
    );
    assert!(
        top(&s).is_some_and(Modal::is::<RecordForm>),
        "open until saved"
    );
    // A session of today is recorded at once.
    let mut s = detail(CaseStatus::Accepted);
    let held = super::drafts_after_load::planned(6, "2026-11-28");
    let form = crate::app::dialogs::record::RecordForm::new(std::slice::from_ref(&held), today())
        .expect("a record form");
    s.modals.push(Modal::form(form));
    if let Some(r) = s
        .modals
        .last_mut()
        .and_then(Modal::dialog_mut::<RecordForm>)
    {
        r.form.set_text("notes", "双方同意");
    }
    let effects = press(&mut s, KeyCode::F(2));
    assert!(
        matches!(effects.as_slice(), [Effect::RecordSession { .. }]),
        "{effects:?}"
    );
}
