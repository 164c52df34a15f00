//! `tiaojie export`: every case of the room as one JSON line (docs/export-format.md),
//! oldest first, and nothing else on the output — so stdout can be piped to a script.
//! A file is written beside its final name and renamed when complete, readable by its
//! owner only: it holds full ID numbers and phones.

use super::CliError;
use super::jsonl::{AgreementLine, CaseLine, FollowUpLine, SessionLine};
use crate::domain::org::MediatorId;
use crate::domain::user::{User, case_for, may_see_agreements, may_see_case};
use crate::i18n::tf;
use crate::storage::{StorageError, Store};
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Writing the output failed.
    #[error("{}", tf("export.err.output", &[("cause", &.0.to_string())]))]
    Output(#[from] std::io::Error),
}

/// Writes every case of the room as JSON Lines to `out`; returns how many. A database
/// without a room has no cases and gives an empty output.
pub fn export_cases(store: &Store, out: &mut dyn Write) -> Result<u64, ExportError> {
    export_cases_as(store, out, None)
}

/// [`export_cases`] as `viewer` may see them: a 登记员 exports only the cases they
/// registered (`None`: every case in full, for backups and tests).
pub fn export_cases_as(
    store: &Store,
    out: &mut dyn Write,
    viewer: Option<&User>,
) -> Result<u64, ExportError> {
    let Some(org) = store.organisation()? else {
        return Ok(0);
    };
    let names: HashMap<MediatorId, String> = store
        .mediators(org.id)?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    let mut count = 0;
    for id in store.case_ids(org.id)? {
        let case = store.load_case(id)?;
        let case = match viewer {
            None => case,
            Some(me) if may_see_case(&case, me) => case_for(&case, me),
            Some(_) => continue,
        };
        let mut mediators = Vec::with_capacity(case.mediators.len());
        for m in &case.mediators {
            let corrupt = || StorageError::Corrupt {
                column: "case_mediators.mediator_id",
                value: m.0.to_string(),
            };
            mediators.push(names.get(m).cloned().ok_or_else(corrupt)?);
        }
        let id = case.id;
        let party_ids: Vec<_> = case.fields.parties.iter().map(|p| p.id).collect();
        let mut line = CaseLine::from_case(&org.profile, case, mediators);
        let session_names = |s: &crate::domain::session::Session| {
            let names = s
                .fields
                .mediators
                .iter()
                .filter_map(|m| names.get(m).cloned());
            names.collect()
        };
        line.sessions = SessionLine::from_sessions(store.sessions_of_case(id)?, &session_names);
        line.follow_ups = store
            .follow_ups_of_case(id)?
            .into_iter()
            .map(FollowUpLine::from)
            .collect();
        // The agreement only for those who may read it (a 登记员 may not).
        if viewer.is_none_or(may_see_agreements) {
            line.agreement = store
                .agreement_of_case(id)?
                .map(|a| AgreementLine::from_agreement(a, &party_ids));
        }
        serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        count += 1;
    }
    out.flush()?;
    Ok(count)
}

/// Exports to `file`, or to standard output when there is none; returns how many cases,
/// or `None` when the reader of standard output stopped early (`| head`).
pub fn export_to(
    store: &Store,
    file: Option<&Path>,
    viewer: &User,
) -> Result<Option<u64>, CliError> {
    let Some(file) = file else {
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        return match export_cases_as(store, &mut out, Some(viewer)) {
            // `tiaojie export | head` closes the pipe early on purpose: not an error.
            Err(ExportError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(None),
            other => other
                .map(Some)
                .map_err(|e| cli_error(e, &crate::i18n::t("export.stdout"))),
        };
    };
    let partial = partial_path(file);
    let written = write_file(store, &partial, viewer);
    let count = match written {
        Ok(count) => count,
        Err(e) => {
            // Best effort: the half-written file is useless, and its name says so anyway.
            let _ = std::fs::remove_file(&partial);
            return Err(cli_error(e, &file.display().to_string()));
        }
    };
    std::fs::rename(&partial, file).map_err(|cause| CliError::Write {
        path: file.display().to_string(),
        cause,
    })?;
    Ok(Some(count))
}

fn write_file(store: &Store, path: &Path, viewer: &User) -> Result<u64, ExportError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = BufWriter::new(options.open(path)?);
    let count = export_cases_as(store, &mut out, Some(viewer))?;
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(count)
}

/// `cases.jsonl` → `cases.jsonl.part`, in the same folder so the rename cannot cross disks.
fn partial_path(file: &Path) -> PathBuf {
    let mut name = file
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".part");
    file.with_file_name(name)
}

fn cli_error(e: ExportError, target: &str) -> CliError {
    match e {
        ExportError::Storage(e) => CliError::Storage(e),
        ExportError::Output(cause) => CliError::Write {
            path: target.to_string(),
            cause,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partial_file_sits_beside_the_target() {
        assert_eq!(
            partial_path(Path::new("/tmp/a/cases.jsonl")),
            PathBuf::from("/tmp/a/cases.jsonl.part")
        );
        assert_eq!(
            partial_path(Path::new("cases.jsonl")),
            PathBuf::from("cases.jsonl.part")
        );
    }
}
