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
    company.legal_rep = "赵明".into();
    company.legal_rep_title = "总经理".into();
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

/// The room's mediators: 王芳 is assigned to the case.
pub fn mediators() -> Vec<crate::domain::org::Mediator> {
    use crate::domain::org::{Mediator, MediatorId};
    vec![
        Mediator {
            id: MediatorId(1),
            name: "王芳".into(),
            phone: String::new(),
            active: true,
        },
        Mediator {
            id: MediatorId(2),
            name: "赵刚".into(),
            phone: String::new(),
            active: true,
        },
    ]
}

/// The case with its mediator assigned.
pub fn case_with_mediator() -> Case {
    let mut c = case();
    c.mediators = vec![crate::domain::org::MediatorId(1)];
    c
}

/// A held session on 2026-11-10 with its record, a cancelled one, and one planned for
/// 2026-11-30 inviting the applicant and the respondent.
pub fn sessions() -> Vec<crate::domain::session::Session> {
    use crate::domain::org::MediatorId;
    use crate::domain::session::*;
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap_or_default();
    let session = |id, start: &str, end: &str, status, invited: &[(u32, &str)]| Session {
        id: SessionId(id),
        version: 1,
        fields: SessionFields {
            case_id: CaseId(7),
            kind: SessionKind::Mediation,
            start: at(start),
            end: at(end),
            place: "第一调解室".into(),
            place_is_room: true,
            mediators: vec![MediatorId(1), MediatorId(2)],
            parties: invited
                .iter()
                .map(|(seq, name)| InvitedParty {
                    seq: *seq,
                    name: (*name).into(),
                })
                .collect(),
        },
        status,
        postponed_to: None,
        cancel_reason: String::new(),
        record: SessionRecord::default(),
        override_reason: String::new(),
        mediator_names: "王芳、赵刚".into(),
        case_label: String::new(),
        registered_by: String::new(),
    };
    let mut held = session(
        3,
        "2026-11-10T14:00:00+08:00",
        "2026-11-10T16:30:00+08:00",
        SessionStatus::Held,
        &[(2, "王秀兰"), (0, "李建国")],
    );
    held.record = SessionRecord {
        attendees: vec!["王秀兰".into(), "李建国".into()],
        notes: "申请人称漏水已持续两个月，天花板多处脱落。\n被申请人承认卫生间防水层老化，同意维修。\n\n双方就赔偿数额经多次协商。".into(),
        outcome: "双方达成一致意见，同意签订调解协议。".into(),
    };
    vec![
        held,
        session(
            4,
            "2026-11-20T09:00:00+08:00",
            "2026-11-20T10:00:00+08:00",
            SessionStatus::Cancelled,
            &[],
        ),
        session(
            5,
            "2026-11-30T09:30:00+08:00",
            "2026-11-30T11:00:00+08:00",
            SessionStatus::Planned,
            &[(2, "王秀兰"), (0, "李建国")],
        ),
    ]
}

/// Two follow-up visits: by phone on 2026-12-05 (partly performed) and at home on
/// 2026-12-20 (performed, a lawsuit threatened, measures taken).
pub fn visits() -> Vec<crate::domain::follow_up::FollowUp> {
    use crate::domain::follow_up::*;
    vec![
        FollowUp {
            case_id: CaseId(7),
            visited_on: day(2026, 12, 5),
            way: VisitWay::Phone,
            performance: Performance::Partial,
            satisfaction: Satisfaction::Fair,
            lawsuit: false,
            escalation: false,
            measures: String::new(),
            by_whom: "王芳".into(),
        },
        FollowUp {
            case_id: CaseId(7),
            visited_on: day(2026, 12, 20),
            way: VisitWay::Visit,
            performance: Performance::Full,
            satisfaction: Satisfaction::Satisfied,
            lawsuit: false,
            escalation: true,
            measures: "向双方再次说明协议内容，约定一周后电话回访。".into(),
            by_whom: "王芳、赵刚".into(),
        },
    ]
}
