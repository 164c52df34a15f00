//! The month grid: six Monday-first weeks, each day with how many sessions it holds; the
//! cursor day highlighted, today marked, days of other months dimmed. Drawn by hand (about
//! forty lines) rather than with ratatui's calendar, which would pull in the `time` crate.

use super::weekday;
use crate::app::AppState;
use crate::app::schedule::month_grid;
use crate::i18n::{t, tf};
use crate::ui::text::{fit, width};
use crate::ui::theme::Theme;
use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the month holding `day`.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, day: NaiveDate, theme: Theme) {
    let title = tf(
        "schedule.month_title",
        &[
            ("year", &day.year().to_string()),
            ("month", &day.month().to_string()),
        ],
    );
    let block = Block::bordered()
        .border_style(theme.frame())
        .title(format!(" {title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cell = usize::from(inner.width / 7).max(1);
    // Two rows a week (date, then count) when the window is tall enough, else one.
    let tall = inner.height >= 13;
    let (first, _) = month_grid(day);
    let mut lines = vec![Line::from(
        (0..7)
            .map(|i| {
                let d = first.checked_add_days(Days::new(i)).unwrap_or(first);
                Span::styled(pad(&format!(" {}", weekday(d)), cell), theme.header())
            })
            .collect::<Vec<_>>(),
    )];
    for week in 0..6u64 {
        let mut top = Vec::new();
        let mut bottom = Vec::new();
        for i in 0..7u64 {
            let d = first
                .checked_add_days(Days::new(week * 7 + i))
                .unwrap_or(first);
            let n = state.schedule.count(d);
            let count = if n > 0 {
                tf("schedule.count", &[("n", &n.to_string())])
            } else {
                String::new()
            };
            let mark = if d == state.today { "*" } else { " " };
            let style = if d == day {
                theme.selected()
            } else if d.month() != day.month() {
                theme.dim()
            } else {
                theme.text()
            };
            if tall {
                top.push(Span::styled(
                    pad(&format!("{mark}{:>2}", d.day()), cell),
                    style,
                ));
                bottom.push(Span::styled(pad(&format!("  {count}"), cell), style));
            } else {
                top.push(Span::styled(
                    pad(&format!("{mark}{:>2} {count}", d.day()), cell),
                    style,
                ));
            }
        }
        lines.push(Line::from(top));
        if tall {
            lines.push(Line::from(bottom));
        }
    }
    lines.push(Line::styled(
        fit(&t("schedule.month_hint"), usize::from(inner.width)).into_owned(),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `text` cut or padded to exactly `cells` columns.
fn pad(text: &str, cells: usize) -> String {
    let cut = fit(text, cells).into_owned();
    let fill = cells.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}
