//! `tiaojie report stats|ledger`: the statistics of a period (or a district's rooms, with
//! `--merge`) and the case ledger, as text, CSV or .xlsx.

use super::CliError;
use crate::domain::stats::period::Period;
use crate::domain::stats::{Counts, compute};
use crate::i18n::{t, tf};
use crate::report::{Sheet, csv, ledger, stats_sheet, txt, xlsx};
use crate::storage::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned plain text.
    Txt,
    /// CSV, UTF-8 with BOM.
    Csv,
    /// Excel workbook.
    Xlsx,
}

/// The statistics sheets of the room in `store` for `period`.
pub fn room_stats(store: &Store, period: &Period) -> Result<Vec<Sheet>, CliError> {
    let Some(org) = store.organisation()? else {
        return Ok(Vec::new());
    };
    let stats = compute(*period, &store.stats_cases(org.id, period)?);
    Ok(stats_sheet::stats_sheets(&org.profile.room_name, &stats))
}

/// One row per room of the databases in `paths`, and their total.
pub fn district_stats(paths: &[PathBuf], period: &Period) -> Result<Vec<Sheet>, CliError> {
    let mut rooms: Vec<(String, Counts)> = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(CliError::NothingToRead {
                path: path.display().to_string(),
            });
        }
        let store = Store::open(path)?;
        let Some(org) = store.organisation()? else {
            continue;
        };
        let stats = compute(*period, &store.stats_cases(org.id, period)?);
        rooms.push((org.profile.room_name, stats.total));
    }
    let title = tf(
        "stats.title.district",
        &[
            ("count", &rooms.len().to_string()),
            ("from", &period.from.to_string()),
            ("to", &period.to.to_string()),
        ],
    );
    Ok(vec![stats_sheet::district_sheet(&title, &rooms)])
}

/// The ledger sheet of the cases received in `period`.
pub fn room_ledger(store: &Store, period: &Period, unmasked: bool) -> Result<Vec<Sheet>, CliError> {
    room_ledger_as(store, period, unmasked, None)
}

/// [`room_ledger`] as `viewer` sees it: a 登记员's ledger holds only the cases they
/// registered (`None`: every case, for the room's own tools and tests).
pub fn room_ledger_as(
    store: &Store,
    period: &Period,
    unmasked: bool,
    viewer: Option<&crate::domain::user::User>,
) -> Result<Vec<Sheet>, CliError> {
    use crate::domain::user::{case_for, may_see_case};
    let Some(org) = store.organisation()? else {
        return Ok(Vec::new());
    };
    let mut cases = Vec::new();
    for id in store.cases_received(org.id, period)? {
        let case = store.load_case(id)?;
        match viewer {
            None => cases.push(case),
            Some(me) if may_see_case(&case, me) => cases.push(case_for(&case, me)),
            Some(_) => {}
        }
    }
    let mediators = store.mediators(org.id)?;
    let title = tf(
        "ledger.title",
        &[
            ("room", &org.profile.room_name),
            ("from", &period.from.to_string()),
            ("to", &period.to.to_string()),
        ],
    );
    Ok(vec![ledger::ledger_sheet(
        &title, &cases, &mediators, unmasked,
    )])
}

/// The bytes of `sheets` in `format`.
pub fn render(sheets: &[Sheet], format: Format) -> Result<Vec<u8>, CliError> {
    Ok(match format {
        Format::Txt => txt::text(sheets).into_bytes(),
        Format::Csv => csv::csv_bytes(sheets),
        Format::Xlsx => xlsx::workbook_bytes(sheets).map_err(|e| CliError::Write {
            path: t("report.workbook").into_owned(),
            cause: std::io::Error::other(e.to_string()),
        })?,
    })
}

/// Writes `bytes` to `file` through a temporary name, so a failed write leaves no half
/// file under the real name; without a file, text goes to standard output.
pub fn write_out(bytes: &[u8], file: Option<&Path>) -> Result<String, CliError> {
    use std::io::Write;
    let Some(file) = file else {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|cause| CliError::Write {
                path: t("export.stdout").into_owned(),
                cause,
            })?;
        return Ok(t("export.stdout").into_owned());
    };
    let partial = file.with_extension("partial");
    let err = |cause| CliError::Write {
        path: file.display().to_string(),
        cause,
    };
    crate::paths::write_private(&partial, bytes).map_err(err)?;
    std::fs::rename(&partial, file).map_err(|cause| {
        let _ = std::fs::remove_file(&partial);
        err(cause)
    })?;
    Ok(file.display().to_string())
}

/// The file name an .xlsx gets when none is given: `统计_2026-10-01_2026-10-31.xlsx`.
pub fn default_file(kind: &str, period: &Period, format: Format) -> Option<PathBuf> {
    (format == Format::Xlsx).then(|| {
        PathBuf::from(format!(
            "{}_{}_{}.xlsx",
            t(&format!("report.file.{kind}")),
            period.from,
            period.to
        ))
    })
}

/// A period from two dates as typed (`2026-10-01`).
pub fn period(from: NaiveDate, to: NaiveDate) -> Period {
    Period::range(from, to)
}
