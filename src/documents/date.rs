//! Dates as documents write them. GB/T 9704-2012 (党政机关公文格式, §7.3.5.1) writes
//! the date in Arabic numerals with 年月日 and no leading zeros: 2026年11月28日 —
//! replacing the older 二〇二六年十一月二十八日 — so that is what every form prints.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike};

/// 2026-11-28 → 2026年11月28日.
#[must_use]
pub fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// 09:30 → 9时30分; a whole hour → 9时.
#[must_use]
pub fn chinese_time<Tz: TimeZone>(at: &DateTime<Tz>) -> String {
    match at.minute() {
        0 => format!("{}时", at.hour()),
        m => format!("{}时{}分", at.hour(), m),
    }
}

/// 2026-11-30T09:30 → 2026年11月30日9时30分 (in the time's own offset: the room's).
#[must_use]
pub fn chinese_date_time<Tz: TimeZone>(at: &DateTime<Tz>) -> String {
    format!("{}{}", chinese_date(at.date_naive()), chinese_time(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_with_hours_and_minutes_in_the_rooms_offset() {
        let at = |s| DateTime::parse_from_rfc3339(s).unwrap_or_default();
        assert_eq!(
            chinese_date_time(&at("2026-11-30T09:30:00+08:00")),
            "2026年11月30日9时30分"
        );
        assert_eq!(chinese_time(&at("2026-11-30T14:00:00+08:00")), "14时");
        assert_eq!(chinese_time(&at("2026-11-30T00:05:00+08:00")), "0时5分");
    }

    #[test]
    fn dates_are_written_with_year_month_day_and_no_leading_zeros() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(chinese_date(d(2026, 11, 28)), "2026年11月28日");
        assert_eq!(chinese_date(d(2026, 1, 5)), "2026年1月5日");
        assert_eq!(chinese_date(d(2026, 12, 31)), "2026年12月31日");
    }
}
