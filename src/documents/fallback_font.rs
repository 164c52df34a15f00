//! A second face for the characters the PDF's face lacks (the shipped face holds GBK:
//! a name such as 陈㛃 needs CJK Ext-A, some need Ext-B): an installed CJK face found
//! without configuration in the places systems put them — Debian's fonts-noto-cjk,
//! other Linux layouts, Windows' SimSun and SimSun-ExtB, macOS' Songti. Faces are read
//! only when a document needs them, so a document the shipped face covers costs nothing.
//! Owns only finding; which path a user may name is `font`'s business.

use super::font::FontFile;
use std::path::Path;

/// Installed faces to try, in order, with the Simplified Chinese face's index in a
/// collection (Noto's collections hold JP, KR, SC, TC, HK: SC is 2).
pub const SYSTEM_FACES: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc", 2),
    (
        "/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc",
        2,
    ),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
    ("C:\\Windows\\Fonts\\simsunb.ttf", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
];

/// The installed faces that set `chars` between them, each with the characters it is
/// used for, and the characters none of them has.
pub fn faces_for(chars: &[char]) -> (Vec<(FontFile, Vec<char>)>, Vec<char>) {
    let candidates = SYSTEM_FACES
        .iter()
        .filter(|(path, _)| Path::new(path).is_file())
        .filter_map(|(path, index)| FontFile::read(Path::new(path), *index).ok());
    cover(chars, candidates)
}

/// Takes from `candidates`, in order, the faces needed to set `chars`; what none sets
/// is returned last. A face is read (an iterator step) only while characters are left.
pub fn cover(
    chars: &[char],
    candidates: impl IntoIterator<Item = FontFile>,
) -> (Vec<(FontFile, Vec<char>)>, Vec<char>) {
    let mut left: Vec<char> = chars.to_vec();
    let mut used = Vec::new();
    for face in candidates {
        if left.is_empty() {
            break;
        }
        let (has, lacks): (Vec<char>, Vec<char>) =
            left.iter().partition(|c| face.covers(&c.to_string()));
        if !has.is_empty() {
            used.push((face, has));
        }
        left = lacks;
    }
    (used, left)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rare_name_character_comes_from_an_installed_face() {
        let body = FontFile::embedded_body();
        // 㛃 (U+36C3) is CJK Ext-A: not in GBK, not in the shipped face.
        assert!(!body.covers("㛃"));
        let noto = Path::new(SYSTEM_FACES[0].0);
        if !noto.is_file() {
            eprintln!("SKIPPED: fonts-noto-cjk missing (.ci/run installs it)");
            return;
        }
        let (used, none) = faces_for(&['㛃']);
        assert!(none.is_empty(), "{none:?}");
        assert_eq!(used.len(), 1);
        assert_eq!(used[0].1, ['㛃']);
        // A private-use character no face has is left over, named.
        let (_, none) = faces_for(&['\u{E000}']);
        assert_eq!(none, ['\u{E000}']);
    }

    #[test]
    fn faces_are_taken_in_order_and_only_while_needed() {
        let body = FontFile::embedded_body();
        let (used, none) = cover(&['王', '\u{E000}'], [body.clone(), body]);
        assert_eq!(used.len(), 1);
        assert_eq!(used[0].1, ['王']);
        assert_eq!(none, ['\u{E000}']);
        let (used, none) = cover(&[], [FontFile::embedded_body()]);
        assert!(used.is_empty() && none.is_empty());
    }
}
