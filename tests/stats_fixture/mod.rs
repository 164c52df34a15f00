//! A room whose October 2026 figures were counted by hand (see the table below), for the
//! statistics and report tests. Every change is made through the store at a given time.
//!
//! | case | category        | source | persons | amount (yuan) | risk    | mediators | history (2026, +08:00)                          |
//! |------|-----------------|--------|---------|---------------|---------|-----------|-------------------------------------------------|
//! | C1   | 邻里            | 申请   | 2       | 5,000.00      | 民转刑  | 王        | 受理 10-03, 调解中 10-10, 成功 10-20            |
//! | C2   | 婚姻家庭        | 警调   | 3       | —             |         | 李        | 受理 10-25, 调解中 10-28, 成功 11-03 (next month) |
//! | C3   | 物业 › 供热     | 主动   | 0 → 2 parties | 12,000.50 | 群体 | 王、李    | 受理 10-05, 调解中 10-06, 成功 10-31 23:30      |
//! | C4   | 合同            | 诉调   | 4       | 800.00        | 民转刑  | 王        | 受理 10-08, 终止 10-15 (refused mediation)      |
//! | C5   | 邻里            | 申请   | 2       | —             |         | —         | 不予受理 10-09                                  |
//! | C6   | 邻里            | 访调   | 1       | —             |         | 李        | 受理 09-28, 调解中 09-29, 成功 10-02            |
//! | C7   | 邻里            | 申请   | 2       | —             |         | —         | 登记 10-12 only                                 |
//!
//! October by hand: 受理 C1 C2 C3 C4 = 4 件 11 人; 调解 C1 C3 C4 C6 = 4 件 9 人;
//! 成功 C1 C3 C6 = 3 件 5 人; 终止 C4 = 1 件 4 人; 成功率 3/4 = 75.0 %;
//! 金额 C1 + C3 = 17,000.50 yuan = 1,700,050 fen; 防止民转刑 C1 = 1 件 2 人 (C4 was
//! terminated); 防止群体性上访 C3 = 1 件 2 人.
//! November: 调解 = 成功 = C2, 1 件 3 人; nothing accepted.
//! 2026: 受理 C1 C2 C3 C4 C6 = 5 件 12 人; 调解 5 件 12 人; 成功 4 件 8 人.

#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use tiaojie::domain::case::{CaseFields, CaseId};
use tiaojie::domain::category::{CaseCategory, Category};
use tiaojie::domain::org::{DEFAULT_NUMBER_PATTERN, MediatorId, OrgProfile, Organisation};
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::domain::source::Source;
use tiaojie::domain::status::CaseStatus;
use tiaojie::storage::Store;

pub fn at(day: &str) -> DateTime<FixedOffset> {
    let text = if day.contains('T') {
        day.to_string()
    } else {
        format!("{day}T10:00:00+08:00")
    };
    DateTime::parse_from_rfc3339(&text).unwrap()
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub struct Spec {
    pub name: &'static str,
    pub category: Category,
    pub local: Option<&'static str>,
    pub source: Source,
    pub persons: u32,
    pub amount_fen: Option<i64>,
    pub escalation: bool,
    pub group: bool,
    pub received: &'static str,
    pub mediators: &'static [&'static str],
    /// (status, time) after registration.
    pub history: &'static [(CaseStatus, &'static str)],
}

pub fn specs() -> Vec<Spec> {
    use CaseStatus::*;
    let base = |name| Spec {
        name,
        category: Category::Neighbour,
        local: None,
        source: Source::Application,
        persons: 2,
        amount_fen: None,
        escalation: false,
        group: false,
        received: "2026-10-01",
        mediators: &[],
        history: &[],
    };
    vec![
        Spec {
            amount_fen: Some(500_000),
            escalation: true,
            received: "2026-10-03",
            mediators: &["王调解"],
            history: &[
                (Accepted, "2026-10-03"),
                (Mediating, "2026-10-10"),
                (Succeeded, "2026-10-20"),
            ],
            ..base("甲一")
        },
        Spec {
            category: Category::Marriage,
            source: Source::Police,
            persons: 3,
            received: "2026-10-25",
            mediators: &["李调解"],
            history: &[
                (Accepted, "2026-10-25"),
                (Mediating, "2026-10-28"),
                (Succeeded, "2026-11-03"),
            ],
            ..base("乙二")
        },
        Spec {
            category: Category::Property,
            local: Some("供热"),
            source: Source::Initiative,
            persons: 0,
            amount_fen: Some(1_200_050),
            group: true,
            received: "2026-10-05",
            mediators: &["王调解", "李调解"],
            history: &[
                (Accepted, "2026-10-05"),
                (Mediating, "2026-10-06"),
                (Succeeded, "2026-10-31T23:30:00+08:00"),
            ],
            ..base("丙三")
        },
        Spec {
            category: Category::Contract,
            source: Source::Court,
            persons: 4,
            amount_fen: Some(80_000),
            escalation: true,
            received: "2026-10-08",
            mediators: &["王调解"],
            history: &[(Accepted, "2026-10-08"), (Terminated, "2026-10-15")],
            ..base("丁四")
        },
        Spec {
            received: "2026-10-09",
            history: &[(Rejected, "2026-10-09")],
            ..base("戊五")
        },
        Spec {
            source: Source::Petition,
            persons: 1,
            received: "2026-09-28",
            mediators: &["李调解"],
            history: &[
                (Accepted, "2026-09-28"),
                (Mediating, "2026-09-29"),
                (Succeeded, "2026-10-02"),
            ],
            ..base("己六")
        },
        Spec {
            received: "2026-10-12",
            ..base("庚七")
        },
    ]
}

/// Builds the room in `store`; returns it and the case ids C1…C7.
pub fn build(store: &mut Store) -> (Organisation, Vec<CaseId>) {
    let profile = OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    };
    let org = store
        .create_organisation(&profile, "王调解", &at("2026-09-01"))
        .unwrap();
    store.add_mediator(org.id, "李调解", "").unwrap();
    let mediators = store.mediators(org.id).unwrap();
    let id_of =
        |name: &str| -> MediatorId { mediators.iter().find(|m| m.name == name).unwrap().id };
    let mut ids = Vec::new();
    for s in specs() {
        let mut f = CaseFields::blank(day(s.received));
        f.category = CaseCategory {
            national: s.category,
            local: s.local.map(String::from),
        };
        f.source = s.source;
        if s.source.is_referral() {
            f.referrer_unit = "临河区某单位".into();
        }
        f.facts = format!("{}的纠纷", s.name);
        f.persons_involved = s.persons;
        f.amount_fen = s.amount_fen;
        f.risk_escalation = s.escalation;
        f.risk_group = s.group;
        let mut a = Party::new(PartyRole::Applicant, PartyKind::Person);
        a.name = s.name.into();
        a.id_number = "11010519491231002X".into();
        a.phone = "13904781234".into();
        let mut b = Party::new(PartyRole::Respondent, PartyKind::Person);
        b.name = format!("{}邻居", s.name);
        f.parties = vec![a, b];
        let mut case = store
            .create_case(org.id, &f, "王调解", &at(s.received))
            .unwrap();
        let assigned: Vec<MediatorId> = s.mediators.iter().map(|m| id_of(m)).collect();
        for (to, when) in s.history {
            let reason = if to.needs_reason() {
                "当事人拒绝调解"
            } else {
                ""
            };
            let with = if *to == CaseStatus::Accepted {
                assigned.clone()
            } else {
                Vec::new()
            };
            case = store
                .change_status(
                    &org,
                    case.id,
                    case.version,
                    *to,
                    reason,
                    &with,
                    "王调解",
                    &at(when),
                )
                .unwrap();
        }
        ids.push(case.id);
    }
    (org, ids)
}
