//! The command line: clap types (stable — scripts rely on them) and the non-interactive
//! commands `demo`, `export` and `import`, which talk to storage and print one result
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

pub use error::CliError;

use crate::domain::user::{User, sees_parties};
use crate::i18n::tf;
use crate::storage::Store;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Instant;

/// tiaojie (调解) — 人民调解室的案件登记、日程与文书 / case log for a people's mediation room.
#[derive(Debug, Parser)]
#[command(name = "tiaojie", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// 数据文件路径 / database file (default: the platform data folder)
    #[arg(long, global = true, env = "TIAOJIE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// 界面语言 zh|en / interface language
    #[arg(long, global = true, value_name = "zh|en", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
    /// 用 ASCII 字符画线（PuTTY/Xshell 把“模糊宽度”字符显示为双宽时）/ draw lines in ASCII
    #[arg(long, global = true, env = "TIAOJIE_ASCII")]
    pub ascii: bool,
    /// 以此用户身份使用（管理员在 SSH 强制命令里固定）/ act as this user (fixed by an SSH forced command)
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_user: Option<String>,
    /// 颜色 auto|16|none（不写时用“设置”里的选择）/ colours (else as set in 设置)
    #[arg(long, global = true, value_name = "auto|16|none", env = "TIAOJIE_COLOR", value_parser = parse_color)]
    pub color: Option<crate::ui::theme::ColorChoice>,
    /// What to do; without a command the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 生成示例数据 / fill the database with realistic sample cases
    Demo {
        /// 案件数量 / how many cases
        #[arg(long, default_value_t = 200)]
        cases: u64,
        /// 随机种子（同一种子生成同样的数据）/ random seed (same seed, same data)
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// 导出全部案件为 JSON Lines / write every case as JSON Lines
    Export {
        /// 输出文件（默认输出到屏幕）/ output file (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// 打印日程（或写出 iCalendar 文件）/ print the agenda (or write an iCalendar file)
    Agenda {
        /// 起始日期，如 2026-12-03、12-03、明天、下周一（默认今天）/ first day (default today)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// 天数 / how many days
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=366))]
        days: u32,
        /// 只看这位调解员 / only this mediator's sessions
        #[arg(long, value_name = "NAME")]
        mediator: Option<String>,
        /// 格式 / output format
        #[arg(long, value_enum, default_value_t = agenda::AgendaFormat::Txt)]
        format: agenda::AgendaFormat,
        /// 输出文件（默认输出到屏幕）/ output file (default: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// 从 JSON Lines 导入案件（全部成功或全部不写入）/ read cases back, all or nothing
    Import {
        /// 要导入的文件 / the file to read
        file: PathBuf,
    },
    /// 统计表与台账（文本、CSV 或 Excel）/ statistics and the case ledger as text, CSV or xlsx
    Report {
        /// 哪一种报表 / which report
        #[command(subcommand)]
        what: ReportKind,
    },
    /// 打印文书（PDF 或文本，可送打印机）/ a case's document as PDF or text, optionally to the printer
    Print {
        /// 文书 / which form
        #[arg(value_enum)]
        form: print::Form,
        /// 案件编号（如 （2026）新人调字第12号）或案件序号 / case number or id
        case: String,
        /// 哪一次调解（日程编号；默认最近一次）/ the session (default: the case's latest)
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
        /// 通知书只给第 N 位受邀当事人（默认每人一份）/ notice for the N-th invited party only
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=999))]
        party: Option<u64>,
        /// 第 N 次回访（默认最近一次）/ the N-th follow-up visit (default: the latest)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=999))]
        visit: Option<u64>,
        /// 格式 / format
        #[arg(long, value_enum, default_value_t = print::PrintFormat::Pdf)]
        format: print::PrintFormat,
        /// 文本编码（老打印机用 gb18030）/ text encoding
        #[arg(long, value_enum, default_value_t = print::PrintEncoding::Utf8)]
        encoding: print::PrintEncoding,
        /// 输出文件（PDF 另存一份在案件文件夹）/ output file (a PDF is also kept in the case folder)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// 字体文件（默认 Noto Serif CJK SC 或 SimSun）/ font file for the PDF
        #[arg(long, env = "TIAOJIE_FONT", value_name = "PATH")]
        font: Option<PathBuf>,
        /// 把 PDF 送到设置里的打印机（lp）/ send the PDF to the configured printer (lp)
        #[arg(long)]
        to_printer: bool,
    },
    /// 备份数据文件（别人可以继续使用）/ write a consistent copy while others keep working
    Backup {
        /// 备份放到哪个文件夹（默认数据文件旁的 backups）/ folder (default: backups beside the database)
        dir: Option<PathBuf>,
        /// 设置每天自动备份保留几份（默认 30）/ set how many daily copies to keep (default 30)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=3650))]
        keep: Option<u32>,
    },
    /// 从备份恢复（先检查备份，原数据另存一份）/ put a checked copy back, keeping the replaced data
    Restore {
        /// 备份文件 / the copy to restore
        file: PathBuf,
    },
    /// 检查数据文件是否完好、修改记录是否完整 / run the integrity, foreign-key and audit-trigger checks
    Check,
    /// 查找案件（姓名、拼音、电话、身份证号、编号、案情）/ find cases by any word
    Search {
        /// 要找的字词，空格分开的每个词都须出现 / words that must all appear
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// 最多列出几件 / at most this many lines
        #[arg(long, default_value_t = 50)]
        limit: u64,
    },
    /// 用户：添加、列出、停用 / the room's users: add, list, disable
    User {
        /// 做什么 / what to do
        #[command(subcommand)]
        what: user::UserCommand,
    },
    /// Man page and shell completions, for packaging (hidden).
    #[command(hide = true)]
    Generate {
        /// What to generate.
        #[command(subcommand)]
        what: generate::Generate,
    },
}

/// The reports of `tiaojie report`.
#[derive(Debug, Subcommand)]
pub enum ReportKind {
    /// 统计表（受理、调解、成功、人数、金额……）/ the statistics table
    Stats {
        #[command(flatten)]
        range: ReportRange,
        /// 汇总多个调解室的数据文件或导出文件（.db 或 tiaojie export 的 .jsonl；每室一行，另有合计）/ a district table: one row per room's .db file or JSON Lines export
        #[arg(long, value_name = "DB|JSONL", num_args = 1..)]
        merge: Vec<PathBuf>,
    },
    /// 案件台账（每案一行）/ the case ledger, one row per case
    Ledger {
        #[command(flatten)]
        range: ReportRange,
        /// 导出完整身份证号和电话（默认隐去中间几位）/ full ID numbers and phones (masked by default)
        #[arg(long)]
        unmasked: bool,
    },
}

/// The period and output of a report.
#[derive(Debug, clap::Args)]
pub struct ReportRange {
    /// 起始日期 / first day, e.g. 2026-10-01
    #[arg(long, value_name = "DATE")]
    pub from: chrono::NaiveDate,
    /// 截止日期（含）/ last day, included
    #[arg(long, value_name = "DATE")]
    pub to: chrono::NaiveDate,
    /// 格式 / format
    #[arg(long, value_enum, default_value_t = report::Format::Txt)]
    pub format: report::Format,
    /// 输出文件（xlsx 默认写到当前文件夹）/ output file (xlsx: a file in this folder by default)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

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
            // Read first, so a mistyped file name does not leave a new empty database behind.
            let bytes = std::fs::read(file).map_err(|cause| import::ImportError::Read {
                path: file.display().to_string(),
                cause,
            })?;
            let (mut store, _me) = open_as(&db)?;
            let report = import::import_bytes(&mut store, &bytes, now)?;
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
                    report::room_ledger_as(&store, &period, *unmasked, Some(&me))?
                }
                ReportKind::Stats { .. } => report::room_stats(&store, &period)?,
            }
        }
    };
    let bytes = report::render(&sheets, range.format)?;
    let file = range
        .output
        .clone()
        .or_else(|| report::default_file(kind, &period, range.format));
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

fn parse_color(text: &str) -> Result<crate::ui::theme::ColorChoice, String> {
    crate::ui::theme::ColorChoice::from_code(text)
        .ok_or_else(|| format!("「{text}」: 请用 auto、16 或 none / use auto, 16 or none"))
}

fn parse_lang(text: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::from_code(text)
        .ok_or_else(|| format!("「{text}」: 请用 zh 或 en / use zh or en"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_work_after_a_subcommand() {
        let cli = Cli::try_parse_from([
            "tiaojie", "demo", "--cases", "5", "--db", "x.db", "--lang", "en",
        ])
        .unwrap();
        assert_eq!(cli.db, Some(PathBuf::from("x.db")));
        assert_eq!(cli.lang, Some(crate::i18n::Lang::En));
        assert!(matches!(cli.command, Some(Command::Demo { cases: 5, .. })));
        assert!(Cli::try_parse_from(["tiaojie", "--lang", "fr"]).is_err());
    }
}
