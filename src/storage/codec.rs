//! Row values ↔ domain values: enumerations by their ASCII code, dates as ISO text,
//! times as RFC 3339 with their offset (times carry their zone).

use super::StorageError;
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

/// Reads an enumeration stored by its code.
pub fn decode<T>(
    column: &'static str,
    code: &str,
    from_code: fn(&str) -> Option<T>,
) -> Result<T, StorageError> {
    from_code(code).ok_or_else(|| StorageError::Corrupt {
        column,
        value: code.to_string(),
    })
}

/// A date as stored: `2026-11-28`.
pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Reads a stored date.
pub fn parse_date(column: &'static str, text: &str) -> Result<NaiveDate, StorageError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StorageError::Corrupt {
        column,
        value: text.to_string(),
    })
}

/// A time as stored: `2026-11-28T09:30:00+08:00`.
pub fn time_text(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Reads a stored time with its zone.
pub fn parse_time(column: &'static str, text: &str) -> Result<DateTime<FixedOffset>, StorageError> {
    DateTime::parse_from_rfc3339(text).map_err(|_| StorageError::Corrupt {
        column,
        value: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_keep_their_zone_through_text() {
        let t = DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").unwrap();
        assert_eq!(time_text(&t), "2026-11-28T09:30:00+08:00");
        assert_eq!(parse_time("at", &time_text(&t)).unwrap(), t);
        assert!(matches!(
            parse_time("at", "yesterday"),
            Err(StorageError::Corrupt { column: "at", .. })
        ));
    }
}
