//! The today screen: moving through its lines, opening a line's case, and taking in what
//! was read for it (a window of the sessions at a time, see `TodayView::wanted`).

use crate::app::action::{Effect, TodayData};
use crate::app::command::Command;
use crate::app::schedule::TodayLine;
use crate::app::state::{AppState, CasesView, Tab};
use crate::app::today_view::TodayRead;

/// Keys on the today screen.
pub fn on_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let view = &mut state.today_view;
    let last = view.line_count().saturating_sub(1);
    view.to_end = false;
    match cmd {
        Some(Command::Down) => view.selected = (view.selected + 1).min(last),
        Some(Command::Up) => view.selected = view.selected.saturating_sub(1),
        Some(Command::PageDown) => view.selected = (view.selected + 10).min(last),
        Some(Command::PageUp) => view.selected = view.selected.saturating_sub(10),
        Some(Command::Home) => view.selected = 0,
        Some(Command::End) => {
            view.selected = last;
            // The lines below the sessions are not known before they are read.
            view.to_end = !view.alerts_known();
        }
        Some(Command::Open) if view.line(view.selected) == Some(TodayLine::LongOverdue) => {
            view.long_open = !view.long_open;
        }
        Some(Command::Open) => {
            if let Some(id) = view.selected_case() {
                if super::case_form::kept_before_opening(state) {
                    return Vec::new();
                }
                state.tab = Tab::Cases;
                state.cases = CasesView::List;
                state.list.edit_on_load = false;
                state.back_to = Some(Tab::Today);
                return vec![Effect::LoadCase(id)];
            }
        }
        _ => {}
    }
    wanted(state)
}

/// What 今日 still has to read for the lines around the selection (nothing, mostly: a
/// key within what was read reads nothing).
pub fn wanted(state: &AppState) -> Vec<Effect> {
    let view = &state.today_view;
    // Another day's lines are not read on: the new day's first part is on its way.
    if view.loading || view.read_for != Some(state.today) {
        return Vec::new();
    }
    view.wanted(usize::from(state.size.rows))
        .into_iter()
        .map(|read| effect_of(state, read))
        .collect()
}

/// The effect that makes the read `read`.
fn effect_of(state: &AppState, read: TodayRead) -> Effect {
    match read {
        TodayRead::Sessions { from, limit } => Effect::LoadTodaySessions {
            today: state.today,
            from,
            limit,
        },
        TodayRead::Performance => Effect::LoadTodayPerformance(state.today),
        // The front desk sees its own cases' alerts only: the room's counts are not
        // theirs, so they are given all of their alerts at once.
        TodayRead::Rest if crate::domain::user::case_scope(&state.user).is_some() => {
            Effect::LoadTodayAlerts(state.today)
        }
        TodayRead::Rest => Effect::LoadTodayRest(state.today),
        TodayRead::Alerts => Effect::LoadTodayAlerts(state.today),
    }
}

/// The first screen is drawn: 今日's lines below its sessions (the performance items and
/// the alerts), if they were not on it, are read now, while the user looks at it, so that
/// the key that reaches them finds them read.
pub fn first_drawn(state: &AppState) -> Vec<Effect> {
    let view = &state.today_view;
    if view.loading || view.read_for != Some(state.today) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if !view.performance_read {
        out.push(Effect::LoadTodayPerformance(state.today));
    }
    if !view.rest_read {
        out.push(effect_of(state, TodayRead::Rest));
    }
    out
}

/// What to read when the today screen comes to the front: nothing if what it holds is
/// still current for today.
pub fn entered(state: &AppState) -> Vec<Effect> {
    if state.org.is_some() && state.today_view.fresh_for != Some(state.today) {
        vec![Effect::LoadToday(state.today)]
    } else {
        Vec::new()
    }
}

/// What 今日 holds may be out of date: read it again when it is next shown.
pub fn outdated(state: &mut AppState) {
    state.today_view.fresh_for = None;
}

/// Today's data arrived: all of it, or its first part (the sessions' counts and the
/// first of them); what is missing near the selection is read next.
pub fn loaded(state: &mut AppState, data: TodayData) -> Vec<Effect> {
    let view = &mut state.today_view;
    match data.part {
        None => {
            view.days = [0, 0];
            let tomorrow = state.today.succ_opt().unwrap_or(state.today);
            for s in &data.sessions {
                view.days[usize::from(s.fields.date() == tomorrow)] += 1;
            }
            view.sessions_from = 0;
            view.sessions = data.sessions;
            view.performance = data.performance;
            view.performance_read = true;
            take_alerts(view, data.alerts, data.more_alerts);
        }
        Some(part) => {
            view.days = part.days;
            view.sessions_from = part.from;
            view.sessions = data.sessions;
            if part.rest {
                view.performance = data.performance;
                view.performance_read = true;
                take_alerts(view, data.alerts, data.more_alerts);
            } else {
                view.performance_read = false;
                view.rest_read = false;
            }
        }
    }
    view.loading = false;
    view.fresh_for = Some(state.today);
    view.read_for = Some(state.today);
    settle_selection(view);
    state.schedule.places = data.places;
    wanted(state)
}

/// More sessions arrived (for `today`; an answer for another day is dropped).
pub fn sessions_loaded(
    state: &mut AppState,
    today: chrono::NaiveDate,
    from: usize,
    sessions: Vec<crate::domain::session::Session>,
) -> Vec<Effect> {
    // (Still taken when 今日 is marked to be read again on coming back: it shows these
    // until then.)
    if today != state.today || state.today_view.read_for != Some(today) {
        return Vec::new();
    }
    let view = &mut state.today_view;
    view.sessions_from = from;
    view.sessions = sessions;
    wanted(state)
}

/// The performance items arrived (for `today`); the alerts below them are read next if
/// they come into sight.
pub fn performance_loaded(
    state: &mut AppState,
    today: chrono::NaiveDate,
    data: TodayData,
) -> Vec<Effect> {
    // (Still taken when 今日 is marked to be read again on coming back: it shows these
    // until then.)
    if today != state.today || state.today_view.read_for != Some(today) {
        return Vec::new();
    }
    let view = &mut state.today_view;
    view.performance = data.performance;
    view.performance_read = true;
    // (The alerts may have come first, when 今日 was read again meanwhile.)
    if view.alerts_known() && std::mem::take(&mut view.to_end) {
        view.selected = view.line_count().saturating_sub(1);
    }
    settle_selection(view);
    wanted(state)
}

/// The alerts arrived (for `today`).
pub fn rest_loaded(state: &mut AppState, today: chrono::NaiveDate, data: TodayData) -> Vec<Effect> {
    // (Still taken when 今日 is marked to be read again on coming back: it shows these
    // until then.)
    if today != state.today || state.today_view.read_for != Some(today) {
        return Vec::new();
    }
    let view = &mut state.today_view;
    match data.alerts_head {
        Some(head) => {
            view.set_head(head);
            view.rest_read = true;
        }
        None => take_alerts(view, data.alerts, data.more_alerts),
    }
    if view.alerts_known() && std::mem::take(&mut view.to_end) {
        view.selected = view.line_count().saturating_sub(1);
    }
    settle_selection(view);
    wanted(state)
}

fn take_alerts(
    view: &mut crate::app::schedule::TodayView,
    alerts: Vec<crate::storage::CaseAlert>,
    more_alerts: u64,
) {
    view.set_alerts(alerts, more_alerts);
    view.rest_read = true;
}

/// The selection stays on a line that exists; below the sessions it waits for their
/// lines to be read (they are asked for next).
fn settle_selection(view: &mut crate::app::schedule::TodayView) {
    let count = view.line_count();
    if view.alerts_known() || view.selected < count {
        view.selected = view.selected.min(count.saturating_sub(1));
    }
}
