//! Time limits and what is near or past them on a given day: 30 days for an ordinary case,
//! the court's limit for court referrals, a 24-hour feedback for police referrals, the
//! 30-day window for judicial confirmation, the first follow-up visit after an agreement.
//! As in Chinese procedure, the day a period starts is not counted: a 30-day limit from
//! 11-01 ends at the close of 12-01. Every limit is a setting; these are the defaults. Pure.

use super::source::Source;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

/// Police feedback is watched for cases received this many days ago or later; after that
/// the case limit speaks for it.
pub const FEEDBACK_WATCH_DAYS: u64 = 3;

/// The limits a room works to (all in settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Ordinary cases: "generally within one month".
    pub ordinary_days: u32,
    /// Court 委派/委托 (委派 30 days; 委托 15, or 7 in simple procedure — set per room).
    pub court_days: u32,
    /// Police referrals: feedback to the station within this many hours.
    pub police_feedback_hours: u32,
    /// Petition office referrals: answered within 60 days.
    pub petition_days: u32,
    /// 司法确认 must be applied for within 30 days of the agreement.
    pub confirmation_days: u32,
    /// The first follow-up visit falls due this many days after an agreement.
    pub first_follow_up_days: u32,
    /// A limit this many days ahead (or fewer) is shown as near.
    pub near_days: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            ordinary_days: 30,
            court_days: 30,
            police_feedback_hours: 24,
            petition_days: 60,
            confirmation_days: 30,
            first_follow_up_days: 15,
            near_days: 3,
        }
    }
}

impl Limits {
    /// The setting keys and values, in the order 设置 lists them.
    pub fn entries(&self) -> [(&'static str, u32); 7] {
        [
            ("limit.ordinary_days", self.ordinary_days),
            ("limit.court_days", self.court_days),
            ("limit.police_feedback_hours", self.police_feedback_hours),
            ("limit.petition_days", self.petition_days),
            ("limit.confirmation_days", self.confirmation_days),
            ("limit.first_follow_up_days", self.first_follow_up_days),
            ("limit.near_days", self.near_days),
        ]
    }

    /// Sets the limit named by a setting key; false if the key is not a limit.
    pub fn set(&mut self, key: &str, value: u32) -> bool {
        let slot = match key {
            "limit.ordinary_days" => &mut self.ordinary_days,
            "limit.court_days" => &mut self.court_days,
            "limit.police_feedback_hours" => &mut self.police_feedback_hours,
            "limit.petition_days" => &mut self.petition_days,
            "limit.confirmation_days" => &mut self.confirmation_days,
            "limit.first_follow_up_days" => &mut self.first_follow_up_days,
            "limit.near_days" => &mut self.near_days,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The last day for finishing a case received on `received_on` from `source`.
    pub fn case_due(&self, received_on: NaiveDate, source: Source) -> Option<NaiveDate> {
        let days = match source {
            Source::Court => self.court_days,
            Source::Petition => self.petition_days,
            _ => self.ordinary_days,
        };
        add_days(received_on, days)
    }

    /// The day a police station expects feedback; hours are rounded up to whole days
    /// because the case log keeps the day received, not the hour.
    pub fn police_feedback_due(&self, received_on: NaiveDate) -> Option<NaiveDate> {
        add_days(received_on, self.police_feedback_hours.div_ceil(24))
    }

    /// The moment a police station expects feedback on a case registered at
    /// `registered_at`: the limit is in hours, so it ends at an hour (`12-08 14:20`).
    pub fn police_feedback_due_at(&self, registered_at: NaiveDateTime) -> Option<NaiveDateTime> {
        registered_at.checked_add_signed(chrono::Duration::hours(i64::from(
            self.police_feedback_hours,
        )))
    }

    /// The last day to apply for judicial confirmation of an agreement made on `agreed_on`.
    pub fn confirmation_due(&self, agreed_on: NaiveDate) -> Option<NaiveDate> {
        add_days(agreed_on, self.confirmation_days)
    }

    /// When the first follow-up visit falls due after an agreement.
    pub fn first_follow_up_due(&self, agreed_on: NaiveDate) -> Option<NaiveDate> {
        add_days(agreed_on, self.first_follow_up_days)
    }

    /// How `due` looks from `today`.
    pub fn urgency(&self, due: NaiveDate, today: NaiveDate) -> Urgency {
        let left = (due - today).num_days();
        if left < 0 {
            Urgency::Overdue(left.unsigned_abs())
        } else if left == 0 {
            Urgency::DueToday
        } else if left <= i64::from(self.near_days) {
            Urgency::Near(left as u64)
        } else {
            Urgency::Later(left as u64)
        }
    }
}

fn add_days(day: NaiveDate, days: u32) -> Option<NaiveDate> {
    day.checked_add_days(Days::new(u64::from(days)))
}

/// How close a limit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Past by this many days.
    Overdue(u64),
    /// The last day is today.
    DueToday,
    /// This many days left, within the near window.
    Near(u64),
    /// Further off.
    Later(u64),
}

/// Past its limit by more than this many days, an alert is no longer news: 今日 counts
/// such alerts in one line (opened on request), so that what falls due today is not
/// pushed off the screen by cases late for months.
pub const LONG_OVERDUE_DAYS: u64 = 7;

impl Urgency {
    /// Worth a line on the today screen.
    pub fn needs_attention(self) -> bool {
        !matches!(self, Urgency::Later(_))
    }

    /// Past its limit by more than [`LONG_OVERDUE_DAYS`].
    pub fn long_overdue(self) -> bool {
        matches!(self, Urgency::Overdue(n) if n > LONG_OVERDUE_DAYS)
    }

    /// Where 今日 lists it (lower first): what ends today, then what ends within the next
    /// day (the police's 24 hours), then what is a few days late (least late first), then
    /// what ends in a few days, then the long overdue (most recent first).
    pub fn today_rank(self) -> (u8, u64) {
        match self {
            Urgency::DueToday => (0, 0),
            Urgency::Near(1) => (1, 1),
            Urgency::Overdue(n) if n <= LONG_OVERDUE_DAYS => (2, n),
            Urgency::Near(n) => (3, n),
            Urgency::Later(n) => (4, n),
            Urgency::Overdue(n) => (5, n),
        }
    }
}

/// The due days of 今日's bands above the long overdue (today, tomorrow, each of the last
/// [`LONG_OVERDUE_DAYS`] days, the rest of the near window), in 今日's order
/// ([`Urgency::today_rank`]): each band is one due day, so 今日 reads its alerts a day at a
/// time in this order and a screen needs only the first days.
pub fn near_due_days(limits: &Limits, today: NaiveDate) -> Vec<NaiveDate> {
    let back = i64::try_from(LONG_OVERDUE_DAYS).unwrap_or(i64::MAX);
    let mut days: Vec<NaiveDate> = (-back..=i64::from(limits.near_days))
        .filter_map(|n| today.checked_add_signed(chrono::Duration::days(n)))
        .collect();
    days.sort_by_key(|d| limits.urgency(*d, today).today_rank());
    days
}

/// The last due day of a limit past by more than [`LONG_OVERDUE_DAYS`] on `today`.
pub fn long_overdue_through(today: NaiveDate) -> NaiveDate {
    days_before(today, LONG_OVERDUE_DAYS + 1)
}

/// The day a limit of `days` started on, if it falls due on `due`.
pub fn started_on(due: NaiveDate, days: u32) -> NaiveDate {
    days_before(due, u64::from(days))
}

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineKind {
    /// Finishing the case (its limit by source).
    CaseLimit,
    /// Feedback to the referring police station.
    PoliceFeedback,
    /// Applying for judicial confirmation of the agreement.
    Confirmation,
    /// The first follow-up visit after the agreement.
    FollowUp,
}

/// One deadline of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// What it is about.
    pub kind: DeadlineKind,
    /// The last day.
    pub due: NaiveDate,
    /// The time on that day, for a limit counted in hours (the police's 24 hours).
    pub at: Option<NaiveTime>,
    /// How close it is on the day asked.
    pub urgency: Urgency,
}

/// What the today screen knows of a case, to find its deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseClock {
    /// 收案日期.
    pub received_on: NaiveDate,
    /// Where it came from.
    pub source: Source,
    /// Still being worked on (not closed).
    pub open: bool,
    /// The day of its agreement, if it succeeded.
    pub agreed_on: Option<NaiveDate>,
    /// When it was registered (the room's wall clock): an hours limit runs from then.
    pub registered_at: Option<NaiveDateTime>,
    /// A follow-up visit is already recorded.
    pub followed_up: bool,
}

/// The deadlines of a case that need attention on `today`, most urgent first.
pub fn attention(clock: &CaseClock, limits: &Limits, today: NaiveDate) -> Vec<Deadline> {
    let mut out = Vec::new();
    let mut add_at = |kind, due: Option<NaiveDate>, at: Option<NaiveTime>| {
        out.extend(needing_attention(kind, due, at, limits, today));
    };
    if clock.open {
        add_at(
            DeadlineKind::CaseLimit,
            limits.case_due(clock.received_on, clock.source),
            None,
        );
        // Feedback is owed only in the first days; later the case limit speaks for it.
        if clock.source == Source::Police
            && clock.received_on >= days_before(today, FEEDBACK_WATCH_DAYS)
        {
            // Hours run from the registration when it was on the day received; a case
            // entered later (received days before) keeps the whole-day reckoning.
            let at = clock
                .registered_at
                .filter(|r| r.date() == clock.received_on)
                .and_then(|r| limits.police_feedback_due_at(r));
            match at {
                Some(at) => add_at(
                    DeadlineKind::PoliceFeedback,
                    Some(at.date()),
                    Some(at.time()),
                ),
                None => add_at(
                    DeadlineKind::PoliceFeedback,
                    limits.police_feedback_due(clock.received_on),
                    None,
                ),
            }
        }
    }
    if let Some(agreed) = clock.agreed_on {
        out.extend(agreement_attention(
            agreed,
            clock.followed_up,
            limits,
            today,
        ));
    }
    out.sort_by_key(|d| d.urgency);
    out
}

/// The deadlines of an agreement made on `agreed` that need attention on `today`: the
/// confirmation window, and the first visit unless one was made (what `attention` adds
/// for a case that succeeded; nothing else of the case counts).
pub fn agreement_attention(
    agreed: NaiveDate,
    followed_up: bool,
    limits: &Limits,
    today: NaiveDate,
) -> Vec<Deadline> {
    let mut out = Vec::new();
    let mut add = |kind, due: Option<NaiveDate>| {
        out.extend(needing_attention(kind, due, None, limits, today));
    };
    add(DeadlineKind::Confirmation, limits.confirmation_due(agreed));
    if !followed_up {
        add(DeadlineKind::FollowUp, limits.first_follow_up_due(agreed));
    }
    out.sort_by_key(|d| d.urgency);
    out
}

/// The deadline of `kind` due on `due` (at `at`), if it has a day and needs attention
/// on `today`.
fn needing_attention(
    kind: DeadlineKind,
    due: Option<NaiveDate>,
    at: Option<NaiveTime>,
    limits: &Limits,
    today: NaiveDate,
) -> Option<Deadline> {
    let due = due?;
    let urgency = limits.urgency(due, today);
    urgency.needs_attention().then_some(Deadline {
        kind,
        due,
        at,
        urgency,
    })
}

fn days_before(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(n)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// 今日's bands above the long overdue are one due day each, in the order 今日 lists
    /// them: due today, tomorrow, the last seven days (least late first), then the rest
    /// of the near window.
    #[test]
    fn the_bands_above_the_long_overdue_are_one_due_day_each_in_todays_order() {
        let days: Vec<String> = near_due_days(&Limits::default(), d("2026-12-08"))
            .iter()
            .map(|d| d.format("%m-%d").to_string())
            .collect();
        assert_eq!(
            days,
            [
                "12-08", "12-09", "12-07", "12-06", "12-05", "12-04", "12-03", "12-02", "12-01",
                "12-10", "12-11"
            ]
        );
        let limits = Limits::default();
        let today = d("2026-12-08");
        assert!(
            !limits
                .urgency(long_overdue_through(today).succ_opt().unwrap(), today)
                .long_overdue()
        );
        assert!(
            limits
                .urgency(long_overdue_through(today), today)
                .long_overdue()
        );
        assert_eq!(started_on(d("2026-12-08"), 30), d("2026-11-08"));
    }

    /// Issue 14: on 今日 the police's 24-hour feedback came below dozens of long-overdue
    /// cases (`已超期932天`). Due today and tomorrow come first; the long overdue last.
    #[test]
    fn today_lists_what_ends_today_and_tomorrow_first_and_the_long_overdue_last() {
        let mut all = vec![
            Urgency::Overdue(932),
            Urgency::Overdue(2),
            Urgency::Near(3),
            Urgency::Near(1),
            Urgency::Overdue(8),
            Urgency::DueToday,
            Urgency::Overdue(7),
        ];
        all.sort_by_key(|u| u.today_rank());
        assert_eq!(
            all,
            [
                Urgency::DueToday,
                Urgency::Near(1),
                Urgency::Overdue(2),
                Urgency::Overdue(7),
                Urgency::Near(3),
                Urgency::Overdue(8),
                Urgency::Overdue(932),
            ]
        );
        assert!(Urgency::Overdue(8).long_overdue() && !Urgency::Overdue(7).long_overdue());
    }

    #[test]
    fn limits_cross_month_and_year_ends_and_the_leap_day() {
        let l = Limits::default();
        assert_eq!(
            l.case_due(d("2026-11-01"), Source::Application),
            Some(d("2026-12-01"))
        );
        assert_eq!(
            l.case_due(d("2026-12-15"), Source::Initiative),
            Some(d("2027-01-14"))
        );
        assert_eq!(
            l.case_due(d("2028-01-30"), Source::Court),
            Some(d("2028-02-29"))
        );
        assert_eq!(
            l.case_due(d("2027-01-30"), Source::Court),
            Some(d("2027-03-01"))
        );
        assert_eq!(
            l.case_due(d("2026-11-01"), Source::Petition),
            Some(d("2026-12-31"))
        );
        assert_eq!(
            l.police_feedback_due(d("2026-12-31")),
            Some(d("2027-01-01"))
        );
        assert_eq!(l.confirmation_due(d("2028-02-29")), Some(d("2028-03-30")));
        let court_entrusted = Limits {
            court_days: 15,
            ..l
        };
        assert_eq!(
            court_entrusted.case_due(d("2026-11-20"), Source::Court),
            Some(d("2026-12-05"))
        );
    }

    #[test]
    fn a_limit_reached_exactly_today_is_due_not_past() {
        let l = Limits::default();
        let today = d("2026-11-28");
        assert_eq!(l.urgency(d("2026-11-28"), today), Urgency::DueToday);
        assert_eq!(l.urgency(d("2026-11-27"), today), Urgency::Overdue(1));
        assert_eq!(l.urgency(d("2026-12-01"), today), Urgency::Near(3));
        assert_eq!(l.urgency(d("2026-12-02"), today), Urgency::Later(4));
        assert!(Urgency::Overdue(9) < Urgency::DueToday);
        assert!(Urgency::DueToday < Urgency::Near(1));
    }

    #[test]
    fn the_police_case_on_day_27_of_30_is_near() {
        let l = Limits::default();
        let clock = CaseClock {
            received_on: d("2026-11-01"),
            source: Source::Police,
            open: true,
            agreed_on: None,
            followed_up: false,
            registered_at: None,
        };
        let got = attention(&clock, &l, d("2026-11-28"));
        assert_eq!(
            got,
            vec![Deadline {
                kind: DeadlineKind::CaseLimit,
                due: d("2026-12-01"),
                at: None,
                urgency: Urgency::Near(3)
            }]
        );
        let fresh = CaseClock {
            received_on: d("2026-11-27"),
            ..clock
        };
        let got = attention(&fresh, &l, d("2026-11-28"));
        assert_eq!(got[0].kind, DeadlineKind::PoliceFeedback);
        assert_eq!(got[0].urgency, Urgency::DueToday);
        let closed = CaseClock {
            open: false,
            ..clock
        };
        assert!(attention(&closed, &l, d("2026-12-20")).is_empty());
    }

    /// Issue 14: the police's limit is in hours, so it ends at an hour, not a day.
    #[test]
    fn police_feedback_ends_24_hours_after_registration() {
        let l = Limits::default();
        let registered = d("2026-12-07").and_hms_opt(14, 20, 0).unwrap();
        let clock = CaseClock {
            received_on: d("2026-12-07"),
            source: Source::Police,
            open: true,
            agreed_on: None,
            followed_up: false,
            registered_at: Some(registered),
        };
        let got = attention(&clock, &l, d("2026-12-07"));
        let feedback = got
            .iter()
            .find(|x| x.kind == DeadlineKind::PoliceFeedback)
            .unwrap();
        assert_eq!(
            (feedback.due, feedback.at, feedback.urgency),
            (
                d("2026-12-08"),
                NaiveTime::from_hms_opt(14, 20, 0),
                Urgency::Near(1)
            )
        );
        // Entered a day after it was received: the whole-day reckoning, no hour.
        let late = CaseClock {
            registered_at: Some(d("2026-12-08").and_hms_opt(9, 0, 0).unwrap()),
            ..clock
        };
        let got = attention(&late, &l, d("2026-12-08"));
        let feedback = got
            .iter()
            .find(|x| x.kind == DeadlineKind::PoliceFeedback)
            .unwrap();
        assert_eq!((feedback.due, feedback.at), (d("2026-12-08"), None));
    }

    #[test]
    fn an_agreement_watches_confirmation_and_the_first_visit() {
        let l = Limits::default();
        let clock = CaseClock {
            received_on: d("2026-10-01"),
            source: Source::Application,
            open: false,
            agreed_on: Some(d("2026-11-01")),
            followed_up: false,
            registered_at: None,
        };
        let got = attention(&clock, &l, d("2026-11-29"));
        let kinds: Vec<_> = got.iter().map(|x| (x.kind, x.urgency)).collect();
        assert_eq!(
            kinds,
            vec![
                (DeadlineKind::FollowUp, Urgency::Overdue(13)),
                (DeadlineKind::Confirmation, Urgency::Near(2)),
            ]
        );
        let visited = CaseClock {
            followed_up: true,
            ..clock
        };
        assert_eq!(attention(&visited, &l, d("2026-11-29")).len(), 1);
    }

    #[test]
    fn settings_name_every_limit() {
        let mut l = Limits::default();
        for (key, _) in Limits::default().entries() {
            assert!(l.set(key, 7), "{key}");
        }
        assert!(l.entries().iter().all(|(_, v)| *v == 7));
        assert!(!l.set("limit.unknown", 1));
    }
}
