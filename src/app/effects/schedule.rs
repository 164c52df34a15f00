//! Effects of the schedule run against storage: the today screen's data (its sessions a
//! window at a time, counted per day; its performance items and alerts apart, the alerts'
//! first screen before all of them), the agenda, the
//! month's counts, a case's sessions, scheduling a session.

use crate::app::action::{Action, Effect, TodayData};
use crate::app::today_view::TodayPart;
use crate::domain::case::Timestamp;
use crate::domain::org::OrgId;
use crate::storage::{SessionFilter, StorageError, Store};
use chrono::Days;

/// Open cases near or past their limit listed on the today screen; the rest are counted.
/// A screen of several hundred lines is already more than anyone reads in a morning.
const TODAY_OPEN_ALERTS: usize = 200;

/// Alerts read with the first screen of 今日's alerts (as many as the sessions): the rest
/// are read when the selection comes near them.
const TODAY_FIRST_ALERTS: usize = 48;

/// Sessions read with the first screen of 今日: the lines of an 80×24 screen and as many
/// again (`TodayView::wanted` reads more when the selection comes near their end).
const TODAY_FIRST_SESSIONS: usize = 48;

/// Runs one schedule effect (other effects are answered with a plain failure).
pub fn run(
    store: &mut Store,
    org: OrgId,
    effect: Effect,
    now: &Timestamp,
) -> Result<Action, StorageError> {
    Ok(match effect {
        Effect::LoadToday(today) => {
            let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
            let counts = store.session_counts(org, today, tomorrow, &SessionFilter::default())?;
            let on = |day| {
                counts
                    .iter()
                    .find(|(d, _)| *d == day)
                    .map_or(0, |(_, n)| *n as usize)
            };
            let days = [on(today), on(tomorrow)];
            Action::TodayLoaded(Box::new(TodayData {
                sessions: store.today_sessions(org, today, 0, TODAY_FIRST_SESSIONS)?,
                part: Some(TodayPart {
                    days,
                    from: 0,
                    rest: false,
                }),
                places: store.places(org)?,
                ..Default::default()
            }))
        }
        Effect::LoadTodaySessions { today, from, limit } => Action::TodaySessionsLoaded {
            today,
            from,
            sessions: store.today_sessions(org, today, from, limit)?,
        },
        Effect::LoadTodayPerformance(today) => {
            let limits = store.limits(org)?;
            let performance = store.performance_due(
                org,
                today
                    .checked_add_days(Days::new(u64::from(limits.near_days)))
                    .unwrap_or(today),
            )?;
            Action::TodayPerformanceLoaded(
                today,
                Box::new(TodayData {
                    performance,
                    ..Default::default()
                }),
            )
        }
        Effect::LoadTodayRest(today) => {
            let limits = store.limits(org)?;
            let head =
                store.alerts_head(org, &limits, today, TODAY_FIRST_ALERTS, TODAY_OPEN_ALERTS)?;
            Action::TodayRestLoaded(
                today,
                Box::new(TodayData {
                    alerts_head: Some(head),
                    ..Default::default()
                }),
            )
        }
        Effect::LoadTodayAlerts(today) => {
            let limits = store.limits(org)?;
            let (alerts, more_alerts) =
                store.case_alerts_first(org, &limits, today, TODAY_OPEN_ALERTS)?;
            Action::TodayRestLoaded(
                today,
                Box::new(TodayData {
                    alerts,
                    more_alerts,
                    ..Default::default()
                }),
            )
        }
        Effect::LoadAgenda { from, to, filter } => {
            Action::AgendaLoaded(store.sessions_in_range(org, from, to, &filter)?)
        }
        Effect::LoadMonth { from, to, filter } => {
            Action::MonthLoaded(store.session_counts(org, from, to, &filter)?)
        }
        Effect::LoadCaseSessions(case) => {
            Action::CaseSessionsLoaded(case, store.sessions_of_case(case)?)
        }
        Effect::CreateSession {
            fields,
            override_reason,
        } => Action::SessionSaved(Box::new(store.create_session(
            org,
            &fields,
            &override_reason,
            now,
        )?)),
        Effect::PostponeSession {
            id,
            version,
            fields,
            override_reason,
        } => Action::SessionSaved(Box::new(store.postpone_session(
            org,
            id,
            version,
            &fields,
            &override_reason,
            now,
        )?)),
        Effect::CancelSession {
            id,
            version,
            reason,
        } => Action::SessionCancelled(Box::new(store.cancel_session(id, version, &reason, now)?)),
        Effect::RecordSession {
            id,
            version,
            record,
        } => Action::SessionRecorded(Box::new(store.record_session(id, version, &record, now)?)),
        _ => return Err(StorageError::Invalid(String::new())),
    })
}
