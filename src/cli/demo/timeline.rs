//! The life of one demo case: registration on the day it was received, then the steps
//! the status rules allow — refusal, or acceptance by one or two mediators, mediation,
//! an outcome and archiving — each a few working days after the last. Steps that would
//! fall after "now" have not happened yet, so recent cases are still open; a few old
//! ones stall on purpose, so every status appears and the overdue view has something.

use super::Room;
use super::people::pick;
use super::sources::{REFUSED, REJECTED, TERMINATED};
use crate::domain::status::{CaseStatus, StatusChange};
use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday,
};
use fastrand::Rng;

/// Office hours start at 08:30; times are drawn within nine hours of that.
const OPENS: i64 = 8 * 60 + 30;
const OPEN_MINUTES: u32 = 9 * 60;

/// Where a case got to, and who worked on it.
#[derive(Debug, Clone)]
pub(super) struct Timeline {
    pub status: CaseStatus,
    pub history: Vec<StatusChange>,
    /// Empty unless the case was accepted.
    pub mediators: Vec<String>,
}

/// A step planned for the case; it happens only if its time is not after now.
struct Step {
    to: CaseStatus,
    at: DateTime<FixedOffset>,
    reason: &'static str,
}

/// Draws the history of a case received on `received`.
pub(super) fn timeline(rng: &mut Rng, room: &Room, received: NaiveDate) -> Timeline {
    let registrar = pick_name(rng, &room.mediators);
    let mut assigned = vec![pick_name(rng, &room.mediators)];
    if rng.u32(..100) < 20 {
        let second = pick_name(rng, &room.mediators);
        if !assigned.contains(&second) {
            assigned.push(second);
        }
    }
    let registered =
        at_minute(room, received, OPENS + i64::from(rng.u32(..=OPEN_MINUTES))).min(room.now);
    let steps = plan(rng, registered);
    let mut history = vec![change(
        None,
        CaseStatus::Registered,
        registered,
        &registrar,
        "",
    )];
    let mut status = CaseStatus::Registered;
    for step in steps.into_iter().take_while(|s| s.at <= room.now) {
        let operator = match step.to {
            CaseStatus::Rejected => &registrar,
            CaseStatus::Archived if rng.bool() => &registrar,
            _ => assigned.first().unwrap_or(&registrar),
        };
        history.push(change(
            Some(status),
            step.to,
            step.at,
            operator,
            step.reason,
        ));
        status = step.to;
    }
    let accepted = history.iter().any(|h| h.to == CaseStatus::Accepted);
    Timeline {
        status,
        history,
        mediators: if accepted { assigned } else { Vec::new() },
    }
}

/// The steps after registration, in order, before they are cut at now.
fn plan(rng: &mut Rng, registered: DateTime<FixedOffset>) -> Vec<Step> {
    let mut steps = Vec::new();
    let roll = rng.u32(..100);
    if roll < 3 {
        // Waiting for the other party to answer.
        return steps;
    }
    if roll < 9 {
        let at = later(rng, registered, 0, 3);
        steps.push(Step {
            to: CaseStatus::Rejected,
            at,
            reason: pick(rng, REJECTED),
        });
        archive(rng, &mut steps, 60, 3, 30);
        return steps;
    }
    let accepted = later(rng, registered, 0, 3);
    steps.push(Step {
        to: CaseStatus::Accepted,
        at: accepted,
        reason: "",
    });
    let roll = rng.u32(..100);
    if roll < 4 {
        return steps;
    }
    if roll < 9 {
        let at = later(rng, accepted, 1, 7);
        steps.push(Step {
            to: CaseStatus::Terminated,
            at,
            reason: pick(rng, REFUSED),
        });
        archive(rng, &mut steps, 60, 3, 30);
        return steps;
    }
    let mediating = later(rng, accepted, 0, 5);
    steps.push(Step {
        to: CaseStatus::Mediating,
        at: mediating,
        reason: "",
    });
    let roll = rng.u32(..100);
    if roll < 3 {
        return steps;
    }
    let at = later(rng, mediating, 1, 25);
    if roll < 83 {
        steps.push(Step {
            to: CaseStatus::Succeeded,
            at,
            reason: "",
        });
    } else {
        steps.push(Step {
            to: CaseStatus::Terminated,
            at,
            reason: pick(rng, TERMINATED),
        });
    }
    archive(rng, &mut steps, 70, 3, 45);
    steps
}

/// With `percent` chance, files the case some working days after its last step.
fn archive(rng: &mut Rng, steps: &mut Vec<Step>, percent: u32, min_days: u32, max_days: u32) {
    if let Some(last) = steps.last().map(|s| s.at)
        && rng.u32(..100) < percent
    {
        let at = later(rng, last, min_days, max_days);
        steps.push(Step {
            to: CaseStatus::Archived,
            at,
            reason: "",
        });
    }
}

/// A time `min_days..=max_days` after `after`: the same day a little later, or office
/// hours of a later weekday.
fn later(
    rng: &mut Rng,
    after: DateTime<FixedOffset>,
    min_days: u32,
    max_days: u32,
) -> DateTime<FixedOffset> {
    let days = rng.u32(min_days..=max_days);
    if days == 0 {
        return after + TimeDelta::minutes(i64::from(rng.u32(15..=180)));
    }
    let mut day = after.date_naive() + TimeDelta::days(i64::from(days));
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day += TimeDelta::days(1);
    }
    let minute = OPENS + i64::from(rng.u32(..=OPEN_MINUTES));
    let naive = NaiveDateTime::new(day, NaiveTime::MIN) + TimeDelta::minutes(minute);
    DateTime::from_naive_utc_and_offset(
        naive - TimeDelta::seconds(i64::from(after.offset().local_minus_utc())),
        *after.offset(),
    )
}

/// `minute` minutes after midnight of `day`, on the room's clock (+08:00).
fn at_minute(room: &Room, day: NaiveDate, minute: i64) -> DateTime<FixedOffset> {
    let offset = *room.now.offset();
    let naive = NaiveDateTime::new(day, NaiveTime::MIN) + TimeDelta::minutes(minute);
    DateTime::from_naive_utc_and_offset(
        naive - TimeDelta::seconds(i64::from(offset.local_minus_utc())),
        offset,
    )
}

fn change(
    from: Option<CaseStatus>,
    to: CaseStatus,
    at: DateTime<FixedOffset>,
    operator: &str,
    reason: &str,
) -> StatusChange {
    StatusChange {
        from,
        to,
        at,
        operator: operator.to_string(),
        reason: reason.to_string(),
    }
}

fn pick_name(rng: &mut Rng, names: &[String]) -> String {
    names
        .get(rng.usize(..names.len().max(1)))
        .cloned()
        .unwrap_or_default()
}
