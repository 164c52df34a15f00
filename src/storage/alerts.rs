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

/// Open cases at or past the near window of their limit: ?2 the latest cutoff (the index
/// range), ?3 court, ?4 petition, ?5 every other source.
const DUE: &str = "received_on <= ?2 AND received_on <= CASE source WHEN 'court' THEN ?3
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

    /// Like `case_alerts`, but of the open cases near or past their limit only the `max`
    /// received last (the least overdue); the number is how many more there are.
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
        let dates = [cut.latest, cut.court, cut.petition, cut.ordinary].map(date_text);
        let sql = format!(
            "{OPEN_COLUMNS} {BY_RECEIVED} WHERE {OPEN} AND {DUE} ORDER BY received_on DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![org.0, dates[0], dates[1], dates[2], dates[3]])?;
        let mut taken = 0usize;
        while taken < max {
            let Some(r) = rows.next()? else { break };
            out.extend(row_alerts(r, true, limits, today, zone)?);
            taken += 1;
        }
        drop(rows);
        let more = if taken == max {
            let sql = format!("SELECT count(*) FROM cases {BY_RECEIVED} WHERE {OPEN} AND {DUE}");
            let total: i64 = self.conn.prepare_cached(&sql)?.query_row(
                params![org.0, dates[0], dates[1], dates[2], dates[3]],
                |r| r.get(0),
            )?;
            u64::try_from(total)
                .unwrap_or(0)
                .saturating_sub(taken as u64)
        } else {
            0
        };
        // Police referrals of the last days owe feedback before their limit is near.
        let sql = format!(
            "{OPEN_COLUMNS} WHERE {OPEN} AND received_on >= ?2 AND received_on > ?3
             AND source = 'police'"
        );
        let mut police = self.conn.prepare_cached(&sql)?;
        let mut rows = police.query(params![org.0, date_text(cut.police_from), dates[3]])?;
        while let Some(r) = rows.next()? {
            out.extend(row_alerts(r, true, limits, today, zone)?);
        }
        drop(rows);
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

    /// Recent agreements: the confirmation window and the first follow-up visit.
    fn agreement_alerts(
        &self,
        org: OrgId,
        limits: &Limits,
        today: NaiveDate,
        out: &mut Vec<CaseAlert>,
    ) -> Result<(), StorageError> {
        let window = u64::from(limits.confirmation_days.max(limits.first_follow_up_days));
        let cutoff = today
            .checked_sub_days(Days::new(window + OVERDUE_WATCH_DAYS))
            .unwrap_or(today);
        // The agreement's own date, where one is stored, starts the confirmation window
        // (it is the effective date); once confirmation is applied for, its alert goes.
        // No GROUP BY: sorting every recent agreement's row to fold a case's second
        // 调解成功 (which the flow does not make) cost as much as reading them (3,743 rows
        // at 100,000 cases: 26 → 14 ms of CPU); a repeated case keeps its earliest date.
        // Each row is found in indexes alone (migration 022): the case's row and the
        // agreement's, read from their tables, were a page each.
        let mut agreed = self.conn.prepare_cached(
            "SELECT c.id, coalesce(a.agreed_on, date(h.at, ?3)),
             EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id),
             coalesce(a.confirmation <> 'none', 0),
             coalesce(nullif(c.number_text, ''), c.party_names), c.party_names
             FROM status_history h JOIN cases c INDEXED BY cases_labels ON c.id = h.case_id
             LEFT JOIN agreements a INDEXED BY agreements_alert_dates ON a.case_id = c.id
             WHERE h.to_status = 'succeeded' AND h.at >= ?2 AND c.org_id = ?1",
        )?;
        // The day of the change is the day in the room's zone.
        let zone = self.zone()?;
        let shift = super::zone::sql_shift(zone);
        let mut rows = agreed.query(params![org.0, date_text(cutoff), shift])?;
        // What is kept of a case: its earliest day, whether visited and applied for, its
        // label and parties. The deadlines are worked out once per case, at the end.
        let mut by_case: std::collections::HashMap<i64, Agreed> = Default::default();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let day = r
                .get_ref(1)?
                .as_str_or_null()
                .map_err(rusqlite::Error::from)?
                .unwrap_or_default();
            if by_case
                .get(&id)
                .is_some_and(|kept| kept.day.as_str() <= day)
            {
                continue;
            }
            let agreed = Agreed {
                day: day.to_owned(),
                followed_up: r.get(2)?,
                applied: r.get(3)?,
                label: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                parties: r.get(5)?,
            };
            by_case.insert(id, agreed);
        }
        for (id, case) in by_case {
            // (A 调解成功 with no agreement and no day, which cannot be, has no deadline.)
            if case.day.is_empty() {
                continue;
            }
            let day = parse_date("status_history.at", &case.day)?;
            let deadlines = agreement_attention(day, case.followed_up, limits, today);
            out.extend(
                deadlines
                    .into_iter()
                    .filter(|d| !(case.applied && d.kind == DeadlineKind::Confirmation))
                    .map(|deadline| CaseAlert {
                        case_id: CaseId(id),
                        label: case.label.clone(),
                        parties: case.parties.clone(),
                        deadline,
                    }),
            );
        }
        Ok(())
    }
}

/// What an agreement alert needs of a case that succeeded.
struct Agreed {
    day: String,
    followed_up: bool,
    applied: bool,
    label: String,
    parties: String,
}

/// The last day received of an open case whose limit is near or past on `today`, by
/// source, and the first day received of a police referral that may still owe feedback.
struct Cutoffs {
    court: NaiveDate,
    petition: NaiveDate,
    ordinary: NaiveDate,
    latest: NaiveDate,
    police_from: NaiveDate,
}

impl Cutoffs {
    fn new(limits: &Limits, today: NaiveDate) -> Cutoffs {
        // Near means due within `near_days`: received on or before today + near - limit.
        let cut = |days: u32| {
            let ahead = i64::from(limits.near_days) - i64::from(days);
            today
                .checked_add_signed(chrono::Duration::days(ahead))
                .unwrap_or(today)
        };
        let (court, petition, ordinary) = (
            cut(limits.court_days),
            cut(limits.petition_days),
            cut(limits.ordinary_days),
        );
        Cutoffs {
            court,
            petition,
            ordinary,
            latest: court.max(petition).max(ordinary),
            police_from: today
                .checked_sub_days(Days::new(FEEDBACK_WATCH_DAYS))
                .unwrap_or(today),
        }
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
    let case_id = CaseId(r.get(0)?);
    let label: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
    let parties: String = r.get(2)?;
    let applied: bool = r.get(7)?;
    Ok(attention(&clock, limits, today)
        .into_iter()
        .filter(|d| !(applied && d.kind == DeadlineKind::Confirmation))
        .map(|deadline| CaseAlert {
            case_id,
            label: label.clone(),
            parties: parties.clone(),
            deadline,
        })
        .collect())
}

#[cfg(test)]
mod tests;
