//! Drawing a form: a fixed label column, one line per field (more for notes, lists and
//! messages), the focused field marked and kept in view, and the terminal cursor at the
//! text cursor so the input method's window follows it. Reads a `Form`; changes nothing.

use super::text::{char_width, clean, clean_char, closing_mark, fit, width, wrap};
use super::theme::Theme;
use crate::app::form::{Field, FieldKind, Form};
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Cells before the label: the focus marker and a space.
const MARKER: usize = 2;
/// Cells between the label column and the value.
const GAP: usize = 2;
/// Rows a several-line field shows at least and at most.
const NOTE_ROWS: (usize, usize) = (2, 4);
/// Lines a message under a field may take.
const MESSAGE_LINES: usize = 3;
/// Rows a list shows at most (fewer on a short window).
const LIST_ROWS: usize = 6;

/// One row of a list field, its cells already in the user's language.
#[derive(Debug, Clone, Default)]
pub struct ListRow {
    /// The columns, left to right.
    pub cells: Vec<String>,
    /// Shown dimmed (e.g. a mediator who has left).
    pub dim: bool,
}

/// What a list field shows: its rows, or a line saying how to add the first.
#[derive(Debug, Clone, Default)]
pub struct ListRows {
    /// The rows.
    pub rows: Vec<ListRow>,
    /// Said when there are no rows.
    pub empty: String,
    /// The column that gives way first when the rows are too wide (e.g. the name, so an
    /// ID number keeps its tail).
    pub flex: usize,
}

/// Draws `form` in `area`. `active` is true when the form gets the keys (no dialog over
/// it): only then is the terminal cursor placed in it.
pub fn render_form(
    frame: &mut Frame,
    area: Rect,
    form: &Form,
    theme: Theme,
    active: bool,
    rows_for_list: &dyn Fn(&Field) -> ListRows,
) {
    let area = area.intersection(frame.area());
    if area.width < 8 || area.height == 0 {
        return;
    }
    let list_rows = usize::from(area.height)
        .saturating_sub(4)
        .clamp(1, LIST_ROWS);
    let built = build(
        form,
        usize::from(area.width),
        list_rows,
        theme,
        rows_for_list,
    );
    let total = built.lines.len();
    let mut view = usize::from(area.height);
    if total > view {
        view = view.saturating_sub(1).max(1);
    }
    let offset = scroll_offset(&built, view);
    let shown: Vec<Line> = built
        .lines
        .iter()
        .skip(offset)
        .take(view)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
    if total > view {
        let key = match (offset > 0, offset + view < total) {
            (true, true) => "form.more_both",
            (true, false) => "form.more_above",
            _ => "form.more_below",
        };
        let more = fit(&t(key), usize::from(area.width)).into_owned();
        let y = area.y.saturating_add(view as u16);
        let line = Rect::new(area.x, y, area.width, 1).intersection(area);
        frame.render_widget(Paragraph::new(Span::styled(more, theme.dim())), line);
    }
    if let Some((line, col)) = built.cursor.filter(|_| active)
        && line >= offset
        && line < offset + view
        && col < usize::from(area.width)
    {
        let x = area.x.saturating_add(col as u16);
        let y = area.y.saturating_add((line - offset) as u16);
        frame.set_cursor_position((x, y));
    }
}

/// Lines `form` takes at `width` cells (for sizing a dialog around it).
pub fn form_height(
    form: &Form,
    width: u16,
    theme: Theme,
    rows_for_list: &dyn Fn(&Field) -> ListRows,
) -> u16 {
    let built = build(form, usize::from(width), LIST_ROWS, theme, rows_for_list);
    u16::try_from(built.lines.len()).unwrap_or(u16::MAX)
}

/// The first line to show so that the focused field (at least its focus line) is seen.
fn scroll_offset(built: &Built, view: usize) -> usize {
    let (top, height) = built.focus;
    let mut offset = (top + height).saturating_sub(view);
    offset = offset.min(top);
    if built.focus_line >= offset + view {
        offset = built.focus_line + 1 - view;
    }
    offset.min(built.lines.len().saturating_sub(view))
}

/// The whole form as lines, with where the focus and the cursor are.
struct Built {
    lines: Vec<Line<'static>>,
    /// First line and height of the focused field.
    focus: (usize, usize),
    /// The line that must stay visible (cursor row, selected list row).
    focus_line: usize,
    /// Cursor (line, column) in the focused text field.
    cursor: Option<(usize, usize)>,
}

/// Widths the fields are laid out with.
struct Columns {
    /// The label column.
    label: usize,
    /// The value column.
    value: usize,
    /// The whole width.
    all: usize,
}

impl Columns {
    fn indent(&self) -> usize {
        MARKER + self.label + GAP
    }
}

fn build(
    form: &Form,
    all: usize,
    list_rows: usize,
    theme: Theme,
    rows_for_list: &dyn Fn(&Field) -> ListRows,
) -> Built {
    let cols = columns(form, all);
    let mut b = Built {
        lines: Vec::new(),
        focus: (0, 0),
        focus_line: 0,
        cursor: None,
    };
    for (i, field) in form.fields.iter().enumerate() {
        if field.hidden {
            continue;
        }
        let focused = i == form.focus;
        let top = b.lines.len();
        let mut focus_line = top;
        match &field.kind {
            FieldKind::Text => {
                let (spans, cursor) = text_value(field, focused, cols.value, theme);
                b.lines.push(labelled(field, focused, &cols, spans, theme));
                if focused {
                    b.cursor = cursor.map(|c| (top, cols.indent() + c));
                }
            }
            FieldKind::Multiline => {
                let (rows, cursor) = note_rows(field, focused, cols.value, theme);
                for (n, spans) in rows.into_iter().enumerate() {
                    b.lines.push(match n {
                        0 => labelled(field, focused, &cols, spans, theme),
                        _ => indented(cols.indent(), spans),
                    });
                }
                if let Some((row, col)) = cursor.filter(|_| focused) {
                    focus_line = top + row;
                    b.cursor = Some((focus_line, cols.indent() + col));
                }
            }
            FieldKind::Choice(_) => {
                let spans = choice_value(field, focused, cols.value, theme);
                b.lines.push(labelled(field, focused, &cols, spans, theme));
            }
            FieldKind::Check => {
                let spans = check_value(field, focused, cols.value, theme);
                b.lines.push(labelled(field, focused, &cols, spans, theme));
            }
            FieldKind::List => {
                let rows = rows_for_list(field);
                let (lines, selected) = list_box(field, focused, &rows, &cols, list_rows, theme);
                focus_line = top + selected;
                b.lines.extend(lines);
            }
        }
        let message_indent = match field.kind {
            FieldKind::List => MARKER,
            _ => cols.indent(),
        };
        let message_width = cols.all.saturating_sub(message_indent);
        let messages = [(&field.error, theme.error()), (&field.hint, theme.dim())];
        for (message, style) in messages {
            let Some(text) = message else { continue };
            for line in wrap(text, message_width).into_iter().take(MESSAGE_LINES) {
                let spans = vec![Span::styled(line, style)];
                b.lines.push(indented(message_indent, spans));
            }
        }
        if focused {
            b.focus = (top, b.lines.len() - top);
            b.focus_line = focus_line;
        }
    }
    b
}

/// The label column fits the widest visible label (check boxes and lists carry their own
/// label), capped at two fifths of the width so values keep room.
fn columns(form: &Form, all: usize) -> Columns {
    let widest = form
        .fields
        .iter()
        .filter(|f| !f.hidden && !matches!(f.kind, FieldKind::Check | FieldKind::List))
        .map(|f| width(&t(f.label)) + if f.required { 2 } else { 0 })
        .max()
        .unwrap_or(0);
    let label = widest.clamp(4, (all * 2 / 5).max(4));
    Columns {
        label,
        value: all.saturating_sub(MARKER + label + GAP).max(4),
        all,
    }
}

fn marker(focused: bool, theme: Theme) -> Span<'static> {
    if focused {
        Span::styled("▶ ", theme.header())
    } else {
        Span::raw("  ")
    }
}

/// A field's first line: marker, label (with `*` if required), padding, value.
fn labelled(
    field: &Field,
    focused: bool,
    cols: &Columns,
    value: Vec<Span<'static>>,
    theme: Theme,
) -> Line<'static> {
    let mut spans = vec![marker(focused, theme)];
    let mut used = 0;
    if !matches!(field.kind, FieldKind::Check) {
        let star = if field.required { 2 } else { 0 };
        let name = fit(&t(field.label), cols.label.saturating_sub(star)).into_owned();
        used = width(&name);
        let style = if focused {
            theme.header()
        } else {
            theme.frame()
        };
        spans.push(Span::styled(name, style));
        if field.required {
            spans.push(Span::styled(" *", theme.error()));
            used += 2;
        }
    }
    spans.push(Span::raw(" ".repeat(cols.label.saturating_sub(used) + GAP)));
    spans.extend(value);
    Line::from(spans)
}

fn indented(indent: usize, spans: Vec<Span<'static>>) -> Line<'static> {
    let mut all = vec![Span::raw(" ".repeat(indent))];
    all.extend(spans);
    Line::from(all)
}

/// `text` padded with spaces to `cells`.
fn pad(text: &str, cells: usize) -> String {
    format!("{text}{}", " ".repeat(cells.saturating_sub(width(text))))
}

/// A one-line value. Focused: a highlighted bar scrolled so the cursor is inside it, and
/// the cursor's column. The cursor is counted in cells of the escaped text, which for
/// ordinary text is tui-input's `visual_cursor()`.
fn text_value(
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
fn note_rows(
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
fn choice_value(field: &Field, focused: bool, cells: usize, theme: Theme) -> Vec<Span<'static>> {
    let label = clean(field.choice_label());
    let text = fit(&format!("‹ {label} ›"), cells).into_owned();
    if !focused {
        return vec![Span::raw(text)];
    }
    with_hint(text, "form.choice_hint", cells, theme)
}

/// `[x] 群体性纠纷` (a check box carries its own label).
fn check_value(field: &Field, focused: bool, cells: usize, theme: Theme) -> Vec<Span<'static>> {
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

/// A list field: a box across the form titled with the label, its rows in aligned
/// columns, the selected row highlighted while the list has the focus. Returns the lines
/// and the offset of the selected row's line.
fn list_box(
    field: &Field,
    focused: bool,
    list: &ListRows,
    cols: &Columns,
    max_rows: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, usize) {
    let inner = cols.all.saturating_sub(MARKER + 4);
    let border = if focused {
        theme.header()
    } else {
        theme.frame()
    };
    let n = list.rows.len();
    let mut title = format!(" {} ", t(field.label));
    if field.required {
        title.push_str("* ");
    }
    if n > 0 {
        title.push_str(&format!("({n}) "));
    }
    let title = fit(&title, inner).into_owned();
    let top = format!(
        "┌{title}{}┐",
        "─".repeat((inner + 2).saturating_sub(width(&title)))
    );
    let mut lines = vec![Line::from(vec![
        marker(focused, theme),
        Span::styled(top, border),
    ])];
    let visible = n.clamp(1, max_rows.max(1));
    let selected = field.selected.min(n.saturating_sub(1));
    let first = selected.saturating_sub(visible - 1);
    let (widths, gap) = column_widths(list, inner);
    let side = |s: &'static str| Span::styled(s, border);
    if n == 0 {
        let empty = pad(&fit(&clean(&list.empty), inner), inner);
        lines.push(Line::from(vec![
            Span::raw("  "),
            side("│ "),
            Span::styled(empty, theme.dim()),
            side(" │"),
        ]));
    }
    for (i, row) in list.rows.iter().enumerate().skip(first).take(visible) {
        let text = row
            .cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| pad(&fit(&clean(cell), *w), *w))
            .collect::<Vec<_>>()
            .join(gap);
        let text = pad(&fit(text.trim_end(), inner), inner);
        let style = if focused && i == selected {
            theme.selected()
        } else if row.dim {
            theme.dim()
        } else {
            theme.text()
        };
        lines.push(Line::from(vec![
            Span::raw("  "),
            side("│ "),
            Span::styled(text, style),
            side(" │"),
        ]));
    }
    let more = if n > first + visible { " … " } else { "" };
    let bottom = format!(
        "└{more}{}┘",
        "─".repeat((inner + 2).saturating_sub(width(more)))
    );
    lines.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(bottom, border),
    ]));
    (lines, 1 + selected - first)
}

/// Each column as wide as its widest cell, two spaces apart. When the rows are too wide
/// for `inner`, the gaps shrink to one space, the flexible column gives up cells (down to
/// a few), then the widest column does.
fn column_widths(list: &ListRows, inner: usize) -> (Vec<usize>, &'static str) {
    const FLEX_MIN: usize = 8;
    let rows = &list.rows;
    let count = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut widths: Vec<usize> = (0..count)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.cells.get(c))
                .map(|s| width(&clean(s)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let gaps = count.saturating_sub(1);
    let too_wide = |w: &[usize], gap: usize| w.iter().sum::<usize>() + gaps * gap > inner;
    if !too_wide(&widths, 2) {
        return (widths, "  ");
    }
    let over = (widths.iter().sum::<usize>() + gaps).saturating_sub(inner);
    if let Some(flex) = widths.get_mut(list.flex) {
        *flex = flex.saturating_sub(over).max(FLEX_MIN.min(*flex));
    }
    while too_wide(&widths, 1) {
        let Some(widest) = widths.iter_mut().max() else {
            break;
        };
        if *widest <= 2 {
            break;
        }
        *widest -= 1;
    }
    (widths, " ")
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

    #[test]
    fn the_widest_column_gives_way() {
        let list = ListRows {
            rows: vec![ListRow {
                cells: vec![
                    "申请人".into(),
                    "一个很长的名字".into(),
                    "11010519491231002X".into(),
                ],
                dim: false,
            }],
            empty: String::new(),
            flex: 1,
        };
        assert_eq!(column_widths(&list, 50), (vec![6, 14, 18], "  "));
        assert_eq!(column_widths(&list, 36), (vec![6, 10, 18], " "));
        let (w, _) = column_widths(&list, 20);
        assert_eq!(w.iter().sum::<usize>() + 2, 20);
    }
}
