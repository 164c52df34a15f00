//! Loading one whole case: its row, parties, mediators and history.

use super::super::codec::{decode, parse_date, parse_time};
use super::super::{StorageError, Store};
use crate::domain::case::{Case, CaseFields, CaseId, CaseNumber};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::MediatorId;
use crate::domain::party::{Party, PartyId, PartyKind, PartyRole, Sex};
use crate::domain::source::Source;
use crate::domain::status::{CaseStatus, StatusChange};
use crate::i18n::tf;
use rusqlite::{OptionalExtension, Row};

impl Store {
    /// The whole case with this id.
    pub fn load_case(&self, id: CaseId) -> Result<Case, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT number_year, number_seq, number_text, status, version, received_on, source, referrer_unit,
                    referrer_ref, category, local_category, facts, claims, amount_fen, persons_involved,
                    risk_escalation, risk_group
             FROM cases WHERE id = ?1",
        )?;
        let row = stmt
            .query_row([id.0], |r| Ok(RawCase::from_row(r)))
            .optional()?;
        let Some(raw) = row else {
            return Err(StorageError::NotFound {
                what: tf("what.case", &[("id", &id.0.to_string())]),
            });
        };
        let raw = raw?;
        let fields = CaseFields {
            received_on: parse_date("cases.received_on", &raw.received_on)?,
            source: decode("cases.source", &raw.source, Source::from_code)?,
            referrer_unit: raw.referrer_unit,
            referrer_ref: raw.referrer_ref,
            category: CaseCategory {
                national: decode("cases.category", &raw.category, Category::from_code)?,
                local: raw.local_category,
            },
            facts: raw.facts,
            claims: raw.claims,
            amount_fen: raw.amount_fen,
            persons_involved: raw.persons_involved,
            risk_escalation: raw.risk_escalation,
            risk_group: raw.risk_group,
            parties: self.parties_of(id)?,
        };
        let number = match (raw.number_year, raw.number_seq, raw.number_text) {
            (Some(year), Some(seq), Some(text)) => Some(CaseNumber { year, seq, text }),
            _ => None,
        };
        Ok(Case {
            id,
            number,
            status: decode("cases.status", &raw.status, CaseStatus::from_code)?,
            version: raw.version,
            fields,
            mediators: self.mediators_of(id)?,
            history: self.history_of(id)?,
        })
    }

    fn parties_of(&self, id: CaseId) -> Result<Vec<Party>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT role, kind, name, sex, ethnicity, birth_date, id_number, occupation, credit_code,
                    legal_rep, phone, address, id, legal_rep_title,
                    (SELECT pr.seq FROM parties pr WHERE pr.id = parties.acts_for)
             FROM parties WHERE case_id = ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([id.0])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let sex: Option<String> = r.get(3)?;
            let birth: Option<String> = r.get(5)?;
            out.push(Party {
                id: Some(PartyId(r.get(12)?)),
                role: decode(
                    "parties.role",
                    &r.get::<_, String>(0)?,
                    PartyRole::from_code,
                )?,
                kind: decode(
                    "parties.kind",
                    &r.get::<_, String>(1)?,
                    PartyKind::from_code,
                )?,
                name: r.get(2)?,
                sex: sex
                    .map(|s| decode("parties.sex", &s, Sex::from_code))
                    .transpose()?,
                ethnicity: r.get(4)?,
                birth_date: birth
                    .map(|b| parse_date("parties.birth_date", &b))
                    .transpose()?,
                id_number: r.get(6)?,
                occupation: r.get(7)?,
                credit_code: r.get(8)?,
                legal_rep: r.get(9)?,
                legal_rep_title: r.get(13)?,
                acts_for: r.get::<_, Option<i64>>(14)?.map(|seq| seq as usize),
                phone: r.get(10)?,
                address: r.get(11)?,
            });
        }
        Ok(out)
    }

    fn mediators_of(&self, id: CaseId) -> Result<Vec<MediatorId>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT mediator_id FROM case_mediators WHERE case_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([id.0], |r| Ok(MediatorId(r.get(0)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn history_of(&self, id: CaseId) -> Result<Vec<StatusChange>, StorageError> {
        let zone = self.zone()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT from_status, to_status, at, operator, reason FROM status_history WHERE case_id = ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query([id.0])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let from: Option<String> = r.get(0)?;
            out.push(StatusChange {
                from: from
                    .map(|f| decode("status_history.from_status", &f, CaseStatus::from_code))
                    .transpose()?,
                to: decode(
                    "status_history.to_status",
                    &r.get::<_, String>(1)?,
                    CaseStatus::from_code,
                )?,
                at: zone.local(&parse_time("status_history.at", &r.get::<_, String>(2)?)?),
                operator: r.get(3)?,
                reason: r.get(4)?,
            });
        }
        Ok(out)
    }
}

/// The case row as stored, before its codes are decoded.
struct RawCase {
    number_year: Option<i32>,
    number_seq: Option<u32>,
    number_text: Option<String>,
    status: String,
    version: i64,
    received_on: String,
    source: String,
    referrer_unit: String,
    referrer_ref: String,
    category: String,
    local_category: Option<String>,
    facts: String,
    claims: String,
    amount_fen: Option<i64>,
    persons_involved: u32,
    risk_escalation: bool,
    risk_group: bool,
}

impl RawCase {
    fn from_row(r: &Row<'_>) -> Result<RawCase, StorageError> {
        Ok(RawCase {
            number_year: r.get(0)?,
            number_seq: r.get(1)?,
            number_text: r.get(2)?,
            status: r.get(3)?,
            version: r.get(4)?,
            received_on: r.get(5)?,
            source: r.get(6)?,
            referrer_unit: r.get(7)?,
            referrer_ref: r.get(8)?,
            category: r.get(9)?,
            local_category: r.get(10)?,
            facts: r.get(11)?,
            claims: r.get(12)?,
            amount_fen: r.get(13)?,
            persons_involved: r.get(14)?,
            risk_escalation: r.get(15)?,
            risk_group: r.get(16)?,
        })
    }
}
