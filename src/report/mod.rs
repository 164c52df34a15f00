//! Reports for the judicial office: the statistics table and the case ledger (台账) as
//! plain tables ([`Sheet`]) built from domain values, then written as text, CSV (UTF-8
//! with BOM, so Excel reads the Chinese right) or .xlsx. No SQL and no terminal here:
//! callers read storage and pass the values in. A sheet too long to hold (the ledger of
//! 100,000 cases) is written a row at a time between its [`Frame`]'s head and notes.

pub mod csv;
pub mod ledger;
pub mod ledger_stream;
pub mod stats_sheet;
pub mod txt;
pub mod xlsx;

use chrono::NaiveDate;

/// One cell, typed so that the .xlsx gets numbers, money and dates, not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A count.
    Count(u64),
    /// Money in fen, shown as yuan with two decimals.
    Money(i64),
    /// A rate in tenths of a percent; none when it cannot be computed (nothing mediated).
    Permille(Option<u64>),
    /// A day.
    Date(NaiveDate),
    /// Nothing.
    Empty,
    /// A figure this version cannot give yet (agreements come with a later issue).
    NotAvailable,
}

impl Cell {
    /// The cell as text (text and CSV writers; the xlsx writer keeps the type).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Money(fen) => {
                let sign = if *fen < 0 { "-" } else { "" };
                let abs = fen.unsigned_abs();
                format!("{sign}{}.{:02}", abs / 100, abs % 100)
            }
            Cell::Permille(Some(p)) => format!("{}.{}%", p / 10, p % 10),
            Cell::Permille(None) | Cell::NotAvailable => "—".into(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A table with a title, a header row and typed rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The worksheet's name (short; Excel allows 31 characters).
    pub name: String,
    /// A line above the table (room and period).
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Column widths in display cells (CJK counts 2).
    pub widths: Vec<u16>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// Lines below the table (what is not yet available, how figures were counted).
    pub notes: Vec<String>,
}

/// A sheet without its rows: what a writer needs before the first row and after the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The worksheet's name (short; Excel allows 31 characters).
    pub name: String,
    /// A line above the table (room and period).
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Column widths in display cells (CJK counts 2).
    pub widths: Vec<u16>,
    /// Lines below the table.
    pub notes: Vec<String>,
}

impl Sheet {
    /// The sheet's frame (its rows are written between its head and notes).
    pub fn frame(&self) -> Frame {
        Frame {
            name: self.name.clone(),
            title: self.title.clone(),
            headers: self.headers.clone(),
            widths: self.widths.clone(),
            notes: self.notes.clone(),
        }
    }
}
