//! The statistics summary (migration 019): each case's figures kept in `stats_figures`,
//! per day and per month, for every row of the table it counts in. Triggers note which
//! cases a write touched (`stats_dirty`); [`settle`] takes their old figures out and puts
//! their new ones in before the write commits. A period's table then sums whole months
//! and the days at either end ([`Store::stats`]): a year is a few hundred rows.
//!
//! The figures are `domain::stats::Counts::of` each case over each day and month it
//! counts on, so the sums are the table `domain::stats::compute` makes from the cases.

use super::codec::{decode, parse_date};
use super::stats::day_of;
use super::zone::zone_of;
use super::{StorageError, Store};
use crate::domain::agreement::AgreementKind;
use crate::domain::case::CaseId;
use crate::domain::category::Category;
use crate::domain::org::OrgId;
use crate::domain::source::Source;
use crate::domain::stats::period::Period;
use crate::domain::stats::summary::{Dim, assemble, dims};
use crate::domain::stats::{Counts, Outcome, SourceGroup, Stats, StatsCase, Tally};
use crate::domain::zone::Zone;
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::BTreeMap;

/// More cases noted than this in one write (an import): the whole summary is made again,
/// which reads the cases in one pass instead of case by case.
const REBUILD_FROM: usize = 2_000;

/// A case as the statistics count it, now (its history through `status_history_by_case`:
/// left to itself the planner walked every 受理 of the file for each case, which made
/// the summary of 100,000 cases take longer than ten minutes): its earliest 受理 and its last outcome (the
/// flow allows one of each), and what the figures depend on.
const CASE_NOW: &str = "SELECT c.id, c.org_id, c.category, c.local_category, c.source,
        c.mediator_names, c.persons_involved,
        (SELECT count(*) FROM parties p WHERE p.case_id = c.id),
        c.amount_fen, c.risk_escalation, c.risk_group, a.kind,
        (SELECT sum(i.amount_fen) FROM agreement_items i WHERE i.case_id = c.id),
        (SELECT min(h.at) FROM status_history h INDEXED BY status_history_by_case
          WHERE h.case_id = c.id AND h.to_status = 'accepted'),
        o.to_status, o.at
    FROM cases c LEFT JOIN agreements a ON a.case_id = c.id
    LEFT JOIN status_history o ON o.id = (SELECT h.id FROM status_history h
          INDEXED BY status_history_by_case WHERE h.case_id = c.id AND h.to_status IN ('succeeded', 'terminated')
          ORDER BY h.to_status DESC, h.at DESC LIMIT 1)";

/// The same as last counted (`stats_case`), in the same column order.
const CASE_COUNTED: &str = "SELECT case_id, org_id, category, local_category, source,
        mediator_names, persons_involved, party_count, amount_fen, risk_escalation,
        risk_group, agreement_kind, agreement_fen, accepted_on, outcome, outcome_on
    FROM stats_case WHERE case_id = ?1";

const FIGURES: [&str; 15] = [
    "accepted",
    "accepted_p",
    "mediated",
    "mediated_p",
    "succeeded",
    "succeeded_p",
    "terminated",
    "terminated_p",
    "amount_fen",
    "written",
    "oral",
    "escalation",
    "escalation_p",
    "grouped",
    "grouped_p",
];

/// Figures of one row, signed (a case taken out subtracts).
type Figures = [i64; 15];

impl Store {
    /// The statistics of `period` from the summary (see the module).
    pub fn stats(&self, org: OrgId, period: &Period) -> Result<Stats, StorageError> {
        let sums: Vec<String> = FIGURES.iter().map(|f| format!("sum({f})")).collect();
        let sql = format!(
            "SELECT dim, key, {} FROM stats_figures
             WHERE org_id = ?1 AND span = ?2 AND start >= ?3 AND start <= ?4 GROUP BY dim, key",
            sums.join(", ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows_out = Vec::new();
        for (span, from, to) in spans(period.from, period.to) {
            let mut rows = stmt.query(params![org.0, span, from.to_string(), to.to_string()])?;
            while let Some(r) = rows.next()? {
                let dim: String = r.get(0)?;
                let key: String = r.get(1)?;
                let Some(dim) = decode_dim(&dim, &key) else {
                    continue;
                };
                let mut f: Figures = [0; 15];
                for (i, v) in f.iter_mut().enumerate() {
                    *v = r.get(i + 2)?;
                }
                rows_out.push((dim, counts(&f)));
            }
        }
        Ok(assemble(*period, rows_out))
    }

    /// Leaves the summary to [`Store::rebuild_stats_summary`] while `deferred`: sample
    /// data written in many transactions would otherwise make it again in each.
    pub fn defer_stats_summary(&mut self, deferred: bool) {
        self.stats_deferred = deferred;
    }

    /// Makes the whole summary again from the cases (after an import, a restore, or a
    /// change of the room's time zone, which moves the days changes count on).
    pub fn rebuild_stats_summary(&mut self) -> Result<(), StorageError> {
        self.write(rebuild)
    }
}

/// True when cases are noted and not yet counted (a file just migrated to 019).
pub(super) fn pending(conn: &rusqlite::Connection) -> Result<bool, StorageError> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM stats_dirty)")?
        .query_row([], |r| r.get(0))?)
}

/// Brings the summary up to date with the cases this transaction touched.
pub(super) fn settle(tx: &Transaction<'_>) -> Result<(), StorageError> {
    let noted: Vec<i64> = tx
        .prepare_cached("SELECT case_id FROM stats_dirty LIMIT ?1")?
        .query_map([REBUILD_FROM as i64 + 1], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if noted.is_empty() {
        return Ok(());
    }
    if noted.len() > REBUILD_FROM {
        return rebuild(tx);
    }
    // Changes count on their day in the room's zone, as the full count reads them.
    let zone = zone_of(tx)?;
    for id in noted {
        refresh(tx, id, zone)?;
    }
    tx.prepare_cached("DELETE FROM stats_dirty")?.execute([])?;
    Ok(())
}

/// One case: its old figures out, its new ones in.
fn refresh(tx: &Transaction<'_>, id: i64, zone: Zone) -> Result<(), StorageError> {
    let old = tx
        .prepare_cached(CASE_COUNTED)?
        .query_row([id], |r| Ok(read_case(r, zone)))
        .optional()?
        .transpose()?;
    let new = tx
        .prepare_cached(&format!("{CASE_NOW} WHERE c.id = ?1"))?
        .query_row([id], |r| Ok(read_case(r, zone)))
        .optional()?
        .transpose()?;
    let mut sums = BTreeMap::new();
    if let Some((org, case)) = &old {
        add_case(&mut sums, *org, case, -1);
    }
    if let Some((org, case)) = &new {
        add_case(&mut sums, *org, case, 1);
    }
    write_sums(tx, sums)?;
    tx.prepare_cached("DELETE FROM stats_case WHERE case_id = ?1")?
        .execute([id])?;
    if let Some((org, case)) = &new {
        keep_case(tx, *org, case)?;
    }
    Ok(())
}

/// The whole summary from the cases, in one pass.
pub(super) fn rebuild(tx: &Transaction<'_>) -> Result<(), StorageError> {
    tx.execute_batch(
        "DELETE FROM stats_figures; DELETE FROM stats_case; DELETE FROM stats_dirty;",
    )?;
    let zone = zone_of(tx)?;
    let mut sums = BTreeMap::new();
    let mut stmt = tx.prepare(CASE_NOW)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (org, case) = read_case(r, zone)?;
        add_case(&mut sums, org, &case, 1);
        keep_case(tx, org, &case)?;
    }
    write_sums(tx, sums)
}

/// A row of the summary. In a B-tree, not a hash table: a rebuild holds some 33,000 of
/// them (three years of days), and a hash table doubling its buckets held the old and the
/// new at once, which made the rebuild the peak of a big demo's or import's memory.
type Key = (i64, char, NaiveDate, Dim);

/// Adds `sign` × the case's figures for every day and month it counts on.
fn add_case(sums: &mut BTreeMap<Key, Figures>, org: i64, case: &StatsCase, sign: i64) {
    let mut days: Vec<NaiveDate> = case.accepted_on.into_iter().collect();
    days.extend(case.outcome.map(|(_, day)| day));
    days.sort();
    days.dedup();
    let mut months: Vec<NaiveDate> = days.iter().map(|d| first_of_month(*d)).collect();
    months.dedup();
    let spans = days
        .iter()
        .map(|d| ('d', *d, Period::range(*d, *d)))
        .chain(months.iter().map(|m| ('m', *m, Period::month_of(*m))));
    let rows = dims(case);
    for (span, start, period) in spans {
        let f = figures(&Counts::of(case, &period));
        for dim in &rows {
            let sum = sums
                .entry((org, span, start, dim.clone()))
                .or_insert([0; 15]);
            for (s, v) in sum.iter_mut().zip(f) {
                *s += sign * v;
            }
        }
    }
}

fn write_sums(tx: &Transaction<'_>, sums: BTreeMap<Key, Figures>) -> Result<(), StorageError> {
    let cols = FIGURES.join(", ");
    let marks: Vec<String> = (6..6 + FIGURES.len()).map(|i| format!("?{i}")).collect();
    let adds: Vec<String> = FIGURES
        .iter()
        .map(|f| format!("{f} = {f} + excluded.{f}"))
        .collect();
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT INTO stats_figures (org_id, span, start, dim, key, {cols})
         VALUES (?1, ?2, ?3, ?4, ?5, {})
         ON CONFLICT (org_id, span, start, dim, key) DO UPDATE SET {}",
        marks.join(", "),
        adds.join(", ")
    ))?;
    for ((org, span, start, dim), f) in sums {
        if f.iter().all(|v| *v == 0) {
            continue;
        }
        let (d, key) = encode_dim(&dim);
        let mut values: Vec<rusqlite::types::Value> = vec![
            org.into(),
            span.to_string().into(),
            start.to_string().into(),
            d.to_string().into(),
            key.into(),
        ];
        values.extend(f.iter().map(|v| rusqlite::types::Value::Integer(*v)));
        stmt.execute(rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

fn keep_case(tx: &Transaction<'_>, org: i64, c: &StatsCase) -> Result<(), StorageError> {
    tx.prepare_cached(
        "INSERT INTO stats_case (case_id, org_id, category, local_category, source,
            mediator_names, persons_involved, party_count, amount_fen, risk_escalation,
            risk_group, agreement_kind, agreement_fen, accepted_on, outcome, outcome_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        c.id.0,
        org,
        c.category.code(),
        c.local,
        c.source.code(),
        c.mediators.join("、"),
        c.persons_involved,
        c.party_count,
        c.amount_fen,
        c.risk_escalation,
        c.risk_group,
        c.agreement.map(|(k, _)| k.code()),
        c.agreement.and_then(|(_, fen)| fen),
        c.accepted_on.map(|d| d.to_string()),
        c.outcome.map(|(o, _)| outcome_code(o)),
        c.outcome.map(|(_, d)| d.to_string()),
    ])?;
    Ok(())
}

/// A row of `CASE_NOW` or `CASE_COUNTED` (same columns): the room and the case.
fn read_case(r: &rusqlite::Row<'_>, zone: Zone) -> Result<(i64, StatsCase), StorageError> {
    let suffix = zone.to_string();
    let text = |i: usize| -> Result<String, StorageError> { Ok(r.get::<_, String>(i)?) };
    let day = |i: usize| -> Result<Option<NaiveDate>, StorageError> {
        match r.get::<_, Option<String>>(i)? {
            // A stored time (RFC 3339) or a counted day (YYYY-MM-DD): the first ten
            // characters are the day either way.
            Some(t) if t.len() == 10 => Ok(Some(parse_date("stats_case.day", &t)?)),
            Some(t) => Ok(Some(day_of(&t, zone, &suffix)?)),
            None => Ok(None),
        }
    };
    let outcome = match r.get::<_, Option<String>>(14)?.as_deref() {
        Some("succeeded") => day(15)?.map(|d| (Outcome::Succeeded, d)),
        Some("terminated") => day(15)?.map(|d| (Outcome::Terminated, d)),
        _ => None,
    };
    let agreement = match r.get::<_, Option<String>>(11)? {
        Some(kind) => Some((
            decode("agreements.kind", &kind, AgreementKind::from_code)?,
            r.get(12)?,
        )),
        None => None,
    };
    let case = StatsCase {
        id: CaseId(r.get(0)?),
        category: decode("cases.category", &text(2)?, Category::from_code)?,
        local: r.get(3)?,
        source: decode("cases.source", &text(4)?, Source::from_code)?,
        mediators: text(5)?
            .split('、')
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect(),
        persons_involved: r.get(6)?,
        party_count: r.get(7)?,
        amount_fen: r.get(8)?,
        risk_escalation: r.get(9)?,
        risk_group: r.get(10)?,
        accepted_on: day(13)?,
        outcome,
        agreement,
    };
    Ok((r.get(1)?, case))
}

fn outcome_code(o: Outcome) -> &'static str {
    match o {
        Outcome::Succeeded => "succeeded",
        Outcome::Terminated => "terminated",
    }
}

fn figures(c: &Counts) -> Figures {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    [
        n(c.accepted.cases),
        n(c.accepted.persons),
        n(c.mediated.cases),
        n(c.mediated.persons),
        n(c.succeeded.cases),
        n(c.succeeded.persons),
        n(c.terminated.cases),
        n(c.terminated.persons),
        c.amount_fen,
        n(c.written_agreements),
        n(c.oral_agreements),
        n(c.escalation_prevented.cases),
        n(c.escalation_prevented.persons),
        n(c.group_prevented.cases),
        n(c.group_prevented.persons),
    ]
}

fn counts(f: &Figures) -> Counts {
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    let t = |a: i64, b: i64| Tally {
        cases: n(a),
        persons: n(b),
    };
    Counts {
        accepted: t(f[0], f[1]),
        mediated: t(f[2], f[3]),
        succeeded: t(f[4], f[5]),
        terminated: t(f[6], f[7]),
        amount_fen: f[8],
        written_agreements: n(f[9]),
        oral_agreements: n(f[10]),
        escalation_prevented: t(f[11], f[12]),
        group_prevented: t(f[13], f[14]),
    }
}

/// Separates a local sub-type from its category in a row's key.
const UNIT: char = '\u{1f}';

fn encode_dim(dim: &Dim) -> (char, String) {
    match dim {
        Dim::Total => ('t', String::new()),
        Dim::Category(c) => ('c', c.code().to_string()),
        Dim::Local(c, name) => ('l', format!("{}{UNIT}{name}", c.code())),
        Dim::Source(g) => ('s', g.code().to_string()),
        Dim::Mediator(name) => ('m', name.clone()),
    }
}

fn decode_dim(dim: &str, key: &str) -> Option<Dim> {
    Some(match dim {
        "t" => Dim::Total,
        "c" => Dim::Category(Category::from_code(key)?),
        "l" => {
            let (code, name) = key.split_once(UNIT)?;
            Dim::Local(Category::from_code(code)?, name.to_string())
        }
        "s" => Dim::Source(*SourceGroup::ALL.iter().find(|g| g.code() == key)?),
        "m" => Dim::Mediator(key.to_string()),
        _ => return None,
    })
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn last_of_month(day: NaiveDate) -> NaiveDate {
    Period::month_of(day).to
}

/// `from..=to` as runs of days ('d', first, last) and of whole months ('m', first month,
/// last month), at most three runs.
fn spans(from: NaiveDate, to: NaiveDate) -> Vec<(&'static str, NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut day = from;
    let mut months: Option<(NaiveDate, NaiveDate)> = None;
    while day <= to {
        let end = last_of_month(day);
        if day.day() == 1 && end <= to {
            months = Some((months.map_or(day, |m| m.0), day));
        } else {
            if let Some((a, b)) = months.take() {
                out.push(("m", a, b));
            }
            out.push(("d", day, end.min(to)));
        }
        match end.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    if let Some((a, b)) = months {
        out.push(("m", a, b));
    }
    out
}

#[cfg(test)]
mod tests;
