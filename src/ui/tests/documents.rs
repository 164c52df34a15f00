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
    press(&mut s, &[Key::plain(KeyCode::PageDown)]);
    assert!(screen(&s).contains("登记人（签名）"), "{}", screen(&s));
    for (w, h) in [(60, 16), (61, 17), (200, 60), (80, 24)] {
        s.size = (w, h);
        let _ = screen(&s);
    }
}
