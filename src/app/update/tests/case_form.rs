//! The case form: new and edited cases, the party dialog, saving, leaving, conflicts.

use super::*;
use crate::app::party_form::PartyForm;

#[test]
fn n_opens_a_blank_form_with_the_focus_on_the_received_date() {
    let mut s = started();
    assert!(key(&mut s, Key::char('n')).is_empty());
    assert_eq!(form(&s).editing, None);
    assert_eq!(focused(&s), "received_on");
    assert_eq!(form(&s).form.value("received_on"), "2026-11-28");
    assert!(!form(&s).changed());
}

#[test]
fn f7_on_the_list_opens_the_same_blank_form() {
    let mut s = started();
    press(&mut s, KeyCode::F(7));
    assert_eq!(focused(&s), "received_on");
}

#[test]
fn typing_goes_into_the_focused_field_chinese_included() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    key(&mut s, Key::ctrl('u'));
    type_in(&mut s, "昨天");
    assert_eq!(form(&s).form.value("received_on"), "昨天");
    assert!(form(&s).changed());
}

#[test]
fn q_n_and_question_marks_typed_in_a_text_field_are_text() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    key(&mut s, Key::ctrl('u'));
    type_in(&mut s, "qn?e");
    assert_eq!(form(&s).form.value("received_on"), "qn?e");
    assert!(!s.quit && s.modals.is_empty());
}

#[test]
fn tab_in_a_form_moves_between_fields_not_between_tabs() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    press(&mut s, KeyCode::Tab);
    assert_eq!((s.tab, focused(&s)), (Tab::Cases, "source"));
    press(&mut s, KeyCode::Tab);
    assert_eq!(
        focused(&s),
        "category",
        "referral fields are hidden for applications"
    );
    press(&mut s, KeyCode::BackTab);
    assert_eq!(focused(&s), "source");
}

#[test]
fn a_referral_source_shows_the_referring_unit_field() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Right);
    assert_eq!(form(&s).form.value("source"), "police");
    press(&mut s, KeyCode::Tab);
    assert_eq!(focused(&s), "referrer_unit");
}

#[test]
fn f2_on_a_blank_form_saves_nothing_and_marks_the_facts_and_the_parties() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    assert!(press(&mut s, KeyCode::F(2)).is_empty());
    let f = &form(&s).form;
    assert!(f.field("facts").is_some_and(|f| f.error.is_some()));
    assert!(f.field("parties").is_some_and(|f| f.error.is_some()));
    assert_eq!(focused(&s), "facts", "the focus goes to the first problem");
    assert!(s.status.as_ref().is_some_and(|l| l.error));
}

/// Types facts, claims, amount and persons, and adds one party through its dialog.
pub(super) fn fill_new_case(s: &mut AppState) {
    key(s, Key::char('n'));
    press(s, KeyCode::Tab);
    press(s, KeyCode::Tab);
    press(s, KeyCode::Tab);
    assert_eq!(focused(s), "facts");
    type_in(s, "楼上漏水");
    press(s, KeyCode::Enter);
    type_in(s, "多次协商未果");
    press(s, KeyCode::Tab);
    type_in(s, "要求赔偿");
    press(s, KeyCode::Tab);
    type_in(s, "1,234.5");
    press(s, KeyCode::Tab);
    type_in(s, "3");
    press(s, KeyCode::F(7));
    assert!(top(s).is_some_and(Modal::is::<PartyForm>));
    type_in(s, "王秀兰");
    assert!(press(s, KeyCode::F(2)).is_empty());
    assert!(s.modals.is_empty(), "{:?}", s.modals);
    assert_eq!(focused(s), "parties");
}

#[test]
fn a_complete_form_creates_the_case_with_what_was_typed() {
    let mut s = started();
    fill_new_case(&mut s);
    let effects = press(&mut s, KeyCode::F(2));
    let [Effect::CreateCase(fields)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(fields.received_on, today());
    assert_eq!(fields.facts, "楼上漏水\n多次协商未果");
    assert_eq!(fields.claims, "要求赔偿");
    assert_eq!(fields.amount_fen, Some(123_450));
    assert_eq!(fields.persons_involved, 3);
    assert_eq!(fields.category, CaseCategory::national(Category::Neighbour));
    assert_eq!(fields.parties.len(), 1);
    assert_eq!(fields.parties[0].name, "王秀兰");
}

#[test]
fn the_saved_case_is_shown_and_the_status_line_says_registered() {
    let mut s = started();
    fill_new_case(&mut s);
    press(&mut s, KeyCode::F(2));
    let effects = act(&mut s, Action::CaseSaved(Box::new(case())));
    assert!(matches!(&s.cases, CasesView::Detail(d) if d.case.id == CaseId(7)));
    // Its history is read again: the change just saved is its last line.
    assert!(
        effects.contains(&Effect::LoadHistory(CaseId(7))),
        "{effects:?}"
    );
    assert_eq!(
        s.status.as_ref().map(|l| l.text.as_str()),
        Some(t("msg.registered").as_ref())
    );
}

#[test]
fn a_wrong_amount_is_said_beside_its_field_and_nothing_typed_is_lost() {
    let mut s = started();
    fill_new_case(&mut s);
    while focused(&s) != "amount" {
        press(&mut s, KeyCode::BackTab);
    }
    type_in(&mut s, "万");
    assert!(press(&mut s, KeyCode::F(2)).is_empty());
    assert_eq!(focused(&s), "amount");
    assert!(
        form(&s)
            .form
            .field("amount")
            .is_some_and(|f| f.error.is_some())
    );
    assert_eq!(form(&s).form.value("facts"), "楼上漏水\n多次协商未果");
}

#[test]
fn a_party_without_a_name_keeps_its_dialog_open() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    press(&mut s, KeyCode::F(7));
    assert!(press(&mut s, KeyCode::F(2)).is_empty());
    let Some(p) = top(&s).and_then(Modal::dialog::<PartyForm>) else {
        panic!("{:?}", s.modals)
    };
    assert!(p.form.field("name").is_some_and(|f| f.error.is_some()));
}

#[test]
fn removing_a_party_asks_first_and_no_keeps_it() {
    let mut s = started();
    fill_new_case(&mut s);
    press(&mut s, KeyCode::F(8));
    assert!(matches!(top(&s), Some(Modal::Confirm(c)) if c.on_yes == Pending::RemoveParty(0)));
    press(&mut s, KeyCode::Enter);
    assert_eq!(form(&s).parties.len(), 1);
    press(&mut s, KeyCode::Delete);
    key(&mut s, Key::char('y'));
    assert!(form(&s).parties.is_empty());
}

#[test]
fn a_party_an_agent_acts_for_is_not_removed_and_the_status_line_says_why() {
    let mut s = started();
    fill_new_case(&mut s);
    if let CasesView::Form(cf) = &mut s.cases {
        let mut agent = crate::domain::party::Party::new(
            crate::domain::party::PartyRole::Agent,
            crate::domain::party::PartyKind::Person,
        );
        agent.name = "黄娟".into();
        agent.acts_for = Some(0);
        cf.parties.push(agent);
    }
    press(&mut s, KeyCode::F(8));
    assert!(s.modals.is_empty(), "no question: it cannot be removed");
    assert_eq!(form(&s).parties.len(), 2);
    let said = &s.status.as_ref().unwrap().text;
    assert!(said.contains("黄娟"), "{said}");
}

#[test]
fn esc_on_a_changed_form_asks_and_enter_alone_keeps_editing() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    type_in(&mut s, "x");
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert!(
        matches!(top(&s), Some(Modal::Confirm(c)) if c.on_yes == Pending::DiscardCaseForm && !c.yes_selected)
    );
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert!(s.modals.is_empty());
    // The first key typed into the prefilled date replaced it.
    assert_eq!(form(&s).form.value("received_on"), "x");
}

#[test]
fn y_discards_the_changed_form_and_returns_to_the_list() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    type_in(&mut s, "x");
    press(&mut s, KeyCode::Esc);
    let effects = key(&mut s, Key::char('y'));
    assert_eq!(loads(&effects).len(), 1);
    assert!(matches!(s.cases, CasesView::List) && s.modals.is_empty());
}

#[test]
fn choosing_the_discard_button_with_arrows_and_enter_also_discards() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    type_in(&mut s, "x");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Enter);
    assert!(matches!(s.cases, CasesView::List));
}

#[test]
fn esc_on_an_unchanged_form_closes_it_at_once() {
    let mut s = started();
    key(&mut s, Key::char('n'));
    let effects = press(&mut s, KeyCode::Esc);
    assert_eq!(loads(&effects).len(), 1);
    assert!(matches!(s.cases, CasesView::List) && s.modals.is_empty());
}

#[test]
fn editing_a_loaded_case_saves_it_at_the_version_it_was_opened_at() {
    let mut s = detail(CaseStatus::Accepted);
    key(&mut s, Key::char('e'));
    assert_eq!(focused(&s), "received_on");
    while focused(&s) != "facts" {
        press(&mut s, KeyCode::Tab);
    }
    press(&mut s, KeyCode::End);
    type_in(&mut s, "补充");
    let effects = press(&mut s, KeyCode::F(2));
    let [
        Effect::UpdateCase {
            id,
            version,
            fields,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!((*id, *version), (CaseId(7), 3));
    assert!(fields.facts.ends_with("移交调解。补充"), "{}", fields.facts);
    assert_eq!(fields.parties, case().fields.parties);
}

#[test]
fn esc_on_an_unchanged_edit_goes_back_to_the_case() {
    let mut s = detail(CaseStatus::Accepted);
    press(&mut s, KeyCode::F(4));
    let effects = press(&mut s, KeyCode::Esc);
    assert!(effects.contains(&Effect::LoadCase(CaseId(7))));
    assert!(matches!(s.cases, CasesView::Detail(_)));
}

#[test]
fn a_conflicting_save_keeps_the_form_and_says_why_in_a_notice() {
    let mut s = detail(CaseStatus::Accepted);
    key(&mut s, Key::char('e'));
    while focused(&s) != "claims" {
        press(&mut s, KeyCode::Tab);
    }
    type_in(&mut s, "（补）");
    press(&mut s, KeyCode::F(2));
    let message = "这条记录在你打开后已被别人修改并保存".to_string();
    act(
        &mut s,
        Action::Failed(Failure {
            message: message.clone(),
            conflict: true,
            while_saving: true,
        }),
    );
    assert!(matches!(top(&s), Some(Modal::Notice { text }) if *text == message));
    assert!(form(&s).form.value("claims").ends_with("（补）"));
    press(&mut s, KeyCode::Enter);
    assert!(s.modals.is_empty());
    assert!(matches!(
        press(&mut s, KeyCode::F(2)).as_slice(),
        [Effect::UpdateCase { version: 3, .. }]
    ));
}

#[test]
fn a_failed_read_is_said_on_the_status_line() {
    let mut s = started();
    act(
        &mut s,
        Action::Failed(Failure {
            message: "数据库出错".into(),
            conflict: false,
            while_saving: false,
        }),
    );
    assert!(s.modals.is_empty());
    assert!(
        s.status
            .as_ref()
            .is_some_and(|l| l.error && l.text == "数据库出错")
    );
}

/// A case read asked for before the form opened (another window saved it, and the case on
/// screen was read again) arrives after the user started typing: the form stays.
#[test]
fn a_case_read_arriving_after_the_form_opened_leaves_the_typing_alone() {
    let mut s = detail(CaseStatus::Registered);
    key(&mut s, Key::char('e'));
    if let CasesView::Form(cf) = &mut s.cases {
        cf.form.focus_on("claims");
    }
    type_in(&mut s, "（补）");
    act(&mut s, Action::CaseLoaded(Box::new(case())));
    assert!(form(&s).form.value("claims").ends_with("（补）"));
}
