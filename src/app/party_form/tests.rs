//! The party form's unit tests: the checks as typed, the kinds' fields, whom an agent acts for.

use super::*;
use crate::app::key::{Key, KeyCode};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn type_into(f: &mut PartyForm, id: &str, text: &str) {
    f.form.focus_on(id);
    for c in text.chars() {
        f.form.edit(Key::char(c));
        f.refresh();
    }
}

#[test]
fn the_id_number_is_counted_then_checked_and_fills_birth_and_sex() {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Applicant, PartyKind::Person),
        &[],
        today(),
    );
    type_into(&mut f, "id_number", "1101051949");
    assert_eq!(
        f.form.field("id_number").unwrap().hint.as_deref(),
        Some(tf("hint.id_count", &[("n", "10")]).as_str())
    );
    type_into(&mut f, "id_number", "1231002x");
    let field = f.form.field("id_number").unwrap();
    assert_eq!(field.error, None);
    assert!(field.hint.as_deref().unwrap().contains("1949-12-31"));
    assert_eq!(f.form.value("birth_date"), "1949-12-31");
    assert_eq!(f.form.value("sex"), "female");
}

#[test]
fn a_wrong_check_digit_is_said_beside_the_field_and_nothing_typed_is_lost() {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Applicant, PartyKind::Person),
        &[],
        today(),
    );
    type_into(&mut f, "name", "王秀兰");
    type_into(&mut f, "id_number", "110105194912310021");
    assert!(f.form.field("id_number").unwrap().error.is_some());
    assert_eq!(f.to_party(today()), None);
    assert_eq!(f.form.focused().unwrap().id, "id_number");
    assert_eq!(f.form.value("name"), "王秀兰");
    f.form.edit(Key::plain(KeyCode::Backspace));
    f.form.edit(Key::char('X'));
    f.refresh();
    let party = f.to_party(today()).unwrap();
    assert_eq!(
        (party.name.as_str(), party.sex),
        ("王秀兰", Some(Sex::Female))
    );
}

#[test]
fn an_organisation_hides_person_fields_and_keeps_none_of_them() {
    let mut p = Party::new(PartyRole::Respondent, PartyKind::Person);
    p.name = "某物业公司".into();
    p.ethnicity = "汉族".into();
    let mut f = PartyForm::new(Some(0), &p, &[], today());
    f.form.focus_on("kind");
    f.form.cycle(true);
    f.refresh();
    assert!(f.form.field("id_number").unwrap().hidden);
    assert!(!f.form.field("credit_code").unwrap().hidden);
    let party = f.to_party(today()).unwrap();
    assert_eq!(party.kind, PartyKind::Organisation);
    assert_eq!(party.ethnicity, "");
}

#[test]
fn fifteen_digits_of_a_longer_number_are_not_called_wrong_yet() {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Applicant, PartyKind::Person),
        &[],
        today(),
    );
    type_into(&mut f, "id_number", "150802196503150");
    let field = f.form.field("id_number").unwrap();
    assert_eq!(field.error, None);
    assert_eq!(
        field.hint.as_deref(),
        Some(tf("hint.id_count", &[("n", "15")]).as_str())
    );
    type_into(&mut f, "id_number", "024");
    assert_eq!(f.form.value("birth_date"), "1965-03-15");
}

#[test]
fn an_old_fifteen_digit_card_is_read_as_one() {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Applicant, PartyKind::Person),
        &[],
        today(),
    );
    type_into(&mut f, "id_number", "110105491231002");
    assert_eq!(f.form.value("birth_date"), "1949-12-31");
    assert_eq!(f.form.value("sex"), "female");
}

#[test]
fn a_birth_date_after_today_is_said_as_typed_and_fills_nothing() {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Applicant, PartyKind::Person),
        &[],
        today(),
    );
    type_into(&mut f, "id_number", "150802203001011238");
    let field = f.form.field("id_number").unwrap();
    assert!(field.hint.is_none(), "{:?}", field.hint);
    assert!(field.error.as_deref().unwrap().contains("2030-01-01"));
    assert_eq!(f.form.value("birth_date"), "");
    type_into(&mut f, "name", "王秀兰");
    assert_eq!(f.to_party(today()), None);
}

fn organisation() -> PartyForm {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Respondent, PartyKind::Organisation),
        &[],
        today(),
    );
    type_into(&mut f, "name", "恒泰供热有限公司");
    f
}

#[test]
fn the_credit_code_is_counted_then_checked_as_typed() {
    let mut f = organisation();
    type_into(&mut f, "credit_code", "91350100");
    let field = f.form.field("credit_code").unwrap();
    assert_eq!(field.error, None);
    assert_eq!(
        field.hint.as_deref(),
        Some(tf("hint.credit_count", &[("n", "8")]).as_str())
    );
    type_into(&mut f, "credit_code", "M000100Y43");
    let field = f.form.field("credit_code").unwrap();
    assert_eq!(
        (field.error.as_deref(), field.hint.as_deref()),
        (None, Some(t("hint.credit_ok").as_ref()))
    );
}

#[test]
fn a_wrong_credit_code_is_said_as_typed_without_naming_the_check_character() {
    let mut f = organisation();
    // 91350100M000100Y4 has the check character 3 (see domain::credit_code).
    type_into(&mut f, "credit_code", "91350100M000100Y4R");
    let error = f.form.field("credit_code").unwrap().error.clone().unwrap();
    assert!(!error.contains('3'), "{error}");
    assert_eq!(error, crate::i18n::t("err.credit.checksum"));
    type_into(&mut f, "credit_code", "9");
    assert!(f.form.field("credit_code").unwrap().error.is_some());
}

#[test]
fn birth_date_and_sex_from_an_id_number_follow_it_when_it_changes_or_is_cleared() {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Applicant, PartyKind::Person),
        &[],
        today(),
    );
    type_into(&mut f, "name", "张三");
    type_into(&mut f, "id_number", "11010519491231002X");
    assert_eq!(f.form.value("birth_date"), "1949-12-31");
    // One digit removed: the number no longer says who it is, so neither do the fields.
    f.form.edit(Key::plain(KeyCode::Backspace));
    f.refresh();
    assert_eq!(f.form.value("birth_date"), "");
    assert_eq!(f.form.value("sex"), "");
    type_into(&mut f, "id_number", "X");
    assert_eq!(f.form.value("birth_date"), "1949-12-31");
    // Cleared: nothing derived from it is saved.
    f.form.set_text("id_number", "");
    f.refresh();
    let party = f
        .to_party(today())
        .unwrap_or_else(|| panic!("{:?}", f.form));
    assert_eq!((party.birth_date, party.sex), (None, None));
    // What was typed by hand stays.
    type_into(&mut f, "id_number", "11010519491231002X");
    f.form.set_text("birth_date", "1949-12-30");
    f.form.set_text("id_number", "");
    f.refresh();
    assert_eq!(f.form.value("birth_date"), "1949-12-30");
    assert_eq!(f.form.value("sex"), "");
}

fn named(role: PartyRole, name: &str, id: &str) -> Party {
    Party {
        name: name.into(),
        id_number: id.into(),
        ..Party::new(role, PartyKind::Person)
    }
}

#[test]
fn an_agent_chooses_the_party_by_place_among_two_of_one_name() {
    let parties = vec![
        named(PartyRole::Applicant, "王建军", "11010519491231002X"),
        named(PartyRole::Applicant, "王建军", "110105196803050029"),
        named(PartyRole::Respondent, "李建国", ""),
    ];
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Agent, PartyKind::Person),
        &parties,
        today(),
    );
    let field = f.form.field("acts_for").unwrap();
    assert!(!field.hidden, "an agent says whom they act for");
    let crate::app::form::FieldKind::Choice(options) = &field.kind else {
        panic!("a choice")
    };
    let labels: Vec<&str> = options.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "1. 申请人 王建军 …002X",
            "2. 申请人 王建军 …0029",
            "3. 被申请人 李建国"
        ]
    );
    // The first applicant is offered first; the second of the two is chosen.
    assert_eq!(f.form.value("acts_for"), "0");
    f.form.set_choice("acts_for", "1");
    type_into(&mut f, "name", "黄娟");
    let agent = f.to_party(today()).unwrap();
    assert_eq!(agent.acts_for, Some(1));
    // Not an agent any more: no link.
    f.form.set_choice("role", "respondent");
    f.refresh();
    assert!(f.form.field("acts_for").unwrap().hidden);
    assert_eq!(f.to_party(today()).unwrap().acts_for, None);
}

#[test]
fn a_party_an_agent_acts_for_cannot_become_an_agent() {
    let mut agent = named(PartyRole::Agent, "黄娟", "");
    agent.acts_for = Some(0);
    let parties = vec![named(PartyRole::Applicant, "王建军", ""), agent];
    let mut f = PartyForm::new(Some(0), &parties[0], &parties, today());
    f.form.set_choice("role", "agent");
    f.refresh();
    assert_eq!(f.to_party(today()), None);
    let said = f.form.field("role").unwrap().error.clone().unwrap();
    assert!(said.contains("代理谁"), "{said}");
}

#[test]
fn an_organisations_legal_representative_has_a_title_field() {
    let mut f = PartyForm::new(
        None,
        &Party::new(PartyRole::Respondent, PartyKind::Organisation),
        &[],
        today(),
    );
    assert!(!f.form.field("legal_rep_title").unwrap().hidden);
    type_into(&mut f, "name", "恒泰供热有限公司");
    type_into(&mut f, "legal_rep", "赵明");
    type_into(&mut f, "legal_rep_title", "总经理");
    let org = f.to_party(today()).unwrap();
    assert_eq!(
        (org.legal_rep.as_str(), org.legal_rep_title.as_str()),
        ("赵明", "总经理")
    );
}
