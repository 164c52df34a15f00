//! The terminal backend: ratatui's crossterm backend, with one saving for Chinese text.
//!
//! The crossterm backend moves the cursor before every cell that does not follow the last
//! one by exactly one column. After a wide character (two columns) the next cell is two
//! columns on, so each Chinese character of a changed row cost a cursor move
//! (`ESC [ row ; col H`, 6–8 bytes) — most of the ~500 bytes of one cursor move in the
//! case list at 80×24. This wrapper tells the backend where the terminal's cursor really
//! is after each character (its column plus its width): cells that follow on are handed
//! over as the very next column, so no move is written; cells that do not, with their true
//! place, so the move is written as before. Over slow SSH links every byte counts.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// `CrosstermBackend` writing fewer cursor moves after wide characters.
pub struct WideAware<W: Write> {
    inner: CrosstermBackend<W>,
    /// Where the terminal's cursor is, as far as this backend moved it. ratatui asks for
    /// the cursor when it clears the screen (after a resize, after 本机打印), only to put
    /// it back. Asking the terminal (`ESC [ 6 n`) waits for its answer: crossterm gives up
    /// after two seconds and the program ended — over a slow SSH link or in a storm of
    /// resizes. The screen is the program's whole and the cursor hidden, so what was last
    /// written is answer enough.
    cursor: Position,
}

impl<W: Write> WideAware<W> {
    /// Wraps a crossterm backend writing to `writer`.
    pub fn new(writer: W) -> WideAware<W> {
        WideAware {
            inner: CrosstermBackend::new(writer),
            cursor: Position::ORIGIN,
        }
    }
}

/// The cells as the crossterm backend should see them (see the module comment), split
/// where a real move could be mistaken for a step of one column (in practice never: the
/// cell after a wide character is never drawn on its own).
pub fn batches<'a>(
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> Vec<Vec<(u16, u16, &'a Cell)>> {
    let mut out = vec![Vec::new()];
    // Where the terminal's cursor is after the last cell, and where that cell was said to be.
    let mut cursor: Option<(u16, u16)> = None;
    let mut told: Option<(u16, u16)> = None;
    for (x, y, cell) in content {
        let place = match told {
            Some((tx, ty)) if cursor == Some((x, y)) => (tx.saturating_add(1), ty),
            Some((tx, ty)) if ty == y && tx.checked_add(1) == Some(x) => {
                // The backend would not move, but the cursor is elsewhere: start afresh.
                out.push(Vec::new());
                (x, y)
            }
            _ => (x, y),
        };
        if let Some(batch) = out.last_mut() {
            batch.push((place.0, place.1, cell));
        }
        told = Some(place);
        let width = cell.symbol().width().max(1) as u16;
        cursor = Some((x.saturating_add(width), y));
    }
    out
}

impl<W: Write> Backend for WideAware<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for batch in batches(content) {
            if let Some((x, y, cell)) = batch.last() {
                let width = cell.symbol().width().max(1) as u16;
                self.cursor = Position::new(x.saturating_add(width), *y);
                self.inner.draw(batch.into_iter())?;
            }
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.inner.set_cursor_position(position)?;
        self.cursor = position;
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::widgets::Paragraph;

    /// Clearing the screen (after a resize, after 本机打印) asks the backend where the
    /// cursor is. Asking the terminal (`ESC [ 6 n`) waits for its answer, and crossterm
    /// gives up after two seconds and the program ended — over a slow SSH link, or in a
    /// storm of resizes. The backend answers from what it last wrote instead.
    #[test]
    fn clearing_the_screen_never_asks_the_terminal_where_the_cursor_is() {
        let mut out = Vec::new();
        {
            let mut t = Terminal::new(WideAware::new(&mut out)).unwrap();
            t.backend_mut().set_cursor_position((3, 4)).unwrap();
            assert_eq!(
                t.backend_mut().get_cursor_position().unwrap(),
                Position::new(3, 4)
            );
            t.clear().unwrap();
        }
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("\x1b[6n"), "{text:?}");
    }

    fn frame_bytes(text: &str, wide_aware: bool) -> Vec<u8> {
        let draw = |f: &mut ratatui::Frame| {
            f.render_widget(Paragraph::new(text.to_string()), f.area());
        };
        let mut out = Vec::new();
        if wide_aware {
            let mut t = Terminal::with_options(
                WideAware::new(&mut out),
                ratatui::TerminalOptions {
                    viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 20, 2)),
                },
            )
            .unwrap();
            t.draw(draw).unwrap();
        } else {
            let mut t = Terminal::with_options(
                CrosstermBackend::new(&mut out),
                ratatui::TerminalOptions {
                    viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 20, 2)),
                },
            )
            .unwrap();
            t.draw(draw).unwrap();
        }
        out
    }

    /// The same screen on a terminal emulator, with and without the saving, and shorter.
    #[test]
    fn chinese_text_is_written_without_a_move_per_character_and_looks_the_same() {
        let text = "王秀兰诉张三 a 漏水\n第二行：调解中";
        let plain = frame_bytes(text, false);
        let wide = frame_bytes(text, true);
        let screen = |bytes: &[u8]| {
            let (rows, cols) = (
                std::num::NonZero::new(2).unwrap(),
                std::num::NonZero::new(20).unwrap(),
            );
            let mut p = vt100::Parser::new(rows, cols, 0);
            p.process(bytes);
            p.screen().contents()
        };
        assert_eq!(screen(&wide), screen(&plain));
        assert!(screen(&wide).contains("王秀兰诉张三 a 漏水"));
        assert!(
            wide.len() + 40 < plain.len(),
            "{} vs {}",
            wide.len(),
            plain.len()
        );
    }

    #[test]
    fn a_gap_is_still_a_move() {
        let a = Cell::new("王");
        let b = Cell::new("x");
        let c = Cell::new("y");
        // 王 at 0 (ends at 2), x at 2 follows on; y at 5 is elsewhere.
        let got = batches([(0, 0, &a), (2, 0, &b), (5, 0, &c)].into_iter());
        let places: Vec<_> = got.concat().iter().map(|(x, y, _)| (*x, *y)).collect();
        assert_eq!(places, [(0, 0), (1, 0), (5, 0)]);
        // Said to be at 1 after 王, the next real cell at 2 would look like a step: split.
        let got = batches([(0, 0, &a), (2, 0, &b), (3, 1, &c), (4, 1, &c)].into_iter());
        assert_eq!(got.len(), 1);
        let d = Cell::new("z");
        let got = batches([(0, 0, &a), (2, 0, &b), (2, 0, &d)].into_iter());
        assert_eq!(got.len(), 2, "{got:?}");
    }
}
