//! The plain-text writer: the laid-out document in a fixed width of terminal cells
//! (56 = the 28 characters of an official A4 line), as UTF-8 or GB18030 for old
//! printers that take no Unicode.

use super::layout::{Align, Line, Measure, lay_out};
use super::linebreak::cells;
use super::model::Document;

/// The default width of a text document, in cells (28 Chinese characters).
pub const TEXT_WIDTH: u32 = 56;

/// The text encodings a document can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// GB18030 (a superset of GBK and GB2312; every Unicode character has a code).
    Gb18030,
}

/// The document as text lines joined with `\n`, ending with one `\n`.
#[must_use]
pub fn to_text(doc: &Document, width: u32) -> String {
    let m = Measure {
        width,
        body: &cells,
        title: &cells,
    };
    let mut out = String::new();
    for line in lay_out(doc, &m) {
        if line.gap_before && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&placed(&line, width));
        out.push('\n');
    }
    out
}

/// The text in bytes of the chosen encoding. GB18030 encodes every Unicode scalar, so
/// nothing is lost or replaced.
#[must_use]
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
    }
}

fn placed(line: &Line, width: u32) -> String {
    let w: u32 = line.text.chars().map(cells).sum();
    let pad = match line.align {
        Align::Left => line.indent,
        Align::Center => width.saturating_sub(w) / 2,
        Align::Right => width.saturating_sub(w),
    };
    format!("{}{}", " ".repeat(pad as usize), line.text)
}
