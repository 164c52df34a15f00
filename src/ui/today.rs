//! The today screen (今日), the first screen: today's and tomorrow's sessions, then the
//! cases near or past a deadline (case limits, police feedback, judicial confirmation,
//! first follow-up visits). The selected line opens its case with Enter.

use super::session_line;
use super::text::{clean, fit, squeeze, width};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::schedule::TodayLine;
use crate::domain::deadlines::{DeadlineKind, LONG_OVERDUE_DAYS, Urgency};
use crate::i18n::{t, tf, tn};
use crate::storage::CaseAlert;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

/// Draws the today screen.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let view = &state.today_view;
    let title = tf(
        "today.title",
        &[
            ("month", &state.today.month().to_string()),
            ("day", &state.today.day().to_string()),
            // English names the month ("Mon 7 Dec"): 7/12 reads as July in half the world.
            ("weekday", &super::schedule::weekday(state.today)),
            ("mon", &state.today.format("%b").to_string()),
        ],
    );
    let block = Block::bordered()
        .border_style(theme.frame())
        .padding(Padding::horizontal(1))
        .title(format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    if view.loading {
        frame.render_widget(Paragraph::new(t("list.loading")).style(theme.dim()), inner);
        return;
    }
    let plan = plan(state);
    let selected_row = plan.row_of(view.selected);
    let rows = usize::from(inner.height);
    // Keep the selected line in sight, with its section heading where possible.
    let first = selected_row
        .map(|r| r.saturating_sub(rows.saturating_sub(2)))
        .unwrap_or(0);
    // Only the rows in sight are laid out: a district's day can hold thousands of
    // sessions, and a key moving the cursor must not lay out every one of them again.
    let column = alert_column(state, theme);
    let shown: Vec<Line> = (first..plan.rows().min(first + rows))
        .filter_map(|i| Some((i, plan.row(i)?)))
        .map(|(i, row)| {
            let line = lay_out(row, state, w, column, theme);
            if Some(i) == selected_row {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// One row of the screen, before it is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// A heading: its catalogue key and the number it shows.
    Heading(&'static str, usize),
    /// A dim "nothing here" line: its catalogue key.
    Nothing(&'static str),
    /// A line that opens a case.
    Line(TodayLine),
    /// How many open cases past their limit are not listed.
    More,
}

/// A stretch of the screen's rows: one row, or a run of `len` selectable lines from line
/// `first` on.
#[derive(Debug, Clone, Copy)]
enum Stretch {
    One(Row),
    Lines { first: usize, len: usize },
}

impl Stretch {
    fn len(self) -> usize {
        match self {
            Stretch::One(_) => 1,
            Stretch::Lines { len, .. } => len,
        }
    }
}

/// Every row of the screen in order, as a dozen stretches (cheap whatever the number of
/// sessions: nothing is laid out, nothing is listed line by line).
struct Plan<'a> {
    view: &'a crate::app::schedule::TodayView,
    stretches: Vec<Stretch>,
}

impl Plan<'_> {
    fn rows(&self) -> usize {
        self.stretches.iter().map(|s| s.len()).sum()
    }

    /// The `i`th row.
    fn row(&self, mut i: usize) -> Option<Row> {
        for s in &self.stretches {
            if i < s.len() {
                return Some(match *s {
                    Stretch::One(row) => row,
                    Stretch::Lines { first, .. } => Row::Line(self.view.line(first + i)?),
                });
            }
            i -= s.len();
        }
        None
    }

    /// The row of line `line`.
    fn row_of(&self, line: usize) -> Option<usize> {
        let mut at = 0;
        for s in &self.stretches {
            if let Stretch::Lines { first, len } = *s
                && (first..first + len).contains(&line)
            {
                return Some(at + line - first);
            }
            at += s.len();
        }
        None
    }
}

/// The screen's rows: today's and tomorrow's sessions under their headings, then (once
/// read) the performance items, the alerts with the one line counting the long overdue,
/// and the count of those not listed.
fn plan(state: &AppState) -> Plan<'_> {
    let view = &state.today_view;
    let mut out = Vec::new();
    let mut line = 0;
    for (key, n) in [
        ("today.sessions_today", view.days[0]),
        ("today.sessions_tomorrow", view.days[1]),
    ] {
        out.push(Stretch::One(Row::Heading(key, n)));
        if n == 0 {
            out.push(Stretch::One(Row::Nothing("today.none")));
        }
        out.push(Stretch::Lines {
            first: line,
            len: n,
        });
        line += n;
    }
    if view.performance_read {
        if !view.performance.is_empty() {
            out.push(Stretch::One(Row::Heading(
                "today.performance",
                view.performance.len(),
            )));
        }
        out.push(Stretch::Lines {
            first: line,
            len: view.performance.len(),
        });
        line += view.performance.len();
    }
    if view.alerts_known() {
        out.push(Stretch::One(Row::Heading(
            "today.alerts",
            view.alert_total(),
        )));
        if view.alert_total() == 0 {
            out.push(Stretch::One(Row::Nothing("today.no_alerts")));
        }
        // Alerts and the one line counting the long overdue, in the order `line` gives.
        out.push(Stretch::Lines {
            first: line,
            len: view.line_count().saturating_sub(line),
        });
        if view.more_alerts > 0 {
            out.push(Stretch::One(Row::More));
        }
    }
    Plan {
        view,
        stretches: out,
    }
}

/// The width of the alerts' urgency column (the widest urgency listed, and room after
/// it): the long overdue count only while folded into their one line.
///
/// It is worked out on every frame, so each distinct urgency is put into words once: the
/// alerts come in 今日's order, so equal urgencies are neighbours, and a room at a million
/// cases lists thousands of alerts but a few dozen urgencies. (Putting every alert's
/// urgency into words was most of the time of a key on 今日: 7 ms at a million cases.)
fn alert_column(state: &AppState, theme: Theme) -> usize {
    let view = &state.today_view;
    let mut widest = 0;
    for u in &view.urgencies {
        widest = widest.max(width(&urgency(*u, theme).0));
    }
    if view.long_open && view.alerts_whole {
        let mut last = None;
        for a in view.alerts.iter().skip(view.long_from) {
            let u = a.deadline.urgency;
            if last != Some(u) {
                widest = widest.max(width(&urgency(u, theme).0));
                last = Some(u);
            }
        }
    }
    widest + 4
}

/// The text of one row, `w` cells wide.
fn lay_out(row: Row, state: &AppState, w: usize, column: usize, theme: Theme) -> Line<'static> {
    let view = &state.today_view;
    let missing = || Line::raw("");
    match row {
        Row::Heading(key, n) => heading(&tf(key, &[("n", &n.to_string())]), theme),
        Row::Nothing(key) => Line::styled(format!("  {}", t(key)), theme.dim()),
        Row::Line(TodayLine::Session(i)) => view
            .session(i)
            .map_or_else(missing, |s| session_line::line(s, w, 2, true, theme)),
        Row::Line(TodayLine::Performance(i)) => {
            view.performance.get(i).map_or_else(missing, |due| {
                super::today_performance::line(due, state.today, w, theme)
            })
        }
        Row::Line(TodayLine::Alert(i)) => view
            .alerts
            .get(i)
            .map_or_else(missing, |a| alert_line(a, w, column, theme)),
        Row::Line(TodayLine::LongOverdue) => long_overdue_line(view, w, theme),
        Row::More => {
            let text = tn(
                "today.more_alerts",
                view.more_alerts,
                &[("n", &view.more_alerts.to_string())],
            );
            Line::styled(fit(&format!("  {text}"), w).into_owned(), theme.dim())
        }
    }
}

/// "  超期7天以上 23 项（办理期限 20、首次回访 3）· Enter 展开": the long overdue, counted by
/// kind in one line, so that they never push what ends today off the screen.
fn long_overdue_line(
    view: &crate::app::schedule::TodayView,
    w: usize,
    theme: Theme,
) -> Line<'static> {
    let kinds: Vec<String> = view
        .long_kinds
        .iter()
        .map(|(k, n)| format!("{} {n}", kind_name(*k)))
        .collect();
    let key = if view.long_open {
        "today.long_overdue_open"
    } else {
        "today.long_overdue"
    };
    let text = tf(
        key,
        &[
            ("days", &LONG_OVERDUE_DAYS.to_string()),
            ("n", &view.long_total().to_string()),
            ("kinds", &kinds.join(t("list.sep").as_ref())),
        ],
    );
    Line::styled(fit(&format!("  {text}"), w).into_owned(), theme.error())
}

fn kind_name(kind: DeadlineKind) -> std::borrow::Cow<'static, str> {
    t(match kind {
        DeadlineKind::CaseLimit => "deadline.case_limit",
        DeadlineKind::PoliceFeedback => "deadline.police_feedback",
        DeadlineKind::Confirmation => "deadline.confirmation",
        DeadlineKind::FollowUp => "deadline.follow_up",
    })
}

fn heading(text: &str, theme: Theme) -> Line<'static> {
    Line::styled(text.to_string(), theme.header())
}

/// How close a deadline is, in words and in its colour.
pub(super) fn urgency(u: Urgency, theme: Theme) -> (String, ratatui::style::Style) {
    match u {
        Urgency::Overdue(n) => (
            tn("urgency.overdue", n, &[("n", &n.to_string())]),
            theme.error(),
        ),
        Urgency::DueToday => (t("urgency.today").into_owned(), theme.error()),
        Urgency::Near(n) => (
            tn("urgency.near", n, &[("n", &n.to_string())]),
            theme.risk(),
        ),
        Urgency::Later(n) => (
            tn("urgency.near", n, &[("n", &n.to_string())]),
            theme.text(),
        ),
    }
}

/// "  已超期2天  11-26  首次回访  （2026）临新人调字第33号  张三、李四", the urgency in a
/// column `column` cells wide.
fn alert_line(a: &CaseAlert, w: usize, column: usize, theme: Theme) -> Line<'static> {
    let d = &a.deadline;
    let (urgency, style) = urgency(d.urgency, theme);
    let kind = kind_name(d.kind);
    let urgency = format!("  {}", fit(&urgency, w / 3));
    let urgency_pad = " ".repeat(column.saturating_sub(width(&urgency)).max(1));
    let due = match d.at {
        Some(at) => format!("{} {}", d.due.format("%m-%d"), at.format("%H:%M")),
        None => d.due.format("%m-%d").to_string(),
    };
    let mut pieces = vec![due, kind.into_owned(), clean(&a.label).into_owned()];
    if a.label != a.parties && !a.parties.is_empty() {
        pieces.push(clean(&a.parties).into_owned());
    }
    let used = width(&urgency) + urgency_pad.len();
    // Party names give way first, then the kind of limit: never the case number.
    squeeze(&mut pieces, &[3, 1], 2, w.saturating_sub(used));
    let shown: Vec<String> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
    let rest = shown.join("  ");
    let rest = fit(&rest, w.saturating_sub(used)).into_owned();
    let pad = w.saturating_sub(used + width(&rest));
    Line::from(vec![
        Span::styled(urgency, style),
        Span::raw(urgency_pad),
        Span::raw(rest),
        Span::raw(" ".repeat(pad)),
    ])
}
