//! Writing many cases' search entries at once: the short grams and pinyin keys (pure
//! CPU work) are made on a thread beside the one that reads the rows and writes the
//! trigram index, so a bulk write uses the second core.

use super::{Texts, read_texts, write_text};
use crate::domain::search::{name_keys, short_grams};
use crate::storage::StorageError;
use rusqlite::{Connection, params};
use std::collections::VecDeque;
use std::sync::{Arc, mpsc};

/// Indexes `ids` as [`index_new_case`] does, with the CPU-only part (the short grams and
/// pinyin keys, about a fifth of the index work) done on a thread of its own while this
/// one reads the rows and writes the trigram index. Cases go to the thread and come back
/// [`BATCH`] at a time (one wake-up each, not one a case), in the order sent, so every
/// index is written in rowid order as before; at most [`BATCHES_AHEAD`] batches' texts
/// are held at once. Should the thread be gone, this one makes the keys itself from the
/// texts it kept.
pub(super) fn index_new_cases_beside(conn: &Connection, ids: &[i64]) -> Result<(), StorageError> {
    std::thread::scope(|scope| {
        let (to_worker, texts) = mpsc::sync_channel::<Vec<Arc<Texts>>>(BATCHES_AHEAD);
        let (to_writer, keys) = mpsc::channel::<Vec<Keys>>();
        scope.spawn(move || {
            for batch in texts {
                let made = batch.iter().map(|t| Keys::of(t)).collect();
                if to_writer.send(made).is_err() {
                    break;
                }
            }
        });
        let mut waiting: VecDeque<Batch> = VecDeque::with_capacity(BATCHES_AHEAD);
        let mut filling: Batch = Vec::with_capacity(BATCH);
        let mut ids = ids.iter().peekable();
        while let Some(id) = ids.next() {
            if let Some(t) = read_texts(conn, *id)? {
                write_text(conn, *id, &t)?;
                filling.push((*id, Arc::new(t)));
            }
            if filling.len() == BATCH || (ids.peek().is_none() && !filling.is_empty()) {
                if waiting.len() == BATCHES_AHEAD {
                    write_next_keys(conn, &mut waiting, &keys)?;
                }
                let batch = std::mem::replace(&mut filling, Vec::with_capacity(BATCH));
                // A send fails only when the thread is gone: then the keys are made here.
                let _ = to_worker.send(batch.iter().map(|(_, t)| Arc::clone(t)).collect());
                waiting.push_back(batch);
            }
        }
        drop(to_worker);
        while !waiting.is_empty() {
            write_next_keys(conn, &mut waiting, &keys)?;
        }
        Ok(())
    })
}

/// Cases sent to the key thread at once.
const BATCH: usize = 16;

/// Batches whose texts may wait for the key thread at once.
const BATCHES_AHEAD: usize = 4;

/// Below this many cases the key thread is not worth starting.
pub(super) const BESIDE_FROM: usize = 32;

/// Cases with their texts, in rowid order.
type Batch = Vec<(i64, Arc<Texts>)>;

/// Writes the keys of the oldest batch still waiting for them.
fn write_next_keys(
    conn: &Connection,
    waiting: &mut VecDeque<Batch>,
    keys: &mpsc::Receiver<Vec<Keys>>,
) -> Result<(), StorageError> {
    let Some(batch) = waiting.pop_front() else {
        return Ok(());
    };
    let made = keys
        .recv()
        .ok()
        .filter(|made| made.len() == batch.len())
        .unwrap_or_else(|| batch.iter().map(|(_, t)| Keys::of(t)).collect());
    for ((id, _), k) in batch.iter().zip(&made) {
        write_keys(conn, *id, k)?;
    }
    Ok(())
}

/// The entries of the grams and pinyin indexes of one case.
pub(super) struct Keys {
    grams: String,
    pinyin: String,
}

impl Keys {
    pub(super) fn of(t: &Texts) -> Keys {
        let grams = short_grams(&[
            &t.number,
            &t.names,
            &t.ids,
            &t.phones,
            &t.addresses,
            &t.facts,
            &t.claims,
            &t.referrer,
            &t.records,
            &t.agreements,
        ]);
        let mut keys: Vec<String> = t
            .person_names
            .iter()
            .flat_map(|(n, organisation)| name_keys(n, *organisation))
            .collect();
        keys.sort();
        keys.dedup();
        Keys {
            grams,
            pinyin: keys.join(" "),
        }
    }
}

pub(super) fn write_keys(conn: &Connection, id: i64, k: &Keys) -> Result<(), StorageError> {
    conn.prepare_cached("INSERT INTO case_grams (rowid, grams) VALUES (?1, ?2)")?
        .execute(params![id, k.grams])?;
    conn.prepare_cached("INSERT INTO case_pinyin (rowid, keys) VALUES (?1, ?2)")?
        .execute(params![id, k.pinyin])?;
    Ok(())
}

#[cfg(test)]
mod tests;
