//! `tiaojie backup [DIR]`, `tiaojie restore FILE` and `tiaojie check`: a consistent copy
//! while others work, a copy put back only after it was checked (the replaced data kept
//! beside it), and the integrity checks said in plain words.

use super::CliError;
use crate::i18n::tf;
use crate::storage::backup::{self, CheckReport};
use crate::storage::{StorageError, Store};
use std::path::Path;

/// Writes a copy of `db` into `dir` (default: the backups folder beside it); with
/// `keep`, first sets how many daily copies the room keeps.
pub fn backup(db: &Path, dir: Option<&Path>, keep: Option<u32>) -> Result<(), CliError> {
    if !db.exists() {
        return Err(CliError::NothingToRead {
            path: db.display().to_string(),
        });
    }
    let mut store = Store::open(db)?;
    if let (Some(keep), Some(org)) = (keep, store.organisation()?) {
        store.set_setting(org.id, backup::KEEP_SETTING, &keep.to_string())?;
        eprintln!("{}", tf("cli.backup.keep", &[("n", &keep.to_string())]));
    }
    let dir = dir
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate::paths::backup_dir(db));
    // Milliseconds too: two copies in one second must not overwrite each other. The
    // machine's clock, not the room's zone: a file name for whoever looks in the folder.
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S-%3f");
    let path = dir.join(format!("tiaojie-{stamp}.db"));
    if !dir.exists() {
        // Owner-only, like the database's own folder.
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&dir).map_err(|cause| CliError::Write {
            path: dir.display().to_string(),
            cause,
        })?;
    }
    store.backup_to(&path)?;
    eprintln!(
        "{}",
        tf("cli.backup.done", &[("path", &path.display().to_string())])
    );
    Ok(())
}

/// Puts the copy `file` in place of `db`, after checking it; keeps what it replaces. The
/// restore is recorded as done by `who`; sessions connected to `db` see it and reload.
pub fn restore(db: &Path, file: &Path, who: &str) -> Result<(), CliError> {
    // Checked before anything is opened or created.
    backup::verify(file)?;
    let kept =
        match Store::open(db) {
            Ok(mut store) => store.restore_from(file, who)?,
            // A database too broken to open is moved aside, never overwritten.
            Err(
                StorageError::Open { .. } | StorageError::Sql(_) | StorageError::NotOurs { .. },
            ) if db.exists() => backup::restore_over_broken(db, file, who)?,
            Err(e) => return Err(e.into()),
        };
    // The restored file opens as this version (the copy was migrated before it was put
    // in place).
    drop(Store::open(db)?);
    eprintln!(
        "{}",
        tf(
            "cli.restore.done",
            &[
                ("file", &file.display().to_string()),
                ("kept", &kept.display().to_string())
            ]
        )
    );
    eprintln!("{}", tf("cli.restore.told", &[]));
    Ok(())
}

/// Runs the checks on `db` and says what they found; an error if they found anything.
pub fn check(db: &Path) -> Result<(), CliError> {
    if !db.exists() {
        return Err(CliError::NothingToRead {
            path: db.display().to_string(),
        });
    }
    let report = backup::check(db)?;
    println!("{}", describe(&report));
    if report.ok() {
        Ok(())
    } else {
        Err(CliError::Problems)
    }
}

/// The report in plain words, one finding per line.
pub fn describe(report: &CheckReport) -> String {
    let mut lines = Vec::new();
    if report.ok() {
        lines.push(tf("cli.check.ok", &[]));
    }
    if let Some(first) = report.integrity.first() {
        lines.push(tf(
            "cli.check.integrity",
            &[
                ("count", &report.integrity.len().to_string()),
                ("first", first),
            ],
        ));
    }
    if let Some((table, row, parent)) = report.foreign_keys.first() {
        lines.push(tf(
            "cli.check.foreign",
            &[
                ("count", &report.foreign_keys.len().to_string()),
                ("table", table),
                ("row", &row.to_string()),
                ("parent", parent),
            ],
        ));
    }
    let names = |list: &[String]| list.join(", ");
    if !report.triggers.missing.is_empty() {
        lines.push(tf(
            "cli.check.triggers_missing",
            &[
                ("count", &report.triggers.missing.len().to_string()),
                ("names", &names(&report.triggers.missing)),
            ],
        ));
    }
    if !report.triggers.altered.is_empty() {
        lines.push(tf(
            "cli.check.triggers_altered",
            &[
                ("count", &report.triggers.altered.len().to_string()),
                ("names", &names(&report.triggers.altered)),
            ],
        ));
    }
    lines.join("\n")
}
