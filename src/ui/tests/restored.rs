//! Snapshots of what a session shows when the room was restored from a copy while it ran
//! with a case form open: the notice saying who restored which copy, then the offer of
//! the form kept as a draft, in Chinese and English.

use super::support::*;
use crate::app::AppState;
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use crate::app::modal::Modal;
use crate::app::update;
use crate::i18n::Lang;
use crate::storage::Restored;

fn restored_with_a_form(lang: Lang) -> AppState {
    let mut s = list_state(lang);
    update(&mut s, Action::CaseLoaded(Box::new(case())));
    press(&mut s, &[Key::char('e'), Key::plain(KeyCode::End)]);
    type_text(&mut s, "补充");
    update(
        &mut s,
        Action::RoomRestored(Box::new(Restored {
            generation: 2,
            by: "wang".into(),
            at: chrono::DateTime::parse_from_rfc3339("2026-11-28T14:03:00+08:00").ok(),
            file: "/srv/tiaojie/data/backups/tiaojie-2026-11-27.db".into(),
        })),
    );
    s
}

#[test]
fn restored_notice_and_offer_zh_and_en() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = restored_with_a_form(lang);
        assert!(matches!(s.modals.last(), Some(Modal::Notice { .. })));
        insta::assert_snapshot!(format!("restored_notice_{}", lang.code()), screen(&s));
        press(&mut s, &[Key::plain(KeyCode::Enter)]);
        assert!(matches!(s.modals.last(), Some(Modal::Drafts(_))));
        insta::assert_snapshot!(format!("restored_offer_{}", lang.code()), screen(&s));
    }
}
