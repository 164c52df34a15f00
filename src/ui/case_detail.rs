//! One case, in the order a mediator thinks: number, status and risk first (a header that
//! stays while the rest scrolls); then when, from where, what kind, how much, who mediates;
//! the facts and claims in the parties' words; each party; the status history.
//! Reads `&AppState` only; every string from the case goes through `clean`.

pub(in crate::ui) mod audit;
mod follow_ups;
mod parties;
pub(super) mod repeats;
mod sessions;

use super::scroll::window;
use super::text::{clean, clean_lines, fit, width};
use super::theme::Theme;
use super::wrap::wrap;
use crate::app::{AppState, CaseDetail};
use crate::domain::case::Case;
use crate::domain::money::format_yuan;
use crate::domain::status::StatusChange;
use crate::i18n::{label, t, tf};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph};
use std::borrow::Cow;

/// A value as styled pieces of text.
type Value = Vec<(String, Style)>;

/// Draws the case; the scroll is clamped so the last line stays at the bottom.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, detail: &CaseDetail, theme: Theme) {
    let case = &detail.case;
    let block = Block::bordered()
        .border_style(theme.frame())
        .padding(Padding::horizontal(1))
        .title(format!(" {} ", t("detail.title")));
    let inner = block.inner(area);
    let w = usize::from(inner.width);
    let mut lines = header(case, w, theme);
    let body = body(state, detail, w, theme);
    let view = usize::from(inner.height).saturating_sub(lines.len());
    let (first, position) = window(detail.scroll, body.len(), view);
    let block = match position {
        Some(p) => block.title_bottom(Line::from(format!(" {p} ")).right_aligned()),
        None => block,
    };
    lines.extend(body.into_iter().skip(first).take(view));
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Number (or 未受理), status in its colour, risk flags.
fn header(case: &Case, w: usize, theme: Theme) -> Vec<Line<'static>> {
    let number = match &case.number {
        Some(n) => clean(&n.text).into_owned(),
        None => t("list.no_number").into_owned(),
    };
    let mut pieces = vec![
        (number, theme.header()),
        ("  ".to_string(), theme.text()),
        (
            label("status", case.status.code()).into_owned(),
            theme.status(case.status),
        ),
    ];
    let flags = [
        (case.fields.risk_escalation, "detail.risk_escalation"),
        (case.fields.risk_group, "detail.risk_group"),
    ];
    for (_, key) in flags.iter().filter(|(set, _)| *set) {
        pieces.push(("  ".to_string(), theme.text()));
        pieces.push((format!("! {}", t(key)), theme.risk()));
    }
    wrap(&pieces, w, 0)
}

fn body(state: &AppState, detail: &CaseDetail, w: usize, theme: Theme) -> Vec<Line<'static>> {
    let case = &detail.case;
    let mut out = vec![Line::default()];
    grid(&mut out, &case_rows(state, case, theme), 0, w, theme);
    let f = &case.fields;
    paragraph(&mut out, &t("field.facts"), &f.facts, w, theme);
    paragraph(&mut out, &t("field.claims"), &f.claims, w, theme);
    parties::section(&mut out, &f.parties, w, theme);
    sessions::section(&mut out, detail, w, theme);
    follow_ups::section(&mut out, detail, w, theme);
    repeats::section(&mut out, &detail.repeats, w, theme);
    history(&mut out, &case.history, w, theme);
    audit::section(&mut out, detail, w, theme);
    out
}

/// The short facts about the case, one per row.
fn case_rows(state: &AppState, case: &Case, theme: Theme) -> Vec<(Cow<'static, str>, Value)> {
    let f = &case.fields;
    let mut rows = vec![
        (
            t("field.received_on"),
            plain(&f.received_on.format("%Y-%m-%d").to_string(), theme),
        ),
        (
            t("field.source"),
            plain(&label("source", f.source.code()), theme),
        ),
    ];
    if f.source.is_referral() {
        rows.push((t("field.referrer_unit"), plain(&f.referrer_unit, theme)));
        rows.push((t("field.referrer_ref"), plain(&f.referrer_ref, theme)));
    }
    let national = label("category", f.category.national.code());
    let category = match &f.category.local {
        Some(local) => tf(
            "detail.category_local",
            &[("local", local), ("national", &national)],
        ),
        None => national.into_owned(),
    };
    let amount = f
        .amount_fen
        .map(|fen| tf("detail.amount_value", &[("yuan", &format_yuan(fen))]))
        .unwrap_or_default();
    let persons = match f.persons_involved {
        0 => String::new(),
        n => n.to_string(),
    };
    let names: Vec<String> = case
        .mediators
        .iter()
        .map(|id| clean(state.mediator_name(*id)).into_owned())
        .collect();
    let mediators = if names.is_empty() {
        vec![(t("detail.no_mediator").into_owned(), theme.dim())]
    } else {
        plain(&names.join(&t("list.sep")), theme)
    };
    rows.extend([
        (t("field.category"), plain(&category, theme)),
        (t("detail.amount"), plain(&amount, theme)),
        (t("field.persons"), plain(&persons, theme)),
        (t("field.mediators"), mediators),
    ]);
    rows
}

/// User text as a value, or a dim "not given" when it is empty.
fn plain(text: &str, theme: Theme) -> Value {
    match text.trim() {
        "" => vec![(t("field.unknown").into_owned(), theme.dim())],
        text => vec![(clean(text).into_owned(), theme.text())],
    }
}

/// Label/value rows with the values in one column; long values wrap under themselves.
fn grid(
    out: &mut Vec<Line<'static>>,
    rows: &[(Cow<'static, str>, Value)],
    indent: usize,
    w: usize,
    theme: Theme,
) {
    let label_w = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 2;
    for (name, value) in rows {
        let pad = label_w.saturating_sub(width(name));
        let mut pieces = vec![
            (" ".repeat(indent), theme.text()),
            (format!("{name}{}", " ".repeat(pad)), theme.frame()),
        ];
        pieces.extend(value.iter().cloned());
        out.extend(wrap(&pieces, w, indent + label_w));
    }
}

/// A section's heading after a blank line, and `empty` under it when it has nothing to
/// list (the parties, sessions and visits sections).
fn section_heading(
    out: &mut Vec<Line<'static>>,
    heading: String,
    empty: Option<&str>,
    w: usize,
    theme: Theme,
) {
    out.push(Line::default());
    out.push(Line::styled(heading, theme.header()));
    if let Some(none) = empty {
        out.push(Line::styled(
            fit(&format!("  {none}"), w).into_owned(),
            theme.dim(),
        ));
    }
}

/// A heading, then the text with its own line breaks kept.
fn paragraph(out: &mut Vec<Line<'static>>, heading: &str, text: &str, w: usize, theme: Theme) {
    out.push(Line::default());
    out.push(Line::styled(heading.to_string(), theme.header()));
    let lines = clean_lines(text.trim_end());
    if lines.is_empty() {
        out.extend(wrap(
            &[("  ", theme.text()), (&t("field.unknown"), theme.dim())],
            w,
            2,
        ));
    }
    for line in lines {
        out.extend(wrap(&[("  ", theme.text()), (&line, theme.text())], w, 2));
    }
}

/// Every status change, oldest first: when, from → to, who, and why.
fn history(out: &mut Vec<Line<'static>>, changes: &[StatusChange], w: usize, theme: Theme) {
    out.push(Line::default());
    out.push(Line::styled(
        t("detail.history").into_owned(),
        theme.header(),
    ));
    for change in changes {
        let mut pieces = vec![
            ("  ".to_string(), theme.text()),
            (change.at.format("%Y-%m-%d %H:%M").to_string(), theme.text()),
            ("  ".to_string(), theme.text()),
        ];
        if let Some(from) = change.from {
            pieces.push((
                label("status", from.code()).into_owned(),
                theme.status(from),
            ));
            pieces.push((" → ".to_string(), theme.text()));
        }
        pieces.push((
            label("status", change.to.code()).into_owned(),
            theme.status(change.to),
        ));
        pieces.push(("  ".to_string(), theme.text()));
        let by = tf("detail.by", &[("name", &clean(&change.operator))]);
        pieces.push((by, theme.dim()));
        out.extend(wrap(&pieces, w, 4));
        if !change.reason.trim().is_empty() {
            let reason = tf("detail.reason", &[("reason", &clean(change.reason.trim()))]);
            out.extend(wrap(
                &[("    ", theme.text()), (&reason, theme.text())],
                w,
                4,
            ));
        }
    }
}
