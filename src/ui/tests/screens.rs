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

/// Issue 14: `PDF 保存在：/…/人民调解协…` — a message longer than the line was cut, so the
/// path of a saved file was never seen whole. It goes on to a second line.
#[test]
fn a_long_status_message_takes_a_second_line_and_is_seen_whole() {
    let mut s = list_state(Lang::Zh);
    let path =
        "/home/mediator/.local/share/tiaojie/文书/（2026）临新人调字第41号/人民调解协议书.pdf";
    s.status = Some(crate::app::state::StatusLine {
        text: format!("PDF 保存在：{path}"),
        error: false,
    });
    let text = screen(&s);
    let rows: Vec<&str> = text.lines().collect();
    let at = rows
        .iter()
        .position(|l| l.starts_with(" PDF 保存在："))
        .unwrap_or_else(|| panic!("{text}"));
    let joined = format!("{}{}", rows[at].trim_start(), rows[at + 1].trim());
    assert!(joined.ends_with("人民调解协议书.pdf"), "{text}");
    assert!(!joined.contains('…'), "{text}");
    insta::assert_snapshot!(text);
}
