//! The agreement editor through `update`: opened from the case as a draft, clauses and a
//! ¥3,000 item added and moved, saved; a conflict keeps everything typed.

use super::*;
use crate::app::agreement_form::{AgreementEditor, EditorPage};
use crate::domain::agreement::{Agreement, AgreementStatus};

fn editor(s: &AppState) -> &AgreementEditor {
    match &s.cases {
        CasesView::Agreement(a) => a,
        other => panic!("not in the editor: {other:?}"),
    }
}

/// The fixture case (调解成功) opened, then F6: storage has no agreement yet.
fn opened() -> AppState {
    let mut s = detail(CaseStatus::Succeeded);
    let effects = press(&mut s, KeyCode::F(6));
    assert_eq!(effects, vec![Effect::LoadAgreement(case().id, true)]);
    act(&mut s, Action::AgreementLoaded(case().id, None, true));
    s
}

fn focus(s: &mut AppState, id: &str) {
    if let CasesView::Agreement(a) = &mut s.cases {
        a.form.focus_on(id);
    }
}

fn add_clause(s: &mut AppState, text: &str) {
    focus(s, "clauses");
    press(s, KeyCode::F(7));
    assert!(matches!(editor(s).page, EditorPage::Clause { .. }));
    type_in(s, text);
    press(s, KeyCode::F(2));
}

#[test]
fn the_draft_comes_from_the_case_and_clauses_are_added_edited_and_moved() {
    let mut s = opened();
    let e = editor(&s);
    assert_eq!(e.base.version, 0);
    assert_eq!(e.form.value("number"), case().number.unwrap().text);
    assert!(
        e.form
            .value("facts")
            .starts_with(case().fields.facts.trim())
    );
    add_clause(&mut s, "甲赔偿乙。");
    // Several paragraphs: Enter makes a new line in a clause.
    focus(&mut s, "clauses");
    press(&mut s, KeyCode::F(7));
    type_in(&mut s, "第一段");
    press(&mut s, KeyCode::Enter);
    type_in(&mut s, "第二段");
    press(&mut s, KeyCode::F(2));
    assert_eq!(editor(&s).clauses, ["甲赔偿乙。", "第一段\n第二段"]);
    assert_eq!(editor(&s).form.field("clauses").unwrap().selected, 1);
    press(&mut s, KeyCode::F(5));
    assert_eq!(editor(&s).clauses, ["第一段\n第二段", "甲赔偿乙。"]);
    assert_eq!(editor(&s).form.field("clauses").unwrap().selected, 0);
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::End);
    type_in(&mut s, "！");
    press(&mut s, KeyCode::F(2));
    assert_eq!(editor(&s).clauses[0], "第一段\n第二段！");
    press(&mut s, KeyCode::F(8));
    assert_eq!(editor(&s).clauses, ["甲赔偿乙。"]);
}

#[test]
fn a_payment_item_is_typed_as_people_write_it_and_the_agreement_saved() {
    let mut s = opened();
    add_clause(&mut s, "双方同意。");
    focus(&mut s, "items");
    press(&mut s, KeyCode::F(7));
    type_in(&mut s, "支付赔偿款");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    type_in(&mut s, "¥3,000");
    press(&mut s, KeyCode::Tab);
    type_in(&mut s, "12-31");
    press(&mut s, KeyCode::F(2));
    let item = &editor(&s).items[0];
    assert_eq!(item.amount_fen, Some(300_000));
    assert_eq!(item.due.unwrap().to_string(), "2026-12-31");
    assert!(
        !item.obligor.is_empty() && item.obligor != item.obligee,
        "{item:?}"
    );
    let effects = press(&mut s, KeyCode::F(2));
    let [Effect::SaveAgreement(a)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!((a.version, a.clauses.len(), a.items.len()), (0, 1, 1));
    let mut stored: Agreement = (**a).clone();
    stored.version = 1;
    act(&mut s, Action::AgreementSaved(Box::new(stored)));
    assert_eq!(editor(&s).base.version, 1);
    assert!(!editor(&s).changed());
    assert_eq!(s.status.as_ref().unwrap().text, t("msg.agreement_saved"));
}

#[test]
fn a_wrong_amount_is_said_beside_its_field_and_nothing_is_lost() {
    let mut s = opened();
    focus(&mut s, "items");
    press(&mut s, KeyCode::F(7));
    type_in(&mut s, "支付");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    type_in(&mut s, "三千");
    press(&mut s, KeyCode::F(2));
    let EditorPage::Item { form, .. } = &editor(&s).page else {
        panic!("the item page stays open")
    };
    assert!(form.field("amount").unwrap().error.is_some());
    assert_eq!(form.value("what"), "支付");
}

#[test]
fn signing_needs_a_date_and_a_conflict_keeps_the_text() {
    let mut s = opened();
    add_clause(&mut s, "双方同意。");
    focus(&mut s, "status");
    press(&mut s, KeyCode::Right);
    assert_eq!(editor(&s).form.value("status"), "signed");
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.is_empty());
    assert!(editor(&s).form.field("date").unwrap().error.is_some());
    focus(&mut s, "date");
    type_in(&mut s, "今天");
    let effects = press(&mut s, KeyCode::F(2));
    let [Effect::SaveAgreement(a)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(a.status, AgreementStatus::Signed);
    let mut theirs = (**a).clone();
    theirs.version = 3;
    theirs.clauses = vec!["双方同意，另加一条。".into()];
    let conflict = |s: &mut AppState, mine: &Agreement| {
        act(
            s,
            Action::AgreementConflict {
                mine: Box::new(mine.clone()),
                theirs: Some(Box::new(theirs.clone())),
            },
        );
        let Some(Modal::Conflict(v)) = top(s) else {
            panic!("no conflict dialog: {:?}", top(s));
        };
        let row = v
            .rows
            .iter()
            .find(|r| r.mine == "双方同意。")
            .expect("the clause differs");
        assert_eq!(row.theirs, "双方同意，另加一条。");
    };
    conflict(&mut s, a);
    // Back: nothing saved, every word kept, and the next F2 still does not overwrite.
    press(&mut s, KeyCode::Esc);
    assert!(top(&s).is_none());
    assert_eq!(editor(&s).clauses, ["双方同意。"]);
    let effects = press(&mut s, KeyCode::F(2));
    let [Effect::SaveAgreement(a)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(a.version, 0, "not over theirs unasked");
    conflict(&mut s, a);
    // Keep mine: saved over the version shown.
    press(&mut s, KeyCode::Right);
    let effects = press(&mut s, KeyCode::Enter);
    let [Effect::SaveAgreement(mine)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(mine.version, 3, "knowingly replaces the version shown");
    assert_eq!(mine.clauses, ["双方同意。"]);
    // Or take theirs: the editor shows the stored agreement.
    conflict(&mut s, a);
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Right);
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert_eq!(editor(&s).clauses, ["双方同意，另加一条。"]);
    assert_eq!(editor(&s).base.version, 3);
    assert!(!editor(&s).changed());
}

#[test]
fn esc_with_changes_asks_as_the_case_form_does_and_preview_shows_the_document() {
    use crate::app::modal::{Confirm, Pending};
    let mut s = opened();
    press(&mut s, KeyCode::F(3));
    assert!(matches!(editor(&s).page, EditorPage::Preview { .. }));
    press(&mut s, KeyCode::Esc);
    add_clause(&mut s, "双方同意。");
    // Esc asks; "keep editing" is selected, so Enter keeps everything.
    let effects = press(&mut s, KeyCode::Esc);
    assert!(effects.is_empty());
    let Some(Modal::Confirm(Confirm {
        on_yes: Pending::DiscardAgreement,
        yes_selected: false,
        yes: "button.discard",
        no: "button.keep_editing",
        ..
    })) = top(&s)
    else {
        panic!("{:?}", top(&s))
    };
    press(&mut s, KeyCode::Enter);
    assert!(top(&s).is_none());
    assert!(matches!(s.cases, CasesView::Agreement(_)));
    assert_eq!(editor(&s).clauses, ["双方同意。"]);
    // A second Esc alone does not throw anything away either: it asks again.
    press(&mut s, KeyCode::Esc);
    assert!(matches!(top(&s), Some(Modal::Confirm(_))));
    press(&mut s, KeyCode::Esc);
    assert!(top(&s).is_none());
    assert!(matches!(s.cases, CasesView::Agreement(_)));
    assert!(s.unsaved());
    // Choosing 放弃 closes the editor and reads the case again.
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Right);
    let effects = press(&mut s, KeyCode::Enter);
    assert!(matches!(s.cases, CasesView::Detail(_)));
    assert!(effects.contains(&Effect::LoadCase(case().id)));
}

#[test]
fn esc_without_changes_closes_at_once() {
    let mut s = opened();
    let effects = press(&mut s, KeyCode::Esc);
    assert!(top(&s).is_none());
    assert!(matches!(s.cases, CasesView::Detail(_)));
    assert!(effects.contains(&Effect::LoadCase(case().id)));
}

#[test]
fn esc_on_a_typed_clause_asks_and_discarding_goes_back_to_the_main_form() {
    use crate::app::modal::{Confirm, Pending};
    let mut s = opened();
    let before = editor(&s).clauses.clone();
    focus(&mut s, "clauses");
    press(&mut s, KeyCode::F(7));
    assert!(matches!(editor(&s).page, EditorPage::Clause { .. }));
    type_in(&mut s, "赔偿");
    press(&mut s, KeyCode::Esc);
    let Some(Modal::Confirm(Confirm {
        on_yes: Pending::DiscardAgreementRow,
        ..
    })) = top(&s)
    else {
        panic!("{:?}", top(&s))
    };
    press(&mut s, KeyCode::Enter);
    assert!(matches!(editor(&s).page, EditorPage::Clause { .. }));
    press(&mut s, KeyCode::Esc);
    key(&mut s, Key::char('y'));
    assert!(top(&s).is_none());
    assert!(matches!(editor(&s).page, EditorPage::Main));
    assert_eq!(editor(&s).clauses, before);
}

#[test]
fn enter_on_the_obligor_and_the_agreement_status_opens_their_lists_as_everywhere() {
    let mut s = opened();
    focus(&mut s, "items");
    press(&mut s, KeyCode::F(7));
    press(&mut s, KeyCode::Tab);
    let EditorPage::Item { form, .. } = &editor(&s).page else {
        panic!("no item page");
    };
    assert_eq!(form.focused().unwrap().id, "obligor");
    let before = form.value("obligor");
    press(&mut s, KeyCode::Enter);
    let Some(Modal::Picker(p)) = top(&s) else {
        panic!("Enter on 义务人 opened no list: {:?}", top(&s));
    };
    assert_eq!(p.field, "obligor");
    let other = p
        .options
        .iter()
        .position(|o| o.code != before)
        .expect("two parties");
    for _ in 0..other.max(p.selected) {
        press(&mut s, KeyCode::Up);
    }
    for _ in 0..other {
        press(&mut s, KeyCode::Down);
    }
    press(&mut s, KeyCode::Enter);
    assert!(s.modals.is_empty(), "{:?}", s.modals);
    let EditorPage::Item { form, .. } = &editor(&s).page else {
        panic!("the item page closed");
    };
    assert_ne!(
        form.value("obligor"),
        before,
        "the choice went into the page"
    );

    let mut s = opened();
    focus(&mut s, "status");
    press(&mut s, KeyCode::Enter);
    let Some(Modal::Picker(p)) = top(&s) else {
        panic!("Enter on 协议状态 opened no list: {:?}", top(&s));
    };
    assert_eq!(p.field, "status");
    let last = p.options.last().unwrap().code.clone();
    press(&mut s, KeyCode::End);
    press(&mut s, KeyCode::Enter);
    assert!(s.modals.is_empty());
    assert_eq!(editor(&s).form.value("status"), last);
}

/// Two parties of one name (a father and son): the item offers each, told apart by its
/// role, and names each by its id — never "the same party".
#[test]
fn an_item_between_two_parties_of_one_name_names_each_by_id() {
    use crate::domain::party::{PartyId, PartyRole};
    let mut s = started();
    let mut c = case();
    c.status = CaseStatus::Succeeded;
    c.fields.parties.truncate(2);
    for (i, (p, role)) in c
        .fields
        .parties
        .iter_mut()
        .zip([PartyRole::Applicant, PartyRole::Respondent])
        .enumerate()
    {
        p.id = Some(PartyId(40 + i as i64));
        p.name = "张伟".into();
        p.role = role;
    }
    assert_eq!(c.fields.parties.len(), 2);
    act(&mut s, Action::CaseLoaded(Box::new(c.clone())));
    press(&mut s, KeyCode::F(6));
    act(&mut s, Action::AgreementLoaded(c.id, None, true));
    focus(&mut s, "items");
    press(&mut s, KeyCode::F(7));
    let EditorPage::Item { form, .. } = &editor(&s).page else {
        panic!("no item page");
    };
    let labels: Vec<String> = match &form.field("obligor").unwrap().kind {
        crate::app::form::FieldKind::Choice(list) => list.iter().map(|c| c.label.clone()).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(labels, ["张伟（申请人）", "张伟（被申请人）"]);
    type_in(&mut s, "支付赔偿款");
    press(&mut s, KeyCode::F(2));
    let item = &editor(&s).items[0];
    assert_eq!(
        (item.obligor_party, item.obligee_party),
        (Some(PartyId(41)), Some(PartyId(40))),
        "{item:?}"
    );
    assert_eq!(
        (item.obligor.as_str(), item.obligee.as_str()),
        ("张伟", "张伟")
    );
    assert!(!item.same_party());
    // The agreement as saved carries them.
    let effects = press(&mut s, KeyCode::F(2));
    let [Effect::SaveAgreement(a)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(a.items[0].obligor_party, Some(PartyId(41)));
}

/// The editor as opened on `s`, to change what it holds as a user would have typed it.
fn editor_mut(s: &mut AppState) -> &mut AgreementEditor {
    match &mut s.cases {
        CasesView::Agreement(a) => a,
        other => panic!("not in the editor: {other:?}"),
    }
}

#[test]
fn a_new_agreement_of_a_one_party_case_is_refused_saying_what_to_do() {
    let mut s = opened();
    add_clause(&mut s, "双方同意。");
    // The case has lost its respondent; an agent does not count as a party.
    let parties = &mut editor_mut(&mut s).case.fields.parties;
    parties.truncate(1);
    let mut agent = parties[0].clone();
    agent.id = None;
    agent.role = crate::domain::party::PartyRole::Agent;
    agent.acts_for = Some(0);
    parties.push(agent);
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.is_empty(), "{effects:?}");
    let said = editor(&s).form.field("status").unwrap().error.clone();
    let said = said.expect("the reason beside the status");
    assert!(
        said.contains("1 方当事人") && said.contains("补全对方当事人"),
        "{said}"
    );
    // An agreement stored before the rule is saved again (it still prints, warned).
    editor_mut(&mut s).base.version = 3;
    let effects = press(&mut s, KeyCode::F(2));
    assert!(
        matches!(effects.as_slice(), [Effect::SaveAgreement(_)]),
        "{effects:?}"
    );
}

#[test]
fn a_payment_that_names_nobody_to_pay_is_refused_with_its_item() {
    let mut s = opened();
    add_clause(&mut s, "双方同意。");
    let e = editor_mut(&mut s);
    let mut item = crate::domain::agreement::PerformanceItem {
        what: "支付赔偿款".into(),
        obligor: e.case.fields.parties[1].name.clone(),
        obligor_party: e.case.fields.parties[1].id,
        amount_fen: Some(300_000),
        ..Default::default()
    };
    e.items = vec![item.clone()];
    let effects = press(&mut s, KeyCode::F(2));
    assert!(effects.is_empty(), "{effects:?}");
    let said = editor(&s).form.field("items").unwrap().error.clone();
    assert!(said.is_some_and(|m| m.contains("第1项") && m.contains("权利人")));
    // A duty that is no payment (修复防水) needs nobody named to receive it.
    item.amount_fen = None;
    item.what = "修复卫生间防水".into();
    editor_mut(&mut s).items = vec![item.clone()];
    let effects = press(&mut s, KeyCode::F(2));
    assert!(matches!(effects.as_slice(), [Effect::SaveAgreement(_)]));
}
