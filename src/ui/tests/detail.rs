//! Snapshots of the case detail, the help screen and the tabs that are not built yet.

use super::support::*;
use crate::app::AppState;
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use crate::app::update;
use crate::i18n::Lang;

/// The fixture case opened on a `cols`×`rows` screen.
fn detail_state(lang: Lang, cols: u16, rows: u16) -> AppState {
    let mut s = state(lang, cols, rows);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    s
}

fn down(s: &mut AppState, times: usize) {
    for _ in 0..times {
        press(s, &[Key::plain(KeyCode::Down)]);
    }
}

#[test]
fn detail_zh() {
    insta::assert_snapshot!(screen(&detail_state(Lang::Zh, 80, 24)));
}

#[test]
fn detail_en() {
    insta::assert_snapshot!(screen(&detail_state(Lang::En, 80, 24)));
}

#[test]
fn detail_scrolled_to_the_parties_zh() {
    let mut s = detail_state(Lang::Zh, 80, 24);
    down(&mut s, 17);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn detail_scrolled_past_the_end_stops_at_the_last_line_zh() {
    let mut s = detail_state(Lang::Zh, 80, 24);
    press(&mut s, &[Key::plain(KeyCode::PageDown); 10]);
    let text = screen(&s);
    assert!(
        text.contains("wang"),
        "the history is at the bottom:\n{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn detail_at_the_smallest_window_zh() {
    insta::assert_snapshot!(screen(&detail_state(Lang::Zh, 60, 16)));
}

#[test]
fn detail_at_the_smallest_window_en() {
    insta::assert_snapshot!(screen(&detail_state(Lang::En, 60, 16)));
}

#[test]
fn detail_at_120_by_40_zh() {
    insta::assert_snapshot!(screen(&detail_state(Lang::Zh, 120, 40)));
}

#[test]
fn detail_and_help_render_at_every_size_and_scroll_without_panic() {
    for (cols, rows) in [(60, 16), (61, 17), (79, 23), (100, 30), (200, 60)] {
        for lang in [Lang::Zh, Lang::En] {
            let mut s = detail_state(lang, cols, rows);
            for _ in 0..8 {
                let text = screen(&s);
                assert!(text.contains("42"), "{cols}×{rows}:\n{text}");
                press(&mut s, &[Key::plain(KeyCode::PageDown)]);
            }
            press(&mut s, &[Key::plain(KeyCode::F(1))]);
            for _ in 0..8 {
                let text = screen(&s);
                assert!(text.contains("Esc"), "{cols}×{rows}:\n{text}");
                press(&mut s, &[Key::plain(KeyCode::PageDown)]);
            }
        }
    }
}

#[test]
fn the_full_id_number_is_never_on_screen() {
    let mut s = detail_state(Lang::Zh, 80, 24);
    let mut masked = false;
    for _ in 0..6 {
        let text = screen(&s);
        assert!(!text.contains("11010519491231002X"), "{text}");
        masked |= text.contains("110105********002X");
        press(&mut s, &[Key::plain(KeyCode::PageDown)]);
    }
    assert!(masked, "the masked number is shown");
}

#[test]
fn help_zh() {
    let mut s = list_state(Lang::Zh);
    press(&mut s, &[Key::plain(KeyCode::F(1))]);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn help_en() {
    let mut s = list_state(Lang::En);
    press(&mut s, &[Key::plain(KeyCode::F(1))]);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn help_scrolled_to_the_end_zh() {
    let mut s = list_state(Lang::Zh);
    press(&mut s, &[Key::plain(KeyCode::F(1))]);
    press(&mut s, &[Key::plain(KeyCode::PageDown); 20]);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn help_lists_every_binding_of_the_key_table() {
    use crate::app::keymap::BINDINGS;
    let mut s = state(Lang::Zh, 120, 60);
    press(&mut s, &[Key::plain(KeyCode::F(1))]);
    let mut all = String::new();
    for _ in 0..30 {
        all.push_str(&screen(&s));
        press(&mut s, &[Key::plain(KeyCode::PageDown)]);
    }
    for b in BINDINGS {
        let desc = crate::i18n::t(b.desc);
        assert!(all.contains(desc.as_ref()), "{desc} missing:\n{all}");
        assert!(all.contains(&b.key.label()), "{} missing", b.key.label());
    }
}

#[test]
fn placeholder_tabs_zh() {
    let mut s = list_state(Lang::Zh);
    // 日程 is built now; the tabs after it still say what is coming.
    press(&mut s, &[Key::plain(KeyCode::Tab)]);
    for _ in 0..2 {
        press(&mut s, &[Key::plain(KeyCode::Tab)]);
        let name = format!("placeholder_tab_{:?}_zh", s.tab).to_lowercase();
        insta::assert_snapshot!(name, screen(&s));
    }
}

#[test]
fn control_characters_in_case_text_are_shown_escaped() {
    let mut s = state(Lang::Zh, 80, 24);
    let mut c = case();
    c.fields.facts = "楼上漏水\u{1b}[2J\u{7}".into();
    c.fields.parties[0].name = "王秀兰\u{1b}]0;x\u{7}".into();
    update(&mut s, Action::CaseLoaded(Box::new(c)));
    let mut all = String::new();
    for _ in 0..4 {
        all.push_str(&screen(&s));
        press(&mut s, &[Key::plain(KeyCode::PageDown)]);
    }
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    assert!(all.contains("楼上漏水\u{FFFD}[2J\u{FFFD}"), "{all}");
    assert!(all.contains("王秀兰\u{FFFD}]0;x\u{FFFD}"), "{all}");
}

#[test]
fn detail_of_a_bare_rejected_case_zh() {
    use crate::domain::source::Source;
    use crate::domain::status::{CaseStatus, StatusChange};
    let mut s = state(Lang::Zh, 80, 24);
    let mut c = case();
    c.number = None;
    c.status = CaseStatus::Rejected;
    c.mediators.clear();
    c.fields.source = Source::Application;
    c.fields.amount_fen = None;
    c.fields.persons_involved = 0;
    c.fields.risk_escalation = false;
    c.fields.claims.clear();
    c.fields.facts = "两家共用的院墙倒塌，双方都认为应由对方出钱重建，多次争吵，邻居劝说无效，社区网格员上门了解情况后建议申请调解。".into();
    c.fields.parties.clear();
    c.history.truncate(1);
    let at = c.history[0].at;
    c.history.push(StatusChange {
        from: Some(CaseStatus::Registered),
        to: CaseStatus::Rejected,
        at,
        operator: "wang".into(),
        reason: "被申请人明确拒绝调解，已告知当事人可向人民法院起诉。".into(),
    });
    update(&mut s, Action::CaseLoaded(Box::new(c)));
    press(&mut s, &[Key::plain(KeyCode::PageDown)]);
    insta::assert_snapshot!(screen(&s));
}

/// A 只读 user's detail: the key bar offers only what the role may use.
fn read_only_detail(lang: Lang) -> AppState {
    let mut s = detail_state(lang, 80, 24);
    s.user = crate::domain::user::User::new("guest", crate::domain::user::Role::ReadOnly);
    s
}

#[test]
fn detail_for_read_only_has_no_write_keys_zh() {
    let text = screen(&read_only_detail(Lang::Zh));
    assert!(!text.contains("F4") && !text.contains("F9"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn detail_for_read_only_has_no_write_keys_en() {
    insta::assert_snapshot!(screen(&read_only_detail(Lang::En)));
}
