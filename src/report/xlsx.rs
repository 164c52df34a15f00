//! Sheets as an .xlsx workbook (rust_xlsxwriter): the title in the first row, bold headers
//! frozen in the second, numbers as numbers, money with two decimals, dates as dates.
//! A long sheet (the ledger) is written a row at a time in rust_xlsxwriter's constant
//! memory mode: each finished row goes to an unnamed temporary file, and its text is
//! stored in the cell rather than in a table of shared strings held until the end.

use super::{Cell, Frame, Sheet};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::io::{Seek, Write};
use std::path::Path;

/// The workbook as bytes (the caller writes the file, so a failed write leaves no half file).
pub fn workbook_bytes(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        write_sheet(ws, sheet, &formats)?;
    }
    book.save_to_buffer()
}

struct Formats {
    title: Format,
    header: Format,
    money: Format,
    rate: Format,
    date: Format,
    text: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            money: Format::new().set_num_format("#,##0.00"),
            rate: Format::new().set_num_format("0.0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            text: Format::new().set_align(FormatAlign::Top),
        }
    }
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    let frame = sheet.frame();
    write_head(ws, &frame, f)?;
    let mut r: u32 = 2;
    for row in &sheet.rows {
        write_row(ws, r, row, f)?;
        r += 1;
    }
    write_notes(ws, r, &frame.notes)
}

/// The title, the headers and the sheet's page set-up; rows start at row 2.
fn write_head(ws: &mut Worksheet, frame: &Frame, f: &Formats) -> Result<(), XlsxError> {
    let name = sheet_name(&frame.name);
    if !name.is_empty() {
        ws.set_name(name)?;
    }
    ws.write_string_with_format(0, 0, &frame.title, &f.title)?;
    for (col, (header, width)) in frame.headers.iter().zip(&frame.widths).enumerate() {
        let col = col as u16;
        ws.write_string_with_format(1, col, header, &f.header)?;
        // Excel's width unit is about one Latin character; a CJK character takes two.
        ws.set_column_width(col, f64::from(*width) + 1.0)?;
    }
    ws.set_freeze_panes(2, 0)?;
    // Printed on A4 across (paper size 9), all columns on one page wide, headers on every page.
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(1, 1)?;
    Ok(())
}

fn write_row(ws: &mut Worksheet, r: u32, row: &[Cell], f: &Formats) -> Result<(), XlsxError> {
    for (col, cell) in row.iter().enumerate() {
        write_cell(ws, r, col as u16, cell, f)?;
    }
    Ok(())
}

/// The notes, after a blank row below the last row (`r` is the row after it).
fn write_notes(ws: &mut Worksheet, mut r: u32, notes: &[String]) -> Result<(), XlsxError> {
    r += 1;
    for note in notes {
        ws.write_string(r, 0, note)?;
        r += 1;
    }
    Ok(())
}

/// A workbook of one sheet written a row at a time, never held whole: rows go to a
/// temporary file as they are written (see the module's note), and the workbook is put
/// together straight into its file at the end.
pub struct StreamedBook {
    book: Workbook,
    formats: Formats,
    /// The row the next row goes to.
    next: u32,
}

impl StreamedBook {
    /// A workbook whose one sheet has `frame`'s title and headers written; its rows wait
    /// in an unnamed file in `scratch` (`None`: the system's temporary folder).
    pub fn begin(frame: &Frame, scratch: Option<&Path>) -> Result<StreamedBook, XlsxError> {
        let mut book = Workbook::new();
        if let Some(dir) = scratch {
            book.set_tempdir(dir)?;
        }
        let formats = Formats::new();
        let ws = book.add_worksheet_with_constant_memory()?;
        write_head(ws, frame, &formats)?;
        Ok(StreamedBook {
            book,
            formats,
            next: 2,
        })
    }

    /// Writes the next row.
    pub fn row(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        let ws = self.book.worksheet_from_index(0)?;
        write_row(ws, self.next, cells, &self.formats)?;
        self.next += 1;
        Ok(())
    }

    /// Writes the notes below the rows and the whole workbook to `out`.
    pub fn finish<W: Write + Seek + Send>(
        mut self,
        notes: &[String],
        out: W,
    ) -> Result<(), XlsxError> {
        let ws = self.book.worksheet_from_index(0)?;
        write_notes(ws, self.next, notes)?;
        self.book.save_to_writer(out)
    }
}

fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) => {
            ws.write_string_with_format(r, c, s, &f.text)?;
        }
        Cell::Count(n) => {
            ws.write_number(r, c, *n as f64)?;
        }
        Cell::Money(fen) => {
            ws.write_number_with_format(r, c, *fen as f64 / 100.0, &f.money)?;
        }
        Cell::Permille(Some(p)) => {
            ws.write_number_with_format(r, c, *p as f64 / 1000.0, &f.rate)?;
        }
        Cell::Date(d) => {
            let day = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                d.month() as u8,
                d.day() as u8,
            )?;
            ws.write_datetime_with_format(r, c, &day, &f.date)?;
        }
        Cell::Permille(None) | Cell::NotAvailable => {
            ws.write_string(r, c, cell.text())?;
        }
        Cell::Empty => {}
    }
    Ok(())
}
