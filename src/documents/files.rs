//! Where printed documents are kept and under what name: `<db folder>/文书/<case
//! number>/<form>[-<session date>].pdf`, folders and files owner-only (they hold ID
//! numbers and phones). The only file writing of this module; the command line and the
//! 文书 tab both use it.

use super::forms::{CaseFile, FormKind};
use super::model::Document;
use crate::domain::case::Case;
use crate::domain::session::SessionKind;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of a case beside the database.
pub fn case_folder(db: &Path, case: &Case) -> PathBuf {
    let name = case
        .number
        .as_ref()
        .map_or_else(|| format!("案件{}", case.id.0), |n| n.text.clone());
    let base = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    base.join("文书").join(safe_name(&name))
}

/// Writes `bytes` as `<case folder>/<stem>.pdf`; returns the path.
pub fn keep(db: &Path, case: &Case, stem: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = case_folder(db, case);
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&dir)?;
    let path = dir.join(format!("{}.pdf", safe_name(stem)));
    write_private(&path, bytes)?;
    Ok(path)
}

/// The kept file's name (without `.pdf`) of `docs`, made as `kind` from `file`: the
/// paper's title (an oral agreement is kept as the 口头协议登记表, an investigation's
/// record as the 调查记录); for a notice or a record also the day of its session, with
/// -2, -3 … for a later session of the case that day, so each session keeps its own
/// file and a person finds it by the date; and for a notice to one party, their name.
pub fn kept_stem(file: &CaseFile, kind: FormKind, docs: &[Document]) -> String {
    let Some(first) = docs.first() else {
        return String::new();
    };
    let mut stem = first.title.clone();
    let of_session = match kind {
        FormKind::Notice => file.session(false),
        FormKind::Record => file.session(true),
        _ => None,
    };
    if let Some(session) = of_session {
        let date = session.fields.date();
        stem = format!("{stem}-{date}");
        let before = file
            .sessions
            .iter()
            .filter(|s| s.fields.kind != SessionKind::FollowUp && s.fields.date() == date)
            .take_while(|s| s.id != session.id)
            .count();
        if before > 0 {
            stem = format!("{stem}-{}", before + 1);
        }
    }
    if let (Some(to), Some(_)) = (&first.addressee, file.choice.party) {
        stem = format!("{stem}-{}", to.trim_end_matches('：'));
    }
    stem
}

/// Creates or replaces `path`, readable by the owner only.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

/// A case number as a folder name: path separators and characters Windows refuses
/// become ＿ (numbers use full-width brackets, which are fine everywhere).
pub fn safe_name(text: &str) -> String {
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
    use crate::documents::fixtures::{case, day, mediators, org, sessions};
    use crate::documents::forms::{CaseData, Choice, FormKind};
    use crate::documents::template::Templates;
    use crate::domain::session::SessionId;

    #[test]
    fn each_session_keeps_its_own_notice_and_record_named_by_its_date() {
        let mut list = sessions();
        // A second mediation held the same day as session 3.
        let mut again = list[0].clone();
        again.id = SessionId(6);
        again.fields.start += chrono::Duration::hours(2);
        again.fields.end += chrono::Duration::hours(2);
        list.insert(1, again);
        let data = CaseData {
            case: case(),
            org: org(),
            mediators: mediators(),
            sessions: list,
            follow_ups: Vec::new(),
            agreement: None,
            default_court: String::new(),
        };
        let t = Templates::builtin();
        let pages = |_: &crate::documents::Document| 1;
        let stem_of = |kind: FormKind, session: i64, party: Option<usize>| {
            let choice = Choice {
                session: Some(SessionId(session)),
                party,
                ..Choice::default()
            };
            let file = data.file(day(2026, 11, 25), choice, &pages);
            let docs = kind.build(&file, &t).unwrap();
            kept_stem(&file, kind, &docs)
        };
        assert_eq!(stem_of(FormKind::Record, 3, None), "调解记录-2026-11-10");
        assert_eq!(stem_of(FormKind::Record, 6, None), "调解记录-2026-11-10-2");
        assert_eq!(stem_of(FormKind::Notice, 5, None), "调解通知书-2026-11-30");
        assert_eq!(
            stem_of(FormKind::Notice, 5, Some(1)),
            "调解通知书-2026-11-30-王秀兰"
        );
        // Forms of the case, not of a session, keep the paper's title.
        assert_eq!(stem_of(FormKind::Register, 3, None), "受理登记表");
    }

    #[test]
    fn case_numbers_become_safe_folder_names_beside_the_database() {
        assert_eq!(
            safe_name("（2026）新人调字第12号"),
            "（2026）新人调字第12号"
        );
        assert_eq!(safe_name("2026/12:3"), "2026＿12＿3");
        assert_eq!(safe_name(".."), "＿");
        let dir = case_folder(Path::new("/data/tiaojie.db"), &case());
        assert_eq!(dir, Path::new("/data/文书/（2026）新人调字第12号"));
        let mut unnumbered = case();
        unnumbered.number = None;
        assert_eq!(
            case_folder(Path::new("t.db"), &unnumbered),
            Path::new("./文书/案件7")
        );
    }
}
