//! The agreement editor: the main form with its clause and item lists, the page of one
//! clause or one item, and the preview drawn from the same `Document` value the PDF is
//! printed from.

use super::form_view::{ListRow, ListRows, render_form};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::agreement_form::{AgreementEditor, EditorPage, title};
use crate::app::form::Field;
use crate::app::previews::agreement_preview;
use crate::documents::text::{TEXT_WIDTH, to_text};
use crate::domain::agreement::{PerformanceItem, chinese_count};
use crate::domain::money::format_yuan;
use crate::i18n::{t, tf};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the editor's page.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    state: &AppState,
    editor: &AgreementEditor,
    theme: Theme,
) {
    let number = editor
        .case
        .number
        .as_ref()
        .map(|n| n.text.as_str())
        .unwrap_or_default();
    let head = format!(" {} {} ", title(editor), clean(number));
    let (sub, note) = match &editor.page {
        EditorPage::Main => (String::new(), t("form.required_note")),
        EditorPage::Clause { index, .. } => (
            match index {
                Some(i) => tf("agreement.clause_title", &[("n", &chinese_count(i + 1))]),
                None => t("agreement.new_clause").into_owned(),
            },
            t("agreement.page_note"),
        ),
        EditorPage::Item { .. } => (
            t("agreement.item_title").into_owned(),
            t("agreement.page_note"),
        ),
        EditorPage::Preview { .. } => (t("agreement.preview").into_owned(), Default::default()),
    };
    let head = if sub.is_empty() {
        head
    } else {
        format!("{head}› {sub} ")
    };
    let block = Block::bordered()
        .border_style(theme.frame())
        .title(Span::styled(
            fit(&head, usize::from(area.width.saturating_sub(2))).into_owned(),
            theme.header(),
        ))
        .title_bottom(if note.is_empty() {
            Line::default()
        } else {
            Line::from(Span::styled(format!(" {note} "), theme.dim()))
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let active = state.modals.is_empty();
    match &editor.page {
        EditorPage::Main => {
            let rows = |f: &Field| rows(editor, f);
            render_form(frame, inner, &editor.form, theme, active, &rows);
        }
        EditorPage::Clause { form, .. } | EditorPage::Item { form, .. } => {
            render_form(frame, inner, form, theme, active, &|_| ListRows::default());
        }
        EditorPage::Preview { scroll } => {
            render_preview(frame, inner, state, editor, *scroll, theme)
        }
    }
}

fn rows(editor: &AgreementEditor, field: &Field) -> ListRows {
    if field.id == "clauses" {
        ListRows {
            rows: editor
                .clauses
                .iter()
                .enumerate()
                .map(|(i, c)| ListRow {
                    cells: vec![format!("{}、", chinese_count(i + 1)), first_line(c)],
                    dim: false,
                })
                .collect(),
            empty: t("agreement.clauses_empty").into_owned(),
            flex: 1,
        }
    } else {
        ListRows {
            rows: editor.items.iter().map(item_row).collect(),
            empty: t("agreement.items_empty").into_owned(),
            flex: 0,
        }
    }
}

/// The first line of a clause, with a mark when more follows.
fn first_line(text: &str) -> String {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or_default().trim().to_string();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first
    }
}

fn item_row(i: &PerformanceItem) -> ListRow {
    let who = if i.obligee.is_empty() {
        i.obligor.clone()
    } else {
        format!("{}→{}", i.obligor, i.obligee)
    };
    ListRow {
        cells: vec![
            i.what.clone(),
            who,
            i.amount_fen
                .map(|f| format!("¥{}", format_yuan(f)))
                .unwrap_or_default(),
            i.due.map(|d| d.to_string()).unwrap_or_default(),
            i.done_on
                .map(|d| format!("✓{}", d.format("%m-%d")))
                .unwrap_or_default(),
        ],
        dim: i.done_on.is_some(),
    }
}

fn render_preview(
    frame: &mut Frame,
    area: Rect,
    state: &AppState,
    editor: &AgreementEditor,
    scroll: u16,
    theme: Theme,
) {
    let lines: Vec<Line> = match agreement_preview(state, editor) {
        Some(doc) => {
            let w = TEXT_WIDTH.min(u32::from(area.width.saturating_sub(1)).max(8));
            to_text(&doc, w)
                .lines()
                .skip(usize::from(scroll))
                .map(|l| Line::from(Span::styled(clean(l).into_owned(), theme.text())))
                .collect()
        }
        None => vec![Line::from(Span::styled(
            t("agreement.no_room").into_owned(),
            theme.dim(),
        ))],
    };
    frame.render_widget(Paragraph::new(lines), area);
}
