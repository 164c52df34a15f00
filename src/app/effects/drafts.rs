//! The runner's side of drafts: this window's drafts written and deleted, and the offer
//! of drafts gone windows left (read, taken over, discarded, let go). Part of the I/O
//! side of `app`.

use super::Runner;
use crate::app::action::Action;
use crate::domain::case::Timestamp;
use crate::storage::StorageError;

impl Runner {
    /// The window an offered draft belongs to: an empty owner is this window's own
    /// (a form a restore closed), anything else a gone window's token.
    fn owner_or_mine(&self, owner: String) -> String {
        if owner.is_empty() {
            self.window.token().to_string()
        } else {
            owner
        }
    }

    /// The drafts of this user's windows that are gone; never an open window's.
    pub(super) fn load_drafts(&mut self) -> Result<Action, StorageError> {
        let drafts = self.store.drafts_left(&self.operator, &mut self.window)?;
        Ok(Action::DraftsLoaded(drafts))
    }

    /// Writes a draft of this window.
    pub(super) fn save_draft(
        &mut self,
        key: &str,
        content: &str,
        now: &Timestamp,
    ) -> Result<Action, StorageError> {
        self.store
            .save_draft(&self.operator, &self.window, key, content, now)?;
        Ok(Action::DraftStored)
    }

    /// Deletes a draft of this window.
    pub(super) fn delete_draft(&mut self, key: &str) -> Result<Action, StorageError> {
        self.store
            .delete_draft(&self.operator, self.window.token(), key)?;
        Ok(Action::DraftStored)
    }

    /// Deletes an offered draft (a gone window's, or this one's).
    pub(super) fn discard_draft(
        &mut self,
        owner: String,
        key: &str,
    ) -> Result<Action, StorageError> {
        let owner = self.owner_or_mine(owner);
        self.store.delete_draft(&self.operator, &owner, key)?;
        Ok(Action::DraftStored)
    }

    /// Makes an offered draft this window's own.
    pub(super) fn adopt_draft(&mut self, owner: String, key: &str) -> Result<Action, StorageError> {
        let owner = self.owner_or_mine(owner);
        self.store
            .adopt_draft(&self.operator, &self.window, &owner, key)?;
        Ok(Action::DraftStored)
    }

    /// The offer closed: the gone windows whose drafts are left are offered again later.
    pub(super) fn release_drafts(&mut self) -> Action {
        self.window.let_go();
        Action::DraftStored
    }
}
