//! Follow-up visits (回访) from the case detail: the form and the detail's list at 80×24
//! in Chinese and English, and the effects behind them.

use super::schedule::detail_state;
use super::support::*;
use crate::app::action::{Action, Effect};
use crate::app::dialogs::follow_up::FollowUpForm;
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::{AppState, update};
use crate::domain::case::CaseId;
use crate::domain::follow_up::{FollowUp, Performance, Satisfaction, VisitWay};
use crate::i18n::Lang;

fn visits() -> Vec<FollowUp> {
    vec![
        FollowUp {
            case_id: CaseId(7),
            visited_on: "2026-11-20".parse().expect("date"),
            way: VisitWay::Phone,
            performance: Performance::Partial,
            satisfaction: Satisfaction::Fair,
            lawsuit: false,
            escalation: true,
            measures: "已告知派出所，约双方周一再谈".into(),
            by_whom: "王建国".into(),
        },
        FollowUp {
            case_id: CaseId(7),
            visited_on: "2026-11-27".parse().expect("date"),
            way: VisitWay::Visit,
            performance: Performance::Full,
            satisfaction: Satisfaction::Satisfied,
            lawsuit: false,
            escalation: false,
            measures: String::new(),
            by_whom: "王建国".into(),
        },
    ]
}

/// The detail scrolled to its end, where the visits are.
fn detail_with_visits(lang: Lang) -> AppState {
    let mut s = detail_state(lang);
    update(&mut s, Action::FollowUpsLoaded(CaseId(7), visits()));
    for _ in 0..12 {
        update(&mut s, Action::Key(Key::plain(KeyCode::PageDown)));
    }
    s
}

#[test]
fn detail_lists_the_follow_ups_zh() {
    let s = detail_with_visits(Lang::Zh);
    let text = screen(&s);
    assert!(
        text.contains("回访（2）") && text.contains("有激化迹象"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn detail_lists_the_follow_ups_en() {
    insta::assert_snapshot!(screen(&detail_with_visits(Lang::En)));
}

#[test]
fn follow_up_form_zh() {
    let mut s = detail_state(Lang::Zh);
    update(&mut s, Action::Key(Key::plain(KeyCode::F(3))));
    assert!(s.modals.last().is_some_and(Modal::is::<FollowUpForm>));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn follow_up_form_en() {
    let mut s = detail_state(Lang::En);
    update(&mut s, Action::Key(Key::char('v')));
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn a_follow_up_is_recorded_and_the_visits_read_again() {
    let mut s = detail_state(Lang::Zh);
    let effects = update(&mut s, Action::CaseLoaded(Box::new(case())));
    assert!(
        effects.contains(&Effect::LoadFollowUps(CaseId(7))),
        "{effects:?}"
    );
    update(&mut s, Action::Key(Key::char('v')));
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::F(2))));
    let [Effect::AddFollowUp(visit)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!((visit.case_id, visit.visited_on), (CaseId(7), today()));
    let effects = update(&mut s, Action::FollowUpSaved(CaseId(7)));
    assert!(s.modals.is_empty());
    assert_eq!(effects, vec![Effect::LoadFollowUps(CaseId(7))]);
    assert!(s.status.is_some());
}

#[test]
fn the_new_dialogs_draw_at_any_size_without_panic() {
    for (cols, rows) in [(60, 16), (80, 24), (200, 60), (20, 5), (1, 1)] {
        for key in [KeyCode::F(3), KeyCode::F(5), KeyCode::F(11)] {
            let mut s = detail_state(Lang::Zh);
            update(&mut s, Action::Resize(crate::ui::screen(cols, rows)));
            update(&mut s, Action::Key(Key::plain(key)));
            assert!(!s.modals.is_empty());
            let _ = screen(&s);
        }
    }
}
