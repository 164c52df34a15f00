//! `tiaojie demo`: fills a database with realistic sample cases of a Linhe mediation
//! room — same seed, same data — for trying the app and for load tests. Sets the room up
//! when the database has none. Cases are drawn one by one and written a chunk at a time
//! with their sessions and agreements, so 100 000 cases never sit in memory together.

mod agreements;
mod case;
mod orgs;
mod people;
mod sessions;
mod sources;
mod stories;
mod timeline;
mod words;

use crate::domain::case::{CaseId, Timestamp};
use crate::domain::category::LocalCategory;
use crate::domain::org::{
    DEFAULT_NUMBER_PATTERN, OrgId, OrgProfile, Organisation, format_case_number,
};
use crate::domain::status::CaseStatus;
use crate::storage::{NewCaseRecord, StorageError, Store};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use fastrand::Rng;
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::sync::mpsc;
use stories::{TOPICS, Topic, in_season};

/// What `fill_demo` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    /// Cases added.
    pub cases: u64,
    /// The sample room was set up (the database had none).
    pub organisation_created: bool,
    /// The room the cases went to.
    pub room_name: String,
    /// Sessions added for the new cases.
    pub sessions: u64,
    /// Follow-up visits added for the new cases.
    pub follow_ups: u64,
    /// Agreements (人民调解协议书) added for the new cases that succeeded.
    pub agreements: u64,
}

/// The sample room's first mediator, who also heads the room's name.
const FIRST_MEDIATOR: &str = "王建国";
/// The others of the sample room, with their (fictional) mobiles.
const MORE_MEDIATORS: &[(&str, &str)] = &[
    ("李秀兰", "13947801236"),
    ("张振华", "15894712087"),
    ("乌云其其格", "13848265310"),
    ("刘德明", "18647890452"),
    ("赵淑芬", "13604787719"),
];
/// Beijing time: the demo room's clock, whatever the machine's zone.
const BEIJING_SECONDS: i32 = 8 * 3600;
/// Cases per chunk when filling a database with sample data (each step of a chunk is
/// one transaction).
const DEMO_BATCH: usize = 5_000;
/// Cases drawn ahead of the writer are handed over this many at a time …
const BATCH: usize = 16;
/// … and at most this many batches wait.
const BATCHES_AHEAD: usize = 4;
/// How far back the received dates go.
const YEARS_BACK: i64 = 3;

/// Adds `cases` sample cases drawn from `seed`, received over the three years up to
/// `now`'s date; sets up a sample room first if the database has none.
pub fn fill_demo(
    store: &mut Store,
    cases: u64,
    seed: u64,
    now: DateTime<FixedOffset>,
) -> Result<DemoReport, StorageError> {
    fill_in_chunks(store, cases, seed, now, DEMO_BATCH)
}

/// [`fill_demo`] with `chunk` cases per chunk (the tests use small ones: the data must
/// not depend on it).
fn fill_in_chunks(
    store: &mut Store,
    cases: u64,
    seed: u64,
    now: DateTime<FixedOffset>,
    chunk: usize,
) -> Result<DemoReport, StorageError> {
    let (org, created) = match store.organisation()? {
        Some(org) => (org, false),
        None => (sample_organisation(store, &now)?, true),
    };
    // Active mediators take the new cases; a room whose mediators have all left keeps
    // its old names rather than gaining an invented one.
    let all = store.mediators(org.id)?;
    let active: Vec<String> = all
        .iter()
        .filter(|m| m.active)
        .map(|m| m.name.clone())
        .collect();
    let mut mediators = if active.is_empty() {
        all.into_iter().map(|m| m.name).collect()
    } else {
        active
    };
    if mediators.is_empty() {
        mediators.push(FIRST_MEDIATOR.to_string());
    }
    // FixedOffset::east_opt only refuses offsets beyond ±24 h; eight hours is always valid.
    let beijing = FixedOffset::east_opt(BEIJING_SECONDS).unwrap_or(*now.offset());
    // Not after the caller's date either, so an import on this machine accepts every case.
    let today = now
        .date_naive()
        .min(now.with_timezone(&beijing).date_naive());
    let now = now.with_timezone(&beijing);
    let room = Room {
        mediators,
        locals: store.local_categories(org.id)?,
        now,
    };
    let mut last_seq: HashMap<i32, u32> = HashMap::new();
    for (year, seq) in store.case_numbers(org.id)? {
        let last = last_seq.entry(year).or_insert(0);
        *last = (*last).max(seq);
    }
    let before = store.last_case_id(org.id)?;
    if created {
        store.save_places(org.id, &sessions::places())?;
    }
    // Each case is indexed for search once, after its sessions and agreement are in.
    store.defer_search_index(true);
    store.defer_stats_summary(true);
    let stream = CaseStream::new(&room, &org, Rng::with_seed(seed), cases, today, last_seq);
    let mut indexed = before;
    // The cases are drawn on a thread of their own, a few ahead of the writer; their
    // sessions and agreements too are written with SQLite set for bulk writes.
    let written = std::thread::scope(|scope| {
        let (ahead, drawn) = mpsc::sync_channel(BATCHES_AHEAD);
        scope.spawn(move || {
            // Batches, so the two threads wake each other once per batch, not per case.
            let mut batch = Vec::with_capacity(BATCH);
            for record in stream {
                batch.push(record);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    if ahead.send(full).is_err() {
                        return; // the writer stopped
                    }
                }
            }
            let _ = ahead.send(batch);
        });
        store.in_bulk(|store| {
            fill_rows(store, org.id, (drawn, chunk), &mut indexed, seed, &room.now)
        })
    });
    store.defer_search_index(false);
    store.defer_stats_summary(false);
    // Also after a failure: what was written is found by search and counted. (Each
    // finished chunk is indexed already; this is for a chunk that failed half-way.)
    store.index_new_cases_after(org.id, indexed)?;
    store.rebuild_stats_summary()?;
    let (added, schedule, agreements) = written?;
    Ok(DemoReport {
        cases: added,
        organisation_created: created,
        room_name: org.profile.room_name,
        sessions: schedule.sessions,
        follow_ups: schedule.visits,
        agreements,
    })
}

/// Writes the sample cases a chunk at a time: a chunk's cases, then their sessions and
/// visits, then their agreements, then their search entries. Only a chunk is in memory
/// (the briefs of its cases and what is drawn for them), so a demo of a million cases
/// needs no more memory than one of ten thousand.
fn fill_rows(
    store: &mut Store,
    org: OrgId,
    (cases, chunk): (mpsc::Receiver<Vec<NewCaseRecord>>, usize),
    indexed: &mut CaseId,
    seed: u64,
    now: &Timestamp,
) -> Result<(u64, sessions::Added, u64), StorageError> {
    // Chunks, not one transaction: sample data need not be all or nothing, and a
    // commit now and then keeps memory and the WAL small on a PC with little of either.
    let mut schedule = sessions::Schedule::new(store, org, seed, now)?;
    let mut agreements = agreements::Agreements::new(store, org, seed, now)?;
    let (mut added, mut drawn, mut agreed) = (0, sessions::Added::default(), 0);
    let mut cases = cases.into_iter().flatten();
    loop {
        let batch = store.insert_records(org, &mut cases.by_ref().take(chunk).map(Ok))?;
        added += batch;
        let through = store.last_case_id(org)?;
        let briefs = store.case_briefs(org, *indexed, through)?;
        drawn.add(schedule.fill(store, org, &briefs)?);
        agreed += agreements.fill(store, &briefs)?;
        store.index_new_cases_after(org, *indexed)?;
        *indexed = through;
        if batch < chunk as u64 {
            break;
        }
    }
    Ok((added, drawn, agreed))
}

fn sample_organisation(store: &mut Store, now: &Timestamp) -> Result<Organisation, StorageError> {
    let profile = OrgProfile {
        room_name: "临河区新华街道老王调解工作室".to_string(),
        committee_name: "临河区新华街道人民调解委员会".to_string(),
        number_prefix: "临新".to_string(),
        number_pattern: DEFAULT_NUMBER_PATTERN.to_string(),
    };
    let org = store.create_organisation(&profile, FIRST_MEDIATOR, now)?;
    for (name, phone) in MORE_MEDIATORS {
        store.add_mediator(org.id, name, phone)?;
    }
    Ok(org)
}

/// What every demo case of the room draws on.
struct Room {
    mediators: Vec<String>,
    locals: Vec<LocalCategory>,
    /// Now, on Beijing time.
    now: DateTime<FixedOffset>,
}

/// A drawn case waiting for its number.
struct Pending {
    /// When it was accepted (numbered), else registered.
    key: (DateTime<FixedOffset>, u64),
    record: NewCaseRecord,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Pending {}
impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Pending {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

/// Draws cases in the order they were received and hands them out in the order they
/// were accepted, so that numbers rise with acceptance time within each year, as the
/// room's own numbering does. Cases wait in a small heap until no later-received case
/// can have been accepted before them.
struct CaseStream<'a> {
    room: &'a Room,
    org: &'a Organisation,
    rng: Rng,
    total: u64,
    drawn: u64,
    first_day: NaiveDate,
    span_days: i64,
    /// The received date of the next case to draw.
    upcoming: Option<NaiveDate>,
    waiting: BinaryHeap<Reverse<Pending>>,
    last_seq: HashMap<i32, u32>,
}

impl<'a> CaseStream<'a> {
    fn new(
        room: &'a Room,
        org: &'a Organisation,
        rng: Rng,
        total: u64,
        today: NaiveDate,
        last_seq: HashMap<i32, u32>,
    ) -> Self {
        let first_day = today - TimeDelta::days(365 * YEARS_BACK);
        let span_days = (today - first_day).num_days() + 1;
        let mut stream = CaseStream {
            room,
            org,
            rng,
            total,
            drawn: 0,
            first_day,
            span_days,
            upcoming: None,
            waiting: BinaryHeap::new(),
            last_seq,
        };
        stream.upcoming = stream.received_day(0);
        stream
    }

    /// Spreads the cases evenly over the span, in order, with a little jitter.
    fn received_day(&mut self, index: u64) -> Option<NaiveDate> {
        if index >= self.total {
            return None;
        }
        let position = (index as f64 + self.rng.f64()) / self.total as f64;
        let offset = ((position * self.span_days as f64) as i64).min(self.span_days - 1);
        Some(self.first_day + TimeDelta::days(offset))
    }

    fn topic(&mut self, index: u64, day: NaiveDate) -> Option<&'static Topic> {
        // Every kind appears at least once in a demo big enough to hold them all.
        if self.total >= TOPICS.len() as u64
            && let Some(topic) = TOPICS.get(index as usize)
        {
            return Some(topic);
        }
        let table: Vec<(usize, u32)> = TOPICS
            .iter()
            .enumerate()
            .map(|(i, t)| (i, t.weight))
            .collect();
        let mut topic = None;
        for _ in 0..3 {
            topic = TOPICS.get(people::weighted(&mut self.rng, &table, 0));
            if topic.is_some_and(|t| in_season(t, day.month())) {
                break;
            }
        }
        topic
    }

    fn draw(&mut self, day: NaiveDate) {
        let topic = self.topic(self.drawn, day);
        self.drawn += 1;
        self.upcoming = self.received_day(self.drawn);
        let Some(topic) = topic else { return };
        let fields = case::fields(&mut self.rng, self.room, topic, day);
        let line = timeline::timeline(&mut self.rng, self.room, day);
        let accepted = line.history.iter().find(|h| h.to == CaseStatus::Accepted);
        let key_time = accepted
            .or(line.history.first())
            .map(|h| h.at)
            .unwrap_or(self.room.now);
        let record = NewCaseRecord {
            number: None,
            status: line.status,
            fields,
            mediator_names: line.mediators,
            history: line.history,
            extras: Default::default(),
        };
        self.waiting.push(Reverse(Pending {
            key: (key_time, self.drawn),
            record,
        }));
    }

    /// Numbers an accepted case with the next sequence of its year of acceptance.
    fn number(&mut self, mut record: NewCaseRecord) -> NewCaseRecord {
        if let Some(accepted) = record.history.iter().find(|h| h.to == CaseStatus::Accepted) {
            let year = accepted.at.year();
            let seq = self.last_seq.entry(year).or_insert(0);
            *seq += 1;
            let profile = &self.org.profile;
            let text =
                format_case_number(&profile.number_pattern, &profile.number_prefix, year, *seq);
            record.number = Some(crate::domain::case::CaseNumber {
                year,
                seq: *seq,
                text,
            });
        }
        record
    }
}

impl Iterator for CaseStream<'_> {
    type Item = NewCaseRecord;

    fn next(&mut self) -> Option<NewCaseRecord> {
        loop {
            // Every case still to be drawn is registered (and so accepted) no earlier
            // than the start of its received day.
            let frontier = self
                .upcoming
                .map(|day| start_of(day, self.room.now.offset()));
            let ready = match (self.waiting.peek(), frontier) {
                (Some(Reverse(top)), Some(frontier)) => top.key.0 < frontier,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if ready {
                let Reverse(pending) = self.waiting.pop()?;
                return Some(self.number(pending.record));
            }
            let day = self.upcoming?;
            self.draw(day);
        }
    }
}

fn start_of(day: NaiveDate, offset: &FixedOffset) -> DateTime<FixedOffset> {
    let naive = NaiveDateTime::new(day, NaiveTime::MIN);
    DateTime::from_naive_utc_and_offset(
        naive - TimeDelta::seconds(i64::from(offset.local_minus_utc())),
        *offset,
    )
}

#[cfg(test)]
mod tests;
