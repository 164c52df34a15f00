//! The room's time zone: a fixed offset from UTC (China keeps no summer time, so no zone
//! database is needed), how it is written (`+08:00`) and read, and times put into it.
//! Times are typed, shown and compared in the room's zone whatever the machine's clock
//! says; a stored time keeps its instant. Pure: the clock is read by the caller.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Offset, TimeZone};

/// The farthest a zone lies from UTC (Kiribati keeps +14:00, Baker Island −12:00).
const MAX_SECONDS: i32 = 14 * 3600;

/// A room's time zone: a fixed offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(FixedOffset);

impl Default for Zone {
    /// Beijing time: what a room keeps until it says otherwise.
    fn default() -> Zone {
        Zone::beijing()
    }
}

impl Zone {
    /// UTC+8, the zone all of China keeps.
    pub fn beijing() -> Zone {
        Zone::from_seconds(8 * 3600).unwrap_or(Zone::utc())
    }

    /// UTC itself.
    pub fn utc() -> Zone {
        Zone(FixedOffset::east_opt(0).unwrap_or(chrono::Utc.fix()))
    }

    /// The zone `seconds` east of UTC; `None` past ±14:00.
    pub fn from_seconds(seconds: i32) -> Option<Zone> {
        if seconds.abs() > MAX_SECONDS {
            return None;
        }
        FixedOffset::east_opt(seconds).map(Zone)
    }

    /// Reads an offset as people write it: `+08:00`, `-05:30`, `+8`, `8`, `+0800`,
    /// `UTC+8`, `GMT+08:00` (full-width `＋`, `－`, `：` too). `None` for anything else,
    /// for minutes past 59, or for more than 14 hours either way.
    pub fn parse(text: &str) -> Option<Zone> {
        let t: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '＋' => '+',
                '－' | '−' => '-',
                '：' => ':',
                other => other,
            })
            .collect();
        let upper = t.to_ascii_uppercase();
        let rest = upper
            .strip_prefix("UTC")
            .or_else(|| upper.strip_prefix("GMT"))
            .unwrap_or(&upper)
            .trim();
        let (sign, rest) = match rest.strip_prefix('-') {
            Some(r) => (-1, r),
            None => (1, rest.strip_prefix('+').unwrap_or(rest)),
        };
        let (hours, minutes) = match rest.split_once(':') {
            Some((h, m)) => (h, m),
            None if rest.len() == 4 => rest.split_at(2),
            None => (rest, "0"),
        };
        let number = |s: &str, most: i32| -> Option<i32> {
            let ok = !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
            let n: i32 = if ok { s.parse().ok()? } else { return None };
            (n <= most).then_some(n)
        };
        let seconds = number(hours, 14)? * 3600 + number(minutes, 59)? * 60;
        Zone::from_seconds(sign * seconds)
    }

    /// The offset from UTC.
    pub fn offset(self) -> FixedOffset {
        self.0
    }

    /// Seconds east of UTC.
    pub fn seconds(self) -> i32 {
        self.0.local_minus_utc()
    }

    /// A wall-clock date and time in this zone as an instant with its offset (a fixed
    /// offset has neither gaps nor repeats, so every time exists).
    pub fn at(self, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        self.0.from_local_datetime(&local).single()
    }

    /// The same instant as `t`, as this zone's clock shows it.
    pub fn local<Tz: TimeZone>(self, t: &DateTime<Tz>) -> DateTime<FixedOffset> {
        t.with_timezone(&self.0)
    }
}

impl std::fmt::Display for Zone {
    /// `+08:00`, `-05:30`: how the setting is written and shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.seconds();
        let sign = if s < 0 { '-' } else { '+' };
        let s = s.abs();
        write!(f, "{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn offsets_are_read_as_people_write_them_and_written_one_way() {
        for (text, want) in [
            ("+08:00", "+08:00"),
            ("8", "+08:00"),
            ("+8", "+08:00"),
            (" UTC+8 ", "+08:00"),
            ("gmt+08:00", "+08:00"),
            ("＋08：00", "+08:00"),
            ("+0800", "+08:00"),
            ("-05:30", "-05:30"),
            ("−5:30", "-05:30"),
            ("+05:45", "+05:45"),
            ("0", "+00:00"),
            ("-00:00", "+00:00"),
            ("+14:00", "+14:00"),
            ("-14:00", "-14:00"),
        ] {
            let zone = Zone::parse(text).unwrap_or_else(|| panic!("{text} refused"));
            assert_eq!(zone.to_string(), want, "{text}");
            assert_eq!(
                Zone::parse(&zone.to_string()),
                Some(zone),
                "{text} round trip"
            );
        }
    }

    #[test]
    fn impossible_offsets_are_refused() {
        for text in [
            "",
            "+",
            "北京",
            "+14:01",
            "-15:00",
            "+15",
            "+08:60",
            "+8:5:0",
            "+123",
            "08:0a",
            "++8",
            "Asia/Shanghai",
        ] {
            assert_eq!(Zone::parse(text), None, "{text}");
        }
        assert_eq!(Zone::from_seconds(14 * 3600 + 60), None);
    }

    #[test]
    fn the_default_is_beijing_time() {
        assert_eq!(Zone::default(), Zone::beijing());
        assert_eq!(Zone::default().to_string(), "+08:00");
        assert_eq!(Zone::utc().seconds(), 0);
    }

    #[test]
    fn a_time_keeps_its_instant_and_shows_the_zone_clock() {
        let nine = NaiveDate::from_ymd_opt(2026, 11, 28)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        let typed = Zone::beijing().at(nine).unwrap();
        assert_eq!(typed.to_rfc3339(), "2026-11-28T09:00:00+08:00");
        // The same instant on a room that keeps UTC: 01:00, still the same moment.
        let shown = Zone::utc().local(&typed);
        assert_eq!(shown.to_rfc3339(), "2026-11-28T01:00:00+00:00");
        assert_eq!(shown, typed);
        // Late in the evening in UTC is the next morning in Beijing.
        let late = Zone::utc().at(nine + chrono::Duration::hours(14)).unwrap();
        assert_eq!(
            Zone::beijing().local(&late).date_naive(),
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
        );
    }
}
