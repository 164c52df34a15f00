//! `tiaojie report stats|ledger`: the statistics of a period (or a district's rooms, with
//! `--merge`) and the case ledger, as text, CSV or .xlsx.

use super::CliError;
use crate::domain::stats::Counts;
use crate::domain::stats::period::Period;
use crate::i18n::{t, tf};
use crate::report::ledger_stream::{Cases, Each, Ledger};
use crate::report::{Sheet, csv, ledger, stats_sheet, txt, xlsx};
use crate::storage::Store;
use chrono::NaiveDate;
use std::io::{Seek, Write};
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
    let stats = store.stats(org.id, period)?;
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
        let room = if is_jsonl(path) {
            jsonl_room(path, period)?
        } else {
            db_room(path, period)?
        };
        rooms.extend(room);
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

/// A room's name and figures from its database file (`None` if no room is set up in it).
fn db_room(path: &Path, period: &Period) -> Result<Option<(String, Counts)>, CliError> {
    let store = Store::open(path)?;
    let Some(org) = store.organisation()? else {
        return Ok(None);
    };
    let stats = store.stats(org.id, period)?;
    Ok(Some((org.profile.room_name, stats.total)))
}

/// A room's export (`tiaojie export`, JSON Lines) rather than its database: by its name,
/// or, whatever the name, by a first byte that no SQLite file starts with.
fn is_jsonl(path: &Path) -> bool {
    let named = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "jsonl" | "ndjson" | "json"));
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    named || (read > 0 && !head[..read].starts_with(b"SQLite format 3"))
}

/// A room's figures from its JSON Lines export: read into a private temporary database
/// with the same checks as `tiaojie import` (so a damaged line is named, not miscounted),
/// counted like a database file, then removed.
fn jsonl_room(path: &Path, period: &Period) -> Result<Option<(String, Counts)>, CliError> {
    let file = super::import::open_file(path)?;
    let dir = private_temp_dir()?;
    let result = (|| {
        let db = dir.join("merge.db");
        let mut store = Store::open(&db)?;
        let now = store.now()?;
        super::import::import_opened(&mut store, file, path, now)?;
        drop(store);
        db_room(&db, period)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// A new owner-only folder in the system's temporary folder (the export names parties).
fn private_temp_dir() -> Result<PathBuf, CliError> {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir =
        std::env::temp_dir().join(format!("tiaojie-merge-{}-{n}-{nanos}", std::process::id()));
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&dir).map_err(|cause| CliError::Write {
        path: dir.display().to_string(),
        cause,
    })?;
    Ok(dir)
}

/// Writes the ledger (台账) of the cases received in `period`, as `viewer` sees it (a
/// 登记员's holds only the cases they registered; `None`: every case, for the room's own
/// tools and tests), to `file` through a temporary name, or without one to standard
/// output. The cases are read one at a time in one read transaction, and each row is
/// written as it comes: the ledger is one moment of the file and never held whole.
/// Returns where it went.
pub fn write_room_ledger(
    store: &Store,
    period: &Period,
    unmasked: bool,
    viewer: Option<&crate::domain::user::User>,
    format: Format,
    file: Option<&Path>,
) -> Result<String, CliError> {
    let Some(file) = file else {
        let stdout = t("export.stdout").into_owned();
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        if format == Format::Xlsx {
            // A workbook is put together with seeks; standard output cannot seek.
            let mut book = std::io::Cursor::new(Vec::new());
            let to = (&mut book, stdout.as_str(), None);
            room_ledger_to(store, period, unmasked, viewer, format, to)?;
            out.write_all(book.get_ref())
        } else {
            let fail = |cause| CliError::Write {
                path: stdout.clone(),
                cause,
            };
            with_ledger(store, period, unmasked, viewer, None, |ledger| {
                text_or_csv(ledger, format, &mut out, fail)
            })?;
            Ok(())
        }
        .and_then(|()| out.flush())
        .map_err(|cause| CliError::Write {
            path: stdout.clone(),
            cause,
        })?;
        return Ok(stdout);
    };
    through_partial(file, |out| {
        let mut out = std::io::BufWriter::new(out);
        let target = file.display().to_string();
        let folder = file.parent().filter(|d| !d.as_os_str().is_empty());
        let to = (
            &mut out,
            target.as_str(),
            Some(folder.unwrap_or(Path::new("."))),
        );
        room_ledger_to(store, period, unmasked, viewer, format, to)?;
        out.flush().map_err(|cause| CliError::Write {
            path: target,
            cause,
        })
    })?;
    Ok(file.display().to_string())
}

/// [`write_room_ledger`] to `out`: `to` is the output, its name for a write error, and
/// the folder where a workbook's rows wait (see [`Ledger::scratch`]).
pub fn room_ledger_to<W: Write + Seek + Send>(
    store: &Store,
    period: &Period,
    unmasked: bool,
    viewer: Option<&crate::domain::user::User>,
    format: Format,
    (out, target, scratch): (&mut W, &str, Option<&Path>),
) -> Result<(), CliError> {
    let fail = |cause| CliError::Write {
        path: target.to_string(),
        cause,
    };
    with_ledger(store, period, unmasked, viewer, scratch, |ledger| {
        match (format, ledger) {
            (Format::Xlsx, Some((ledger, cases))) => ledger.xlsx(out, cases, fail),
            (_, ledger) => text_or_csv(ledger, format, out, fail),
        }
    })
}

/// The ledger of a text format (or, with no room set up, what the format writes for no
/// sheet: nothing, the CSV's BOM, an empty workbook).
fn text_or_csv<W: Write>(
    ledger: Option<(&Ledger<'_>, &mut Cases<'_, CliError>)>,
    format: Format,
    out: &mut W,
    fail: impl Fn(std::io::Error) -> CliError,
) -> Result<(), CliError> {
    match (format, ledger) {
        (Format::Txt, Some((ledger, cases))) => ledger.text(out, cases, fail).map(drop),
        (Format::Csv, Some((ledger, cases))) => ledger.csv(out, cases, fail).map(drop),
        (_, _) => out.write_all(&render(&[], format)?).map_err(fail),
    }
}

/// Calls `write` with the room's ledger and its cases (`None` if no room is set up), all
/// in one read transaction: the room, its mediators and the cases are one moment.
fn with_ledger(
    store: &Store,
    period: &Period,
    unmasked: bool,
    viewer: Option<&crate::domain::user::User>,
    scratch: Option<&Path>,
    write: impl FnOnce(Option<(&Ledger<'_>, &mut Cases<'_, CliError>)>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    store.in_one_read(|store| {
        let Some(org) = store.organisation()? else {
            return write(None);
        };
        let mediators = store.mediators(org.id)?;
        let title = crate::report::ledger::ledger_title(&org.profile.room_name, period);
        let mut frame = ledger::ledger_frame(&title, unmasked);
        if !unmasked {
            // Here, at the command line, the flag is the way to the full numbers.
            frame
                .notes
                .push(t("ledger.note.unmasked_flag").into_owned());
        }
        let ledger = Ledger {
            frame,
            mediators: &mediators,
            unmasked,
            scratch,
        };
        // The same cases as the 统计 tab's export (see `Store::each_ledger_case`).
        let mut cases = |each: &mut Each<'_, CliError>| {
            store.each_ledger_case(org.id, period, viewer, |case, agreement| {
                each(case, agreement)
            })
        };
        write(Some((&ledger, &mut cases)))
    })
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
    through_partial(file, |mut out| {
        out.write_all(bytes).map_err(|cause| CliError::Write {
            path: file.display().to_string(),
            cause,
        })
    })?;
    Ok(file.display().to_string())
}

/// Writes `file` through `write` to a temporary name beside it (owner-only), renamed to
/// `file` only once all is written, so a failed write leaves no half file under the real
/// name (and no temporary one).
fn through_partial(
    file: &Path,
    write: impl FnOnce(std::fs::File) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let partial = file.with_extension("partial");
    let err = |cause| CliError::Write {
        path: file.display().to_string(),
        cause,
    };
    let out = crate::paths::create_private(&partial).map_err(err)?;
    let written = write(out).and_then(|()| std::fs::rename(&partial, file).map_err(err));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
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
