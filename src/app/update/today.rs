//! The today screen: moving through its lines and opening a line's case.

use crate::app::action::{Effect, TodayData};
use crate::app::command::Command;
use crate::app::schedule::TodayLine;
use crate::app::state::{AppState, CasesView, Tab};

/// Keys on the today screen.
pub fn on_key(state: &mut AppState, cmd: Option<Command>) -> Vec<Effect> {
    let view = &mut state.today_view;
    let last = view.lines().len().saturating_sub(1);
    match cmd {
        Some(Command::Down) => view.selected = (view.selected + 1).min(last),
        Some(Command::Up) => view.selected = view.selected.saturating_sub(1),
        Some(Command::PageDown) => view.selected = (view.selected + 10).min(last),
        Some(Command::PageUp) => view.selected = view.selected.saturating_sub(10),
        Some(Command::Home) => view.selected = 0,
        Some(Command::End) => view.selected = last,
        Some(Command::Open) if view.lines().get(view.selected) == Some(&TodayLine::LongOverdue) => {
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
    Vec::new()
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

/// Today's data arrived.
pub fn loaded(state: &mut AppState, data: TodayData) -> Vec<Effect> {
    let view = &mut state.today_view;
    view.sessions = data.sessions;
    view.set_alerts(data.alerts);
    view.performance = data.performance;
    view.more_alerts = data.more_alerts;
    view.loading = false;
    view.fresh_for = Some(state.today);
    view.selected = view.selected.min(view.lines().len().saturating_sub(1));
    state.schedule.places = data.places;
    Vec::new()
}
