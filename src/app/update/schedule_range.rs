//! The agenda's any-range form (F9 on 日程): opens filled with the days on screen, reads
//! 从 and 到 typed like the schedule's other dates, refuses 到 before 从 and a range
//! longer than `MAX_RANGE_DAYS` with the reason beside 到, and shows the range. The form
//! itself is the statistics tab's (`app::range_form`).

use super::range_keys::{self, RangeKey};
use super::schedule::{cursor, load};
use crate::app::action::Effect;
use crate::app::command::Command;
use crate::app::key::Key;
use crate::app::range_form;
use crate::app::schedule::{MAX_RANGE_DAYS, RangeRefusal, ScheduleMode, range_span};
use crate::app::state::AppState;
use crate::i18n::tf;

/// F9: the form, filled with the agenda's days (in the month view, the day in focus).
pub fn open(state: &mut AppState) -> Vec<Effect> {
    let day = cursor(state);
    let sched = &mut state.schedule;
    let shown = match sched.mode {
        ScheduleMode::Agenda => sched.range(day),
        ScheduleMode::Month => (day, day),
    };
    let labels = ("schedule.range.from", "schedule.range.to");
    sched.range_form = Some(range_form::form(labels, Some(shown)));
    Vec::new()
}

/// A key while the form is open.
pub fn on_key(state: &mut AppState, command: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(form) = state.schedule.range_form.as_mut() else {
        return Vec::new();
    };
    match range_keys::on_key(form, command, key) {
        RangeKey::Close => {
            state.schedule.range_form = None;
            Vec::new()
        }
        RangeKey::Submit => submit(state),
        RangeKey::Stay => Vec::new(),
    }
}

/// Reads the two days; shows them from the first, or says beside the field what is wrong.
fn submit(state: &mut AppState) -> Vec<Effect> {
    let today = state.today;
    let Some(form) = state.schedule.range_form.as_mut() else {
        return Vec::new();
    };
    let Some((from, to)) = range_form::read(form, today, "schedule.range.bad") else {
        return Vec::new();
    };
    let (first, last) = (from.to_string(), to.to_string());
    let why = match range_span(from, to) {
        Ok(span) => {
            let sched = &mut state.schedule;
            sched.range_form = None;
            sched.mode = ScheduleMode::Agenda;
            sched.span = span;
            sched.cursor = Some(from);
            sched.selected = 0;
            return load(state);
        }
        Err(RangeRefusal::Backwards) => tf(
            "schedule.range.backwards",
            &[("from", &first), ("to", &last)],
        ),
        Err(RangeRefusal::TooLong(days)) => tf(
            "schedule.range.too_long",
            &[
                ("days", &days.to_string()),
                ("max", &MAX_RANGE_DAYS.to_string()),
            ],
        ),
    };
    form.set_error("to", Some(why));
    form.focus_on("to");
    Vec::new()
}
