//! The ASCII mode for terminals set to draw "ambiguous-width" characters wide (a common
//! PuTTY/Xshell setting for Chinese): box-drawing lines, arrows, markers and the ellipsis
//! then take two cells and push Chinese text out of line. After a frame is drawn, every
//! such character is swapped for a one-cell ASCII look-alike, so each screen keeps its
//! layout without knowing about the mode.

use ratatui::buffer::Buffer;

/// The ASCII stand-in for an ambiguous-width symbol, if it has one.
pub fn stand_in(symbol: &str) -> Option<&'static str> {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    Some(match c {
        '─' | '━' | '═' | '┄' | '┈' => "-",
        '│' | '┃' | '║' | '┆' | '┊' => "|",
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' | '╔' | '╗'
        | '╚' | '╝' | '╠' | '╣' | '╦' | '╩' | '╬' => "+",
        '▶' | '►' | '›' | '→' | '»' => ">",
        '◀' | '◄' | '‹' | '←' | '«' => "<",
        '▲' | '↑' => "^",
        '▼' | '↓' => "v",
        '…' => "~",
        '·' | '•' | '●' | '○' => "*",
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        '×' => "x",
        '✓' | '✔' => "v",
        '█' | '▇' | '▆' | '▅' | '▄' | '▃' | '▂' | '▁' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏'
        | '░' | '▒' | '▓' => "#",
        '°' => "o",
        _ => return None,
    })
}

/// Replaces every ambiguous-width symbol in the buffer by its ASCII stand-in.
pub fn asciify(buffer: &mut Buffer) {
    for cell in buffer.content.iter_mut() {
        if let Some(ascii) = stand_in(cell.symbol()) {
            cell.set_symbol(ascii);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn every_stand_in_is_one_cell_of_ascii() {
        for c in "─│┌┐└┘├┤▶‹›→▲▼…·“”×✓█░".chars() {
            let s = stand_in(&c.to_string()).unwrap_or_else(|| panic!("{c} has no stand-in"));
            assert!(s.is_ascii() && s.width() == 1, "{c} → {s}");
        }
        assert_eq!(stand_in("王"), None);
        assert_eq!(stand_in("（"), None);
    }

    #[test]
    fn a_drawn_box_becomes_ascii_and_chinese_stays() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "┌王…▶┐", ratatui::style::Style::default());
        asciify(&mut buffer);
        let row: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(row, "+王 ~>+");
    }
}
