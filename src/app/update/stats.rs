//! Keys of the 统计 tab: ←/→ move the period, F5 switches month/quarter/year, F7 types
//! any range, F6 the table, ↑/↓ scroll, F8 exports the period's figures and F9 its
//! ledger (台账) to .xlsx files.

use super::super::action::Effect;
use super::super::command::Command;
use super::super::state::AppState;
use super::super::stats_view::next_kind;
use super::range_keys::{self, RangeKey};
use crate::app::key::Key;
use crate::app::stats_view::range_form;
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
pub fn on_key(state: &mut AppState, command: Option<Command>, key: Key) -> Vec<Effect> {
    if state.stats.range.is_some() {
        return range_key(state, command, key);
    }
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
        Some(Command::ExportLedger) => vec![Effect::ExportLedger(period)],
        Some(Command::PickRange) => {
            state.stats.range = Some(range_form(Some(period)));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Keys in the range form: F2/Enter on the last field shows the range, Esc closes it.
fn range_key(state: &mut AppState, command: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(form) = state.stats.range.as_mut() else {
        return Vec::new();
    };
    match range_keys::on_key(form, command, key) {
        RangeKey::Close => {
            state.stats.range = None;
            Vec::new()
        }
        RangeKey::Submit => range_done(state),
        RangeKey::Stay => Vec::new(),
    }
}

/// Reads both days (2026-10-01, 10-01, 昨天 … as in the schedule); shows the range, or
/// marks the field that is not a day.
fn range_done(state: &mut AppState) -> Vec<Effect> {
    let today = state.today;
    let Some(form) = state.stats.range.as_mut() else {
        return Vec::new();
    };
    let Some((from, to)) = crate::app::range_form::read(form, today, "stats.range.bad") else {
        return Vec::new();
    };
    let period = Period::range(from, to);
    state.stats.range = None;
    show(state, period)
}

/// Figures arrived; those of a period no longer shown are dropped.
pub fn loaded(state: &mut AppState, stats: Stats) -> Vec<Effect> {
    if state.stats.period == Some(stats.period) {
        state.stats.stats = Some(stats);
    }
    Vec::new()
}

/// The ledger workbook was written to `path`.
pub fn ledger_exported(state: &mut AppState, path: String) -> Vec<Effect> {
    state.status = Some(super::super::state::StatusLine {
        text: crate::i18n::tf("stats.ledger_exported", &[("path", &path)]),
        error: false,
    });
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
