//! Drafts of the agreement editor, the follow-up visit, the postpone/cancel dialog, the
//! status-change reason, the booking-override reason and the first-start form: saved when
//! typing pauses, offered at the next start, restored with every field as typed.

use super::*;
use crate::app::agreement_form::EditorPage;
use crate::app::dialogs::follow_up::FollowUpForm;
use crate::app::dialogs::reschedule::RescheduleForm;
use crate::app::dialogs::session::OverrideForm;
use crate::app::dialogs::session::SessionForm;
use crate::app::drafts::DraftData;
use crate::app::modal::ReasonForm;
use crate::domain::session::{
    InvitedParty, Session, SessionFields, SessionId, SessionKind, SessionRecord, SessionStatus,
};
use crate::storage::Draft;

/// The one draft a pause saves.
fn saved_one(s: &mut AppState) -> (String, DraftData) {
    let effects = act(s, Action::SaveDrafts);
    let mut saves: Vec<(String, DraftData)> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveDraft { key, content } => {
                Some((key.clone(), serde_json::from_str(content).unwrap()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(saves.len(), 1, "{effects:?}");
    saves.remove(0)
}

/// A fresh start offered `(key, data)`; Enter restores it. Returns the effects.
fn restored(key: &str, data: &DraftData) -> (AppState, Vec<Effect>) {
    let mut s = started();
    let draft = Draft {
        owner: "1234-gone-0".into(),
        key: key.into(),
        content: serde_json::to_string(data).unwrap(),
        updated_at: chrono::DateTime::parse_from_rfc3339("2026-11-28T14:03:00+08:00").unwrap(),
    };
    act(&mut s, Action::DraftsLoaded(vec![draft]));
    let effects = press(&mut s, KeyCode::Enter);
    (s, effects)
}

pub(super) fn planned(id: i64, day: &str) -> Session {
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    Session {
        id: SessionId(id),
        version: 1,
        fields: SessionFields {
            case_id: case().id,
            kind: SessionKind::Mediation,
            start: at(&format!("{day}T09:00:00+08:00")),
            end: at(&format!("{day}T10:00:00+08:00")),
            place: "调解室".into(),
            place_is_room: true,
            mediators: vec![MediatorId(1)],
            parties: vec![InvitedParty {
                seq: 0,
                name: "王秀兰".into(),
            }],
        },
        status: SessionStatus::Planned,
        postponed_to: None,
        cancel_reason: String::new(),
        record: SessionRecord::default(),
        override_reason: String::new(),
        mediator_names: "王建国".into(),
        case_label: String::new(),
        registered_by: String::new(),
    }
}

#[test]
fn half_a_clause_comes_back_in_the_agreement_editor_with_the_facts_and_clauses() {
    let mut s = detail(CaseStatus::Succeeded);
    press(&mut s, KeyCode::F(6));
    act(&mut s, Action::AgreementLoaded(case().id, None, true));
    let CasesView::Agreement(editor) = &mut s.cases else {
        panic!("no editor");
    };
    editor.form.set_text("facts", "楼上漏水，损坏吊顶");
    editor.clauses = vec!["一、甲方赔偿乙方三千元".into()];
    editor.form.focus_on("clauses");
    press(&mut s, KeyCode::F(7));
    type_in(&mut s, "二、乙方于十二月一日前");
    let (k, data) = saved_one(&mut s);
    assert_eq!(k, format!("agreement:{}", case().id.0));
    assert_eq!(data.version, Some(0));

    let (mut again, effects) = restored(&k, &data);
    assert!(
        effects.contains(&Effect::LoadCase(case().id)),
        "{effects:?}"
    );
    assert!(
        effects.contains(&Effect::LoadAgreement(case().id, true)),
        "{effects:?}"
    );
    // The case's sessions arrive first (as the detail reads them): the draft waits on.
    act(
        &mut again,
        Action::CaseSessionsLoaded(case().id, Vec::new()),
    );
    act(&mut again, Action::AgreementLoaded(case().id, None, true));
    let CasesView::Agreement(editor) = &again.cases else {
        panic!("no editor: {:?}", again.cases);
    };
    assert_eq!(editor.form.value("facts"), "楼上漏水，损坏吊顶");
    assert_eq!(editor.clauses, vec!["一、甲方赔偿乙方三千元".to_string()]);
    let EditorPage::Clause { index, form, .. } = &editor.page else {
        panic!("not on the clause: {:?}", editor.page);
    };
    assert_eq!(*index, None);
    assert_eq!(form.value("clause"), "二、乙方于十二月一日前");
    // The restored editor owns the draft: a second pause with nothing new writes nothing,
    // and saving it (closing the page and the editor) ends it.
    assert!(act(&mut again, Action::SaveDrafts).is_empty());
}

#[test]
fn an_agreement_draft_keeps_the_version_it_was_typed_at() {
    let mut data = DraftData {
        version: Some(3),
        ..DraftData::default()
    };
    data.more.clauses = Some(vec!["一、和好".into()]);
    let key = format!("agreement:{}", case().id.0);
    let (mut s, _) = restored(&key, &data);
    let mut stored = crate::domain::agreement::Agreement::draft(&case(), &[]);
    stored.version = 4;
    act(
        &mut s,
        Action::AgreementLoaded(case().id, Some(Box::new(stored)), true),
    );
    let CasesView::Agreement(editor) = &s.cases else {
        panic!("no editor");
    };
    // Saved at 3 while 4 is stored: the save is refused as a conflict, not overwriting.
    assert_eq!(editor.base.version, 3);
    assert_eq!(editor.clauses, vec!["一、和好".to_string()]);
}

#[test]
fn a_follow_up_visit_comes_back_over_its_case() {
    let mut s = detail(CaseStatus::Succeeded);
    let mut f = FollowUpForm::new(&case(), &s.mediators, today());
    f.form.set_text("date", "2026-11-20");
    let id = f
        .form
        .fields
        .iter()
        .find(|x| x.kind == crate::app::form::FieldKind::Multiline)
        .map(|x| x.id)
        .unwrap();
    f.form.set_text(id, "双方已按协议履行");
    s.modals.push(Modal::form(f));
    let (k, data) = saved_one(&mut s);
    assert_eq!(k, format!("followup:{}", case().id.0));
    let (again, _) = restored(&k, &data);
    let Some(f) = top(&again).and_then(Modal::dialog::<FollowUpForm>) else {
        panic!("no follow-up form: {:?}", top(&again));
    };
    assert_eq!(f.form.value(id), "双方已按协议履行");
    assert_eq!(f.form.value("date"), "2026-11-20");
}

#[test]
fn a_status_reason_comes_back_for_the_same_status_and_version() {
    let mut s = detail(CaseStatus::Accepted);
    let mut r = ReasonForm::new(case().id, 2, CaseStatus::Terminated);
    r.form.set_text("reason", "申请人撤回申请");
    s.modals.push(Modal::form(r));
    let (k, data) = saved_one(&mut s);
    assert_eq!(k, format!("reason:{}", case().id.0));
    let (again, _) = restored(&k, &data);
    let Some(r) = top(&again).and_then(Modal::dialog::<ReasonForm>) else {
        panic!("no reason form: {:?}", top(&again));
    };
    assert_eq!(r.to, CaseStatus::Terminated);
    assert_eq!(r.version, 2);
    assert_eq!(r.form.value("reason"), "申请人撤回申请");
}

#[test]
fn a_cancel_draft_waits_for_the_sessions_then_reopens_on_its_session() {
    let sessions = vec![planned(1, "2026-12-01"), planned(2, "2026-12-03")];
    let mut s = detail(CaseStatus::Accepted);
    act(
        &mut s,
        Action::CaseSessionsLoaded(case().id, sessions.clone()),
    );
    let mut rf = crate::app::dialogs::reschedule::RescheduleForm::new(
        crate::app::dialogs::reschedule::RescheduleKind::Cancel,
        &sessions,
        today(),
    )
    .unwrap();
    rf.form.set_choice("session", "1");
    rf.refresh();
    rf.form.set_text("reason", "当事人住院");
    s.modals.push(Modal::form(rf));
    let (k, data) = saved_one(&mut s);
    assert_eq!(k, format!("cancel:{}", case().id.0));
    let (mut again, _) = restored(&k, &data);
    assert!(!top(&again).is_some_and(Modal::is::<RescheduleForm>));
    act(&mut again, Action::CaseSessionsLoaded(case().id, sessions));
    let Some(rf) = top(&again).and_then(Modal::dialog::<RescheduleForm>) else {
        panic!("no dialog: {:?}", top(&again));
    };
    assert_eq!(rf.session().map(|x| x.id), Some(SessionId(2)));
    assert_eq!(rf.form.value("reason"), "当事人住院");
}

#[test]
fn a_booking_override_reason_is_kept_with_its_session_form() {
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::F(7));
    let Some(sf) = top(&s).and_then(Modal::dialog::<SessionForm>) else {
        panic!("no session form");
    };
    let fields = planned(9, "2026-12-01").fields;
    let _ = sf;
    let verdict = crate::domain::conflicts::Verdict::default();
    act(
        &mut s,
        Action::SessionClash(Box::new(fields.clone()), Box::new(verdict)),
    );
    let Some(o) = s
        .modals
        .last_mut()
        .and_then(Modal::dialog_mut::<OverrideForm>)
    else {
        panic!("no override form: {:?}", top(&s));
    };
    o.form.set_text("reason", "当事人只有这天有空");
    let (k, data) = saved_one(&mut s);
    assert_eq!(k, format!("session:{}", case().id.0));
    assert_eq!(
        data.more.override_reason.as_deref(),
        Some("当事人只有这天有空")
    );
    let (mut again, _) = restored(&k, &data);
    assert!(top(&again).is_some_and(Modal::is::<SessionForm>));
    let verdict = crate::domain::conflicts::Verdict::default();
    act(
        &mut again,
        Action::SessionClash(Box::new(fields), Box::new(verdict)),
    );
    let Some(o) = top(&again).and_then(Modal::dialog::<OverrideForm>) else {
        panic!("no override form: {:?}", top(&again));
    };
    assert_eq!(o.form.value("reason"), "当事人只有这天有空");
}

#[test]
fn the_first_start_form_comes_back_typed() {
    let no_room = || Room {
        org: None,
        mediators: Vec::new(),
        locals: Vec::new(),
        lang: None,
        printer: Default::default(),
        settings: Default::default(),
    };
    let mut s = AppState::new(today(), crate::i18n::Lang::Zh, crate::ui::screen(80, 24));
    act(&mut s, Action::RoomLoaded(Box::new(no_room())));
    type_in(&mut s, "老王调解工作室");
    let (k, data) = saved_one(&mut s);
    assert_eq!(k, "setup");
    let mut again = AppState::new(today(), crate::i18n::Lang::Zh, crate::ui::screen(80, 24));
    let effects = act(&mut again, Action::RoomLoaded(Box::new(no_room())));
    assert_eq!(effects, vec![Effect::LoadDrafts]);
    let draft = Draft {
        owner: "1234-gone-0".into(),
        key: k,
        content: serde_json::to_string(&data).unwrap(),
        updated_at: chrono::DateTime::parse_from_rfc3339("2026-11-28T14:03:00+08:00").unwrap(),
    };
    act(&mut again, Action::DraftsLoaded(vec![draft]));
    press(&mut again, KeyCode::Enter);
    assert_eq!(
        again.setup.as_ref().map(|f| f.value("room_name")),
        Some("老王调解工作室".to_string())
    );
}
