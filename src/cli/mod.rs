//! The command line: the non-interactive commands (their clap types, stable because
//! scripts rely on them, are `cli/args.rs`), which talk to storage and print one result
//! line on stderr. The interactive app is started through `crate::tui`; nothing here
//! imports ratatui or crossterm.

pub mod agenda;
pub mod backup;
pub mod demo;
mod error;
pub mod export;
pub mod generate;
pub mod identity;
pub mod import;
pub mod jsonl;
pub mod print;
pub mod report;
mod rights;
pub mod search;
pub mod user;

mod args;
pub use args::{Cli, Command, ReportKind, ReportRange};
pub use error::CliError;

use crate::domain::user::{User, sees_parties};
use crate::i18n::tf;
use crate::storage::Store;
use std::time::Instant;

/// Now on the room's clock: in the zone 设置 gives the room in the file at `db` (Beijing
/// time for a file not made yet), whatever zone the machine keeps. Commands read "today"
/// from it (agenda, search, report) and stamp what they write with it.
pub fn room_now(db: &std::path::Path) -> crate::domain::case::Timestamp {
    let zone = match db.exists() {
        true => Store::open_reader(db)
            .and_then(|s| s.zone())
            .unwrap_or_default(),
        false => crate::domain::zone::Zone::default(),
    };
    zone.local(&chrono::Utc::now())
}

/// Runs a non-interactive command against the database the options name, and prints a
/// short result line on stderr (stdout carries only an export's JSON lines).
pub fn run_command(cli: &Cli, command: &Command) -> Result<(), CliError> {
    if let Some(lang) = cli.lang {
        crate::i18n::set_lang(lang);
    }
    let db = crate::paths::resolve_db(cli.db.as_deref());
    let path = db.display().to_string();
    let now = room_now(&db);
    let started = Instant::now();
    let seconds = || format!("{:.1}", started.elapsed().as_secs_f64());
    let name = identity::login_name(cli.as_user.as_deref());
    // Every subcommand asks the rights table, here and only here.
    rights::authorise(&db, command, &name, &now)?;
    // Every command acts as a known user of the room (see cli/identity.rs).
    let open_as = |db: &std::path::Path| -> Result<(Store, User), CliError> {
        let mut store = Store::open(db)?;
        let me = identity::identify(&mut store, &name, &now)?;
        Ok((store, me))
    };
    match command {
        Command::Demo { cases, seed } => {
            // A new file only (see `rights::authorise`): its first user administers it.
            let (mut store, _me) = open_as(&db)?;
            let report = demo::fill_demo(&mut store, *cases, *seed, now)?;
            if report.organisation_created {
                eprintln!("{}", tf("cli.demo.room", &[("room", &report.room_name)]));
            }
            eprintln!(
                "{}",
                tf(
                    "cli.demo.sessions",
                    &[
                        ("sessions", &report.sessions.to_string()),
                        ("visits", &report.follow_ups.to_string())
                    ]
                )
            );
            let count = report.cases.to_string();
            eprintln!(
                "{}",
                crate::i18n::tn(
                    "cli.demo.done",
                    report.cases,
                    &[("count", &count), ("seconds", &seconds()), ("path", &path)]
                )
            );
        }
        Command::Backup { dir, keep } => backup::backup(&db, dir.as_deref(), *keep)?,
        Command::Restore { file } => backup::restore(&db, file, &name)?,
        Command::Check => backup::check(&db)?,
        Command::Export { output } => {
            // Opening would create an empty database: a mistyped --db must not pass as "0 cases".
            if !db.exists() {
                return Err(CliError::NoDatabase { path });
            }
            let (store, me) = open_as(&db)?;
            let Some(count) = export::export_to(&store, output.as_deref(), &me)? else {
                return Ok(());
            };
            let count_n = count;
            let count = count.to_string();
            let target = match output {
                Some(file) => file.display().to_string(),
                None => crate::i18n::t("export.stdout").into_owned(),
            };
            eprintln!(
                "{}",
                crate::i18n::tn(
                    "cli.export.done",
                    count_n,
                    &[("count", &count), ("target", &target)]
                )
            );
        }
        Command::Agenda {
            from,
            days,
            mediator,
            format,
            output,
        } => {
            if !db.exists() {
                return Err(CliError::NoDatabase { path });
            }
            let today = now.date_naive();
            let from = match from {
                None => today,
                Some(text) => {
                    crate::domain::dates::parse_date_input(text, today).ok_or_else(|| {
                        crate::storage::StorageError::Invalid(tf(
                            "err.session.date",
                            &[("value", text)],
                        ))
                    })?
                }
            };
            let query = agenda::AgendaQuery {
                from,
                days: *days,
                mediator: mediator.clone(),
            };
            let (store, me) = open_as(&db)?;
            // The front desk sees when rooms and mediators are free, not other cases'
            // parties (as on 今日 and 日程).
            let sessions: Vec<_> = agenda::sessions(&store, &query)?
                .into_iter()
                .map(|s| match sees_parties(&s.registered_by, &me) {
                    true => s,
                    false => s.without_parties(),
                })
                .collect();
            let body = match format {
                agenda::AgendaFormat::Txt => agenda::text(&sessions, &query),
                agenda::AgendaFormat::Ics => agenda::ics(&sessions, &now),
            };
            write_output(output.as_deref(), &body)?;
            if let Some(file) = output {
                let count = sessions.len().to_string();
                let file = file.display().to_string();
                eprintln!(
                    "{}",
                    crate::i18n::tn(
                        "cli.agenda.done",
                        sessions.len() as u64,
                        &[("count", &count), ("path", &file)]
                    )
                );
            }
        }
        Command::Import { file } => {
            // Opened first, so a mistyped file name does not leave a new empty database
            // behind; read a line at a time as it is checked and written.
            let opened = import::open_file(file)?;
            let (mut store, _me) = open_as(&db)?;
            let report = import::import_opened(&mut store, opened, file, now)?;
            if report.organisation_created {
                let room = store
                    .organisation()?
                    .map(|o| o.profile.room_name)
                    .unwrap_or_default();
                eprintln!("{}", tf("cli.import.room", &[("room", &room)]));
            }
            if !report.local_categories_added.is_empty() {
                let names = report
                    .local_categories_added
                    .join(crate::i18n::t("list.sep").as_ref());
                eprintln!("{}", tf("cli.import.locals", &[("names", &names)]));
            }
            let count = report.cases.to_string();
            eprintln!(
                "{}",
                crate::i18n::tn(
                    "cli.import.done",
                    report.cases as u64,
                    &[("count", &count), ("seconds", &seconds()), ("path", &path)]
                )
            );
        }
        Command::Report { what } => run_report(&db, what, &open_as)?,
        Command::Generate { what } => {
            let file = generate::run(what)?.display().to_string();
            eprintln!("{file}");
        }
        Command::Print {
            form,
            case,
            session,
            party,
            visit,
            format,
            encoding,
            output,
            font,
            to_printer,
        } => {
            if !db.exists() {
                return Err(CliError::NothingToRead { path });
            }
            let n = |v: &Option<u64>| v.and_then(|v| usize::try_from(v).ok());
            let job = print::PrintJob {
                db: &db,
                key: case,
                form: *form,
                session: *session,
                party: n(party),
                visit: n(visit),
                format: *format,
                encoding: *encoding,
                output: output.as_deref(),
                font: font.as_deref(),
                to_printer: *to_printer,
                today: now.date_naive(),
                as_user: &name,
            };
            let done = print::run(&job)?;
            for file in done.files {
                let file = file.display().to_string();
                eprintln!("{}", tf("cli.print.done", &[("path", &file)]));
            }
            if let Some(said) = done.printer {
                eprintln!("{}", tf("cli.print.sent", &[("job", &said)]));
            }
        }
        Command::Search { text, limit } => {
            if !db.exists() {
                return Err(CliError::NothingToRead { path });
            }
            let (store, me) = open_as(&db)?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let total = search::search_as(&store, &text.join(" "), *limit, &mut out, &me)?;
            drop(out);
            let shown = total.min(*limit).to_string();
            eprintln!(
                "{}",
                crate::i18n::tn(
                    "cli.search.done",
                    total as u64,
                    &[("count", &total.to_string()), ("shown", &shown)]
                )
            );
        }
        Command::User { what } => {
            let (mut store, me) = open_as(&db)?;
            let said = user::run(&mut store, &me, what, &now)?;
            // The list is the output (stdout); a change is a result line (stderr).
            if matches!(what, user::UserCommand::List) {
                write_output(None, &said)?;
            } else {
                eprintln!("{said}");
            }
        }
    }
    Ok(())
}

/// Opens a database as the person running the command (see `identity`).
type OpenAs<'a> = dyn Fn(&std::path::Path) -> Result<(Store, User), CliError> + 'a;

fn run_report(
    db: &std::path::Path,
    what: &ReportKind,
    open_as: &OpenAs<'_>,
) -> Result<(), CliError> {
    let (range, kind) = match what {
        ReportKind::Stats { range, .. } => (range, "stats"),
        ReportKind::Ledger { range, .. } => (range, "ledger"),
    };
    let period = report::period(range.from, range.to);
    let file = range
        .output
        .clone()
        .or_else(|| report::default_file(kind, &period, range.format));
    let sheets = match what {
        ReportKind::Stats { merge, .. } if !merge.is_empty() => {
            report::district_stats(merge, &period)?
        }
        _ => {
            if !db.exists() {
                return Err(CliError::NothingToRead {
                    path: db.display().to_string(),
                });
            }
            let (store, me) = open_as(db)?;
            match what {
                ReportKind::Ledger { unmasked, .. } => {
                    // Streamed: each case is written as it is read.
                    let target = report::write_room_ledger(
                        &store,
                        &period,
                        *unmasked,
                        Some(&me),
                        range.format,
                        file.as_deref(),
                    )?;
                    if file.is_some() {
                        eprintln!("{}", tf("cli.report.done", &[("target", &target)]));
                    }
                    return Ok(());
                }
                ReportKind::Stats { .. } => report::room_stats(&store, &period)?,
            }
        }
    };
    let bytes = report::render(&sheets, range.format)?;
    let target = report::write_out(&bytes, file.as_deref())?;
    if file.is_some() {
        eprintln!("{}", tf("cli.report.done", &[("target", &target)]));
    }
    Ok(())
}

/// Writes a command's text to `file` (owner-only: it names parties) or standard output.
fn write_output(file: Option<&std::path::Path>, body: &str) -> Result<(), CliError> {
    write_bytes(file, body.as_bytes())
}

/// Writes bytes to `file` (created owner-only) or to standard output.
fn write_bytes(file: Option<&std::path::Path>, body: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let Some(file) = file else {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(body)
            .and_then(|()| out.flush())
            .map_err(|cause| CliError::Write {
                path: crate::i18n::t("export.stdout").into_owned(),
                cause,
            });
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(file)
        .and_then(|mut f| f.write_all(body))
        .map_err(|cause| CliError::Write {
            path: file.display().to_string(),
            cause,
        })
}
