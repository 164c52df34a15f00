//! The open case's sessions, visits, history and agreement: read with its detail, shown
//! only for it, and never left stale when the detail is built again after a form, a
//! conflict or the agreement editor.

use super::*;
use crate::app::previews::{live_sessions, visits};
use crate::domain::follow_up::{FollowUp, Performance, Satisfaction, VisitWay};
use crate::domain::session::{
    InvitedParty, Session, SessionFields, SessionId, SessionKind, SessionRecord, SessionStatus,
};

fn session(case: CaseId) -> Session {
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("time");
    Session {
        id: SessionId(3),
        version: 1,
        fields: SessionFields {
            case_id: case,
            kind: SessionKind::Mediation,
            start: at("2026-11-20T09:00:00+08:00"),
            end: at("2026-11-20T10:00:00+08:00"),
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
        record: SessionRecord::default(),
        override_reason: String::new(),
        cancel_reason: String::new(),
        mediator_names: "王建国".into(),
        case_label: String::new(),
        registered_by: String::new(),
    }
}

fn visit(case: CaseId) -> FollowUp {
    FollowUp {
        case_id: case,
        visited_on: today(),
        way: VisitWay::Phone,
        performance: Performance::Full,
        satisfaction: Satisfaction::Satisfied,
        lawsuit: false,
        escalation: false,
        measures: String::new(),
        by_whom: "王建国".into(),
    }
}

/// The reads of what comes with the detail of case `id`, among `effects`.
fn reads_of(effects: &[Effect], id: CaseId) -> Vec<&'static str> {
    let mut out = Vec::new();
    for e in effects {
        match e {
            Effect::LoadCaseSessions(c) if *c == id => out.push("sessions"),
            Effect::LoadFollowUps(c) if *c == id => out.push("visits"),
            Effect::LoadHistory(c) if *c == id => out.push("history"),
            Effect::LoadAgreement(c, false) if *c == id => out.push("agreement"),
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

/// Answers the reads of the detail the way storage would: one session, one visit.
fn answer(s: &mut AppState, effects: &[Effect]) {
    for e in effects {
        match e {
            Effect::LoadCaseSessions(c) => {
                act(s, Action::CaseSessionsLoaded(*c, vec![session(*c)]));
            }
            Effect::LoadFollowUps(c) => {
                act(s, Action::FollowUpsLoaded(*c, vec![visit(*c)]));
            }
            _ => {}
        }
    }
}

const ALL: [&str; 4] = ["agreement", "history", "sessions", "visits"];

#[test]
fn the_detail_reads_its_sessions_visits_history_and_agreement() {
    let mut s = started();
    let effects = act(&mut s, Action::CaseLoaded(Box::new(case())));
    assert_eq!(reads_of(&effects, case().id), ALL);
    answer(&mut s, &effects);
    assert_eq!(live_sessions(&s).len(), 1);
    assert_eq!(visits(&s).len(), 1);
}

#[test]
fn after_saving_the_case_form_the_detail_still_shows_its_sessions_and_visits() {
    let mut s = started();
    let effects = act(&mut s, Action::CaseLoaded(Box::new(case())));
    answer(&mut s, &effects);
    key(&mut s, Key::char('e'));
    assert!(matches!(s.cases, CasesView::Form(_)));
    let mut saved = case();
    saved.version += 1;
    let effects = act(&mut s, Action::CaseSaved(Box::new(saved)));
    assert_eq!(reads_of(&effects, case().id), ALL);
    answer(&mut s, &effects);
    assert_eq!(live_sessions(&s).len(), 1);
    assert_eq!(visits(&s).len(), 1);
}

#[test]
fn a_status_change_reads_what_the_detail_shows_again() {
    let mut s = detail(CaseStatus::Accepted);
    let mut changed = case();
    changed.status = CaseStatus::Mediating;
    changed.version += 1;
    let effects = act(&mut s, Action::CaseSaved(Box::new(changed)));
    assert_eq!(reads_of(&effects, case().id), ALL);
}

#[test]
fn taking_their_version_of_the_case_reads_its_history_and_the_rest_again() {
    let mut s = detail(CaseStatus::Registered);
    key(&mut s, Key::char('e'));
    let effects = press(&mut s, KeyCode::F(2));
    let Some(Effect::UpdateCase { mut fields, .. }) = effects.last().cloned() else {
        panic!("no save: {effects:?}");
    };
    // Both changed the facts: a clash, so the dialog asks (a one-sided change would merge).
    fields.facts = "我写的事实".into();
    let mut theirs = case();
    theirs.version += 1;
    theirs.fields.facts = "他写的事实".into();
    act(
        &mut s,
        Action::CaseConflict {
            mine: fields,
            theirs: Box::new(theirs),
        },
    );
    assert!(matches!(top(&s), Some(Modal::Conflict(_))), "{:?}", top(&s));
    press(&mut s, KeyCode::Left);
    let effects = press(&mut s, KeyCode::Enter);
    assert!(matches!(s.cases, CasesView::Detail(_)));
    // Their save is a row of the history the user has not seen yet.
    assert_eq!(reads_of(&effects, case().id), ALL);
}

#[test]
fn closing_the_agreement_editor_reads_the_case_and_what_comes_with_it() {
    let mut s = detail(CaseStatus::Succeeded);
    press(&mut s, KeyCode::F(6));
    act(&mut s, Action::AgreementLoaded(case().id, None, true));
    assert!(matches!(s.cases, CasesView::Agreement(_)));
    let effects = press(&mut s, KeyCode::Esc);
    assert!(
        effects.contains(&Effect::LoadCase(case().id)),
        "{effects:?}"
    );
    // `act` answers the case read: the detail built again reads the rest.
    assert_eq!(reads_of(&effects, case().id), ALL);
}

#[test]
fn another_case_opened_shows_none_of_the_first_ones_sessions() {
    let mut s = started();
    let effects = act(&mut s, Action::CaseLoaded(Box::new(case())));
    answer(&mut s, &effects);
    let other = Case {
        id: CaseId(8),
        ..case()
    };
    act(&mut s, Action::CaseLoaded(Box::new(other)));
    assert!(live_sessions(&s).is_empty());
    assert!(visits(&s).is_empty());
    // A late answer for the first case is not shown on the second.
    act(
        &mut s,
        Action::CaseSessionsLoaded(case().id, vec![session(case().id)]),
    );
    assert!(live_sessions(&s).is_empty());
}
