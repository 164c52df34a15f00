//! 今日's alerts a screen at a time: the first lines above the long overdue and the
//! counts the screen shows (how many lines, which urgencies, the long overdue by kind),
//! read before the first frame without reading every watched agreement and open case.
//!
//! Each band above the long overdue is one due day (`near_due_days`), and each kind's due
//! day is a fixed offset from an indexed day: the day received for a case limit (the
//! partial index `cases_open_by_received`, one day per source), the effective day for an
//! agreement (`agreement_alert_days`, migration 026). So the first lines are read a due
//! day at a time in 今日's order, each day in case order, until the screen is full.

use super::{
    AGREED_COLUMNS, AGREED_LABELS, BY_RECEIVED, CaseAlert, Cutoffs, NEAR, OPEN, OPEN_COLUMNS,
    agreed_alerts, row_alerts, watched_from,
};
use crate::domain::deadlines::{
    DeadlineKind, Limits, Urgency, long_overdue_through, near_due_days, started_on,
};
use crate::domain::org::OrgId;
use crate::domain::source::Source;
use crate::storage::codec::{date_text, decode, parse_date};
use crate::storage::{StorageError, Store};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

/// What 今日 shows of its alerts before any line past its first screen is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertsHead {
    /// The first alerts above the long overdue, in 今日's order.
    pub alerts: Vec<CaseAlert>,
    /// How many alerts there are above the long overdue (read or not).
    pub near: usize,
    /// The urgencies those alerts have, each once, in 今日's order.
    pub urgencies: Vec<Urgency>,
    /// The long-overdue alerts listed once their line is opened, counted by kind (in the
    /// kinds' order; none zero).
    pub long: Vec<(DeadlineKind, u64)>,
    /// Open cases long overdue that are not listed (only counted); counted only when
    /// their line can be on the first screen (fewer than the `n` lines asked for above the
    /// long overdue): counting every forgotten case was most of this read.
    pub more: Option<u64>,
}

/// The kinds in the order the long-overdue line counts them.
const KINDS: [DeadlineKind; 4] = [
    DeadlineKind::CaseLimit,
    DeadlineKind::PoliceFeedback,
    DeadlineKind::Confirmation,
    DeadlineKind::FollowUp,
];

impl AlertsHead {
    /// The head of every alert (`all`, as `case_alerts_first` reads them, `more` not
    /// listed): what the first `n` lines and the counts are once everything is read.
    /// 今日 shows the same screen from either.
    pub fn of(mut all: Vec<CaseAlert>, more: u64, n: usize) -> (AlertsHead, Vec<CaseAlert>) {
        sort_for_today(&mut all);
        let near = all
            .iter()
            .position(|a| a.deadline.urgency.long_overdue())
            .unwrap_or(all.len());
        let mut urgencies: Vec<Urgency> = Vec::new();
        for a in &all[..near] {
            if urgencies.last() != Some(&a.deadline.urgency) {
                urgencies.push(a.deadline.urgency);
            }
        }
        let long = KINDS
            .iter()
            .map(|k| {
                let n = all[near..].iter().filter(|a| a.deadline.kind == *k).count();
                (*k, n as u64)
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        let head = AlertsHead {
            alerts: all[..near.min(n)].to_vec(),
            near,
            urgencies,
            long,
            more: (near < n).then_some(more),
        };
        (head, all)
    }

    /// How many long-overdue alerts are listed once their line is opened.
    pub fn long_total(&self) -> usize {
        self.long.iter().map(|(_, n)| *n as usize).sum()
    }
}

/// 今日's order: by `Urgency::today_rank`, then due day, case and kind.
pub fn sort_for_today(alerts: &mut [CaseAlert]) {
    alerts.sort_by_key(|a| {
        (
            a.deadline.urgency.today_rank(),
            a.deadline.due,
            a.case_id,
            a.deadline.kind as u8,
        )
    });
}

impl Store {
    /// The first `n` alerts above the long overdue on `today` and the counts 今日 shows,
    /// `max` long-overdue open cases listed at most (as `case_alerts_first`).
    pub fn alerts_head(
        &self,
        org: OrgId,
        limits: &Limits,
        today: NaiveDate,
        n: usize,
        max: usize,
    ) -> Result<AlertsHead, StorageError> {
        let cut = Cutoffs::new(limits, today);
        let days = near_due_days(limits, today);
        let police = self.police_alerts(org, limits, today, &cut)?;
        let watched = date_text(watched_from(limits, today));
        let per_day = self.near_counts(org, limits, &cut, &watched, &days, &police)?;
        let mut head = AlertsHead::default();
        for day in &days {
            let count = per_day.get(day).copied().unwrap_or(0);
            if count == 0 {
                continue;
            }
            head.near += count;
            head.urgencies.push(limits.urgency(*day, today));
            if head.alerts.len() < n {
                let wanted = n - head.alerts.len();
                let mut of_day = self.alerts_due_on(org, limits, today, *day, &watched, wanted)?;
                of_day.extend(police.iter().filter(|a| a.deadline.due == *day).cloned());
                sort_for_today(&mut of_day);
                head.alerts.extend(of_day.into_iter().take(wanted));
            }
        }
        // The long overdue, counted by kind; the open cases not listed only when their
        // line can be on the first screen.
        let listed = if head.near < n {
            let long_open = self.long_open_count(org, &cut, None)?;
            let listed = long_open.min(max as u64);
            head.more = Some(long_open - listed);
            listed
        } else {
            self.long_open_count(org, &cut, Some(max))?
        };
        let through = long_overdue_through(today);
        let (confirmation, visit): (i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(applied = 0 AND day <= ?2), 0),
                 coalesce(sum(followed_up = 0 AND day <= ?3), 0)
                 FROM agreement_alert_days INDEXED BY agreement_alert_days_by_at
                 WHERE org_id = ?1 AND at >= ?4",
            )?
            .query_row(
                params![
                    org.0,
                    date_text(started_on(through, limits.confirmation_days)),
                    date_text(started_on(through, limits.first_follow_up_days)),
                    watched
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
        let police_long = police
            .iter()
            .filter(|a| a.deadline.urgency.long_overdue())
            .count() as u64;
        head.long = KINDS
            .into_iter()
            .zip([
                listed,
                police_long,
                u64::try_from(confirmation).unwrap_or(0),
                u64::try_from(visit).unwrap_or(0),
            ])
            .filter(|(_, n)| *n > 0)
            .collect();
        Ok(head)
    }

    /// How many alerts fall due on each day above the long overdue.
    fn near_counts(
        &self,
        org: OrgId,
        limits: &Limits,
        cut: &Cutoffs,
        watched: &str,
        days: &[NaiveDate],
        police: &[CaseAlert],
    ) -> Result<HashMap<NaiveDate, usize>, StorageError> {
        let mut per_day: HashMap<NaiveDate, usize> = HashMap::new();
        let mut add = |due: Option<NaiveDate>, n: i64| {
            if let Some(due) = due.filter(|d| days.contains(d)) {
                *per_day.entry(due).or_default() += usize::try_from(n).unwrap_or(0);
            }
        };
        let near = cut.near_text();
        let sql = format!(
            "SELECT received_on, source, count(*) FROM cases {BY_RECEIVED}
             WHERE {OPEN} AND {NEAR} GROUP BY received_on, source"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![
            org.0, near[0], near[1], near[2], near[3], near[4], near[5], near[6], near[7]
        ])?;
        while let Some(r) = rows.next()? {
            let received = parse_date("cases.received_on", &r.get::<_, String>(0)?)?;
            let source = decode("cases.source", &r.get::<_, String>(1)?, Source::from_code)?;
            add(limits.case_due(received, source), r.get(2)?);
        }
        drop(rows);
        for a in police.iter().filter(|a| !a.deadline.urgency.long_overdue()) {
            add(Some(a.deadline.due), 1);
        }
        let first = days.iter().min().copied();
        let last = days.iter().max().copied();
        let (Some(first), Some(last)) = (first, last) else {
            return Ok(per_day);
        };
        for (days, open) in [
            (limits.confirmation_days, "applied = 0"),
            (limits.first_follow_up_days, "followed_up = 0"),
        ] {
            let sql = format!(
                "SELECT day, count(*) FROM agreement_alert_days
                 INDEXED BY agreement_alert_days_by_day
                 WHERE org_id = ?1 AND day BETWEEN ?2 AND ?3 AND {open} AND at >= ?4
                 GROUP BY day"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(params![
                org.0,
                date_text(started_on(first, days)),
                date_text(started_on(last, days)),
                watched
            ])?;
            while let Some(r) = rows.next()? {
                let day = parse_date("agreement_alert_days.day", &r.get::<_, String>(0)?)?;
                let due = chrono::Days::new(u64::from(days));
                add(day.checked_add_days(due), r.get(1)?);
            }
        }
        Ok(per_day)
    }

    /// The first `n` alerts (by case) of each kind but police feedback due on `day`.
    fn alerts_due_on(
        &self,
        org: OrgId,
        limits: &Limits,
        today: NaiveDate,
        day: NaiveDate,
        watched: &str,
        n: usize,
    ) -> Result<Vec<CaseAlert>, StorageError> {
        let zone = self.zone()?;
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        let mut out = Vec::new();
        let received = [
            limits.court_days,
            limits.petition_days,
            limits.ordinary_days,
        ]
        .map(|d| date_text(started_on(day, d)));
        let sql = format!(
            "{OPEN_COLUMNS} {BY_RECEIVED} WHERE {OPEN} AND received_on IN (?2, ?3, ?4)
             AND received_on = CASE source WHEN 'court' THEN ?2 WHEN 'petition' THEN ?3
             ELSE ?4 END ORDER BY id LIMIT ?5"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![org.0, received[0], received[1], received[2], n])?;
        while let Some(r) = rows.next()? {
            let alerts = row_alerts(r, true, limits, today, zone)?;
            out.extend(
                alerts.into_iter().filter(|a| {
                    a.deadline.kind == DeadlineKind::CaseLimit && a.deadline.due == day
                }),
            );
        }
        drop(rows);
        for (kind, days, open) in [
            (
                DeadlineKind::Confirmation,
                limits.confirmation_days,
                "d.applied = 0",
            ),
            (
                DeadlineKind::FollowUp,
                limits.first_follow_up_days,
                "d.followed_up = 0",
            ),
        ] {
            let sql = format!(
                "{AGREED_COLUMNS} INDEXED BY agreement_alert_days_by_day {AGREED_LABELS}
                 WHERE d.org_id = ?1 AND d.day = ?2 AND {open} AND d.at >= ?3
                 ORDER BY d.case_id LIMIT ?4"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows =
                stmt.query(params![org.0, date_text(started_on(day, days)), watched, n])?;
            while let Some(r) = rows.next()? {
                out.extend(agreed_alerts(r, limits, today, |d| {
                    d.kind == kind && d.due == day
                })?);
            }
        }
        Ok(out)
    }
}
