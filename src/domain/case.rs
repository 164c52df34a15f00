//! A case (案件): what is registered about a dispute, its number, status and history,
//! and the summary a list shows.

use super::category::CaseCategory;
use super::org::MediatorId;
use super::party::Party;
use super::source::Source;
use super::status::{CaseStatus, StatusChange};
use crate::i18n::{label, tf};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// Database identity of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CaseId(pub i64);

/// A case number, given on acceptance; year and sequence identify it within a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseNumber {
    /// The year of acceptance (the sequence restarts each year).
    pub year: i32,
    /// The sequence within the year, from 1.
    pub seq: u32,
    /// The number as printed, from the room's pattern.
    pub text: String,
}

/// Everything the case form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFields {
    /// 收案日期.
    pub received_on: NaiveDate,
    /// 案件来源.
    pub source: Source,
    /// 移交/委派单位 for referrals.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referrer_unit: String,
    /// The referring unit's reference (警情编号, 案号 …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referrer_ref: String,
    /// 纠纷类型.
    pub category: CaseCategory,
    /// 纠纷简要情况.
    pub facts: String,
    /// 当事人请求 (each party's claims).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claims: String,
    /// 涉及金额 in fen, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// 涉及人数.
    pub persons_involved: u32,
    /// 可能激化 / 民转刑 risk (人民调解法 Art 25 duty to report).
    pub risk_escalation: bool,
    /// 群体性 (many people involved, risk of collective petition).
    pub risk_group: bool,
    /// The parties, in the order entered.
    pub parties: Vec<Party>,
}

impl CaseFields {
    /// An empty form for a case received today.
    pub fn blank(today: NaiveDate) -> Self {
        Self {
            received_on: today,
            source: Source::Application,
            referrer_unit: String::new(),
            referrer_ref: String::new(),
            category: CaseCategory::national(super::category::Category::Neighbour),
            facts: String::new(),
            claims: String::new(),
            amount_fen: None,
            persons_involved: 0,
            risk_escalation: false,
            risk_group: false,
            parties: Vec::new(),
        }
    }

    /// The checks a case must pass before it is stored, each with a plain message.
    pub fn problems(&self, today: NaiveDate) -> Vec<CaseProblem> {
        let mut out = Vec::new();
        if self.received_on > today {
            out.push(CaseProblem::ReceivedInFuture);
        }
        if self.source.is_referral()
            && self.source != Source::Other
            && self.referrer_unit.trim().is_empty()
        {
            out.push(CaseProblem::ReferrerMissing(self.source));
        }
        if self.facts.trim().is_empty() {
            out.push(CaseProblem::FactsMissing);
        }
        if self.parties.is_empty() {
            out.push(CaseProblem::NoParty);
        }
        if self.amount_fen.is_some_and(|f| f < 0) {
            out.push(CaseProblem::NegativeAmount);
        }
        out
    }
}

/// Why a case cannot be saved yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseProblem {
    /// Received after today.
    ReceivedInFuture,
    /// A referral without its referring unit.
    ReferrerMissing(Source),
    /// No facts.
    FactsMissing,
    /// No party.
    NoParty,
    /// Money below zero.
    NegativeAmount,
}

impl CaseProblem {
    /// The form field the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            CaseProblem::ReceivedInFuture => "received_on",
            CaseProblem::ReferrerMissing(_) => "referrer_unit",
            CaseProblem::FactsMissing => "facts",
            CaseProblem::NoParty => "parties",
            CaseProblem::NegativeAmount => "amount",
        }
    }
}

impl std::error::Error for CaseProblem {}

impl std::fmt::Display for CaseProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            CaseProblem::ReceivedInFuture => tf("err.case.received_in_future", &[]),
            CaseProblem::ReferrerMissing(s) => tf(
                "err.case.referrer_missing",
                &[("source", &label("source", s.code()))],
            ),
            CaseProblem::FactsMissing => tf("err.case.facts_missing", &[]),
            CaseProblem::NoParty => tf("err.case.no_party", &[]),
            CaseProblem::NegativeAmount => tf("err.case.negative_amount", &[]),
        };
        f.write_str(&text)
    }
}

/// A stored case with its number, status, mediators and history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Its row.
    pub id: CaseId,
    /// Given on acceptance.
    pub number: Option<CaseNumber>,
    /// Where it stands.
    pub status: CaseStatus,
    /// Bumped by every change; a save names the version it started from.
    pub version: i64,
    /// What the form edits.
    pub fields: CaseFields,
    /// The mediators assigned.
    pub mediators: Vec<MediatorId>,
    /// Every status change, oldest first (the first is the registration).
    pub history: Vec<StatusChange>,
}

impl Case {
    /// When and by whom it was registered (the first history entry).
    pub fn registered(&self) -> Option<&StatusChange> {
        self.history.first()
    }
}

/// One row of the case list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    /// Its row.
    pub id: CaseId,
    /// Number text, if accepted.
    pub number: Option<String>,
    /// 收案日期.
    pub received_on: NaiveDate,
    /// Category (the list shows the local name where there is one).
    pub category: CaseCategory,
    /// Party names, joined by 、.
    pub parties: String,
    /// Status.
    pub status: CaseStatus,
    /// Mediator names, joined by 、.
    pub mediators: String,
    /// Any risk flag set.
    pub at_risk: bool,
}

/// The column the case list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseSort {
    /// 收案日期 (newest first by default).
    #[default]
    Received,
    /// 案件编号 (year, then sequence).
    Number,
    /// 纠纷类型.
    Category,
    /// 状态.
    Status,
}

impl CaseSort {
    /// The sorts in the order the sort key cycles through them.
    pub const ALL: [CaseSort; 4] = [
        CaseSort::Received,
        CaseSort::Number,
        CaseSort::Category,
        CaseSort::Status,
    ];

    /// The next sort in the cycle.
    pub fn next(self) -> CaseSort {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// What page of which cases a list wants.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseQuery {
    /// Only this status, if set.
    pub status: Option<CaseStatus>,
    /// Words that must appear in the number, a party's name, ID, phone or address, the
    /// facts, claims, referrer or a session record (调解记录).
    pub text: String,
    /// Only this national category (local sub-types count as their parent), if set.
    pub category: Option<super::category::Category>,
    /// Only this source, if set.
    pub source: Option<Source>,
    /// Only cases this mediator (by name) is assigned to, if set.
    pub mediator: Option<String>,
    /// Only cases this user registered (a 登记员's list: see `domain::user::case_scope`).
    pub registered_by: Option<String>,
    /// Only cases received on or after this day, if set.
    pub received_from: Option<NaiveDate>,
    /// Only cases received on or before this day, if set.
    pub received_to: Option<NaiveDate>,
    /// Sort column (a search puts the exact number and exact names first).
    pub sort: CaseSort,
    /// Newest/largest first.
    pub descending: bool,
    /// Where the page starts in the list (rows before it): what the page number shows,
    /// and the rows skipped when the page is read `PageFrom::Offset`.
    pub offset: u64,
    /// Rows wanted.
    pub limit: u64,
    /// How the page is found: by counting `offset` rows, or from a row next to it.
    pub from: PageFrom,
}

/// How a page of the list is found. Counting rows (SQL's OFFSET) costs every row skipped —
/// tens of ms half way through a million cases — so the keys that move by a page read it
/// from the row next to it instead ("keyset paging"), which costs the page alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PageFrom {
    /// Skip `offset` rows from the start (the first page; a resized window).
    #[default]
    Offset,
    /// The rows after this one in the list's order (the next page). (Boxed: a query
    /// travels in every `Effect`, which should stay small.)
    After(Box<CaseKey>),
    /// The rows before this one, shown in the list's order (the page before).
    Before(Box<CaseKey>),
    /// The last page: the rows the last full page leaves over (a full page if none).
    End,
}

/// A row's place in every order of the list: the values each sort compares, and its id,
/// which breaks every tie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseKey {
    /// Its row.
    pub id: CaseId,
    /// 收案日期.
    pub received_on: NaiveDate,
    /// The number's year and sequence (none before acceptance).
    pub number_year: Option<i64>,
    /// See `number_year`.
    pub number_seq: Option<i64>,
    /// Category and local sub-type.
    pub category: CaseCategory,
    /// Status.
    pub status: CaseStatus,
}

/// A page of the list, and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CasePage {
    /// The rows of this page.
    pub rows: Vec<CaseSummary>,
    /// Rows matching the query, on all pages.
    pub total: u64,
    /// The place of its first row, from which the page before is read.
    pub first: Option<CaseKey>,
    /// The place of its last row, from which the next page is read.
    pub last: Option<CaseKey>,
}

/// Time stamps carry their zone; this is the one used when nothing else is known.
pub type Timestamp = DateTime<FixedOffset>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::party::{PartyKind, PartyRole};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_blank_case_lists_what_is_missing() {
        let f = CaseFields::blank(day("2026-11-28"));
        assert_eq!(
            f.problems(day("2026-11-28")),
            vec![CaseProblem::FactsMissing, CaseProblem::NoParty]
        );
    }

    #[test]
    fn a_police_referral_needs_its_unit_and_the_date_cannot_be_tomorrow() {
        let mut f = CaseFields::blank(day("2026-11-29"));
        f.source = crate::domain::source::Source::Police;
        f.facts = "楼上漏水".into();
        f.parties
            .push(Party::new(PartyRole::Applicant, PartyKind::Person));
        assert_eq!(
            f.problems(day("2026-11-28")),
            vec![
                CaseProblem::ReceivedInFuture,
                CaseProblem::ReferrerMissing(crate::domain::source::Source::Police)
            ]
        );
        assert_eq!(
            CaseProblem::ReferrerMissing(crate::domain::source::Source::Police).to_string(),
            "来源为「公安机关移交」时须填写移交单位"
        );
    }

    #[test]
    fn sort_cycles_through_every_column() {
        let mut s = CaseSort::default();
        let mut seen = vec![s];
        for _ in 0..4 {
            s = s.next();
            seen.push(s);
        }
        assert_eq!(seen.first(), seen.last());
        assert_eq!(seen.len(), 5);
    }
}
