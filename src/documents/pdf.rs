//! The PDF writer (krilla): A4, margins and sizes after GB/T 9704 (37 mm top, 28 mm
//! left, title 22 pt, body 16 pt, 28 characters a line), page numbers "第 N 页 共 M
//! 页", and lines marked keep-together (signature areas with their labels, the seal and
//! the date) moved to the next page as a whole rather than split. Only the glyphs used
//! are embedded (krilla subsets), so a form stays small.

use super::font::{FontError, FontFile};
use super::layout::{Align, Line, Measure, lay_out};
use super::model::Document;
use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use std::collections::HashMap;

const MM: f32 = 72.0 / 25.4;
const PAGE_W: f32 = 210.0 * MM;
const PAGE_H: f32 = 297.0 * MM;
const TOP: f32 = 37.0 * MM;
const LEFT: f32 = 28.0 * MM;
const RIGHT: f32 = 26.0 * MM;
const BOTTOM: f32 = 35.0 * MM;
const BODY_PT: f32 = 16.0;
const TITLE_PT: f32 = 22.0;
const FOLIO_PT: f32 = 14.0;
/// 22 lines in the 225 mm text block.
const LINE_H: f32 = 225.0 * MM / 22.0;
const TITLE_H: f32 = 2.0 * LINE_H;
const GAP_H: f32 = 0.5 * LINE_H;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The font: missing, unusable, or lacking characters.
    #[error(transparent)]
    Font(#[from] FontError),
    /// krilla refused the document.
    #[error("{}", crate::i18n::tf("docs.err.pdf", &[("why", .0)]))]
    Write(String),
}

/// The faces a PDF is set in.
pub struct PdfFonts {
    /// The body face.
    pub body: FontFile,
    /// The title face (bold where one was found).
    pub title: FontFile,
}

impl PdfFonts {
    /// The face the user named with its bold sibling for titles, or the shipped faces.
    pub fn find(explicit: Option<&std::path::Path>) -> Result<PdfFonts, FontError> {
        let body = FontFile::find(explicit)?;
        let title = match explicit {
            None => FontFile::embedded_title(),
            Some(_) => body.bold_sibling().unwrap_or_else(|| body.clone()),
        };
        Ok(PdfFonts { body, title })
    }
}

/// Character advances of the faces a set of documents is written in, in body-size
/// thousandths of an em.
struct Faces<'a> {
    body_adv: HashMap<char, u32>,
    title_adv: HashMap<char, u32>,
    title_face: &'a FontFile,
}

impl<'a> Faces<'a> {
    /// Reads the advances of every character of `docs`; fails naming the characters the
    /// body face lacks.
    fn read(docs: &[Document], fonts: &'a PdfFonts) -> Result<Faces<'a>, PdfError> {
        let mut chars: Vec<char> = docs
            .iter()
            .flat_map(|d| d.outline())
            .flat_map(|l| l.chars().collect::<Vec<_>>())
            .collect();
        chars.extend("　＿：；第页共 0123456789".chars());
        chars.sort_unstable();
        chars.dedup();
        let body_adv = fonts.body.advances(&chars)?;
        // A title the bold face cannot set (a room's own template) is set in the body face.
        let title_face = if docs.iter().all(|d| fonts.title.covers(&d.title)) {
            &fonts.title
        } else {
            &fonts.body
        };
        let mut title_chars: Vec<char> = docs.iter().flat_map(|d| d.title.chars()).collect();
        title_chars.sort_unstable();
        title_chars.dedup();
        let title_adv = title_face.advances(&title_chars)?;
        Ok(Faces {
            body_adv,
            title_adv,
            title_face,
        })
    }

    fn body(&self, c: char) -> u32 {
        self.body_adv.get(&c).copied().unwrap_or(1000)
    }

    /// Title advances in body-size thousandths, so one width serves both.
    fn title(&self, c: char) -> u32 {
        let a = self.title_adv.get(&c).copied().unwrap_or(1000) as f32;
        (a * TITLE_PT / BODY_PT).round() as u32
    }

    fn lay_out(&self, doc: &Document) -> Vec<Line> {
        let body = |c| self.body(c);
        let title = |c| self.title(c);
        lay_out(
            doc,
            &Measure {
                width: TEXT_W,
                body: &body,
                title: &title,
            },
        )
    }
}

/// The width of a line, in body-size thousandths of an em.
const TEXT_W: u32 = ((PAGE_W - LEFT - RIGHT) / BODY_PT * 1000.0) as u32;

/// The document as PDF bytes.
pub fn to_pdf(doc: &Document, fonts: &PdfFonts) -> Result<Vec<u8>, PdfError> {
    to_pdf_all(std::slice::from_ref(doc), fonts)
}

/// How many pages the document takes in the PDF.
pub fn page_count(doc: &Document, fonts: &PdfFonts) -> Result<usize, PdfError> {
    let faces = Faces::read(std::slice::from_ref(doc), fonts)?;
    Ok(paginate(&faces.lay_out(doc)).len())
}

/// Several documents as one PDF (the notices of a session, the cover and its index):
/// each starts on a new page and numbers its own pages.
pub fn to_pdf_all(docs: &[Document], fonts: &PdfFonts) -> Result<Vec<u8>, PdfError> {
    let faces = Faces::read(docs, fonts)?;
    let body_font = krilla_font(&fonts.body)?;
    let title_font = krilla_font(faces.title_face)?;
    let mut pdf = krilla::Document::new();
    for doc in docs {
        let lines = faces.lay_out(doc);
        let pages = paginate(&lines);
        let total = pages.len();
        for (n, page_lines) in pages.iter().enumerate() {
            let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
                .ok_or_else(|| PdfError::Write("A4".into()))?;
            let mut page = pdf.start_page_with(settings);
            let mut surface = page.surface();
            for (y, line) in page_lines {
                let (font, size) = if line.title {
                    (&title_font, TITLE_PT)
                } else {
                    (&body_font, BODY_PT)
                };
                let h = if line.title { TITLE_H } else { LINE_H };
                let baseline = y + h / 2.0 + size * 0.35;
                let adv = |c| {
                    if line.title {
                        faces.title(c)
                    } else {
                        faces.body(c)
                    }
                };
                for (x, text) in placed(line, &adv) {
                    surface.draw_text(
                        Point::from_xy(x, baseline),
                        font.clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
            }
            let folio = format!("第 {} 页 共 {} 页", n + 1, total);
            let w = folio.chars().map(|c| faces.body(c)).sum::<u32>() as f32 * FOLIO_PT / 1000.0;
            let at = Point::from_xy((PAGE_W - w) / 2.0, PAGE_H - BOTTOM + 2.0 * LINE_H);
            surface.draw_text(
                at,
                body_font.clone(),
                FOLIO_PT,
                &folio,
                false,
                TextDirection::Auto,
            );
            surface.finish();
            page.finish();
        }
    }
    pdf.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The most slack a justified line spreads between two characters (half an em, in
/// thousandths): a line shortened more than that by an unbreakable number is left ragged
/// rather than gappy.
const MAX_SPREAD: f32 = 500.0;

/// Where a line's text goes across the page: one run at its aligned position, or for a
/// justified line each character at its own x, the slack to the right margin shared
/// equally between the gaps.
fn placed(line: &Line, adv: &dyn Fn(char) -> u32) -> Vec<(f32, String)> {
    let units = |n: f32| n * BODY_PT / 1000.0;
    let used: u32 = line.text.chars().map(adv).sum();
    let w = units(used as f32);
    let x = match line.align {
        Align::Left => LEFT + units(line.indent as f32),
        Align::Center => LEFT + ((PAGE_W - LEFT - RIGHT) - w).max(0.0) / 2.0,
        Align::Right => PAGE_W - RIGHT - w,
    };
    // The first-line indent (　　) keeps its width: the slack goes between the
    // characters after it.
    let indent = line.text.chars().take_while(|c| *c == '\u{3000}').count();
    let gaps = line.text.chars().count().saturating_sub(indent + 1);
    let slack = TEXT_W.saturating_sub(line.indent).saturating_sub(used) as f32;
    let spread = if gaps > 0 { slack / gaps as f32 } else { 0.0 };
    if !line.justify || gaps == 0 || slack <= 0.0 || spread > MAX_SPREAD {
        return vec![(x, line.text.clone())];
    }
    let mut at = x;
    line.text
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let here = at;
            let extra = if i >= indent { spread } else { 0.0 };
            at += units(adv(c) as f32 + extra);
            (here, c.to_string())
        })
        .collect()
}

fn krilla_font(file: &FontFile) -> Result<Font, PdfError> {
    Font::new(file.data.clone().into(), file.index).ok_or_else(|| {
        PdfError::Font(FontError::Unusable {
            path: file.path.display().to_string(),
            why: crate::i18n::t("docs.err.font_unreadable").into_owned(),
        })
    })
}

/// Lines placed on pages: each line with the top of its box. A run of lines joined by
/// `keep_with_next` moves to a new page as a whole when it does not fit (unless it is
/// taller than a page, when it breaks where it must).
pub fn paginate(lines: &[Line]) -> Vec<Vec<(f32, &Line)>> {
    let bottom = PAGE_H - BOTTOM;
    let mut pages: Vec<Vec<(f32, &Line)>> = vec![Vec::new()];
    let mut y = TOP;
    let mut i = 0;
    while i < lines.len() {
        let mut end = i;
        while end + 1 < lines.len() && lines[end].keep_with_next {
            end += 1;
        }
        let group = &lines[i..=end];
        let height: f32 = group
            .iter()
            .enumerate()
            .map(|(k, l)| line_height(l, k == 0 && y == TOP))
            .sum();
        let page_empty = pages.last().is_none_or(Vec::is_empty);
        if y + height > bottom && !page_empty && height <= bottom - TOP {
            pages.push(Vec::new());
            y = TOP;
        }
        for line in group {
            let at_top = pages.last().is_none_or(Vec::is_empty);
            if y + line_height(line, at_top) > bottom && !at_top {
                pages.push(Vec::new());
                y = TOP;
            }
            let at_top = pages.last().is_none_or(Vec::is_empty);
            if line.gap_before && !at_top {
                y += GAP_H;
            }
            if let Some(page) = pages.last_mut() {
                page.push((y, line));
            }
            y += if line.title { TITLE_H } else { LINE_H };
        }
        i = end + 1;
    }
    pages
}

fn line_height(line: &Line, at_top: bool) -> f32 {
    let gap = if line.gap_before && !at_top {
        GAP_H
    } else {
        0.0
    };
    gap + if line.title { TITLE_H } else { LINE_H }
}

#[cfg(test)]
mod tests;
