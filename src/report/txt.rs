//! Sheets as aligned plain text for a terminal or a printer: columns padded by display
//! width, so Chinese headers line up with the figures under them.

use super::{Cell, Sheet};
use unicode_width::UnicodeWidthStr;

/// The text of `sheets`, one after another.
pub fn text(sheets: &[Sheet]) -> String {
    let mut out = String::new();
    for sheet in sheets {
        out.push_str(&sheet.title);
        out.push('\n');
        let rows: Vec<Vec<String>> = sheet
            .rows
            .iter()
            .map(|r| r.iter().map(|c| clean(&c.text())).collect())
            .collect();
        let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.width()).collect();
        for row in &rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.width());
                }
            }
        }
        push_row(&mut out, &sheet.headers, &widths, &[]);
        for (row, cells) in rows.iter().zip(&sheet.rows) {
            push_row(&mut out, row, &widths, cells);
        }
        for note in &sheet.notes {
            out.push_str(note);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn push_row(out: &mut String, cells: &[String], widths: &[usize], typed: &[Cell]) {
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
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Control characters and line breaks from the database become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
