//! The 文书 tab: nothing open, the registration form of the open case, and the result
//! letter it cannot have yet (the case is still being mediated).

use super::support::{case, list_state, press, screen};
use crate::app::key::{Key, KeyCode};
use crate::app::{Action, Tab, update};
use crate::documents::forms::FormKind;
use crate::i18n::Lang;

fn documents_of_the_open_case(lang: Lang) -> crate::app::AppState {
    let mut s = list_state(lang);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    s.tab = Tab::Documents;
    s
}

#[test]
fn documents_without_a_case_zh() {
    let mut s = list_state(Lang::Zh);
    s.tab = Tab::Documents;
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn documents_register_preview_zh() {
    insta::assert_snapshot!(screen(&documents_of_the_open_case(Lang::Zh)));
}

#[test]
fn documents_register_preview_en() {
    insta::assert_snapshot!(screen(&documents_of_the_open_case(Lang::En)));
}

#[test]
fn documents_feedback_before_a_result_zh() {
    let mut s = documents_of_the_open_case(Lang::Zh);
    let feedback = FormKind::ALL.iter().position(|f| *f == FormKind::Feedback);
    press(
        &mut s,
        &vec![Key::plain(KeyCode::Down); feedback.unwrap_or(0)],
    );
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn documents_preview_scrolls_and_narrow_screens_do_not_panic() {
    let mut s = documents_of_the_open_case(Lang::Zh);
    press(&mut s, &[Key::plain(KeyCode::PageDown); 2]);
    assert!(screen(&s).contains("登记人（签名）"), "{}", screen(&s));
    for (w, h) in [(60, 16), (61, 17), (200, 60), (80, 24)] {
        s.size = crate::ui::screen(w, h);
        let _ = screen(&s);
    }
}

/// The preview at 80×24, scrolled from top to bottom, shows the text format's lines of
/// the same document one for one (a rule where the text format has a form feed), with
/// the ID numbers the paper carries.
#[test]
fn the_preview_shows_the_lines_of_the_text_format_with_full_id_numbers() {
    use crate::app::previews::preview;
    use crate::documents::text::{FORM_FEED, TEXT_WIDTH, to_text};
    let mut s = documents_of_the_open_case(Lang::Zh);
    s.size = crate::ui::screen(80, 24);
    let docs = preview(&s).and_then(Result::ok).unwrap_or_default();
    assert_eq!(docs.len(), 1);
    let text = to_text(&docs[0], TEXT_WIDTH);
    let mut want: Vec<String> = Vec::new();
    for line in text.lines() {
        match line.strip_prefix(FORM_FEED) {
            Some(rest) => {
                want.push(String::from("\u{c}"));
                want.push(rest.to_string());
            }
            None => want.push(line.to_string()),
        }
    }
    let id = &case().fields.parties[0].id_number;
    assert!(!id.is_empty() && text.contains(id.as_str()));
    // The preview's rows: between the borders of the right pane (columns 21 to 78).
    let mut seen: Vec<String> = Vec::new();
    // The key bar takes two rows in 文书 (F6 本机打印 moved ←/→ to the second).
    let rows: u16 = 17;
    let mut scroll = 0;
    while seen.len() < want.len() {
        s.docs.scroll = scroll;
        assert!(
            screen(&s)
                .lines()
                .nth(2)
                .is_some_and(|l| l.contains("证件号完整显示"))
        );
        let buffer = super::support::buffer(&s);
        for y in 3..3 + rows {
            // The cells inside the right pane: a wide character fills two.
            let mut inner = String::new();
            let mut x = 21;
            while x < 79 {
                let symbol = buffer[(x, y)].symbol();
                inner.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            seen.push(inner.trim_end().to_string());
        }
        scroll += rows;
    }
    for (i, (got, want)) in seen.iter().zip(&want).enumerate() {
        if want == "\u{c}" {
            assert!(
                got.starts_with("---") && got.contains("第2页"),
                "row {i}: {got}"
            );
        } else {
            assert_eq!(got, want, "row {i}");
        }
    }
    assert!(seen.iter().any(|l| l.contains(id.as_str())));
}
