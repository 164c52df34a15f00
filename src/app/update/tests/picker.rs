//! The picker of a long choice field: typing narrows it (characters or pinyin), Backspace
//! widens it, Esc clears what was typed before it closes, Enter takes the option shown.

use super::*;

/// The case form with the category list open (the cursor on 邻里, its default).
fn category_list() -> AppState {
    let mut s = started();
    key(&mut s, Key::char('n'));
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    assert_eq!(focused(&s), "category");
    press(&mut s, KeyCode::Enter);
    assert!(matches!(top(&s), Some(Modal::Picker(_))));
    s
}

fn shown(s: &AppState) -> Vec<String> {
    let Some(Modal::Picker(p)) = top(s) else {
        panic!("no picker: {:?}", top(s))
    };
    p.visible().iter().map(|c| c.label.clone()).collect()
}

#[test]
fn typing_gr_finds_heating_and_enter_takes_it() {
    let mut s = category_list();
    assert!(shown(&s).len() > 10, "{:?}", shown(&s));
    type_in(&mut s, "gr");
    assert_eq!(shown(&s), ["供热（物业）"]);
    // Typed letters are the list's, not keys: nothing quit, no tab changed.
    assert!(!s.quit && s.tab == Tab::Cases);
    press(&mut s, KeyCode::Enter);
    assert!(s.modals.is_empty(), "{:?}", top(&s));
    assert_eq!(form(&s).form.value("category"), "l:供热@property");
}

#[test]
fn backspace_widens_and_esc_clears_before_it_closes() {
    let mut s = category_list();
    type_in(&mut s, "合同x");
    assert!(shown(&s).is_empty());
    press(&mut s, KeyCode::Backspace);
    assert_eq!(shown(&s), ["合同", "金融（合同）"]);
    press(&mut s, KeyCode::Backspace);
    press(&mut s, KeyCode::Backspace);
    assert!(shown(&s).len() > 10);
    type_in(&mut s, "wuy");
    assert_eq!(shown(&s), ["物业"]);
    // Esc takes back what was typed; the list stays.
    press(&mut s, KeyCode::Esc);
    assert!(shown(&s).len() > 10);
    // A second Esc closes it, the field as it was.
    press(&mut s, KeyCode::Esc);
    assert!(s.modals.is_empty());
    assert_eq!(form(&s).form.value("category"), "n:neighbour");
}

#[test]
fn chinese_typed_narrows_too() {
    let mut s = category_list();
    type_in(&mut s, "合同");
    assert_eq!(shown(&s), ["合同", "金融（合同）"]);
}
