//! 今日 with more open cases past their limit than it lists: the rest are counted.

use super::schedule::today_data;
use super::support::*;
use crate::app::action::{Action, TodayData};
use crate::app::{Tab, update};
use crate::i18n::Lang;

#[test]
fn cases_beyond_those_listed_are_counted_zh() {
    let mut s = state(Lang::Zh, 80, 24);
    s.tab = Tab::Today;
    let data = TodayData {
        more_alerts: 1234,
        ..today_data()
    };
    update(&mut s, Action::TodayLoaded(Box::new(data)));
    for _ in 0..10 {
        update(
            &mut s,
            Action::Key(crate::app::key::Key::plain(
                crate::app::key::KeyCode::PageDown,
            )),
        );
    }
    let text = screen(&s);
    assert!(text.contains("另有 1234 件超过期限的案件未列出"), "{text}");
}
