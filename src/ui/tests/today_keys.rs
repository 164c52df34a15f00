//! 今日 reads its data once and again only when it may have changed: moving through its
//! lines and coming back to it from another tab read nothing.

use super::schedule::{today_data, today_state};
use crate::app::action::{Action, Effect};
use crate::app::key::{Key, KeyCode};
use crate::app::{Tab, update};
use crate::i18n::Lang;
use crate::ui::tests::support::{case, today};

fn press(s: &mut crate::app::AppState, code: KeyCode) -> Vec<Effect> {
    update(s, Action::Key(Key::plain(code)))
}

/// From 今日 to 案件 and back with Tab and Shift-Tab: what coming back asked for.
fn away_and_back(s: &mut crate::app::AppState) -> Vec<Effect> {
    press(s, KeyCode::Tab);
    assert_eq!(s.tab, Tab::Cases);
    let back = press(s, KeyCode::BackTab);
    assert_eq!(s.tab, Tab::Today);
    back
}

#[test]
fn moving_through_today_reads_nothing() {
    let mut s = today_state(Lang::Zh);
    let lines = s.today_view.lines().len();
    assert!(lines > 5, "{lines}");
    for code in [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::PageDown,
        KeyCode::Up,
        KeyCode::End,
        KeyCode::Home,
        KeyCode::PageUp,
        KeyCode::Down,
    ] {
        assert_eq!(press(&mut s, code), vec![], "{code:?}");
    }
    assert_eq!(s.today_view.selected, 1);
}

#[test]
fn coming_back_to_today_reads_it_only_when_it_may_have_changed() {
    let mut s = today_state(Lang::Zh);
    assert_eq!(away_and_back(&mut s), vec![], "nothing changed");
    // Another process wrote while the case list was in front.
    press(&mut s, KeyCode::Tab);
    update(&mut s, Action::DataChanged);
    assert_eq!(
        press(&mut s, KeyCode::BackTab),
        vec![Effect::LoadToday(today())]
    );
    update(&mut s, Action::TodayLoaded(Box::new(today_data())));
    assert_eq!(away_and_back(&mut s), vec![]);
    // A new day began while the case list was in front.
    press(&mut s, KeyCode::Tab);
    let tomorrow = today().succ_opt().unwrap();
    update(&mut s, Action::Today(tomorrow));
    assert_eq!(
        press(&mut s, KeyCode::BackTab),
        vec![Effect::LoadToday(tomorrow)]
    );
}

#[test]
fn a_write_made_here_has_today_read_again() {
    let mut s = today_state(Lang::Zh);
    press(&mut s, KeyCode::Tab);
    // A case opened and moved on with a reason: the status change is a write.
    let mut c = case();
    c.status = crate::domain::status::CaseStatus::Accepted;
    update(&mut s, Action::CaseLoaded(Box::new(c)));
    update(&mut s, Action::Key(Key::char('t')));
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    for ch in "申请人不同意调解".chars() {
        update(&mut s, Action::Key(Key::char(ch)));
    }
    let effects = press(&mut s, KeyCode::F(2));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::ChangeStatus { .. })),
        "{effects:?}"
    );
    assert_eq!(s.tab, Tab::Cases);
    assert_eq!(
        press(&mut s, KeyCode::BackTab),
        vec![Effect::LoadToday(today())]
    );
}
