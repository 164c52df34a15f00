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
    /// Reads a face; `index` is the face within a collection.
    pub fn read(path: &Path, index: u32) -> Result<FontFile, FontError> {
        let unusable = |why: String| FontError::Unusable {
            path: path.display().to_string(),
            why,
        };
        let data = std::fs::read(path).map_err(|e| unusable(e.to_string()))?;
        FontRef::from_index(&data, index).map_err(|e| unusable(e.to_string()))?;
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
        let font = FontRef::from_index(self.data.as_slice(), self.index).map_err(|e| {
            FontError::Unusable {
                path: self.path.display().to_string(),
                why: e.to_string(),
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
