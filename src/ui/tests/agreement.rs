//! Snapshots of the agreement editor at 80×24: the main form with a clause and a
//! payment, the page of one item, and the preview.

use super::support::*;
use crate::app::AppState;
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use crate::app::update;
use crate::app::{CasesView, agreement_form::AgreementEditor};
use crate::domain::agreement::{Agreement, PerformanceItem};
use crate::i18n::Lang;

fn editor_state(lang: Lang) -> AppState {
    let mut s = state(lang, 80, 24);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    let mut a = Agreement::draft(&case(), &["王建国".into()]);
    a.clauses = vec![
        "被申请人赔偿申请人吊顶修复费用。".into(),
        "双方再无争议。\n互相谅解。".into(),
    ];
    a.items = vec![PerformanceItem {
        what: "支付修复费用".into(),
        obligor: "某某供热有限公司".into(),
        obligee: "王秀兰".into(),
        amount_fen: Some(300_000),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
        ..Default::default()
    }];
    a.version = 1;
    update(
        &mut s,
        Action::AgreementLoaded(case().id, Some(Box::new(a)), true),
    );
    assert!(matches!(s.cases, CasesView::Agreement(_)));
    s
}

fn focus_clauses(s: &mut AppState) {
    if let CasesView::Agreement(e) = &mut s.cases {
        let e: &mut AgreementEditor = e;
        e.form.focus_on("clauses");
    }
}

#[test]
fn agreement_editor_zh() {
    let mut s = editor_state(Lang::Zh);
    focus_clauses(&mut s);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn agreement_editor_en() {
    let mut s = editor_state(Lang::En);
    focus_clauses(&mut s);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn agreement_item_page_zh() {
    let mut s = editor_state(Lang::Zh);
    if let CasesView::Agreement(e) = &mut s.cases {
        e.form.focus_on("items");
    }
    press(&mut s, &[Key::plain(KeyCode::Enter)]);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn agreement_item_page_en() {
    let mut s = editor_state(Lang::En);
    if let CasesView::Agreement(e) = &mut s.cases {
        e.form.focus_on("items");
    }
    press(&mut s, &[Key::plain(KeyCode::Enter)]);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn agreement_preview_zh() {
    let mut s = editor_state(Lang::Zh);
    press(&mut s, &[Key::plain(KeyCode::F(3))]);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn agreement_editor_survives_every_size() {
    for (w, h) in [(60, 16), (61, 17), (80, 24), (120, 40), (200, 60)] {
        let mut s = editor_state(Lang::Zh);
        s.size = crate::ui::screen(w, h);
        screen(&s);
        press(&mut s, &[Key::plain(KeyCode::F(3))]);
        screen(&s);
    }
}

/// The editor with a clause typed and Esc pressed: the case form's question over it.
fn esc_with_changes(lang: Lang) -> AppState {
    let mut s = editor_state(lang);
    focus_clauses(&mut s);
    press(&mut s, &[Key::plain(KeyCode::F(7))]);
    for c in "不再追究".chars() {
        press(&mut s, &[Key::plain(KeyCode::Char(c))]);
    }
    press(
        &mut s,
        &[Key::plain(KeyCode::F(2)), Key::plain(KeyCode::Esc)],
    );
    assert!(matches!(
        s.modals.last(),
        Some(crate::app::modal::Modal::Confirm(_))
    ));
    s
}

#[test]
fn agreement_esc_asks_zh() {
    insta::assert_snapshot!(screen(&esc_with_changes(Lang::Zh)));
}

#[test]
fn agreement_esc_asks_en() {
    insta::assert_snapshot!(screen(&esc_with_changes(Lang::En)));
}
