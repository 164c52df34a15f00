//! The 统计 tab: the period and its kind, the totals of the national form, and one table
//! (categories, local sub-types, sources or mediators) with a bar per row for the cases
//! accepted. Bars are drawn here with block characters so Chinese labels stay aligned.

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::stats_view::StatsPane;
use crate::domain::money::format_yuan;
use crate::domain::stats::period::{Period, PeriodKind};
use crate::domain::stats::{Counts, Stats};
use crate::i18n::{label, t, tf};
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Cells of the row label and of each figure column.
const NAME_W: usize = 16;
const NUM_W: usize = 7;

/// Draws the tab.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame())
        .title(format!(" {} ", t("tab.statistics")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let view = &state.stats;
    if let Some(form) = &view.range {
        let title = t("stats.range.title");
        let active = state.modals.is_empty();
        super::range_form::render(frame, inner, &title, form, active, theme);
        return;
    }
    let mut lines = Vec::new();
    if let Some(period) = view.period {
        lines.push(period_line(&period, theme));
    }
    match &view.stats {
        Some(stats) if Some(stats.period) == view.period => {
            lines.extend(summary(&stats.total, theme));
            lines.push(pane_line(view.pane, theme));
            lines.push(header(usize::from(inner.width), theme));
            let rows = table_rows(stats, view.pane);
            let max = rows
                .iter()
                .map(|(_, c)| c.accepted.cases)
                .max()
                .unwrap_or(0);
            let room = usize::from(inner.height).saturating_sub(lines.len());
            let skip = usize::from(view.scroll).min(rows.len().saturating_sub(room));
            if rows.is_empty() {
                lines.push(Line::styled(
                    t("stats.empty_pane").into_owned(),
                    theme.dim(),
                ));
            }
            for (name, counts) in rows.iter().skip(skip).take(room) {
                lines.push(row(name, counts, max, usize::from(inner.width), theme));
            }
        }
        _ => lines.push(Line::styled(t("list.loading").into_owned(), theme.dim())),
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "◀ 2026年11月 ▶  2026-11-01 至 2026-11-30   月 季 年" with the kind in front marked.
fn period_line(period: &Period, theme: Theme) -> Line<'static> {
    let name = match period.kind {
        PeriodKind::Month => tf(
            "stats.period.month",
            &[
                ("year", &period.from.year().to_string()),
                ("month", &period.from.month().to_string()),
            ],
        ),
        PeriodKind::Quarter => tf(
            "stats.period.quarter",
            &[
                ("year", &period.from.year().to_string()),
                ("quarter", &(period.from.month0() / 3 + 1).to_string()),
            ],
        ),
        PeriodKind::Year => tf(
            "stats.period.year",
            &[("year", &period.from.year().to_string())],
        ),
        PeriodKind::Range => String::new(),
    };
    let range = tf(
        "stats.period.range",
        &[
            ("from", &period.from.to_string()),
            ("to", &period.to.to_string()),
        ],
    );
    let mut spans = vec![
        Span::styled(format!("◀ {name} ▶"), theme.header()),
        Span::raw(format!("  {range}  ")),
    ];
    for (kind, key) in [
        (PeriodKind::Month, "stats.kind.month"),
        (PeriodKind::Quarter, "stats.kind.quarter"),
        (PeriodKind::Year, "stats.kind.year"),
    ] {
        let style = if kind == period.kind {
            theme.tab_active()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(format!(" {} ", t(key)), style));
    }
    Line::from(spans)
}

/// The totals: three lines of the form's main figures.
fn summary(c: &Counts, theme: Theme) -> Vec<Line<'static>> {
    let rate = rate_text(c);
    let first = tf(
        "stats.summary",
        &[
            ("accepted", &c.accepted.cases.to_string()),
            ("accepted_p", &c.accepted.persons.to_string()),
            ("mediated", &c.mediated.cases.to_string()),
            ("succeeded", &c.succeeded.cases.to_string()),
            ("rate", &rate),
            ("amount", &format_yuan(c.amount_fen)),
        ],
    );
    let second = tf(
        "stats.summary.prevented",
        &[
            ("esc", &c.escalation_prevented.cases.to_string()),
            ("esc_p", &c.escalation_prevented.persons.to_string()),
            ("group", &c.group_prevented.cases.to_string()),
            ("group_p", &c.group_prevented.persons.to_string()),
        ],
    );
    let agreements = tf(
        "stats.summary.agreements",
        &[
            ("written", &c.written_agreements.to_string()),
            ("oral", &c.oral_agreements.to_string()),
        ],
    );
    vec![
        Line::styled(first, theme.text()),
        Line::styled(second, theme.risk()),
        Line::styled(agreements, theme.text()),
    ]
}

fn rate_text(c: &Counts) -> String {
    match c.success_permille() {
        Some(p) => format!("{}.{}%", p / 10, p % 10),
        None => "—".into(),
    }
}

fn pane_line(front: StatsPane, theme: Theme) -> Line<'static> {
    let spans: Vec<Span> = StatsPane::ALL
        .iter()
        .map(|p| {
            let style = if *p == front {
                theme.tab_active()
            } else {
                theme.dim()
            };
            Span::styled(format!(" {} ", t(p.title())), style)
        })
        .collect();
    Line::from(spans)
}

fn header(total: usize, theme: Theme) -> Line<'static> {
    let mut text = pad_right("", NAME_W);
    for key in [
        "stats.short.accepted",
        "stats.short.mediated",
        "stats.short.succeeded",
        "stats.short.rate",
    ] {
        text.push_str(&pad_left(&t(key), NUM_W));
    }
    text.push(' ');
    let bar_title = t("stats.short.bar");
    text.push_str(&fit(&bar_title, total.saturating_sub(width(&text))));
    Line::styled(text, theme.header())
}

/// The rows of the pane in front: label and figures (the total last where it belongs).
fn table_rows(stats: &Stats, pane: StatsPane) -> Vec<(String, Counts)> {
    let total = (t("stats.total").into_owned(), stats.total);
    match pane {
        StatsPane::Category => stats
            .by_category
            .iter()
            .map(|(c, n)| (label("category", c.code()).into_owned(), *n))
            .chain(std::iter::once(total))
            .collect(),
        StatsPane::Local => stats
            .by_local
            .iter()
            .map(|(p, name, n)| {
                let parent = label("category", p.code());
                (
                    tf("stats.local_row", &[("parent", &parent), ("name", name)]),
                    *n,
                )
            })
            .collect(),
        StatsPane::Source => stats
            .by_source
            .iter()
            .map(|(g, n)| (t(&format!("stats.source.{}", g.code())).into_owned(), *n))
            .chain(std::iter::once(total))
            .collect(),
        StatsPane::Mediator => stats
            .by_mediator
            .iter()
            .map(|(m, n)| {
                let name = if m.is_empty() {
                    t("stats.unassigned").into_owned()
                } else {
                    m.clone()
                };
                (name, *n)
            })
            .collect(),
    }
}

fn row(name: &str, c: &Counts, max: u64, total: usize, theme: Theme) -> Line<'static> {
    let mut text = pad_right(&fit(&clean(name), NAME_W), NAME_W);
    for n in [c.accepted.cases, c.mediated.cases, c.succeeded.cases] {
        text.push_str(&pad_left(&n.to_string(), NUM_W));
    }
    text.push_str(&pad_left(&rate_text(c), NUM_W));
    text.push(' ');
    let room = total.saturating_sub(width(&text));
    Line::from(vec![
        Span::raw(text),
        Span::styled(bar(c.accepted.cases, max, room), bar_style(theme)),
    ])
}

fn bar_style(theme: Theme) -> Style {
    theme.frame()
}

/// A bar of `value` out of `max` in `room` cells, in eighths of a cell.
fn bar(value: u64, max: u64, room: usize) -> String {
    if max == 0 || room == 0 {
        return String::new();
    }
    let eighths = (value.saturating_mul(room as u64 * 8) / max) as usize;
    let mut out = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    out.push_str(PARTS[eighths % 8]);
    out
}

fn pad_right(text: &str, w: usize) -> String {
    format!("{text}{}", " ".repeat(w.saturating_sub(width(text))))
}

fn pad_left(text: &str, w: usize) -> String {
    format!("{}{text}", " ".repeat(w.saturating_sub(width(text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_row_in_eighths() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 3), "█▌");
        assert_eq!(bar(0, 10, 3), "");
        assert_eq!(bar(3, 0, 3), "");
    }
}
