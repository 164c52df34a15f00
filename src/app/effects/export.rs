//! The 统计 tab's exports: the ledger (台账) workbook of a period, and writing a workbook
//! beside the database, readable by its owner only (the ledger names parties).

use super::Runner;
use crate::app::action::Action;
use crate::domain::org::Organisation;
use crate::domain::stats::period::Period;
use crate::domain::user::User;
use crate::i18n::tf;
use crate::storage::{StorageError, Store};
use std::path::Path;

impl Runner {
    /// Writes the period's statistics as an .xlsx in the database's folder.
    pub(super) fn export_stats(&self, period: &Period) -> Result<Action, StorageError> {
        let org = self.org()?;
        // From the summary, as the tab shows it.
        let stats = self.store.stats(org.id, period)?;
        let sheets = crate::report::stats_sheet::stats_sheets(&org.profile.room_name, &stats);
        let bytes = crate::report::xlsx::workbook_bytes(&sheets)
            .map_err(|e| StorageError::Invalid(e.to_string()))?;
        let name = format!(
            "{}_{}_{}.xlsx",
            crate::i18n::t("report.file.stats"),
            period.from,
            period.to
        );
        Ok(Action::StatsExported(keep_beside(
            self.store.path(),
            &name,
            &bytes,
        )?))
    }

    /// Writes the ledger (台账) of the cases received in the period as an .xlsx in the
    /// database's folder.
    pub(super) fn export_ledger(&self, period: &Period) -> Result<Action, StorageError> {
        let org = self.org()?;
        let bytes = ledger_workbook(&self.store, org, period, &self.user)?;
        let name = format!(
            "{}_{}_{}.xlsx",
            crate::i18n::t("report.file.ledger"),
            period.from,
            period.to
        );
        Ok(Action::LedgerExported(keep_beside(
            self.store.path(),
            &name,
            &bytes,
        )?))
    }
}

/// The ledger of the cases received in `period`, as .xlsx bytes; ID numbers and phones
/// masked (the full ones only from `tiaojie report ledger --unmasked`).
pub fn ledger_workbook(
    store: &Store,
    org: &Organisation,
    period: &Period,
    viewer: &User,
) -> Result<Vec<u8>, StorageError> {
    // A 登记员's ledger is their own cases, as `tiaojie report ledger` gives it.
    let cases = store.ledger_cases(org.id, period, Some(viewer))?;
    let mediators = store.mediators(org.id)?;
    let title = tf(
        "ledger.title",
        &[
            ("room", &org.profile.room_name),
            ("from", &period.from.to_string()),
            ("to", &period.to.to_string()),
        ],
    );
    let sheet = crate::report::ledger::ledger_sheet(&title, &cases, &mediators, false);
    crate::report::xlsx::workbook_bytes(&[sheet]).map_err(|e| StorageError::Invalid(e.to_string()))
}

/// Writes `bytes` as `name` in the database's folder, owner-only (replacing an earlier
/// export of the same name); returns the full path, for the status line.
pub fn keep_beside(db: &Path, name: &str, bytes: &[u8]) -> Result<String, StorageError> {
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let path = dir.join(name);
    let written = crate::paths::write_private(&path, bytes);
    written.map_err(|cause| {
        StorageError::Invalid(tf(
            "cli.err.write",
            &[
                ("path", &path.display().to_string()),
                ("cause", &cause.to_string()),
            ],
        ))
    })?;
    let shown = std::fs::canonicalize(&path).unwrap_or(path);
    Ok(shown.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_file_is_the_owners_only_and_its_full_path_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("room.db");
        let path = keep_beside(&db, "台账_2026-11-01_2026-11-30.xlsx", b"x").unwrap();
        assert!(Path::new(&path).is_absolute());
        assert!(path.ends_with("台账_2026-11-01_2026-11-30.xlsx"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
