//! The conflict dialog: each field that differs, the user's value beside the one saved
//! by someone else (stacked when the window is too narrow for two columns), and the three
//! buttons: keep mine, take theirs, back to editing.

use super::{from_bottom, lines_u16, open, room};
use crate::app::conflict::{ConflictChoice, ConflictView};
use crate::i18n::t;
use crate::ui::text::{clean, fit, width, wrap};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Widest the dialog grows.
const WIDTH: u16 = 76;

/// Draws the dialog.
pub fn render(frame: &mut Frame, area: Rect, v: &ConflictView, theme: Theme) {
    let h = room(area).height;
    let (title, prompt) = v.wording();
    let inner = open(frame, area, WIDTH, h, &t(title), theme);
    let cells = usize::from(inner.width);
    let mut lines: Vec<Line> = wrap(&t(prompt), cells)
        .into_iter()
        .map(Line::from)
        .collect();
    let label_w = v
        .rows
        .iter()
        .map(|r| width(&r.label))
        .max()
        .unwrap_or(0)
        .min(cells / 4);
    let col = cells.saturating_sub(label_w + 2) / 2;
    lines.push(Line::from(vec![
        Span::raw(" ".repeat(label_w + 1)),
        Span::styled(
            pad(&fit(&t("dialog.conflict_mine"), col), col),
            theme.header(),
        ),
        Span::raw(" "),
        Span::styled(
            fit(&t("dialog.conflict_theirs"), col).into_owned(),
            theme.header(),
        ),
    ]));
    let mut body: Vec<Line> = Vec::new();
    for row in &v.rows {
        let mine = wrap(&clean(&row.mine), col.max(1));
        let theirs = wrap(&clean(&row.theirs), col.max(1));
        for i in 0..mine.len().max(theirs.len()).max(1) {
            let head = if i == 0 {
                fit(&row.label, label_w).into_owned()
            } else {
                String::new()
            };
            let cell = |v: &Vec<String>| pad(v.get(i).map(String::as_str).unwrap_or(""), col);
            body.push(Line::from(vec![
                Span::styled(
                    format!(
                        "{head}{} ",
                        " ".repeat(label_w.saturating_sub(width(&head)))
                    ),
                    theme.dim(),
                ),
                Span::styled(cell(&mine), theme.text()),
                Span::raw(" "),
                Span::styled(cell(&theirs), theme.error()),
            ]));
        }
    }
    let head_h = lines_u16(lines.len());
    frame.render_widget(Paragraph::new(lines), inner);
    let rows_area = Rect {
        y: inner.y.saturating_add(head_h).min(inner.bottom()),
        height: inner.height.saturating_sub(head_h.saturating_add(2)),
        ..inner
    };
    let scroll =
        usize::from(v.scroll).min(body.len().saturating_sub(usize::from(rows_area.height)));
    let shown: Vec<Line> = body.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), rows_area);
    let mut buttons = Vec::new();
    for c in ConflictChoice::ALL {
        let style = if c == v.choice {
            theme.selected()
        } else {
            theme.text()
        };
        buttons.push(Span::styled(format!("[ {} ]", t(c.button())), style));
        buttons.push(Span::raw("  "));
    }
    frame.render_widget(Paragraph::new(Line::from(buttons)), from_bottom(inner, 0));
}

/// `text` padded with spaces to `cells` columns.
fn pad(text: &str, cells: usize) -> String {
    format!("{text}{}", " ".repeat(cells.saturating_sub(width(text))))
}
