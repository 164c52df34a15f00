//! Postponing and calling off a session from the case detail and from the agenda: the
//! dialogs at 80×24 in Chinese and English, and the effects they ask for.

use super::schedule::{detail_state, schedule_state, sessions};
use super::support::*;
use crate::app::action::{Action, Effect};
use crate::app::dialogs::reschedule::RescheduleForm;
use crate::app::dialogs::session::OverrideForm;
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::{AppState, Tab, update};
use crate::domain::case::CaseId;
use crate::domain::conflicts::{Clash, ClashKind, Slot, Verdict};
use crate::domain::org::MediatorId;
use crate::domain::session::{SessionId, SessionStatus};
use crate::i18n::Lang;
use crate::storage::Booked;

fn press(s: &mut AppState, code: KeyCode) -> Vec<Effect> {
    update(s, Action::Key(Key::plain(code)))
}

fn type_in(s: &mut AppState, text: &str) {
    for c in text.chars() {
        update(s, Action::Key(Key::char(c)));
    }
}

/// Clears the focused text field (its text, then nothing).
fn clear(s: &mut AppState) {
    for _ in 0..20 {
        press(s, KeyCode::Backspace);
    }
}

#[test]
fn postpone_dialog_zh() {
    let mut s = detail_state(Lang::Zh);
    press(&mut s, KeyCode::F(5));
    assert!(s.modals.last().is_some_and(Modal::is::<RescheduleForm>));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn postpone_dialog_en() {
    let mut s = detail_state(Lang::En);
    press(&mut s, KeyCode::F(5));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn cancel_dialog_zh() {
    let mut s = schedule_state(Lang::Zh);
    press(&mut s, KeyCode::F(8));
    assert!(s.modals.last().is_some_and(Modal::is::<RescheduleForm>));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn cancel_dialog_en() {
    let mut s = schedule_state(Lang::En);
    press(&mut s, KeyCode::F(8));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn a_postponement_asks_for_the_new_time_and_names_the_old_session() {
    let mut s = detail_state(Lang::Zh);
    update(&mut s, Action::Key(Key::char('p')));
    // The cursor starts on the new date.
    clear(&mut s);
    type_in(&mut s, "下周一");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    clear(&mut s);
    type_in(&mut s, "9:00");
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.is_empty(), "end before start: {effects:?}");
    let Some(r) = s.modals.last().and_then(Modal::dialog::<RescheduleForm>) else {
        panic!("the dialog stays open")
    };
    assert!(r.form.field("end").and_then(|f| f.error.clone()).is_some());
    clear(&mut s);
    type_in(&mut s, "次日00:30");
    let effects = press(&mut s, KeyCode::F(2));
    let [
        Effect::PostponeSession {
            id,
            version,
            fields,
            override_reason,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!((*id, *version), (SessionId(1), 1));
    assert!(override_reason.is_empty());
    assert_eq!(fields.start.to_rfc3339(), "2026-11-30T09:30:00+08:00");
    assert_eq!(fields.end.to_rfc3339(), "2026-12-01T00:30:00+08:00");
    assert_eq!(fields.place, sessions()[0].fields.place, "the rest is kept");
    let booked = Booked {
        session: crate::domain::session::Session {
            id: SessionId(9),
            fields: (**fields).clone(),
            ..sessions()[0].clone()
        },
        warnings: vec![],
    };
    let effects = update(&mut s, Action::SessionSaved(Box::new(booked)));
    assert!(s.modals.is_empty());
    assert_eq!(effects, vec![Effect::LoadCaseSessions(CaseId(7))]);
    let status = s
        .status
        .as_ref()
        .map(|l| l.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("改期") && status.contains("11-30 09:30"),
        "{status}"
    );
}

#[test]
fn a_postponement_that_clashes_is_overridden_as_a_postponement() {
    let mut s = detail_state(Lang::Zh);
    press(&mut s, KeyCode::F(5));
    let effects = press(&mut s, KeyCode::F(2));
    let [Effect::PostponeSession { fields, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let other = &sessions()[1];
    let verdict = Verdict {
        refusals: vec![Clash {
            kind: ClashKind::Mediator("王建国".into()),
            other: Slot {
                id: Some(other.id),
                start: other.fields.start,
                end: other.fields.end,
                place: other.fields.place.clone(),
                place_is_room: false,
                mediators: vec![(MediatorId(1), "王建国".into())],
                parties: vec![],
                case_label: other.case_label.clone(),
            },
        }],
        warnings: vec![],
    };
    update(
        &mut s,
        Action::SessionClash(fields.clone(), Box::new(verdict)),
    );
    assert!(s.modals.last().is_some_and(Modal::is::<OverrideForm>));
    type_in(&mut s, "当事人只有这天有空");
    let effects = press(&mut s, KeyCode::F(2));
    assert!(
        matches!(effects.as_slice(), [Effect::PostponeSession { id, override_reason, .. }]
            if *id == SessionId(1) && override_reason == "当事人只有这天有空"),
        "{effects:?}"
    );
}

#[test]
fn calling_off_from_the_agenda_needs_a_reason_and_reloads_the_agenda() {
    let mut s = schedule_state(Lang::Zh);
    press(&mut s, KeyCode::Down);
    update(&mut s, Action::Key(Key::char('x')));
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.is_empty(), "no reason, nothing called off");
    type_in(&mut s, "申请人住院");
    let effects = press(&mut s, KeyCode::F(2));
    assert_eq!(
        effects,
        vec![Effect::CancelSession {
            id: SessionId(2),
            version: 1,
            reason: "申请人住院".into()
        }]
    );
    let mut gone = sessions()[1].clone();
    gone.status = SessionStatus::Cancelled;
    let effects = update(&mut s, Action::SessionCancelled(Box::new(gone)));
    assert!(s.modals.is_empty());
    assert_eq!(s.tab, Tab::Schedule);
    assert!(effects.contains(&Effect::LoadCaseSessions(CaseId(6))));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadAgenda { .. })),
        "{effects:?}"
    );
}

#[test]
fn only_planned_sessions_can_be_moved_or_called_off() {
    let mut s = detail_state(Lang::Zh);
    let mut held = sessions()[0].clone();
    held.status = SessionStatus::Held;
    update(&mut s, Action::CaseSessionsLoaded(CaseId(7), vec![held]));
    press(&mut s, KeyCode::F(11));
    assert!(matches!(s.modals.last(), Some(Modal::Notice { .. })));
}
