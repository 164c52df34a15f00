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

/// The width of each column: its header's, or its widest cell's (the first line needs
/// them all; a streamed sheet keeps its rows in a [`Spool`] meanwhile).
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
        let headers = frame.headers.iter().map(|h| (h.as_str(), false));
        out.write_all(line(headers, &widths).as_bytes())?;
        Ok(TextWriter { out, widths })
    }

    /// Writes one row.
    pub fn row(&mut self, cells: &[Cell]) -> std::io::Result<()> {
        let texts: Vec<String> = cells.iter().map(|c| clean(&c.text())).collect();
        let typed = texts
            .iter()
            .zip(cells)
            .map(|(t, c)| (t.as_str(), numeric(c)));
        self.out.write_all(line(typed, &self.widths).as_bytes())
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

/// A text table's rows, kept as their cleaned text in an unnamed temporary file until
/// every column's width is known: the rows are made once (the ledger's cases read once),
/// and the table is never held in memory.
pub struct Spool {
    file: std::io::BufWriter<std::fs::File>,
    widths: Widths,
}

impl Spool {
    /// An empty spool for a sheet of `frame`, its file in `scratch` (`None`: the system's
    /// temporary folder).
    pub fn new(frame: &Frame, scratch: Option<&std::path::Path>) -> std::io::Result<Spool> {
        let file = match scratch {
            Some(dir) => tempfile::tempfile_in(dir)?,
            None => tempfile::tempfile()?,
        };
        Ok(Spool {
            file: std::io::BufWriter::new(file),
            widths: Widths::of(frame),
        })
    }

    /// Keeps `row` and widens the columns to fit it. A cleaned text holds no tab and no
    /// line break, so a row is one line, its cells apart by tabs, each after a mark:
    /// `r` right-aligned (a figure), `l` left.
    pub fn add(&mut self, row: &[Cell]) -> std::io::Result<()> {
        for (i, cell) in row.iter().enumerate() {
            let text = clean(&cell.text());
            if let Some(w) = self.widths.0.get_mut(i) {
                *w = (*w).max(text.width());
            }
            let mark = if numeric(cell) { "r" } else { "l" };
            let tab = if i > 0 { "\t" } else { "" };
            write!(self.file, "{tab}{mark}{text}")?;
        }
        writeln!(self.file)
    }

    /// Writes the sheet — title, headers, the kept rows, notes — to `out`.
    pub fn write_to<W: Write>(self, out: W, frame: &Frame) -> std::io::Result<W> {
        use std::io::{BufRead, Seek};
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.seek(std::io::SeekFrom::Start(0))?;
        let mut text = TextWriter::begin(out, frame, self.widths)?;
        for kept in std::io::BufReader::new(file).lines() {
            let kept = kept?;
            let cells = kept
                .split('\t')
                .filter(|_| !kept.is_empty())
                .map(|c| (c.get(1..).unwrap_or(""), c.starts_with('r')));
            text.out.write_all(line(cells, &text.widths).as_bytes())?;
        }
        text.end(&frame.notes)
    }
}

/// Figures are right-aligned, text left-aligned.
fn numeric(cell: &Cell) -> bool {
    matches!(
        cell,
        Cell::Count(_) | Cell::Money(_) | Cell::Permille(_) | Cell::NotAvailable
    )
}

/// One line of the table from its cells' texts, each with whether it is a figure; its
/// end included.
fn line<'a>(cells: impl IntoIterator<Item = (&'a str, bool)>, widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, ((text, numeric), width)) in cells.into_iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        let pad = " ".repeat(width.saturating_sub(text.width()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spooled_sheet_is_written_as_the_sheet_in_memory() {
        let sheet = Sheet {
            name: "台账".into(),
            title: "老王调解工作室 案件台账".into(),
            headers: vec!["序号".into(), "当事人".into(), "金额".into(), "备注".into()],
            widths: vec![6, 24, 12, 8],
            rows: vec![
                vec![
                    Cell::Count(1),
                    Cell::Text("巴彦淖尔市临河区某某供热有限责任公司".into()),
                    Cell::Money(123_456_789),
                    Cell::Empty,
                ],
                vec![
                    Cell::Count(2),
                    Cell::Text("说\t\"好\"\r\n再谈 l r".into()),
                    Cell::Empty,
                    Cell::NotAvailable,
                ],
                vec![Cell::Count(3), Cell::Text(String::new())],
                Vec::new(),
            ],
            notes: vec!["注：".into()],
        };
        let frame = sheet.frame();
        let mut spool = Spool::new(&frame, None).unwrap();
        for row in &sheet.rows {
            spool.add(row).unwrap();
        }
        let out = spool.write_to(Vec::new(), &frame).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), text(&[sheet]));
    }
}
