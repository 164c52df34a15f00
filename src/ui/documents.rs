//! The 文书 tab: the forms of the case open in the 案件 tab on the left, and on the right
//! the chosen form as the text writer lays it out — built from the same `Document` value
//! the PDF is printed from, so what is seen is what is printed (narrow screens re-break
//! the lines to fit, the words are the same).

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::previews::preview;
use crate::documents::forms::FormKind;
use crate::documents::text::{TEXT_WIDTH, to_text};
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Cells of the forms column.
const LIST_W: u16 = 20;

/// Draws the tab.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let list_w = LIST_W.min(area.width / 3);
    let [left, right] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(1)]).areas(area);
    let list = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame())
        .title(format!(" {} ", t("tab.documents")));
    let inner = list.inner(left);
    frame.render_widget(list, left);
    let cells = usize::from(inner.width);
    let rows: Vec<Line> = FormKind::ALL
        .iter()
        .enumerate()
        .map(|(i, form)| {
            let name = fit(&t(form_key(*form)), cells).into_owned();
            let pad = " ".repeat(cells.saturating_sub(width(&name)));
            let style = if i == state.docs.selected {
                theme.selected()
            } else {
                theme.text()
            };
            Line::from(Span::styled(format!("{name}{pad}"), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), inner);
    render_preview(frame, right, state, theme);
}

fn render_preview(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.frame())
        .title(format!(" {} ", t("docs.preview")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = match preview(state) {
        None => super::text::wrap(&t("docs.no_case"), usize::from(inner.width))
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.dim())))
            .collect(),
        Some(Err(why)) => super::text::wrap(&why.to_string(), usize::from(inner.width))
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.error())))
            .collect(),
        Some(Ok(docs)) => {
            let w = TEXT_WIDTH.min(u32::from(inner.width.saturating_sub(1)).max(8));
            let rule = "-".repeat(w as usize);
            docs.iter()
                .map(|d| to_text(d, w))
                .collect::<Vec<_>>()
                .join(&format!("{rule}\n"))
                .lines()
                .skip(usize::from(state.docs.scroll))
                .map(|l| Line::from(Span::styled(clean(l).into_owned(), theme.text())))
                .collect()
        }
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn form_key(form: FormKind) -> &'static str {
    match form {
        FormKind::Register => "docs.form.register",
        FormKind::Notice => "docs.form.notice",
        FormKind::Record => "docs.form.record",
        FormKind::FollowUp => "docs.form.follow_up",
        FormKind::Cover => "docs.form.cover",
        FormKind::Index => "docs.form.index",
        FormKind::Confirmation => "docs.form.confirmation",
        FormKind::Feedback => "docs.form.feedback",
        FormKind::Agreement => "docs.form.agreement",
    }
}
