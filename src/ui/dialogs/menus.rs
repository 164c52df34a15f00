//! Dialogs that are lists to choose from: the next status of a case, the mediators who
//! take it on, and the options of a long choice field.

use super::{DIALOG_WIDTH, from_bottom, inner_width, lines_u16, open, room};
use crate::app::modal::{MediatorPick, Picker, StatusMenu};
use crate::domain::status::CaseStatus;
use crate::i18n::{label, t, tf};
use crate::ui::text::{clean, fit, width, wrap};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One row of a menu.
struct Item {
    /// What the row says.
    text: String,
    /// A dim note after it.
    note: String,
    /// The whole row dimmed (cannot be chosen now).
    dim: bool,
}

/// Lines before and after the rows of a menu dialog.
struct Around {
    head: Vec<Line<'static>>,
    hint: Vec<String>,
}

/// Draws a menu dialog: lines above, the rows (scrolled so the selected one shows, and
/// marked with `▶`), a blank line, and a dim hint at the bottom.
fn menu(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    around: Around,
    items: &[Item],
    selected: usize,
    theme: Theme,
) {
    let widest = items
        .iter()
        .map(|i| width(&i.text) + width(&i.note) + 2)
        .chain(around.head.iter().map(Line::width))
        .chain(around.hint.iter().map(|h| width(h)))
        .max()
        .unwrap_or(0);
    let want = lines_u16(widest + 4).clamp(40, DIALOG_WIDTH);
    let head_h = lines_u16(around.head.len());
    let hint_h = lines_u16(around.hint.len());
    let rows_h = lines_u16(items.len().max(1));
    let h = [head_h, rows_h, hint_h, 3]
        .iter()
        .fold(0u16, |a, b| a.saturating_add(*b));
    let inner = open(frame, area, want, h.min(room(area).height), title, theme);
    frame.render_widget(Paragraph::new(around.head), inner);
    let rows_area = Rect {
        y: inner.y.saturating_add(head_h).min(inner.bottom()),
        height: inner
            .height
            .saturating_sub(head_h.saturating_add(hint_h).saturating_add(1)),
        ..inner
    };
    let visible = usize::from(rows_area.height).max(1);
    let first = selected.saturating_sub(visible - 1);
    let cells = usize::from(inner.width);
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, item)| row(item, i == selected, cells, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
    for (n, hint) in around.hint.iter().rev().enumerate() {
        frame.render_widget(
            Paragraph::new(Span::styled(hint.clone(), theme.dim())),
            from_bottom(inner, lines_u16(n)),
        );
    }
}

fn row(item: &Item, selected: bool, cells: usize, theme: Theme) -> Line<'static> {
    let mark = if selected { "▶ " } else { "  " };
    let text = fit(&format!("{mark}{}", item.text), cells).into_owned();
    let note = fit(&item.note, cells.saturating_sub(width(&text))).into_owned();
    let pad = " ".repeat(cells.saturating_sub(width(&text) + width(&note)));
    let (style, note_style): (Style, Style) = if selected {
        (theme.selected(), theme.selected())
    } else if item.dim {
        (theme.dim(), theme.dim())
    } else {
        (theme.text(), theme.dim())
    };
    Line::from(vec![
        Span::styled(text, style),
        Span::styled(note, note_style),
        Span::styled(pad, if selected { style } else { theme.text() }),
    ])
}

fn hint(key: &str, area: Rect) -> Vec<String> {
    wrap(&t(key), inner_width(area, DIALOG_WIDTH))
}

/// The statuses a case could go to: the allowed ones first, the others dimmed and marked.
pub fn status(frame: &mut Frame, area: Rect, m: &StatusMenu, theme: Theme) {
    let now = Line::from(vec![
        Span::raw(t("dialog.status_now").into_owned()),
        Span::styled(
            label("status", m.from.code()).into_owned(),
            theme.status(m.from),
        ),
    ]);
    let items: Vec<Item> = m
        .options()
        .into_iter()
        .map(|s| {
            let allowed = m.from.next().contains(&s);
            let note = if !allowed {
                t("dialog.not_allowed")
            } else if s == CaseStatus::Accepted {
                t("dialog.needs_mediators")
            } else if s.needs_reason() {
                t("dialog.needs_reason")
            } else {
                "".into()
            };
            Item {
                text: label("status", s.code()).into_owned(),
                note: note.into_owned(),
                dim: !allowed,
            }
        })
        .collect();
    let around = Around {
        head: vec![now, Line::default()],
        hint: hint("dialog.menu_hint", area),
    };
    let title = t("dialog.status_title");
    menu(frame, area, &title, around, &items, m.selected, theme);
}

/// The active mediators as check boxes.
pub fn mediators(frame: &mut Frame, area: Rect, p: &MediatorPick, theme: Theme) {
    let items: Vec<Item> = p
        .options
        .iter()
        .map(|(_, name, chosen)| Item {
            text: format!("{} {}", if *chosen { "[x]" } else { "[ ]" }, clean(name)),
            note: String::new(),
            dim: false,
        })
        .collect();
    let prompt = if items.is_empty() {
        "dialog.mediators_none"
    } else {
        "dialog.mediators_prompt"
    };
    let mut head: Vec<Line> = hint(prompt, area).into_iter().map(Line::from).collect();
    head.push(Line::default());
    let around = Around {
        head,
        hint: hint("dialog.mediators_hint", area),
    };
    let title = tf(
        "dialog.mediators_title",
        &[("status", &label("status", p.to.code()))],
    );
    menu(frame, area, &title, around, &items, p.selected, theme);
}

/// A long choice field's options, narrowed to those answering what was typed; the title
/// says what was typed and which row of how many.
pub fn picker(frame: &mut Frame, area: Rect, p: &Picker, theme: Theme) {
    let items: Vec<Item> = p
        .visible()
        .iter()
        .map(|o| Item {
            text: clean(&o.label).into_owned(),
            note: String::new(),
            dim: false,
        })
        .collect();
    let name = match p.filter.is_empty() {
        true => t(p.title).into_owned(),
        false => tf(
            "dialog.picker_filtered",
            &[("title", &t(p.title)), ("typed", &clean(&p.filter))],
        ),
    };
    let title = format!(
        "{name} ({}/{})",
        (p.selected + 1).min(items.len()),
        items.len()
    );
    let head = match items.is_empty() {
        true => vec![Line::from(Span::styled(
            t("dialog.picker_none").into_owned(),
            theme.dim(),
        ))],
        false => Vec::new(),
    };
    let around = Around {
        head,
        hint: hint("dialog.picker_hint", area),
    };
    menu(frame, area, &title, around, &items, p.selected, theme);
}

/// The drafts of an earlier run: which form, about which case, when; restore or discard.
pub fn drafts(frame: &mut Frame, area: Rect, offer: &crate::app::drafts::DraftOffer, theme: Theme) {
    let items: Vec<Item> = offer
        .rows
        .iter()
        .map(|d| {
            let about = clean(&d.data.about);
            Item {
                text: if about.is_empty() {
                    t(d.key.title()).into_owned()
                } else {
                    format!("{} · {about}", t(d.key.title()))
                },
                note: format!("  {}", d.when),
                dim: false,
            }
        })
        .collect();
    let prompt = match offer.after_restore {
        true => "dialog.drafts_prompt_restore",
        false => "dialog.drafts_prompt",
    };
    let mut head: Vec<Line> = hint(prompt, area).into_iter().map(Line::from).collect();
    head.push(Line::default());
    let around = Around {
        head,
        hint: hint("dialog.drafts_hint", area),
    };
    let title = t("dialog.drafts_title");
    menu(frame, area, &title, around, &items, offer.selected, theme);
}
