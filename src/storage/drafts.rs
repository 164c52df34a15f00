//! Drafts: a row per user and form holding what was typed (JSON the app builds and reads;
//! storage only keeps it). Written after a pause in typing, each write one short
//! transaction that waits for other writers (busy timeout) rather than failing.

use super::codec::{parse_time, time_text};
use super::rights::{allow, draft_case};
use super::{StorageError, Store};
use crate::domain::case::Timestamp;
use crate::domain::rights::Operation;
use rusqlite::params;

/// A stored draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Which form: "case:new", "case:123", "session:123", "record:123", "settings".
    pub key: String,
    /// The form's fields as JSON (built by the app).
    pub content: String,
    /// When it was last written.
    pub updated_at: Timestamp,
}

impl Store {
    /// Saves (or replaces) the draft of `key` for `user`.
    pub fn save_draft(
        &mut self,
        user: &str,
        key: &str,
        content: &str,
        now: &Timestamp,
    ) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(tx, actor.as_ref(), Operation::SaveDraft, draft_case(key))?;
            tx.execute(
                "INSERT INTO drafts (user, form_key, content, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (user, form_key) DO UPDATE
                 SET content = excluded.content, updated_at = excluded.updated_at",
                params![user, key, content, time_text(now)],
            )?;
            Ok(())
        })
    }

    /// Deletes the draft of `key` for `user` (nothing happens if there is none).
    pub fn delete_draft(&mut self, user: &str, key: &str) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            // Nothing to delete is no write: a 只读 user closing a form they only looked
            // at is not refused anything.
            let held: i64 = tx.query_row(
                "SELECT count(*) FROM drafts WHERE user = ?1 AND form_key = ?2",
                params![user, key],
                |r| r.get(0),
            )?;
            if held == 0 {
                return Ok(());
            }
            allow(tx, actor.as_ref(), Operation::SaveDraft, draft_case(key))?;
            tx.execute(
                "DELETE FROM drafts WHERE user = ?1 AND form_key = ?2",
                params![user, key],
            )?;
            Ok(())
        })
    }

    /// The drafts of `user`, newest first.
    pub fn drafts(&self, user: &str) -> Result<Vec<Draft>, StorageError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT form_key, content, updated_at FROM drafts
             WHERE user = ?1 ORDER BY updated_at DESC, form_key",
        )?;
        let rows = stmt.query_map([user], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut drafts = Vec::new();
        for row in rows {
            let (key, content, at) = row?;
            drafts.push(Draft {
                key,
                content,
                updated_at: parse_time("drafts.updated_at", &at)?,
            });
        }
        Ok(drafts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn a_draft_is_kept_per_user_and_form_replaced_and_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let t1 = at("2026-11-28T09:00:00+08:00");
        let t2 = at("2026-11-28T09:05:00+08:00");
        store
            .save_draft("wang", "case:new", r#"{"a":"张"}"#, &t1)
            .unwrap();
        store
            .save_draft("li", "case:new", r#"{"a":"李"}"#, &t1)
            .unwrap();
        store
            .save_draft("wang", "case:new", r#"{"a":"张三"}"#, &t2)
            .unwrap();
        store.save_draft("wang", "settings", "{}", &t1).unwrap();
        let wang = store.drafts("wang").unwrap();
        assert_eq!(wang.len(), 2);
        assert_eq!(wang[0].key, "case:new");
        assert_eq!(wang[0].content, r#"{"a":"张三"}"#);
        assert_eq!(wang[0].updated_at, t2);
        store.delete_draft("wang", "case:new").unwrap();
        store.delete_draft("wang", "case:none").unwrap();
        let keys: Vec<_> = store
            .drafts("wang")
            .unwrap()
            .into_iter()
            .map(|d| d.key)
            .collect();
        assert_eq!(keys, ["settings"]);
        assert_eq!(store.drafts("li").unwrap().len(), 1);
    }
}
