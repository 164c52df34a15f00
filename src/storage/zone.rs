//! The room's time zone as storage keeps it: the setting `time.zone` (Beijing time when
//! unset), read before stored times become domain values so that they are shown and
//! compared in the room's zone (their instants kept), the clock the audit triggers
//! stamp with, and the sessions' day index, which follows the zone when it changes.

use super::{StorageError, Store};
use crate::domain::case::Timestamp;
use crate::domain::zone::Zone;
use rusqlite::{Connection, OptionalExtension, params};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

/// The setting key of the room's zone (written `+08:00`).
pub const ZONE_KEY: &str = "time.zone";

/// The zone the audit triggers' `tiaojie_now()` stamps with: the room's, as read at the
/// start of each write (see [`Store::write`]), shared with the SQL function.
#[derive(Clone)]
pub(super) struct AuditClock(Arc<AtomicI32>);

impl Default for AuditClock {
    fn default() -> Self {
        AuditClock(Arc::new(AtomicI32::new(Zone::default().seconds())))
    }
}

impl AuditClock {
    /// The zone stamps are in now.
    pub(super) fn zone(&self) -> Zone {
        Zone::from_seconds(self.0.load(Ordering::SeqCst)).unwrap_or_default()
    }

    fn set(&self, zone: Zone) {
        self.0.store(zone.seconds(), Ordering::SeqCst);
    }
}

impl Store {
    /// The room's time zone (Beijing time until 设置 says otherwise).
    pub fn zone(&self) -> Result<Zone, StorageError> {
        zone_of(&self.conn)
    }

    /// Now, as the room's clock shows it (the command line's "now").
    pub fn now(&self) -> Result<Timestamp, StorageError> {
        Ok(self.zone()?.local(&chrono::Utc::now()))
    }

    /// Reads the room's zone inside a write's transaction, for the audit stamps it makes.
    pub(super) fn stamp_in_room_zone(&self, conn: &Connection) -> Result<(), StorageError> {
        self.audit_clock.set(zone_of(conn)?);
        Ok(())
    }
}

/// The room's zone as `conn` sees it.
pub(super) fn zone_of(conn: &Connection) -> Result<Zone, StorageError> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1 ORDER BY org_id LIMIT 1")?
        .query_row([ZONE_KEY], |r| r.get(0))
        .optional()?;
    // Only a valid zone can be saved (`checked_setting`); a value put there by other
    // means is read as Beijing time rather than refused, because refusing it would stop
    // every read and write, 设置 included, where it is put right.
    Ok(text.and_then(|t| Zone::parse(&t)).unwrap_or_default())
}

/// A room setting `value` for `key` as it may be stored: the zone only as a valid offset,
/// written one way (`+08:00`). Other settings pass as they are.
pub(super) fn checked_setting(key: &str, value: &str) -> Result<String, StorageError> {
    if key != ZONE_KEY {
        return Ok(value.to_string());
    }
    Zone::parse(value).map(|z| z.to_string()).ok_or_else(|| {
        StorageError::Invalid(crate::i18n::tf("err.settings.zone", &[("value", value)]))
    })
}

/// The SQLite date modifier that moves a stored time (SQLite reads its offset and works
/// in UTC) onto the room's clock: `date(at, shift)` is the day in the room's zone.
pub(super) fn sql_shift(zone: Zone) -> String {
    format!("{:+} seconds", zone.seconds())
}

/// After the zone changed (in the same transaction): every session's day is the day its
/// start falls on in the new zone, so the agenda and the month read the right days.
pub(super) fn redate_sessions(conn: &Connection) -> Result<(), StorageError> {
    let zone = zone_of(conn)?;
    conn.execute(
        "UPDATE sessions SET day = date(start_utc + ?1, 'unixepoch')
         WHERE day IS NOT date(start_utc + ?1, 'unixepoch')",
        params![zone.seconds()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
