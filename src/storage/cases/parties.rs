//! Writing a case's parties: all of them for a new case, and in place for an edited one —
//! a party keeps its row (and so its id) across saves, new ones are added and the ones
//! no longer in the form removed. The audit triggers then record each party's own
//! change, so the history says whose phone changed instead of every party being deleted
//! and added again, and whatever names a party by its id keeps naming the same person.
//! A party an agreement item names is not removed (the save is refused with the reason).
//! An agent's link to the party they act for is a position in the form and the party's
//! id here; a link naming an agent, the agent itself or nobody is refused.

use super::super::StorageError;
use super::super::codec::date_text;
use crate::domain::agents::check_links;
use crate::domain::case::{CaseFields, CaseId};
use crate::domain::party::Party;
use crate::i18n::tf;
use rusqlite::{OptionalExtension, Transaction, params};

/// Adds every party of a new case, in order.
pub(super) fn insert_parties(
    tx: &Transaction<'_>,
    id: CaseId,
    f: &CaseFields,
) -> Result<(), StorageError> {
    check_links(&f.parties).map_err(StorageError::Invalid)?;
    for (seq, p) in f.parties.iter().enumerate() {
        insert_party(tx, id, seq, p)?;
    }
    write_links(tx, id, f)
}

/// Makes the stored parties of case `id` what `f` holds: a party with the id of one of
/// the case's rows changes that row; one without (or with an id the case does not have,
/// e.g. a form older than a restore) is added; stored parties not in `f` are deleted.
pub(super) fn update_parties(
    tx: &Transaction<'_>,
    id: CaseId,
    f: &CaseFields,
) -> Result<(), StorageError> {
    check_links(&f.parties).map_err(StorageError::Invalid)?;
    let stored: Vec<i64> = tx
        .prepare_cached("SELECT id FROM parties WHERE case_id = ?1")?
        .query_map([id.0], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let kept: Vec<i64> = f
        .parties
        .iter()
        .filter_map(|p| p.id.map(|p| p.0))
        .filter(|p| stored.contains(p))
        .collect();
    let gone: Vec<i64> = stored
        .iter()
        .filter(|s| !kept.contains(s))
        .copied()
        .collect();
    for party in &gone {
        refuse_if_named(tx, id, *party)?;
    }
    clear_changed_links(tx, id, f, &kept)?;
    let moved = !gone.is_empty();
    if moved {
        super::super::sessions::follow_parties(tx, id, &gone)?;
    }
    // Deleted before the rest is written: the transaction undoes it if anything fails.
    let mut delete = tx.prepare_cached("DELETE FROM parties WHERE id = ?1 AND case_id = ?2")?;
    for party in &gone {
        delete.execute(params![party, id.0])?;
    }
    let mut update = tx.prepare_cached(
        "UPDATE parties SET seq = ?3, role = ?4, kind = ?5, name = ?6, sex = ?7, ethnicity = ?8,
         birth_date = ?9, id_number = ?10, occupation = ?11, credit_code = ?12, legal_rep = ?13,
         phone = ?14, address = ?15, legal_rep_title = ?16
         WHERE id = ?1 AND case_id = ?2",
    )?;
    let mut seen = Vec::new();
    for (seq, p) in f.parties.iter().enumerate() {
        // The same id twice (a form copied a party) makes the second a new party.
        match p
            .id
            .map(|p| p.0)
            .filter(|p| kept.contains(p) && !seen.contains(p))
        {
            Some(row) => {
                seen.push(row);
                update.execute(params![
                    row,
                    id.0,
                    seq as i64,
                    p.role.code(),
                    p.kind.code(),
                    p.name,
                    p.sex.map(|s| s.code()),
                    p.ethnicity,
                    p.birth_date.map(date_text),
                    p.id_number,
                    p.occupation,
                    p.credit_code,
                    p.legal_rep,
                    p.phone,
                    p.address,
                    p.legal_rep_title
                ])?;
            }
            None => insert_party(tx, id, seq, p)?,
        }
    }
    // The invitations take their parties' new places.
    if moved {
        super::super::sessions::follow_parties(tx, id, &[])?;
    }
    write_links(tx, id, f)
}

/// Before the rows change: each stored link this save changes is moved to the party it
/// is to name where that party keeps its row, else cleared (a party that is new, or an
/// agent until this save) — so no row names a party in a state the triggers refuse
/// while the others are written. A link that stays
/// is left alone, so the history records no change for it.
fn clear_changed_links(
    tx: &Transaction<'_>,
    id: CaseId,
    f: &CaseFields,
    kept: &[i64],
) -> Result<(), StorageError> {
    // The row each position keeps (the first of a repeated id; see update_parties).
    let mut seen = Vec::new();
    let rows: Vec<Option<i64>> = f
        .parties
        .iter()
        .map(|p| {
            let row =
                p.id.map(|p| p.0)
                    .filter(|r| kept.contains(r) && !seen.contains(r));
            seen.extend(row);
            row
        })
        .collect();
    // Straight to a party that keeps its row and is no agent now (one history entry);
    // else cleared, and written after the rows.
    let mut clear = tx.prepare_cached(
        "UPDATE parties SET acts_for = CASE WHEN EXISTS (SELECT 1 FROM parties p
             WHERE p.id = ?3 AND p.case_id = ?2 AND p.role <> 'agent') THEN ?3 END
         WHERE id = ?1 AND case_id = ?2 AND acts_for IS NOT ?3",
    )?;
    for (p, row) in f.parties.iter().zip(&rows) {
        let Some(row) = row else { continue };
        let wanted = p.acts_for.and_then(|to| rows.get(to).copied().flatten());
        clear.execute(params![row, id.0, wanted])?;
    }
    // Stored rows leaving the case: a link to one of them is cleared above (its place
    // is no row any more); their own links go with them.
    Ok(())
}

/// Stores each agent's link as the id of the party at the position it names (every
/// party of the case is written by now, so each has its row); a link already stored is
/// not written again.
fn write_links(tx: &Transaction<'_>, id: CaseId, f: &CaseFields) -> Result<(), StorageError> {
    let mut link = tx.prepare_cached(
        "UPDATE parties SET acts_for = (SELECT p.id FROM parties p WHERE p.case_id = ?1 AND p.seq = ?2)
         WHERE case_id = ?1 AND seq = ?3
           AND acts_for IS NOT (SELECT p.id FROM parties p WHERE p.case_id = ?1 AND p.seq = ?2)",
    )?;
    for (seq, p) in f.parties.iter().enumerate() {
        if let Some(to) = p.acts_for {
            link.execute(params![id.0, to as i64, seq as i64])?;
        }
    }
    Ok(())
}

/// A party an agreement item names (owes or is owed) stays: removing it would leave
/// the item naming nobody. Refused with the item, so the user knows what to change.
fn refuse_if_named(tx: &Transaction<'_>, case: CaseId, party: i64) -> Result<(), StorageError> {
    let item: Option<(i64, String, String)> = tx
        .prepare_cached(
            "SELECT i.seq, i.what, p.name FROM agreement_items i JOIN parties p ON p.id = ?2
             WHERE i.case_id = ?1 AND (i.obligor_party = ?2 OR i.obligee_party = ?2)
             ORDER BY i.seq LIMIT 1",
        )?
        .query_row(params![case.0, party], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    match item {
        Some((seq, what, name)) => Err(StorageError::Invalid(tf(
            "err.party.named_by_item",
            &[
                ("name", &name),
                ("n", &(seq + 1).to_string()),
                ("what", &what),
            ],
        ))),
        None => Ok(()),
    }
}

fn insert_party(
    tx: &Transaction<'_>,
    id: CaseId,
    seq: usize,
    p: &Party,
) -> Result<(), StorageError> {
    tx.prepare_cached(
        "INSERT INTO parties (case_id, seq, role, kind, name, sex, ethnicity, birth_date, id_number,
         occupation, credit_code, legal_rep, phone, address, legal_rep_title)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        id.0,
        seq as i64,
        p.role.code(),
        p.kind.code(),
        p.name,
        p.sex.map(|s| s.code()),
        p.ethnicity,
        p.birth_date.map(date_text),
        p.id_number,
        p.occupation,
        p.credit_code,
        p.legal_rep,
        p.phone,
        p.address,
        p.legal_rep_title
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests;
