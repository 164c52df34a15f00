//! Dates and times as people type them: 2026-11-28, 2026/11/28, 2026.11.28, 20261128,
//! 2026年11月28日, 11-28 and 12月3日 (this year), 今天 / 昨天 / 明天 / 后天, 下周一…下周日;
//! times 09:30, 9:30, 9点, 9点半, 9点30分, and an end on the next day (次日01:00); the zone
//! typed times are in. Pure: "today" and the zone are given.

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

/// The zone typed times are in: the room's (see `domain::zone`).
pub use super::zone::Zone;

/// 一…日 as the day of a week after 周 (Monday = 0).
const WEEKDAY_NAMES: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

/// Reads a typed date; `None` if it is not one of the accepted forms or not a real day.
pub fn parse_date_input(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let t = text.trim();
    match t {
        "今天" | "today" => return Some(today),
        "昨天" | "yesterday" => return today.checked_sub_days(Days::new(1)),
        "前天" => return today.checked_sub_days(Days::new(2)),
        "明天" | "tomorrow" => return today.checked_add_days(Days::new(1)),
        "后天" => return today.checked_add_days(Days::new(2)),
        _ => {}
    }
    if let Some(day) = next_week_day(t, today) {
        return Some(day);
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

/// 下周一…下周日 (also 下星期一, 下周天): that day of the week after this one, weeks
/// starting on Monday as Chinese calendars do.
fn next_week_day(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let rest = text
        .strip_prefix("下周")
        .or_else(|| text.strip_prefix("下星期"))
        .or_else(|| text.strip_prefix("下礼拜"))?;
    let rest = if rest == "天" { "日" } else { rest };
    let index = WEEKDAY_NAMES.iter().position(|n| *n == rest)? as u64;
    let back = u64::from(today.weekday().num_days_from_monday());
    today
        .checked_sub_days(Days::new(back))?
        .checked_add_days(Days::new(7 + index))
}

/// Reads a typed time of day: 09:30, 9:30, 9：30 (full-width colon), 0930, 9点, 9点半,
/// 9点30分, 9时30分. `None` for anything else or an impossible time.
pub fn parse_time_input(text: &str) -> Option<NaiveTime> {
    let t = text.trim().replace('：', ":");
    let (hour, minute) = if let Some((h, m)) = t.split_once(':') {
        (h.to_string(), m.to_string())
    } else if let Some((h, m)) = t.split_once('点').or_else(|| t.split_once('时')) {
        let m = m.trim_end_matches('分');
        let m = match m {
            "" | "整" => "0",
            "半" => "30",
            other => other,
        };
        (h.to_string(), m.to_string())
    } else if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        (t[..2].to_string(), t[2..].to_string())
    } else {
        return None;
    };
    let ok = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !ok(&hour) || !ok(&minute) {
        return None;
    }
    NaiveTime::from_hms_opt(hour.parse().ok()?, minute.parse().ok()?, 0)
}

/// Words before an end time that put it on the day after the start.
const NEXT_DAY: [&str; 6] = ["次日", "翌日", "第二天", "next day", "next", "+1"];

/// Reads an end time: a time as `parse_time_input` reads it, or one on the next day
/// (次日01:00, 次日 1点, 翌日01:00, +1 01:00). The number is the days after the start (0 or 1).
pub fn parse_end_time_input(text: &str) -> Option<(NaiveTime, u64)> {
    let t = text.trim();
    for word in NEXT_DAY {
        let head = t.get(..word.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(word)) {
            let rest = t.get(word.len()..)?;
            return parse_time_input(rest).map(|time| (time, 1));
        }
    }
    parse_time_input(t).map(|time| (time, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

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

    #[test]
    fn days_ahead_are_understood_in_words() {
        // 2026-11-28 is a Saturday.
        let today = d(2026, 11, 28).unwrap();
        assert_eq!(parse_date_input("明天", today), d(2026, 11, 29));
        assert_eq!(parse_date_input("后天", today), d(2026, 11, 30));
        assert_eq!(parse_date_input("下周一", today), d(2026, 11, 30));
        assert_eq!(parse_date_input("下周日", today), d(2026, 12, 6));
        assert_eq!(parse_date_input("下星期三", today), d(2026, 12, 2));
        assert_eq!(parse_date_input("12月3日", today), d(2026, 12, 3));
        assert_eq!(parse_date_input("12-03", today), d(2026, 12, 3));
        // From a Monday, 下周一 is seven days on, not today.
        let monday = d(2026, 11, 30).unwrap();
        assert_eq!(parse_date_input("下周一", monday), d(2026, 12, 7));
        // Across the year end.
        let eve = d(2026, 12, 31).unwrap();
        assert_eq!(parse_date_input("明天", eve), d(2027, 1, 1));
        assert_eq!(parse_date_input("下周五", eve), d(2027, 1, 8));
        assert_eq!(parse_date_input("下周八", today), None);
    }

    #[test]
    fn times_are_read_in_the_usual_forms() {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        for (text, want) in [
            ("09:30", hm(9, 30)),
            ("9:30", hm(9, 30)),
            ("9：30", hm(9, 30)),
            ("0930", hm(9, 30)),
            ("9点半", hm(9, 30)),
            ("9点", hm(9, 0)),
            ("14点30分", hm(14, 30)),
            ("9时15分", hm(9, 15)),
            ("23:59", hm(23, 59)),
        ] {
            assert_eq!(parse_time_input(text), want, "{text}");
        }
        for text in ["24:00", "9:60", "", "9", "半点", "9:3a", "930", "-1:00"] {
            assert_eq!(parse_time_input(text), None, "{text}");
        }
    }

    #[test]
    fn an_end_may_be_typed_on_the_next_day() {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_end_time_input("11:00"), Some((hm(11, 0), 0)));
        for text in [
            "次日01:00",
            "次日 1点",
            "翌日0100",
            "第二天1:00",
            "+1 01:00",
            "Next day 1:00",
        ] {
            assert_eq!(parse_end_time_input(text), Some((hm(1, 0), 1)), "{text}");
        }
        for text in ["次日", "次日25:00", "后日01:00", "+2 01:00"] {
            assert_eq!(parse_end_time_input(text), None, "{text}");
        }
    }

    #[test]
    fn typed_times_take_the_zone_and_old_beijing_rows_compare_right() {
        let local = d(2026, 11, 28).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let beijing = Zone::beijing().at(local).unwrap();
        assert_eq!(beijing.to_rfc3339(), "2026-11-28T09:00:00+08:00");
        let utc = Zone::utc().at(local).unwrap();
        assert_eq!(utc.to_rfc3339(), "2026-11-28T09:00:00+00:00");
        // A row stored at +08:00 and one typed in UTC are the same instant when they should be.
        let old = DateTime::parse_from_rfc3339("2026-11-28T17:00:00+08:00").unwrap();
        assert_eq!(old, utc);
        assert_eq!(old.timestamp(), utc.timestamp());
    }
}
