//! The terminal writer: ratatui's `Backend`, writing as few bytes as the screen allows.
//!
//! Over a slow SSH link every byte of a frame is a wait. ratatui's crossterm backend
//! forgets the terminal between frames: it ends every frame with a reset of all colours
//! and emphasis (`ESC[39m ESC[49m ESC[59m ESC[0m`), hides the cursor again every frame,
//! writes the 16 colours in their 256-colour form, and moves the cursor before every cell
//! that follows a wide (Chinese) character. This writer keeps what the terminal has:
//!
//! - the pen (colours and emphasis), across frames, changed by one shortest sequence
//!   (`sgr`) only where a cell needs another;
//! - the cursor, moved only when the next cell does not follow the last one (after a
//!   Chinese character that is two columns on), by the shortest sequence (`moves`);
//! - whether the cursor is shown, so hiding it is written once;
//! - where wide characters are, so that runs of blanks can be erased (ECH) without
//!   cutting one in two (`cells`, which writes a frame's cells).
//!
//! What it keeps must be true, so it forgets it where something else may have changed the
//! terminal: a clear (after a resize, after 本机打印) resets the pen first — terminals fill
//! cleared cells with the current background — and moves absolutely afterwards; and the
//! pen is reset wherever the terminal is handed back (`release`, and `tui::plain_pen` on
//! exit, on a signal and in the panic hook), so the shell's prompt gets normal colours
//! even on a terminal without an alternate screen (the Linux console).

use super::cells::{Known, Wides};
use super::moves::cursor_to;
use super::sgr::Pen;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::io::{self, Write};

/// The SGR reset, written where the terminal is handed back.
pub const RESET: &[u8] = b"\x1b[m";

/// A `Backend` that remembers the terminal's pen, cursor and cursor visibility.
pub struct Writer<W: Write> {
    out: W,
    /// The pen and the cursor: not known at start, after a clear (the cursor), after a
    /// release (both), after a character of no width (the cursor). `get_cursor_position`
    /// answers from it: ratatui asks only when it clears the screen, to put the cursor
    /// back; asking the terminal (`ESC [ 6 n`) waits for its answer, and crossterm gave up
    /// after two seconds and the program ended — over a slow SSH link or in a storm of
    /// resizes. The screen is the program's whole: what was last written is answer enough.
    known: Known,
    /// Where wide characters are on screen, so that an erase never cuts one in two.
    wides: Wides,
    /// Whether the cursor is shown; None when not known.
    shown: Option<bool>,
    /// The size to answer instead of asking the terminal (tests).
    fixed_size: Option<Size>,
    /// One frame's bytes, written to `out` in one piece.
    frame: Vec<u8>,
}

impl<W: Write> Writer<W> {
    /// A writer to `out`, knowing nothing of the terminal yet.
    pub fn new(out: W) -> Writer<W> {
        Writer {
            out,
            known: Known::NOTHING,
            wides: Wides::unknown(),
            shown: None,
            fixed_size: None,
            frame: Vec::with_capacity(8 * 1024),
        }
    }

    /// A writer for a screen of `size` that never asks the terminal (tests).
    #[cfg(test)]
    pub fn with_size(out: W, size: Size) -> Writer<W> {
        Writer {
            fixed_size: Some(size),
            ..Writer::new(out)
        }
    }

    /// Hands the terminal to another writer (本机打印): the pen is reset and everything
    /// is flushed; what the terminal has afterwards is not known.
    pub fn release(&mut self) -> io::Result<()> {
        if self.known.pen != Some(Pen::PLAIN) {
            self.out.write_all(RESET)?;
        }
        self.known.pen = None;
        self.known.cursor = None;
        self.wides = Wides::unknown();
        self.out.flush()
    }

    /// The bytes written so far (tests).
    #[cfg(test)]
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// Writes the reset the terminal needs before it erases: cleared cells take the current
    /// background colour on most terminals (xterm, PuTTY, the Linux console).
    fn plain_pen(&mut self) -> io::Result<()> {
        if self.known.pen != Some(Pen::PLAIN) {
            self.out.write_all(RESET)?;
            self.known.pen = Some(Pen::PLAIN);
        }
        Ok(())
    }
}

impl<W: Write> Backend for Writer<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut frame = std::mem::take(&mut self.frame);
        frame.clear();
        self.known.draw(content, &mut self.wides, &mut frame);
        let written = self.out.write_all(&frame);
        self.frame = frame;
        written
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.out.write_all(b"\n")?;
        }
        self.known.cursor = None;
        self.wides = Wides::unknown();
        self.out.flush()
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.shown != Some(false) {
            self.out.write_all(b"\x1b[?25l")?;
            self.shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.shown != Some(true) {
            self.out.write_all(b"\x1b[?25h")?;
            self.shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.known.cursor.unwrap_or(self.known.last))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        let mut bytes = Vec::with_capacity(10);
        cursor_to(self.known.cursor, position, &mut bytes);
        self.out.write_all(&bytes)?;
        self.known.cursor = Some(position);
        self.known.last = position;
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.plain_pen()?;
        let erase: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.out.write_all(erase)?;
        // After a resize the terminal may have moved the cursor on its own.
        self.known.cursor = None;
        self.wides = if clear_type == ClearType::All {
            Wides::none()
        } else {
            Wides::unknown()
        };
        self.out.flush()
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.fixed_size {
            return Ok(size);
        }
        let (width, height) = crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests;
