//! The font of a PDF: the Song/serif face shipped in the binary (Noto Serif CJK SC cut
//! down to GBK, `assets/fonts`, SIL OFL), or a file the user names (Windows' SimSun or
//! FangSong, a Linux system font). Reads the advance of each character (for line
//! breaking) and finds the characters the face does not have, so they are reported by
//! name rather than printed as empty boxes.

use crate::i18n::tf;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The body face shipped in the binary: Noto Serif CJK SC holding every character of
/// GBK (20,923 hanzi, so name characters such as 堃 喆 玥 珺 赟 彧 print), so a PDF
/// prints the same on a machine with no Chinese font. `scripts/subset-fonts.sh` makes it.
static EMBEDDED_BODY: &[u8] = include_bytes!("../../assets/fonts/NotoSerifCJKsc-Regular-GBK.otf");
/// The bold face for titles, holding only the characters of the templates' titles; a
/// title it cannot set (a room's own template) falls back to the body face.
static EMBEDDED_TITLE: &[u8] = include_bytes!("../../assets/fonts/NotoSerifCJKsc-Bold-titles.otf");

/// Where a CJK face is usually found, with its index in a collection (.ttc): Noto's
/// collections hold JP, KR, SC, TC, HK in that order, so Simplified Chinese is 2. Used
/// to open the right face of a collection the user names.
pub const KNOWN_FONTS: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
    ("C:\\Windows\\Fonts\\simfang.ttf", 0),
];

/// The largest font file read: CJK collections are 20–40 MB; a bigger file, a device
/// (`/dev/zero`) or a pipe is refused before it is read.
pub const MAX_FONT_BYTES: u64 = 96 * 1024 * 1024;

/// The bytes of `path` if it is a regular file of at most `MAX_FONT_BYTES`; otherwise
/// the i18n key of the reason.
fn read_regular(path: &Path) -> Result<Vec<u8>, &'static str> {
    use std::io::Read;
    let io_key = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "docs.err.font_missing",
        _ => "docs.err.font_no_access",
    };
    // Looked at before opening: opening a pipe would wait for a writer.
    let meta = std::fs::metadata(path).map_err(io_key)?;
    if !meta.is_file() {
        return Err("docs.err.font_not_a_file");
    }
    let file = std::fs::File::open(path).map_err(io_key)?;
    let meta = file.metadata().map_err(io_key)?;
    if !meta.is_file() {
        return Err("docs.err.font_not_a_file");
    }
    if meta.len() > MAX_FONT_BYTES {
        return Err("docs.err.font_too_big");
    }
    let mut data = Vec::new();
    file.take(MAX_FONT_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(io_key)?;
    if data.len() as u64 > MAX_FONT_BYTES {
        return Err("docs.err.font_too_big");
    }
    Ok(data)
}

/// Whether face `index` of `data` parses as a font with the tables text needs: a file
/// that merely begins like one ("OTTO" and no tables) is refused.
fn parses_as_font(data: &[u8], index: u32) -> bool {
    use skrifa::raw::TableProvider;
    FontRef::from_index(data, index).is_ok_and(|f| {
        f.head().is_ok()
            && f.maxp().is_ok()
            && f.hhea().is_ok()
            && f.hmtx().is_ok()
            && f.cmap().is_ok()
    })
}

/// Why no usable font was found.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The file is there but cannot be read or is not a font.
    #[error("{}", tf("docs.err.bad_font", &[("path", path), ("why", why)]))]
    Unusable {
        /// The file.
        path: String,
        /// What went wrong.
        why: String,
    },
    /// The face has no glyph for some characters of the document.
    #[error("{}", tf("docs.err.missing_chars", &[("path", path), ("chars", chars)]))]
    Missing {
        /// The file.
        path: String,
        /// The characters, joined with 、.
        chars: String,
    },
}

/// In a collection (.ttc), the Simplified Chinese face — the first whose family name
/// has " SC" (Noto's "Noto Serif CJK SC") or names SimSun/FangSong/Song — else the
/// first face: a Noto collection's first face is Japanese, whose glyphs differ.
fn simplified_face(data: &[u8]) -> u32 {
    let Ok(skrifa::raw::FileRef::Collection(collection)) = skrifa::raw::FileRef::new(data) else {
        return 0;
    };
    let family = |font: &FontRef| {
        font.localized_strings(skrifa::string::StringId::FAMILY_NAME)
            .english_or_first()
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    (0..collection.len())
        .find(|&i| {
            collection.get(i).is_ok_and(|font| {
                let name = family(&font);
                name.contains(" SC")
                    || ["SimSun", "FangSong", "Song"]
                        .iter()
                        .any(|s| name.contains(s))
            })
        })
        .unwrap_or(0)
}

/// A face's bytes: shipped in the binary (never copied) or read from a file.
#[derive(Clone)]
pub enum FontBytes {
    /// Part of the program.
    Embedded(&'static [u8]),
    /// Read from a file, shared with the PDF writer.
    Read(Arc<Vec<u8>>),
}

impl FontBytes {
    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        match self {
            FontBytes::Embedded(b) => b,
            FontBytes::Read(b) => b.as_slice(),
        }
    }
}

impl From<FontBytes> for krilla::Data {
    fn from(bytes: FontBytes) -> krilla::Data {
        match bytes {
            FontBytes::Embedded(b) => b.into(),
            FontBytes::Read(b) => b.into(),
        }
    }
}

/// A face loaded in memory.
#[derive(Clone)]
pub struct FontFile {
    /// Where it was read from (for the shipped faces, their name).
    pub path: PathBuf,
    /// The bytes.
    pub data: FontBytes,
    /// The face index within a collection.
    pub index: u32,
}

impl FontFile {
    /// Reads a face; `index` is the face within a collection. Only a regular file of
    /// at most `MAX_FONT_BYTES` that parses as a font is accepted, and the reason for a
    /// refusal is said in our own words: a parser's message can quote the file's first
    /// bytes (skrifa's "Invalid sfnt version 0x…"), and the file may be anything.
    pub fn read(path: &Path, index: u32) -> Result<FontFile, FontError> {
        let unusable = |key: &str| FontError::Unusable {
            path: path.display().to_string(),
            why: crate::i18n::t(key).into_owned(),
        };
        let data = read_regular(path).map_err(unusable)?;
        if !parses_as_font(&data, index) {
            return Err(unusable("docs.err.font_unreadable"));
        }
        Ok(FontFile {
            path: path.to_path_buf(),
            data: FontBytes::Read(Arc::new(data)),
            index,
        })
    }

    /// The body face shipped in the program.
    pub fn embedded_body() -> FontFile {
        FontFile {
            path: PathBuf::from("Noto Serif CJK SC (GBK)"),
            data: FontBytes::Embedded(EMBEDDED_BODY),
            index: 0,
        }
    }

    /// The bold title face shipped in the program.
    pub fn embedded_title() -> FontFile {
        FontFile {
            path: PathBuf::from("Noto Serif CJK SC Bold"),
            data: FontBytes::Embedded(EMBEDDED_TITLE),
            index: 0,
        }
    }

    /// The face the user named (its Simplified Chinese face in a collection), or the
    /// shipped one.
    pub fn find(explicit: Option<&Path>) -> Result<FontFile, FontError> {
        let Some(path) = explicit else {
            return Ok(FontFile::embedded_body());
        };
        let known = KNOWN_FONTS.iter().find(|(p, _)| Path::new(p) == path);
        if let Some((_, index)) = known {
            return FontFile::read(path, *index);
        }
        let mut file = FontFile::read(path, 0)?;
        file.index = simplified_face(file.data.as_slice());
        Ok(file)
    }

    /// Whether the face has a glyph for every character of `text`.
    pub fn covers(&self, text: &str) -> bool {
        FontRef::from_index(self.data.as_slice(), self.index).is_ok_and(|font| {
            let charmap = font.charmap();
            text.chars()
                .all(|c| c.is_whitespace() || charmap.map(c).is_some())
        })
    }

    /// The bold face beside this one (NotoSerifCJK-Bold.ttc beside -Regular), if any.
    pub fn bold_sibling(&self) -> Option<FontFile> {
        let name = self.path.file_name()?.to_str()?;
        if !name.contains("Regular") {
            return None;
        }
        let bold = self.path.with_file_name(name.replace("Regular", "Bold"));
        FontFile::read(&bold, self.index).ok()
    }

    /// Each character's advance in thousandths of an em; the characters the face lacks
    /// (spaces and controls aside) come back in the error.
    pub fn advances(&self, chars: &[char]) -> Result<HashMap<char, u32>, FontError> {
        let font = FontRef::from_index(self.data.as_slice(), self.index).map_err(|_| {
            FontError::Unusable {
                path: self.path.display().to_string(),
                why: crate::i18n::t("docs.err.font_unreadable").into_owned(),
            }
        })?;
        let upem = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em
                .max(1),
        );
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let mut out = HashMap::new();
        let mut missing = Vec::new();
        for &c in chars {
            match charmap.map(c) {
                Some(gid) => {
                    let adv = metrics.advance_width(gid).unwrap_or(upem);
                    out.insert(c, (adv / upem * 1000.0).round() as u32);
                }
                None if c.is_whitespace() || c.is_control() => {
                    out.insert(c, if c == '\u{3000}' { 1000 } else { 250 });
                }
                None => missing.push(c.to_string()),
            }
        }
        if missing.is_empty() {
            Ok(out)
        } else {
            missing.dedup();
            Err(FontError::Missing {
                path: self.path.display().to_string(),
                chars: missing.join("、"),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files that are no fonts, each holding a secret that must never be shown.
    fn not_fonts(dir: &Path) -> Vec<PathBuf> {
        let files: [(&str, &[u8]); 5] = [
            ("passwd", b"root:x:0:0:SECRET-root:/root:/bin/bash\n"),
            (
                "form.pdf",
                b"%PDF-1.7\n1 0 obj << /Title (SECRET-pdf) >> endobj\n",
            ),
            // Begins like an OpenType file, then is not one.
            ("otto.otf", b"OTTO\x00\x0aSECRET-otto-table-directory"),
            ("ttc.ttc", b"ttcf\x00\x02\x00\x00SECRET-ttc"),
            ("empty.ttf", b""),
        ];
        files
            .iter()
            .map(|(name, bytes)| {
                let path = dir.join(name);
                std::fs::write(&path, bytes).unwrap();
                path
            })
            .collect()
    }

    #[test]
    fn a_file_that_is_not_a_font_is_refused_by_name_without_its_contents() {
        let dir = tempfile::tempdir().unwrap();
        let mut refused = not_fonts(dir.path());
        refused.push(dir.path().to_path_buf());
        refused.push(dir.path().join("missing.ttf"));
        #[cfg(unix)]
        refused.push(PathBuf::from("/dev/zero"));
        for path in &refused {
            let err = FontFile::find(Some(path)).err().expect("refused");
            let said = err.to_string().to_lowercase();
            assert!(matches!(err, FontError::Unusable { .. }), "{said}");
            assert!(said.contains(&path.display().to_string().to_lowercase()));
            for leak in [
                "secret", "root:x", "726f6f74", "4f54544f", "74746366", "%pdf",
            ] {
                assert!(!said.contains(leak), "{path:?}: {said}");
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("font.ttf");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let err = FontFile::read(&fifo, 0).err().expect("refused");
        assert!(err.to_string().contains("普通文件") || err.to_string().contains("regular"));
    }

    #[test]
    fn a_real_font_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("body.otf");
        std::fs::write(&path, EMBEDDED_BODY).unwrap();
        let font = FontFile::find(Some(&path)).unwrap();
        assert!(font.covers("人民调解协议书"));
    }
}
