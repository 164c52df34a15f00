//! The cases whose deadlines need attention on a given day (the today screen): open cases
//! near or past their limit or owing police feedback, and recent agreements by their
//! confirmation window and first follow-up visit.
//!
//! With many cases only what can be due is read: a limit falls a fixed number of days (by
//! source) after the day received, so the open cases near or past it are one range of the
//! partial index `cases_open_by_received` (migration 008), read newest first; a room with
//! thousands of forgotten cases gets the first `max` of them and a count of the rest.

use super::codec::{date_text, decode, parse_date, parse_time};
use super::{StorageError, Store};
use crate::domain::case::CaseId;
use crate::domain::deadlines::{
    CaseClock, Deadline, DeadlineKind, FEEDBACK_WATCH_DAYS, Limits, agreement_attention, attention,
    long_overdue_through, near_due_days, started_on,
};
use crate::domain::org::OrgId;
use crate::domain::source::Source;
use crate::domain::zone::Zone;
use chrono::{Days, NaiveDate};
use rusqlite::{Row, params};

/// A case with a deadline that needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseAlert {
    /// The case.
    pub case_id: CaseId,
    /// Its number, or its parties before acceptance.
    pub label: String,
    /// Its parties.
    pub parties: String,
    /// The deadline.
    pub deadline: Deadline,
}

/// Agreements older than their windows plus this many days drop off the today screen.
const OVERDUE_WATCH_DAYS: u64 = 30;

/// The columns every alert query reads, in the order `row_alerts` takes them: then come
/// the agreement's date, whether a visit was made and whether confirmation was applied
/// for (none of which an open case has), and last when the case was registered.
const OPEN_COLUMNS: &str = "SELECT id, coalesce(nullif(number_text, ''), party_names),
    party_names, received_on, source, NULL, 0, 0, created_at FROM cases";

/// Without statistics SQLite may prefer the plain (org_id, received_on) index, which
/// walks closed cases too; the partial index holds only open ones and covers the count.
const BY_RECEIVED: &str = "INDEXED BY cases_open_by_received";

/// Open cases (the partial index's condition, which must stay word for word the same).
const OPEN: &str = "org_id = ?1 AND status IN ('registered', 'accepted', 'mediating')";

/// Open cases whose limit falls from `LONG_OVERDUE_DAYS` ago to the end of the near window:
/// ?2..?3 the index range, ?4..?6 the first day received for court, petition, every other
/// source, ?7..?9 the last.
const NEAR: &str = "received_on BETWEEN ?2 AND ?3
    AND received_on >= CASE source WHEN 'court' THEN ?4 WHEN 'petition' THEN ?5 ELSE ?6 END
    AND received_on <= CASE source WHEN 'court' THEN ?7 WHEN 'petition' THEN ?8 ELSE ?9 END";

/// Open cases past their limit by more than `LONG_OVERDUE_DAYS`: ?2 the latest day received
/// (the index range), ?3 court, ?4 petition, ?5 every other source.
const LONG: &str = "received_on <= ?2 AND received_on <= CASE source WHEN 'court' THEN ?3
    WHEN 'petition' THEN ?4 ELSE ?5 END";

impl Store {
    /// Every case whose deadline is near or past on `today`, most urgent first.
    pub fn case_alerts(
        &self,
        org: OrgId,
        limits: &Limits,
        today: NaiveDate,
    ) -> Result<Vec<CaseAlert>, StorageError> {
        Ok(self.case_alerts_first(org, limits, today, usize::MAX)?.0)
    }

    /// Like `case_alerts`, but of the open cases past their limit by more than
    /// `LONG_OVERDUE_DAYS` only the `max` received last (the least overdue); the number
    /// is how many more there are. What falls due from a week ago to the near window is
    /// always listed whole.
    pub fn case_alerts_first(
        &self,
        org: OrgId,
        limits: &Limits,
        today: NaiveDate,
        max: usize,
    ) -> Result<(Vec<CaseAlert>, u64), StorageError> {
        let mut out = Vec::new();
        let zone = self.zone()?;
        let cut = Cutoffs::new(limits, today);
        let near = cut.near_text();
        let mut stmt = self.conn.prepare_cached(&format!(
            "{OPEN_COLUMNS} {BY_RECEIVED} WHERE {OPEN} AND {NEAR}"
        ))?;
        let mut rows = stmt.query(params![
            org.0, near[0], near[1], near[2], near[3], near[4], near[5], near[6], near[7]
        ])?;
        while let Some(r) = rows.next()? {
            out.extend(row_alerts(r, true, limits, today, zone)?);
        }
        drop(rows);
        let long = cut.long_text();
        let sql = format!(
            "{OPEN_COLUMNS} {BY_RECEIVED} WHERE {OPEN} AND {LONG} ORDER BY received_on DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![org.0, long[0], long[1], long[2], long[3]])?;
        let mut taken = 0usize;
        while taken < max {
            let Some(r) = rows.next()? else { break };
            out.extend(row_alerts(r, true, limits, today, zone)?);
            taken += 1;
        }
        drop(rows);
        let more = if taken == max {
            self.long_open_count(org, &cut, None)?
                .saturating_sub(taken as u64)
        } else {
            0
        };
        out.extend(self.police_alerts(org, limits, today, &cut)?);
        self.agreement_alerts(org, limits, today, &mut out)?;
        out.sort_by(|a, b| {
            (a.deadline.urgency, a.deadline.due, a.case_id).cmp(&(
                b.deadline.urgency,
                b.deadline.due,
                b.case_id,
            ))
        });
        Ok((out, more))
    }

    /// How many open cases are past their limit by more than `LONG_OVERDUE_DAYS`, or up
    /// to `max` of them (those received last: a few index entries, not thousands).
    fn long_open_count(
        &self,
        org: OrgId,
        cut: &Cutoffs,
        max: Option<usize>,
    ) -> Result<u64, StorageError> {
        let long = cut.long_text();
        let rows = format!("FROM cases {BY_RECEIVED} WHERE {OPEN} AND {LONG}");
        let total: i64 = match max {
            None => self
                .conn
                .prepare_cached(&format!("SELECT count(*) {rows}"))?
                .query_row(params![org.0, long[0], long[1], long[2], long[3]], |r| {
                    r.get(0)
                })?,
            Some(max) => self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM (SELECT 1 {rows} ORDER BY received_on DESC LIMIT ?6)"
                ))?
                .query_row(
                    params![
                        org.0,
                        long[0],
                        long[1],
                        long[2],
                        long[3],
                        i64::try_from(max).unwrap_or(i64::MAX)
                    ],
                    |r| r.get(0),
                )?,
        };
        Ok(u64::try_from(total).unwrap_or(0))
    }

    /// Police referrals of the last days, which owe feedback before their limit is near.
    fn police_alerts(
        &self,
        org: OrgId,
        limits: &Limits,
        today: NaiveDate,
        cut: &Cutoffs,
    ) -> Result<Vec<CaseAlert>, StorageError> {
        let zone = self.zone()?;
        let sql = format!(
            "{OPEN_COLUMNS} WHERE {OPEN} AND received_on >= ?2 AND received_on > ?3
             AND source = 'police'"
        );
        let mut police = self.conn.prepare_cached(&sql)?;
        let mut rows = police.query(params![
            org.0,
            date_text(cut.police_from),
            date_text(cut.ordinary)
        ])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.extend(row_alerts(r, true, limits, today, zone)?);
        }
        Ok(out)
    }

    /// Recent agreements: the confirmation window and the first follow-up visit.
    fn agreement_alerts(
        &self,
        org: OrgId,
        limits: &Limits,
        today: NaiveDate,
        out: &mut Vec<CaseAlert>,
    ) -> Result<(), StorageError> {
        // Each agreement's effective day is kept beside its case (migration 026): the
        // agreement's own date where one is stored, else the day of the 调解成功 change in
        // the room's zone; once confirmation is applied for, its alert goes. The agreements
        // still watched are one range of changes since the cutoff.
        let mut agreed = self.conn.prepare_cached(&format!(
            "{AGREED_COLUMNS} INDEXED BY agreement_alert_days_by_at {AGREED_LABELS}
             WHERE d.org_id = ?1 AND d.at >= ?2"
        ))?;
        let mut rows = agreed.query(params![org.0, date_text(watched_from(limits, today))])?;
        while let Some(r) = rows.next()? {
            out.extend(agreed_alerts(r, limits, today, |_| true)?);
        }
        Ok(())
    }
}

/// The columns an agreement alert reads: the case, its effective day, whether a visit was
/// made and whether confirmation was applied for, its label and parties.
const AGREED_COLUMNS: &str = "SELECT d.case_id, d.day, d.followed_up, d.applied,
    coalesce(nullif(c.number_text, ''), c.party_names), c.party_names
    FROM agreement_alert_days d";

/// Each agreement's case row, read from an index alone (migration 022).
const AGREED_LABELS: &str = "JOIN cases c INDEXED BY cases_labels ON c.id = d.case_id";

/// Agreements whose 调解成功 is older than their windows plus this many days are no longer
/// watched.
fn watched_from(limits: &Limits, today: NaiveDate) -> NaiveDate {
    let window = u64::from(limits.confirmation_days.max(limits.first_follow_up_days));
    today
        .checked_sub_days(Days::new(window + OVERDUE_WATCH_DAYS))
        .unwrap_or(today)
}

/// The deadlines of an agreement row (`AGREED_COLUMNS`) that need attention and that `keep`
/// keeps.
fn agreed_alerts(
    r: &Row<'_>,
    limits: &Limits,
    today: NaiveDate,
    keep: impl Fn(&Deadline) -> bool,
) -> Result<Vec<CaseAlert>, StorageError> {
    // (A 调解成功 with no agreement and no day, which cannot be, has no deadline.)
    let Some(day) = r.get::<_, Option<String>>(1)? else {
        return Ok(Vec::new());
    };
    let day = parse_date("agreement_alert_days.day", &day)?;
    let followed_up: bool = r.get(2)?;
    let applied: bool = r.get(3)?;
    let case = (
        CaseId(r.get(0)?),
        r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        r.get(5)?,
    );
    let deadlines = agreement_attention(day, followed_up, limits, today);
    Ok(case_alerts(case, deadlines, applied, keep))
}

/// A case's alerts from its deadlines that need attention: once confirmation is applied
/// for, its window is no longer one; `keep` says which of the rest are wanted.
fn case_alerts(
    (case_id, label, parties): (CaseId, String, String),
    deadlines: Vec<Deadline>,
    applied: bool,
    keep: impl Fn(&Deadline) -> bool,
) -> Vec<CaseAlert> {
    deadlines
        .into_iter()
        .filter(|d| !(applied && d.kind == DeadlineKind::Confirmation) && keep(d))
        .map(|deadline| CaseAlert {
            case_id,
            label: label.clone(),
            parties: parties.clone(),
            deadline,
        })
        .collect()
}

/// The days received that bound the open cases near or past their limit on `today`, by
/// source (court, petition, every other), and the first day received of a police referral
/// that may still owe feedback.
struct Cutoffs {
    /// The first day received whose limit falls from `LONG_OVERDUE_DAYS` ago on.
    near_from: [NaiveDate; 3],
    /// The last day received whose limit is within the near window.
    near_to: [NaiveDate; 3],
    /// The last day received whose limit is long overdue.
    long_to: [NaiveDate; 3],
    ordinary: NaiveDate,
    police_from: NaiveDate,
}

impl Cutoffs {
    fn new(limits: &Limits, today: NaiveDate) -> Cutoffs {
        let days = [
            limits.court_days,
            limits.petition_days,
            limits.ordinary_days,
        ];
        let near_days = near_due_days(limits, today);
        let first = near_days.iter().min().copied().unwrap_or(today);
        let last = near_days.iter().max().copied().unwrap_or(today);
        let long = long_overdue_through(today);
        Cutoffs {
            near_from: days.map(|n| started_on(first, n)),
            near_to: days.map(|n| started_on(last, n)),
            long_to: days.map(|n| started_on(long, n)),
            ordinary: started_on(last, limits.ordinary_days),
            police_from: today
                .checked_sub_days(Days::new(FEEDBACK_WATCH_DAYS))
                .unwrap_or(today),
        }
    }

    /// ?2..?9 of `NEAR`.
    fn near_text(&self) -> [String; 8] {
        let lo = *self.near_from.iter().min().unwrap_or(&self.ordinary);
        let hi = *self.near_to.iter().max().unwrap_or(&self.ordinary);
        let [a, b, c] = self.near_from.map(date_text);
        let [d, e, f] = self.near_to.map(date_text);
        [date_text(lo), date_text(hi), a, b, c, d, e, f]
    }

    /// ?2..?5 of `LONG`.
    fn long_text(&self) -> [String; 4] {
        let hi = *self.long_to.iter().max().unwrap_or(&self.ordinary);
        let [a, b, c] = self.long_to.map(date_text);
        [date_text(hi), a, b, c]
    }
}

/// The deadlines of one row that need attention.
fn row_alerts(
    r: &Row<'_>,
    open: bool,
    limits: &Limits,
    today: NaiveDate,
    zone: Zone,
) -> Result<Vec<CaseAlert>, StorageError> {
    let agreed: Option<String> = r.get(5)?;
    let clock = CaseClock {
        received_on: parse_date("cases.received_on", &r.get::<_, String>(3)?)?,
        source: decode("cases.source", &r.get::<_, String>(4)?, Source::from_code)?,
        open,
        agreed_on: match agreed {
            Some(day) => Some(parse_date("status_history.at", &day)?),
            None => None,
        },
        followed_up: r.get(6)?,
        // The room's wall clock at registration (in the room's zone, whatever it was
        // written in).
        registered_at: Some(
            zone.local(&parse_time("cases.created_at", &r.get::<_, String>(8)?)?)
                .naive_local(),
        ),
    };
    let case = (
        CaseId(r.get(0)?),
        r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        r.get(2)?,
    );
    let applied: bool = r.get(7)?;
    let deadlines = attention(&clock, limits, today);
    Ok(case_alerts(case, deadlines, applied, |_| true))
}

mod head;
pub use head::{AlertsHead, sort_for_today};

#[cfg(test)]
mod days_tests;
#[cfg(test)]
mod tests;
