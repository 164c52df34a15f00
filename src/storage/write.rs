//! Write transactions: every change is one `BEGIN IMMEDIATE` transaction, so two
//! processes never interleave half-changes and a writer waits (busy timeout) instead of
//! failing halfway.

use super::{StorageError, Store};
use rusqlite::{Transaction, TransactionBehavior};

impl Store {
    /// Runs `f` in one immediate transaction; commits only if it returns `Ok`.
    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}
