//! What the today screen (今日) holds: today's and tomorrow's sessions — how many each day
//! has, and the window of them read so far —, the performance items and alerts once read,
//! and the selected line. A district's day holds thousands of sessions: 今日 reads the
//! lines on screen and counts the rest, and reads further lines when the selection comes
//! near them (`wanted`), so neither the first screen nor a key waits for lines no one sees.
//! The performance items and the alerts below them are two reads: a first screen full of
//! performance items does not wait for the alerts. The alerts too come a screen first: the
//! first lines above the long overdue and the counts the screen shows (`AlertsHead`), all
//! of them once the selection comes near the lines not read or the long overdue are opened.

use crate::domain::deadlines::{DeadlineKind, Urgency};
use crate::domain::session::Session;
use crate::storage::{AlertsHead, CaseAlert};
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
    /// first of those above the long overdue until `alerts_whole`, then all of them, the
    /// long overdue last, from `long_from` on.
    pub alerts: Vec<CaseAlert>,
    /// All the alerts were read (not only the first screen's).
    pub alerts_whole: bool,
    /// How many alerts are above the long overdue (read or not): where the long overdue
    /// start in `alerts` once all are read.
    pub long_from: usize,
    /// The urgencies of the alerts above the long overdue, each once.
    pub urgencies: Vec<Urgency>,
    /// The long overdue, counted by kind.
    pub long_kinds: Vec<(DeadlineKind, u64)>,
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
    /// The first screen of the alerts (below the performance items), with their counts.
    Rest,
    /// All the alerts (the lines past the first screen's, the long overdue).
    Alerts,
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

    /// How many long-overdue alerts their line counts.
    pub fn long_total(&self) -> usize {
        self.long_kinds.iter().map(|(_, n)| *n as usize).sum()
    }

    /// How many alerts are listed (the long overdue once opened).
    pub fn alert_total(&self) -> usize {
        self.long_from + self.long_total()
    }

    /// How many lines can be selected (those below the sessions only once read).
    pub fn line_count(&self) -> usize {
        if !self.performance_read {
            return self.session_total();
        }
        if !self.rest_read {
            return self.session_total() + self.performance.len();
        }
        let long_from = self.long_from;
        let long = self.long_total();
        let listed_long = if self.long_open && self.alerts_whole {
            long
        } else {
            0
        };
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
        let long_from = self.long_from;
        if i < long_from {
            return Some(TodayLine::Alert(i));
        }
        let long = self.long_total();
        match i - long_from {
            0 if long > 0 => Some(TodayLine::LongOverdue),
            j if self.long_open && self.alerts_whole && long > 0 && j <= long => {
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

    /// Takes all the alerts read for today, put in 今日's order, the long overdue last.
    pub fn set_alerts(&mut self, alerts: Vec<CaseAlert>, more: u64) {
        let (head, all) = AlertsHead::of(alerts, more, 0);
        self.set_head(head);
        self.alerts = all;
        self.more_alerts = more;
        self.alerts_whole = true;
    }

    /// Takes the first screen of today's alerts and the counts it shows.
    pub fn set_head(&mut self, head: AlertsHead) {
        self.long_from = head.near;
        self.urgencies = head.urgencies;
        self.long_kinds = head.long;
        self.more_alerts = head.more.unwrap_or(0);
        self.alerts = head.alerts;
        self.alerts_whole = false;
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
        } else if self.alerts_known() && !self.alerts_whole {
            // The lines in sight past those read, or the long overdue opened.
            let read = sessions + self.performance.len() + self.alerts.len();
            let unread = self.alerts.len() < self.long_from && to > read;
            if unread || self.long_open {
                out.push(TodayRead::Alerts);
            }
        }
        out
    }
}
