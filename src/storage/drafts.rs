//! Drafts: a row per user, window and form holding what was typed (JSON the app builds
//! and reads; storage only keeps it). Each window (process) writes its own drafts under
//! its token (see `window`), so two windows of the same user never overwrite each
//! other's; at start a window is offered the drafts of windows that are gone, never those
//! of one still open. Written after a pause in typing, each write one short transaction
//! that waits for other writers (busy timeout) rather than failing.

use super::codec::{parse_time, time_text};
use super::rights::{allow, draft_scope};
use super::window::Window;
use super::{StorageError, Store};
use crate::domain::case::Timestamp;
use crate::domain::rights::Operation;
use rusqlite::params;

/// A stored draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The window that wrote it (its token; "" for a draft from before windows).
    pub owner: String,
    /// Which form: "case:new", "case:123", "session:123", "record:123", "settings".
    pub key: String,
    /// The form's fields as JSON (built by the app).
    pub content: String,
    /// When it was last written.
    pub updated_at: Timestamp,
}

impl Store {
    /// Saves (or replaces) the draft of `key` that `user` typed in `window`.
    pub fn save_draft(
        &mut self,
        user: &str,
        window: &Window,
        key: &str,
        content: &str,
        now: &Timestamp,
    ) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            allow(
                tx,
                actor.as_ref(),
                Operation::SaveDraft,
                draft_scope(tx, key)?,
            )?;
            tx.execute(
                "INSERT INTO drafts (user, owner, form_key, content, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (user, owner, form_key) DO UPDATE
                 SET content = excluded.content, updated_at = excluded.updated_at",
                params![user, window.token(), key, content, time_text(now)],
            )?;
            Ok(())
        })
    }

    /// Deletes the draft of `key` that `user` keeps in the window `owner` (a token:
    /// this window's, or a gone one's being discarded); nothing happens if there is none.
    pub fn delete_draft(&mut self, user: &str, owner: &str, key: &str) -> Result<(), StorageError> {
        let actor = self.actor.clone();
        self.write(|tx| {
            // Nothing to delete is no write: a 只读 user closing a form they only looked
            // at is not refused anything.
            let held: i64 = tx.query_row(
                "SELECT count(*) FROM drafts WHERE user = ?1 AND owner = ?2 AND form_key = ?3",
                params![user, owner, key],
                |r| r.get(0),
            )?;
            if held == 0 {
                return Ok(());
            }
            allow(
                tx,
                actor.as_ref(),
                Operation::SaveDraft,
                draft_scope(tx, key)?,
            )?;
            tx.execute(
                "DELETE FROM drafts WHERE user = ?1 AND owner = ?2 AND form_key = ?3",
                params![user, owner, key],
            )?;
            Ok(())
        })
    }

    /// Makes a gone window's draft of `key` this window's own (it was restored here):
    /// from now on it is saved and deleted with this window's forms. A draft of the same
    /// form this window had is replaced.
    pub fn adopt_draft(
        &mut self,
        user: &str,
        window: &Window,
        from: &str,
        key: &str,
    ) -> Result<(), StorageError> {
        if from == window.token() {
            return Ok(());
        }
        self.write(|tx| {
            tx.execute(
                "DELETE FROM drafts WHERE user = ?1 AND owner = ?2 AND form_key = ?3
                 AND EXISTS (SELECT 1 FROM drafts WHERE user = ?1 AND owner = ?4 AND form_key = ?3)",
                params![user, window.token(), key, from],
            )?;
            tx.execute(
                "UPDATE drafts SET owner = ?2 WHERE user = ?1 AND owner = ?4 AND form_key = ?3",
                params![user, window.token(), key, from],
            )?;
            Ok(())
        })
    }

    /// The drafts of `user` left by windows that are gone, newest first — never one of a
    /// window still open, nor this window's own. The gone windows are held by `window`
    /// from now on (until `Window::let_go`), so a window starting at the same time is not
    /// offered the same drafts.
    pub fn drafts_left(&self, user: &str, window: &mut Window) -> Result<Vec<Draft>, StorageError> {
        let all = self.drafts(user)?;
        let mut owners: Vec<String> = all.iter().map(|d| d.owner.clone()).collect();
        owners.sort();
        owners.dedup();
        let gone: Vec<String> = owners.into_iter().filter(|o| window.take_over(o)).collect();
        // Every user's windows, not only this one's: a lock file is named by its token.
        let mut kept: Vec<String> = self
            .conn
            .prepare_cached("SELECT DISTINCT owner FROM drafts")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        kept.sort();
        window.sweep(&kept);
        Ok(all
            .into_iter()
            .filter(|d| gone.contains(&d.owner))
            .collect())
    }

    /// Every draft of `user`, of every window, newest first.
    pub fn drafts(&self, user: &str) -> Result<Vec<Draft>, StorageError> {
        let zone = self.zone()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT owner, form_key, content, updated_at FROM drafts
             WHERE user = ?1 ORDER BY updated_at DESC, owner, form_key",
        )?;
        let rows = stmt.query_map([user], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut drafts = Vec::new();
        for row in rows {
            let (owner, key, content, at) = row?;
            drafts.push(Draft {
                owner,
                key,
                content,
                updated_at: zone.local(&parse_time("drafts.updated_at", &at)?),
            });
        }
        Ok(drafts)
    }
}

#[cfg(test)]
mod tests;
