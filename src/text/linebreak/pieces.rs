//! The pieces a paragraph is never broken inside, and the 禁则 glue between them: what a
//! reader takes in as one (DOMAIN.md §3 — figures and their capitals, dates and document
//! numbers are never split): a number with its units (131600元, 2024年2月, 9时30分,
//! 13.5万元, ¥3,000.00, 第12号), an amount in capitals (人民币壹万玖仟元整), a document
//! number (〔2026〕88号, （2026）新人调字第12号, 民诉前调2054号), and the words the
//! document asks to keep (its parties' names, its numbers).

use super::{NO_LINE_END, NO_LINE_START};

/// Separators inside a number (3,000.00, 2026-12-31, 10:30, 1/2, 3~5).
const SEPARATORS: &str = ",.:-/~";
/// Units that belong to the number before them; a digit after a unit continues the
/// number (2024年2月3日, 9时30分), and two units may follow each other (万元, 号楼).
const UNITS: &str = "年月日号时点分秒元角万亿岁周天个份次名人户间套层楼室米亩斤";
/// The digits of amounts in capitals, which start such an amount.
const CAPITAL_DIGITS: &str = "零壹贰叁肆伍陆柒捌玖拾";
/// What an amount in capitals is made of once started.
const CAPITALS: &str = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整";
/// Brackets around a year in a document number.
const YEAR_OPEN: &str = "〔（([［【";
const YEAR_CLOSE: &str = "〕）)]］】";
/// The currency word written before an amount.
const CURRENCY_WORD: &str = "人民币";

/// The paragraph as glued pieces: each piece is never split, and a closing mark joins
/// the piece before it, an opening mark the piece after it.
pub(super) fn atoms(text: &str, keep: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for piece in pieces(text, keep) {
        let first = piece.chars().next().unwrap_or(' ');
        let single = piece.chars().count() == 1;
        let closing = NO_LINE_START.contains(first) && single;
        let opening = NO_LINE_END.contains(first) && single;
        let space = is_break_space(first);
        match out.last_mut() {
            Some(last) if (closing || glue_next) && !space => last.push_str(&piece),
            _ => out.push(piece),
        }
        glue_next = opening;
    }
    out
}

/// Unbreakable pieces before the 禁则: runs of spaces, kept words, document numbers,
/// numbers with their units, amounts in capitals, Latin words, lines to write on, and
/// single other characters.
fn pieces(text: &str, keep: &[String]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let keep: Vec<Vec<char>> = keep
        .iter()
        .map(|w| w.trim().chars().collect::<Vec<char>>())
        .filter(|w| w.len() > 1)
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if let Some(end) = kept_word_end(&chars, i, &keep) {
            i = end;
        } else if is_break_space(c) {
            while i < chars.len() && is_break_space(chars[i]) {
                i += 1;
            }
        } else if let Some(end) = document_number_end(&chars, i) {
            i = end;
        } else if c.is_ascii_digit() || (is_currency(c) && next_is_digit(&chars, i)) {
            i = number_end(&chars, i);
            let piece: String = chars[start..i].iter().collect();
            let digits = piece.chars().filter(char::is_ascii_digit).count();
            // 民诉前调2054号: the letters of a reference number belong to it.
            let letters = if piece.ends_with('号') && digits >= 3 {
                4
            } else {
                0
            };
            let joined = join_before(&mut out, piece, letters);
            out.push(joined);
            continue;
        } else if CAPITAL_DIGITS.contains(c)
            && chars.get(i + 1).is_some_and(|n| CAPITALS.contains(*n))
        {
            while i < chars.len() && CAPITALS.contains(chars[i]) {
                i += 1;
            }
            let piece: String = chars[start..i].iter().collect();
            let joined = join_before(&mut out, piece, 0);
            out.push(joined);
            continue;
        } else if c == '＿' {
            // A line to write on (＿＿＿＿年) is one piece: never half on each line.
            while i < chars.len() && chars[i] == '＿' {
                i += 1;
            }
        } else if c.is_ascii_alphabetic() {
            // Words with an apostrophe or a hyphen (case-number) are one piece.
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric()
                    || ("'-".contains(chars[i])
                        && chars.get(i + 1).is_some_and(char::is_ascii_alphabetic)))
            {
                i += 1;
            }
        } else {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// `piece` with what precedes it and belongs to it taken off `out`: 第 before a number,
/// 人民币 before an amount, and up to `letters` Chinese letters (a reference's prefix).
fn join_before(out: &mut Vec<String>, piece: String, letters: usize) -> String {
    let mut head = String::new();
    let single = |p: &String, f: &dyn Fn(char) -> bool| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if f(c))
    };
    if out.len() >= 3 && out[out.len() - 3..].concat() == CURRENCY_WORD {
        out.truncate(out.len() - 3);
        head.push_str(CURRENCY_WORD);
    } else if out.last().is_some_and(|p| p == "第") {
        out.pop();
        head.push('第');
    }
    let letters = if head.is_empty() { letters } else { 0 };
    let mut taken = 0;
    while taken < letters && out.last().is_some_and(|p| single(p, &is_letter)) {
        taken += 1;
        if let Some(p) = out.pop() {
            head.insert_str(0, &p);
        }
    }
    head + &piece
}

/// The end of the longest kept word starting at `i`.
fn kept_word_end(chars: &[char], i: usize, keep: &[Vec<char>]) -> Option<usize> {
    keep.iter()
        .filter(|w| chars[i..].starts_with(w))
        .map(|w| i + w.len())
        .max()
}

/// The end of a document number starting at its bracketed year: 〔2026〕88号,
/// （2026）新人调字第12号 — the year in brackets, up to ten letters, digits and 号.
fn document_number_end(chars: &[char], i: usize) -> Option<usize> {
    if !YEAR_OPEN.contains(chars[i]) {
        return None;
    }
    let mut j = i + 1;
    while chars.get(j).is_some_and(char::is_ascii_digit) {
        j += 1;
    }
    if j - i - 1 != 4 || !chars.get(j).is_some_and(|c| YEAR_CLOSE.contains(*c)) {
        return None;
    }
    let mut k = j + 1;
    while k - j <= 10 && chars.get(k).copied().is_some_and(is_letter) {
        k += 1;
    }
    let digits = k;
    while chars.get(k).is_some_and(char::is_ascii_digit) {
        k += 1;
    }
    (k > digits && chars.get(k) == Some(&'号')).then_some(k + 1)
}

/// A Chinese letter (CJK ideograph, any extension): not a mark, not a digit.
fn is_letter(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// A space a line may break at; the ideographic space (an indent) is a character.
pub(super) fn is_break_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{3000}'
}

fn is_currency(c: char) -> bool {
    matches!(c, '¥' | '￥' | '$')
}

fn next_is_digit(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_some_and(char::is_ascii_digit)
}

/// The end of a number starting at `i`: digits, letters in codes (ID numbers end in X),
/// separators between digits, a trailing %, and the units after it (see [`UNITS`]).
fn number_end(chars: &[char], mut i: usize) -> usize {
    i += 1;
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_alphanumeric() || (SEPARATORS.contains(c) && next_is_digit(chars, i)) {
            i += 1;
        } else if c == '%' || c == '％' {
            return i + 1;
        } else if UNITS.contains(c) {
            let start = i;
            while i - start < 2 && chars.get(i).is_some_and(|u| UNITS.contains(*u)) {
                i += 1;
            }
            if !chars.get(i).is_some_and(char::is_ascii_digit) {
                break;
            }
        } else {
            break;
        }
    }
    i
}
