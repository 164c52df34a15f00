//! The behaviour every form dialog shares, checked over every one of them through the one
//! protocol (`app/dialogs`): paste lands in the focused field, a pause writes a draft that a
//! fresh start restores, Esc with something typed asks first, and F2 asks the rights table.

use super::drafts_after_load::planned;
use super::*;
use crate::app::dialogs::FormDialog;
use crate::app::dialogs::follow_up::FollowUpForm;
use crate::app::dialogs::record::RecordForm;
use crate::app::dialogs::reschedule::{RescheduleForm, RescheduleKind};
use crate::app::dialogs::session::{OverrideForm, SessionForm};
use crate::app::drafts::DraftData;
use crate::app::form::FieldKind;
use crate::app::modal::ReasonForm;
use crate::domain::follow_up::Place;
use crate::domain::rights::Operation;
use crate::domain::session::Session;
use crate::domain::user::{Role, User};
use crate::storage::Draft;

const TYPED: &str = "甲乙丙";

/// Every form dialog, open over what it is opened from; with the sessions of the case.
fn every_dialog() -> Vec<(&'static str, AppState)> {
    let sessions = || vec![planned(1, "2026-12-01")];
    let on_detail = |modal: Modal| {
        let mut s = detail(CaseStatus::Accepted);
        act(&mut s, Action::CaseSessionsLoaded(case().id, sessions()));
        s.modals.push(modal);
        s
    };
    let session_form = || {
        let s = detail(CaseStatus::Accepted);
        SessionForm::new(&case(), &s.mediators, &Place::defaults(), today())
    };
    let reschedule = |kind| RescheduleForm::new(kind, &sessions(), today()).expect("planned");
    let mut party = started();
    key(&mut party, Key::char('n'));
    press(&mut party, KeyCode::F(7));
    let mut item = started();
    item.tab = Tab::Settings;
    press(&mut item, KeyCode::F(7));
    let mut clash = on_detail(Modal::form(session_form()));
    let fields = planned(2, "2026-12-02").fields;
    let over = OverrideForm::new(fields, vec!["调解室已有安排".into()]);
    clash.modals.push(Modal::form(over));
    let record = RecordForm::new(&sessions(), today()).expect("a session");
    let reason = ReasonForm::new(case().id, case().version, CaseStatus::Terminated);
    vec![
        ("party", party),
        ("settings item", item),
        ("session", on_detail(Modal::form(session_form()))),
        ("override", clash),
        ("record", on_detail(Modal::form(record))),
        (
            "postpone",
            on_detail(Modal::form(reschedule(RescheduleKind::Postpone))),
        ),
        (
            "cancel",
            on_detail(Modal::form(reschedule(RescheduleKind::Cancel))),
        ),
        (
            "follow-up",
            on_detail(Modal::form(FollowUpForm::new(
                &case(),
                &detail(CaseStatus::Accepted).mediators,
                today(),
            ))),
        ),
        ("reason", on_detail(Modal::form(reason))),
    ]
}

fn dialog(s: &AppState) -> &dyn FormDialog {
    s.modals
        .last()
        .and_then(Modal::form_dialog)
        .expect("a form dialog on top")
}

/// Moves the focus to the first text field of the dialog on top.
fn to_text_field(s: &mut AppState) {
    for _ in 0..20 {
        let kind = dialog(s).form().focused().map(|f| f.kind.clone());
        if matches!(kind, Some(FieldKind::Text | FieldKind::Multiline)) {
            return;
        }
        press(s, KeyCode::Tab);
    }
    panic!("no text field");
}

fn focused_value(s: &AppState) -> String {
    let form = dialog(s).form();
    form.focused().map(|f| f.value()).unwrap_or_default()
}

/// True if any open form dialog, or a restored override reason, holds `text`.
fn holds(s: &AppState, text: &str) -> bool {
    let in_dialog = s
        .modals
        .iter()
        .filter_map(Modal::form_dialog)
        .any(|d| d.form().fields.iter().any(|f| f.value().contains(text)));
    in_dialog || s.drafts.override_reason.as_deref() == Some(text)
}

fn restored(key: &str, data: &DraftData, sessions: Vec<Session>) -> AppState {
    let mut s = started();
    let draft = Draft {
        key: key.into(),
        owner: "1234-gone-0".into(),
        content: serde_json::to_string(data).unwrap(),
        updated_at: chrono::DateTime::parse_from_rfc3339("2026-11-28T14:03:00+08:00").unwrap(),
    };
    act(&mut s, Action::DraftsLoaded(vec![draft]));
    let effects = press(&mut s, KeyCode::Enter);
    if effects
        .iter()
        .any(|e| matches!(e, Effect::LoadCaseSessions(_)))
    {
        act(&mut s, Action::CaseSessionsLoaded(case().id, sessions));
    }
    s
}

#[test]
fn every_dialog_takes_a_paste_keeps_a_draft_and_asks_before_esc_throws_it_away() {
    for (name, mut s) in every_dialog() {
        let depth = s.modals.len();
        to_text_field(&mut s);
        let before = focused_value(&s);
        // A prefilled date, time or number is replaced by what comes first.
        let whole = dialog(&s).form().focused().is_some_and(|f| f.whole);
        let before = if whole { String::new() } else { before };
        act(&mut s, Action::Paste(TYPED.into()));
        assert_eq!(
            focused_value(&s),
            format!("{before}{TYPED}"),
            "{name}: paste"
        );
        assert!(s.unsaved(), "{name}: unsaved");

        let saved: Vec<(String, DraftData)> = act(&mut s, Action::SaveDrafts)
            .iter()
            .filter_map(|e| match e {
                Effect::SaveDraft { key, content } => {
                    Some((key.clone(), serde_json::from_str(content).unwrap()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(saved.len(), 1, "{name}: one draft, {saved:?}");
        let (key, data) = &saved[0];
        let again = restored(key, data, vec![planned(1, "2026-12-01")]);
        assert!(
            holds(&again, TYPED),
            "{name}: restored from {key}: {:?}",
            again.modals
        );

        press(&mut s, KeyCode::Esc);
        let Some(Modal::Confirm(c)) = top(&s) else {
            panic!("{name}: Esc with text did not ask: {:?}", top(&s));
        };
        assert_eq!(c.on_yes, Pending::DiscardDialog, "{name}");
        assert_eq!(c.question, t(dialog_below(&s).discard_question()), "{name}");
        press(&mut s, KeyCode::Esc);
        assert_eq!(s.modals.len(), depth, "{name}: no keeps the dialog");
    }
}

fn dialog_below(s: &AppState) -> &dyn FormDialog {
    s.modals
        .iter()
        .rev()
        .find_map(Modal::form_dialog)
        .expect("a dialog below")
}

#[test]
fn every_dialogs_f2_asks_the_rights_table_for_its_own_operation() {
    for (name, mut s) in every_dialog() {
        s.user = User::new("reader", Role::ReadOnly);
        let depth = s.modals.len();
        let operation = dialog(&s).operation();
        let effects = press(&mut s, KeyCode::F(2));
        let refused: Vec<Operation> = effects
            .iter()
            .filter_map(|e| match e {
                Effect::RecordRefusal { refusal, .. } => Some(refusal.operation),
                _ => None,
            })
            .collect();
        assert_eq!(refused, vec![operation], "{name}: {effects:?}");
        assert_eq!(s.modals.len(), depth, "{name}: the dialog stays");
    }
}

#[test]
fn esc_on_an_untouched_dialog_closes_it_at_once() {
    for (name, mut s) in every_dialog() {
        let depth = s.modals.len();
        press(&mut s, KeyCode::Esc);
        assert_eq!(s.modals.len(), depth - 1, "{name}: {:?}", top(&s));
    }
}

#[test]
fn each_key_a_dialog_names_opens_it_on_the_case_detail_under_its_own_draft_key() {
    let mut opened = 0;
    for kind in crate::app::dialogs::KINDS {
        let Some((command, _)) = kind.opens else {
            continue;
        };
        let mut s = detail(CaseStatus::Accepted);
        let sessions = vec![planned(1, "2026-12-01")];
        act(&mut s, Action::CaseSessionsLoaded(case().id, sessions));
        assert!(
            super::super::dialog::open_on(&mut s, command).is_some(),
            "{}",
            kind.code
        );
        let cx = s.dialog_context();
        let (key, _) = dialog(&s).draft(&cx).expect(kind.code);
        assert_eq!(key, kind.key(Some(case().id)), "{}", kind.code);
        opened += 1;
    }
    // The session, its record, the follow-up visit, postponing and calling off.
    assert_eq!(opened, 5);
}
