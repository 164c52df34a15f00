//! The 文书 tab: the forms of the case open in the 案件 tab on the left, and on the right
//! the chosen form as the text writer lays it out — the same `Document` value, the same
//! line breaker and the same pages as the PDF, ID numbers in full, so what is seen is
//! what is printed (a rule marks each new page; narrow screens re-break the lines to
//! fit, the words are the same). What the paper does not say but the user should know
//! (a deadline passed) is shown above it.

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::previews::preview;
use crate::documents::forms::FormKind;
use crate::documents::text::{TEXT_WIDTH, text_pages};
use crate::i18n::{t, tf};
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
            let warnings = docs.iter().flat_map(|d| &d.warnings).flat_map(|warning| {
                super::text::wrap(warning, usize::from(inner.width))
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, theme.error())))
            });
            let text = preview_lines(&docs, w)
                .into_iter()
                .map(|l| Line::from(Span::styled(clean(&l).into_owned(), theme.text())));
            warnings
                .chain(text)
                .skip(usize::from(state.docs.scroll))
                .collect()
        }
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The documents' lines as the text format has them, `cells` wide: a centred
/// "第N页" rule of '-' where a page starts (the text format's form feed), a rule of '='
/// between documents (ASCII: no ambiguous-width marks on a CJK terminal).
pub fn preview_lines(docs: &[crate::documents::Document], cells: u32) -> Vec<String> {
    let mut out = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push("=".repeat(cells as usize));
        }
        for (n, page) in text_pages(doc, cells).into_iter().enumerate() {
            if n > 0 {
                let label = format!(" {} ", tf("docs.page", &[("n", &(n + 1).to_string())]));
                let side = (cells as usize).saturating_sub(width(&label)) / 2;
                out.push(format!("{}{label}{}", "-".repeat(side), "-".repeat(side)));
            }
            out.extend(page);
        }
    }
    out
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
