//! A referred case with two people and an organisation, for the document tests.

use crate::domain::case::{Case, CaseFields, CaseId, CaseNumber};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::OrgProfile;
use crate::domain::party::{Party, PartyKind, PartyRole, Sex};
use crate::domain::source::Source;
use crate::domain::status::{CaseStatus, StatusChange};
use chrono::{DateTime, NaiveDate};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub fn org() -> OrgProfile {
    OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "新".into(),
        number_pattern: "（{year}）{prefix}人调字第{seq}号".into(),
    }
}

fn change(from: Option<CaseStatus>, to: CaseStatus, at: &str, reason: &str) -> StatusChange {
    StatusChange {
        from,
        to,
        at: DateTime::parse_from_rfc3339(at).unwrap_or_default(),
        operator: "王芳".into(),
        reason: reason.into(),
    }
}

/// Case （2026）新人调字第12号, referred by 新华派出所, mediated successfully.
pub fn case() -> Case {
    let mut respondent = Party::new(PartyRole::Respondent, PartyKind::Person);
    respondent.name = "李建国".into();
    respondent.sex = Some(Sex::Male);
    respondent.ethnicity = "汉族".into();
    respondent.birth_date = Some(day(1975, 8, 20));
    respondent.phone = "13912345678".into();
    respondent.address = "新华街道幸福里5号楼302室".into();
    let mut applicant = Party::new(PartyRole::Applicant, PartyKind::Person);
    applicant.name = "王秀兰".into();
    applicant.sex = Some(Sex::Female);
    applicant.ethnicity = "回族".into();
    applicant.birth_date = Some(day(1968, 3, 5));
    applicant.id_number = "110105196803050029".into();
    applicant.occupation = "退休职工".into();
    applicant.phone = "13812345678".into();
    applicant.address = "新华街道幸福里5号楼202室".into();
    let mut company = Party::new(PartyRole::ThirdParty, PartyKind::Organisation);
    company.name = "北京安居物业管理有限公司".into();
    company.credit_code = "91110105MA01ABCD2X".into();
    company.legal_rep = "赵明（总经理）".into();
    company.address = "朝阳区建国路88号".into();
    Case {
        id: CaseId(7),
        number: Some(CaseNumber {
            year: 2026,
            seq: 12,
            text: "（2026）新人调字第12号".into(),
        }),
        status: CaseStatus::Succeeded,
        version: 3,
        fields: CaseFields {
            received_on: day(2026, 11, 3),
            source: Source::Police,
            referrer_unit: "新华派出所".into(),
            referrer_ref: "新公调〔2026〕58号".into(),
            category: CaseCategory::national(Category::Neighbour),
            facts: "楼上卫生间漏水，致楼下天花板受损，双方就维修与赔偿（约¥3,000.00）发生争执。"
                .into(),
            claims: "赔偿维修费".into(),
            amount_fen: Some(300_000),
            persons_involved: 2,
            risk_escalation: false,
            risk_group: false,
            // Entered respondent first: the form puts the applicant first anyway.
            parties: vec![respondent, company, applicant],
        },
        mediators: Vec::new(),
        history: vec![
            change(
                None,
                CaseStatus::Registered,
                "2026-11-03T09:15:00+08:00",
                "",
            ),
            change(
                Some(CaseStatus::Registered),
                CaseStatus::Accepted,
                "2026-11-03T10:00:00+08:00",
                "",
            ),
            change(
                Some(CaseStatus::Accepted),
                CaseStatus::Mediating,
                "2026-11-10T14:00:00+08:00",
                "",
            ),
            change(
                Some(CaseStatus::Mediating),
                CaseStatus::Succeeded,
                "2026-11-20T16:30:00+08:00",
                "",
            ),
        ],
    }
}

/// The same case, ended without agreement.
pub fn terminated_case() -> Case {
    let mut case = case();
    case.status = CaseStatus::Terminated;
    if let Some(last) = case.history.last_mut() {
        *last = change(
            Some(CaseStatus::Mediating),
            CaseStatus::Terminated,
            "2026-11-21T11:00:00+08:00",
            "被申请人明确拒绝继续调解，申请人表示将向法院起诉",
        );
    }
    case
}
