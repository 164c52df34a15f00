//! The first-start form: a few friendly lines on what the room's details are for, then
//! the form.

use super::form_view::{ListRows, render_form};
use super::text::{fit, wrap};
use super::theme::Theme;
use crate::app::form::{Field, Form};
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Lines the form keeps at least, however long the explanation.
const FORM_ROWS: u16 = 6;

/// Draws the first-start form; `active` when no dialog is over it.
pub fn render(frame: &mut Frame, area: Rect, form: &Form, active: bool, theme: Theme) {
    let block = Block::bordered()
        .border_style(theme.frame())
        .title(Span::styled(
            format!(" {} ", t("setup.title")),
            theme.header(),
        ))
        .title_bottom(Line::from(Span::styled(
            format!(" {} ", t("form.required_note")),
            theme.dim(),
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let intro = wrap(&t("setup.intro"), usize::from(inner.width));
    let room = inner.height.saturating_sub(FORM_ROWS);
    let intro_h = u16::try_from(intro.len()).unwrap_or(u16::MAX).min(room);
    let cut = intro.len() > usize::from(intro_h);
    let mut intro: Vec<String> = intro.into_iter().take(usize::from(intro_h)).collect();
    if let Some(last) = intro.last_mut().filter(|_| cut) {
        *last = fit(&format!("{last}…"), usize::from(inner.width)).into_owned();
    }
    let lines: Vec<Line> = intro.into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: intro_h,
            ..inner
        },
    );
    let skip = if intro_h > 0 { intro_h + 1 } else { 0 };
    let form_area = Rect {
        y: inner.y.saturating_add(skip).min(inner.bottom()),
        height: inner.height.saturating_sub(skip),
        ..inner
    };
    let no_list = |_: &Field| ListRows::default();
    render_form(frame, form_area, form, theme, active, &no_list);
}
