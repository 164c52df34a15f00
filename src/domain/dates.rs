//! Dates as people type them: 2026-11-28, 2026/11/28, 2026.11.28, 20261128, 2026年11月28日,
//! 11-28 (this year), 今天 / 昨天. Pure: "today" is given.

use chrono::{Datelike, Days, NaiveDate};

/// Reads a typed date; `None` if it is not one of the accepted forms or not a real day.
pub fn parse_date_input(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let t = text.trim();
    match t {
        "今天" | "today" => return Some(today),
        "昨天" | "yesterday" => return today.checked_sub_days(Days::new(1)),
        "前天" => return today.checked_sub_days(Days::new(2)),
        _ => {}
    }
    let digits_only = t.chars().all(|c| c.is_ascii_digit());
    if digits_only && t.len() == 8 {
        return NaiveDate::parse_from_str(t, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = t
        .trim_end_matches('日')
        .trim_end_matches('号')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    let num = |s: &str| s.trim().parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if y.trim().len() == 4 => {
            NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)
        }
        [m, d] => NaiveDate::from_ymd_opt(today.year(), num(m)?, num(d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn the_usual_ways_of_writing_a_date_are_understood() {
        let today = d(2026, 11, 28).unwrap();
        for text in [
            "2026-11-03",
            "2026/11/3",
            "2026.11.03",
            "20261103",
            "2026年11月3日",
            "11-03",
            "11月3日",
            " 11/3 ",
        ] {
            assert_eq!(parse_date_input(text, today), d(2026, 11, 3), "{text}");
        }
        assert_eq!(parse_date_input("今天", today), Some(today));
        assert_eq!(parse_date_input("昨天", today), d(2026, 11, 27));
    }

    #[test]
    fn impossible_or_unclear_dates_are_refused() {
        let today = d(2026, 11, 28).unwrap();
        for text in [
            "2026-02-29",
            "2026-13-01",
            "26-11-03",
            "明年",
            "",
            "2026-11",
            "1103",
        ] {
            assert_eq!(parse_date_input(text, today), None, "{text}");
        }
        assert_eq!(parse_date_input("2028-02-29", today), d(2028, 2, 29));
    }
}
