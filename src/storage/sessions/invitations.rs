//! Session invitations that follow their parties: an invitation names its party by id,
//! and when a party leaves the case the others' invitations take their new places (the
//! export and the agenda name a party by its place); the one who left stays invited by
//! name, past the case's parties.

use super::super::StorageError;
use crate::domain::case::CaseId;
use rusqlite::{Transaction, params};

/// Where a removed party's invitation is kept: past any place a party of the case will
/// have (the export reads such a place as "invited by name, no longer on the case").
const PAST_THE_PARTIES: i64 = 1000;

/// The parties of `case` changed: each invitation takes its party's place now, one of a
/// party in `gone` (about to be removed) is kept by name past the parties, and each
/// session's packed list is made again (the agenda reads it).
pub(in crate::storage) fn follow_parties(
    tx: &Transaction<'_>,
    case: CaseId,
    gone: &[i64],
) -> Result<(), StorageError> {
    let mut away = tx.prepare_cached(
        "UPDATE session_parties SET party_id = NULL, party_seq = party_seq + ?2 WHERE party_id = ?1",
    )?;
    for party in gone {
        away.execute(params![party, PAST_THE_PARTIES])?;
    }
    tx.prepare_cached(
        "UPDATE session_parties SET party_seq = (SELECT p.seq FROM parties p WHERE p.id = party_id)
         WHERE party_id IN (SELECT id FROM parties WHERE case_id = ?1)
           AND party_seq IS NOT (SELECT p.seq FROM parties p WHERE p.id = party_id)",
    )?
    .execute([case.0])?;
    // As `read::pack` writes it: place FIELD name, entries joined by ENTRY.
    tx.prepare_cached(
        "UPDATE sessions SET party_list = (
           SELECT coalesce(group_concat(sp.party_seq || char(30) ||
                  replace(replace(sp.name, char(30), ' '), char(31), ' '), char(31)), '')
           FROM (SELECT party_seq, name FROM session_parties WHERE session_id = sessions.id
                 ORDER BY seq) sp)
         WHERE case_id = ?1",
    )?
    .execute([case.0])?;
    Ok(())
}
