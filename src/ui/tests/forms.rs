//! Snapshots of the forms and dialogs, driven by real keys through `update`, in Chinese
//! and English; the terminal cursor on the field being typed in; no line wider than the
//! window, and no panic on small or big windows.

use super::support::*;
use crate::app::action::Action;
use crate::app::dialogs::reason::ReasonForm;
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::party_form::PartyForm;
use crate::app::settings::SettingsItem;
use crate::app::{AppState, CasesView, Tab, update};
use crate::domain::status::CaseStatus;
use crate::i18n::Lang;
use crate::ui::text::width;
use ratatui::style::Modifier;

fn key(code: KeyCode) -> Key {
    Key::plain(code)
}

/// The screen as text, after checking that no line is wider than the window.
fn checked(state: &AppState) -> String {
    let text = screen(state);
    for line in text.lines() {
        assert!(
            width(line) <= usize::from(state.size.cols),
            "too wide: {line}"
        );
    }
    text
}

/// Snapshots the fixture in Chinese and in English.
fn both(name: &str, fixture: fn(Lang) -> AppState) {
    for lang in [Lang::Zh, Lang::En] {
        let state = fixture(lang);
        insta::assert_snapshot!(format!("{name}_{}", lang.code()), checked(&state));
    }
}

fn new_case(lang: Lang) -> AppState {
    let mut s = list_state(lang);
    press(&mut s, &[Key::char('n')]);
    assert!(matches!(s.cases, CasesView::Form(_)));
    s
}

fn case_form_at_parties(lang: Lang) -> AppState {
    let mut s = list_state(lang);
    press(&mut s, &[Key::char('e')]);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    for _ in 0..20 {
        if matches!(&s.cases, CasesView::Form(f) if f.on_parties()) {
            break;
        }
        press(&mut s, &[key(KeyCode::Tab)]);
    }
    press(&mut s, &[key(KeyCode::Down)]);
    assert!(matches!(&s.cases, CasesView::Form(f) if f.selected_party() == Some(1)));
    s
}

fn party_typing(lang: Lang, id: &str) -> AppState {
    let mut s = new_case(lang);
    press(&mut s, &[key(KeyCode::F(7))]);
    type_text(&mut s, "王秀兰");
    press(&mut s, &[key(KeyCode::Tab)]);
    type_text(&mut s, id);
    assert!(s.modals.last().is_some_and(Modal::is::<PartyForm>));
    s
}

fn party_half_id(lang: Lang) -> AppState {
    party_typing(lang, "1101051949")
}

fn party_bad_id(lang: Lang) -> AppState {
    party_typing(lang, "110105194912310021")
}

fn confirm_discard(lang: Lang) -> AppState {
    let mut s = new_case(lang);
    press(&mut s, &[key(KeyCode::Tab); 3]);
    type_text(&mut s, "楼上漏水");
    press(&mut s, &[key(KeyCode::Esc)]);
    assert!(matches!(s.modals.last(), Some(Modal::Confirm(_))));
    s
}

fn detail(lang: Lang, status: CaseStatus) -> AppState {
    let mut s = list_state(lang);
    let mut c = case();
    c.status = status;
    update(&mut s, Action::CaseLoaded(Box::new(c)));
    assert!(matches!(s.cases, CasesView::Detail(_)));
    s
}

fn status_menu(lang: Lang) -> AppState {
    let mut s = detail(lang, CaseStatus::Accepted);
    press(&mut s, &[Key::char('t')]);
    assert!(matches!(s.modals.last(), Some(Modal::StatusMenu(_))));
    s
}

fn reason(lang: Lang) -> AppState {
    let mut s = status_menu(lang);
    press(&mut s, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    type_text(&mut s, "申请人不同意调解");
    assert!(s.modals.last().is_some_and(Modal::is::<ReasonForm>));
    s
}

fn mediator_pick(lang: Lang) -> AppState {
    let mut s = detail(lang, CaseStatus::Registered);
    press(&mut s, &[Key::char('t'), key(KeyCode::Enter)]);
    assert!(matches!(s.modals.last(), Some(Modal::Mediators(_))));
    s
}

fn settings(lang: Lang) -> AppState {
    let mut s = list_state(lang);
    press(&mut s, &[key(KeyCode::Tab); 4]);
    assert_eq!(s.tab, Tab::Settings);
    s
}

fn category_picker(lang: Lang) -> AppState {
    let mut s = new_case(lang);
    press(&mut s, &[key(KeyCode::Tab); 2]);
    press(&mut s, &[key(KeyCode::Enter)]);
    assert!(matches!(s.modals.last(), Some(Modal::Picker(_))));
    s
}

#[test]
fn new_case_form() {
    both("new_case", new_case);
}

#[test]
fn case_form_with_two_parties() {
    both("case_form_parties", case_form_at_parties);
}

#[test]
fn party_dialog_counts_a_half_typed_id_number() {
    both("party_half_id", party_half_id);
}

#[test]
fn party_dialog_says_a_check_digit_is_wrong() {
    both("party_bad_id", party_bad_id);
}

#[test]
fn confirm_after_esc_on_a_changed_form() {
    both("confirm_discard", confirm_discard);
}

#[test]
fn status_menu_on_a_case() {
    both("status_menu", status_menu);
}

#[test]
fn reason_dialog() {
    both("reason", reason);
}

#[test]
fn mediator_pick_dialog() {
    both("mediator_pick", mediator_pick);
}

#[test]
fn first_start_form() {
    both("first_start", first_start_state);
}

#[test]
fn settings_tab() {
    both("settings", settings);
}

#[test]
fn category_picker_dialog() {
    both("category_picker", category_picker);
}

/// `gr` typed into the category list: only 供热 is left, and the frame says what was typed.
fn category_picker_typed(lang: Lang) -> AppState {
    let mut s = category_picker(lang);
    type_text(&mut s, "gr");
    s
}

#[test]
fn category_picker_narrowed_by_typing() {
    both("category_picker_typed", category_picker_typed);
}

/// The cursor sits right after `text` on screen.
fn assert_cursor_after(state: &AppState, text: &str) {
    let (screen, cursor) = screen_and_cursor(state);
    let start = find(&buffer(state), text).unwrap_or_else(|| panic!("{text} not in\n{screen}"));
    let expected = (start.0 + width(text) as u16, start.1);
    assert_eq!(cursor, Some(expected), "{screen}");
}

#[test]
fn the_cursor_follows_chinese_typed_into_the_focused_field() {
    let mut s = new_case(Lang::Zh);
    press(&mut s, &[key(KeyCode::F(7))]);
    type_text(&mut s, "王秀兰");
    assert_cursor_after(&s, "王秀兰");
    press(&mut s, &[key(KeyCode::Left)]);
    let (_, cursor) = screen_and_cursor(&s);
    let start = find(&buffer(&s), "王秀兰").expect("name shown");
    assert_eq!(cursor, Some((start.0 + 4, start.1)), "before 兰");
}

#[test]
fn the_cursor_follows_wrapped_lines_of_the_facts() {
    let mut s = new_case(Lang::Zh);
    press(&mut s, &[key(KeyCode::Tab); 3]);
    type_text(&mut s, &"楼上漏水".repeat(9));
    type_text(&mut s, "尾");
    assert_cursor_after(&s, "尾");
    press(&mut s, &[key(KeyCode::Enter)]);
    type_text(&mut s, "第二段");
    assert_cursor_after(&s, "第二段");
    let CasesView::Form(f) = &s.cases else {
        panic!("form")
    };
    assert!(f.form.value("facts").ends_with("尾\n第二段"));
}

#[test]
fn discarding_a_new_case_says_it_is_not_registered_yet() {
    let s = confirm_discard(Lang::Zh);
    let Some(Modal::Confirm(c)) = s.modals.last() else {
        panic!("no question");
    };
    assert!(c.question.contains("还没有登记"), "{}", c.question);
    assert!(!c.question.contains("修改"), "{}", c.question);
}

#[test]
fn no_cursor_is_shown_under_a_question() {
    let s = confirm_discard(Lang::Zh);
    assert_eq!(screen_and_cursor(&s).1, None);
}

#[test]
fn the_confirm_dialog_lights_the_safe_answer_first() {
    let s = confirm_discard(Lang::Zh);
    let buf = buffer(&s);
    let keep = find(&buf, "[ 继续编辑 ]").expect("no button");
    let discard = find(&buf, "[ 放弃修改 ]").expect("yes button");
    assert!(buf[keep].modifier.contains(Modifier::REVERSED));
    assert!(!buf[discard].modifier.contains(Modifier::REVERSED));
}

#[test]
fn every_screen_fits_small_and_big_windows() {
    let fixtures: [fn(Lang) -> AppState; 12] = [
        new_case,
        case_form_at_parties,
        party_half_id,
        party_bad_id,
        confirm_discard,
        status_menu,
        reason,
        mediator_pick,
        first_start_state,
        settings,
        category_picker,
        list_state,
    ];
    let mut sizes = vec![(60, 16), (80, 24), (120, 40), (61, 17), (200, 60)];
    sizes.extend(
        (60..=130)
            .step_by(7)
            .flat_map(|c| (16..=44).step_by(7).map(move |r| (c, r))),
    );
    for lang in [Lang::Zh, Lang::En] {
        for fixture in fixtures {
            let mut s = fixture(lang);
            for &size in &sizes {
                s.size = crate::ui::screen(size.0, size.1);
                let (_, cursor) = screen_and_cursor(&s);
                if let Some((x, y)) = cursor {
                    assert!(x < size.0 && y < size.1, "cursor {x},{y} outside {size:?}");
                }
                checked(&s);
            }
        }
    }
}

fn blank_case_saved(lang: Lang) -> AppState {
    let mut s = new_case(lang);
    press(&mut s, &[key(KeyCode::F(2))]);
    s
}

fn add_mediator(lang: Lang) -> AppState {
    let mut s = settings(lang);
    press(&mut s, &[key(KeyCode::F(7))]);
    type_text(&mut s, "孙");
    press(&mut s, &[key(KeyCode::Tab)]);
    assert!(s.modals.last().is_some_and(Modal::is::<SettingsItem>));
    s
}

fn not_allowed_notice(lang: Lang) -> AppState {
    let mut s = status_menu(lang);
    press(&mut s, &[key(KeyCode::Down); 2]);
    press(&mut s, &[key(KeyCode::Enter)]);
    assert!(matches!(s.modals.last(), Some(Modal::Notice { .. })));
    s
}

#[test]
fn saving_a_blank_case_marks_what_is_missing() {
    both("blank_case_saved", blank_case_saved);
}

#[test]
fn settings_item_dialog() {
    both("add_mediator", add_mediator);
}

#[test]
fn notice_dialog() {
    both("not_allowed_notice", not_allowed_notice);
}

#[test]
fn a_long_picker_scrolls_to_the_selected_row() {
    let mut s = category_picker(Lang::Zh);
    s.size = crate::ui::screen(60, 16);
    press(&mut s, &[key(KeyCode::Down); 20]);
    let text = checked(&s);
    assert!(text.contains("▶ 金融（合同）"), "{text}");
    assert!(text.contains("(17/17)"), "{text}");
}

#[test]
fn the_focused_field_stays_in_view_on_a_small_window() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = case_form_at_parties(lang);
        s.size = crate::ui::screen(60, 16);
        press(&mut s, &[key(KeyCode::BackTab); 20]);
        for _ in 0..20 {
            let (text, cursor) = screen_and_cursor(&s);
            assert!(text.contains('▶'), "{text}");
            let CasesView::Form(f) = &s.cases else {
                panic!("form")
            };
            assert_eq!(f.form.typing(), cursor.is_some(), "{text}");
            press(&mut s, &[key(KeyCode::Tab)]);
        }
    }
}
