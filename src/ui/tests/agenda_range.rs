//! Snapshots of the agenda's any-range form (F9 on 日程) and of a range shown, at 80×24
//! in Chinese and English, and the form at every size without a panic.

use super::schedule::{schedule_state, session, sessions};
use super::support::*;
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use crate::app::{AppState, update};
use crate::i18n::Lang;

fn form_state(lang: Lang) -> AppState {
    let mut s = schedule_state(lang);
    press(&mut s, &[Key::plain(KeyCode::F(9))]);
    assert!(s.schedule.range_form.is_some());
    s
}

fn retype(s: &mut AppState, text: &str) {
    for _ in 0..12 {
        press(s, &[Key::plain(KeyCode::Backspace)]);
    }
    let typed: Vec<Key> = text.chars().map(Key::char).collect();
    press(s, &typed);
}

/// 11-28 to 12-31 shown, with sessions on three days.
fn range_state(lang: Lang) -> AppState {
    let mut s = form_state(lang);
    press(&mut s, &[Key::plain(KeyCode::Tab)]);
    retype(&mut s, "12月31日");
    let effects = update(&mut s, Action::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(effects.len(), 1, "{effects:?}");
    let mut rows = sessions();
    rows.push(session(
        4,
        3,
        "2026-12-15T09:00:00+08:00",
        "2026-12-15T10:00:00+08:00",
        "大调解室",
        "（2026）临新人调字第31号",
    ));
    update(&mut s, Action::AgendaLoaded(rows));
    s
}

#[test]
fn agenda_range_form_zh() {
    insta::assert_snapshot!(screen(&form_state(Lang::Zh)));
}

#[test]
fn agenda_range_form_en() {
    insta::assert_snapshot!(screen(&form_state(Lang::En)));
}

/// 到 before 从: refused beside 到 in plain words.
#[test]
fn agenda_range_backwards_zh() {
    let mut s = form_state(Lang::Zh);
    retype(&mut s, "12-10");
    press(&mut s, &[Key::plain(KeyCode::F(2))]);
    let text = screen(&s);
    assert!(text.contains("早于"), "{text}");
    insta::assert_snapshot!(text);
}

/// Too long: refused with the reason, in English.
#[test]
fn agenda_range_too_long_en() {
    let mut s = form_state(Lang::En);
    press(&mut s, &[Key::plain(KeyCode::Tab)]);
    retype(&mut s, "2027-06-30");
    press(&mut s, &[Key::plain(KeyCode::F(2))]);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn agenda_of_a_range_zh() {
    let s = range_state(Lang::Zh);
    let text = screen(&s);
    assert!(text.contains("2026-11-28 至 2026-12-31 共34天"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn agenda_of_a_range_en() {
    insta::assert_snapshot!(screen(&range_state(Lang::En)));
}

#[test]
fn the_range_form_fits_any_size() {
    for (w, h) in [(60, 16), (61, 17), (80, 24), (120, 40), (200, 60), (20, 5)] {
        let mut s = form_state(Lang::Zh);
        retype(&mut s, "xyz");
        press(&mut s, &[Key::plain(KeyCode::F(2))]);
        update(&mut s, Action::Resize(crate::ui::screen(w, h)));
        let _ = screen(&s);
    }
}
