//! Keys of the 统计 tab: ←/→ move the period, F5 switches month/quarter/year, F6 the
//! table, ↑/↓ scroll, F8 exports the period's figures to an .xlsx file.

use super::super::action::Effect;
use super::super::command::Command;
use super::super::state::AppState;
use super::super::stats_view::next_kind;
use crate::domain::stats::Stats;
use crate::domain::stats::period::Period;

/// The tab came to the front: read this month the first time, else keep what is shown.
pub fn entered(state: &mut AppState) -> Vec<Effect> {
    match state.stats.period {
        Some(_) => Vec::new(),
        None => {
            let period = Period::month_of(state.today);
            show(state, period)
        }
    }
}

fn show(state: &mut AppState, period: Period) -> Vec<Effect> {
    state.stats.period = Some(period);
    state.stats.stats = None;
    state.stats.scroll = 0;
    vec![Effect::LoadStats(period)]
}

/// A key on the tab.
pub fn on_key(state: &mut AppState, command: Option<Command>) -> Vec<Effect> {
    let Some(period) = state.stats.period else {
        return entered(state);
    };
    match command {
        Some(Command::Left) => show(state, period.shifted(-1)),
        Some(Command::Right) => show(state, period.shifted(1)),
        Some(Command::CyclePeriod) => show(state, period.as_kind(next_kind(period.kind))),
        Some(Command::NextPane) => {
            state.stats.pane = state.stats.pane.next();
            state.stats.scroll = 0;
            Vec::new()
        }
        Some(Command::Up) => {
            state.stats.scroll = state.stats.scroll.saturating_sub(1);
            Vec::new()
        }
        Some(Command::Down) => {
            state.stats.scroll = state.stats.scroll.saturating_add(1).min(40);
            Vec::new()
        }
        Some(Command::Export) => vec![Effect::ExportStats(period)],
        _ => Vec::new(),
    }
}

/// Figures arrived; those of a period no longer shown are dropped.
pub fn loaded(state: &mut AppState, stats: Stats) -> Vec<Effect> {
    if state.stats.period == Some(stats.period) {
        state.stats.stats = Some(stats);
    }
    Vec::new()
}

/// The workbook was written to `path`.
pub fn exported(state: &mut AppState, path: String) -> Vec<Effect> {
    state.status = Some(super::super::state::StatusLine {
        text: crate::i18n::tf("stats.exported", &[("path", &path)]),
        error: false,
    });
    Vec::new()
}
