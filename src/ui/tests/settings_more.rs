//! 设置 beyond the profile: the time limits, the places and the display, at 80×24 in
//! Chinese and English, and what saving them asks of storage.

use super::support::*;
use crate::app::action::{Action, Effect, Room};
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::room_settings::RoomSettings;
use crate::app::settings::SettingsItem;
use crate::app::{AppState, Tab, update};
use crate::domain::follow_up::Place;
use crate::i18n::Lang;

fn press(s: &mut AppState, code: KeyCode) -> Vec<Effect> {
    update(s, Action::Key(Key::plain(code)))
}

/// 设置 with the cursor on the first limit.
fn on_limits(lang: Lang) -> AppState {
    let mut s = state(lang, 80, 24);
    s.tab = Tab::Settings;
    let form = s.settings.form.as_mut().expect("the room is read");
    form.focus_on("limit.ordinary_days");
    s
}

#[test]
fn limits_zh() {
    insta::assert_snapshot!(screen(&on_limits(Lang::Zh)));
}

#[test]
fn limits_en() {
    insta::assert_snapshot!(screen(&on_limits(Lang::En)));
}

#[test]
fn places_and_display_zh() {
    let mut s = on_limits(Lang::Zh);
    if let Some(form) = s.settings.form.as_mut() {
        form.focus_on("display_color");
    }
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn a_wrong_limit_is_said_beside_it_and_good_ones_are_saved_with_the_display() {
    let mut s = on_limits(Lang::Zh);
    press(&mut s, KeyCode::Enter);
    for _ in 0..4 {
        press(&mut s, KeyCode::Backspace);
    }
    for c in "四十".chars() {
        update(&mut s, Action::Key(Key::char(c)));
    }
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.is_empty(), "{effects:?}");
    let form = s.settings.form.as_ref().expect("still open");
    let said = form
        .field("limit.ordinary_days")
        .and_then(|f| f.error.clone());
    assert!(said.is_some_and(|e| e.contains("四十")));
    for _ in 0..4 {
        press(&mut s, KeyCode::Backspace);
    }
    for c in "45".chars() {
        update(&mut s, Action::Key(Key::char(c)));
    }
    if let Some(form) = s.settings.form.as_mut() {
        form.set_choice("display_ascii", "on");
    }
    let effects = press(&mut s, KeyCode::F(2));
    let Some(Effect::SaveSettings(pairs)) = effects.first() else {
        panic!("{effects:?}")
    };
    assert!(pairs.contains(&("limit.ordinary_days".into(), "45".into())));
    assert!(pairs.contains(&("display.ascii".into(), "on".into())));
    assert!(matches!(effects.get(1), Some(Effect::SaveRoom { .. })));
}

#[test]
fn places_are_added_switched_and_removed_and_apply_at_once() {
    let mut s = on_limits(Lang::Zh);
    if let Some(form) = s.settings.form.as_mut() {
        form.focus_on("places");
    }
    press(&mut s, KeyCode::F(7));
    assert!(s.modals.last().is_some_and(Modal::is::<SettingsItem>));
    for c in "司法所会议室".chars() {
        update(&mut s, Action::Key(Key::char(c)));
    }
    let effects = press(&mut s, KeyCode::F(2));
    let Some(Effect::SavePlaces(places)) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(places.len(), Place::defaults().len() + 1);
    assert_eq!(places.last().map(|p| p.name.as_str()), Some("司法所会议室"));
    // Enter on the first place makes it an outside place; F8 removes it.
    let effects = press(&mut s, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::SavePlaces(p)] if !p[0].is_room),
        "{effects:?}"
    );
    let effects = press(&mut s, KeyCode::F(8));
    assert!(
        matches!(effects.as_slice(), [Effect::SavePlaces(p)] if p.len() == Place::defaults().len() - 1),
        "{effects:?}"
    );
    // The room read again: the session form's places change, 今日 is read with the limits.
    let settings = RoomSettings {
        places: vec![Place {
            name: "司法所会议室".into(),
            is_room: true,
        }],
        ..RoomSettings::default()
    };
    let effects = update(
        &mut s,
        Action::RoomLoaded(Box::new(Room { settings, ..room() })),
    );
    assert_eq!(s.schedule.places.len(), 1);
    assert_eq!(effects, vec![Effect::LoadToday(today())]);
}

#[test]
fn a_printer_name_that_cannot_be_a_cups_destination_is_refused_beside_it_zh() {
    let mut s = on_limits(Lang::Zh);
    let form = s.settings.form.as_mut().expect("the room is read");
    form.set_text("print_printer", "-o job-sheets=x");
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.is_empty(), "{effects:?}");
    insta::assert_snapshot!(screen(&s));
}
