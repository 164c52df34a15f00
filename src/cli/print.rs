//! `tiaojie print <agreement|notice|register|record|followup|cover|confirmation|feedback>
//! CASE [--session ID] [--party N] [--visit N] [--format pdf|txt] [-o FILE]
//! [--to-printer]`: a document of one case as text (UTF-8 or GB18030) or PDF. A PDF is
//! always kept in the case's folder beside the database (`<db folder>/文书/<case
//! number>/<form>.pdf`, a session's notice and record with the session's date;
//! owner-only), and `--to-printer` sends that kept file to the room's printer
//! (`documents::printer`: CUPS' lp or lpr, never a program named in the room's
//! settings) with the copies and job name of `documents::job`. A session's notices (one per
//! invited party) are pages of one file; `cover` is the cover followed by the index.
//! Who prints sees what their role may (`domain::user`): a 登记员 prints only cases they
//! registered, with other cases' fields masked, and no agreement.

use super::CliError;
use crate::documents::forms::{CaseData, Choice, FormKind, text_pages};
use crate::documents::pdf::{PdfFonts, page_count, to_pdf_all};
use crate::documents::printer::{self, PrinterSettings};
use crate::documents::template::Templates;
use crate::documents::text::{Encoding, encode};
use crate::documents::{Document, DocumentError};
use crate::documents::{files, job};
use crate::domain::case::Case;
use crate::domain::rights::{self, Operation};
use crate::domain::session::SessionId;
use crate::domain::user::{User, case_for, may_see_agreements, may_see_case, may_see_full_ids};
use crate::i18n::{label, t, tf};
use crate::storage::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The forms `print` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Form {
    /// 人民调解协议书 (or 口头协议登记表)
    #[value(alias = "协议书")]
    Agreement,
    /// 调解通知书: one per invited party of the session (--party N for one)
    Notice,
    /// 受理登记表
    #[value(alias = "受理登记表")]
    Register,
    /// 调解记录 of the session
    Record,
    /// 回访记录 (the latest visit, or --visit N)
    #[value(name = "followup")]
    FollowUp,
    /// 卷宗封面 followed by the 卷内目录
    Cover,
    /// 司法确认申请书
    Confirmation,
    /// 调解结果反馈函
    #[value(alias = "反馈函")]
    Feedback,
}

impl Form {
    /// The documents this names, in print order.
    pub fn kinds(self) -> &'static [FormKind] {
        match self {
            Form::Agreement => &[FormKind::Agreement],
            Form::Notice => &[FormKind::Notice],
            Form::Register => &[FormKind::Register],
            Form::Record => &[FormKind::Record],
            Form::FollowUp => &[FormKind::FollowUp],
            Form::Cover => &[FormKind::Cover, FormKind::Index],
            Form::Confirmation => &[FormKind::Confirmation],
            Form::Feedback => &[FormKind::Feedback],
        }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PrintFormat {
    /// PDF (A4)
    Pdf,
    /// 纯文本 / plain text
    Txt,
}

/// Text encodings on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PrintEncoding {
    /// UTF-8
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030 (old printers)
    #[value(name = "gb18030", alias = "gbk")]
    Gb18030,
}

/// Why a document could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// No case has this number or id.
    #[error("{}", tf("cli.print.no_case", &[("key", key)]))]
    NoCase { key: String },
    /// The form does not apply to the case.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The PDF could not be made (font, writer).
    #[error(transparent)]
    Pdf(#[from] crate::documents::pdf::PdfError),
    /// Only a PDF goes to the printer.
    #[error("{}", t("cli.print.txt_to_printer"))]
    TextToPrinter,
    /// The file was saved but not printed.
    #[error(transparent)]
    Printer(#[from] printer::PrintFailure),
}

/// The case `key` in `store` with its sessions, visits and agreement, and the room's
/// printer, as `viewer` may see it: a case they may not see is "not found" (its existence
/// is no business of theirs), masked fields stay masked on paper, and the front desk gets
/// no agreement.
pub fn case_data(
    store: &Store,
    key: &str,
    viewer: Option<&User>,
) -> Result<(CaseData, PrinterSettings), CliError> {
    let no_case = || PrintError::NoCase { key: key.into() };
    let org = store.organisation()?.ok_or_else(no_case)?;
    let id = store.find_case(org.id, key)?.ok_or_else(no_case)?;
    let case = store.load_case(id)?;
    let case = match viewer {
        None => case,
        Some(me) if may_see_case(&case, me) => case_for(&case, me),
        Some(_) => return Err(no_case().into()),
    };
    let agreement = match viewer {
        Some(me) if !may_see_agreements(me) => None,
        _ => store.agreement_of_case(id)?,
    };
    let data = CaseData {
        case,
        mediators: store.mediators(org.id)?,
        sessions: store.sessions_of_case(id)?,
        follow_ups: store.follow_ups_of_case(id)?,
        agreement,
        default_court: store
            .setting(org.id, crate::documents::forms::DEFAULT_COURT_KEY)?
            .unwrap_or_default(),
        org: org.profile,
    };
    let printer = PrinterSettings::from_lookup(|k| store.setting(org.id, k).ok().flatten());
    Ok((data, printer))
}

/// The documents of `kinds` for the case, pages counted by `pages`.
pub fn documents(
    data: &CaseData,
    kinds: &[FormKind],
    today: NaiveDate,
    choice: &Choice,
    pages: &dyn Fn(&Document) -> usize,
) -> Result<Vec<Document>, PrintError> {
    let (templates, bad) = Templates::load(crate::paths::templates_dir().as_deref());
    for error in bad {
        eprintln!("{error}");
    }
    let file = data.file(today, choice.clone(), pages);
    let mut docs = Vec::new();
    for kind in kinds {
        docs.extend(kind.build(&file, &templates)?);
    }
    // What the paper does not say but the person printing must know (a deadline passed).
    for warning in docs.iter().flat_map(|d| &d.warnings) {
        eprintln!("{warning}");
    }
    Ok(docs)
}

/// The options of one `print` run.
pub struct PrintJob<'a> {
    /// The database.
    pub db: &'a Path,
    /// Case number or id.
    pub key: &'a str,
    /// Which form.
    pub form: Form,
    /// The session (notice, record); default the latest.
    pub session: Option<i64>,
    /// The invited party of a notice (1-based); default one notice each.
    pub party: Option<usize>,
    /// The follow-up visit (1-based, oldest first); default the latest.
    pub visit: Option<usize>,
    /// PDF or text.
    pub format: PrintFormat,
    /// Text encoding.
    pub encoding: PrintEncoding,
    /// Where to write (text: standard output when none).
    pub output: Option<&'a Path>,
    /// A font file instead of the known places.
    pub font: Option<&'a Path>,
    /// Send the kept PDF to the printer.
    pub to_printer: bool,
    /// The date of letters.
    pub today: NaiveDate,
    /// Who prints (see cli/identity.rs).
    pub as_user: &'a str,
}

/// What a run did: the files written, and what the printer said.
pub struct Printed {
    /// Files written.
    pub files: Vec<PathBuf>,
    /// The print command's answer (lp: the job id), when sent.
    pub printer: Option<String>,
}

/// Makes the documents and writes them; returns what was done.
pub fn run(job: &PrintJob) -> Result<Printed, CliError> {
    if job.to_printer && job.format == PrintFormat::Txt {
        return Err(PrintError::TextToPrinter.into());
    }
    let mut store = Store::open(job.db)?;
    let now = store.now()?;
    let me = super::identity::identify(&mut store, job.as_user, &now)?;
    if job.form == Form::Agreement && !may_see_agreements(&me) {
        // Recorded as storage records every refusal (the audit's 'refused' rows).
        if let Err(refusal) = rights::check(&me, Operation::ViewAgreement, None) {
            store.record_refusal(&refusal, None);
        }
        let role = label("role", me.role.code());
        return Err(CliError::Refused(tf(
            "role.refused.agreement",
            &[("role", &role)],
        )));
    }
    let (data, printer_settings) = match case_data(&store, job.key, Some(&me)) {
        Ok(found) => found,
        Err(e) => {
            record_hidden_case(&mut store, job.key, &me);
            return Err(e);
        }
    };
    if may_see_full_ids(&data.case, &me) && has_full_ids(&data.case) {
        let builtin = Templates::builtin();
        let what = job.form.kinds().first().map(|k| k.title(&builtin));
        store.record_view(data.case.id, what.as_deref().unwrap_or_default())?;
    }
    drop(store);
    let choice = Choice {
        session: job.session.map(SessionId),
        party: job.party,
        visit: job.visit,
        agreement: None,
    };
    let kinds = job.form.kinds();
    let mut done = Printed {
        files: Vec::new(),
        printer: None,
    };
    match job.format {
        PrintFormat::Txt => {
            let docs = documents(&data, kinds, job.today, &choice, &text_pages)?;
            // The lines and pages of the text format, documents after the first on a new
            // sheet (form feed), with every control character from the case data taken
            // out — as 本机打印 sends them: an escape typed into a name must not reach the
            // terminal that reads this output, nor the printer.
            let text = crate::documents::media_copy::terminal_text(&docs);
            let bytes = match job.encoding {
                PrintEncoding::Utf8 => encode(&text, Encoding::Utf8),
                PrintEncoding::Gb18030 => encode(&text, Encoding::Gb18030),
            };
            super::write_bytes(job.output, &bytes)?;
            done.files.extend(job.output.map(Path::to_path_buf));
        }
        PrintFormat::Pdf => {
            let font = printer_settings.font_file(job.font);
            let fonts = PdfFonts::find(font.as_deref()).map_err(|e| PrintError::Pdf(e.into()))?;
            let pages = |d: &Document| page_count(d, &fonts).unwrap_or(1);
            let docs = documents(&data, kinds, job.today, &choice, &pages)?;
            let bytes = to_pdf_all(&docs, &fonts).map_err(PrintError::from)?;
            let file = data.file(job.today, choice.clone(), &pages);
            let stem = files::kept_stem(&file, kinds[0], &docs);
            let kept = files::keep(job.db, &data.case, &stem, &bytes).map_err(|cause| {
                CliError::Write {
                    path: files::case_folder(job.db, &data.case).display().to_string(),
                    cause,
                }
            })?;
            done.files.push(kept.clone());
            if let Some(out) = job.output {
                super::write_bytes(Some(out), &bytes)?;
                done.files.push(out.to_path_buf());
            }
            if job.to_printer {
                let ticket = job::ticket(&data.case, &docs, printer_settings.copies);
                let env = printer::PrintEnv::of_process();
                let said = printer::send(&printer_settings, &kept, &ticket, &env)
                    .map_err(PrintError::from)?;
                done.printer = Some(said);
            }
        }
    }
    Ok(done)
}

/// A case `me` may not see was asked for: the answer stays "not found" (its existence is
/// no business of theirs), and the refusal is recorded against the case, as storage
/// records every refused operation. Nothing is recorded for a case that does not exist.
fn record_hidden_case(store: &mut Store, key: &str, me: &User) {
    let Ok(Some(org)) = store.organisation() else {
        return;
    };
    let Ok(Some(id)) = store.find_case(org.id, key) else {
        return;
    };
    let Ok(case) = store.load_case(id) else {
        return;
    };
    let owner = crate::domain::user::registered_by(&case);
    if let Err(refusal) = rights::check(me, Operation::PrintDocument, Some(owner)) {
        store.record_refusal(&refusal, Some(id));
    }
}

/// True if any party of the case has an ID number or phone (what a view records).
pub fn has_full_ids(case: &Case) -> bool {
    case.fields
        .parties
        .iter()
        .any(|p| !p.id_number.is_empty() || !p.phone.is_empty())
}
