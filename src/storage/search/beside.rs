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
/// one reads the rows and writes the trigram index. The keys come back in the order the
/// cases were sent, so every index is written in rowid order as before, and at most
/// [`IN_FLIGHT`] cases' texts are held at once. Should the thread be gone, this one
/// makes the keys itself from the texts it kept.
pub(super) fn index_new_cases_beside(conn: &Connection, ids: &[i64]) -> Result<(), StorageError> {
    std::thread::scope(|scope| {
        let (to_worker, texts) = mpsc::sync_channel::<Arc<Texts>>(IN_FLIGHT);
        let (to_writer, keys) = mpsc::channel::<Keys>();
        scope.spawn(move || {
            for t in texts {
                if to_writer.send(Keys::of(&t)).is_err() {
                    break;
                }
            }
        });
        let mut waiting: VecDeque<(i64, Arc<Texts>)> = VecDeque::with_capacity(IN_FLIGHT);
        for id in ids {
            let Some(t) = read_texts(conn, *id)? else {
                continue;
            };
            write_text(conn, *id, &t)?;
            if waiting.len() == IN_FLIGHT {
                write_next_keys(conn, &mut waiting, &keys)?;
            }
            let t = Arc::new(t);
            // A send fails only when the thread is gone: then the keys are made here.
            let _ = to_worker.send(Arc::clone(&t));
            waiting.push_back((*id, t));
        }
        drop(to_worker);
        while !waiting.is_empty() {
            write_next_keys(conn, &mut waiting, &keys)?;
        }
        Ok(())
    })
}

/// Cases whose texts may wait for the key thread at once.
const IN_FLIGHT: usize = 64;

/// Below this many cases the key thread is not worth starting.
pub(super) const BESIDE_FROM: usize = 32;

/// Writes the keys of the oldest case still waiting for them.
fn write_next_keys(
    conn: &Connection,
    waiting: &mut VecDeque<(i64, Arc<Texts>)>,
    keys: &mpsc::Receiver<Keys>,
) -> Result<(), StorageError> {
    let Some((id, t)) = waiting.pop_front() else {
        return Ok(());
    };
    let k = keys.recv().unwrap_or_else(|_| Keys::of(&t));
    write_keys(conn, id, &k)
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
