//! Text from the database or the user, made safe and fitting for the terminal: control
//! characters are shown escaped, never written raw; widths count wide (Chinese) cells.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

pub use crate::text::{char_width, clean, clean_char};

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

/// Shortens the pieces of one line, joined by `sep` cells, to fit `max` cells: the pieces
/// named in `shrink` give up their width in that order (a piece too short to say anything
/// is left out); the others keep theirs — a list line shortens party names long before it
/// cuts a case number.
pub fn squeeze(pieces: &mut [String], shrink: &[usize], sep: usize, max: usize) {
    const SHORTEST: usize = 4;
    let total = |pieces: &[String]| -> usize {
        let shown: Vec<&String> = pieces.iter().filter(|p| !p.is_empty()).collect();
        shown.iter().map(|p| width(p)).sum::<usize>() + sep * shown.len().saturating_sub(1)
    };
    for &i in shrink {
        let over = total(pieces).saturating_sub(max);
        if over == 0 {
            break;
        }
        let Some(piece) = pieces.get_mut(i) else {
            continue;
        };
        let keep = width(piece).saturating_sub(over);
        *piece = if keep >= SHORTEST {
            fit(piece, keep).into_owned()
        } else {
            String::new()
        };
    }
}

/// Breaks text into lines of at most `max` cells with the documents' line breaker
/// (禁则; numbers, amounts and dates kept whole); `\n` starts a new line. Control
/// characters are escaped as by [`clean`].
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = u32::try_from(max.max(2)).unwrap_or(u32::MAX);
    let measure = |c: char| u32::try_from(char_width(c)).unwrap_or(0);
    text.split('\n')
        .flat_map(|p| crate::text::linebreak::break_lines(&clean(p), max, &measure))
        .collect()
}

/// A mark that must not begin a line (，。）」 …): it stays with the character before it.
pub fn closing_mark(c: char) -> bool {
    crate::text::linebreak::NO_LINE_START.contains(c)
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
    fn squeezing_shortens_the_named_pieces_first_and_keeps_the_others_whole() {
        let number = "（2026）临新人调字第41号".to_string();
        let mut pieces = vec![
            "09:30–11:00".to_string(),
            "额尔德木图·巴特尔、巴彦淖尔市恒泰供热有限公司、王秀兰".to_string(),
            number.clone(),
            "王建国".to_string(),
        ];
        squeeze(&mut pieces, &[1], 2, 56);
        assert_eq!(pieces[2], number);
        assert!(pieces[1].ends_with('…'));
        let line = pieces.join("  ");
        assert!(width(&line) <= 56, "{line}");
        // So narrow that the parties say nothing: they are left out, the number stays.
        let mut pieces = vec![
            "09:30–11:00".to_string(),
            "张三、李四".to_string(),
            number.clone(),
        ];
        squeeze(&mut pieces, &[1], 2, 38);
        assert_eq!(pieces[1], "");
        assert_eq!(pieces[2], number);
    }

    #[test]
    fn fitting_counts_chinese_as_two_cells_and_never_splits_one() {
        assert_eq!(width("王秀兰ab"), 8);
        assert_eq!(fit("王秀兰ab", 8), "王秀兰ab");
        assert_eq!(fit("王秀兰ab", 6), "王秀…");
        assert_eq!(fit("王秀兰ab", 5), "王秀…");
        assert_eq!(width(&fit("王秀兰ab", 4)), 3);
    }

    #[test]
    fn wrapping_keeps_words_whole_and_closing_marks_off_the_line_start() {
        assert_eq!(
            wrap("press Enter to close", 12),
            ["press Enter", "to close"]
        );
        assert_eq!(wrap("一二三四五，六", 10), ["一二三四", "五，六"]);
        assert_eq!(wrap("一二\n\n三", 10), ["一二", "", "三"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        for line in wrap(
            "请按 2026-11-28 的格式填写（也可写 20261128、11-28、今天）",
            9,
        ) {
            assert!(width(&line) <= 9, "{line}");
        }
        assert_eq!(wrap("\u{1b}[2J", 10), ["\u{FFFD}[2J"]);
    }
}
