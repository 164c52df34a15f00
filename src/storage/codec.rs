//! Row values ↔ domain values: enumerations by their ASCII code, dates as ISO text,
//! times as RFC 3339 with their offset (times carry their zone).

use super::StorageError;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat};

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
    // Written by hand: chrono's `format` parses its pattern on every call, and a screen
    // of 今日 or a bulk write turns thousands of dates into text.
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// Reads a stored date.
pub fn parse_date(column: &'static str, text: &str) -> Result<NaiveDate, StorageError> {
    // The stored form read by hand (chrono parses its pattern on every call); anything
    // else goes through chrono, which says whether it is a date at all.
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .and_then(|_| text.get(r)?.parse::<u32>().ok())
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
        && let Some(day) = NaiveDate::from_ymd_opt(y as i32, m, d)
    {
        return Ok(day);
    }
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
    fn dates_read_and_written_by_hand_are_chronos() {
        for text in ["2026-11-28", "0999-01-01", "2024-02-29"] {
            let day = parse_date("d", text).unwrap();
            assert_eq!(day, NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap());
            assert_eq!(date_text(day), text);
        }
        for bad in ["2026-02-30", "2026/11/28", "20261128xx", "２０２６-11-28"] {
            assert!(parse_date("d", bad).is_err(), "{bad}");
        }
    }

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
