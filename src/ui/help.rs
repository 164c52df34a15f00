//! The help screen: a short note on which keys work where, then every key of every
//! context, generated from the key table (`keymap::entries`), so help never drifts from
//! the real keys. A large dialog over the screen; its scroll is clamped here.

use super::scroll::window;
use super::text::width;
use super::theme::Theme;
use super::wrap::wrap;
use crate::app::command::Command;
use crate::app::key_rights::may_use_beneath;
use crate::app::keymap::{BINDINGS, Context, entries_where};
use crate::app::{AppState, contexts_under_help};
use crate::i18n::t;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// Widest the dialog gets: longer lines are hard to follow.
const MAX_WIDTH: u16 = 90;

/// Draws the help dialog scrolled down by `scroll` lines (clamped to the end).
pub fn render(frame: &mut Frame, area: Rect, state: &AppState, scroll: u16, theme: Theme) {
    let dialog = dialog_area(area);
    // Clear whole rows: a wide character straddling the dialog's left edge would
    // otherwise break its border (ratatui #2526).
    let rows = Rect {
        x: area.x,
        width: area.width,
        ..dialog
    };
    frame.render_widget(Clear, rows);
    let block = Block::bordered()
        .border_style(theme.frame())
        .padding(Padding::horizontal(1))
        .title(format!(" {} ", t("key.help")));
    let inner = block.inner(dialog);
    let [body, foot] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    let lines = content(state, usize::from(body.width), theme);
    let view = usize::from(body.height);
    let (first, position) = window(scroll, lines.len(), view);
    let block = match position {
        Some(p) => block.title_bottom(Line::from(format!(" {p} ")).right_aligned()),
        None => block,
    };
    frame.render_widget(block, dialog);
    let visible: Vec<Line> = lines.into_iter().skip(first).take(view).collect();
    frame.render_widget(Paragraph::new(visible), body);
    frame.render_widget(Paragraph::new(footer(theme)), foot);
}

/// Nearly the whole screen, centred; the title and key bar rows stay visible.
fn dialog_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(MAX_WIDTH);
    let height = area.height.saturating_sub(2);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The note, then one group per context: a heading and "keys — description" lines.
fn content(state: &AppState, w: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in t("help.intro").lines() {
        out.extend(wrap(&[(line, theme.text())], w, 0));
    }
    let here = current_context(state);
    // Only the keys the role may use (see `key_rights`).
    let allow = |c, cmd| may_use_beneath(state, c, cmd);
    let groups: Vec<_> = contexts()
        .into_iter()
        .map(|c| (c, entries_where(c, &allow)))
        .collect();
    let keys_w = groups
        .iter()
        .flat_map(|(_, e)| e.iter().map(|(keys, _)| width(keys)))
        .max()
        .unwrap_or(0)
        .min(w / 3);
    for (context, items) in groups {
        out.push(Line::default());
        let mut head = vec![(t(heading(context)).into_owned(), theme.header())];
        if Some(context) == here {
            head.push((t("help.here").into_owned(), theme.tab_active()));
        }
        out.extend(wrap(&head, w, 0));
        for (keys, desc) in items {
            let pad = " ".repeat(keys_w.saturating_sub(width(&keys)));
            let pieces = [
                ("  ".to_string(), theme.text()),
                (keys, theme.key()),
                (format!("{pad} — "), theme.text()),
                (t(desc).into_owned(), theme.text()),
            ];
            out.extend(wrap(&pieces, w, keys_w + 5));
        }
    }
    out
}

/// Contexts in the order help lists them: the keys that work everywhere first, then
/// the others as the key table first names them.
fn contexts() -> Vec<Context> {
    let mut out = vec![Context::Global];
    for b in BINDINGS {
        if !out.contains(&b.context) {
            out.push(b.context);
        }
    }
    out
}

/// The context of the screen help was opened from.
fn current_context(state: &AppState) -> Option<Context> {
    contexts_under_help(state).0.first().copied()
}

fn heading(context: Context) -> &'static str {
    match context {
        Context::Global => "help.ctx.global",
        Context::List => "help.ctx.list",
        Context::Search => "help.ctx.search",
        Context::Detail => "help.ctx.detail",
        Context::Form => "help.ctx.form",
        Context::CaseForm => "help.ctx.case_form",
        Context::Settings => "help.ctx.settings",
        Context::Parties => "help.ctx.parties",
        Context::Confirm => "help.ctx.confirm",
        Context::Menu => "help.ctx.menu",
        Context::Help => "help.ctx.help",
        Context::Tab => "help.ctx.tab",
        Context::Today => "help.ctx.today",
        Context::TodayLongFolded | Context::TodayLongOpen => "help.ctx.today_long",
        Context::Schedule => "help.ctx.schedule",
        Context::Stats => "help.ctx.stats",
        Context::Docs => "help.ctx.docs",
        Context::Drafts => "help.ctx.drafts",
        Context::Conflict => "help.ctx.conflict",
        Context::Agreement => "help.ctx.agreement",
        Context::AgreementList => "help.ctx.agreement_list",
        Context::Preview => "help.ctx.preview",
    }
}

/// "↑↓ 滚动  Esc 关闭", with the keys taken from the help screen's own bindings.
fn footer(theme: Theme) -> Line<'static> {
    let key = |command: Command| {
        BINDINGS
            .iter()
            .find(|b| b.context == Context::Help && b.command == command)
            .map(|b| b.key.label())
            .unwrap_or_default()
    };
    Line::from(vec![
        Span::styled(
            format!("{}{}", key(Command::Up), key(Command::Down)),
            theme.key(),
        ),
        Span::raw(format!(" {}  ", t("help.scroll"))),
        Span::styled(key(Command::Back), theme.key()),
        Span::raw(format!(" {}", t("key.close"))),
    ])
}
