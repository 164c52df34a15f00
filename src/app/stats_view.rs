//! The 统计 tab's state: the period shown (month, quarter, year or any range typed with
//! F7, moved with ←/→), which table is in front, how far it is scrolled, and the figures
//! last read for the period.

use crate::domain::stats::Stats;
use crate::domain::stats::period::{Period, PeriodKind};

/// The tables of the tab, in the order F6 cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatsPane {
    /// The 15 national categories and the total.
    #[default]
    Category,
    /// Local sub-types under their parents.
    Local,
    /// The six source groups.
    Source,
    /// Mediators.
    Mediator,
}

impl StatsPane {
    /// Every pane in order.
    pub const ALL: [StatsPane; 4] = [
        StatsPane::Category,
        StatsPane::Local,
        StatsPane::Source,
        StatsPane::Mediator,
    ];

    /// Catalogue key of its name.
    pub fn title(self) -> &'static str {
        match self {
            StatsPane::Category => "stats.sheet.category",
            StatsPane::Local => "stats.sheet.local",
            StatsPane::Source => "stats.sheet.source",
            StatsPane::Mediator => "stats.sheet.mediator",
        }
    }

    /// The next pane (wrapping).
    pub fn next(self) -> StatsPane {
        let i = Self::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// What the statistics tab shows.
#[derive(Debug, Clone, Default)]
pub struct StatsView {
    /// The period; none until the tab is first opened (it starts at this month).
    pub period: Option<Period>,
    /// The figures for `period`, once read.
    pub stats: Option<Stats>,
    /// The table in front.
    pub pane: StatsPane,
    /// Rows scrolled in the table.
    pub scroll: u16,
    /// The first and last day being typed (F7), while open.
    pub range: Option<crate::app::form::Form>,
}

/// The form for any range: first and last day, typed like the schedule's dates.
pub fn range_form(period: Option<Period>) -> crate::app::form::Form {
    crate::app::range_form::form(
        ("stats.range.from", "stats.range.to"),
        period.map(|p| (p.from, p.to)),
    )
}

/// The kinds F5 cycles through (a free range is given on the command line).
pub fn next_kind(kind: PeriodKind) -> PeriodKind {
    match kind {
        PeriodKind::Month => PeriodKind::Quarter,
        PeriodKind::Quarter => PeriodKind::Year,
        PeriodKind::Year | PeriodKind::Range => PeriodKind::Month,
    }
}
