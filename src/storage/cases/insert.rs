//! A new case's row, written whole in one INSERT. Inserting a bare row and then filling
//! it with an UPDATE gave every new case a second audit row that copied all its fields
//! again (the audit triggers record every insert and update), which made registering and
//! importing cases markedly slower.

use super::super::StorageError;
use super::super::codec::date_text;
use crate::domain::case::{CaseFields, CaseId, CaseNumber};
use crate::domain::org::OrgId;
use crate::domain::status::CaseStatus;
use rusqlite::{Transaction, params};

/// Inserts the case row with all its fields; the parties are written after (they need
/// the id). `created` and `updated` are RFC 3339 texts.
pub(super) fn insert_case_row(
    tx: &Transaction<'_>,
    org: OrgId,
    status: CaseStatus,
    number: Option<&CaseNumber>,
    f: &CaseFields,
    created: &str,
    updated: &str,
) -> Result<CaseId, StorageError> {
    let names: Vec<&str> = f.parties.iter().map(|p| p.name.as_str()).collect();
    tx.prepare_cached(
        "INSERT INTO cases (org_id, number_year, number_seq, number_text, status, received_on,
         source, referrer_unit, referrer_ref, category, local_category, facts, claims,
         amount_fen, persons_involved, risk_escalation, risk_group, party_names, created_at,
         updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
         ?18, ?19, ?20)",
    )?
    .execute(params![
        org.0,
        number.map(|n| n.year),
        number.map(|n| n.seq),
        number.map(|n| n.text.as_str()),
        status.code(),
        date_text(f.received_on),
        f.source.code(),
        f.referrer_unit.trim(),
        f.referrer_ref.trim(),
        f.category.national.code(),
        f.category.local,
        f.facts,
        f.claims,
        f.amount_fen,
        f.persons_involved,
        f.risk_escalation,
        f.risk_group,
        names.join("、"),
        created,
        updated
    ])?;
    Ok(CaseId(tx.last_insert_rowid()))
}
