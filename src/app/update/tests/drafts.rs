//! Drafts: saved when typing pauses (only what changed), deleted when the form is saved
//! or given up, offered at the next start, restored with every field, or discarded.

use super::*;
use crate::app::dialogs::record::RecordForm;
use crate::app::dialogs::session::SessionForm;
use crate::app::drafts::DraftData;
use crate::app::party_form::PartyForm;
use crate::app::settings::SettingsItem;
use crate::storage::Draft;

fn saves(effects: &[Effect]) -> Vec<(String, DraftData)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveDraft { key, content } => {
                Some((key.clone(), serde_json::from_str(content).unwrap()))
            }
            _ => None,
        })
        .collect()
}

fn deletes(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::DeleteDraft(key) => Some(key.clone()),
            _ => None,
        })
        .collect()
}

/// A new case form with facts and a half-typed party dialog over it.
fn half_typed() -> AppState {
    let mut s = started();
    key(&mut s, Key::char('n'));
    for _ in 0..3 {
        press(&mut s, KeyCode::Tab);
    }
    type_in(&mut s, "楼上漏水，损坏吊顶");
    press(&mut s, KeyCode::F(7));
    type_in(&mut s, "张三丰");
    s
}

fn stored(key: &str, data: &DraftData) -> Draft {
    Draft {
        owner: "1234-gone-0".into(),
        key: key.into(),
        content: serde_json::to_string(data).unwrap(),
        updated_at: chrono::DateTime::parse_from_rfc3339("2026-11-28T14:03:00+08:00").unwrap(),
    }
}

#[test]
fn a_pause_saves_the_open_form_once_with_its_party_dialog() {
    let mut s = half_typed();
    let first = saves(&act(&mut s, Action::SaveDrafts));
    assert_eq!(first.len(), 1);
    let (k, data) = &first[0];
    assert_eq!(k, "case:new");
    assert_eq!(data.fields["facts"], "楼上漏水，损坏吊顶");
    assert_eq!(data.party.as_ref().unwrap().fields["name"], "张三丰");
    assert!(
        saves(&act(&mut s, Action::SaveDrafts)).is_empty(),
        "nothing changed since: nothing written"
    );
    type_in(&mut s, "x");
    assert_eq!(saves(&act(&mut s, Action::SaveDrafts)).len(), 1);
}

#[test]
fn an_untouched_form_has_no_draft() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    assert!(saves(&act(&mut s, Action::SaveDrafts)).is_empty());
}

#[test]
fn a_saved_case_deletes_its_draft_and_a_failed_save_keeps_it() {
    let mut s = half_typed();
    act(&mut s, Action::SaveDrafts);
    press(&mut s, KeyCode::F(2)); // the party into the form
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.iter().any(|e| matches!(e, Effect::CreateCase(_))));
    assert!(deletes(&effects).is_empty(), "not saved yet");
    let failed = act(
        &mut s,
        Action::Failed(Failure {
            message: "磁盘已满".into(),
            conflict: false,
            while_saving: true,
        }),
    );
    assert!(deletes(&failed).is_empty(), "the form is still open");
    let effects = act(&mut s, Action::CaseSaved(Box::new(case())));
    assert_eq!(deletes(&effects), ["case:new"]);
}

#[test]
fn discarding_the_form_on_purpose_deletes_its_draft() {
    let mut s = half_typed();
    act(&mut s, Action::SaveDrafts);
    press(&mut s, KeyCode::Esc); // the party dialog asks
    key(&mut s, Key::char('y'));
    press(&mut s, KeyCode::Esc); // the case form asks
    let effects = key(&mut s, Key::char('y'));
    assert!(matches!(s.cases, CasesView::List));
    assert_eq!(deletes(&effects), ["case:new"]);
}

#[test]
fn drafts_are_offered_at_start_and_restore_every_field() {
    let mut typed = half_typed();
    let (_, data) = saves(&act(&mut typed, Action::SaveDrafts)).remove(0);
    let effects = {
        let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
        act(&mut s, Action::RoomLoaded(Box::new(room())))
    };
    assert!(effects.contains(&Effect::LoadDrafts), "{effects:?}");
    let mut s = started();
    act(
        &mut s,
        Action::DraftsLoaded(vec![stored("case:new", &data)]),
    );
    let Some(Modal::Drafts(offer)) = top(&s) else {
        panic!("no offer: {:?}", top(&s));
    };
    assert_eq!(offer.rows[0].when, "11-28 14:03");
    press(&mut s, KeyCode::Enter);
    assert_eq!(form(&s).form.value("facts"), "楼上漏水，损坏吊顶");
    assert_eq!(focused(&s), "facts");
    let Some(p) = top(&s).and_then(Modal::dialog::<PartyForm>) else {
        panic!("no party dialog");
    };
    assert_eq!(p.form.value("name"), "张三丰");
    // The restored draft is this run's: giving the form up deletes it.
    press(&mut s, KeyCode::Esc);
    key(&mut s, Key::char('y'));
    press(&mut s, KeyCode::Esc);
    assert_eq!(deletes(&key(&mut s, Key::char('y'))), ["case:new"]);
}

#[test]
fn discard_deletes_the_draft_and_esc_keeps_it_for_later() {
    let data = DraftData {
        fields: [("facts".to_string(), "吵架".to_string())].into(),
        ..DraftData::default()
    };
    let mut s = started();
    act(
        &mut s,
        Action::DraftsLoaded(vec![stored("case:new", &data), stored("settings", &data)]),
    );
    // The draft is deleted where it is: in the gone window that left it.
    assert_eq!(
        press(&mut s, KeyCode::Delete),
        [Effect::DiscardDraft {
            owner: "1234-gone-0".into(),
            key: "case:new".into()
        }]
    );
    assert!(matches!(top(&s), Some(Modal::Drafts(o)) if o.rows.len() == 1));
    // Later: nothing deleted, and the gone window is let go (offered at a later start).
    assert_eq!(press(&mut s, KeyCode::Esc), [Effect::ReleaseDrafts]);
    assert!(s.modals.is_empty());
}

#[test]
fn a_restored_draft_becomes_this_windows_own_before_anything_else() {
    let data = DraftData {
        fields: [("facts".to_string(), "吵架".to_string())].into(),
        ..DraftData::default()
    };
    let mut s = started();
    act(
        &mut s,
        Action::DraftsLoaded(vec![stored("case:new", &data)]),
    );
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(
        effects[..2],
        [
            Effect::AdoptDraft {
                owner: "1234-gone-0".into(),
                key: "case:new".into()
            },
            Effect::ReleaseDrafts
        ]
    );
    assert_eq!(form(&s).form.value("facts"), "吵架");
    // Given up: the draft, now this window's, is deleted as this window's.
    press(&mut s, KeyCode::Esc);
    let effects = key(&mut s, Key::char('y'));
    assert_eq!(deletes(&effects), ["case:new"]);
}

#[test]
fn nothing_to_offer_lets_the_gone_windows_go_at_once() {
    let mut s = started();
    assert_eq!(
        act(&mut s, Action::DraftsLoaded(Vec::new())),
        [Effect::ReleaseDrafts]
    );
    assert!(s.modals.is_empty());
}

#[test]
fn an_edited_case_draft_reopens_at_the_version_it_was_opened_at() {
    let data = DraftData {
        fields: [("facts".to_string(), "改过的事实".to_string())].into(),
        focus: "facts".into(),
        version: Some(1),
        ..DraftData::default()
    };
    let mut s = started();
    act(&mut s, Action::DraftsLoaded(vec![stored("case:7", &data)]));
    // The fake store answers LoadCase(7) with the case at its current version.
    let effects = press(&mut s, KeyCode::Enter);
    assert!(effects.contains(&Effect::LoadCase(CaseId(7))));
    assert_eq!(form(&s).editing, Some((CaseId(7), 1)));
    assert_eq!(form(&s).form.value("facts"), "改过的事实");
}

#[test]
fn unknown_or_unreadable_drafts_are_not_offered() {
    let mut s = started();
    let bad = Draft {
        key: "contract:1".into(),
        ..stored("x", &DraftData::default())
    };
    let broken = Draft {
        content: "{not json".into(),
        ..stored("case:new", &DraftData::default())
    };
    act(&mut s, Action::DraftsLoaded(vec![bad, broken]));
    assert!(s.modals.is_empty());
}

#[test]
fn a_new_mediator_half_typed_in_settings_comes_back_in_its_dialog() {
    let mut s = started();
    s.tab = crate::app::state::Tab::Settings;
    press(&mut s, KeyCode::F(7));
    assert!(top(&s).is_some_and(Modal::is::<SettingsItem>));
    type_in(&mut s, "赵秀梅");
    let (k, data) = saves(&act(&mut s, Action::SaveDrafts)).remove(0);
    assert_eq!(k, "settings:mediator");
    let mut again = started();
    act(&mut again, Action::DraftsLoaded(vec![stored(&k, &data)]));
    press(&mut again, KeyCode::Enter);
    let Some(item) = top(&again).and_then(Modal::dialog::<SettingsItem>) else {
        panic!("no dialog: {:?}", top(&again));
    };
    assert_eq!(item.form.value("name"), "赵秀梅");
    // Saved: the dialog closes and the draft goes.
    let effects = press(&mut again, KeyCode::F(2));
    assert!(
        effects.contains(&Effect::DeleteDraft("settings:mediator".into())),
        "{effects:?}"
    );
}

#[test]
fn a_session_draft_waits_for_its_case_then_reopens_the_form_filled() {
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::F(7));
    let Some(sf) = s
        .modals
        .last_mut()
        .and_then(Modal::dialog_mut::<SessionForm>)
    else {
        panic!("no session form: {:?}", top(&s));
    };
    let id = sf
        .form
        .fields
        .iter()
        .find(|f| f.kind == crate::app::form::FieldKind::Text)
        .map(|f| f.id)
        .unwrap();
    sf.form.set_text(id, "村委会二楼");
    let (k, data) = saves(&act(&mut s, Action::SaveDrafts)).remove(0);
    assert_eq!(k, format!("session:{}", case().id.0));
    let mut again = started();
    act(&mut again, Action::DraftsLoaded(vec![stored(&k, &data)]));
    let effects = press(&mut again, KeyCode::Enter);
    assert!(
        effects.contains(&Effect::LoadCase(case().id)),
        "{effects:?}"
    );
    let Some(sf) = top(&again).and_then(Modal::dialog::<SessionForm>) else {
        panic!("no session form: {:?}", top(&again));
    };
    assert_eq!(sf.form.value(id), "村委会二楼");
    assert!(matches!(again.cases, CasesView::Detail(_)));
}

#[test]
fn a_record_draft_waits_for_the_sessions_then_reopens_with_its_session_and_text() {
    use crate::domain::session::{
        InvitedParty, Session, SessionFields, SessionId, SessionKind, SessionRecord, SessionStatus,
    };
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let session = |id: i64, day: &str| Session {
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
    };
    let sessions = vec![session(1, "2026-11-20"), session(2, "2026-11-27")];
    let data = DraftData {
        fields: [
            ("session".to_string(), "0".to_string()),
            ("notes".to_string(), "双方同意先修吊顶".to_string()),
        ]
        .into(),
        focus: "notes".into(),
        ..DraftData::default()
    };
    let key = format!("record:{}", case().id.0);
    let mut s = started();
    act(&mut s, Action::DraftsLoaded(vec![stored(&key, &data)]));
    press(&mut s, KeyCode::Enter);
    assert!(
        !top(&s).is_some_and(Modal::is::<RecordForm>),
        "not before the sessions"
    );
    act(&mut s, Action::CaseSessionsLoaded(case().id, sessions));
    let Some(rf) = top(&s).and_then(Modal::dialog::<RecordForm>) else {
        panic!("no record form: {:?}", top(&s));
    };
    assert_eq!(rf.session().map(|x| x.id), Some(SessionId(1)));
    assert_eq!(rf.form.value("notes"), "双方同意先修吊顶");
}
