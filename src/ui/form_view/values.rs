//! The value part of a form line: one-line text (scrolled to the cursor), several-line
//! notes (wrapped, scrolled to the cursor's row), choices and check boxes.

use super::pad;
use crate::app::form::Field;
use crate::i18n::t;
use crate::ui::text::{char_width, clean, clean_char, closing_mark, fit, width};
use crate::ui::theme::Theme;
use ratatui::text::Span;

/// Rows a several-line field shows at least and at most.
const NOTE_ROWS: (usize, usize) = (2, 4);

/// A one-line value. Focused: a highlighted bar scrolled so the cursor is inside it, and
/// the cursor's column. The cursor is counted in cells of the escaped text, which for
/// ordinary text is tui-input's `visual_cursor()`.
pub(super) fn text_value(
    field: &Field,
    focused: bool,
    cells: usize,
    theme: Theme,
) -> (Vec<Span<'static>>, Option<usize>) {
    let chars: Vec<char> = field.input.value().chars().map(clean_char).collect();
    if !focused {
        let text: String = chars.iter().collect();
        return (vec![Span::raw(fit(&text, cells).into_owned())], None);
    }
    let cursor = field.input.cursor().min(chars.len());
    let at: usize = chars[..cursor].iter().map(|c| char_width(*c)).sum();
    // One cell stays free at the right for the cursor after the last character.
    let scroll = (at + 1).saturating_sub(cells);
    let mut shown = String::new();
    let mut pos = 0;
    for &c in &chars {
        let w = char_width(c);
        if pos < scroll {
            // A wide character cut by the left edge leaves a blank.
            shown.push_str(&" ".repeat((pos + w).saturating_sub(scroll)));
        } else if pos + w - scroll <= cells {
            shown.push(c);
        } else {
            break;
        }
        pos += w;
    }
    let span = Span::styled(pad(&shown, cells), theme.selected());
    (vec![span], Some(at - scroll))
}

/// The rows of a several-line value, wrapped to the width, and where the cursor is.
pub(super) fn note_rows(
    field: &Field,
    focused: bool,
    cells: usize,
    theme: Theme,
) -> (Vec<Vec<Span<'static>>>, Option<(usize, usize)>) {
    let (rows, (cur_row, cur_col)) = wrap_input(field.input.value(), field.input.cursor(), cells);
    let height = rows.len().clamp(NOTE_ROWS.0, NOTE_ROWS.1);
    let first = if focused {
        cur_row.saturating_sub(height - 1)
    } else {
        0
    };
    let more = rows.len() > first + height;
    let shown = (first..first + height).map(|i| {
        let row = rows.get(i).map(String::as_str).unwrap_or("");
        let row = if more && i + 1 == first + height {
            format!("{row}…")
        } else {
            row.to_string()
        };
        if focused {
            vec![Span::styled(pad(&row, cells), theme.selected())]
        } else {
            vec![Span::raw(row)]
        }
    });
    let cursor = focused.then(|| (cur_row - first, cur_col));
    (shown.collect(), cursor)
}

/// Wraps typed text at `cells` (one cell kept free for the cursor), breaking at `\n` and
/// between characters but never before a closing mark; returns the rows and the cursor's
/// (row, column).
fn wrap_input(value: &str, cursor: usize, cells: usize) -> (Vec<String>, (usize, usize)) {
    let room = cells.saturating_sub(1).max(2);
    // Each row holds its characters with their index in the value; `ends[r]` is the
    // index of the `\n` that ended row r, if one did.
    let mut rows: Vec<Vec<(usize, char)>> = vec![Vec::new()];
    let mut ends: Vec<Option<usize>> = Vec::new();
    let mut col = 0;
    for (i, c) in value.chars().enumerate() {
        if c == '\n' {
            ends.push(Some(i));
            rows.push(Vec::new());
            col = 0;
            continue;
        }
        let c = clean_char(c);
        let w = char_width(c);
        if col + w > room {
            ends.push(None);
            let mut next = Vec::new();
            if let Some(row) = rows.last_mut().filter(|r| closing_mark(c) && r.len() > 1) {
                next.extend(row.pop());
            }
            col = next.iter().map(|(_, c)| char_width(*c)).sum();
            rows.push(next);
        }
        if let Some(row) = rows.last_mut() {
            row.push((i, c));
        }
        col += w;
    }
    let cells_of =
        |row: &[(usize, char)]| -> usize { row.iter().map(|(_, c)| char_width(*c)).sum() };
    let mut at = None;
    for (r, row) in rows.iter().enumerate() {
        if let Some(k) = row.iter().position(|(i, _)| *i == cursor) {
            at = Some((r, cells_of(&row[..k])));
            break;
        }
        if ends.get(r) == Some(&Some(cursor)) {
            at = Some((r, cells_of(row)));
            break;
        }
    }
    let last = rows.len() - 1;
    let at = at.unwrap_or_else(|| (last, rows.get(last).map_or(0, |r| cells_of(r))));
    let rows = rows
        .iter()
        .map(|row| row.iter().map(|(_, c)| *c).collect())
        .collect();
    (rows, at)
}

/// `‹ 公安机关移交 ›`, and when focused a hint that ←/→ change it.
pub(super) fn choice_value(
    field: &Field,
    focused: bool,
    cells: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let label = clean(field.choice_label());
    let text = fit(&format!("‹ {label} ›"), cells).into_owned();
    if !focused {
        return vec![Span::raw(text)];
    }
    with_hint(text, "form.choice_hint", cells, theme)
}

/// `[x] 群体性纠纷` (a check box carries its own label).
pub(super) fn check_value(
    field: &Field,
    focused: bool,
    cells: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let mark = if field.checked { "[x]" } else { "[ ]" };
    let text = fit(&format!("{mark} {}", t(field.label)), cells).into_owned();
    if !focused {
        return vec![Span::raw(text)];
    }
    with_hint(text, "form.check_hint", cells, theme)
}

/// The focused value highlighted, and a dim hint after it if it fits.
fn with_hint(text: String, hint: &str, cells: usize, theme: Theme) -> Vec<Span<'static>> {
    let hint = format!("  {}", t(hint));
    let fits = width(&text) + width(&hint) <= cells;
    let mut spans = vec![Span::styled(text, theme.selected())];
    if fits {
        spans.push(Span::styled(hint, theme.dim()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_wraps_by_cells_and_the_cursor_follows_lines_and_wide_characters() {
        let (rows, at) = wrap_input("一二三四五", 5, 7);
        assert_eq!(rows, ["一二三", "四五"]);
        assert_eq!(at, (1, 4));
        let (rows, at) = wrap_input("ab\n一", 2, 10);
        assert_eq!(rows, ["ab", "一"]);
        assert_eq!(at, (0, 2));
        let (rows, at) = wrap_input("一二三", 3, 7);
        assert_eq!(
            (rows.len(), at),
            (1, (0, 6)),
            "the free cell holds the cursor"
        );
        let (rows, at) = wrap_input("一二三，四", 3, 7);
        assert_eq!(rows, ["一二", "三，四"], "a comma never starts a row");
        assert_eq!(at, (1, 2));
    }
}
