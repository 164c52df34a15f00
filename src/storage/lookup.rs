//! Finding one case from what a user types on the command line: its printed number
//! (（2026）新人调字第12号) or its internal id.

use super::{StorageError, Store};
use crate::domain::case::CaseId;
use crate::domain::org::OrgId;
use rusqlite::OptionalExtension;

impl Store {
    /// The case with this printed number, or else with this id, in the room `org`.
    pub fn find_case(&self, org: OrgId, key: &str) -> Result<Option<CaseId>, StorageError> {
        let key = key.trim();
        let by_number = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE org_id = ?1 AND number_text = ?2")?
            .query_row(rusqlite::params![org.0, key], |r| r.get::<_, i64>(0))
            .optional()?;
        if let Some(id) = by_number {
            return Ok(Some(CaseId(id)));
        }
        let Ok(id) = key.parse::<i64>() else {
            return Ok(None);
        };
        let by_id = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE org_id = ?1 AND id = ?2")?
            .query_row(rusqlite::params![org.0, id], |r| r.get::<_, i64>(0))
            .optional()?;
        Ok(by_id.map(CaseId))
    }
}
