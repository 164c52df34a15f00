//! What the today screen (今日) holds: today's and tomorrow's sessions — how many each day
//! has, and the window of them read so far —, the performance items and alerts once read,
//! and the selected line. A district's day holds thousands of sessions: 今日 reads the
//! lines on screen and counts the rest, and reads further lines when the selection comes
//! near them (`wanted`), so neither the first screen nor a key waits for lines no one sees.
//! The performance items and the alerts below them are two reads: a first screen full of
//! performance items does not wait for the alerts.

use crate::domain::session::Session;
use crate::storage::CaseAlert;
use chrono::NaiveDate;

/// What the today screen shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TodayView {
    /// The sessions read: today's then tomorrow's, in time order, from `sessions_from` on.
    pub sessions: Vec<Session>,
    /// Where `sessions` starts among all of today's and tomorrow's sessions.
    pub sessions_from: usize,
    /// How many sessions today and tomorrow hold (all of them, read or not).
    pub days: [usize; 2],
    /// The performance items were read (until then no line below the sessions is known).
    pub performance_read: bool,
    /// The alerts were read too (until then no line below the performance items is known).
    pub rest_read: bool,
    /// Cases near or past a deadline, in 今日's order (see `Urgency::today_rank`): the
    /// long overdue last, from `long_from` on.
    pub alerts: Vec<CaseAlert>,
    /// Where the long-overdue alerts start in `alerts` (its length when there are none).
    pub long_from: usize,
    /// The long-overdue alerts are listed one by one (Enter on their line), not only counted.
    pub long_open: bool,
    /// Agreements' performance items due soon or missed, earliest first.
    pub performance: Vec<crate::storage::DueItem>,
    /// Open cases near or past their limit that are not listed (only counted).
    pub more_alerts: u64,
    /// The selected line among sessions then alerts.
    pub selected: usize,
    /// End was pressed before the lines below the sessions were read: the selection goes
    /// to the last line once they are.
    pub to_end: bool,
    /// True until the first answer.
    pub loading: bool,
    /// The day what is held was read for (more of it is read for that day only).
    pub read_for: Option<NaiveDate>,
    /// The day the data shown is current for; `None` once something may have changed
    /// it (another process, a save here, new settings). Coming back to 今日 reads it
    /// again only then, so moving between tabs costs no read.
    pub fresh_for: Option<NaiveDate>,
}

/// Which part of 今日 an answer holds, when it is not the whole of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TodayPart {
    /// How many sessions today and tomorrow hold (all of them).
    pub days: [usize; 2],
    /// Where the sessions read start among today's then tomorrow's.
    pub from: usize,
    /// The performance items and the alerts are in it too.
    pub rest: bool,
}

/// What 今日 still has to read for the lines near the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayRead {
    /// `limit` sessions from the `from`th of today's then tomorrow's.
    Sessions { from: usize, limit: usize },
    /// The performance items.
    Performance,
    /// The alerts (below the performance items).
    Rest,
}

/// A line of the today screen that opens a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodayLine {
    /// A session (index among today's then tomorrow's, read or not).
    Session(usize),
    /// An alert (index into `alerts`).
    Alert(usize),
    /// The line that counts the long-overdue alerts (Enter lists or hides them).
    LongOverdue,
    /// A performance item (index into `performance`).
    Performance(usize),
}

impl TodayView {
    /// How many sessions today and tomorrow hold.
    pub fn session_total(&self) -> usize {
        self.days[0] + self.days[1]
    }

    /// The `i`th of today's then tomorrow's sessions, if it was read.
    pub fn session(&self, i: usize) -> Option<&Session> {
        self.sessions.get(i.checked_sub(self.sessions_from)?)
    }

    /// The alerts are read and known to follow the performance items.
    pub fn alerts_known(&self) -> bool {
        self.performance_read && self.rest_read
    }

    /// How many lines can be selected (those below the sessions only once read).
    pub fn line_count(&self) -> usize {
        if !self.performance_read {
            return self.session_total();
        }
        if !self.rest_read {
            return self.session_total() + self.performance.len();
        }
        let long_from = self.long_from.min(self.alerts.len());
        let long = self.alerts.len() - long_from;
        let listed_long = if self.long_open { long } else { 0 };
        self.session_total()
            + self.performance.len()
            + long_from
            + usize::from(long > 0)
            + listed_long
    }

    /// The `i`th line in screen order.
    pub fn line(&self, i: usize) -> Option<TodayLine> {
        let sessions = self.session_total();
        if i < sessions {
            return Some(TodayLine::Session(i));
        }
        if !self.performance_read {
            return None;
        }
        let i = i - sessions;
        if i < self.performance.len() {
            return Some(TodayLine::Performance(i));
        }
        if !self.rest_read {
            return None;
        }
        let i = i - self.performance.len();
        let long_from = self.long_from.min(self.alerts.len());
        if i < long_from {
            return Some(TodayLine::Alert(i));
        }
        let long = self.alerts.len() - long_from;
        match i - long_from {
            0 if long > 0 => Some(TodayLine::LongOverdue),
            j if self.long_open && long > 0 && j <= long => {
                Some(TodayLine::Alert(long_from + j - 1))
            }
            _ => None,
        }
    }

    /// Every line that can be selected, in screen order.
    pub fn lines(&self) -> Vec<TodayLine> {
        (0..self.line_count())
            .filter_map(|i| self.line(i))
            .collect()
    }

    /// Takes the alerts read for today in 今日's order, the long overdue last.
    pub fn set_alerts(&mut self, mut alerts: Vec<CaseAlert>) {
        alerts.sort_by_key(|a| (a.deadline.urgency.today_rank(), a.deadline.due, a.case_id));
        self.long_from = alerts
            .iter()
            .position(|a| a.deadline.urgency.long_overdue())
            .unwrap_or(alerts.len());
        self.alerts = alerts;
    }

    /// The case the selected line belongs to.
    pub fn selected_case(&self) -> Option<crate::domain::case::CaseId> {
        match self.line(self.selected)? {
            TodayLine::Session(i) => self.session(i).map(|s| s.fields.case_id),
            TodayLine::Alert(i) => self.alerts.get(i).map(|a| a.case_id),
            TodayLine::Performance(i) => self.performance.get(i).map(|p| p.case_id),
            TodayLine::LongOverdue => None,
        }
    }

    /// What must be read so that every line within `rows` lines of the selection is
    /// there: a page of sessions (`3 × rows`, reaching on the way the selection moves, so
    /// that moving on within it reads nothing), and the lines below the sessions once they
    /// come that near. Nothing when all of that was read already.
    pub fn wanted(&self, rows: usize) -> Vec<TodayRead> {
        let rows = rows.max(10);
        let sessions = self.session_total();
        let from = self.selected.saturating_sub(rows);
        let to = self.selected.saturating_add(rows + 1);
        let mut out = Vec::new();
        if from < sessions {
            let (a, b) = (from, to.min(sessions));
            let read = self.sessions_from..self.sessions_from + self.sessions.len();
            if !(read.start <= a && b <= read.end) {
                // The room to spare lies the way the selection moves.
                let limit = 3 * rows + 2;
                let from = if a >= read.start {
                    a
                } else {
                    b.saturating_sub(limit)
                };
                out.push(TodayRead::Sessions { from, limit });
            }
        }
        // The performance items first: the alerts are read once the selection comes near
        // them (or End), when the items are known not to fill what is in sight.
        let near_below = |above: usize| to > above || self.to_end;
        if !self.performance_read {
            if near_below(sessions) {
                out.push(TodayRead::Performance);
            }
        } else if !self.rest_read && near_below(sessions + self.performance.len()) {
            out.push(TodayRead::Rest);
        }
        out
    }
}
