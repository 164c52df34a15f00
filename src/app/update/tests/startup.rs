//! Start: the room read, the first-start form, the first page.

use super::*;

#[test]
fn start_reads_the_room_and_today_then_after_the_first_screen_the_first_page() {
    set_lang(Lang::Zh);
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    assert_eq!(crate::app::start(), vec![Effect::LoadRoom]);
    let effects = act(&mut s, Action::RoomLoaded(Box::new(room())));
    assert!(loads(&effects).is_empty(), "{effects:?}");
    assert!(effects.contains(&Effect::LoadToday(today())));
    let effects = act(&mut s, Action::FirstDrawn);
    assert!(effects.contains(&Effect::DailyBackup));
    let q = loads(&effects);
    assert_eq!((q.len(), q[0].offset, q[0].limit), (1, 0, 16));
    assert!(!s.starting && !s.list.loading);
    assert_eq!(s.list.page.rows.len(), 16);
}

#[test]
fn the_first_start_shows_the_setup_form_and_blank_fields_emit_nothing() {
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    let no_room = Room {
        org: None,
        mediators: Vec::new(),
        locals: Vec::new(),
        lang: None,
        printer: Default::default(),
        settings: Default::default(),
    };
    // Only the drafts are read: the first-start form may have one.
    assert_eq!(
        act(&mut s, Action::RoomLoaded(Box::new(no_room))),
        vec![Effect::LoadDrafts]
    );
    assert!(s.setup.is_some());
    assert!(press(&mut s, KeyCode::F(2)).is_empty());
    let setup = s.setup.as_ref().expect("still set up");
    assert!(setup.field("room_name").is_some_and(|f| f.error.is_some()));
    assert!(
        setup
            .field("first_mediator")
            .is_some_and(|f| f.error.is_some())
    );
    assert!(s.status.as_ref().is_some_and(|l| l.error));
}

#[test]
fn the_setup_form_filled_in_creates_the_room_and_then_shows_the_list() {
    let mut s = AppState::new(today(), Lang::Zh, crate::ui::screen(80, 24));
    let no_room = Room {
        org: None,
        mediators: Vec::new(),
        locals: Vec::new(),
        lang: None,
        printer: Default::default(),
        settings: Default::default(),
    };
    act(&mut s, Action::RoomLoaded(Box::new(no_room)));
    type_in(&mut s, "老王调解工作室");
    press(&mut s, KeyCode::Tab);
    type_in(&mut s, "新华街道人民调解委员会");
    press(&mut s, KeyCode::Tab);
    type_in(&mut s, "临新");
    press(&mut s, KeyCode::Tab);
    type_in(&mut s, "王建国");
    let effects = press(&mut s, KeyCode::F(2));
    let [
        Effect::CreateRoom {
            profile,
            first_mediator,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(profile.room_name, "老王调解工作室");
    assert_eq!(profile.committee_name, "新华街道人民调解委员会");
    assert_eq!(profile.number_prefix, "临新");
    assert_eq!(first_mediator, "王建国");
    let effects = act(&mut s, Action::RoomLoaded(Box::new(room())));
    assert!(s.setup.is_none());
    assert_eq!(loads(&effects).len(), 1);
}
