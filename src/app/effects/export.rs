//! The 统计 tab's exports: the ledger (台账) workbook of a period, and writing a workbook
//! beside the database, readable by its owner only (the ledger names parties).

use super::Runner;
use crate::app::action::Action;
use crate::domain::org::Organisation;
use crate::domain::stats::period::Period;
use crate::domain::user::User;
use crate::i18n::tf;
use crate::report::ledger_stream::{Each, Ledger};
use crate::storage::{StorageError, Store};
use std::io::{BufWriter, Seek, Write};
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
    /// database's folder, a case at a time (never the whole ledger in memory).
    pub(super) fn export_ledger(&self, period: &Period) -> Result<Action, StorageError> {
        let org = self.org()?;
        let name = format!(
            "{}_{}_{}.xlsx",
            crate::i18n::t("report.file.ledger"),
            period.from,
            period.to
        );
        let path = write_beside(self.store.path(), &name, |out| {
            ledger_workbook(&self.store, org, period, &self.user, out)
        })?;
        Ok(Action::LedgerExported(path))
    }
}

/// Writes the ledger of the cases received in `period` as an .xlsx to `out`, each case
/// as it is read; ID numbers and phones masked (the full ones only from
/// `tiaojie report ledger --unmasked`).
pub fn ledger_workbook<W: Write + Seek + Send>(
    store: &Store,
    org: &Organisation,
    period: &Period,
    viewer: &User,
    out: &mut W,
) -> Result<(), StorageError> {
    let mediators = store.mediators(org.id)?;
    let title = crate::report::ledger::ledger_title(&org.profile.room_name, period);
    let ledger = Ledger {
        frame: crate::report::ledger::ledger_frame(&title, false),
        mediators: &mediators,
        unmasked: false,
        scratch: store.path().parent().filter(|d| !d.as_os_str().is_empty()),
    };
    // A 登记员's ledger is their own cases, as `tiaojie report ledger` gives it.
    let mut cases = |each: &mut Each<'_, StorageError>| {
        store.each_ledger_case(org.id, period, Some(viewer), |case, agreement| {
            each(case, agreement)
        })
    };
    ledger.xlsx(out, &mut cases, |e| StorageError::Invalid(e.to_string()))
}

/// Writes `bytes` as `name` in the database's folder, owner-only (replacing an earlier
/// export of the same name); returns the full path, for the status line.
pub fn keep_beside(db: &Path, name: &str, bytes: &[u8]) -> Result<String, StorageError> {
    write_beside(db, name, |out| {
        out.write_all(bytes)
            .map_err(|cause| StorageError::Invalid(cause.to_string()))
    })
}

/// Writes `name` in the database's folder through `write`, owner-only, under a
/// temporary name until all is written (so a failed export leaves no half file, and an
/// earlier export of the same name stays whole); returns the full path.
fn write_beside(
    db: &Path,
    name: &str,
    write: impl FnOnce(&mut BufWriter<std::fs::File>) -> Result<(), StorageError>,
) -> Result<String, StorageError> {
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let path = dir.join(name);
    let partial = path.with_extension("partial");
    // What failed, worded with the file's name (a failed read says its own words).
    let failed = |e: StorageError| match e {
        StorageError::Invalid(cause) => StorageError::Invalid(tf(
            "cli.err.write",
            &[("path", &path.display().to_string()), ("cause", &cause)],
        )),
        other => other,
    };
    let io = |cause: std::io::Error| StorageError::Invalid(cause.to_string());
    let written = crate::paths::create_private(&partial)
        .map_err(io)
        .and_then(|file| {
            let mut out = BufWriter::new(file);
            write(&mut out)?;
            out.flush().map_err(io)
        })
        .and_then(|()| std::fs::rename(&partial, &path).map_err(io));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written.map_err(failed)?;
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
