//! What the schedule tab holds (今日's own state is `today_view`, named here too): the
//! sessions read for it, the agenda's span (a day, a week or any range up to a quarter) or the
//! month's cursor, the filters, and the range form while it is open.

use crate::domain::follow_up::Place;
use crate::domain::org::MediatorId;
use crate::domain::session::Session;
use crate::storage::SessionFilter;
use chrono::{Datelike, Days, Months, NaiveDate};

pub use super::today_view::{TodayLine, TodayView};

/// How the schedule tab shows its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScheduleMode {
    /// A list of sessions, one day or one week.
    #[default]
    Agenda,
    /// A month grid with how many sessions each day holds.
    Month,
}

/// How many days the agenda shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgendaSpan {
    /// The cursor's day.
    #[default]
    Day,
    /// The cursor's week, Monday to Sunday.
    Week,
    /// Any range typed with F9: this many days from the cursor (1 ..= `MAX_RANGE_DAYS`).
    Range(u16),
}

/// The longest range the agenda shows at once: about a quarter. The agenda reads every
/// session of its range in one query, so the range is kept bounded; the month view
/// counts longer stretches.
pub const MAX_RANGE_DAYS: u16 = 93;

/// Why a typed range is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeRefusal {
    /// The last day is before the first.
    Backwards,
    /// Longer than `MAX_RANGE_DAYS` (it has this many days).
    TooLong(i64),
}

/// The span of the days `from` to `to` (both shown), or why it is refused.
pub fn range_span(from: NaiveDate, to: NaiveDate) -> Result<AgendaSpan, RangeRefusal> {
    let days = (to - from).num_days().saturating_add(1);
    if days < 1 {
        return Err(RangeRefusal::Backwards);
    }
    match u16::try_from(days) {
        Ok(n) if n <= MAX_RANGE_DAYS => Ok(AgendaSpan::Range(n)),
        _ => Err(RangeRefusal::TooLong(days)),
    }
}

impl AgendaSpan {
    /// How many days ←/→ move the agenda: its own length.
    pub fn step(self) -> i64 {
        match self {
            AgendaSpan::Day => 1,
            AgendaSpan::Week => 7,
            AgendaSpan::Range(n) => i64::from(n.max(1)),
        }
    }
}

/// The schedule tab.
#[derive(Debug, Clone, Default)]
pub struct ScheduleView {
    /// Agenda or month.
    pub mode: ScheduleMode,
    /// Day or week (agenda).
    pub span: AgendaSpan,
    /// The day in focus (`None` until the tab is first opened: then it is today).
    pub cursor: Option<NaiveDate>,
    /// Mediator and room filters.
    pub filter: SessionFilter,
    /// The agenda's sessions.
    pub sessions: Vec<Session>,
    /// The month's counts per day.
    pub counts: Vec<(NaiveDate, u32)>,
    /// Selected agenda row.
    pub selected: usize,
    /// The room's places (for the room filter and the session form).
    pub places: Vec<Place>,
    /// The first and last day being typed (F9), while open.
    pub range_form: Option<crate::app::form::Form>,
}

impl ScheduleView {
    /// The first and last day on screen for the cursor `day`.
    pub fn range(&self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        match (self.mode, self.span) {
            (ScheduleMode::Agenda, AgendaSpan::Day) => (day, day),
            (ScheduleMode::Agenda, AgendaSpan::Week) => week_of(day),
            (ScheduleMode::Agenda, AgendaSpan::Range(n)) => {
                (day, add_days(day, i64::from(n.max(1)) - 1))
            }
            (ScheduleMode::Month, _) => month_grid(day),
        }
    }

    /// How many sessions `day` holds (month view).
    pub fn count(&self, day: NaiveDate) -> u32 {
        self.counts
            .iter()
            .find(|(d, _)| *d == day)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }

    /// The next mediator filter: none, then each active mediator in turn.
    pub fn next_mediator(&self, active: &[MediatorId]) -> Option<MediatorId> {
        next_in(self.filter.mediator.as_ref(), active)
    }

    /// The next room filter: none, then each of the room's own rooms in turn.
    pub fn next_place(&self) -> Option<String> {
        let rooms: Vec<String> = self
            .places
            .iter()
            .filter(|p| p.is_room)
            .map(|p| p.name.clone())
            .collect();
        next_in(self.filter.place.as_ref(), &rooms)
    }
}

fn next_in<T: Clone + PartialEq>(current: Option<&T>, all: &[T]) -> Option<T> {
    match current.and_then(|c| all.iter().position(|x| x == c)) {
        None => all.first().cloned(),
        Some(i) => all.get(i + 1).cloned(),
    }
}

/// Monday to Sunday of the week holding `day`.
pub fn week_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let back = u64::from(day.weekday().num_days_from_monday());
    let monday = day.checked_sub_days(Days::new(back)).unwrap_or(day);
    (
        monday,
        monday.checked_add_days(Days::new(6)).unwrap_or(monday),
    )
}

/// The first of `day`'s month.
pub fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The six Monday-first weeks that show `day`'s month.
pub fn month_grid(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let (first, _) = week_of(month_start(day));
    (
        first,
        first.checked_add_days(Days::new(41)).unwrap_or(first),
    )
}

/// `day` moved by whole months, kept inside the target month (01-31 + 1 month = 02-28).
pub fn add_months(day: NaiveDate, forward: bool) -> NaiveDate {
    let moved = if forward {
        day.checked_add_months(Months::new(1))
    } else {
        day.checked_sub_months(Months::new(1))
    };
    moved.unwrap_or(day)
}

/// `day` moved by `n` days (clamped at the calendar's ends).
pub fn add_days(day: NaiveDate, n: i64) -> NaiveDate {
    let moved = if n >= 0 {
        day.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    moved.unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_months_fill_six_weeks() {
        assert_eq!(week_of(d("2026-11-28")), (d("2026-11-23"), d("2026-11-29")));
        assert_eq!(week_of(d("2026-11-30")), (d("2026-11-30"), d("2026-12-06")));
        assert_eq!(
            month_grid(d("2026-11-28")),
            (d("2026-10-26"), d("2026-12-06"))
        );
        assert_eq!(
            month_grid(d("2028-02-29")),
            (d("2028-01-31"), d("2028-03-12"))
        );
        assert_eq!(add_months(d("2026-01-31"), true), d("2026-02-28"));
        assert_eq!(add_months(d("2026-01-15"), false), d("2025-12-15"));
        assert_eq!(add_days(d("2026-12-31"), 1), d("2027-01-01"));
        assert_eq!(add_days(d("2026-03-01"), -1), d("2026-02-28"));
    }

    #[test]
    fn a_range_is_in_order_and_at_most_a_quarter_long() {
        assert_eq!(
            range_span(d("2026-11-28"), d("2026-11-28")),
            Ok(AgendaSpan::Range(1))
        );
        assert_eq!(
            range_span(d("2026-12-01"), d("2026-11-30")),
            Err(RangeRefusal::Backwards)
        );
        // 2026-12-01 .. 2027-03-03 is 93 days; one more is refused.
        assert_eq!(
            range_span(d("2026-12-01"), d("2027-03-03")),
            Ok(AgendaSpan::Range(93))
        );
        assert_eq!(
            range_span(d("2026-12-01"), d("2027-03-04")),
            Err(RangeRefusal::TooLong(94))
        );
        assert_eq!(
            range_span(d("2000-01-01"), d("2099-01-01")),
            Err(RangeRefusal::TooLong(36_161))
        );
        let s = ScheduleView {
            span: AgendaSpan::Range(31),
            ..Default::default()
        };
        assert_eq!(
            s.range(d("2028-02-15")),
            (d("2028-02-15"), d("2028-03-16")),
            "across the leap day"
        );
        assert_eq!(AgendaSpan::Range(31).step(), 31);
    }

    #[test]
    fn filters_cycle_through_none_and_each_choice() {
        let all = [MediatorId(1), MediatorId(2)];
        let mut s = ScheduleView::default();
        let mut seen = Vec::new();
        for _ in 0..3 {
            s.filter.mediator = s.next_mediator(&all);
            seen.push(s.filter.mediator);
        }
        assert_eq!(seen, vec![Some(MediatorId(1)), Some(MediatorId(2)), None]);
        s.places = Place::defaults();
        assert_eq!(s.next_place(), Some("调解室".to_string()));
        s.filter.place = s.next_place();
        assert_eq!(s.next_place(), None);
    }
}
