//! The shortest cursor move from where the terminal's cursor is to where the next cell goes.
//!
//! Only CSI sequences are used, never CR or LF: PuTTY and Xshell can be set to add a line
//! feed to every CR or a CR to every LF ("implicit CR/LF"), which would move the cursor
//! elsewhere. Relative moves are used only where the column is sure: after a character in
//! the last column the terminal holds the cursor there with a wrap pending, and terminals
//! differ in where a relative move then goes. In that state the column we count (the
//! screen's width) is never a target's column, so moves from it are always absolute
//! (CUP `H`, or CHA `G` on the same row), which every terminal takes the same way.

use ratatui::layout::Position;

/// Appends to `out` the shortest sequence that moves the cursor from `from` (None: not
/// known) to `to`; nothing when it is already there.
pub fn cursor_to(from: Option<Position>, to: Position, out: &mut Vec<u8>) {
    let Some(from) = from else {
        absolute(to, out);
        return;
    };
    if from == to {
        return;
    }
    let mut best = Vec::with_capacity(10);
    absolute(to, &mut best);
    let mut other = Vec::with_capacity(10);
    if from.y == to.y {
        // CHA: the column on this row.
        csi(&mut other, to.x + 1, 1, b'G');
        keep_shorter(&mut best, &mut other);
        if to.x > from.x {
            csi(&mut other, to.x - from.x, 1, b'C');
            keep_shorter(&mut best, &mut other);
        }
    } else if from.x == to.x {
        // VPA: the row in this column; CUU/CUD: up or down so many rows.
        csi(&mut other, to.y + 1, 1, b'd');
        keep_shorter(&mut best, &mut other);
        if to.y > from.y {
            csi(&mut other, to.y - from.y, 1, b'B');
        } else {
            csi(&mut other, from.y - to.y, 1, b'A');
        }
        keep_shorter(&mut best, &mut other);
    }
    out.extend_from_slice(&best);
}

/// CUP: row and column, 1-based; a trailing 1 is left out (`ESC [ 5 H`, `ESC [ H`), a
/// leading one is not (an empty first parameter is where old terminals differ).
fn absolute(to: Position, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x1b[");
    if to.y > 0 || to.x > 0 {
        decimal(out, to.y + 1);
    }
    if to.x > 0 {
        out.push(b';');
        decimal(out, to.x + 1);
    }
    out.push(b'H');
}

/// `ESC [ n final`, with `n` left out when it is the default.
fn csi(out: &mut Vec<u8>, n: u16, default: u16, last: u8) {
    out.extend_from_slice(b"\x1b[");
    if n != default {
        decimal(out, n);
    }
    out.push(last);
}

fn keep_shorter(best: &mut Vec<u8>, other: &mut Vec<u8>) {
    if other.len() < best.len() {
        std::mem::swap(best, other);
    }
    other.clear();
}

fn decimal(out: &mut Vec<u8>, n: u16) {
    let mut digits = [0u8; 5];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(from: Option<(u16, u16)>, to: (u16, u16)) -> String {
        let mut out = Vec::new();
        cursor_to(from.map(Position::from), Position::from(to), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn each_move_is_the_shortest_sequence() {
        assert_eq!(mv(Some((3, 4)), (3, 4)), "");
        assert_eq!(mv(None, (0, 0)), "\x1b[H");
        assert_eq!(mv(None, (0, 9)), "\x1b[10H");
        assert_eq!(mv(None, (5, 9)), "\x1b[10;6H");
        assert_eq!(mv(None, (5, 0)), "\x1b[1;6H");
        // Same row: forward by one, or the column.
        assert_eq!(mv(Some((3, 4)), (4, 4)), "\x1b[C");
        assert_eq!(mv(Some((3, 4)), (40, 4)), "\x1b[41G");
        assert_eq!(mv(Some((3, 4)), (12, 4)), "\x1b[9C");
        assert_eq!(mv(Some((70, 4)), (1, 4)), "\x1b[2G");
        assert_eq!(mv(Some((70, 4)), (0, 4)), "\x1b[G");
        // Same column: down or up.
        assert_eq!(mv(Some((1, 4)), (1, 5)), "\x1b[B");
        assert_eq!(mv(Some((1, 14)), (1, 12)), "\x1b[2A");
        // Elsewhere: row and column.
        assert_eq!(mv(Some((1, 4)), (2, 5)), "\x1b[6;3H");
        assert_eq!(mv(Some((1, 4)), (0, 22)), "\x1b[23H");
    }

    #[test]
    fn after_the_last_column_the_move_is_absolute() {
        // 80 columns: the cursor counted at 80 waits to wrap; the next cell on the same
        // row (CHA) or anywhere else (CUP) is reached without a relative move.
        assert_eq!(mv(Some((80, 4)), (1, 4)), "\x1b[2G");
        assert_eq!(mv(Some((80, 4)), (0, 5)), "\x1b[6H");
    }
}
