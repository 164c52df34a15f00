//! Snapshots of the case list.

use super::support::*;
use crate::app::key::{Key, KeyCode};
use crate::i18n::Lang;

#[test]
fn case_list_zh() {
    insta::assert_snapshot!(screen(&list_state(Lang::Zh)));
}

#[test]
fn case_list_en() {
    insta::assert_snapshot!(screen(&list_state(Lang::En)));
}

#[test]
fn case_list_while_searching_shows_the_box() {
    let mut s = list_state(Lang::Zh);
    press(&mut s, &[Key::char('/')]);
    type_text(&mut s, "王秀");
    let text = screen(&s);
    assert!(text.contains("王秀"), "{text}");
    press(&mut s, &[Key::plain(KeyCode::Enter)]);
    assert!(s.list.search.is_none());
    assert_eq!(s.list.query.text, "王秀");
}

#[test]
fn a_window_below_the_minimum_says_so() {
    let s = state(Lang::Zh, 40, 10);
    let text = screen(&s);
    assert!(text.contains("40") && text.contains("60"), "{text}");
}

#[test]
fn ascii_mode_draws_the_list_without_ambiguous_width_characters() {
    let s = list_state(Lang::Zh);
    let theme = crate::ui::theme::Theme {
        color: false,
        ascii: true,
    };
    let text = screen_with(&s, theme);
    assert!(text.contains("+-") && text.contains("王秀兰"), "{text}");
    for c in "─│┌┐└┘▶‹›…▼▲·".chars() {
        assert!(!text.contains(c), "{c} is still drawn:\n{text}");
    }
    insta::assert_snapshot!(text);
}

/// Issue 14: `--ascii` turned `↓` into `v`, which is a key (记录回访). Arrow keys are
/// named in words or as `<-`/`->` where the hint is made; the help lists them so.
#[test]
fn ascii_mode_names_arrow_keys_in_words_not_as_keys() {
    let mut s = list_state(Lang::Zh);
    press(&mut s, &[Key::plain(KeyCode::F(1))]);
    let ascii = crate::ui::theme::Theme {
        color: false,
        ascii: true,
    };
    let plain = screen(&s);
    assert!(plain.contains('↑') && plain.contains('↓'), "{plain}");
    let text = screen_with(&s, ascii);
    assert!(text.contains("Up") && text.contains("Down"), "{text}");
    assert!(!text.contains(['↑', '↓', '←', '→']), "{text}");
}
