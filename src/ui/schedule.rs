//! The schedule tab (日程): a line saying what is shown and how it is filtered, then the
//! agenda (one day, one week or any range of sessions), the form asking for a range, or
//! the month grid (`month`).

mod month;

use super::session_line;
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Form;
use crate::app::schedule::{AgendaSpan, MAX_RANGE_DAYS, ScheduleMode};
use crate::i18n::{t, tf};
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

/// Draws the schedule tab.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let [info, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    info_line(frame, info, state, theme);
    let day = state.schedule.cursor.unwrap_or(state.today);
    if let Some(form) = &state.schedule.range_form {
        range_form(frame, body, form, state.modals.is_empty(), theme);
        return;
    }
    match state.schedule.mode {
        ScheduleMode::Agenda => agenda(frame, body, state, day, theme),
        ScheduleMode::Month => month::render(frame, body, state, day, theme),
    }
}

/// "调解员：全部  地点：全部"
fn info_line(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let filter = &state.schedule.filter;
    let mediator = match filter.mediator {
        Some(id) => clean(state.mediator_name(id)).into_owned(),
        None => t("schedule.all").into_owned(),
    };
    let place = match &filter.place {
        Some(p) => clean(p).into_owned(),
        None => t("schedule.all").into_owned(),
    };
    let spans = vec![
        Span::styled(format!(" {} ", t("schedule.filter_mediator")), theme.dim()),
        Span::raw(mediator),
        Span::styled(format!("  {} ", t("schedule.filter_place")), theme.dim()),
        Span::raw(place),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A weekday's short name (一 … 日 / Mon … Sun).
pub fn weekday(day: NaiveDate) -> String {
    t(&format!("weekday.{}", day.weekday().num_days_from_monday())).into_owned()
}

/// The sessions of the day or week, grouped by day in a week.
fn agenda(frame: &mut Frame, area: Rect, state: &AppState, day: NaiveDate, theme: Theme) {
    let sched = &state.schedule;
    let (from, to) = sched.range(day);
    let span = match sched.span {
        AgendaSpan::Day | AgendaSpan::Range(1) => {
            format!("{} {}", from.format("%Y-%m-%d"), weekday(from))
        }
        AgendaSpan::Week => format!("{} – {}", from.format("%Y-%m-%d"), to.format("%m-%d")),
        AgendaSpan::Range(n) => crate::i18n::tn(
            "schedule.range_span",
            u64::from(n),
            &[
                ("from", &from.format("%Y-%m-%d").to_string()),
                ("to", &to.format("%Y-%m-%d").to_string()),
                ("days", &n.to_string()),
            ],
        ),
    };
    // More than one day: the sessions are grouped under a line per day.
    let grouped = !matches!(sched.span, AgendaSpan::Day | AgendaSpan::Range(1));
    let title = tf(
        "schedule.agenda_title",
        &[("span", &span), ("n", &sched.sessions.len().to_string())],
    );
    let block = Block::bordered()
        .border_style(theme.frame())
        .padding(Padding::horizontal(1))
        .title(format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    if sched.sessions.is_empty() {
        let text = fit(&t("schedule.none"), w).into_owned();
        frame.render_widget(Paragraph::new(text).style(theme.dim()), inner);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    let mut last_day = None;
    for (i, s) in sched.sessions.iter().enumerate() {
        let d = s.fields.date();
        if grouped && last_day != Some(d) {
            let head = format!("{} {}", d.format("%m-%d"), weekday(d));
            lines.push(Line::styled(head, theme.header()));
            last_day = Some(d);
        }
        let indent = if grouped { 2 } else { 0 };
        let mut line = session_line::line(s, w, indent, true, theme);
        if i == sched.selected {
            selected_row = lines.len();
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    let rows = usize::from(inner.height);
    let first = selected_row.saturating_sub(rows.saturating_sub(1));
    let shown: Vec<Line> = lines.into_iter().skip(first).take(rows).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The range being typed (F9): the question, the two days, and how dates may be written.
fn range_form(frame: &mut Frame, area: Rect, form: &Form, active: bool, theme: Theme) {
    let block = Block::bordered()
        .border_style(theme.frame())
        .padding(Padding::horizontal(1))
        .title(format!(" {} ", t("schedule.range.block")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [top, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
    let max = MAX_RANGE_DAYS.to_string();
    let title = tf("schedule.range.title", &[("max", &max)]);
    super::range_form::render(frame, top, &title, form, active, theme);
    let text = t("schedule.range.hint");
    let lines = super::text::wrap(&text, usize::from(hint.width));
    let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(lines).style(theme.dim()), hint);
}
