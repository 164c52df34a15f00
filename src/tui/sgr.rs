//! The terminal's pen (colours and emphasis) and the shortest SGR sequence (`ESC [ … m`)
//! that changes it from what the terminal has to what a cell needs.
//!
//! ratatui's crossterm backend writes the 16 colours in their 256-colour form
//! (`38;5;6`, 6 bytes, where `36` does) and fg, bg and each emphasis as sequences of
//! their own. Here one sequence carries every change, each colour in its shortest form,
//! and a reset (`0`) is used when starting afresh is shorter than undoing.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// What the terminal writes characters with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

impl Pen {
    /// The terminal's own colours, no emphasis: what `ESC [ 0 m` gives.
    pub const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// The pen a cell is written with.
    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// Emphasis codes in the order crossterm writes them (the order matters only for bold and
/// dim, which some terminals, like the `vt100` crate, keep as one setting).
const ON: [(Modifier, u8); 9] = [
    (Modifier::REVERSED, 7),
    (Modifier::BOLD, 1),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::DIM, 2),
    (Modifier::CROSSED_OUT, 9),
    (Modifier::HIDDEN, 8),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
];

/// Appends to `out` the one sequence that turns the pen `from` (None: not known, as after
/// another program wrote) into `to`; nothing when they are the same.
pub fn change(from: Option<Pen>, to: Pen, out: &mut Vec<u8>) {
    if from == Some(to) {
        return;
    }
    let mut fresh = Vec::with_capacity(24);
    afresh(to, &mut fresh);
    let params = match from {
        Some(from) => {
            let mut step = Vec::with_capacity(24);
            undo_and_add(from, to, &mut step);
            if step.len() < fresh.len() {
                step
            } else {
                fresh
            }
        }
        None => fresh,
    };
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(&params);
    out.push(b'm');
}

/// The parameters of a reset followed by everything `to` has; a bare reset is `ESC [ m`.
fn afresh(to: Pen, out: &mut Vec<u8>) {
    if to == Pen::PLAIN {
        return;
    }
    out.push(b'0');
    for (modifier, code) in ON {
        if to.modifier.contains(modifier) {
            param(out, code);
        }
    }
    if to.fg != Color::Reset {
        color(out, to.fg, false);
    }
    if to.bg != Color::Reset {
        color(out, to.bg, true);
    }
}

/// The parameters that undo what `from` has and `to` has not, then add the rest.
fn undo_and_add(from: Pen, to: Pen, out: &mut Vec<u8>) {
    let removed = from.modifier - to.modifier;
    let mut added = to.modifier - from.modifier;
    if removed.contains(Modifier::REVERSED) {
        param(out, 27);
    }
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        // One code (22) ends both bold and dim: whichever stays is put back.
        param(out, 22);
        added |= to.modifier & (Modifier::BOLD | Modifier::DIM);
    }
    for (modifier, code) in [
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::CROSSED_OUT, 29),
        (Modifier::HIDDEN, 28),
    ] {
        if removed.contains(modifier) {
            param(out, code);
        }
    }
    let blink = Modifier::SLOW_BLINK | Modifier::RAPID_BLINK;
    if removed.intersects(blink) {
        // One code (25) ends both kinds of blinking.
        param(out, 25);
        added |= to.modifier & blink;
    }
    for (modifier, code) in ON {
        if added.contains(modifier) {
            param(out, code);
        }
    }
    if from.fg != to.fg {
        color(out, to.fg, false);
    }
    if from.bg != to.bg {
        color(out, to.bg, true);
    }
}

/// One parameter, after a `;` if others came before.
fn param(out: &mut Vec<u8>, code: u8) {
    if !out.is_empty() {
        out.push(b';');
    }
    number(out, code);
}

fn number(out: &mut Vec<u8>, n: u8) {
    if n >= 100 {
        out.push(b'0' + n / 100);
    }
    if n >= 10 {
        out.push(b'0' + n / 10 % 10);
    }
    out.push(b'0' + n % 10);
}

/// A colour's parameters: the 16 basic colours as 30–37/90–97 (40–47/100–107 behind),
/// what `--color 16` promises; indexed and RGB colours as the 256-colour and true-colour
/// forms they are.
fn color(out: &mut Vec<u8>, color: Color, background: bool) {
    let base = if background { 10 } else { 0 };
    let basic = |i: u8| if i < 8 { 30 + i } else { 90 + i - 8 };
    let code = match color {
        Color::Reset => 39,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => basic(8),
        Color::LightRed => basic(9),
        Color::LightGreen => basic(10),
        Color::LightYellow => basic(11),
        Color::LightBlue => basic(12),
        Color::LightMagenta => basic(13),
        Color::LightCyan => basic(14),
        Color::White => basic(15),
        Color::Indexed(i) => {
            param(out, 38 + base);
            param(out, 5);
            param(out, i);
            return;
        }
        Color::Rgb(r, g, b) => {
            param(out, 38 + base);
            for n in [2, r, g, b] {
                param(out, n);
            }
            return;
        }
    };
    param(out, code + base);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(from: Option<Pen>, to: Pen) -> String {
        let mut out = Vec::new();
        change(from, to, &mut out);
        String::from_utf8(out).unwrap()
    }

    fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
        Pen { fg, bg, modifier }
    }

    #[test]
    fn the_highlight_is_one_short_sequence_in_16_colour_form() {
        let selected = pen(Color::Black, Color::Cyan, Modifier::empty());
        assert_eq!(seq(Some(Pen::PLAIN), selected), "\x1b[30;46m");
        // Back to plain: a bare reset is shorter than 39;49.
        assert_eq!(seq(Some(selected), Pen::PLAIN), "\x1b[m");
        assert_eq!(seq(Some(Pen::PLAIN), Pen::PLAIN), "");
        let dim = pen(Color::DarkGray, Color::Reset, Modifier::empty());
        assert_eq!(seq(Some(Pen::PLAIN), dim), "\x1b[90m");
        let white_on_blue = pen(Color::White, Color::LightBlue, Modifier::BOLD);
        assert_eq!(seq(Some(Pen::PLAIN), white_on_blue), "\x1b[1;97;104m");
    }

    #[test]
    fn undoing_uses_the_shorter_of_a_reset_and_the_undo_codes() {
        let bold_red = pen(Color::Red, Color::Reset, Modifier::BOLD);
        let red = pen(Color::Red, Color::Reset, Modifier::empty());
        // 22 is shorter than 0;31.
        assert_eq!(seq(Some(bold_red), red), "\x1b[22m");
        let reversed_bold = pen(
            Color::Reset,
            Color::Reset,
            Modifier::REVERSED | Modifier::BOLD,
        );
        let bold = pen(Color::Reset, Color::Reset, Modifier::BOLD);
        assert_eq!(seq(Some(reversed_bold), bold), "\x1b[27m");
        // Dropping bold, keeping dim: 22 ends both, so dim is put back.
        let both = pen(Color::Reset, Color::Reset, Modifier::BOLD | Modifier::DIM);
        let dim = pen(Color::Reset, Color::Reset, Modifier::DIM);
        assert_eq!(seq(Some(both), dim), "\x1b[0;2m");
    }

    #[test]
    fn an_unknown_pen_starts_from_a_reset() {
        let selected = pen(Color::Black, Color::Cyan, Modifier::empty());
        assert_eq!(seq(None, selected), "\x1b[0;30;46m");
        assert_eq!(seq(None, Pen::PLAIN), "\x1b[m");
        let rgb = pen(Color::Rgb(1, 2, 3), Color::Indexed(200), Modifier::ITALIC);
        assert_eq!(seq(None, rgb), "\x1b[0;3;38;2;1;2;3;48;5;200m");
    }
}
