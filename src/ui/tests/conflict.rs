//! Snapshots of the dialogs that keep work from being lost: the conflict dialog (mine
//! beside theirs, only the fields both changed) and the drafts offered at start.

use super::support::*;
use crate::app::AppState;
use crate::app::action::Action;
use crate::app::drafts::DraftData;
use crate::app::key::{Key, KeyCode};
use crate::app::{CasesView, update};
use crate::i18n::Lang;
use crate::storage::Draft;
use crate::ui::text::width;

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

/// Facts and the applicant's phone changed on both sides; the amount on mine only and
/// the claims on theirs only (merged without asking, so not shown).
fn conflict(lang: Lang) -> AppState {
    let mut stored = case();
    for (i, p) in stored.fields.parties.iter_mut().enumerate() {
        p.id = Some(crate::domain::party::PartyId(i as i64 + 1));
    }
    let mut s = list_state(lang);
    press(&mut s, &[Key::char('e')]);
    update(&mut s, Action::CaseLoaded(Box::new(stored.clone())));
    let CasesView::Form(cf) = &mut s.cases else {
        panic!("no form");
    };
    let mut mine = stored.fields.clone();
    mine.facts = "楼上卫生间漏水，损坏楼下吊顶和墙面，双方对维修费用有争议。".into();
    mine.amount_fen = Some(320_000);
    mine.parties[0].phone = "13904782222".into();
    cf.form.set_text("facts", &mine.facts);
    let mut theirs = stored;
    theirs.version += 1;
    theirs.fields.facts = "楼上漏水，已由物业查明原因。".into();
    theirs.fields.claims = "赔偿维修费三千元".into();
    theirs.fields.parties[0].phone = "13904781111".into();
    update(
        &mut s,
        Action::CaseConflict {
            mine: Box::new(mine),
            theirs: Box::new(theirs),
        },
    );
    s
}

fn drafts(lang: Lang) -> AppState {
    let mut s = list_state(lang);
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-28T14:03:00+08:00").unwrap();
    let data = |about: &str| DraftData {
        about: about.into(),
        ..DraftData::default()
    };
    let rows = [
        ("case:new", data("张三、李四")),
        ("case:7", data("临新〔2026〕12号")),
        ("record:7", data("临新〔2026〕12号")),
    ]
    .into_iter()
    .map(|(key, d)| Draft {
        owner: "1234-gone-0".into(),
        key: key.into(),
        content: serde_json::to_string(&d).unwrap(),
        updated_at: at,
    })
    .collect();
    update(&mut s, Action::DraftsLoaded(rows));
    s
}

#[test]
fn conflict_dialog_zh_en() {
    for lang in [Lang::Zh, Lang::En] {
        let state = conflict(lang);
        insta::assert_snapshot!(format!("conflict_{}", lang.code()), checked(&state));
    }
}

#[test]
fn drafts_offer_zh_en() {
    for lang in [Lang::Zh, Lang::En] {
        let state = drafts(lang);
        insta::assert_snapshot!(format!("drafts_offer_{}", lang.code()), checked(&state));
    }
}

#[test]
fn the_conflict_dialog_fits_small_and_big_windows() {
    for size in [(60, 16), (80, 24), (200, 60)] {
        let mut s = conflict(Lang::Zh);
        update(&mut s, Action::Resize(crate::ui::screen(size.0, size.1)));
        for _ in 0..30 {
            update(&mut s, Action::Key(Key::plain(KeyCode::Down)));
        }
        checked(&s);
    }
}

/// The agreement editor on the fixture case; a save met one saved meanwhile.
fn agreement_conflict(lang: Lang) -> AppState {
    use crate::domain::agreement::Agreement;
    let mut s = state(lang, 80, 24);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    update(&mut s, Action::AgreementLoaded(case().id, None, true));
    let mut mine = Agreement::draft(&case(), &["王建国".to_string()]);
    mine.clauses = vec!["乙方于2026年12月31日前赔偿甲方维修费3000元。".into()];
    let mut theirs = mine.clone();
    theirs.version = 2;
    theirs.clauses = vec![
        "乙方于2026年12月15日前赔偿甲方维修费2800元。".into(),
        "双方今后互谅互让。".into(),
    ];
    update(
        &mut s,
        Action::AgreementConflict {
            mine: Box::new(mine),
            theirs: Some(Box::new(theirs)),
        },
    );
    s
}

#[test]
fn agreement_conflict_zh() {
    insta::assert_snapshot!(checked(&agreement_conflict(Lang::Zh)));
}

#[test]
fn agreement_conflict_en() {
    insta::assert_snapshot!(checked(&agreement_conflict(Lang::En)));
}
