//! Drawing a form: a fixed label column, one line per field (more for notes, lists and
//! messages), the focused field marked and kept in view, and the terminal cursor at the
//! text cursor so the input method's window follows it. Reads a `Form`; changes nothing.

mod list;
mod values;

pub use list::{ListRow, ListRows};

use super::text::{fit, width, wrap};
use super::theme::Theme;
use crate::app::form::{Field, FieldKind, Form};
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Cells before the label: the focus marker and a space.
pub(super) const MARKER: usize = 2;
/// Cells between the label column and the value.
const GAP: usize = 2;
/// Lines a message under a field may take.
const MESSAGE_LINES: usize = 3;
/// Rows a list shows at most (fewer on a short window).
const LIST_ROWS: usize = 6;

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
pub(super) struct Columns {
    /// The label column.
    pub label: usize,
    /// The value column.
    pub value: usize,
    /// The whole width.
    pub all: usize,
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
                let (spans, cursor) = values::text_value(field, focused, cols.value, theme);
                b.lines.push(labelled(field, focused, &cols, spans, theme));
                if focused {
                    b.cursor = cursor.map(|c| (top, cols.indent() + c));
                }
            }
            FieldKind::Multiline => {
                let (rows, cursor) = values::note_rows(field, focused, cols.value, theme);
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
                let spans = values::choice_value(field, focused, cols.value, theme);
                b.lines.push(labelled(field, focused, &cols, spans, theme));
            }
            FieldKind::Check => {
                let spans = values::check_value(field, focused, cols.value, theme);
                b.lines.push(labelled(field, focused, &cols, spans, theme));
            }
            FieldKind::List => {
                let rows = rows_for_list(field);
                let (lines, selected) =
                    list::list_box(field, focused, &rows, &cols, list_rows, theme);
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

pub(super) fn marker(focused: bool, theme: Theme) -> Span<'static> {
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
pub(super) fn pad(text: &str, cells: usize) -> String {
    format!("{text}{}", " ".repeat(cells.saturating_sub(width(text))))
}
