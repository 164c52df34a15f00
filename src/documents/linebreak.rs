//! Chinese line breaking for printed documents (pure). A paragraph is cut into pieces
//! that are never split — a Chinese character, a Latin word, a number with what belongs
//! to it (¥3,000.00, 2026-12-31, 2026年12月31日, 13812345678) — and the 禁则 glue a
//! closing mark (，。）」” …) to the piece before it and an opening mark (（《「“ …) to the
//! piece after it. Lines are then filled greedily to a width measured by the caller
//! (terminal cells for text, font advances for PDF). Only a piece wider than a whole line
//! is ever cut inside.

/// Marks that must not begin a line.
pub const NO_LINE_START: &str = "，。、；：？！）》」』】〉”’…—,.;:?!)]}%";
/// Marks that must not end a line.
pub const NO_LINE_END: &str = "（《「『【〈“‘([{¥￥$";

/// Breaks `text` into lines no wider than `max` by `measure` (width of one char).
/// `\n` starts a new line; spaces at a break are dropped; full-width marks are kept.
pub fn break_lines(text: &str, max: u32, measure: &dyn Fn(char) -> u32) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        fill(&atoms(paragraph), max, measure, &mut lines);
    }
    lines
}

/// Like [`break_lines`], for printed paragraphs: each line comes with whether it ends
/// its paragraph (the writers justify every other line), and a paragraph's last line
/// never holds a single character — the last piece of the line before is pulled down to
/// keep it company (禁则 still hold: pieces are moved whole). A character with only
/// closing marks after it (七。) counts as single.
pub fn break_paragraphs(
    text: &str,
    max: u32,
    measure: &dyn Fn(char) -> u32,
) -> Vec<(String, bool)> {
    let max = max.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut lines = Vec::new();
        fill(&atoms(paragraph), max, measure, &mut lines);
        no_orphan(&mut lines, max, measure);
        let last = lines.len().saturating_sub(1);
        out.extend(lines.into_iter().enumerate().map(|(i, l)| (l, i == last)));
    }
    out
}

/// Moves the last piece of the second-to-last line down when the last line is a single
/// character, if the moved piece leaves something behind and fits.
fn no_orphan(lines: &mut [String], max: u32, measure: &dyn Fn(char) -> u32) {
    let [.., before, last] = lines else {
        return;
    };
    // One character, with or without the closing marks glued to it (七。 is alone too).
    if last.chars().filter(|c| !NO_LINE_START.contains(*c)).count() != 1 {
        return;
    }
    let pieces = atoms(before);
    let [head @ .., moved] = pieces.as_slice() else {
        return;
    };
    let width = |s: &str| s.chars().map(measure).sum::<u32>();
    let kept: String = head.concat();
    if kept.trim().is_empty() || moved.trim().is_empty() || width(moved) + width(last) > max {
        return;
    }
    *last = format!("{}{last}", moved.trim_start());
    *before = kept.trim_end().to_string();
}

/// Width in terminal cells (a Chinese character is 2), for the text writer and screens.
pub fn cells(c: char) -> u32 {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) as u32
}

fn fill(atoms: &[String], max: u32, measure: &dyn Fn(char) -> u32, lines: &mut Vec<String>) {
    let width = |s: &str| s.chars().map(measure).sum::<u32>();
    let mut line = String::new();
    let mut used = 0;
    for atom in atoms {
        let w = width(atom);
        let space = atom.chars().all(is_break_space);
        if space && used == 0 && !lines.is_empty() {
            continue; // no spaces at the start of a continued line
        }
        if used + w <= max {
            line.push_str(atom);
            used += w;
            continue;
        }
        if space {
            // A break at a space: the space goes.
            lines.push(line.trim_end().to_string());
            line.clear();
            used = 0;
            continue;
        }
        if used > 0 {
            lines.push(line.trim_end().to_string());
            line.clear();
            used = 0;
        }
        if w <= max {
            line.push_str(atom);
            used = w;
            continue;
        }
        // Wider than a line: cut where it must be cut.
        for c in atom.chars() {
            let cw = measure(c);
            if used + cw > max && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    lines.push(line.trim_end().to_string());
}

/// The paragraph as glued pieces (see the module doc).
fn atoms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for piece in pieces(text) {
        let first = piece.chars().next().unwrap_or(' ');
        let closing = NO_LINE_START.contains(first) && piece.chars().count() == 1;
        let opening = NO_LINE_END.contains(first) && piece.chars().count() == 1;
        let space = is_break_space(first);
        match out.last_mut() {
            Some(last) if (closing || glue_next) && !space => last.push_str(&piece),
            _ => out.push(piece),
        }
        glue_next = opening;
    }
    out
}

/// Unbreakable pieces before the 禁则: runs of spaces, Latin words, numbers with their
/// separators (and 年/月/日 inside a date), and single other characters.
fn pieces(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if is_break_space(c) {
            while i < chars.len() && is_break_space(chars[i]) {
                i += 1;
            }
        } else if c.is_ascii_digit() || (is_currency(c) && next_is_digit(&chars, i)) {
            i = number_end(&chars, i);
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

/// A space a line may break at; the ideographic space (an indent) is a character.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{3000}'
}

fn is_currency(c: char) -> bool {
    matches!(c, '¥' | '￥' | '$')
}

fn next_is_digit(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_some_and(char::is_ascii_digit)
}

/// The end of a number starting at `i`: digits, letters in codes (ID numbers end in X),
/// separators between digits (, . : - / ~), a trailing %, and 年/月 followed by a digit,
/// 日 after a 月 — so 2026年12月31日 stays whole.
fn number_end(chars: &[char], mut i: usize) -> usize {
    let mut month = false;
    i += 1;
    while let Some(&c) = chars.get(i) {
        let inside = c.is_ascii_alphanumeric()
            || (",.:-/~".contains(c) && next_is_digit(chars, i))
            || ((c == '年' || c == '月') && next_is_digit(chars, i));
        if inside {
            month |= c == '月';
            i += 1;
        } else if (c == '日' && month) || c == '%' {
            return i + 1;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests;
