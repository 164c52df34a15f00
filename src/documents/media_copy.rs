//! 本机打印: documents for the printer of the user's own terminal (PuTTY's
//! remote-controlled printing), as the bytes to write to the terminal — the GB18030 text
//! format (CRLF line ends, a form feed between pages and between documents, ￥) between
//! the ANSI media-copy controls `ESC [ 5 i` (printer on) and `ESC [ 4 i` (printer off).
//! Every control character a line holds (C0, DEL, C1: text typed or imported into a
//! case) is removed, so the only controls inside the envelope are the CR, LF and FF the
//! format puts there: nothing can end the envelope early and reach the terminal. Pure: no
//! I/O (the terminal layer writes the bytes).

use super::model::Document;
use super::text::{Encoding, FORM_FEED, TEXT_WIDTH, encode, text_pages};

/// Printer on: what follows goes to the printer, not the screen.
pub const PRINTER_ON: &[u8] = b"\x1b[5i";
/// Printer off.
pub const PRINTER_OFF: &[u8] = b"\x1b[4i";

/// The documents as the text the terminal's printer gets (UTF-8 here, `\n` line ends):
/// the same lines and pages as `tiaojie print --format txt`, with control characters
/// from the data removed.
#[must_use]
pub fn terminal_text(docs: &[Document]) -> String {
    let clean = |line: String| -> String { line.chars().filter(|c| !c.is_control()).collect() };
    docs.iter()
        .map(|doc| {
            text_pages(doc, TEXT_WIDTH)
                .into_iter()
                .map(|page| {
                    page.into_iter()
                        .map(|l| clean(l) + "\n")
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(&FORM_FEED.to_string())
        })
        .collect::<Vec<_>>()
        .join(&FORM_FEED.to_string())
}

/// The bytes to write to the terminal: printer on, the GB18030 text, printer off.
#[must_use]
pub fn envelope(docs: &[Document]) -> Vec<u8> {
    let mut out = PRINTER_ON.to_vec();
    out.extend(encode(&terminal_text(docs), Encoding::Gb18030));
    out.extend_from_slice(PRINTER_OFF);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::fixtures::{case, org};
    use crate::documents::template::Templates;
    use crate::documents::text::to_text;

    #[test]
    fn the_envelope_holds_the_gb18030_text_and_no_control_from_the_data() {
        let t = Templates::builtin();
        let doc = crate::documents::register::register_form(&case(), &org(), &t.form("register"));
        // Clean data: exactly the text format, in GB18030 between the controls.
        let bytes = envelope(std::slice::from_ref(&doc));
        assert!(bytes.starts_with(PRINTER_ON) && bytes.ends_with(PRINTER_OFF));
        let inner = &bytes[PRINTER_ON.len()..bytes.len() - PRINTER_OFF.len()];
        assert_eq!(inner, encode(&to_text(&doc, TEXT_WIDTH), Encoding::Gb18030));
        // Hostile data: an early printer-off, a title change ending in BEL, a C1 CSI,
        // a form feed and a NUL typed into a party's name and the facts.
        let mut bad = case();
        bad.fields.parties[0].name = "王\u{1b}[4i秀\u{7}兰".into();
        bad.fields.facts = "漏水\u{1b}]0;x\u{7}损坏\u{9b}2J吊\u{c}顶\u{0}完".into();
        let doc = crate::documents::register::register_form(&bad, &org(), &t.form("register"));
        let bytes = envelope(&[doc.clone(), doc]);
        let inner = &bytes[PRINTER_ON.len()..bytes.len() - PRINTER_OFF.len()];
        assert!(!inner.contains(&0x1b), "no ESC inside");
        assert!(
            inner
                .iter()
                .all(|&b| b >= 0x20 || matches!(b, b'\r' | b'\n' | 0x0c)),
            "only CR, LF and FF"
        );
        let (text, _, bad_bytes) = encoding_rs::GB18030.decode(inner);
        assert!(!bad_bytes);
        assert!(!text.contains('\u{9b}'));
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains("王[4i秀兰"), "{text}");
        assert!(squeezed.contains("漏水]0;x损坏2J吊顶完"), "{text}");
        // Two documents: the second starts on a new sheet; every line ends in CRLF.
        assert!(text.matches('\u{c}').count() >= 1);
        assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    }
}
