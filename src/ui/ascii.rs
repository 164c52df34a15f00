//! The ASCII mode for terminals set to draw "ambiguous-width" characters wide (a common
//! PuTTY/Xshell setting for Chinese): box-drawing lines, arrows, markers and the ellipsis
//! then take two cells and push Chinese text out of line. After a frame is drawn, every
//! such character is swapped for a one-cell ASCII look-alike, so each screen keeps its
//! layout without knowing about the mode.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthChar;

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
        // The app names its own arrow keys in words (`i18n::arrows`); an up or down arrow
        // left here came from typed data, and `^`/`v` would read as keys (`v` is 记录回访).
        '▲' | '▼' | '↑' | '↓' => "|",
        // Dashes of time ranges (09:00–10:00) and of empty values.
        '–' | '—' | '―' | '‐' | '‑' | '‒' => "-",
        '…' => "~",
        // The middle dot of names (额尔德木图·巴特尔) stays a dot, so the name still reads as one.
        '·' | '・' => ".",
        '•' | '●' | '○' | '◆' | '◇' | '■' | '□' | '★' | '☆' => "*",
        '“' | '”' | '″' => "\"",
        '‘' | '’' | '′' => "'",
        '×' => "x",
        '÷' => "/",
        '±' => "+",
        '✓' | '✔' => "v",
        '█' | '▇' | '▆' | '▅' | '▄' | '▃' | '▂' | '▁' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏'
        | '░' | '▒' | '▓' => "#",
        '°' => "o",
        '§' => "S",
        _ => return None,
    })
}

/// True for a symbol some terminals draw one cell wide and others two (East Asian Width
/// "ambiguous"): the characters `--ascii` must never leave on screen.
pub fn is_ambiguous(symbol: &str) -> bool {
    symbol
        .chars()
        .any(|c| c.width() != c.width_cjk() && !c.is_control())
}

/// Replaces every ambiguous-width symbol in the buffer by its ASCII stand-in, or by `?`
/// when it has none (a circled number typed into the facts, say): a shifted border is worse.
pub fn asciify(buffer: &mut Buffer) {
    for cell in buffer.content.iter_mut() {
        if let Some(ascii) = stand_in(cell.symbol()) {
            cell.set_symbol(ascii);
        } else if is_ambiguous(cell.symbol()) {
            cell.set_symbol("?");
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
        for c in "─│┌┐└┘├┤▶‹›→▲▼…·“”×✓█░–—↑↓".chars()
        {
            let s = stand_in(&c.to_string()).unwrap_or_else(|| panic!("{c} has no stand-in"));
            assert!(s.is_ascii() && s.width() == 1, "{c} → {s}");
            assert!(
                s != "^" && s != "v" || !"↑↓▲▼".contains(c),
                "{c} would read as a key"
            );
        }
        assert_eq!(stand_in("·"), Some("."));
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

    #[test]
    fn dashes_dots_and_quotes_of_data_become_ascii_and_nothing_ambiguous_stays() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 30, 1));
        let data = "09:00–10:00—巴特尔·额尔“甲”①";
        buffer.set_string(0, 0, data, ratatui::style::Style::default());
        asciify(&mut buffer);
        let row: String = buffer.content.iter().map(|c| c.symbol()).collect();
        // A wide character's second cell reads as a space here.
        assert_eq!(row.replace(' ', ""), "09:00-10:00-巴特尔.额尔\"甲\"?");
        assert!(!buffer.content.iter().any(|c| is_ambiguous(c.symbol())));
    }
}
