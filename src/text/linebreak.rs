//! Chinese line breaking (pure): the one breaker the PDF, the text format, the on-screen
//! preview, the screens' wrapped text and the status line share. A paragraph is cut into
//! pieces that are never split (`pieces`: a Chinese character, a Latin word, a number with
//! what belongs to it, an amount in capitals, a document number, a name the document
//! names) and the 禁则 glue a closing mark (，。）」”〕 …) to the piece before it and an
//! opening mark (（《「“〔 …) to the piece after it. Lines are then filled greedily to a
//! width measured by the caller (terminal cells). Only a piece wider than a whole line is
//! ever cut inside.

mod pieces;

use pieces::atoms;

/// Marks that must not begin a line.
pub const NO_LINE_START: &str = "，。、；：？！）》」』】〉〕〗］｝％”’…—,.;:?!)]}%";
/// Marks that must not end a line.
pub const NO_LINE_END: &str = "（《「『【〈〔〖［｛“‘([{¥￥$";

/// Breaks `text` into lines no wider than `max` by `measure` (width of one char).
/// `\n` starts a new line; spaces at a break are dropped; full-width marks are kept.
pub fn break_lines(text: &str, max: u32, measure: &dyn Fn(char) -> u32) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        fill(&atoms(paragraph, &[]), max, measure, &mut lines);
    }
    lines
}

/// Like [`break_lines`], for printed paragraphs: each line comes with whether it ends
/// its paragraph (the writers justify every other line), and a paragraph's last line
/// never holds a single character — the last piece of the line before is pulled down to
/// keep it company (禁则 still hold: pieces are moved whole). A character with only
/// closing marks after it (七。) counts as single. The words of `keep` (the names and
/// numbers the document holds) are never split either.
pub fn break_paragraphs(
    text: &str,
    max: u32,
    measure: &dyn Fn(char) -> u32,
    keep: &[String],
) -> Vec<(String, bool)> {
    let max = max.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut lines = Vec::new();
        fill(&atoms(paragraph, keep), max, measure, &mut lines);
        no_orphan(&mut lines, max, measure, keep);
        let last = lines.len().saturating_sub(1);
        out.extend(lines.into_iter().enumerate().map(|(i, l)| (l, i == last)));
    }
    out
}

/// Moves the last piece of the second-to-last line down when the last line is a single
/// character, if the moved piece leaves something behind and fits.
fn no_orphan(lines: &mut [String], max: u32, measure: &dyn Fn(char) -> u32, keep: &[String]) {
    let [.., before, last] = lines else {
        return;
    };
    // One character, with or without the closing marks glued to it (七。 is alone too).
    if last.chars().filter(|c| !NO_LINE_START.contains(*c)).count() != 1 {
        return;
    }
    let pieces = atoms(before, keep);
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
        let space = atom.chars().all(pieces::is_break_space);
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

#[cfg(test)]
mod tests;
