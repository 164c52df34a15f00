//! Dialogs drawn over the screen: questions, notices, the status change steps, pickers and
//! the form dialogs — every one of those with the one drawer of plain forms (its heading,
//! its form, its hint) unless it has its own (the party, the booking override). Each is a centred box over cleared rows
//! (a wide character cut by a box's edge would break its border), sized for 80×24 and
//! shrinking to 60×16. Only the top dialog gets the terminal cursor.

mod booking_override;
mod conflict;
mod menus;

use super::form_view::{ListRows, form_height, render_form};
use super::text::{fit, width, wrap};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::dialogs::FormDialog;
use crate::app::dialogs::session::OverrideForm;
use crate::app::form::Form;
use crate::app::modal::{Confirm, Modal};
use crate::app::party_form::PartyForm;
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Width of question, notice and small-form dialogs on a big enough window.
const DIALOG_WIDTH: u16 = 64;
/// Most the party dialog grows to on a big window (it fills an 80×24 one).
const PARTY_SIZE: (u16, u16) = (100, 28);

/// Draws one dialog.
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, modal: &Modal, theme: Theme) {
    let area = area.intersection(frame.area());
    let top = state.modals.last().is_some_and(|m| std::ptr::eq(m, modal));
    match modal {
        Modal::Help { scroll } => super::help::render(frame, area, state, *scroll, theme),
        Modal::Notice { text } => notice(frame, area, text, theme),
        Modal::Confirm(c) => confirm(frame, area, c, theme),
        Modal::StatusMenu(m) => menus::status(frame, area, m, theme),
        Modal::Mediators(p) => menus::mediators(frame, area, p, theme),
        Modal::Picker(p) => menus::picker(frame, area, p, theme),
        Modal::Drafts(d) => menus::drafts(frame, area, d, theme),
        Modal::Conflict(c) => conflict::render(frame, area, c, theme),
        Modal::Form(d) => form_dialog(frame, area, &**d, top, theme),
    }
}

/// Where dialogs go: below the title bar and above the status line and key bar, so the
/// keys that work in the dialog stay in sight.
fn room(area: Rect) -> Rect {
    if area.height >= 10 {
        Rect {
            y: area.y.saturating_add(1),
            height: area.height.saturating_sub(3),
            ..area
        }
    } else {
        area
    }
}

/// Clears the rows under a `w`×`h` box centred in `area`, draws its border and title, and
/// returns the inside less a one-cell margin at each side.
fn open(frame: &mut Frame, area: Rect, w: u16, h: u16, title: &str, theme: Theme) -> Rect {
    let room = room(area);
    let w = w.min(room.width.saturating_sub(2)).max(4);
    let h = h.min(room.height).max(3);
    let x = room.x.saturating_add(room.width.saturating_sub(w) / 2);
    let y = room.y.saturating_add(room.height.saturating_sub(h) / 2);
    let rect = Rect::new(x, y, w, h).intersection(area);
    frame.render_widget(Clear, Rect::new(area.x, rect.y, area.width, rect.height));
    let title = fit(title, usize::from(w.saturating_sub(4))).into_owned();
    let block = Block::bordered()
        .border_style(theme.frame())
        .title(Span::styled(format!(" {title} "), theme.header()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// Width inside a dialog `w` cells wide on this window.
fn inner_width(area: Rect, w: u16) -> usize {
    usize::from(w.min(room(area).width.saturating_sub(2)).saturating_sub(4))
}

/// The `n`th line from the bottom of `inner` (0 = last).
fn from_bottom(inner: Rect, n: u16) -> Rect {
    let y = inner
        .bottom()
        .saturating_sub(n.saturating_add(1))
        .max(inner.y);
    Rect::new(inner.x, y, inner.width, 1).intersection(inner)
}

/// `inner` less `n` lines at the bottom.
fn above_bottom(inner: Rect, n: u16) -> Rect {
    Rect {
        height: inner.height.saturating_sub(n),
        ..inner
    }
}

fn lines_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Text lines centred in `cells`.
fn centred(text: &str, cells: usize) -> String {
    format!(
        "{}{text}",
        " ".repeat(cells.saturating_sub(width(text)) / 2)
    )
}

/// A yes/no question: the question, then `[ yes ]  [ no ]` with the chosen one lit.
fn confirm(frame: &mut Frame, area: Rect, c: &Confirm, theme: Theme) {
    let cells = inner_width(area, DIALOG_WIDTH);
    let question = wrap(&c.question, cells);
    let h = lines_u16(question.len()).saturating_add(6);
    let inner = open(frame, area, DIALOG_WIDTH, h, &t("dialog.confirm"), theme);
    let text: Vec<Line> = question.into_iter().map(Line::from).collect();
    let body = Rect {
        y: inner.y.saturating_add(1).min(inner.bottom()),
        ..above_bottom(inner, 3)
    };
    frame.render_widget(Paragraph::new(text), body.intersection(inner));
    let yes = format!("[ {} ]", t(c.yes));
    let no = format!("[ {} ]", t(c.no));
    let style = |on: bool| if on { theme.selected() } else { theme.text() };
    let used = width(&yes) + width(&no) + 4;
    let buttons = Line::from(vec![
        Span::raw(" ".repeat(usize::from(inner.width).saturating_sub(used) / 2)),
        Span::styled(yes, style(c.yes_selected)),
        Span::raw("    "),
        Span::styled(no, style(!c.yes_selected)),
    ]);
    frame.render_widget(Paragraph::new(buttons), from_bottom(inner, 1));
}

/// A message to acknowledge, and how to close it.
fn notice(frame: &mut Frame, area: Rect, text: &str, theme: Theme) {
    let cells = inner_width(area, DIALOG_WIDTH);
    let message = wrap(text, cells);
    let h = lines_u16(message.len()).saturating_add(6);
    let inner = open(frame, area, DIALOG_WIDTH, h, &t("dialog.notice"), theme);
    let body = Rect {
        y: inner.y.saturating_add(1).min(inner.bottom()),
        ..above_bottom(inner, 3)
    };
    let text: Vec<Line> = message.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(text), body.intersection(inner));
    let close = centred(&t("dialog.close_hint"), usize::from(inner.width));
    frame.render_widget(
        Paragraph::new(Span::styled(close, theme.dim())),
        from_bottom(inner, 1),
    );
}

/// A form in a box: the form, a blank line, then a dim hint saying how to finish.
fn form_box(frame: &mut Frame, inner: Rect, form: &Form, hint: &str, top: bool, theme: Theme) {
    let hint = wrap(hint, usize::from(inner.width));
    let hint_h = lines_u16(hint.len());
    let no_list = |_: &crate::app::form::Field| ListRows::default();
    render_form(
        frame,
        above_bottom(inner, hint_h.saturating_add(1)),
        form,
        theme,
        top,
        &no_list,
    );
    let lines: Vec<Line> = hint
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.dim())))
        .collect();
    let y = inner.bottom().saturating_sub(hint_h).max(inner.y);
    let hint_area = Rect::new(inner.x, y, inner.width, hint_h).intersection(inner);
    frame.render_widget(Paragraph::new(lines), hint_area);
}

/// A small form sized to its content.
fn small_form(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    form: &Form,
    hint: &str,
    top: bool,
    theme: Theme,
) {
    let cells = inner_width(area, DIALOG_WIDTH);
    let no_list = |_: &crate::app::form::Field| ListRows::default();
    let form_h = form_height(form, lines_u16(cells), theme, &no_list);
    let hint_h = lines_u16(wrap(hint, cells).len());
    let h = form_h.saturating_add(hint_h).saturating_add(4);
    let inner = open(frame, area, DIALOG_WIDTH, h, title, theme);
    let inner = Rect {
        y: inner.y.saturating_add(1).min(inner.bottom()),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    form_box(frame, inner, form, hint, top, theme);
}

/// A form dialog: its own drawer where it has one, else the plain form's (its heading,
/// its form, its hint) — a new dialog needs no view of its own.
fn form_dialog(frame: &mut Frame, area: Rect, d: &dyn FormDialog, top: bool, theme: Theme) {
    if let Some(p) = d.as_any().downcast_ref::<PartyForm>() {
        party(frame, area, p, top, theme);
    } else if let Some(o) = d.as_any().downcast_ref::<OverrideForm>() {
        booking_override::render(frame, area, o, top, theme);
    } else {
        small_form(frame, area, &d.heading(), d.form(), &d.hint(), top, theme);
    }
}

/// A party being added or edited: the party form in a box almost as big as the window.
fn party(frame: &mut Frame, area: Rect, p: &PartyForm, top: bool, theme: Theme) {
    let title = p.heading();
    let room = room(area);
    let (w, h) = (room.width.min(PARTY_SIZE.0), room.height.min(PARTY_SIZE.1));
    let inner = open(frame, area, w, h, &title, theme);
    // An earlier case of this party takes the hint line: it must not be missed.
    let hint = super::case_detail::repeats::dialog_line(&p.repeats).unwrap_or_else(|| p.hint());
    form_box(frame, inner, &p.form, &hint, top, theme);
}
