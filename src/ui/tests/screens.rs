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

/// A page of `n` rows from `offset`, each naming its own party (当事人1 …).
fn numbered_page(offset: u64, n: u64) -> crate::domain::case::CasePage {
    let base = page().rows;
    let rows = (offset..offset + n)
        .map(|i| {
            let mut row = base[(i % 5) as usize].clone();
            row.id = crate::domain::case::CaseId(i as i64 + 1);
            row.parties = format!("当事人{}", i + 1);
            row
        })
        .collect();
    crate::domain::case::CasePage {
        rows,
        total: 125,
        ..Default::default()
    }
}

/// Issue 14: a status on two lines took a row from the list, so the page it had loaded
/// was one row taller than the list shown, and the cursor on the last row scrolled the
/// first one away. The page loaded now holds the rows shown, and the case stays selected.
#[test]
fn a_two_line_status_leaves_the_list_a_page_that_fits_and_the_case_selected() {
    use crate::app::action::{Action, Effect};
    use crate::app::update;
    let mut s = list_state(Lang::Zh);
    let rows = s.list_rows();
    update(&mut s, Action::CasesLoaded(numbered_page(0, rows)));
    s.list.selected = rows as usize - 1;
    let path =
        "/home/mediator/.local/share/tiaojie/文书/（2026）临新人调字第41号/人民调解协议书.pdf";
    let effects = update(&mut s, Action::DocumentWritten(path.into()));
    let [Effect::LoadCases(q)] = effects.as_slice() else {
        panic!("the page is not read again: {effects:?}");
    };
    assert_eq!(q.limit, rows - 1);
    let q = q.clone();
    update(
        &mut s,
        Action::CasesLoaded(numbered_page(q.offset, q.limit)),
    );
    let text = screen(&s);
    // Every row of the page is on screen, the selected case among them.
    for row in &s.list.page.rows {
        assert!(
            text.contains(&format!("{} ", row.parties)),
            "{} hidden:\n{text}",
            row.parties
        );
    }
    assert_eq!(
        s.list.page.rows[s.list.selected].parties,
        format!("当事人{rows}")
    );
    insta::assert_snapshot!(text);
}

/// Issue 14: the status line was broken cell by cell, so its second line could start
/// with 、 or ，. It is broken by the documents' line breaker (禁则).
#[test]
fn a_long_status_breaks_by_the_line_breaking_rules() {
    let mut s = list_state(Lang::Zh);
    // 39 wide characters fill 78 of the line's 79 cells: cut cell by cell, the 、 after
    // them would begin the second line.
    let head = "以下当事人缺少联系电话，调解通知书无法用手机短信送达，请先补充后再发送：王秀兰";
    assert_eq!(head.chars().count(), 39);
    s.status = Some(crate::app::state::StatusLine {
        text: format!("{head}、额尔德木图·巴特尔。"),
        error: true,
    });
    let text = screen(&s);
    let rows: Vec<&str> = text.lines().collect();
    let at = rows
        .iter()
        .position(|l| l.starts_with(" 以下当事人"))
        .unwrap_or_else(|| panic!("{text}"));
    let second = rows[at + 1].trim_start();
    assert!(second.starts_with("兰、额尔德木图"), "{text}");
    insta::assert_snapshot!(text);
}
