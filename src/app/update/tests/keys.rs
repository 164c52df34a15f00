//! Keys that work everywhere: quitting, help, tabs; and paste.

use super::*;
use crate::app::party_form::PartyForm;

#[test]
fn q_with_nothing_unsaved_quits() {
    let mut s = started();
    key(&mut s, Key::char('q'));
    assert!(s.quit);
}

#[test]
fn q_with_unsaved_text_asks_and_enter_alone_stays() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    type_in(&mut s, "x");
    press(&mut s, KeyCode::Tab);
    assert!(
        s.unsaved() && focused(&s) == "source",
        "a choice field: letters are keys"
    );
    key(&mut s, Key::char('q'));
    assert!(matches!(top(&s), Some(Modal::Confirm(c)) if c.on_yes == Pending::Quit));
    press(&mut s, KeyCode::Enter);
    assert!(!s.quit && s.modals.is_empty());
    key(&mut s, Key::char('q'));
    key(&mut s, Key::char('y'));
    assert!(s.quit);
}

#[test]
fn q_while_typing_in_a_text_field_types_q() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    key(&mut s, Key::char('q'));
    assert!(!s.quit && s.modals.is_empty());
    assert_eq!(form(&s).form.value("received_on"), "q");
}

#[test]
fn f10_reaches_quit_while_typing() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    press(&mut s, KeyCode::F(10));
    assert!(s.quit, "nothing typed yet: quits at once");
    let mut s = started();
    key(&mut s, Key::char('n'));
    type_in(&mut s, "x");
    press(&mut s, KeyCode::F(10));
    assert!(matches!(top(&s), Some(Modal::Confirm(c)) if c.on_yes == Pending::Quit));
}

#[test]
fn f10_and_ctrl_c_reach_quit_from_inside_a_dialog() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    press(&mut s, KeyCode::F(7));
    type_in(&mut s, "王");
    press(&mut s, KeyCode::F(10));
    assert!(matches!(top(&s), Some(Modal::Confirm(c)) if c.on_yes == Pending::Quit));
    press(&mut s, KeyCode::F(10));
    assert_eq!(s.modals.len(), 2, "asked once, not once per press");
    key(&mut s, Key::char('y'));
    assert!(s.quit);
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::F(9));
    key(&mut s, Key::ctrl('c'));
    assert!(s.quit);
}

#[test]
fn help_opens_from_any_screen_scrolls_and_closes() {
    let mut s = started();
    press(&mut s, KeyCode::F(1));
    assert!(matches!(top(&s), Some(Modal::Help { scroll: 0 })));
    press(&mut s, KeyCode::PageDown);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Up);
    assert!(matches!(top(&s), Some(Modal::Help { scroll: 10 })));
    press(&mut s, KeyCode::Esc);
    assert!(s.modals.is_empty());
    let mut s = detail(CaseStatus::Accepted);
    key(&mut s, Key::char('?'));
    assert!(matches!(top(&s), Some(Modal::Help { .. })));
}

#[test]
fn tab_on_the_list_walks_the_tabs_and_shift_tab_wraps_back() {
    let mut s = started();
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut s, KeyCode::Tab);
        seen.push(s.tab);
    }
    assert_eq!(
        seen,
        [
            Tab::Schedule,
            Tab::Documents,
            Tab::Statistics,
            Tab::Settings
        ]
    );
    let mut s = started();
    press(&mut s, KeyCode::BackTab);
    assert_eq!(s.tab, Tab::Today, "今日 is the first tab");
    press(&mut s, KeyCode::BackTab);
    assert_eq!(s.tab, Tab::Settings);
}

#[test]
fn tab_walks_the_settings_fields_and_past_the_last_one_to_the_next_tab() {
    let mut s = started();
    press(&mut s, KeyCode::BackTab);
    press(&mut s, KeyCode::BackTab);
    assert_eq!(s.tab, Tab::Settings);
    press(&mut s, KeyCode::BackTab);
    assert_eq!(
        s.tab,
        Tab::Statistics,
        "Shift-Tab on the first field leaves"
    );
    press(&mut s, KeyCode::Tab);
    let mut presses = 0;
    // The profile, printer, lists, limits, display and users: a few dozen fields.
    while s.tab == Tab::Settings && presses < 60 {
        press(&mut s, KeyCode::Tab);
        presses += 1;
    }
    assert_eq!(s.tab, Tab::Today, "past the last tab, back to the first");
    assert!(presses > 1, "Tab first walks the fields");
}
#[test]
fn paste_goes_into_the_focused_text_field_keeping_lines_where_they_belong() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    for _ in 0..3 {
        press(&mut s, KeyCode::Tab);
    }
    act(&mut s, Action::Paste("第一行\r\n第二行\u{1b}".into()));
    assert_eq!(form(&s).form.value("facts"), "第一行\n第二行");
    press(&mut s, KeyCode::BackTab);
    press(&mut s, KeyCode::BackTab);
    press(&mut s, KeyCode::BackTab);
    key(&mut s, Key::ctrl('u'));
    act(&mut s, Action::Paste("2026-11-27\n".into()));
    assert_eq!(form(&s).form.value("received_on"), "2026-11-27 ");
}

#[test]
fn paste_into_the_party_dialog_checks_the_id_number() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    press(&mut s, KeyCode::F(7));
    press(&mut s, KeyCode::Tab);
    act(&mut s, Action::Paste("11010519491231002X".into()));
    let Some(p) = top(&s).and_then(Modal::dialog::<PartyForm>) else {
        panic!("{:?}", s.modals)
    };
    assert_eq!(p.form.value("birth_date"), "1949-12-31");
    assert_eq!(p.form.value("sex"), "female");
}

#[test]
fn paste_where_there_is_no_text_field_changes_nothing() {
    let mut s = detail(CaseStatus::Accepted);
    let before = format!("{:?}", s.cases);
    assert!(act(&mut s, Action::Paste("张三".into())).is_empty());
    assert_eq!(format!("{:?}", s.cases), before);
}

#[test]
fn the_numbers_of_the_tab_bar_go_to_their_tabs_but_are_text_in_a_field() {
    let mut s = started();
    key(&mut s, Key::char('4'));
    assert_eq!(s.tab, Tab::Documents);
    key(&mut s, Key::char('9'));
    assert_eq!(s.tab, Tab::Documents, "no tab 9: nothing happens");
    key(&mut s, Key::char('2'));
    assert_eq!(s.tab, Tab::Cases);
    key(&mut s, Key::char('n'));
    type_in(&mut s, "3号楼");
    assert_eq!(s.tab, Tab::Cases, "typed, not a tab");
    assert!(s.unsaved());
    let mut s = started();
    key(&mut s, Key::char('6'));
    assert_eq!(s.tab, Tab::Settings);
    // The settings form opens in browse mode: a number switches tabs; in edit mode
    // (Enter) it is text.
    key(&mut s, Key::plain(KeyCode::Enter));
    key(&mut s, Key::char('1'));
    assert_eq!(s.tab, Tab::Settings);
}
