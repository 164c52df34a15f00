//! The conflict dialog: both versions field by field; keep mine, take theirs, or go back.

use super::*;
use crate::app::conflict::ConflictChoice;
use crate::domain::case::CaseFields;

/// The fixture case in the edit form, facts changed, and a save refused meanwhile.
fn conflicted() -> (AppState, CaseFields, Case) {
    let mut s = detail(CaseStatus::Registered);
    key(&mut s, Key::char('e'));
    form_focus(&mut s, "facts");
    key(&mut s, Key::ctrl('u'));
    type_in(&mut s, "我写的事实");
    let effects = press(&mut s, KeyCode::F(2));
    let Some(Effect::UpdateCase {
        fields, version, ..
    }) = effects.last().cloned()
    else {
        panic!("no save: {effects:?}");
    };
    let mut theirs = case();
    theirs.version = version + 1;
    theirs.fields.facts = "他写的事实".into();
    theirs.fields.claims = "赔偿".into();
    act(
        &mut s,
        Action::CaseConflict {
            mine: fields.clone(),
            theirs: Box::new(theirs.clone()),
        },
    );
    (s, *fields, theirs)
}

fn form_focus(s: &mut AppState, id: &str) {
    if let CasesView::Form(cf) = &mut s.cases {
        cf.form.focus_on(id);
    }
}

#[test]
fn the_dialog_shows_only_the_fields_that_differ_and_starts_on_back() {
    let (s, _, _) = conflicted();
    let Some(Modal::Conflict(v)) = top(&s) else {
        panic!("no dialog: {:?}", top(&s));
    };
    let labels: Vec<&str> = v.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels.len(), 2, "{:?}", v.rows);
    let facts = v.rows.iter().find(|r| r.mine == "我写的事实").unwrap();
    assert_eq!(facts.theirs, "他写的事实");
    assert_eq!(v.choice, ConflictChoice::Back);
}

#[test]
fn enter_alone_goes_back_to_the_form_and_saves_nothing() {
    let (mut s, _, _) = conflicted();
    let effects = press(&mut s, KeyCode::Enter);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(s.modals.is_empty());
    assert_eq!(form(&s).form.value("facts"), "我写的事实");
    // Saved again, it is refused again (still at the old version): nothing silent.
    let effects = press(&mut s, KeyCode::F(2));
    assert!(
        matches!(effects.last(), Some(Effect::UpdateCase { version, .. }) if *version == case().version)
    );
}

#[test]
fn keep_mine_saves_over_the_version_now_stored() {
    let (mut s, mine, theirs) = conflicted();
    press(&mut s, KeyCode::Left);
    press(&mut s, KeyCode::Left);
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::UpdateCase {
            id: theirs.id,
            version: theirs.version,
            fields: Box::new(mine),
        }]
    );
}

#[test]
fn take_theirs_closes_the_form_and_shows_the_stored_case() {
    let (mut s, _, theirs) = conflicted();
    press(&mut s, KeyCode::Left);
    press(&mut s, KeyCode::Enter);
    let CasesView::Detail(d) = &s.cases else {
        panic!("not on the detail");
    };
    assert_eq!(d.case, theirs);
    assert!(s.modals.is_empty());
}
