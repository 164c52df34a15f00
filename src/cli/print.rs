//! `tiaojie print CASE --form 受理登记表|反馈函`: a document of one case as text (UTF-8
//! or GB18030) or PDF. A PDF is always kept in the case's folder beside the database
//! (`<db folder>/文书/<case number>/<form>.pdf`, owner-only: it holds ID numbers).

use super::CliError;
use crate::documents::feedback::feedback_letter;
use crate::documents::pdf::{PdfFonts, to_pdf};
use crate::documents::register::register_form;
use crate::documents::text::{Encoding, TEXT_WIDTH, encode, to_text};
use crate::documents::{Document, DocumentError};
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
}

impl Form {
    /// The file name of the form in the case folder.
    pub fn file_stem(self) -> &'static str {
        match self {
            Form::Register => "受理登记表",
            Form::Feedback => "调解结果反馈函",
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

/// The document value of `form` for the case `key` in `store`.
pub fn document(
    store: &Store,
    key: &str,
    form: Form,
    today: NaiveDate,
) -> Result<(Document, String), CliError> {
    let no_case = || PrintError::NoCase { key: key.into() };
    let org = store.organisation()?.ok_or_else(no_case)?;
    let id = store.find_case(org.id, key)?.ok_or_else(no_case)?;
    let case = store.load_case(id)?;
    let folder = case
        .number
        .as_ref()
        .map_or_else(|| format!("案件{}", case.id.0), |n| n.text.clone());
    let doc = match form {
        Form::Register => register_form(&case, &org.profile),
        Form::Feedback => feedback_letter(&case, &org.profile, today).map_err(PrintError::from)?,
    };
    Ok((doc, safe_name(&folder)))
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
}

/// Makes the document and writes it; returns the files written.
pub fn run(job: &PrintJob) -> Result<Vec<PathBuf>, CliError> {
    let store = Store::open(job.db)?;
    let (doc, folder) = document(&store, job.key, job.form, job.today)?;
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
            let dir = case_folder(job.db, &folder);
            create_private_dir(&dir)?;
            let kept = dir.join(format!("{}.pdf", job.form.file_stem()));
            super::write_bytes(Some(&kept), &bytes)?;
            written.push(kept);
            if let Some(out) = job.output {
                super::write_bytes(Some(out), &bytes)?;
                written.push(out.to_path_buf());
            }
        }
    }
    Ok(written)
}

/// `<db folder>/文书/<case number>`.
pub fn case_folder(db: &Path, case: &str) -> PathBuf {
    let base = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    base.join("文书").join(case)
}

fn create_private_dir(dir: &Path) -> Result<(), CliError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|cause| CliError::Write {
        path: dir.display().to_string(),
        cause,
    })
}

/// A case number as a folder name: path separators and characters Windows refuses
/// become ＿ (numbers use full-width brackets, which are fine everywhere).
fn safe_name(text: &str) -> String {
    let name: String = text
        .trim()
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '＿'
            } else {
                c
            }
        })
        .collect();
    match name.as_str() {
        "" | "." | ".." => "＿".into(),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_become_safe_folder_names() {
        assert_eq!(
            safe_name("（2026）新人调字第12号"),
            "（2026）新人调字第12号"
        );
        assert_eq!(safe_name("2026/12:3"), "2026＿12＿3");
        assert_eq!(safe_name(".."), "＿");
        let dir = case_folder(Path::new("/data/tiaojie.db"), "x");
        assert_eq!(dir, Path::new("/data/文书/x"));
        assert_eq!(case_folder(Path::new("t.db"), "x"), Path::new("./文书/x"));
    }
}
