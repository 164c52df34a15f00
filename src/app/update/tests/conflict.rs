//! The conflict dialog: what only one side changed is merged without asking; what both
//! changed is shown mine beside theirs; keep mine, take theirs, or go back.

use super::*;
use crate::app::conflict::ConflictChoice;
use crate::domain::case::CaseFields;
use crate::domain::party::PartyId;

/// The fixture case as stored: its parties have their ids.
fn stored() -> Case {
    let mut c = case();
    c.status = CaseStatus::Registered;
    for (i, p) in c.fields.parties.iter_mut().enumerate() {
        p.id = Some(PartyId(i as i64 + 1));
    }
    c
}

/// The stored case in the edit form, `edit` done to it and F2 pressed: the save asked for.
fn saving(edit: impl FnOnce(&mut AppState)) -> (AppState, CaseFields) {
    let mut s = started();
    act(&mut s, Action::CaseLoaded(Box::new(stored())));
    key(&mut s, Key::char('e'));
    edit(&mut s);
    let effects = press(&mut s, KeyCode::F(2));
    let Some(Effect::UpdateCase {
        fields, version, ..
    }) = effects.last().cloned()
    else {
        panic!("no save: {effects:?}");
    };
    assert_eq!(version, stored().version);
    (s, *fields)
}

fn retype(s: &mut AppState, id: &str, text: &str) {
    form_focus(s, id);
    key(s, Key::ctrl('u'));
    type_in(s, text);
}

/// Someone else's save of the stored case, one version on.
fn theirs_with(change: impl FnOnce(&mut CaseFields)) -> Case {
    let mut theirs = stored();
    theirs.version += 1;
    change(&mut theirs.fields);
    theirs
}

/// The facts changed on both sides, the claims on theirs only: a save refused meanwhile.
fn conflicted() -> (AppState, CaseFields, Case) {
    let (mut s, fields) = saving(|s| retype(s, "facts", "我写的事实"));
    let theirs = theirs_with(|f| {
        f.facts = "他写的事实".into();
        f.claims = "赔偿".into();
    });
    act(
        &mut s,
        Action::CaseConflict {
            mine: Box::new(fields.clone()),
            theirs: Box::new(theirs.clone()),
        },
    );
    (s, fields, theirs)
}

#[test]
fn changes_on_one_side_each_are_merged_and_saved_without_asking() {
    let (mut s, mine) = saving(|s| retype(s, "facts", "我写的事实"));
    let theirs = theirs_with(|f| f.claims = "赔偿".into());
    let effects = act(
        &mut s,
        Action::CaseConflict {
            mine: Box::new(mine),
            theirs: Box::new(theirs.clone()),
        },
    );
    assert!(s.modals.is_empty(), "nothing to ask: {:?}", s.modals);
    let mut merged = theirs.fields.clone();
    merged.facts = "我写的事实".into();
    assert_eq!(
        effects,
        vec![Effect::UpdateCase {
            id: theirs.id,
            version: theirs.version,
            fields: Box::new(merged.clone()),
        }]
    );
    // The form shows the merge and now edits from their version: a failed save cannot
    // undo their claims on the next F2.
    assert_eq!(form(&s).form.value("claims"), "赔偿");
    assert_eq!(form(&s).editing, Some((theirs.id, theirs.version)));
    let saved = Case {
        fields: merged,
        version: theirs.version + 1,
        ..theirs
    };
    act(&mut s, Action::CaseSaved(Box::new(saved)));
    assert_eq!(
        s.status.as_ref().map(|l| l.text.as_str()),
        Some(t("msg.saved_merged").as_ref())
    );
}

#[test]
fn one_party_changed_on_both_sides_in_different_fields_takes_both_changes() {
    let (mut s, mine) = saving(|s| {
        if let CasesView::Form(cf) = &mut s.cases {
            cf.parties[0].phone = "13800138000".into();
        }
    });
    let theirs = theirs_with(|f| {
        f.parties[0].address = "临河区新华街1号".into();
        f.parties[1].legal_rep = "钱七".into();
    });
    let effects = act(
        &mut s,
        Action::CaseConflict {
            mine: Box::new(mine),
            theirs: Box::new(theirs.clone()),
        },
    );
    assert!(s.modals.is_empty(), "{:?}", s.modals);
    let Some(Effect::UpdateCase { fields, .. }) = effects.first() else {
        panic!("no save: {effects:?}");
    };
    assert_eq!(fields.parties[0].phone, "13800138000");
    assert_eq!(fields.parties[0].address, "临河区新华街1号");
    assert_eq!(fields.parties[1].legal_rep, "钱七");
}

#[test]
fn a_party_field_both_changed_is_asked_about_by_the_partys_name() {
    let (mut s, mine) = saving(|s| {
        if let CasesView::Form(cf) = &mut s.cases {
            cf.parties[0].phone = "13800138000".into();
        }
    });
    let theirs = theirs_with(|f| f.parties[0].phone = "13900139000".into());
    act(
        &mut s,
        Action::CaseConflict {
            mine: Box::new(mine),
            theirs: Box::new(theirs),
        },
    );
    let Some(Modal::Conflict(v)) = top(&s) else {
        panic!("no dialog: {:?}", top(&s));
    };
    assert_eq!(v.rows.len(), 1, "{:?}", v.rows);
    assert_eq!(v.rows[0].label, "王秀兰的联系电话");
    assert_eq!(v.rows[0].mine, "13800138000");
    assert_eq!(v.rows[0].theirs, "13900139000");
}

fn form_focus(s: &mut AppState, id: &str) {
    if let CasesView::Form(cf) = &mut s.cases {
        cf.form.focus_on(id);
    }
}

#[test]
fn the_dialog_shows_only_the_fields_both_changed_and_starts_on_back() {
    let (s, _, _) = conflicted();
    let Some(Modal::Conflict(v)) = top(&s) else {
        panic!("no dialog: {:?}", top(&s));
    };
    assert_eq!(v.rows.len(), 1, "{:?}", v.rows);
    assert_eq!(v.rows[0].mine, "我写的事实");
    assert_eq!(v.rows[0].theirs, "他写的事实");
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
        matches!(effects.last(), Some(Effect::UpdateCase { version, .. }) if *version == stored().version)
    );
}

#[test]
fn keep_mine_saves_mine_where_both_changed_and_theirs_elsewhere_over_the_version_now_stored() {
    let (mut s, mine, theirs) = conflicted();
    press(&mut s, KeyCode::Left);
    press(&mut s, KeyCode::Left);
    let effects = press(&mut s, KeyCode::Enter);
    let mut merged = mine;
    merged.claims = "赔偿".into();
    assert_eq!(
        effects,
        vec![Effect::UpdateCase {
            id: theirs.id,
            version: theirs.version,
            fields: Box::new(merged),
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

/// A draft restored over a case saved since it was started edits from an older version
/// than the form was filled from: with no version to merge against, nothing is merged
/// silently and every field that differs is shown, as before.
#[test]
fn a_form_without_the_version_it_edits_from_shows_every_difference_and_saves_nothing() {
    let (mut s, mine) = saving(|s| retype(s, "facts", "我写的事实"));
    if let CasesView::Form(cf) = &mut s.cases {
        cf.editing = Some((stored().id, 1));
    }
    let theirs = theirs_with(|f| f.claims = "赔偿".into());
    let effects = act(
        &mut s,
        Action::CaseConflict {
            mine: Box::new(mine),
            theirs: Box::new(theirs),
        },
    );
    assert_eq!(effects, vec![]);
    let Some(Modal::Conflict(v)) = top(&s) else {
        panic!("no dialog: {:?}", top(&s));
    };
    assert_eq!(v.rows.len(), 2, "{:?}", v.rows);
}

#[test]
fn a_party_i_removed_and_they_changed_is_asked_about_by_name() {
    let (mut s, mine) = saving(|s| {
        if let CasesView::Form(cf) = &mut s.cases {
            cf.parties.remove(1);
        }
    });
    let theirs = theirs_with(|f| f.parties[1].phone = "0478-8419999".into());
    act(
        &mut s,
        Action::CaseConflict {
            mine: Box::new(mine),
            theirs: Box::new(theirs),
        },
    );
    let Some(Modal::Conflict(v)) = top(&s) else {
        panic!("no dialog: {:?}", top(&s));
    };
    assert_eq!(v.rows.len(), 1, "{:?}", v.rows);
    assert_eq!(v.rows[0].label, "某某供热有限公司");
    assert_eq!(v.rows[0].mine, t("conflict.party_removed"));
    assert!(v.rows[0].theirs.contains("9999"), "{:?}", v.rows[0]);
    // Taking theirs keeps the party (with their phone) and saves nothing else of mine.
    press(&mut s, KeyCode::Left);
    let effects = press(&mut s, KeyCode::Enter);
    let CasesView::Detail(d) = &s.cases else {
        panic!("not on the detail: {effects:?}");
    };
    assert_eq!(d.case.fields.parties.len(), 2);
}
