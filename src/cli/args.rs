//! The command line's arguments, as clap types. They are stable: scripts and SSH forced
//! commands rely on the names and options.

use super::{agenda, generate, print, report, user};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
