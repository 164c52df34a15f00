//! The parties of a case: people and organisations, their role, and the checks on
//! what is typed for them (ID number, credit code, phone) that fill what can be derived.

use super::labelled::labelled_enum;
use super::{credit_code, ethnic, id_card, phone};
use crate::i18n::{label, tf};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// A party's part in the case, in the order the agreement lists them.
    pub enum PartyRole {
        Applicant => ("applicant", "申请人"),
        Respondent => ("respondent", "被申请人"),
        ThirdParty => ("third_party", "第三人"),
        Agent => ("agent", "委托代理人"),
    }
}

labelled_enum! {
    /// Sex as the ID card states it.
    pub enum Sex {
        Male => ("male", "男"),
        Female => ("female", "女"),
    }
}

labelled_enum! {
    /// A natural person, or an organisation (法人/其他组织).
    pub enum PartyKind {
        Person => ("person", "自然人"),
        Organisation => ("organisation", "法人或其他组织"),
    }
}

/// Database identity of a party: kept across saves of its case, so the history, the
/// agreement and the sessions can name the same party after it was edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartyId(pub i64);

/// One party. Person-only and organisation-only fields stay empty for the other kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Its row, once stored (`None`: typed in a form and not saved yet). A form carries it
    /// through an edit, so saving the case changes this party instead of adding another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<PartyId>,
    /// Role in the case.
    pub role: PartyRole,
    /// Person or organisation.
    pub kind: PartyKind,
    /// 姓名 or 名称.
    pub name: String,
    /// Person: 性别.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Person: 民族, one of the 56 groups.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ethnicity: String,
    /// Person: 出生日期.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Person: 身份证号 (normalised: uppercase X).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id_number: String,
    /// Person: 职业或单位.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub occupation: String,
    /// Organisation: 统一社会信用代码.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit_code: String,
    /// Organisation: 法定代表人 (or 主要负责人), the name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_rep: String,
    /// Organisation: the 法定代表人's 职务 (总经理, 村委会主任 …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_rep_title: String,
    /// Agent: the party they act for, as its position in the case's party list (see
    /// `domain::agents`); `None` for a party, or an agent of a case with no party yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acts_for: Option<usize>,
    /// 联系电话.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// 住址 or 地址.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
}

impl Party {
    /// An empty party of the given role and kind, ready for a form.
    pub fn new(role: PartyRole, kind: PartyKind) -> Self {
        Self {
            id: None,
            role,
            kind,
            name: String::new(),
            sex: None,
            ethnicity: String::new(),
            birth_date: None,
            id_number: String::new(),
            occupation: String::new(),
            credit_code: String::new(),
            legal_rep: String::new(),
            legal_rep_title: String::new(),
            acts_for: None,
            phone: String::new(),
            address: String::new(),
        }
    }
}

/// A field of a party that failed its check, with the user's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// Which field: "name", "id_number", "credit_code", "phone", "ethnicity", "birth_date".
    pub field: &'static str,
    /// What is wrong and what to do, in plain words.
    pub message: String,
}

/// Checks a party and normalises what it can (ID number, credit code, phone, ethnicity);
/// fills birth date and sex from a valid ID number. Returns every problem found, so the
/// form can show each beside its field while keeping everything typed.
/// `today` bounds the birth date an ID number may carry.
pub fn validate_party(party: &Party, today: NaiveDate) -> Result<Party, Vec<FieldProblem>> {
    let mut out = party.clone();
    let mut problems = Vec::new();
    out.name = party.name.trim().to_string();
    if out.name.is_empty() {
        problems.push(FieldProblem {
            field: "name",
            message: tf("err.party.name_missing", &[]),
        });
    }
    match party.kind {
        PartyKind::Person => check_person(&mut out, today, &mut problems),
        PartyKind::Organisation => {
            if !party.credit_code.trim().is_empty() {
                match credit_code::parse_credit_code(&party.credit_code) {
                    Ok(code) => out.credit_code = code,
                    Err(e) => problems.push(FieldProblem {
                        field: "credit_code",
                        message: e.to_string(),
                    }),
                }
            }
        }
    }
    if !party.phone.trim().is_empty() {
        match phone::parse_phone(&party.phone) {
            Ok(p) => out.phone = p,
            Err(e) => problems.push(FieldProblem {
                field: "phone",
                message: e.to_string(),
            }),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn check_person(out: &mut Party, today: NaiveDate, problems: &mut Vec<FieldProblem>) {
    if !out.id_number.trim().is_empty() {
        match id_card::parse_id_card(&out.id_number, today) {
            Ok(card) => {
                let sex = if card.male { Sex::Male } else { Sex::Female };
                if out.sex.is_some_and(|s| s != sex) {
                    problems.push(FieldProblem {
                        field: "sex",
                        message: tf(
                            "err.party.sex_mismatch",
                            &[("sex", &label("sex", sex.code()))],
                        ),
                    });
                }
                if out.birth_date.is_some_and(|d| d != card.birth_date) {
                    problems.push(FieldProblem {
                        field: "birth_date",
                        message: tf(
                            "err.party.birth_mismatch",
                            &[("date", &card.birth_date.to_string())],
                        ),
                    });
                }
                out.id_number = card.number;
                out.sex = Some(sex);
                out.birth_date = Some(card.birth_date);
            }
            Err(e) => problems.push(FieldProblem {
                field: "id_number",
                message: e.to_string(),
            }),
        }
    }
    if !out.ethnicity.trim().is_empty() {
        match ethnic::normalize_ethnic(out.ethnicity.trim()) {
            Some(e) => out.ethnicity = e.to_string(),
            None => problems.push(FieldProblem {
                field: "ethnicity",
                message: tf("err.party.ethnicity", &[("value", out.ethnicity.trim())]),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    fn person(id: &str) -> Party {
        Party {
            name: " 王秀兰 ".into(),
            id_number: id.into(),
            ..Party::new(PartyRole::Applicant, PartyKind::Person)
        }
    }

    #[test]
    fn a_valid_id_fills_birth_date_and_sex_and_stores_uppercase_x() {
        let p = validate_party(&person("11010519491231002x"), today()).unwrap();
        assert_eq!(p.name, "王秀兰");
        assert_eq!(p.id_number, "11010519491231002X");
        assert_eq!(p.sex, Some(Sex::Female));
        assert_eq!(p.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31));
    }

    #[test]
    fn every_problem_is_reported_against_its_field() {
        let mut p = person("110105194912310021");
        p.name = String::new();
        p.phone = "12345".into();
        p.ethnicity = "火星族".into();
        let fields: Vec<_> = validate_party(&p, today())
            .unwrap_err()
            .iter()
            .map(|f| f.field)
            .collect();
        assert_eq!(fields, ["name", "id_number", "ethnicity", "phone"]);
    }

    #[test]
    fn id_that_contradicts_the_chosen_sex_is_flagged() {
        let mut p = person("11010519491231002X");
        p.sex = Some(Sex::Male);
        let problems = validate_party(&p, today()).unwrap_err();
        assert_eq!(problems[0].field, "sex");
        assert!(problems[0].message.contains("女"));
    }

    #[test]
    fn organisation_checks_its_credit_code_not_an_id() {
        let mut org = Party::new(PartyRole::Respondent, PartyKind::Organisation);
        org.name = "某物业公司".into();
        org.credit_code = "91350100M000100Y4X".into();
        let problems = validate_party(&org, today()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "credit_code");
    }
}
