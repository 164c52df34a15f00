//! Esc on a case opened from 今日 or the agenda goes back there (今日 read again only if
//! something changed since it was read); opened from the case list, back to the list.

use super::schedule::{schedule_state, today_state};
use super::support::*;
use crate::app::action::{Action, Effect};
use crate::app::key::{Key, KeyCode};
use crate::app::modal::{Modal, Pending};
use crate::app::{AppState, CasesView, Tab, update};
use crate::domain::case::{CaseId, CasePage, CaseSummary};
use crate::i18n::{Lang, t};

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
            ..Default::default()
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

/// A case form with unsaved typing on 案件, and the app then on `tab`.
fn typing_in_a_case_form(mut s: AppState, tab: Tab) -> AppState {
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    s.tab = Tab::Cases;
    update(&mut s, Action::Key(Key::char('e')));
    let CasesView::Form(cf) = &mut s.cases else {
        panic!("no form: {:?}", s.cases);
    };
    cf.form.focus_on("claims");
    type_text(&mut s, "，另要求道歉");
    s.tab = tab;
    s
}

#[test]
fn opening_a_case_from_today_or_the_agenda_keeps_a_case_form_with_typing_in_front() {
    for (s, tab) in [
        (today_state(Lang::Zh), Tab::Today),
        (schedule_state(Lang::Zh), Tab::Schedule),
    ] {
        let mut s = typing_in_a_case_form(s, tab);
        let effects = press(&mut s, KeyCode::Enter);
        assert_eq!(effects, vec![], "no other case is read");
        assert_eq!(s.tab, Tab::Cases);
        let CasesView::Form(cf) = &s.cases else {
            panic!("the form was closed: {:?}", s.cases);
        };
        assert!(cf.form.value("claims").ends_with("，另要求道歉"));
        assert_eq!(
            s.status.as_ref().map(|l| l.text.as_str()),
            Some(t("msg.form_kept_open").as_ref())
        );
    }
}

#[test]
fn a_case_form_with_typing_stays_through_a_tab_switch_and_quitting_asks() {
    let mut s = typing_in_a_case_form(list_state(Lang::Zh), Tab::Cases);
    // A digit on a field that takes no text switches tabs; the form waits on 案件.
    if let CasesView::Form(cf) = &mut s.cases {
        cf.form.focus_on("risk_group");
    }
    update(&mut s, Action::Key(Key::char('3')));
    assert_eq!(s.tab, Tab::Schedule);
    update(&mut s, Action::Key(Key::char('2')));
    assert!(
        matches!(&s.cases, CasesView::Form(cf) if cf.form.value("claims").ends_with("另要求道歉"))
    );
    update(&mut s, Action::Key(Key::plain(KeyCode::F(10))));
    assert!(!s.quit);
    assert!(matches!(s.modals.last(), Some(Modal::Confirm(c)) if c.on_yes == Pending::Quit));
}

#[test]
fn opening_a_case_from_today_keeps_the_agreement_being_typed_in_front() {
    let mut s = today_state(Lang::Zh);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    update(&mut s, Action::AgreementLoaded(case().id, None, true));
    s.tab = Tab::Cases;
    assert!(matches!(s.cases, CasesView::Agreement(_)), "{:?}", s.cases);
    if let CasesView::Agreement(a) = &mut s.cases {
        let id = a.form.fields.iter().find(|f| f.is_text()).unwrap().id;
        a.form.set_text(id, "双方当事人");
    }
    assert!(matches!(&s.cases, CasesView::Agreement(a) if a.changed()));
    s.tab = Tab::Today;
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(effects, vec![]);
    assert_eq!(s.tab, Tab::Cases);
    assert!(matches!(&s.cases, CasesView::Agreement(a) if a.changed()));
}
