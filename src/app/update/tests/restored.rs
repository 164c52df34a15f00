//! A restore noticed while the app runs: the open form becomes a draft (never deleted as
//! its form closes), everything shown is read again, the user is told who restored which
//! copy and is offered the draft at once; reopening it keeps the version it was opened at.

use super::*;
use crate::storage::Restored;

fn restored() -> Restored {
    Restored {
        generation: 3,
        by: "admin".into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-11-28T14:03:00+08:00").ok(),
        file: "/srv/tiaojie/backups/tiaojie-2026-11-27.db".into(),
    }
}

/// The fixture case opened for editing, with its facts changed.
fn editing() -> AppState {
    let mut s = detail(CaseStatus::Accepted);
    key(&mut s, Key::char('e'));
    while focused(&s) != "facts" {
        press(&mut s, KeyCode::Tab);
    }
    press(&mut s, KeyCode::End);
    type_in(&mut s, "补充");
    act(&mut s, Action::SaveDrafts);
    s
}

#[test]
fn the_open_form_becomes_a_draft_and_everything_is_read_again() {
    let mut s = editing();
    let effects = act(&mut s, Action::RoomRestored(Box::new(restored())));
    assert_eq!(
        effects.first(),
        Some(&Effect::TakeInRestore(3)),
        "nothing is written before the session takes the restore in"
    );
    let saved: Vec<&String> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveDraft { key, content } => {
                assert!(content.contains("补充"), "{content}");
                Some(key)
            }
            _ => None,
        })
        .collect();
    assert_eq!(saved, ["case:7"]);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::DeleteDraft(_))),
        "closing the form must not delete its draft: {effects:?}"
    );
    assert!(effects.contains(&Effect::LoadRoom));
    assert!(effects.contains(&Effect::LoadToday(today())));
    assert!(effects.iter().any(|e| matches!(e, Effect::LoadCases(_))));
    assert!(matches!(s.cases, CasesView::List));
    let Some(Modal::Notice { text }) = top(&s) else {
        panic!("no notice: {:?}", top(&s));
    };
    assert!(text.contains("admin"), "{text}");
    assert!(text.contains("tiaojie-2026-11-27.db"), "{text}");
    assert!(text.contains("11-28 14:03"), "{text}");
    assert!(text.contains("1 份表单已保存为草稿"), "{text}");
}

#[test]
fn closing_the_notice_offers_the_draft_and_it_reopens_at_its_old_version() {
    let mut s = editing();
    act(&mut s, Action::RoomRestored(Box::new(restored())));
    press(&mut s, KeyCode::Enter);
    let Some(Modal::Drafts(offer)) = top(&s) else {
        panic!("no offer: {:?}", top(&s));
    };
    assert_eq!(offer.rows.len(), 1);
    press(&mut s, KeyCode::Enter);
    assert!(s.modals.is_empty());
    let CasesView::Form(cf) = &s.cases else {
        panic!("not reopened: {:?}", s.cases);
    };
    // Saved at the version it was opened at: if the restored case is another version,
    // storage refuses and shows both.
    assert_eq!(cf.editing, Some((CaseId(7), 3)));
    assert!(cf.form.value("facts").ends_with("补充"));
}

#[test]
fn without_an_open_form_the_notice_alone_is_shown() {
    let mut s = detail(CaseStatus::Accepted);
    let effects = act(&mut s, Action::RoomRestored(Box::new(restored())));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft { .. }))
    );
    assert_eq!(s.modals.len(), 1);
    let Some(Modal::Notice { text }) = top(&s) else {
        panic!("no notice");
    };
    assert!(!text.contains("草稿"), "{text}");
    // The open case went, and what was read with it.
    assert!(s.detail().is_none());
}
