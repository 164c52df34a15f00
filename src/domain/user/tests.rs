//! Every rule of every role, one test per rule.

use super::*;
use crate::domain::case::{Case, CaseFields, CaseId};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::status::{CaseStatus, StatusChange};
use chrono::{DateTime, NaiveDate};

fn user(name: &str, role: Role) -> User {
    User::new(name, role)
}

fn case_by(registrar: &str) -> Case {
    let mut fields = CaseFields::blank(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
    let mut party = Party::new(PartyRole::Applicant, PartyKind::Person);
    party.name = "张三".into();
    party.id_number = "11010519491231002X".into();
    party.phone = "13912341234".into();
    fields.parties.push(party);
    Case {
        id: CaseId(1),
        number: None,
        status: CaseStatus::Registered,
        version: 1,
        fields,
        mediators: Vec::new(),
        history: vec![StatusChange {
            from: None,
            to: CaseStatus::Registered,
            at: DateTime::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap(),
            operator: registrar.into(),
            reason: String::new(),
        }],
    }
}

#[test]
fn roles_are_read_in_chinese_and_english() {
    assert_eq!(Role::parse("管理员"), Some(Role::Admin));
    assert_eq!(Role::parse(" 调解员 "), Some(Role::Mediator));
    assert_eq!(Role::parse("登记员"), Some(Role::Clerk));
    assert_eq!(Role::parse("只读"), Some(Role::ReadOnly));
    assert_eq!(Role::parse("admin"), Some(Role::Admin));
    assert_eq!(Role::parse("Mediator"), Some(Role::Mediator));
    assert_eq!(Role::parse("clerk"), Some(Role::Clerk));
    assert_eq!(Role::parse("readonly"), Some(Role::ReadOnly));
    assert_eq!(Role::parse("boss"), None);
    assert_eq!(Role::parse(""), None);
}

#[test]
fn only_administrators_edit_settings_and_users_and_export_unmasked() {
    for role in Role::ALL {
        let u = user("a", *role);
        let admin = *role == Role::Admin;
        assert_eq!(may_edit_settings(&u), admin, "{role:?}");
        assert_eq!(may_manage_users(&u), admin, "{role:?}");
        assert_eq!(may_export_unmasked(&u), admin, "{role:?}");
    }
}

#[test]
fn read_only_may_not_write_everyone_else_may() {
    assert!(may_write(&user("a", Role::Admin)));
    assert!(may_write(&user("a", Role::Mediator)));
    assert!(may_write(&user("a", Role::Clerk)));
    assert!(!may_write(&user("a", Role::ReadOnly)));
}

#[test]
fn the_front_desk_and_read_only_may_not_edit_agreements() {
    assert!(may_edit_agreements(&user("a", Role::Admin)));
    assert!(may_edit_agreements(&user("a", Role::Mediator)));
    assert!(!may_edit_agreements(&user("a", Role::Clerk)));
    assert!(!may_edit_agreements(&user("a", Role::ReadOnly)));
}

#[test]
fn a_clerk_sees_only_the_cases_they_registered() {
    let own = case_by("police1");
    let other = case_by("wang");
    let clerk = user("police1", Role::Clerk);
    assert!(may_see_case(&own, &clerk));
    assert!(!may_see_case(&other, &clerk));
    for role in [Role::Admin, Role::Mediator, Role::ReadOnly] {
        assert!(may_see_case(&other, &user("police1", role)), "{role:?}");
    }
}

#[test]
fn a_clerk_sees_other_cases_ids_and_phones_masked() {
    let own = case_by("police1");
    let other = case_by("wang");
    let clerk = user("police1", Role::Clerk);
    assert!(may_see_full_ids(&own, &clerk));
    assert!(!may_see_full_ids(&other, &clerk));
    let shown = case_for(&other, &clerk);
    assert_eq!(shown.fields.parties[0].id_number, "110105********002X");
    assert_eq!(shown.fields.parties[0].phone, "139****1234");
    assert_eq!(case_for(&own, &clerk), own);
    for role in [Role::Admin, Role::Mediator, Role::ReadOnly] {
        let u = user("police1", role);
        assert!(may_see_full_ids(&other, &u), "{role:?}");
        assert_eq!(case_for(&other, &u), other);
    }
}

#[test]
fn a_disabled_user_may_do_nothing() {
    let mut admin = user("root", Role::Admin);
    admin.active = false;
    let case = case_by("root");
    assert!(!may_edit_settings(&admin));
    assert!(!may_manage_users(&admin));
    assert!(!may_write(&admin));
    assert!(!may_edit_agreements(&admin));
    assert!(!may_export_unmasked(&admin));
    assert!(!may_see_case(&case, &admin));
    assert!(!may_see_full_ids(&case, &admin));
}

#[test]
fn the_display_name_is_shown_when_there_is_one() {
    let mut u = user(" wang ", Role::Mediator);
    assert_eq!(u.name, "wang");
    assert_eq!(u.shown_name(), "wang");
    u.display = "王芳".into();
    assert_eq!(u.shown_name(), "王芳");
}
