//! The statistics as kept ahead of time: each case's figures added to the rows of the
//! table they count in (the total, its category, its local sub-type, its source group,
//! each of its mediators), so a table is put together from a few hundred summed rows
//! instead of counting every case of the period. Pure: storage keeps and sums the rows.

use super::period::Period;
use super::{Counts, SourceGroup, Stats, StatsCase};
use crate::domain::category::Category;
use std::collections::BTreeMap;

/// A row of the statistics table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dim {
    /// The total row.
    Total,
    /// A national category.
    Category(Category),
    /// A local sub-type under its national category.
    Local(Category, String),
    /// A source group.
    Source(SourceGroup),
    /// A mediator by name ("" for cases with none assigned).
    Mediator(String),
}

/// The rows `case` counts in.
pub fn dims(case: &StatsCase) -> Vec<Dim> {
    let mut out = vec![
        Dim::Total,
        Dim::Category(case.category),
        Dim::Source(SourceGroup::of(case.source)),
    ];
    if let Some(local) = &case.local {
        out.push(Dim::Local(case.category, local.clone()));
    }
    if case.mediators.is_empty() {
        out.push(Dim::Mediator(String::new()));
    }
    out.extend(case.mediators.iter().cloned().map(Dim::Mediator));
    out
}

/// A whole table from its rows' figures (rows may come more than once: they are added).
/// The same table as [`super::compute`] over the cases the rows were made from.
pub fn assemble(period: Period, rows: impl IntoIterator<Item = (Dim, Counts)>) -> Stats {
    let mut total = Counts::default();
    let mut by_category: Vec<(Category, Counts)> = Category::ALL
        .iter()
        .map(|c| (*c, Counts::default()))
        .collect();
    let mut by_source: Vec<(SourceGroup, Counts)> = SourceGroup::ALL
        .iter()
        .map(|s| (*s, Counts::default()))
        .collect();
    let mut by_local: BTreeMap<(usize, String), Counts> = BTreeMap::new();
    let mut by_mediator: BTreeMap<String, Counts> = BTreeMap::new();
    for (dim, counts) in rows {
        match dim {
            Dim::Total => total.merge(&counts),
            Dim::Category(c) => {
                if let Some((_, row)) = by_category.iter_mut().find(|(k, _)| *k == c) {
                    row.merge(&counts);
                }
            }
            Dim::Source(g) => {
                if let Some((_, row)) = by_source.iter_mut().find(|(k, _)| *k == g) {
                    row.merge(&counts);
                }
            }
            Dim::Local(c, name) => {
                let cat = Category::ALL.iter().position(|k| *k == c).unwrap_or(0);
                by_local.entry((cat, name)).or_default().merge(&counts);
            }
            Dim::Mediator(name) => by_mediator.entry(name).or_default().merge(&counts),
        }
    }
    Stats {
        period,
        total,
        by_category,
        // A row whose cases all moved elsewhere sums to nothing: it is not listed, as
        // counting the cases would not list it.
        by_local: by_local
            .into_iter()
            .filter(|(_, c)| !c.is_empty())
            .map(|((cat, name), c)| {
                let parent = Category::ALL.get(cat).copied().unwrap_or(Category::Other);
                (parent, name, c)
            })
            .collect(),
        by_source,
        by_mediator: by_mediator
            .into_iter()
            .filter(|(_, c)| !c.is_empty())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseId;
    use crate::domain::source::Source;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Each case's figures for each day it counts on, added up, make the same table as
    /// counting the cases over the month.
    #[test]
    fn rows_added_day_by_day_make_the_counted_table() {
        let case = |id, cat, mediators: &[&str], acc: &str, out: Option<&str>| StatsCase {
            id: CaseId(id),
            category: cat,
            local: (id % 2 == 0).then(|| "彩礼".to_string()),
            source: Source::Police,
            mediators: mediators.iter().map(|m| m.to_string()).collect(),
            persons_involved: 0,
            party_count: 2,
            amount_fen: Some(1000),
            risk_escalation: id % 3 == 0,
            risk_group: false,
            accepted_on: Some(d(acc)),
            outcome: out.map(|o| (super::super::Outcome::Succeeded, d(o))),
            agreement: None,
        };
        let cases = vec![
            case(
                1,
                Category::Marriage,
                &["王"],
                "2026-11-02",
                Some("2026-11-20"),
            ),
            case(2, Category::Marriage, &[], "2026-10-30", Some("2026-11-01")),
            case(3, Category::Neighbour, &["王", "李"], "2026-11-05", None),
            case(
                4,
                Category::Neighbour,
                &["李"],
                "2026-11-30",
                Some("2026-12-01"),
            ),
        ];
        let month = Period::month_of(d("2026-11-01"));
        let mut rows = Vec::new();
        for c in &cases {
            let mut days: Vec<NaiveDate> = c.accepted_on.into_iter().collect();
            days.extend(c.outcome.map(|(_, day)| day));
            days.dedup();
            for day in days.into_iter().filter(|x| month.contains(*x)) {
                let counts = Counts::of(c, &Period::range(day, day));
                rows.extend(dims(c).into_iter().map(|dim| (dim, counts)));
            }
        }
        assert_eq!(assemble(month, rows), super::super::compute(month, &cases));
    }
}
