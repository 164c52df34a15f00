//! Writing the ledger (台账) as its cases are read: each case becomes its row and is
//! written at once, so no format holds the ledger whole. The caller hands the cases (it
//! reads them from storage in one read transaction). The text table's first line needs
//! every column's width, so its rows wait in a temporary file ([`Spool`]) until the last.

use super::ledger::ledger_row;
use super::txt::Spool;
use super::xlsx::StreamedBook;
use super::{Cell, Frame, csv::CsvWriter};
use crate::domain::agreement::AgreementKind;
use crate::domain::case::Case;
use crate::domain::org::Mediator;
use std::io::{Seek, Write};

/// A callback that takes each case of the ledger, in order.
pub type Each<'a, E> = dyn FnMut(Case, Option<AgreementKind>) -> Result<(), E> + 'a;

/// The ledger's cases: each call hands every case, in the ledger's order, to the
/// callback it is given, and stops at the callback's first error.
pub type Cases<'a, E> = dyn FnMut(&mut Each<'_, E>) -> Result<(), E> + 'a;

/// What every ledger writer needs besides its cases.
pub struct Ledger<'a> {
    /// Title, headers and notes.
    pub frame: Frame,
    /// The room's mediators, for their names.
    pub mediators: &'a [Mediator],
    /// Full ID numbers and phones (an administrator's `--unmasked`).
    pub unmasked: bool,
    /// Where a workbook's or a text table's rows wait until the end (the output's
    /// folder: the same disk, rather than a /tmp that may be memory); `None`: the
    /// system's temporary folder.
    pub scratch: Option<&'a std::path::Path>,
}

impl Ledger<'_> {
    /// Hands each row of the ledger, numbered from 1, to `write`.
    fn rows<E>(
        &self,
        cases: &mut Cases<'_, E>,
        mut write: impl FnMut(&[Cell]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut seq = 0;
        cases(&mut |case, agreement| {
            seq += 1;
            write(&ledger_row(
                seq,
                &case,
                agreement,
                self.mediators,
                self.unmasked,
            ))
        })
    }

    /// Writes the ledger as aligned text to `out`; `fail` words a write error.
    pub fn text<W: Write, E>(
        &self,
        out: W,
        cases: &mut Cases<'_, E>,
        fail: impl Fn(std::io::Error) -> E,
    ) -> Result<W, E> {
        let mut spool = Spool::new(&self.frame, self.scratch).map_err(&fail)?;
        self.rows(cases, |row| spool.add(row).map_err(&fail))?;
        spool.write_to(out, &self.frame).map_err(fail)
    }

    /// Writes the ledger as CSV (BOM first) to `out`; `fail` words a write error.
    pub fn csv<W: Write, E>(
        &self,
        out: W,
        cases: &mut Cases<'_, E>,
        fail: impl Fn(std::io::Error) -> E,
    ) -> Result<W, E> {
        let mut csv = CsvWriter::new(out).map_err(&fail)?;
        csv.begin(&self.frame).map_err(&fail)?;
        self.rows(cases, |row| csv.row(row).map_err(&fail))?;
        csv.notes(&self.frame.notes).map_err(&fail)?;
        Ok(csv.into_inner())
    }

    /// Writes the ledger as an .xlsx workbook to `out`; `fail` words a write error.
    pub fn xlsx<W: Write + Seek + Send, E>(
        &self,
        out: W,
        cases: &mut Cases<'_, E>,
        fail: impl Fn(std::io::Error) -> E,
    ) -> Result<(), E> {
        let xlsx = |e: rust_xlsxwriter::XlsxError| fail(std::io::Error::other(e.to_string()));
        let mut book = StreamedBook::begin(&self.frame, self.scratch).map_err(xlsx)?;
        self.rows(cases, |row| book.row(row).map_err(xlsx))?;
        book.finish(&self.frame.notes, out).map_err(xlsx)
    }
}
