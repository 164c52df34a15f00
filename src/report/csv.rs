//! Sheets as CSV: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads
//! the file as GBK and shows garbage), CRLF line ends, fields quoted where needed. Several
//! sheets follow one another, each after its title line and a blank line.

use super::{Cell, Frame, Sheet};
use std::io::Write;

/// The CSV text of `sheets`, BOM first.
pub fn csv_bytes(sheets: &[Sheet]) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = CsvWriter::new(&mut out).and_then(|mut csv| {
        sheets.iter().try_for_each(|sheet| {
            let frame = sheet.frame();
            csv.begin(&frame)?;
            sheet.rows.iter().try_for_each(|row| csv.row(row))?;
            csv.notes(&frame.notes)
        })
    });
    out
}

/// Writes CSV a row at a time: the byte-order mark first, then each sheet's title and
/// headers, its rows as they come, and its notes.
pub struct CsvWriter<W: Write> {
    out: W,
    /// How many sheets began.
    sheets: usize,
}

impl<W: Write> CsvWriter<W> {
    /// A writer to `out`, the byte-order mark written.
    pub fn new(mut out: W) -> std::io::Result<CsvWriter<W>> {
        out.write_all("\u{feff}".as_bytes())?;
        Ok(CsvWriter { out, sheets: 0 })
    }

    /// Writes the title and headers of a sheet (after a blank line if one came before).
    pub fn begin(&mut self, frame: &Frame) -> std::io::Result<()> {
        if self.sheets > 0 {
            self.out.write_all(b"\r\n")?;
        }
        self.sheets += 1;
        self.line(std::slice::from_ref(&frame.title))?;
        self.line(&frame.headers)
    }

    /// Writes one row.
    pub fn row(&mut self, cells: &[Cell]) -> std::io::Result<()> {
        let texts: Vec<String> = cells.iter().map(Cell::text).collect();
        self.line(&texts)
    }

    /// Writes the notes below a sheet.
    pub fn notes(&mut self, notes: &[String]) -> std::io::Result<()> {
        notes
            .iter()
            .try_for_each(|note| self.line(std::slice::from_ref(note)))
    }

    /// The output, once every sheet is written.
    pub fn into_inner(self) -> W {
        self.out
    }

    fn line(&mut self, fields: &[String]) -> std::io::Result<()> {
        let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
        self.out.write_all(quoted.join(",").as_bytes())?;
        self.out.write_all(b"\r\n")
    }
}

/// A field quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is prefixed with `'` so a spreadsheet never runs a party's text as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '@'])
        || (text.starts_with('-') && text.parse::<f64>().is_err())
    {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-12.50"), "-12.50");
        assert_eq!(field("楼上漏水"), "楼上漏水");
    }
}
