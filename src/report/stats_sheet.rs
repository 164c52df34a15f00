//! The statistics as sheets: by category (with the total), local sub-types, sources and
//! mediators, each with the columns of the national monthly form.

use super::{Cell, Sheet};
use crate::domain::stats::{Counts, Stats};
use crate::i18n::{label, t, tf};

/// The column keys, in the form's order (the agreement columns last).
const COLUMNS: &[&str] = &[
    "stats.col.accepted_cases",
    "stats.col.accepted_persons",
    "stats.col.mediated_cases",
    "stats.col.mediated_persons",
    "stats.col.succeeded_cases",
    "stats.col.succeeded_persons",
    "stats.col.rate",
    "stats.col.agreement_amount",
    "stats.col.escalation_cases",
    "stats.col.escalation_persons",
    "stats.col.group_cases",
    "stats.col.group_persons",
    "stats.col.written",
    "stats.col.oral",
];

/// The figures of one row, in [`COLUMNS`] order.
pub fn figures(c: &Counts) -> Vec<Cell> {
    vec![
        Cell::Count(c.accepted.cases),
        Cell::Count(c.accepted.persons),
        Cell::Count(c.mediated.cases),
        Cell::Count(c.mediated.persons),
        Cell::Count(c.succeeded.cases),
        Cell::Count(c.succeeded.persons),
        Cell::Permille(c.success_permille()),
        Cell::Money(c.amount_fen),
        Cell::Count(c.escalation_prevented.cases),
        Cell::Count(c.escalation_prevented.persons),
        Cell::Count(c.group_prevented.cases),
        Cell::Count(c.group_prevented.persons),
        Cell::Count(c.written_agreements),
        Cell::Count(c.oral_agreements),
    ]
}

/// Headers: the row label's header, then the figure columns.
pub fn headers(first: &str) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(COLUMNS.iter().map(|k| t(k).into_owned()))
        .collect()
}

fn sheet(name: &str, title: &str, first: &str, rows: Vec<(String, &Counts)>) -> Sheet {
    let headers = headers(first);
    let mut widths = vec![14u16];
    widths.extend(COLUMNS.iter().map(|_| 12u16));
    Sheet {
        name: name.to_string(),
        title: title.to_string(),
        widths,
        headers,
        rows: rows
            .into_iter()
            .map(|(label, c)| {
                let mut row = vec![Cell::Text(label)];
                row.extend(figures(c));
                row
            })
            .collect(),
        notes: vec![t("stats.note.rules_agreements").into_owned()],
    }
}

/// The title line: room and period.
pub fn title(room: &str, stats: &Stats) -> String {
    tf(
        "stats.title",
        &[
            ("room", room),
            ("from", &stats.period.from.to_string()),
            ("to", &stats.period.to.to_string()),
        ],
    )
}

/// The four sheets of a room's statistics.
pub fn stats_sheets(room: &str, stats: &Stats) -> Vec<Sheet> {
    let title = title(room, stats);
    let total = t("stats.total").into_owned();
    let mut by_category: Vec<(String, &Counts)> = stats
        .by_category
        .iter()
        .map(|(c, n)| (label("category", c.code()).into_owned(), n))
        .collect();
    by_category.push((total.clone(), &stats.total));
    let by_local = stats
        .by_local
        .iter()
        .map(|(parent, name, n)| {
            let parent = label("category", parent.code());
            (
                tf("stats.local_row", &[("parent", &parent), ("name", name)]),
                n,
            )
        })
        .collect();
    let mut by_source: Vec<(String, &Counts)> = stats
        .by_source
        .iter()
        .map(|(g, n)| (t(&format!("stats.source.{}", g.code())).into_owned(), n))
        .collect();
    by_source.push((total.clone(), &stats.total));
    let by_mediator = stats
        .by_mediator
        .iter()
        .map(|(m, n)| {
            let name = if m.is_empty() {
                t("stats.unassigned").into_owned()
            } else {
                m.clone()
            };
            (name, n)
        })
        .collect();
    vec![
        sheet(
            &t("stats.sheet.category"),
            &title,
            &t("stats.col.category"),
            by_category,
        ),
        sheet(
            &t("stats.sheet.local"),
            &title,
            &t("stats.col.local"),
            by_local,
        ),
        sheet(
            &t("stats.sheet.source"),
            &title,
            &t("stats.col.source"),
            by_source,
        ),
        sheet(
            &t("stats.sheet.mediator"),
            &title,
            &t("stats.col.mediator"),
            by_mediator,
        ),
    ]
}

/// A district's table: a row per room and a total (`report stats --merge`).
pub fn district_sheet(title: &str, rooms: &[(String, Counts)]) -> Sheet {
    let mut total = Counts::default();
    for (_, c) in rooms {
        total.merge(c);
    }
    let mut rows: Vec<(String, &Counts)> = rooms.iter().map(|(r, c)| (r.clone(), c)).collect();
    let total_label = t("stats.total").into_owned();
    rows.push((total_label, &total));
    let mut s = sheet(
        &t("stats.sheet.district"),
        title,
        &t("stats.col.room"),
        rows,
    );
    s.widths[0] = 30;
    s
}
