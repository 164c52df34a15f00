//! Text from the database or the user, made safe and fitting for the terminal: control
//! characters are shown escaped, never written raw; widths count wide (Chinese) cells.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// One line of user text: control characters (ESC, BEL …) become `�`, line breaks spaces.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c == '\n' || c == '\t' {
                    ' '
                } else if c.is_control() {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// Several lines of user text: keeps line breaks, escapes every other control character.
pub fn clean_lines(text: &str) -> Vec<String> {
    text.lines().map(|l| clean(l).into_owned()).collect()
}

/// Display width in terminal cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` cells, ending with `…` when cut; never splits a wide char.
pub fn fit(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_in_user_data_never_reach_the_terminal_raw() {
        assert_eq!(clean("张三\u{1b}[2J\u{7}"), "张三\u{FFFD}[2J\u{FFFD}");
        assert_eq!(clean("第一行\n第二行"), "第一行 第二行");
        assert!(matches!(clean("王秀兰"), Cow::Borrowed(_)));
        assert_eq!(clean_lines("一\n二\u{1b}"), ["一", "二\u{FFFD}"]);
    }

    #[test]
    fn fitting_counts_chinese_as_two_cells_and_never_splits_one() {
        assert_eq!(width("王秀兰ab"), 8);
        assert_eq!(fit("王秀兰ab", 8), "王秀兰ab");
        assert_eq!(fit("王秀兰ab", 6), "王秀…");
        assert_eq!(fit("王秀兰ab", 5), "王秀…");
        assert_eq!(width(&fit("王秀兰ab", 4)), 3);
    }
}
