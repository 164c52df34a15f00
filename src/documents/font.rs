//! The font of a PDF, read at run time (not shipped): a path the user gives, or the
//! first of the places a Song/serif CJK face usually is on Debian and Windows. Reads
//! the advance of each character (for line breaking) and finds the characters the face
//! does not have, so they are reported by name rather than printed as empty boxes.

use crate::i18n::tf;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a CJK face is usually found, with its index in a collection (.ttc): Noto's
/// collections hold JP, KR, SC, TC, HK in that order, so Simplified Chinese is 2.
pub const KNOWN_FONTS: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
    ("C:\\Windows\\Fonts\\simfang.ttf", 0),
];

/// Why no usable font was found.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// None of the known places has a font.
    #[error("{}", tf("docs.err.no_font", &[("tried", .0)]))]
    NotFound(String),
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

/// A face loaded in memory.
#[derive(Clone)]
pub struct FontFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// The bytes, shared with the PDF writer.
    pub data: Arc<Vec<u8>>,
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
            data: Arc::new(data),
            index,
        })
    }

    /// The face the user named, or the first known one that exists.
    pub fn find(explicit: Option<&Path>) -> Result<FontFile, FontError> {
        if let Some(path) = explicit {
            let known = KNOWN_FONTS.iter().find(|(p, _)| Path::new(p) == path);
            if let Some((_, index)) = known {
                return FontFile::read(path, *index);
            }
            let mut file = FontFile::read(path, 0)?;
            file.index = simplified_face(&file.data);
            return Ok(file);
        }
        for (path, index) in KNOWN_FONTS {
            if Path::new(path).is_file() {
                return FontFile::read(Path::new(path), *index);
            }
        }
        let tried: Vec<&str> = KNOWN_FONTS.iter().map(|(p, _)| *p).collect();
        Err(FontError::NotFound(tried.join("、")))
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
        let font =
            FontRef::from_index(&self.data, self.index).map_err(|e| FontError::Unusable {
                path: self.path.display().to_string(),
                why: e.to_string(),
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
