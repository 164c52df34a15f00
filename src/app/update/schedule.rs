//! The schedule tab: the agenda (a day, a week or any range typed with F9) and the month
//! grid, moving by day, week and month, filtering by mediator and room, opening a day or a
//! session's case. Only the days on screen are asked of storage.

use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::key::Key;
use crate::app::schedule::{AgendaSpan, ScheduleMode, add_days, add_months};
use crate::app::state::{AppState, CasesView, Tab};
use chrono::NaiveDate;

/// Keys on the schedule tab.
pub fn on_key(state: &mut AppState, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    if state.schedule.range_form.is_some() {
        return super::schedule_range::on_key(state, cmd, key);
    }
    let day = cursor(state);
    let sched = &mut state.schedule;
    let month = sched.mode == ScheduleMode::Month;
    // ←/→ move the agenda by its own length: a day, a week, or the typed range's days.
    let step = sched.span.step();
    let moved = match cmd {
        Some(Command::Left) => Some(add_days(day, if month { -1 } else { -step })),
        Some(Command::Right) => Some(add_days(day, if month { 1 } else { step })),
        Some(Command::Up) if month => Some(add_days(day, -7)),
        Some(Command::Down) if month => Some(add_days(day, 7)),
        Some(Command::PageUp) if month => Some(add_months(day, false)),
        Some(Command::PageDown) if month => Some(add_months(day, true)),
        Some(Command::PageUp) => Some(add_days(day, -7)),
        Some(Command::PageDown) => Some(add_days(day, 7)),
        Some(Command::Home) => Some(state.today),
        _ => None,
    };
    if let Some(to) = moved {
        sched.cursor = Some(to);
        sched.selected = 0;
        return load(state);
    }
    match cmd {
        Some(Command::Up) => sched.selected = sched.selected.saturating_sub(1),
        Some(Command::Down) => {
            sched.selected = (sched.selected + 1).min(sched.sessions.len().saturating_sub(1))
        }
        Some(Command::Open) if month => {
            sched.mode = ScheduleMode::Agenda;
            sched.span = AgendaSpan::Day;
            return load(state);
        }
        Some(Command::Open) => {
            if let Some(s) = sched.sessions.get(sched.selected) {
                let id = s.fields.case_id;
                if super::case_form::kept_before_opening(state) {
                    return Vec::new();
                }
                state.tab = Tab::Cases;
                state.cases = CasesView::List;
                state.list.edit_on_load = false;
                state.back_to = Some(Tab::Schedule);
                return vec![Effect::LoadCase(id)];
            }
        }
        Some(Command::PostponeSession) if !month => {
            return super::reschedule::open_on_agenda(state, true);
        }
        Some(Command::CancelSession) if !month => {
            return super::reschedule::open_on_agenda(state, false);
        }
        Some(Command::ToggleView) => {
            sched.mode = match sched.mode {
                ScheduleMode::Agenda => ScheduleMode::Month,
                ScheduleMode::Month => ScheduleMode::Agenda,
            };
            return load(state);
        }
        Some(Command::ToggleSpan) => {
            sched.mode = ScheduleMode::Agenda;
            // From a typed range the toggle goes back to the day in focus.
            sched.span = match sched.span {
                AgendaSpan::Day => AgendaSpan::Week,
                AgendaSpan::Week | AgendaSpan::Range(_) => AgendaSpan::Day,
            };
            return load(state);
        }
        Some(Command::PickRange) => return super::schedule_range::open(state),
        Some(Command::FilterMediator) => {
            let active: Vec<_> = state
                .mediators
                .iter()
                .filter(|m| m.active)
                .map(|m| m.id)
                .collect();
            let sched = &mut state.schedule;
            sched.filter.mediator = sched.next_mediator(&active);
            return load(state);
        }
        Some(Command::FilterRoom) => {
            sched.filter.place = sched.next_place();
            return load(state);
        }
        Some(Command::Back) if sched.filter.mediator.is_some() || sched.filter.place.is_some() => {
            sched.filter.mediator = None;
            sched.filter.place = None;
            return load(state);
        }
        _ => {}
    }
    Vec::new()
}

/// The day in focus (today until the user moves).
pub fn cursor(state: &AppState) -> NaiveDate {
    state.schedule.cursor.unwrap_or(state.today)
}

/// Reads what the tab shows for its cursor, mode and filters.
pub fn load(state: &mut AppState) -> Vec<Effect> {
    if state.org.is_none() {
        return Vec::new();
    }
    let day = cursor(state);
    state.schedule.cursor = Some(day);
    let (from, to) = state.schedule.range(day);
    let filter = state.schedule.filter.clone();
    match state.schedule.mode {
        ScheduleMode::Agenda => vec![Effect::LoadAgenda { from, to, filter }],
        ScheduleMode::Month => vec![Effect::LoadMonth { from, to, filter }],
    }
}

/// The agenda's sessions arrived.
pub fn agenda_loaded(state: &mut AppState, sessions: Vec<crate::domain::session::Session>) {
    let sched = &mut state.schedule;
    sched.sessions = sessions;
    sched.selected = sched.selected.min(sched.sessions.len().saturating_sub(1));
}
