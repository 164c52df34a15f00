//! Dates as documents write them. GB/T 9704-2012 (党政机关公文格式, §7.3.5.1) writes
//! the date in Arabic numerals with 年月日 and no leading zeros: 2026年11月28日 —
//! replacing the older 二〇二六年十一月二十八日 — so that is what every form prints.

use chrono::{Datelike, NaiveDate};

/// 2026-11-28 → 2026年11月28日.
#[must_use]
pub fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_with_year_month_day_and_no_leading_zeros() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(chinese_date(d(2026, 11, 28)), "2026年11月28日");
        assert_eq!(chinese_date(d(2026, 1, 5)), "2026年1月5日");
        assert_eq!(chinese_date(d(2026, 12, 31)), "2026年12月31日");
    }
}
