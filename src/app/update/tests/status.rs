//! Status changes: the menu, the mediator pick, the reason, the rules.

use super::*;
use crate::app::dialogs::reason::ReasonForm;

#[test]
fn f9_on_the_detail_opens_the_status_menu_with_the_allowed_steps_first() {
    let mut s = detail(CaseStatus::Accepted);
    assert!(press(&mut s, KeyCode::F(9)).is_empty());
    let Some(Modal::StatusMenu(menu)) = top(&s) else {
        panic!("{:?}", s.modals)
    };
    assert_eq!(
        menu.options()[..2],
        [CaseStatus::Mediating, CaseStatus::Terminated]
    );
    assert_eq!(
        (menu.case_id, menu.version, menu.selected),
        (CaseId(7), 3, 0)
    );
}

#[test]
fn choosing_an_allowed_status_emits_the_change() {
    let mut s = detail(CaseStatus::Accepted);
    key(&mut s, Key::char('t'));
    let effects = press(&mut s, KeyCode::Enter);
    assert_eq!(
        effects,
        [Effect::ChangeStatus {
            id: CaseId(7),
            version: 3,
            to: CaseStatus::Mediating,
            reason: String::new(),
            mediators: Vec::new(),
        }]
    );
    assert!(s.modals.is_empty());
}

#[test]
fn the_saved_status_change_shows_the_case_and_says_so() {
    let mut s = detail(CaseStatus::Accepted);
    let mut moved = case();
    moved.status = CaseStatus::Mediating;
    let effects = act(&mut s, Action::CaseSaved(Box::new(moved)));
    assert!(matches!(&s.cases, CasesView::Detail(d) if d.case.status == CaseStatus::Mediating));
    assert!(
        effects.contains(&Effect::LoadHistory(CaseId(7))),
        "{effects:?}"
    );
    assert!(s.status.as_ref().is_some_and(|l| l.text.contains("调解中")));
}

#[test]
fn accepting_goes_through_the_mediator_pick() {
    let mut s = detail(CaseStatus::Registered);
    press(&mut s, KeyCode::F(9));
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    let Some(Modal::Mediators(pick)) = top(&s) else {
        panic!("{:?}", s.modals)
    };
    let offered: Vec<_> = pick.options.iter().map(|o| (o.1.as_str(), o.2)).collect();
    assert_eq!(
        offered,
        [("王建国", true), ("李秀英", false)],
        "departed ones are not offered"
    );
    press(&mut s, KeyCode::Down);
    key(&mut s, Key::char(' '));
    let effects = press(&mut s, KeyCode::Enter);
    let [Effect::ChangeStatus { to, mediators, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*to, CaseStatus::Accepted);
    assert_eq!(mediators, &[MediatorId(1), MediatorId(2)]);
}

#[test]
fn accepting_with_nobody_ticked_takes_the_mediator_under_the_cursor() {
    let mut s = detail(CaseStatus::Registered);
    press(&mut s, KeyCode::F(9));
    press(&mut s, KeyCode::Enter);
    key(&mut s, Key::char(' '));
    press(&mut s, KeyCode::Down);
    let effects = press(&mut s, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::ChangeStatus { mediators, .. }] if mediators == &[MediatorId(2)])
    );
}

#[test]
fn not_accepting_asks_a_reason_and_refuses_an_empty_one() {
    let mut s = detail(CaseStatus::Registered);
    press(&mut s, KeyCode::F(9));
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    assert!(
        top(&s)
            .and_then(Modal::dialog::<ReasonForm>)
            .is_some_and(|r| r.to == CaseStatus::Rejected)
    );
    type_in(&mut s, "  ");
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    let Some(r) = top(&s).and_then(Modal::dialog::<ReasonForm>) else {
        panic!("{:?}", s.modals)
    };
    assert_eq!(
        r.form.field("reason").and_then(|f| f.error.clone()),
        Some(TransitionError::ReasonRequired(CaseStatus::Rejected).to_string())
    );
    type_in(&mut s, "当事人拒绝调解");
    let effects = press(&mut s, KeyCode::F(2));
    let [Effect::ChangeStatus { to, reason, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        (*to, reason.as_str()),
        (CaseStatus::Rejected, "当事人拒绝调解")
    );
    assert!(s.modals.is_empty());
}

#[test]
fn a_status_that_is_not_allowed_shows_the_rule_in_a_notice() {
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::F(9));
    let Some(Modal::StatusMenu(menu)) = top(&s) else {
        panic!()
    };
    let at = menu
        .options()
        .iter()
        .position(|o| *o == CaseStatus::Succeeded)
        .unwrap_or(0);
    for _ in 0..at {
        press(&mut s, KeyCode::Down);
    }
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    let expected = TransitionError::NotAllowed {
        from: CaseStatus::Accepted,
        to: CaseStatus::Succeeded,
    }
    .to_string();
    assert!(matches!(top(&s), Some(Modal::Notice { text }) if *text == expected));
    press(&mut s, KeyCode::Esc);
    assert!(s.modals.is_empty());
}

#[test]
fn esc_leaves_the_status_menu_without_a_change() {
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::F(9));
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert!(s.modals.is_empty());
}

#[test]
fn esc_in_a_typed_reason_asks_before_throwing_it_away() {
    let mut s = detail(CaseStatus::Mediating);
    press(&mut s, KeyCode::F(9));
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    assert!(
        top(&s)
            .and_then(Modal::dialog::<ReasonForm>)
            .is_some_and(|r| r.to == CaseStatus::Terminated)
    );
    type_in(&mut s, "被申请人拒绝");
    press(&mut s, KeyCode::Esc);
    assert!(matches!(top(&s), Some(Modal::Confirm(c)) if !c.yes_selected));
    press(&mut s, KeyCode::Enter);
    let Some(r) = top(&s).and_then(Modal::dialog::<ReasonForm>) else {
        panic!("{:?}", s.modals)
    };
    assert_eq!(r.form.value("reason"), "被申请人拒绝");
    press(&mut s, KeyCode::Esc);
    key(&mut s, Key::char('y'));
    assert!(s.modals.is_empty(), "{:?}", s.modals);
}
