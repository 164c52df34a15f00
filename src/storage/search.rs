//! The search indexes (see sql/003_search.sql, 009_search_records.sql and
//! 012_contentless_search.sql): writing a case's entries in the same transaction as the
//! case or one of its session records, rebuilding them all, and turning a typed query
//! into a filter on case ids that the list and the `search` command share.

mod beside;

use super::{StorageError, Store};
use crate::domain::case::CaseId;
use crate::domain::org::OrgId;
use crate::domain::party::PartyKind;
use crate::domain::search::{Term, gram_of, terms};
use beside::{BESIDE_FROM, Keys, index_new_cases_beside, write_keys};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

/// The migration that last changed the indexes (emptied the pinyin index, whose keys
/// now include the parts of dotted names and the words of organisations' names).
const LAST_INDEX_CHANGE: &str = include_str!("sql/015_pinyin_name_parts.sql");

/// The schema version whose indexes this binary writes: a database upgraded from before
/// it is indexed again. Found by the migration's text, so renumbering it at a merge
/// cannot leave this behind.
pub(super) fn index_version() -> i64 {
    super::migrations::MIGRATIONS
        .iter()
        .position(|m| *m == LAST_INDEX_CHANGE)
        .map_or_else(super::migrations::latest_version, |i| i as i64 + 1)
}

/// The searchable texts of one case, in the columns of `case_text`.
struct Texts {
    number: String,
    names: String,
    ids: String,
    phones: String,
    addresses: String,
    facts: String,
    claims: String,
    referrer: String,
    records: String,
    agreements: String,
    /// Party names and legal representatives' names, each with whether it is an
    /// organisation's name (whose words are keyed too).
    person_names: Vec<(String, bool)>,
}

/// Writes (or rewrites) the index entries of case `id` from its stored rows.
pub(super) fn index_case(conn: &Connection, id: i64) -> Result<(), StorageError> {
    for table in ["case_text", "case_grams", "case_pinyin"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?
            .execute([id])?;
    }
    index_new_case(conn, id)
}

/// Writes the index entries of cases inserted in this transaction, which have none yet.
///
/// Bulk writers call this once for all their cases after the rows are in, not case by
/// case between the rows: FTS5 writes its pending entries to disk whenever a statement
/// opens a savepoint (any insert into a table with triggers or constraints does), so
/// interleaving made thousands of tiny index segments to merge — most of a 100,000-case
/// demo's time.
///
/// FTS5's automatic merging is off while they are written (and set back before the
/// transaction ends, so the file keeps its setting): after every megabyte of entries
/// FTS5 writes a segment and, with automerge on, merges segments a little at a time,
/// rewriting the same entries again and again — 16 % of a 100,000-case demo. Without
/// it the segments are merged only when sixteen pile up at one level (FTS5's
/// `crisismerge`), which rewrites each entry about half as often; search finds the same
/// cases either way, and later writes merge on as before.
pub(super) fn index_new_cases(conn: &Connection, ids: &[i64]) -> Result<(), StorageError> {
    let mut kept = Vec::new();
    for table in INDEXES {
        kept.push(automerge(conn, table)?);
        set_automerge(conn, table, 0)?;
    }
    if ids.len() < BESIDE_FROM {
        for id in ids {
            index_new_case(conn, *id)?;
        }
    } else {
        index_new_cases_beside(conn, ids)?;
    }
    for (table, value) in INDEXES.iter().zip(kept) {
        set_automerge(conn, table, value)?;
    }
    Ok(())
}

/// The three search indexes.
const INDEXES: [&str; 3] = ["case_text", "case_grams", "case_pinyin"];

/// FTS5's default `automerge`, used while a table has never been given one.
const DEFAULT_AUTOMERGE: i64 = 4;

/// The index's `automerge` setting as stored in its config table.
fn automerge(conn: &Connection, table: &str) -> Result<i64, StorageError> {
    let stored: Option<i64> = conn
        .prepare_cached(&format!(
            "SELECT v FROM {table}_config WHERE k = 'automerge'"
        ))?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(stored.unwrap_or(DEFAULT_AUTOMERGE))
}

fn set_automerge(conn: &Connection, table: &str, value: i64) -> Result<(), StorageError> {
    conn.prepare_cached(&format!(
        "INSERT INTO {table} ({table}, rank) VALUES ('automerge', ?1)"
    ))?
    .execute([value])?;
    Ok(())
}

fn index_new_case(conn: &Connection, id: i64) -> Result<(), StorageError> {
    let Some(t) = read_texts(conn, id)? else {
        return Ok(());
    };
    write_text(conn, id, &t)?;
    write_keys(conn, id, &Keys::of(&t))
}

fn write_text(conn: &Connection, id: i64, t: &Texts) -> Result<(), StorageError> {
    conn.prepare_cached(
        "INSERT INTO case_text (rowid, number, names, ids, phones, addresses, facts, claims,
         referrer, records, agreements) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        t.number,
        t.names,
        t.ids,
        t.phones,
        t.addresses,
        t.facts,
        t.claims,
        t.referrer,
        t.records,
        t.agreements
    ])?;
    Ok(())
}

fn read_texts(conn: &Connection, id: i64) -> Result<Option<Texts>, StorageError> {
    let row: Option<(Option<String>, String, String, String, String)> = conn
        .prepare_cached(
            "SELECT number_text, facts, claims, referrer_unit, referrer_ref FROM cases WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((number, facts, claims, unit, reference)) = row else {
        return Ok(None);
    };
    let mut t = Texts {
        number: number.unwrap_or_default(),
        names: String::new(),
        ids: String::new(),
        phones: String::new(),
        addresses: String::new(),
        facts,
        claims,
        referrer: format!("{unit} {reference}"),
        records: record_text(conn, id)?,
        agreements: agreement_text(conn, id)?,
        person_names: Vec::new(),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT name, legal_rep, id_number, credit_code, phone, address, kind FROM parties
         WHERE case_id = ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let (name, rep): (String, String) = (r.get(0)?, r.get(1)?);
        let push = |into: &mut String, s: String| {
            if !s.is_empty() {
                into.push(' ');
                into.push_str(&s);
            }
        };
        push(&mut t.names, name.clone());
        push(&mut t.names, rep.clone());
        push(&mut t.ids, r.get(2)?);
        push(&mut t.ids, r.get(3)?);
        push(&mut t.phones, r.get(4)?);
        push(&mut t.addresses, r.get(5)?);
        let kind: String = r.get(6)?;
        t.person_names
            .push((name, kind == PartyKind::Organisation.code()));
        if !rep.is_empty() {
            t.person_names.push((rep, false));
        }
    }
    Ok(Some(t))
}

/// The agreement's words (its number and facts where they differ from the case's, its
/// clauses and performance items) are found like the claims they settle.
fn agreement_texts(conn: &Connection, id: i64, into: &mut String) -> Result<(), StorageError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.number FROM agreements a JOIN cases c ON c.id = a.case_id
         WHERE a.case_id = ?1 AND a.number <> coalesce(c.number_text, '')
         UNION ALL SELECT a.facts FROM agreements a JOIN cases c ON c.id = a.case_id
         WHERE a.case_id = ?1 AND a.facts <> c.facts
         UNION ALL SELECT text FROM agreement_clauses WHERE case_id = ?1
         UNION ALL SELECT what FROM agreement_items WHERE case_id = ?1
         UNION ALL SELECT place FROM agreement_items WHERE case_id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let text: String = r.get(0)?;
        if !text.trim().is_empty() {
            into.push(' ');
            into.push_str(text.trim());
        }
    }
    Ok(())
}

/// The records of the case's sessions (调解记录): who came, what was said, the outcome,
/// one line each, oldest session first.
fn record_text(conn: &Connection, id: i64) -> Result<String, StorageError> {
    let mut stmt = conn.prepare_cached(
        "SELECT attendees, notes, outcome FROM sessions WHERE case_id = ?1
         AND (attendees <> '' OR notes <> '' OR outcome <> '') ORDER BY start_utc, id",
    )?;
    let mut rows = stmt.query([id])?;
    let mut out = String::new();
    while let Some(r) = rows.next()? {
        for i in 0..3 {
            let text: String = r.get(i)?;
            if !text.is_empty() {
                out.push_str(&text);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// The text of the case's agreement, in its own column of the index.
fn agreement_text(conn: &Connection, id: i64) -> Result<String, StorageError> {
    let mut out = String::new();
    agreement_texts(conn, id, &mut out)?;
    Ok(out)
}

/// Rewrites the entries of the case a session belongs to (its record changed).
pub(super) fn index_case_of_session(conn: &Connection, session: i64) -> Result<(), StorageError> {
    let case: Option<i64> = conn
        .prepare_cached("SELECT case_id FROM sessions WHERE id = ?1")?
        .query_row([session], |r| r.get(0))
        .optional()?;
    match case {
        Some(case) => index_case(conn, case),
        None => Ok(()),
    }
}

/// Rebuilds every case's entries (after an upgrade, or to repair).
pub(super) fn rebuild_all(conn: &Connection) -> Result<u64, StorageError> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM cases ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in &ids {
        index_case(conn, *id)?;
    }
    Ok(ids.len() as u64)
}

impl Store {
    /// Rebuilds the search indexes from the cases, in one transaction; returns the count.
    pub fn rebuild_search_index(&mut self) -> Result<u64, StorageError> {
        self.write(|tx| rebuild_all(tx))
    }

    /// While on, the bulk writers (`insert_records`, `insert_sessions`,
    /// `insert_agreements`) leave the search index alone, and `index_new_cases_after`
    /// indexes the new cases once at the end. For sample data, which writes each case's
    /// sessions and agreement after the case itself: indexing each case at every step
    /// tripled the index work of a 100,000-case demo. Cases written in between are not
    /// found by search until then: the demo indexes each chunk of cases once its sessions
    /// and agreements are in, so a demo killed half-way leaves at most one chunk that
    /// search misses (sample data: make the sample database again).
    pub fn defer_search_index(&mut self, deferred: bool) {
        self.search_deferred = deferred;
    }

    /// Indexes the room's cases numbered after `after` — cases that have no entries yet
    /// (see `defer_search_index`) — in transactions of a few thousand.
    pub fn index_new_cases_after(
        &mut self,
        org: OrgId,
        after: CaseId,
    ) -> Result<u64, StorageError> {
        let ids: Vec<i64> = self
            .conn
            // The id range, not the room's index (which would visit all its cases: a
            // big demo indexes a chunk at a time).
            .prepare_cached("SELECT id FROM cases WHERE +org_id = ?1 AND id > ?2 ORDER BY id")?
            .query_map(params![org.0, after.0], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        self.in_bulk(|store| {
            for chunk in ids.chunks(INDEX_BATCH) {
                store.write(|tx| index_new_cases(tx, chunk))?;
            }
            Ok(ids.len() as u64)
        })
    }
}

/// Cases indexed per transaction by `index_new_cases_after`.
const INDEX_BATCH: usize = 5_000;

/// A condition on `cases.id` that every word of `query` must meet, with its parameters
/// appended to `params` (numbered after those already there); `None` for an empty query.
pub(super) fn text_condition(query: &str, params: &mut Vec<Value>) -> Option<String> {
    let words = terms(query);
    if words.is_empty() {
        // Only punctuation (「%」, 「--」): no case is found by it, rather than every case.
        return (!query.trim().is_empty()).then(|| "0".to_string());
    }
    let parts: Vec<String> = words.iter().map(|w| term_condition(w, params)).collect();
    Some(parts.join(" AND "))
}

fn term_condition(term: &Term, params: &mut Vec<Value>) -> String {
    format!("id IN ({})", term_sources(term, params).join(" UNION "))
}

/// The index lookups that find the cases of one word (their rowids are case ids).
fn term_sources(term: &Term, params: &mut Vec<Value>) -> Vec<String> {
    let mut next = |value: String| {
        params.push(Value::Text(value));
        params.len()
    };
    let mut sources = Vec::new();
    if term.chars >= 3 {
        let n = next(phrase(&term.text));
        sources.push(format!(
            "SELECT rowid FROM case_text WHERE case_text MATCH ?{n}"
        ));
    } else {
        let n = next(phrase(&gram_of(term)));
        sources.push(format!(
            "SELECT rowid FROM case_grams WHERE case_grams MATCH ?{n}"
        ));
    }
    if term.maybe_pinyin {
        let n = next(format!("{}*", phrase(&term.text)));
        sources.push(format!(
            "SELECT rowid FROM case_pinyin WHERE case_pinyin MATCH ?{n}"
        ));
    }
    sources
}

/// For a query of one word: the ids of its cases, from the indexes alone, without
/// visiting the cases (a word in most cases made a count read all 100,000 of them); a
/// case may come twice, once from each index. `None` for other queries. Every room's
/// cases: the caller keeps to its room.
pub(super) fn hits_of_one_word(query: &str) -> Option<(String, Vec<Value>)> {
    let words = terms(query);
    let [word] = words.as_slice() else {
        return None;
    };
    let mut params = Vec::new();
    let sources = term_sources(word, &mut params);
    Some((sources.join(" UNION ALL "), params))
}

/// An FTS5 string literal: the text in double quotes, inner quotes doubled, so nothing
/// the user types is read as query syntax.
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_short_and_pinyin_words_use_their_index() {
        let mut params = Vec::new();
        let sql = text_condition("漏水 wxl 楼上漏", &mut params).unwrap_or_default();
        assert_eq!(
            sql,
            "id IN (SELECT rowid FROM case_grams WHERE case_grams MATCH ?1) AND \
             id IN (SELECT rowid FROM case_text WHERE case_text MATCH ?2 UNION \
             SELECT rowid FROM case_pinyin WHERE case_pinyin MATCH ?3) AND \
             id IN (SELECT rowid FROM case_text WHERE case_text MATCH ?4)"
        );
        let texts: Vec<_> = params
            .iter()
            .map(|v| match v {
                Value::Text(s) => s.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["\"漏水\"", "\"wxl\"", "\"wxl\"*", "\"楼上漏\""]);
        assert!(text_condition("  ", &mut params).is_none());
        assert_eq!(text_condition("%", &mut params).as_deref(), Some("0"));
    }

    #[test]
    fn a_bulk_index_leaves_each_index_merging_as_it_found_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("room.db")).unwrap();
        store
            .write(|tx| set_automerge(tx, "case_grams", 8))
            .unwrap();
        let found = store
            .write(|tx| {
                index_new_cases(tx, &[])?;
                INDEXES
                    .iter()
                    .map(|t| automerge(tx, t))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        assert_eq!(found, vec![DEFAULT_AUTOMERGE, 8, DEFAULT_AUTOMERGE]);
    }

    #[test]
    fn quotes_cannot_break_out_of_the_phrase() {
        assert_eq!(phrase("a\"b OR c"), "\"a\"\"b OR c\"");
    }
}
