//! `tiaojie print CASE --form 受理登记表|反馈函`: a document of one case as text (UTF-8
//! or GB18030) or PDF. A PDF is always kept in the case's folder beside the database
//! (`<db folder>/文书/<case number>/<form>.pdf`, owner-only: it holds ID numbers).

use super::CliError;
use crate::documents::files;
use crate::documents::forms::FormKind;
use crate::documents::pdf::{PdfFonts, to_pdf};
use crate::documents::template::Templates;
use crate::documents::text::{Encoding, TEXT_WIDTH, encode, to_text};
use crate::documents::{Document, DocumentError};
use crate::domain::case::Case;
use crate::domain::user::{User, case_for, may_see_case, may_see_full_ids};
use crate::i18n::tf;
use crate::storage::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The forms `print` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Form {
    /// 受理登记表 (register)
    #[value(name = "受理登记表", alias = "register")]
    Register,
    /// 调解结果反馈函 (feedback)
    #[value(name = "反馈函", alias = "feedback")]
    Feedback,
    /// 人民调解协议书 (agreement)
    #[value(name = "协议书", alias = "agreement")]
    Agreement,
}

impl Form {
    /// The form this names.
    pub fn kind(self) -> FormKind {
        match self {
            Form::Register => FormKind::Register,
            Form::Feedback => FormKind::Feedback,
            Form::Agreement => FormKind::Agreement,
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
}

/// The case `key` in `store` and the document value of `form` for it.
pub fn document(
    store: &Store,
    key: &str,
    form: Form,
    today: NaiveDate,
) -> Result<(Case, Document), CliError> {
    document_as(store, key, form, today, None)
}

/// [`document`] as `viewer` may see it: a case they may not see is "not found" (its
/// existence is no business of theirs), and masked fields stay masked on paper.
pub fn document_as(
    store: &Store,
    key: &str,
    form: Form,
    today: NaiveDate,
    viewer: Option<&User>,
) -> Result<(Case, Document), CliError> {
    let no_case = || PrintError::NoCase { key: key.into() };
    let org = store.organisation()?.ok_or_else(no_case)?;
    let id = store.find_case(org.id, key)?.ok_or_else(no_case)?;
    let case = store.load_case(id)?;
    let (templates, bad) = Templates::load(crate::paths::templates_dir().as_deref());
    for error in bad {
        eprintln!("{error}");
    }
    let case = match viewer {
        None => case,
        Some(me) if may_see_case(&case, me) => case_for(&case, me),
        Some(_) => return Err(no_case().into()),
    };
    let agreement = store.agreement_of_case(id)?;
    let doc = form
        .kind()
        .build(&case, agreement.as_ref(), &org.profile, today, &templates)
        .map_err(PrintError::from)?;
    Ok((case, doc))
}

/// The options of one `print` run.
pub struct PrintJob<'a> {
    /// The database.
    pub db: &'a Path,
    /// Case number or id.
    pub key: &'a str,
    /// Which form.
    pub form: Form,
    /// PDF or text.
    pub format: PrintFormat,
    /// Text encoding.
    pub encoding: PrintEncoding,
    /// Where to write (text: standard output when none).
    pub output: Option<&'a Path>,
    /// A font file instead of the known places.
    pub font: Option<&'a Path>,
    /// The date of letters.
    pub today: NaiveDate,
    /// Who prints: a 登记员 prints only cases they registered (see cli/identity.rs).
    pub as_user: &'a str,
}

/// Makes the document and writes it; returns the files written.
pub fn run(job: &PrintJob) -> Result<Vec<PathBuf>, CliError> {
    let mut store = Store::open(job.db)?;
    let now = chrono::Local::now().fixed_offset();
    let me = super::identity::identify(&mut store, job.as_user, &now)?;
    let (case, doc) = document_as(&store, job.key, job.form, job.today, Some(&me))?;
    if may_see_full_ids(&case, &me) && has_full_ids(&case) {
        store.record_view(case.id, job.form.kind().title())?;
    }
    drop(store);
    let mut written = Vec::new();
    match job.format {
        PrintFormat::Txt => {
            let text = to_text(&doc, TEXT_WIDTH);
            let bytes = match job.encoding {
                PrintEncoding::Utf8 => encode(&text, Encoding::Utf8),
                PrintEncoding::Gb18030 => encode(&text, Encoding::Gb18030),
            };
            super::write_bytes(job.output, &bytes)?;
            written.extend(job.output.map(Path::to_path_buf));
        }
        PrintFormat::Pdf => {
            let fonts = PdfFonts::find(job.font).map_err(|e| PrintError::Pdf(e.into()))?;
            let bytes = to_pdf(&doc, &fonts).map_err(PrintError::from)?;
            let kept =
                files::keep(job.db, &case, job.form.kind().title(), &bytes).map_err(|cause| {
                    CliError::Write {
                        path: files::case_folder(job.db, &case).display().to_string(),
                        cause,
                    }
                })?;
            written.push(kept);
            if let Some(out) = job.output {
                super::write_bytes(Some(out), &bytes)?;
                written.push(out.to_path_buf());
            }
        }
    }
    Ok(written)
}

/// True if any party of the case has an ID number or phone (what a view records).
pub fn has_full_ids(case: &Case) -> bool {
    case.fields
        .parties
        .iter()
        .any(|p| !p.id_number.is_empty() || !p.phone.is_empty())
}
