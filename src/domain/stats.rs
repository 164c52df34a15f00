//! The monthly statistics (统计) of a room, computed from the cases whose acceptance or
//! outcome falls in a period: accepted, mediated, succeeded, success rate, persons,
//! amounts, 防止民转刑 and 防止群体性上访, split by the 15 national categories (local
//! sub-types rolled into their parents, with a detail list), by source and by mediator.
//! Pure: storage supplies the rows ([`StatsCase`]), this module only counts.
//!
//! What counts where (the rules of the national monthly form, as read here):
//! - 受理 (accepted): the case's 受理 change is in the period (不予受理 never counts);
//! - 调解 (mediated): its outcome, 调解成功 or 调解终止, is in the period;
//! - 调解成功 (succeeded): its 调解成功 change is in the period;
//! - 防止民转刑 / 防止群体性上访: a succeeded case flagged 可能激化 / 群体性;
//! - persons: the case's 涉及人数, or its number of parties where that was left at 0;
//! - amount: the 涉及金额 of the succeeded cases.
//!
//! Not yet available (they need the agreements of a later issue): written vs oral
//! agreements and the amount in agreements (协议涉及金额). They belong in [`Counts`] as
//! more tallies fed from the agreement rows, beside these.

pub mod period;
pub mod summary;

use super::case::CaseId;
use super::category::Category;
use super::source::Source;
use chrono::NaiveDate;
use period::Period;

/// How a mediation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 调解成功.
    Succeeded,
    /// 调解终止.
    Terminated,
}

/// One case as the statistics need it (storage reads these for a period; it may leave out
/// an acceptance or an outcome that falls outside the period, which counts for nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsCase {
    /// Its row.
    pub id: CaseId,
    /// National category (a local sub-type is stored with its parent).
    pub category: Category,
    /// The local sub-type, if any.
    pub local: Option<String>,
    /// Where it came from.
    pub source: Source,
    /// Assigned mediators' names.
    pub mediators: Vec<String>,
    /// 涉及人数 as typed (0 when left empty).
    pub persons_involved: u32,
    /// How many parties it has (the persons when 涉及人数 is 0).
    pub party_count: u32,
    /// 涉及金额 in fen.
    pub amount_fen: Option<i64>,
    /// 可能激化 (民转刑 risk).
    pub risk_escalation: bool,
    /// 群体性.
    pub risk_group: bool,
    /// The day of its 受理 change.
    pub accepted_on: Option<NaiveDate>,
    /// Its outcome and the day of it.
    pub outcome: Option<(Outcome, NaiveDate)>,
    /// Its agreement, if one is stored: written or oral, and the sum of its items'
    /// amounts in fen (None when no item names an amount).
    pub agreement: Option<(super::agreement::AgreementKind, Option<i64>)>,
}

impl StatsCase {
    fn persons(&self) -> u64 {
        u64::from(if self.persons_involved > 0 {
            self.persons_involved
        } else {
            self.party_count
        })
    }
}

/// A counter kept as cases and as persons, as every counter of the national form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// 件.
    pub cases: u64,
    /// 人.
    pub persons: u64,
}

impl Tally {
    fn add(&mut self, persons: u64) {
        self.cases += 1;
        self.persons += persons;
    }

    fn merge(&mut self, other: Tally) {
        self.cases += other.cases;
        self.persons += other.persons;
    }
}

/// The figures of one row of a table (the total, a category, a source, a mediator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// 受理.
    pub accepted: Tally,
    /// 调解 (成功 + 终止).
    pub mediated: Tally,
    /// 调解成功.
    pub succeeded: Tally,
    /// 调解终止.
    pub terminated: Tally,
    /// 协议涉及金额 of the succeeded cases, in fen: the amounts of the stored agreement's
    /// items, or the case's 涉及金额 where the agreement names none (or is not stored).
    pub amount_fen: i64,
    /// 书面协议 among the succeeded cases (stored agreements).
    pub written_agreements: u64,
    /// 口头协议 among the succeeded cases.
    pub oral_agreements: u64,
    /// 防止民转刑.
    pub escalation_prevented: Tally,
    /// 防止群体性上访.
    pub group_prevented: Tally,
}

impl Counts {
    /// What `case` alone brings to `period` (the summary kept in storage adds these up
    /// day by day and month by month, so both ways count alike).
    pub fn of(case: &StatsCase, period: &Period) -> Counts {
        let mut counts = Counts::default();
        counts.add(case, period);
        counts
    }

    /// Adds what `case` brings to the period.
    fn add(&mut self, case: &StatsCase, period: &Period) {
        let persons = case.persons();
        if case.accepted_on.is_some_and(|d| period.contains(d)) {
            self.accepted.add(persons);
        }
        let Some((outcome, _)) = case.outcome.filter(|(_, d)| period.contains(*d)) else {
            return;
        };
        self.mediated.add(persons);
        match outcome {
            Outcome::Terminated => self.terminated.add(persons),
            Outcome::Succeeded => {
                self.succeeded.add(persons);
                let agreed = case.agreement.and_then(|(_, fen)| fen);
                let amount = agreed.or(case.amount_fen).unwrap_or(0);
                self.amount_fen = self.amount_fen.saturating_add(amount);
                match case.agreement.map(|(kind, _)| kind) {
                    Some(super::agreement::AgreementKind::Written) => self.written_agreements += 1,
                    Some(super::agreement::AgreementKind::Oral) => self.oral_agreements += 1,
                    None => {}
                }
                if case.risk_escalation {
                    self.escalation_prevented.add(persons);
                }
                if case.risk_group {
                    self.group_prevented.add(persons);
                }
            }
        }
    }

    /// Adds another row's figures (a district's total of several rooms).
    pub fn merge(&mut self, other: &Counts) {
        self.accepted.merge(other.accepted);
        self.mediated.merge(other.mediated);
        self.succeeded.merge(other.succeeded);
        self.terminated.merge(other.terminated);
        self.amount_fen = self.amount_fen.saturating_add(other.amount_fen);
        self.written_agreements += other.written_agreements;
        self.oral_agreements += other.oral_agreements;
        self.escalation_prevented.merge(other.escalation_prevented);
        self.group_prevented.merge(other.group_prevented);
    }

    /// 调解成功率 = 成功 ÷ 调解, in tenths of a percent (973 = 97.3 %); none when nothing
    /// was mediated.
    pub fn success_permille(&self) -> Option<u64> {
        (self.mediated.cases > 0)
            .then(|| (self.succeeded.cases * 1000 + self.mediated.cases / 2) / self.mediated.cases)
    }

    /// True when nothing happened (rows like this are left out of the mediator list).
    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

/// The six source groups of the national form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceGroup {
    /// 主动.
    Initiative,
    /// 申请.
    Application,
    /// 警调.
    Police,
    /// 诉调.
    Court,
    /// 访调.
    Petition,
    /// 其他移送 (government bodies and other organisations).
    OtherReferral,
}

impl SourceGroup {
    /// In the form's order.
    pub const ALL: [SourceGroup; 6] = [
        SourceGroup::Initiative,
        SourceGroup::Application,
        SourceGroup::Police,
        SourceGroup::Court,
        SourceGroup::Petition,
        SourceGroup::OtherReferral,
    ];

    /// The group a case's source counts in.
    pub fn of(source: Source) -> SourceGroup {
        match source {
            Source::Initiative => SourceGroup::Initiative,
            Source::Application => SourceGroup::Application,
            Source::Police => SourceGroup::Police,
            Source::Court => SourceGroup::Court,
            Source::Petition => SourceGroup::Petition,
            Source::Government | Source::Other => SourceGroup::OtherReferral,
        }
    }

    /// Its code, for catalogue keys (`stats.source.police`).
    pub fn code(self) -> &'static str {
        match self {
            SourceGroup::Initiative => "initiative",
            SourceGroup::Application => "application",
            SourceGroup::Police => "police",
            SourceGroup::Court => "court",
            SourceGroup::Petition => "petition",
            SourceGroup::OtherReferral => "other_referral",
        }
    }
}

/// A whole statistics table for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// The period counted.
    pub period: Period,
    /// The total row.
    pub total: Counts,
    /// Every national category in the official order (rows of zero included).
    pub by_category: Vec<(Category, Counts)>,
    /// Local sub-types with their parent, by parent order then name (only those counted).
    pub by_local: Vec<(Category, String, Counts)>,
    /// Every source group in the form's order.
    pub by_source: Vec<(SourceGroup, Counts)>,
    /// Mediators by name; a case with two mediators counts for each; "" for none assigned.
    pub by_mediator: Vec<(String, Counts)>,
}

/// Counts `cases` for `period`. Cases with nothing in the period add nothing.
pub fn compute(period: Period, cases: &[StatsCase]) -> Stats {
    let mut total = Counts::default();
    let mut by_category: Vec<(Category, Counts)> = Category::ALL
        .iter()
        .map(|c| (*c, Counts::default()))
        .collect();
    let mut by_source: Vec<(SourceGroup, Counts)> = SourceGroup::ALL
        .iter()
        .map(|s| (*s, Counts::default()))
        .collect();
    let mut by_local: std::collections::BTreeMap<(usize, String), Counts> = Default::default();
    let mut by_mediator: std::collections::BTreeMap<String, Counts> = Default::default();
    for case in cases {
        let mut row = Counts::default();
        row.add(case, &period);
        if row.is_empty() {
            continue;
        }
        total.merge(&row);
        let cat = Category::ALL
            .iter()
            .position(|c| *c == case.category)
            .unwrap_or(0);
        if let Some((_, counts)) = by_category.get_mut(cat) {
            counts.merge(&row);
        }
        let group = SourceGroup::of(case.source);
        if let Some((_, counts)) = by_source.iter_mut().find(|(g, _)| *g == group) {
            counts.merge(&row);
        }
        if let Some(local) = &case.local {
            by_local
                .entry((cat, local.clone()))
                .or_default()
                .merge(&row);
        }
        if case.mediators.is_empty() {
            by_mediator.entry(String::new()).or_default().merge(&row);
        }
        for m in &case.mediators {
            by_mediator.entry(m.clone()).or_default().merge(&row);
        }
    }
    Stats {
        period,
        total,
        by_category,
        by_local: by_local
            .into_iter()
            .map(|((cat, name), c)| {
                let parent = Category::ALL.get(cat).copied().unwrap_or(Category::Other);
                (parent, name, c)
            })
            .collect(),
        by_source,
        by_mediator: by_mediator.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests;
