//! A save under way on the writer's thread: the form stays, keys keep working, and
//! nothing that would lose the form or save it twice goes through until the save is done.

use super::case_form::fill_new_case;
use super::*;
use crate::app::state::{Saving, StatusLine};

/// A new case filled in and F2 pressed: its save is under way.
fn saving() -> AppState {
    let mut s = started();
    fill_new_case(&mut s);
    let effects = press(&mut s, KeyCode::F(2));
    assert!(matches!(effects.as_slice(), [Effect::CreateCase(_)]));
    act(&mut s, Action::SaveProgress(Saving::Now));
    s
}

#[test]
fn esc_during_a_save_keeps_the_form_and_what_was_typed() {
    let mut s = saving();
    let before = format!("{:?}", s.cases);
    assert_eq!(press(&mut s, KeyCode::Esc), vec![]);
    assert!(matches!(s.cases, CasesView::Form(_)));
    assert_eq!(format!("{:?}", s.cases), before);
    assert!(s.unsaved(), "the form (and so its draft) is kept");
    assert!(
        s.status
            .as_ref()
            .is_some_and(|l| l.text == t("msg.saving_hold")),
        "{:?}",
        s.status
    );
    assert!(top(&s).is_none(), "{:?}", s.modals);
}

#[test]
fn a_second_f2_or_quitting_during_a_save_waits() {
    let mut s = saving();
    assert_eq!(press(&mut s, KeyCode::F(2)), vec![], "not saved twice");
    assert_eq!(press(&mut s, KeyCode::F(10)), vec![]);
    assert_eq!(key(&mut s, Key::ctrl('c')), vec![]);
    assert!(!s.quit);
    assert!(top(&s).is_none(), "{:?}", s.modals);
}

#[test]
fn keys_keep_working_during_a_save() {
    let mut s = saving();
    let field = focused(&s);
    press(&mut s, KeyCode::BackTab);
    assert_ne!(focused(&s), field, "moving between fields");
    press(&mut s, KeyCode::F(1));
    assert!(matches!(top(&s), Some(Modal::Help { .. })), "help opens");
    press(&mut s, KeyCode::Esc);
    assert!(top(&s).is_none(), "and closes: {:?}", s.modals);
    assert!(matches!(s.cases, CasesView::Form(_)));
}

#[test]
fn once_the_save_is_done_the_saved_case_shows_and_esc_works_again() {
    let mut s = saving();
    act(&mut s, Action::CaseSaved(Box::new(case())));
    act(&mut s, Action::SaveProgress(Saving::No));
    assert!(matches!(s.cases, CasesView::Detail(_)));
    assert!(matches!(s.status, Some(StatusLine { error: false, .. })));
    press(&mut s, KeyCode::Esc);
    assert!(matches!(s.cases, CasesView::List));
}
