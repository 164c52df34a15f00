//! Another process changed the database: the screen in front is read again, in place;
//! a form being typed in is left alone.

use super::*;

#[test]
fn the_list_reads_the_same_page_again_and_keeps_the_selection() {
    let mut s = started();
    press(&mut s, KeyCode::PageDown);
    press(&mut s, KeyCode::Down);
    let before = (s.list.query.clone(), s.list.selected);
    let effects = act(&mut s, Action::DataChanged);
    assert_eq!(loads(&effects), [&before.0]);
    assert_eq!((s.list.query.clone(), s.list.selected), before);
}

#[test]
fn an_open_case_is_read_again_and_stays_where_it_was_scrolled() {
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    let id = case().id;
    let effects = act(&mut s, Action::DataChanged);
    assert_eq!(
        effects[..5],
        [
            Effect::LoadCase(id),
            Effect::LoadCaseSessions(id),
            Effect::LoadHistory(id),
            Effect::LoadAgreement(id, false),
            Effect::LoadFollowUps(id)
        ]
    );
    assert!(
        matches!(effects[5..], [Effect::FindRepeats(_)]),
        "the earlier cases of its parties are asked again: {effects:?}"
    );
    match &s.cases {
        CasesView::Detail(d) => assert_eq!((d.case.id, d.scroll), (id, 2)),
        other => panic!("not on the detail: {other:?}"),
    }
}

#[test]
fn a_form_being_typed_in_is_not_touched() {
    let mut s = started();
    press(&mut s, KeyCode::Char('n'));
    for _ in 0..3 {
        press(&mut s, KeyCode::Tab);
    }
    type_in(&mut s, "楼上漏水");
    let before = format!("{:?}", s.cases);
    assert!(act(&mut s, Action::DataChanged).is_empty());
    assert_eq!(format!("{:?}", s.cases), before);
    assert!(s.unsaved());
}

#[test]
fn the_today_and_schedule_tabs_read_what_they_show() {
    let mut s = started();
    s.tab = Tab::Today;
    assert_eq!(
        act(&mut s, Action::DataChanged),
        [Effect::LoadToday(today())]
    );
    s.tab = Tab::Schedule;
    let effects = act(&mut s, Action::DataChanged);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadAgenda { .. })),
        "{effects:?}"
    );
}

#[test]
fn before_the_room_is_set_up_nothing_is_read() {
    set_lang(Lang::Zh);
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    assert!(act(&mut s, Action::DataChanged).is_empty());
}
