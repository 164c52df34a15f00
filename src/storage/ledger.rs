//! The cases of the ledger (台账) as one viewer may see them, handed out one at a time so
//! the ledger of 100,000 cases is never held whole: the TUI's 统计 tab and
//! `tiaojie report ledger` both read them here, so the front desk gets the same ledger in
//! both — its own cases only, without agreements (the sheet masks ID numbers and phones
//! unless an administrator asks otherwise).

use super::{StorageError, Store};
use crate::domain::agreement::AgreementKind;
use crate::domain::case::{Case, CaseId};
use crate::domain::org::OrgId;
use crate::domain::stats::period::Period;
use crate::domain::user::{User, case_for, may_see_agreements, may_see_case};
use rusqlite::OptionalExtension;

impl Store {
    /// Runs `read` in one read transaction, so that all it reads is one moment of the
    /// file while others write (the ledger's room, mediators and cases; or any reading
    /// done twice). Inside another transaction it simply joins it.
    pub fn in_one_read<T, E: From<StorageError>>(
        &self,
        read: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return read(self);
        }
        // Deferred: the snapshot starts at the first read and lasts until the end. It
        // only read, so ending it by a rollback loses nothing.
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(StorageError::from)?;
        let result = read(self);
        drop(tx);
        result
    }

    /// Hands each case received in `period` to `each`, with its agreement's kind, in the
    /// ledger's order (by date, then id) and as `viewer` may see it (`None`: every case,
    /// for the room's own tools and tests). One case at a time, in one read transaction;
    /// an error from `each` stops the walk and is returned.
    pub fn each_ledger_case<E: From<StorageError>>(
        &self,
        org: OrgId,
        period: &Period,
        viewer: Option<&User>,
        mut each: impl FnMut(Case, Option<AgreementKind>) -> Result<(), E>,
    ) -> Result<(), E> {
        self.in_one_read(|store| {
            let mut stmt = store
                .conn
                .prepare_cached(
                    "SELECT id FROM cases WHERE org_id = ?1 AND received_on >= ?2 AND received_on <= ?3
                     ORDER BY received_on, id",
                )
                .map_err(StorageError::from)?;
            let from = super::codec::date_text(period.from);
            let to = super::codec::date_text(period.to);
            let mut ids = stmt
                .query(rusqlite::params![org.0, from, to])
                .map_err(StorageError::from)?;
            while let Some(row) = ids.next().map_err(StorageError::from)? {
                let id = CaseId(row.get(0).map_err(StorageError::from)?);
                let case = store.load_case(id)?;
                if let Some(me) = viewer
                    && !may_see_case(&case, me)
                {
                    continue;
                }
                let agreement = match viewer {
                    Some(me) if !may_see_agreements(me) => None,
                    _ => store.agreement_kind(id)?,
                };
                match viewer {
                    None => each(case, agreement)?,
                    Some(me) => each(case_for(&case, me), agreement)?,
                }
            }
            Ok(())
        })
    }

    /// The kind of a case's agreement, if one was saved (the ledger needs no more of it).
    fn agreement_kind(&self, case: CaseId) -> Result<Option<AgreementKind>, StorageError> {
        let code = self
            .conn
            .prepare_cached("SELECT kind FROM agreements WHERE case_id = ?1")?
            .query_row([case.0], |r| r.get::<_, String>(0))
            .optional()?;
        code.map(|c| super::codec::decode("agreements.kind", &c, AgreementKind::from_code))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_room::{now, one_applicant, open_room};
    use super::*;

    /// The ids the ledger of November 2026 hands out.
    fn walk(store: &Store, org: OrgId) -> Vec<CaseId> {
        let november = Period::month_of(now().date_naive());
        let mut ids = Vec::new();
        store
            .each_ledger_case(org, &november, None, |case, _| {
                ids.push(case.id);
                Ok::<_, StorageError>(())
            })
            .unwrap();
        ids
    }

    #[test]
    fn the_ledger_read_twice_in_one_read_is_one_moment_while_another_process_writes() {
        let mut room = open_room();
        let org = room.org.id;
        let fields = one_applicant("王秀兰", "楼上漏水");
        room.store
            .create_case(org, &fields, "王调解", &now())
            .unwrap();
        // Another process's connection to the same file registers a case in the period
        // between two readings.
        let mut other = Store::open(room.store.path()).unwrap();
        let (first, second) = room
            .store
            .in_one_read(|store| {
                let first = walk(store, org);
                other.create_case(org, &fields, "王调解", &now())?;
                Ok::<_, StorageError>((first, walk(store, org)))
            })
            .unwrap();
        assert_eq!(first.len(), 1);
        assert_eq!(first, second);
        // Outside it, the next reading sees the new case.
        assert_eq!(walk(&room.store, org).len(), 2);
    }

    #[test]
    fn an_error_from_the_callback_stops_the_walk_and_is_returned() {
        let mut room = open_room();
        let org = room.org.id;
        let fields = one_applicant("王秀兰", "楼上漏水");
        for _ in 0..3 {
            room.store
                .create_case(org, &fields, "王调解", &now())
                .unwrap();
        }
        let november = Period::month_of(now().date_naive());
        let mut seen = 0;
        let stopped = room.store.each_ledger_case(org, &november, None, |_, _| {
            seen += 1;
            Err(StorageError::Invalid("disk full".into()))
        });
        assert!(matches!(stopped, Err(StorageError::Invalid(m)) if m == "disk full"));
        assert_eq!(seen, 1);
        // The read transaction ended with the walk: a write goes through.
        room.store
            .create_case(org, &fields, "王调解", &now())
            .unwrap();
    }
}
