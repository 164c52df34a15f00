//! Sheets as aligned plain text for a terminal or a printer: columns padded by display
//! width, so Chinese headers line up with the figures under them.

use super::{Cell, Frame, Sheet};
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// The text of `sheets`, one after another.
pub fn text(sheets: &[Sheet]) -> String {
    let mut out = Vec::new();
    for sheet in sheets {
        let frame = sheet.frame();
        let mut widths = Widths::of(&frame);
        for row in &sheet.rows {
            widths.add(row);
        }
        let written = TextWriter::begin(&mut out, &frame, widths).and_then(|mut w| {
            for row in &sheet.rows {
                w.row(row)?;
            }
            w.end(&frame.notes)
        });
        // Writing to memory cannot fail.
        if written.is_err() {
            break;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The width of each column: its header's, or its widest cell's. A streamed sheet is
/// read twice (once for this, once to write), since the first line needs them all.
#[derive(Debug, Clone)]
pub struct Widths(Vec<usize>);

impl Widths {
    /// The headers' widths, before any row.
    pub fn of(frame: &Frame) -> Widths {
        Widths(frame.headers.iter().map(|h| h.width()).collect())
    }

    /// Widens the columns to fit `row`.
    pub fn add(&mut self, row: &[Cell]) {
        for (w, cell) in self.0.iter_mut().zip(row) {
            *w = (*w).max(clean(&cell.text()).width());
        }
    }
}

/// Writes one sheet as text a row at a time: the title and headers at once, each row as
/// it comes, then the notes.
pub struct TextWriter<W: Write> {
    out: W,
    widths: Vec<usize>,
}

impl<W: Write> TextWriter<W> {
    /// Writes the title and the header row of `frame`, padded to `widths`.
    pub fn begin(mut out: W, frame: &Frame, widths: Widths) -> std::io::Result<Self> {
        writeln!(out, "{}", frame.title)?;
        let widths = widths.0;
        out.write_all(line(&frame.headers, &widths, &[]).as_bytes())?;
        Ok(TextWriter { out, widths })
    }

    /// Writes one row.
    pub fn row(&mut self, cells: &[Cell]) -> std::io::Result<()> {
        let texts: Vec<String> = cells.iter().map(|c| clean(&c.text())).collect();
        let text = line(&texts, &self.widths, cells);
        self.out.write_all(text.as_bytes())
    }

    /// Writes the notes and the blank line that ends a sheet; returns the output.
    pub fn end(mut self, notes: &[String]) -> std::io::Result<W> {
        for note in notes {
            writeln!(self.out, "{note}")?;
        }
        writeln!(self.out)?;
        Ok(self.out)
    }
}

/// One line of the table, its end included.
fn line(cells: &[String], widths: &[usize], typed: &[Cell]) -> String {
    let mut line = String::new();
    for (i, (text, width)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        let pad = " ".repeat(width.saturating_sub(text.width()));
        // Figures right-aligned, text left-aligned.
        let numeric = matches!(
            typed.get(i),
            Some(Cell::Count(_) | Cell::Money(_) | Cell::Permille(_) | Cell::NotAvailable)
        );
        if numeric {
            line.push_str(&pad);
            line.push_str(text);
        } else {
            line.push_str(text);
            line.push_str(&pad);
        }
    }
    let mut out = line.trim_end().to_string();
    out.push('\n');
    out
}

/// Control characters and line breaks from the database become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
