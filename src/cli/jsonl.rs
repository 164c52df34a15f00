//! The JSON Lines format of `export` and `import` (see docs/export-format.md): one case
//! per line, as the serde structs below. Enumerations are written as their Chinese labels
//! of DOMAIN.md. Reading is strict — an unknown field is refused, so a typo is reported
//! instead of silently dropped — and every problem names its field in plain words.
//! Knows no SQL and no files.

mod de;
mod extras;
mod read;

pub use de::FieldError;
pub use extras::{AgreementLine, FollowUpLine, InvitedLine, ItemLine, SessionLine};

use crate::domain::case::{Case, CaseFields, CaseNumber};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::OrgProfile;
use crate::domain::party::{Party, PartyKind, PartyRole, Sex};
use crate::domain::source::Source;
use crate::domain::status::{CaseStatus, StatusChange};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// The format this build writes. Version 2 added `sessions`, `follow_ups` and
/// `agreement`; version 3 names the parties of a performance item by their position in
/// the case (`obligor_party`, `obligee_party`); version 4 gives an agent the party they
/// act for (`acts_for`, a position too) and an organisation its 法定代表人's 职务
/// (`legal_rep_title`). A reader also takes versions 1 to 3, and refuses others.
pub const FORMAT_VERSION: u32 = 4;

/// The third version, still read: agents linked by the usual rule (`domain::agents`).
pub const FORMAT_VERSION_3: u32 = 3;

/// The second version, still read: an item's parties by name alone.
pub const FORMAT_VERSION_2: u32 = 2;

/// The first version, still read exactly as before: only the case itself.
pub const FORMAT_VERSION_1: u32 = 1;

/// One line: a whole case with the room it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseLine {
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The room the case belongs to.
    pub organisation: OrgLine,
    /// The case number, once accepted (`null` before).
    pub number: Option<NumberLine>,
    /// Where the case stands.
    #[serde(deserialize_with = "read::label")]
    pub status: CaseStatus,
    /// 收案日期.
    #[serde(deserialize_with = "read::date")]
    pub received_on: NaiveDate,
    /// 案件来源.
    #[serde(deserialize_with = "read::label")]
    pub source: Source,
    /// 移交/委派单位.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referrer_unit: String,
    /// The referring unit's reference (警情编号, 案号 …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referrer_ref: String,
    /// 纠纷类型.
    pub category: CategoryLine,
    /// 纠纷简要情况.
    pub facts: String,
    /// 当事人请求.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claims: String,
    /// 涉及金额 in fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// 涉及人数.
    pub persons_involved: u32,
    /// 可能激化 / 民转刑 risk.
    pub risk_escalation: bool,
    /// 群体性 risk.
    pub risk_group: bool,
    /// The parties, in order.
    pub parties: Vec<PartyLine>,
    /// Names of the mediators assigned.
    #[serde(default)]
    pub mediators: Vec<String>,
    /// Every status change, oldest first; the first is the registration.
    pub history: Vec<HistoryLine>,
    /// The case's sessions, by start (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<SessionLine>,
    /// The case's follow-up visits, oldest first (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUpLine>,
    /// The case's agreement (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementLine>,
}

/// The room, as its profile names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgLine {
    /// 调解室名称.
    pub room_name: String,
    /// 上级人民调解委员会.
    pub committee_name: String,
    /// 编号简称.
    pub number_prefix: String,
    /// 案件编号格式.
    pub number_pattern: String,
}

/// A case number: year and sequence identify it, text is as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberLine {
    /// Year of acceptance.
    pub year: i32,
    /// Sequence within the year, from 1.
    pub seq: u32,
    /// As printed.
    pub text: String,
}

/// A national category, optionally filed under a local sub-type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryLine {
    /// One of the 15 national types.
    #[serde(deserialize_with = "read::label")]
    pub national: Category,
    /// The room's sub-type (供热, 金融 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
}

/// A party, with the same fields and the same omissions as the domain's `Party`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyLine {
    /// 申请人, 被申请人 …
    #[serde(deserialize_with = "read::label")]
    pub role: PartyRole,
    /// 自然人 or 法人或其他组织.
    #[serde(deserialize_with = "read::label")]
    pub kind: PartyKind,
    /// 姓名 or 名称.
    pub name: String,
    /// 男 / 女.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::opt_label"
    )]
    pub sex: Option<Sex>,
    /// 民族.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ethnicity: String,
    /// 出生日期.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::opt_date"
    )]
    pub birth_date: Option<NaiveDate>,
    /// 身份证号.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id_number: String,
    /// 职业或单位.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub occupation: String,
    /// 统一社会信用代码.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit_code: String,
    /// 法定代表人.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_rep: String,
    /// 法定代表人's 职务 (version 4).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_rep_title: String,
    /// An agent's party: its 0-based position in `parties` (version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acts_for: Option<usize>,
    /// 联系电话.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// 住址 or 地址.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
}

/// One status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryLine {
    /// The status before; `null` for the registration.
    #[serde(default, deserialize_with = "read::opt_label")]
    pub from: Option<CaseStatus>,
    /// The status after.
    #[serde(deserialize_with = "read::label")]
    pub to: CaseStatus,
    /// When, RFC 3339 with its offset.
    #[serde(serialize_with = "read::write_time", deserialize_with = "read::time")]
    pub at: DateTime<FixedOffset>,
    /// Who.
    pub operator: String,
    /// Why (不予受理, 调解终止).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// Reads one line; the error names the field and says what is wrong.
pub fn parse_line(text: &str) -> Result<CaseLine, FieldError> {
    de::parse(text)
}

impl CaseLine {
    /// The line for a stored case; `mediators` are the names of its mediators, in order.
    pub fn from_case(org: &OrgProfile, case: Case, mediators: Vec<String>) -> CaseLine {
        let CaseFields {
            received_on,
            source,
            referrer_unit,
            referrer_ref,
            category,
            facts,
            claims,
            amount_fen,
            persons_involved,
            risk_escalation,
            risk_group,
            parties,
        } = case.fields;
        CaseLine {
            format_version: FORMAT_VERSION,
            organisation: OrgLine::from(org.clone()),
            number: case.number.map(|n| NumberLine {
                year: n.year,
                seq: n.seq,
                text: n.text,
            }),
            status: case.status,
            received_on,
            source,
            referrer_unit,
            referrer_ref,
            category: CategoryLine {
                national: category.national,
                local: category.local,
            },
            facts,
            claims,
            amount_fen,
            persons_involved,
            risk_escalation,
            risk_group,
            parties: parties.into_iter().map(PartyLine::from).collect(),
            mediators,
            history: case.history.into_iter().map(HistoryLine::from).collect(),
            sessions: Vec::new(),
            follow_ups: Vec::new(),
            agreement: None,
        }
    }

    /// The names of the line's parties, in order.
    pub fn party_names(&self) -> Vec<String> {
        self.parties.iter().map(|p| p.name.clone()).collect()
    }

    /// True if the line carries anything format 1 did not have.
    pub fn has_extras(&self) -> bool {
        !self.sessions.is_empty() || !self.follow_ups.is_empty() || self.agreement.is_some()
    }

    /// The case's fields as the domain holds them.
    pub fn fields(&self) -> CaseFields {
        CaseFields {
            received_on: self.received_on,
            source: self.source,
            referrer_unit: self.referrer_unit.clone(),
            referrer_ref: self.referrer_ref.clone(),
            category: CaseCategory {
                national: self.category.national,
                local: self.category.local.clone(),
            },
            facts: self.facts.clone(),
            claims: self.claims.clone(),
            amount_fen: self.amount_fen,
            persons_involved: self.persons_involved,
            risk_escalation: self.risk_escalation,
            risk_group: self.risk_group,
            parties: self.parties(),
        }
    }

    /// The parties as the domain holds them. Before version 4 no line said whom an
    /// agent acts for: each is linked by the rule migration 018 used for stored cases.
    fn parties(&self) -> Vec<Party> {
        let mut parties: Vec<Party> = self.parties.iter().cloned().map(Party::from).collect();
        if self.format_version < FORMAT_VERSION {
            crate::domain::agents::link_unlinked(&mut parties);
        }
        parties
    }

    /// The case number as the domain holds it.
    pub fn case_number(&self) -> Option<CaseNumber> {
        self.number.as_ref().map(|n| CaseNumber {
            year: n.year,
            seq: n.seq,
            text: n.text.clone(),
        })
    }

    /// The history as the domain holds it.
    pub fn status_changes(&self) -> Vec<StatusChange> {
        self.history
            .iter()
            .map(|h| StatusChange {
                from: h.from,
                to: h.to,
                at: h.at,
                operator: h.operator.clone(),
                reason: h.reason.clone(),
            })
            .collect()
    }
}

impl From<OrgProfile> for OrgLine {
    fn from(p: OrgProfile) -> Self {
        let OrgProfile {
            room_name,
            committee_name,
            number_prefix,
            number_pattern,
        } = p;
        OrgLine {
            room_name,
            committee_name,
            number_prefix,
            number_pattern,
        }
    }
}

impl From<OrgLine> for OrgProfile {
    fn from(o: OrgLine) -> Self {
        let OrgLine {
            room_name,
            committee_name,
            number_prefix,
            number_pattern,
        } = o;
        OrgProfile {
            room_name,
            committee_name,
            number_prefix,
            number_pattern,
        }
    }
}

impl From<Party> for PartyLine {
    fn from(p: Party) -> Self {
        // The export names a party by its position in the case, not by its row.
        let Party {
            id: _,
            role,
            kind,
            name,
            sex,
            ethnicity,
            birth_date,
            id_number,
            occupation,
            credit_code,
            legal_rep,
            legal_rep_title,
            acts_for,
            phone,
            address,
        } = p;
        PartyLine {
            role,
            kind,
            name,
            sex,
            ethnicity,
            birth_date,
            id_number,
            occupation,
            credit_code,
            legal_rep,
            legal_rep_title,
            acts_for,
            phone,
            address,
        }
    }
}

impl From<PartyLine> for Party {
    fn from(p: PartyLine) -> Self {
        let PartyLine {
            role,
            kind,
            name,
            sex,
            ethnicity,
            birth_date,
            id_number,
            occupation,
            credit_code,
            legal_rep,
            legal_rep_title,
            acts_for,
            phone,
            address,
        } = p;
        Party {
            id: None,
            role,
            kind,
            name,
            sex,
            ethnicity,
            birth_date,
            id_number,
            occupation,
            credit_code,
            legal_rep,
            legal_rep_title,
            acts_for,
            phone,
            address,
        }
    }
}

impl From<StatusChange> for HistoryLine {
    fn from(h: StatusChange) -> Self {
        let StatusChange {
            from,
            to,
            at,
            operator,
            reason,
        } = h;
        HistoryLine {
            from,
            to,
            at,
            operator,
            reason,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
