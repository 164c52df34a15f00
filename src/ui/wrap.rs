//! Wrapping styled text to a width in terminal cells, for screens that show long user
//! text (facts, addresses) and help. Chinese breaks between any two characters; Latin
//! words and digit runs (phone numbers, amounts, ID numbers) stay whole where they fit;
//! a line never starts with closing punctuation such as ，or 。 (the usual 禁则).
//! Callers pass text already made safe by `text::clean`.

// The marks that may not begin or end a line are the shared breaker's, so every wrapped
// text on screen follows the same 禁则 as the documents and the status line.
use crate::text::linebreak::{NO_LINE_END, NO_LINE_START};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::collections::VecDeque;
use unicode_width::UnicodeWidthChar;

/// A piece that is never split unless it is wider than a whole line.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    style: Style,
    width: usize,
}

impl Unit {
    fn new(text: String, style: Style) -> Unit {
        let width = text.chars().map(char_width).sum();
        Unit { text, style, width }
    }

    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }

    fn single_in(&self, set: &str) -> bool {
        let mut chars = self.text.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if set.contains(c))
    }
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Splits pieces into units: each wide character, each space, each run of other characters.
fn units<S: AsRef<str>>(pieces: &[(S, Style)]) -> VecDeque<Unit> {
    let mut out = VecDeque::new();
    for (text, style) in pieces {
        let mut word = String::new();
        for c in text.as_ref().chars() {
            // ASCII punctuation stays in its word, so "1,234.50" is never split.
            if c.is_whitespace() || char_width(c) > 1 {
                if !word.is_empty() {
                    out.push_back(Unit::new(std::mem::take(&mut word), *style));
                }
                out.push_back(Unit::new(c.to_string(), *style));
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            out.push_back(Unit::new(word, *style));
        }
    }
    out
}

/// The longest head of `unit` that fits in `max` cells (at least one character), and the rest.
fn split(unit: Unit, max: usize) -> (Unit, Option<Unit>) {
    let mut used = 0;
    let mut cut = 0;
    for (i, c) in unit.text.char_indices() {
        let w = char_width(c);
        if i > 0 && used + w > max {
            break;
        }
        used += w;
        cut = i + c.len_utf8();
    }
    let (head, tail) = unit.text.split_at(cut);
    let rest = (!tail.is_empty()).then(|| Unit::new(tail.to_string(), unit.style));
    (Unit::new(head.to_string(), unit.style), rest)
}

/// Wraps `pieces` (text with its style) into lines at most `width` cells wide; lines after
/// the first start with `indent` spaces (a hanging indent, for values beside a label).
/// Always at least one line, so an empty paragraph line keeps its place.
pub fn wrap<S: AsRef<str>>(
    pieces: &[(S, Style)],
    width: usize,
    indent: usize,
) -> Vec<Line<'static>> {
    // Keep room for one wide character after the indent, however narrow the window.
    let indent = indent.min(width.saturating_sub(2));
    let mut queue = units(pieces);
    let mut lines: Vec<Vec<Unit>> = vec![Vec::new()];
    let mut used = 0;
    while let Some(unit) = queue.pop_front() {
        let continuation = lines.len() > 1;
        let start = if continuation { indent } else { 0 };
        let Some(line) = lines.last_mut() else { break };
        if line.is_empty() && continuation && unit.is_space() {
            continue;
        }
        if start + used + unit.width <= width {
            used += unit.width;
            line.push(unit);
            continue;
        }
        if unit.is_space() {
            lines.push(Vec::new());
            used = 0;
            continue;
        }
        if line.is_empty() {
            let (head, rest) = split(unit, width.saturating_sub(start));
            line.push(head);
            if let Some(rest) = rest {
                queue.push_front(rest);
            }
            lines.push(Vec::new());
            used = 0;
            continue;
        }
        let mut carried = Vec::new();
        if unit.single_in(NO_LINE_START) && line.len() > 1 {
            carried.extend(line.pop());
        }
        while line.len() > 1 && line.last().is_some_and(|u| u.single_in(NO_LINE_END)) {
            carried.extend(line.pop());
        }
        while line.last().is_some_and(Unit::is_space) {
            line.pop();
        }
        queue.push_front(unit);
        for u in carried {
            queue.push_front(u);
        }
        lines.push(Vec::new());
        used = 0;
    }
    if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, units)| to_line(units, if i == 0 { 0 } else { indent }))
        .collect()
}

/// Joins neighbouring units of one style into one span.
fn to_line(units: Vec<Unit>, indent: usize) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    if indent > 0 {
        spans.push(Span::raw(" ".repeat(indent)));
    }
    let mut current: Option<(String, Style)> = None;
    for u in units {
        match &mut current {
            Some((text, style)) if *style == u.style => text.push_str(&u.text),
            _ => {
                if let Some((text, style)) = current.take() {
                    spans.push(Span::styled(text, style));
                }
                current = Some((u.text, u.style));
            }
        }
    }
    if let Some((text, style)) = current {
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::text::width;

    fn plain(text: &str, w: usize, indent: usize) -> Vec<String> {
        wrap(&[(text, Style::default())], w, indent)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn chinese_breaks_anywhere_but_never_before_closing_punctuation() {
        assert_eq!(plain("申请人家中供暖", 8, 0), ["申请人家", "中供暖"]);
        // "，" would start the second line: the character before it goes down with it.
        assert_eq!(plain("多次报修，未果", 8, 0), ["多次报", "修，未果"]);
    }

    #[test]
    fn words_and_numbers_stay_whole_and_continuations_are_indented() {
        assert_eq!(
            plain("phone 13904781234 today", 20, 2),
            ["phone 13904781234", "  today"]
        );
        assert_eq!(plain("¥1,234.50 元", 10, 0), ["¥1,234.50", "元"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_nothing_is_lost() {
        let lines = plain("JQ1508022026112700042", 8, 0);
        assert_eq!(lines.concat(), "JQ1508022026112700042");
        assert!(lines.iter().all(|l| width(l) <= 8), "{lines:?}");
    }

    #[test]
    fn tiny_widths_and_empty_text_still_terminate() {
        assert_eq!(plain("", 10, 2), [""]);
        for w in 0..4 {
            let lines = plain("王秀兰，abc def", w, 6);
            assert!(!lines.is_empty());
            assert!(lines.concat().replace(' ', "").contains("王秀兰"));
        }
    }

    #[test]
    fn styles_are_kept_per_piece() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let lines = wrap(
            &[("收案日期  ", bold), ("2026-11-27", Style::default())],
            40,
            0,
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].spans[0].style, bold);
        assert_eq!(lines[0].spans[1].content, "2026-11-27");
    }
}
