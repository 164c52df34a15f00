//! One frame's changed cells as bytes, from what the terminal has: its pen and its cursor.
//!
//! Each cell costs its character, plus a move only when it does not follow the last one
//! (after a Chinese character, the next cell is two columns on: no move), plus a pen
//! change only when its colours or emphasis differ. Blank cells that only show the
//! default background are erased in one go (ECH, `ESC [ n X`) where that is shorter: a row
//! that loses the highlight is mostly spaces, between its columns and up to the border.
//! A space written over half of a Chinese character clears the whole character, but an
//! erase may clear only the half it covers (tmux leaves the other half behind), so runs
//! that would cut a wide character on screen are written as spaces (`Wides`).

use super::moves::cursor_to;
use super::sgr::{Pen, change};
use ratatui::buffer::Cell;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use std::collections::HashSet;
use unicode_width::UnicodeWidthStr;

/// Where the wide characters on screen start, as this program wrote them; None when not
/// known (after a partial clear, or when another writer had the terminal).
#[derive(Debug, Default)]
pub struct Wides(Option<HashSet<Position>>);

impl Wides {
    /// An empty screen: no wide characters.
    pub fn none() -> Wides {
        Wides(Some(HashSet::new()))
    }

    /// Not known: no erase until the screen is cleared whole.
    pub fn unknown() -> Wides {
        Wides(None)
    }

    /// Whether erasing `run` cuts no wide character in two.
    fn erasable(&self, run: &Blanks) -> bool {
        let Some(starts) = &self.0 else {
            return false;
        };
        let (start, end) = (run.start, run.end());
        let before = start.x.checked_sub(1).map(|x| Position::new(x, start.y));
        let last = Position::new(end.x.saturating_sub(1), end.y);
        !before.is_some_and(|p| starts.contains(&p)) && !starts.contains(&last)
    }

    /// A character of `width` columns written at `place`: it replaces whatever it overlaps.
    fn wrote(&mut self, place: Position, width: u16) {
        let Some(starts) = &mut self.0 else {
            return;
        };
        if let Some(x) = place.x.checked_sub(1) {
            starts.remove(&Position::new(x, place.y));
        }
        for dx in 0..width.max(1) {
            starts.remove(&Position::new(place.x.saturating_add(dx), place.y));
        }
        if width > 1 {
            starts.insert(place);
        }
    }

    fn erased(&mut self, run: &Blanks) {
        if let Some(starts) = &mut self.0 {
            for x in run.start.x..run.end().x {
                starts.remove(&Position::new(x, run.start.y));
            }
        }
    }
}

/// What the terminal has, as far as this program wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// The pen the terminal writes with; None when not known.
    pub pen: Option<Pen>,
    /// Where the terminal's cursor is; None when not known.
    pub cursor: Option<Position>,
    /// Where the cursor was last put or left, known or not.
    pub last: Position,
}

impl Known {
    /// Nothing known: the next cell says its place and its pen in full.
    pub const NOTHING: Known = Known {
        pen: None,
        cursor: None,
        last: Position::ORIGIN,
    };

    /// Appends the bytes of `content` (ratatui's changed cells, in order) to `out`.
    pub fn draw<'a>(
        &mut self,
        content: impl Iterator<Item = (u16, u16, &'a Cell)>,
        wides: &mut Wides,
        out: &mut Vec<u8>,
    ) {
        let mut run: Option<Blanks> = None;
        for (x, y, cell) in content {
            let place = Position::new(x, y);
            let pen = Pen::of(cell);
            if cell.symbol() == " " && erases_alike(pen) {
                match &mut run {
                    Some(r) if r.end() == place => r.pens.push(pen),
                    _ => {
                        if let Some(r) = run.take() {
                            self.blanks(out, &r, Some(place), wides);
                        }
                        run = Some(Blanks {
                            start: place,
                            pens: vec![pen],
                        });
                    }
                }
                continue;
            }
            if let Some(r) = run.take() {
                self.blanks(out, &r, Some(place), wides);
            }
            let width = self.put(out, place, pen, cell.symbol());
            wides.wrote(place, width);
        }
        if let Some(r) = run.take() {
            self.blanks(out, &r, None, wides);
        }
    }

    /// One cell: the move to it if needed, the pen if it changes, the character; returns
    /// its width.
    fn put(&mut self, out: &mut Vec<u8>, place: Position, pen: Pen, symbol: &str) -> u16 {
        cursor_to(self.cursor, place, out);
        change(self.pen, pen, out);
        self.pen = Some(pen);
        out.extend_from_slice(symbol.as_bytes());
        let width = symbol.width() as u16;
        self.last = Position::new(place.x.saturating_add(width), place.y);
        // A character of no width may join the one before or not, by terminal.
        self.cursor = (width > 0).then_some(self.last);
        width
    }

    /// A run of blanks: written as spaces, or erased where that (with the move on to `next`,
    /// as ECH leaves the cursor at the run's start) is shorter.
    fn blanks(
        &mut self,
        out: &mut Vec<u8>,
        run: &Blanks,
        next: Option<Position>,
        wides: &mut Wides,
    ) {
        let mut written = Vec::new();
        let mut after_written = *self;
        for (i, pen) in run.pens.iter().enumerate() {
            let place = Position::new(run.start.x.saturating_add(i as u16), run.start.y);
            after_written.put(&mut written, place, *pen, " ");
        }
        if !wides.erasable(run) {
            out.extend_from_slice(&written);
            *self = after_written;
            wides.erased(run);
            return;
        }
        let mut erased = Vec::new();
        let mut after_erased = *self;
        after_erased.erase(&mut erased, run);
        let onwards = |known: &Known| {
            let mut m = Vec::new();
            if let Some(next) = next {
                cursor_to(known.cursor, next, &mut m);
            }
            m.len()
        };
        if erased.len() + onwards(&after_erased) < written.len() + onwards(&after_written) {
            out.extend_from_slice(&erased);
            *self = after_erased;
        } else {
            out.extend_from_slice(&written);
            *self = after_written;
        }
        // Spaces or an erase that cuts nothing: no wide character is left in the run.
        wides.erased(run);
    }

    /// Erases a run (ECH) with the pen the terminal has if it erases alike, else a plain one.
    fn erase(&mut self, out: &mut Vec<u8>, run: &Blanks) {
        cursor_to(self.cursor, run.start, out);
        let pen = match self.pen {
            Some(pen) if erases_alike(pen) => pen,
            _ => Pen::PLAIN,
        };
        change(self.pen, pen, out);
        self.pen = Some(pen);
        out.extend_from_slice(b"\x1b[");
        let count = run.pens.len();
        if count > 1 {
            out.extend_from_slice(count.to_string().as_bytes());
        }
        out.push(b'X');
        self.cursor = Some(run.start);
        self.last = run.end();
    }
}

/// Blank cells side by side in one row, with the pens they were to be written in.
struct Blanks {
    start: Position,
    pens: Vec<Pen>,
}

impl Blanks {
    fn end(&self) -> Position {
        let count = u16::try_from(self.pens.len()).unwrap_or(u16::MAX);
        Position::new(self.start.x.saturating_add(count), self.start.y)
    }
}

/// Whether a space in `pen` looks like an erased cell, whatever pen erases it (as long as
/// it erases alike too): a space shows only its background, and erasing fills with the
/// background only where the terminal does so (PuTTY can be set not to), so only the
/// default background; reverse, underline and strike-through show on a space.
fn erases_alike(pen: Pen) -> bool {
    pen.bg == Color::Reset
        && !pen
            .modifier
            .intersects(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT)
}
