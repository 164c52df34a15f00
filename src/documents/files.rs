//! Where printed documents are kept: `<db folder>/文书/<case number>/<form>.pdf`,
//! folders and files owner-only (they hold ID numbers and phones). The only file
//! writing of this module; the command line and the 文书 tab both use it.

use crate::domain::case::Case;
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
    use crate::documents::fixtures::case;

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
