//! What a line of format 2 carries beside the case itself: its sessions (with records,
//! postponement links, cancel and override reasons), follow-up visits and agreement
//! (clauses, performance items, status, judicial confirmation). A postponement is written
//! as the position of the new session in the same case's `sessions` list, so the link
//! survives an import that gives every session a new id.

use super::read;
use crate::domain::agreement::{
    Agreement, AgreementKind, AgreementStatus, Confirmation, ConfirmationState, PerformanceItem,
};
use crate::domain::case::CaseId;
use crate::domain::follow_up::{FollowUp, Performance, Satisfaction, VisitWay};
use crate::domain::party::PartyId;
use crate::domain::session::{
    InvitedParty, Session, SessionFields, SessionKind, SessionRecord, SessionStatus,
};
use crate::storage::ImportedSession;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A session of the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionLine {
    /// 调解, 调查核实 …
    #[serde(deserialize_with = "read::label")]
    pub kind: SessionKind,
    /// 计划, 已举行, 改期, 取消.
    #[serde(deserialize_with = "read::label")]
    pub status: SessionStatus,
    /// Start, RFC 3339 with its offset.
    #[serde(serialize_with = "read::write_time", deserialize_with = "read::time")]
    pub start: DateTime<FixedOffset>,
    /// End, RFC 3339 with its offset.
    #[serde(serialize_with = "read::write_time", deserialize_with = "read::time")]
    pub end: DateTime<FixedOffset>,
    /// Where.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// The place is one of the room's own rooms.
    #[serde(default)]
    pub place_is_room: bool,
    /// Who holds it, by name.
    pub mediators: Vec<String>,
    /// The parties invited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<InvitedLine>,
    /// When postponed: the 1-based position of the new session in this case's `sessions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postponed_to: Option<usize>,
    /// 调解记录: who came.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    /// 调解记录: what was said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// 调解记录: the outcome.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome: String,
    /// Why a clash was overridden.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub override_reason: String,
    /// Why it was called off.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cancel_reason: String,
}

/// A party invited to a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitedLine {
    /// 0-based position in the case's `parties`.
    pub party: u32,
    /// Its name then.
    pub name: String,
}

/// A follow-up visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpLine {
    /// 回访日期.
    #[serde(deserialize_with = "read::date")]
    pub visited_on: NaiveDate,
    /// 回访方式.
    #[serde(deserialize_with = "read::label")]
    pub way: VisitWay,
    /// 履行情况.
    #[serde(deserialize_with = "read::label")]
    pub performance: Performance,
    /// 满意程度.
    #[serde(deserialize_with = "read::label")]
    pub satisfaction: Satisfaction,
    /// A lawsuit was brought.
    #[serde(default)]
    pub lawsuit: bool,
    /// Signs of escalation.
    #[serde(default)]
    pub escalation: bool,
    /// 采取的措施.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measures: String,
    /// 回访人.
    pub by_whom: String,
}

/// The agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementLine {
    /// 书面协议 or 口头协议.
    #[serde(deserialize_with = "read::label")]
    pub kind: AgreementKind,
    /// 编号.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// 纠纷主要事实、争议事项.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facts: String,
    /// The clauses in order.
    #[serde(default)]
    pub clauses: Vec<String>,
    /// 履行方式、时限.
    #[serde(default)]
    pub items: Vec<ItemLine>,
    /// The agreement's (effective) date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::opt_date"
    )]
    pub date: Option<NaiveDate>,
    /// 草拟 … 未履行.
    #[serde(deserialize_with = "read::label")]
    pub status: AgreementStatus,
    /// 未申请, 已申请, 已确认, 不予确认.
    #[serde(deserialize_with = "read::label")]
    pub confirmation: ConfirmationState,
    /// The court asked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub court: String,
    /// The day applied or decided.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::opt_date"
    )]
    pub confirmation_on: Option<NaiveDate>,
    /// The mediators who sign.
    #[serde(default)]
    pub mediators: Vec<String>,
    /// 记录人.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorder: String,
}

/// One performance item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemLine {
    /// What is to be done.
    pub what: String,
    /// Who must do it: a party's name, or someone who is not a party (an insurer).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub obligor: String,
    /// Which party `obligor` is: its 0-based position in the case's `parties` (version
    /// 3; left out for someone who is not a party).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligor_party: Option<usize>,
    /// For whom.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub obligee: String,
    /// Which party `obligee` is, as `obligor_party`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligee_party: Option<usize>,
    /// Amount in fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// By when.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::opt_date"
    )]
    pub due: Option<NaiveDate>,
    /// Where.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// When done; absent while owed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read::opt_date"
    )]
    pub done_on: Option<NaiveDate>,
}

impl SessionLine {
    /// The lines of a case's sessions (as storage lists them), links made positions.
    pub fn from_sessions(
        sessions: Vec<Session>,
        names: &dyn Fn(&Session) -> Vec<String>,
    ) -> Vec<SessionLine> {
        let ids: Vec<_> = sessions.iter().map(|s| s.id).collect();
        sessions
            .into_iter()
            .map(|s| {
                let mediators = names(&s);
                let postponed_to = s
                    .postponed_to
                    .and_then(|to| ids.iter().position(|id| *id == to))
                    .map(|i| i + 1);
                SessionLine {
                    kind: s.fields.kind,
                    status: s.status,
                    start: s.fields.start,
                    end: s.fields.end,
                    place: s.fields.place,
                    place_is_room: s.fields.place_is_room,
                    mediators,
                    parties: s
                        .fields
                        .parties
                        .into_iter()
                        .map(|p| InvitedLine {
                            party: p.seq,
                            name: p.name,
                        })
                        .collect(),
                    postponed_to,
                    attendees: s.record.attendees,
                    notes: s.record.notes,
                    outcome: s.record.outcome,
                    override_reason: s.override_reason,
                    cancel_reason: s.cancel_reason,
                }
            })
            .collect()
    }

    /// The session as storage inserts it (the case id is set there).
    pub fn to_imported(&self) -> ImportedSession {
        ImportedSession {
            fields: SessionFields {
                case_id: CaseId(0),
                kind: self.kind,
                start: self.start,
                end: self.end,
                place: self.place.trim().to_string(),
                place_is_room: self.place_is_room,
                mediators: Vec::new(),
                parties: self
                    .parties
                    .iter()
                    .map(|p| InvitedParty {
                        seq: p.party,
                        name: p.name.clone(),
                    })
                    .collect(),
            },
            mediator_names: self
                .mediators
                .iter()
                .map(|m| m.trim().to_string())
                .collect(),
            status: self.status,
            postponed_to: self.postponed_to.map(|p| p.saturating_sub(1)),
            record: SessionRecord {
                attendees: self.attendees.clone(),
                notes: self.notes.clone(),
                outcome: self.outcome.clone(),
            },
            override_reason: self.override_reason.clone(),
            cancel_reason: self.cancel_reason.clone(),
        }
    }
}

impl From<FollowUp> for FollowUpLine {
    fn from(v: FollowUp) -> Self {
        FollowUpLine {
            visited_on: v.visited_on,
            way: v.way,
            performance: v.performance,
            satisfaction: v.satisfaction,
            lawsuit: v.lawsuit,
            escalation: v.escalation,
            measures: v.measures,
            by_whom: v.by_whom,
        }
    }
}

impl FollowUpLine {
    /// The visit as the domain holds it (the case id is set on insert).
    pub fn to_follow_up(&self) -> FollowUp {
        FollowUp {
            case_id: CaseId(0),
            visited_on: self.visited_on,
            way: self.way,
            performance: self.performance,
            satisfaction: self.satisfaction,
            lawsuit: self.lawsuit,
            escalation: self.escalation,
            measures: self.measures.clone(),
            by_whom: self.by_whom.clone(),
        }
    }
}

impl AgreementLine {
    /// The line of a stored agreement; `parties` are the case's party ids in order, so
    /// an item names each party by its position (two of one name stay two).
    pub fn from_agreement(a: Agreement, parties: &[Option<PartyId>]) -> Self {
        let position =
            |id: Option<PartyId>| id.and_then(|id| parties.iter().position(|p| *p == Some(id)));
        AgreementLine {
            kind: a.kind,
            number: a.number,
            facts: a.facts,
            clauses: a.clauses,
            items: a
                .items
                .into_iter()
                .map(|i| ItemLine {
                    what: i.what,
                    obligor: i.obligor,
                    obligor_party: position(i.obligor_party),
                    obligee: i.obligee,
                    obligee_party: position(i.obligee_party),
                    amount_fen: i.amount_fen,
                    due: i.due,
                    place: i.place,
                    done_on: i.done_on,
                })
                .collect(),
            date: a.date,
            status: a.status,
            confirmation: a.confirmation.state,
            court: a.confirmation.court,
            confirmation_on: a.confirmation.date,
            mediators: a.mediators,
            recorder: a.recorder,
        }
    }

    /// The agreement as the domain holds it (the case id is set on insert). Its items'
    /// party ids are positions in the line's `parties` (`PartyId(0)` the first), made
    /// the parties' ids when the case is inserted. A line of version 2 names parties by
    /// name only: each name is the first party of that name, as version 2 meant it.
    pub fn to_agreement(&self, version: u32, parties: &[String]) -> Agreement {
        let party = |position: Option<usize>, name: &str| {
            let found = if version >= 3 {
                position
            } else {
                parties
                    .iter()
                    .position(|p| !name.trim().is_empty() && p.trim() == name.trim())
            };
            found.map(|p| PartyId(p as i64))
        };
        Agreement {
            case_id: CaseId(0),
            version: 0,
            kind: self.kind,
            number: self.number.clone(),
            facts: self.facts.clone(),
            clauses: self.clauses.clone(),
            items: self
                .items
                .iter()
                .map(|i| PerformanceItem {
                    what: i.what.clone(),
                    obligor: i.obligor.clone(),
                    obligor_party: party(i.obligor_party, &i.obligor),
                    obligee: i.obligee.clone(),
                    obligee_party: party(i.obligee_party, &i.obligee),
                    amount_fen: i.amount_fen,
                    due: i.due,
                    place: i.place.clone(),
                    done_on: i.done_on,
                })
                .collect(),
            date: self.date,
            status: self.status,
            confirmation: Confirmation {
                state: self.confirmation,
                court: self.court.clone(),
                date: self.confirmation_on,
            },
            mediators: self.mediators.clone(),
            recorder: self.recorder.clone(),
        }
    }
}
