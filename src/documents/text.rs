//! The plain-text writer: the laid-out document in a fixed width of terminal cells
//! (56 = the 28 characters of an official A4 line), on the same pages as the PDF
//! (`pages`) with a form feed between them, as UTF-8 or, for old printers that take no
//! Unicode, GB18030 with CRLF line ends and the full-width ￥ (GBK has no ¥).

use super::layout::{Align, Line, Measure, lay_out};
use super::linebreak::cells;
use super::model::Document;
use super::pages::paginate;

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

/// The form feed that starts each page after the first.
pub const FORM_FEED: char = '\u{c}';

/// The document's pages as text lines (a gap is an empty line; none at a page's top).
#[must_use]
pub fn text_pages(doc: &Document, width: u32) -> Vec<Vec<String>> {
    let m = Measure {
        width,
        body: &cells,
        title: &cells,
    };
    let lines = lay_out(doc, &m);
    paginate(&lines)
        .into_iter()
        .map(|page| {
            let mut out = Vec::new();
            for (i, (_, line)) in page.into_iter().enumerate() {
                if line.gap_before && i > 0 {
                    out.push(String::new());
                }
                out.push(placed(line, width));
            }
            out
        })
        .collect()
}

/// The document as text lines each ending with `\n`, a form feed before each page after
/// the first.
#[must_use]
pub fn to_text(doc: &Document, width: u32) -> String {
    text_pages(doc, width)
        .into_iter()
        .map(|page| page.into_iter().map(|l| l + "\n").collect::<String>())
        .collect::<Vec<_>>()
        .join(&FORM_FEED.to_string())
}

/// The text in bytes of the chosen encoding. GB18030 encodes every Unicode scalar, so
/// nothing is lost; for the printers it serves, lines end in CRLF and ¥ (U+00A5, which
/// GBK lacks and old printers garble) is written as the full-width ￥.
#[must_use]
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Gb18030 => {
            let text = text
                .replace("\r\n", "\n")
                .replace('\n', "\r\n")
                .replace('¥', "￥");
            encoding_rs::GB18030.encode(&text).0.into_owned()
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::Block;

    #[test]
    fn gb18030_text_has_the_full_width_yuan_sign_crlf_and_form_feeds_between_pages() {
        let mut doc = Document::titled("标题");
        for i in 0..30 {
            doc.blocks
                .push(Block::Paragraph(format!("第{i}段，金额¥3,000.00元。")));
        }
        let text = to_text(&doc, TEXT_WIDTH);
        let pages = text.split(FORM_FEED).count();
        assert!(pages >= 2, "{text}");
        let bytes = encode(&text, Encoding::Gb18030);
        let (back, _, errors) = encoding_rs::GBK.decode(&bytes);
        assert!(!errors, "not GBK");
        assert!(back.contains("￥3,000.00") && !back.contains('¥'));
        assert_eq!(back.matches('\u{c}').count(), pages - 1);
        assert_eq!(back.matches("\r\n").count(), back.matches('\n').count());
        assert!(!back.contains("\r\r"));
        // UTF-8 keeps the text as laid out.
        assert_eq!(encode(&text, Encoding::Utf8), text.as_bytes());
    }

    #[test]
    fn pages_of_the_text_are_the_pages_of_the_pdf() {
        let mut doc = Document::titled("标题");
        for i in 0..40 {
            doc.blocks.push(Block::Paragraph(format!("第{i}段。")));
        }
        let m = Measure {
            width: TEXT_WIDTH,
            body: &cells,
            title: &cells,
        };
        let lines = lay_out(&doc, &m);
        assert_eq!(text_pages(&doc, TEXT_WIDTH).len(), paginate(&lines).len());
        assert!(text_pages(&doc, TEXT_WIDTH)[1][0].contains("段"));
    }
}
