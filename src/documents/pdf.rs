//! The PDF writer (krilla): A4, margins and sizes after GB/T 9704 (37 mm top, 28 mm
//! left, title 22 pt, body 16 pt, 28 characters a line on a grid of 56 half-width
//! cells, 22 lines a page), page numbers "第 N 页 共 M 页". Lines and pages come from
//! the same layout as the text format and the preview (`layout`, `pages`), measured in
//! cells: the paper has the lines the screen shows. A line whose glyphs are wider than
//! its cells (Latin digits are a little wider than half an em) is set a little narrower;
//! a justified line spreads its slack only up to a small limit, else stays ragged.
//! Characters the face lacks come from an installed face (`fallback_font`). Only the
//! glyphs used are embedded (krilla subsets), so a form stays small.

use super::fallback_font;
use super::font::{FontError, FontFile};
use super::layout::{Align, Line, Measure, lay_out};
use super::linebreak::cells;
use super::model::Document;
use super::pages::{self, paginate};
use krilla::geom::{Point, Transform};
use krilla::page::PageSettings;
use krilla::surface::Surface;
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
/// A half line: the unit `pages` counts heights in.
const HALF_LINE: f32 = LINE_H / pages::LINE as f32;
/// The width of the text block.
const TEXT_W_PT: f32 = PAGE_W - LEFT - RIGHT;
/// Layout units in a half-width cell: a body character is 16, a title character 22.
const CELL: u32 = 8;
/// A line's width in layout units: 56 cells.
const TEXT_W: u32 = super::text::TEXT_WIDTH * CELL;
/// One layout unit on paper.
const UNIT: f32 = TEXT_W_PT / TEXT_W as f32;

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

/// The faces a set of documents is written in: for each character its face (0 the body
/// face, then the installed faces it lacks) and its advance there, in thousandths of an
/// em; the title face's advances.
struct Faces<'a> {
    faces: Vec<FontFile>,
    face_of: HashMap<char, usize>,
    adv: HashMap<char, u32>,
    title_adv: HashMap<char, u32>,
    title_face: &'a FontFile,
}

impl<'a> Faces<'a> {
    /// Reads the faces every character of `docs` needs; fails naming the characters no
    /// face has, and how to add one.
    fn read(docs: &[Document], fonts: &'a PdfFonts) -> Result<Faces<'a>, PdfError> {
        let mut chars: Vec<char> = docs
            .iter()
            .flat_map(|d| d.outline())
            .flat_map(|l| l.chars().collect::<Vec<_>>())
            .collect();
        chars.extend("　＿：；（）第页共 0123456789".chars());
        chars.sort_unstable();
        chars.dedup();
        let (mut adv, missing) = match fonts.body.advances(&chars) {
            Ok(adv) => (adv, Vec::new()),
            Err(FontError::Missing { .. }) => {
                let (has, lacks): (Vec<char>, Vec<char>) = chars
                    .iter()
                    .partition(|c| fonts.body.covers(&c.to_string()));
                (fonts.body.advances(&has)?, lacks)
            }
            Err(e) => return Err(e.into()),
        };
        let mut faces = vec![fonts.body.clone()];
        let mut face_of = HashMap::new();
        if !missing.is_empty() {
            let (found, none) = fallback_font::faces_for(&missing);
            if !none.is_empty() {
                let chars: Vec<String> = none
                    .iter()
                    .map(|c| format!("{c}（U+{:04X}）", *c as u32))
                    .collect();
                return Err(FontError::Missing {
                    path: fonts.body.path.display().to_string(),
                    chars: chars.join("、"),
                }
                .into());
            }
            for (face, set) in found {
                let n = faces.len();
                adv.extend(face.advances(&set)?);
                face_of.extend(set.into_iter().map(|c| (c, n)));
                faces.push(face);
            }
        }
        // A title the bold face cannot set (a room's own template) is set in the body face.
        let title_face = if docs.iter().all(|d| fonts.title.covers(&d.title)) {
            &fonts.title
        } else {
            &fonts.body
        };
        let mut title_chars: Vec<char> = docs.iter().flat_map(|d| d.title.chars()).collect();
        title_chars.sort_unstable();
        title_chars.dedup();
        let title_adv = if std::ptr::eq(title_face, &fonts.body) {
            adv.clone()
        } else {
            title_face.advances(&title_chars)?
        };
        Ok(Faces {
            faces,
            face_of,
            adv,
            title_adv,
            title_face,
        })
    }

    /// A character's face (0: the body face).
    fn face(&self, c: char) -> usize {
        self.face_of.get(&c).copied().unwrap_or(0)
    }

    /// A character's advance in points at the line's size.
    fn advance(&self, line: &Line, c: char) -> f32 {
        let (map, size) = if line.title {
            (&self.title_adv, TITLE_PT)
        } else {
            (&self.adv, BODY_PT)
        };
        map.get(&c).copied().unwrap_or(1000) as f32 * size / 1000.0
    }
}

/// The document's lines in layout units (cells × 8; a title character 22 units): the
/// same breaks as the text format.
fn layout(doc: &Document) -> Vec<Line> {
    let body = |c| cells(c) * CELL;
    let title = |c| cells(c) * CELL * 11 / 8;
    lay_out(
        doc,
        &Measure {
            width: TEXT_W,
            body: &body,
            title: &title,
        },
    )
}

/// The width of a layout line in units.
fn units(line: &Line) -> u32 {
    let per = |c| {
        if line.title {
            cells(c) * CELL * 11 / 8
        } else {
            cells(c) * CELL
        }
    };
    line.text.chars().map(per).sum()
}

/// The document as PDF bytes.
pub fn to_pdf(doc: &Document, fonts: &PdfFonts) -> Result<Vec<u8>, PdfError> {
    to_pdf_all(std::slice::from_ref(doc), fonts)
}

/// How many pages the document takes in the PDF (the same as in the text format).
pub fn page_count(doc: &Document, _fonts: &PdfFonts) -> Result<usize, PdfError> {
    Ok(paginate(&layout(doc)).len())
}

/// Several documents as one PDF (the notices of a session, the cover and its index):
/// each starts on a new page and numbers its own pages.
pub fn to_pdf_all(docs: &[Document], fonts: &PdfFonts) -> Result<Vec<u8>, PdfError> {
    let faces = Faces::read(docs, fonts)?;
    let body_fonts = faces
        .faces
        .iter()
        .map(krilla_font)
        .collect::<Result<Vec<Font>, PdfError>>()?;
    let title_font = krilla_font(faces.title_face)?;
    let mut pdf = krilla::Document::new();
    for doc in docs {
        let lines = layout(doc);
        let pages = paginate(&lines);
        let total = pages.len();
        for (n, page_lines) in pages.iter().enumerate() {
            let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
                .ok_or_else(|| PdfError::Write("A4".into()))?;
            let mut page = pdf.start_page_with(settings);
            let mut surface = page.surface();
            for (y, line) in page_lines {
                let top = TOP + *y as f32 * HALF_LINE;
                draw_line(&mut surface, line, top, &faces, &body_fonts, &title_font);
            }
            let folio = format!("第 {} 页 共 {} 页", n + 1, total);
            let w = folio
                .chars()
                .map(|c| faces.adv.get(&c).copied().unwrap_or(1000))
                .sum::<u32>() as f32
                * FOLIO_PT
                / 1000.0;
            let at = Point::from_xy((PAGE_W - w) / 2.0, PAGE_H - BOTTOM + 2.0 * LINE_H);
            if let Some(font) = body_fonts.first() {
                surface.draw_text(
                    at,
                    font.clone(),
                    FOLIO_PT,
                    &folio,
                    false,
                    TextDirection::Auto,
                );
            }
            surface.finish();
            page.finish();
        }
    }
    pdf.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

fn draw_line(
    surface: &mut Surface,
    line: &Line,
    top: f32,
    faces: &Faces,
    body_fonts: &[Font],
    title_font: &Font,
) {
    let size = if line.title { TITLE_PT } else { BODY_PT };
    let h = if line.title {
        pages::TITLE as f32 * HALF_LINE
    } else {
        LINE_H
    };
    let baseline = top + h / 2.0 + size * 0.35;
    let set = placed(line, &|c| faces.advance(line, c), &|c| {
        if line.title { 0 } else { faces.face(c) }
    });
    surface.push_transform(&Transform::from_row(set.scale, 0.0, 0.0, 1.0, set.x, 0.0));
    for (x, text, face) in set.runs {
        let font = if line.title {
            title_font
        } else {
            match body_fonts.get(face) {
                Some(f) => f,
                None => continue,
            }
        };
        surface.draw_text(
            Point::from_xy(x, baseline),
            font.clone(),
            size,
            &text,
            false,
            TextDirection::Auto,
        );
    }
    surface.pop();
}

/// The most slack a justified line spreads between two characters, in layout units (an
/// eighth of an em): a line shortened more than that by a piece moved down whole is
/// left ragged rather than gappy.
const MAX_SPREAD: f32 = 2.0;

/// A line as set: where it starts on the page, the horizontal scale it is set at (below
/// 1 when its glyphs are wider than its cells), and its runs of text, each at an x from
/// the start (before scaling) in its face.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    x: f32,
    scale: f32,
    runs: Vec<(f32, String, usize)>,
}

/// Where a line's text goes: `adv` is a character's advance in points, `face` its face.
/// A justified line places each character, sharing the slack to the right margin
/// between the gaps after its first-line indent.
fn placed(line: &Line, adv: &dyn Fn(char) -> f32, face: &dyn Fn(char) -> usize) -> Placed {
    let grid = units(line) as f32 * UNIT;
    let natural: f32 = line.text.chars().map(adv).sum();
    let scale = if natural > grid && natural > 0.0 {
        grid / natural
    } else {
        1.0
    };
    let drawn = natural * scale;
    let indent = line.indent as f32 * UNIT;
    let x = match line.align {
        Align::Left => LEFT + indent,
        Align::Center => LEFT + (TEXT_W_PT - drawn).max(0.0) / 2.0,
        Align::Right => PAGE_W - RIGHT - drawn,
    };
    let lead = line.text.chars().take_while(|c| *c == '\u{3000}').count();
    let gaps = line.text.chars().count().saturating_sub(lead + 1);
    let slack = TEXT_W
        .saturating_sub(line.indent)
        .saturating_sub(units(line)) as f32;
    let justify = line.justify
        && gaps > 0
        && slack > 0.0
        && slack / gaps as f32 <= MAX_SPREAD
        && line.align == Align::Left;
    let mut runs: Vec<(f32, String, usize)> = Vec::new();
    let mut at = 0.0;
    if justify {
        let target = (TEXT_W - line.indent) as f32 * UNIT;
        let spread = (target - drawn) / scale / gaps as f32;
        for (i, c) in line.text.chars().enumerate() {
            runs.push((at, c.to_string(), face(c)));
            at += adv(c) + if i >= lead { spread } else { 0.0 };
        }
    } else {
        for c in line.text.chars() {
            match runs.last_mut() {
                Some((_, text, f)) if *f == face(c) => text.push(c),
                _ => runs.push((at, c.to_string(), face(c))),
            }
            at += adv(c);
        }
    }
    Placed { x, scale, runs }
}

fn krilla_font(file: &FontFile) -> Result<Font, PdfError> {
    Font::new(file.data.clone().into(), file.index).ok_or_else(|| {
        PdfError::Font(FontError::Unusable {
            path: file.path.display().to_string(),
            why: crate::i18n::t("docs.err.font_unreadable").into_owned(),
        })
    })
}

#[cfg(test)]
mod tests;
