//! Reading sessions: one, those of a case, those of a range of days (agenda), counts per
//! day (month view), and the slots that may overlap a new booking. Range queries read only
//! the days asked for, through `sessions_by_day`; each session's mediators and parties are
//! packed into its own row (kept by every write), so a line of the agenda is one row.

use crate::domain::case::{CaseId, Timestamp};
use crate::domain::conflicts::Slot;
use crate::domain::org::{MediatorId, OrgId};
use crate::domain::session::{
    InvitedParty, Session, SessionFields, SessionId, SessionKind, SessionRecord, SessionStatus,
};
use crate::domain::zone::Zone;
use crate::storage::codec::{date_text, decode, parse_date, parse_time};
use crate::storage::{StorageError, Store};
use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

/// Which sessions a range query returns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionFilter {
    /// Only sessions this mediator holds.
    pub mediator: Option<MediatorId>,
    /// Only sessions in this place.
    pub place: Option<String>,
    /// Also postponed and cancelled sessions (normally only planned and held).
    pub all_statuses: bool,
}

/// Separates fields inside one packed column (never typed by a user).
const FIELD: char = '\u{1e}';
/// Separates entries inside one packed column.
const ENTRY: char = '\u{1f}';

const SELECT: &str = "SELECT s.id, s.version, s.case_id, s.kind, s.status, s.start_at, s.end_at,
    s.place, s.place_is_room, s.postponed_to, s.attendees, s.notes, s.outcome,
    s.override_reason, coalesce(nullif(c.number_text, ''), c.party_names),
    s.mediator_list, s.party_list, s.cancel_reason,
    (SELECT h.operator FROM status_history h INDEXED BY status_history_registered_by
     WHERE h.case_id = s.case_id AND h.from_status IS NULL ORDER BY h.id LIMIT 1)
  FROM sessions s JOIN cases c ON c.id = s.case_id";

/// Filters shared by the agenda and the month counts (?1 org, ?2..?3 days, ?4 mediator,
/// ?5 place, ?6 all statuses).
const RANGE: &str = "s.org_id = ?1 AND s.day >= ?2 AND s.day <= ?3
    AND (?6 OR s.status IN ('planned', 'held'))
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM session_mediators f
                               WHERE f.session_id = s.id AND f.mediator_id = ?4))
    AND (?5 IS NULL OR s.place = ?5)";

impl Store {
    /// One session.
    pub fn load_session(&self, id: SessionId) -> Result<Session, StorageError> {
        let zone = self.zone()?;
        let sql = format!("{SELECT} WHERE s.id = ?1");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([id.0])?;
        match rows.next()? {
            Some(row) => from_row(row, zone),
            None => Err(StorageError::NotFound {
                what: crate::i18n::tf("what.session", &[("id", &id.0.to_string())]),
            }),
        }
    }

    /// Every session of a case, in time order, whatever its status.
    pub fn sessions_of_case(&self, case: CaseId) -> Result<Vec<Session>, StorageError> {
        let zone = self.zone()?;
        let sql = format!("{SELECT} WHERE s.case_id = ?1 ORDER BY s.start_utc, s.id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([case.0])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(from_row(row, zone)?);
        }
        Ok(out)
    }

    /// The sessions from `from` to `to` (both included), in time order.
    pub fn sessions_in_range(
        &self,
        org: OrgId,
        from: NaiveDate,
        to: NaiveDate,
        filter: &SessionFilter,
    ) -> Result<Vec<Session>, StorageError> {
        let zone = self.zone()?;
        let sql = format!("{SELECT} WHERE {RANGE} ORDER BY s.start_utc, s.id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![
            org.0,
            date_text(from),
            date_text(to),
            filter.mediator.map(|m| m.0),
            filter.place.as_deref(),
            filter.all_statuses
        ])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(from_row(row, zone)?);
        }
        Ok(out)
    }

    /// `limit` of the planned or held sessions of `today` and the day after, from the
    /// `from`th on, in 今日's order (the day, then the time). `sessions_by_day_time`
    /// (migration 021) holds them in that order with their status, so the rows skipped
    /// are index entries only, and only the rows returned are read whole (1,000 rows down
    /// at 100,000 cases: 3.8 ms when the skipped rows were joined to their cases).
    pub fn today_sessions(
        &self,
        org: OrgId,
        today: NaiveDate,
        from: usize,
        limit: usize,
    ) -> Result<Vec<Session>, StorageError> {
        let zone = self.zone()?;
        let tomorrow = today.succ_opt().unwrap_or(today);
        // The window is found in the index alone (skipped rows cost an index entry each,
        // not a join to their case), then its rows are read whole.
        let sql = format!(
            "{SELECT} WHERE s.id IN (
                 SELECT id FROM sessions INDEXED BY sessions_by_day_time
                 WHERE org_id = ?1 AND day >= ?2 AND day <= ?3
                   AND status IN ('planned', 'held')
                 ORDER BY day, start_utc, id LIMIT ?4 OFFSET ?5)
             ORDER BY s.day, s.start_utc, s.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![
            org.0,
            date_text(today),
            date_text(tomorrow),
            i64::try_from(limit).unwrap_or(i64::MAX),
            i64::try_from(from).unwrap_or(i64::MAX)
        ])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(from_row(row, zone)?);
        }
        Ok(out)
    }

    /// How many sessions each day from `from` to `to` holds (days without any are left out).
    pub fn session_counts(
        &self,
        org: OrgId,
        from: NaiveDate,
        to: NaiveDate,
        filter: &SessionFilter,
    ) -> Result<Vec<(NaiveDate, u32)>, StorageError> {
        let sql = format!("SELECT s.day, count(*) FROM sessions s WHERE {RANGE} GROUP BY s.day");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![
            org.0,
            date_text(from),
            date_text(to),
            filter.mediator.map(|m| m.0),
            filter.place.as_deref(),
            filter.all_statuses
        ])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let day: String = row.get(0)?;
            out.push((parse_date("sessions.day", &day)?, row.get(1)?));
        }
        Ok(out)
    }
}

/// The planned or held sessions of the room that may overlap `start..end`. Sessions last at
/// most a day, so only those starting in the day before `start` up to `end` are read.
pub(super) fn overlapping_slots(
    conn: &Connection,
    org: OrgId,
    start: &Timestamp,
    end: &Timestamp,
) -> Result<Vec<Slot>, StorageError> {
    let zone = crate::storage::zone::zone_of(conn)?;
    let sql = format!(
        "{SELECT} WHERE s.org_id = ?1 AND s.start_utc >= ?2 - 86400 AND s.start_utc < ?3
         AND s.end_utc > ?2 AND s.status IN ('planned', 'held')"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![org.0, start.timestamp(), end.timestamp()])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let s = from_row(row, zone)?;
        let names = s.mediator_names.split('、').map(str::to_string);
        out.push(Slot {
            id: Some(s.id),
            start: s.fields.start,
            end: s.fields.end,
            place: s.fields.place,
            place_is_room: s.fields.place_is_room,
            mediators: s.fields.mediators.iter().copied().zip(names).collect(),
            parties: s.fields.parties.into_iter().map(|p| p.name).collect(),
            case_label: s.case_label,
        });
    }
    Ok(out)
}

/// Packs (code, name) pairs into one column value, as `from_row` unpacks them.
pub(super) fn pack(entries: impl Iterator<Item = (String, String)>) -> String {
    let parts: Vec<String> = entries
        .map(|(code, name)| format!("{code}{FIELD}{}", name.replace([FIELD, ENTRY], " ")))
        .collect();
    parts.join(&ENTRY.to_string())
}

/// The names of these mediators, in the same order ("" for an unknown id).
pub(super) fn mediator_names(
    conn: &Connection,
    ids: &[MediatorId],
) -> Result<Vec<String>, StorageError> {
    let mut stmt = conn.prepare_cached("SELECT name FROM mediators WHERE id = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let mut rows = stmt.query([id.0])?;
        out.push(match rows.next()? {
            Some(r) => r.get(0)?,
            None => String::new(),
        });
    }
    Ok(out)
}

fn from_row(r: &Row<'_>, zone: Zone) -> Result<Session, StorageError> {
    let text = |i: usize| -> Result<String, StorageError> { Ok(r.get::<_, String>(i)?) };
    let packed = |i: usize| -> Result<Vec<(String, String)>, StorageError> {
        let value: Option<String> = r.get(i)?;
        Ok(value
            .unwrap_or_default()
            .split(ENTRY)
            .filter(|e| !e.is_empty())
            .map(|e| {
                let (a, b) = e.split_once(FIELD).unwrap_or((e, ""));
                (a.to_string(), b.to_string())
            })
            .collect())
    };
    let number = |column: &'static str, s: &str| -> Result<i64, StorageError> {
        s.parse().map_err(|_| StorageError::Corrupt {
            column,
            value: s.to_string(),
        })
    };
    let mut mediators = Vec::new();
    let mut names = Vec::new();
    for (id, name) in packed(15)? {
        mediators.push(MediatorId(number("session_mediators.mediator_id", &id)?));
        names.push(name);
    }
    let mut parties = Vec::new();
    for (seq, name) in packed(16)? {
        let seq = number("session_parties.party_seq", &seq)?;
        parties.push(InvitedParty {
            seq: u32::try_from(seq).unwrap_or(0),
            name,
        });
    }
    let attendees = text(10)?;
    Ok(Session {
        id: SessionId(r.get(0)?),
        version: r.get(1)?,
        fields: SessionFields {
            case_id: CaseId(r.get(2)?),
            kind: decode("sessions.kind", &text(3)?, SessionKind::from_code)?,
            start: zone.local(&parse_time("sessions.start_at", &text(5)?)?),
            end: zone.local(&parse_time("sessions.end_at", &text(6)?)?),
            place: text(7)?,
            place_is_room: r.get(8)?,
            mediators,
            parties,
        },
        status: decode("sessions.status", &text(4)?, SessionStatus::from_code)?,
        postponed_to: r.get::<_, Option<i64>>(9)?.map(SessionId),
        record: SessionRecord {
            attendees: attendees
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
            notes: text(11)?,
            outcome: text(12)?,
        },
        override_reason: text(13)?,
        cancel_reason: text(17)?,
        mediator_names: names.join("、"),
        case_label: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
        registered_by: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
    })
}
