//! What the today screen watches in agreements: performance items still owed by a day
//! (missed ones included) and agreements whose judicial-confirmation window is closing.
//! Both read through the partial indexes of migration 005, so settled rows are never read.

use super::opt_date;
use crate::domain::agreement::{CONFIRMATION_WINDOW_DAYS, PerformanceItem};
use crate::domain::case::CaseId;
use crate::domain::org::OrgId;
use crate::domain::party::PartyId;
use crate::storage::codec::{date_text, parse_date};
use crate::storage::{StorageError, Store};
use chrono::{Days, NaiveDate};
use rusqlite::params;

/// A performance item still owed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    /// The case.
    pub case_id: CaseId,
    /// Its number (or parties before acceptance).
    pub label: String,
    /// Its parties.
    pub parties: String,
    /// The item.
    pub item: PerformanceItem,
}

/// A signed agreement not yet taken to court whose confirmation window is closing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementWindow {
    /// The case.
    pub case_id: CaseId,
    /// Its number (or parties).
    pub label: String,
    /// Its parties.
    pub parties: String,
    /// The agreement's (effective) date.
    pub agreed_on: NaiveDate,
    /// The last day to apply.
    pub closes_on: NaiveDate,
}

/// The items of live agreements owed by ?2, the room ?1: agreements first (the few
/// still being performed, through their partial index), then each one's items still owed
/// by key (the partial index of migration 027).
pub(crate) const DUE_ITEMS: &str =
    "SELECT c.id, coalesce(nullif(c.number_text, ''), c.party_names), c.party_names,
             i.what, coalesce((SELECT p.name FROM parties p WHERE p.id = i.obligor_party), i.obligor),
             coalesce((SELECT p.name FROM parties p WHERE p.id = i.obligee_party), i.obligee),
             i.amount_fen, i.due_on, i.place, i.obligor_party, i.obligee_party
             FROM agreements a INDEXED BY agreements_live
             CROSS JOIN agreement_items i INDEXED BY agreement_items_owed ON i.case_id = a.case_id
             CROSS JOIN cases c ON c.id = a.case_id
             WHERE a.status IN ('signed', 'performing') AND i.done_on IS NULL
               AND i.due_on IS NOT NULL AND i.due_on <= ?2 AND c.org_id = ?1
             ORDER BY i.due_on, c.id, i.seq";

impl Store {
    /// Items of signed agreements still owed and due on or before `until` (those due
    /// before today are missed), earliest first. Read from the agreements still being
    /// performed (the partial index `agreements_live`, migration 10), each one's items by
    /// its key: undone items of finished agreements, the great majority, are never read.
    pub fn performance_due(
        &self,
        org: OrgId,
        until: NaiveDate,
    ) -> Result<Vec<DueItem>, StorageError> {
        let mut stmt = self.conn.prepare_cached(DUE_ITEMS)?;
        let mut rows = stmt.query(params![org.0, date_text(until)])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(DueItem {
                case_id: CaseId(r.get(0)?),
                label: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                parties: r.get(2)?,
                item: PerformanceItem {
                    what: r.get(3)?,
                    obligor: r.get(4)?,
                    obligor_party: r.get::<_, Option<i64>>(9)?.map(PartyId),
                    obligee: r.get(5)?,
                    obligee_party: r.get::<_, Option<i64>>(10)?.map(PartyId),
                    amount_fen: r.get(6)?,
                    due: opt_date("agreement_items.due_on", r.get(7)?)?,
                    place: r.get(8)?,
                    done_on: None,
                },
            });
        }
        Ok(out)
    }

    /// Signed agreements with no confirmation applied whose 30-day window is still open on
    /// `today` and closes within `days` days, soonest first.
    pub fn confirmation_windows(
        &self,
        org: OrgId,
        today: NaiveDate,
        days: u64,
    ) -> Result<Vec<AgreementWindow>, StorageError> {
        let window = Days::new(CONFIRMATION_WINDOW_DAYS);
        let from = today.checked_sub_days(window).unwrap_or(today);
        let to = from.checked_add_days(Days::new(days)).unwrap_or(from);
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, coalesce(nullif(c.number_text, ''), c.party_names), c.party_names, a.agreed_on
             FROM agreements a INDEXED BY agreements_unconfirmed_by_date
             JOIN cases c ON c.id = a.case_id
             WHERE a.confirmation = 'none' AND a.agreed_on IS NOT NULL
               AND a.agreed_on BETWEEN ?2 AND ?3 AND a.status <> 'draft' AND c.org_id = ?1
             ORDER BY a.agreed_on, c.id",
        )?;
        let mut rows = stmt.query(params![org.0, date_text(from), date_text(to)])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let agreed_on = parse_date("agreements.agreed_on", &r.get::<_, String>(3)?)?;
            out.push(AgreementWindow {
                case_id: CaseId(r.get(0)?),
                label: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                parties: r.get(2)?,
                agreed_on,
                closes_on: agreed_on.checked_add_days(window).unwrap_or(agreed_on),
            });
        }
        Ok(out)
    }
}
