//! Text rules every layer shares, pure: escaping control characters, widths in terminal
//! cells, and the one Chinese line breaker (禁则) the documents, the screens and the
//! status line use. Imports nothing of the app, documents, ratatui or storage.

pub mod linebreak;

use std::borrow::Cow;

/// One line of user text: control characters (ESC, BEL …) become `�`, line breaks spaces.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(clean_char).collect())
}

/// One character as [`clean`] shows it (one character in, one out, so indices still match).
pub fn clean_char(c: char) -> char {
    if c == '\n' || c == '\t' {
        ' '
    } else if c.is_control() {
        '\u{FFFD}'
    } else {
        c
    }
}

/// Display width of one character in terminal cells.
pub fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `text` broken by the line breaker into lines of at most `max` cells, at most `rows` of
/// them; when it goes on, the last line ends with `…` (cut to make room for it).
pub fn lines_within(text: &str, max: usize, rows: usize) -> Vec<String> {
    let max = max.max(2);
    let measure = |c: char| u32::try_from(char_width(c)).unwrap_or(0);
    let mut lines = linebreak::break_lines(
        &clean(text),
        u32::try_from(max).unwrap_or(u32::MAX),
        &measure,
    );
    let rows = rows.max(1);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let mut used: usize = last.chars().map(char_width).sum();
            while used + 1 > max {
                let Some(c) = last.pop() else { break };
                used -= char_width(c);
            }
            last.push('…');
        }
    }
    lines
}
