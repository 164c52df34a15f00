//! Esc on a case opened from 今日 or the agenda goes back there (今日 read again only if
//! something changed since it was read); opened from the case list, back to the list.

use super::schedule::{schedule_state, today_state};
use super::support::*;
use crate::app::action::{Action, Effect};
use crate::app::key::{Key, KeyCode};
use crate::app::{AppState, Tab, update};
use crate::domain::case::{CaseId, CasePage, CaseSummary};
use crate::i18n::Lang;

fn press(s: &mut AppState, code: KeyCode) -> Vec<Effect> {
    update(s, Action::Key(Key::plain(code)))
}

#[test]
fn esc_on_a_case_opened_from_today_goes_back_to_today() {
    let mut s = today_state(Lang::Zh);
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::LoadCase(CaseId(7))]);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    assert_eq!(s.tab, Tab::Cases);
    let effects = press(&mut s, KeyCode::Esc);
    assert_eq!(s.tab, Tab::Today);
    assert_eq!(effects, vec![], "nothing changed since 今日 was read");
    // Opened from the list, Esc goes back to the list.
    update(&mut s, Action::Key(Key::plain(KeyCode::Tab)));
    assert_eq!(s.tab, Tab::Cases);
    update(
        &mut s,
        Action::CasesLoaded(CasePage {
            rows: vec![CaseSummary {
                id: CaseId(7),
                number: None,
                received_on: today(),
                category: case().fields.category.clone(),
                parties: "王秀兰".into(),
                status: case().status,
                mediators: String::new(),
                at_risk: false,
            }],
            total: 1,
        }),
    );
    press(&mut s, KeyCode::Enter);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    let effects = press(&mut s, KeyCode::Esc);
    assert_eq!(s.tab, Tab::Cases);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::LoadCases(_))),
        "{effects:?}"
    );
}

#[test]
fn esc_on_a_case_opened_from_the_agenda_goes_back_to_the_agenda() {
    let mut s = schedule_state(Lang::Zh);
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::LoadCase(CaseId(7))]);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    let effects = press(&mut s, KeyCode::Esc);
    assert_eq!(s.tab, Tab::Schedule);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadAgenda { .. }]),
        "{effects:?}"
    );
}
