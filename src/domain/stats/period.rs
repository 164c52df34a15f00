//! The period a statistics table covers: a month, a quarter, a year or any range of days,
//! and moving it one step back or forward (the ←/→ keys of the 统计 tab).

use chrono::{Datelike, NaiveDate};

/// What kind of period is shown; ←/→ move by one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
    /// Any days, first and last included; moves by its own length.
    Range,
}

/// A range of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Its kind.
    pub kind: PeriodKind,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Period {
    /// The month holding `day`.
    pub fn month_of(day: NaiveDate) -> Period {
        let from = day.with_day(1).unwrap_or(day);
        Period {
            kind: PeriodKind::Month,
            from,
            to: last_day(from, 1),
        }
    }

    /// The quarter holding `day`.
    pub fn quarter_of(day: NaiveDate) -> Period {
        let month = (day.month0() / 3) * 3 + 1;
        let from = NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day);
        Period {
            kind: PeriodKind::Quarter,
            from,
            to: last_day(from, 3),
        }
    }

    /// The year holding `day`.
    pub fn year_of(day: NaiveDate) -> Period {
        let from = NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day);
        Period {
            kind: PeriodKind::Year,
            from,
            to: last_day(from, 12),
        }
    }

    /// Any days; the ends are put in order.
    pub fn range(a: NaiveDate, b: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::Range,
            from: a.min(b),
            to: a.max(b),
        }
    }

    /// The period of the same kind `steps` periods later (earlier when negative).
    pub fn shifted(self, steps: i32) -> Period {
        let months = match self.kind {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
            PeriodKind::Range => {
                let days = (self.to - self.from).num_days() + 1;
                let shift = chrono::Duration::days(days.saturating_mul(i64::from(steps)));
                return match (
                    self.from.checked_add_signed(shift),
                    self.to.checked_add_signed(shift),
                ) {
                    (Some(from), Some(to)) => Period { from, to, ..self },
                    _ => self,
                };
            }
        };
        let start = add_months(self.from, months * steps).unwrap_or(self.from);
        match self.kind {
            PeriodKind::Month => Period::month_of(start),
            PeriodKind::Quarter => Period::quarter_of(start),
            _ => Period::year_of(start),
        }
    }

    /// The same moment seen as another kind (the period holding its first day).
    pub fn as_kind(self, kind: PeriodKind) -> Period {
        match kind {
            PeriodKind::Month => Period::month_of(self.from),
            PeriodKind::Quarter => Period::quarter_of(self.from),
            PeriodKind::Year => Period::year_of(self.from),
            PeriodKind::Range => Period { kind, ..self },
        }
    }

    /// True if `day` lies in the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

fn add_months(day: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        day.checked_add_months(chrono::Months::new(months.unsigned_abs()))
    } else {
        day.checked_sub_months(chrono::Months::new(months.unsigned_abs()))
    }
}

/// The last day of the `months` months starting at `first`.
fn last_day(first: NaiveDate, months: u32) -> NaiveDate {
    first
        .checked_add_months(chrono::Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_quarters_and_years_have_their_calendar_ends() {
        let m = Period::month_of(d("2024-02-17"));
        assert_eq!((m.from, m.to), (d("2024-02-01"), d("2024-02-29")));
        let q = Period::quarter_of(d("2026-11-28"));
        assert_eq!((q.from, q.to), (d("2026-10-01"), d("2026-12-31")));
        let y = Period::year_of(d("2026-11-28"));
        assert_eq!((y.from, y.to), (d("2026-01-01"), d("2026-12-31")));
    }

    #[test]
    fn periods_move_by_their_own_length() {
        let m = Period::month_of(d("2026-01-31")).shifted(-1);
        assert_eq!((m.from, m.to), (d("2025-12-01"), d("2025-12-31")));
        let q = Period::quarter_of(d("2026-11-28")).shifted(1);
        assert_eq!((q.from, q.to), (d("2027-01-01"), d("2027-03-31")));
        let r = Period::range(d("2026-11-10"), d("2026-11-01")).shifted(1);
        assert_eq!((r.from, r.to), (d("2026-11-11"), d("2026-11-20")));
        let y = Period::month_of(d("2026-11-28")).as_kind(PeriodKind::Year);
        assert_eq!(y.from, d("2026-01-01"));
        assert!(y.contains(d("2026-12-31")) && !y.contains(d("2027-01-01")));
    }
}
