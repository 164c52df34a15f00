//! A list inside a form (parties, mediators, categories): a box across the form titled
//! with the field's label, its rows in aligned columns.

use super::{Columns, MARKER, marker, pad};
use crate::app::form::Field;
use crate::i18n::t;
use crate::ui::text::{clean, fit, width};
use crate::ui::theme::Theme;
use ratatui::text::{Line, Span};

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

/// A list field: a box across the form titled with the label, its rows in aligned
/// columns, the selected row highlighted while the list has the focus. Returns the lines
/// and the offset of the selected row's line.
pub(super) fn list_box(
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
