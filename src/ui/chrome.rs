//! What stays around every screen: the title bar, the tabs, the status line and the key
//! bar generated from the key table.

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::key_rights::may_use;
use crate::app::keymap::bar_where;
use crate::app::{AppState, Tab, key_contexts};
use crate::i18n::{t, t_short};
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Title bar: program, room, today.
pub fn title(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let weekday = t(&format!(
        "weekday.{}",
        state.today.weekday().num_days_from_monday()
    ));
    let right = format!("{} {} ", state.today.format("%Y-%m-%d"), weekday);
    let room = state
        .org
        .as_ref()
        .map(|o| clean(&o.profile.room_name).into_owned())
        .unwrap_or_default();
    let left = format!(
        " {} {}",
        t("app.title"),
        if room.is_empty() {
            String::new()
        } else {
            format!("· {room}")
        }
    );
    let room_space = (area.width as usize).saturating_sub(width(&right) + 1);
    let left = fit(&left, room_space).into_owned();
    let pad = (area.width as usize).saturating_sub(width(&left) + width(&right));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.title()), area);
}

/// The tab row; `None` while the room is being set up (no tab can be used yet).
pub fn tabs(frame: &mut Frame, area: Rect, active: Option<Tab>, theme: Theme) {
    let mut spans = vec![Span::raw(" ")];
    for (i, tab) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme.dim()));
        }
        let name = t(tab.title());
        let style = if Some(*tab) == active {
            theme.tab_active()
        } else if active.is_none() {
            theme.dim()
        } else {
            theme.text()
        };
        spans.push(Span::styled(format!("{} {}", i + 1, name), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The line saying what just happened (or, when nothing did, nothing).
pub fn status(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let Some(status) = &state.status else { return };
    let style = if status.error {
        theme.error()
    } else {
        theme.ok()
    };
    let text = fit(
        &clean(&status.text),
        (area.width as usize).saturating_sub(1),
    )
    .into_owned();
    frame.render_widget(Paragraph::new(format!(" {text}")).style(style), area);
}

/// The keys of the current screen, from the same table that handles them. Help, quit and
/// back are never cut off on a narrow window: help and quit come first, back last, and
/// the screen's own keys fill what is left in table order (F1 help lists the rest).
pub fn key_bar(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let (contexts, typing) = key_contexts(state);
    // Keys the role may not use are left out: they would only be refused.
    let allow = |c, cmd| may_use(&contexts, c, cmd, &state.user);
    let items: Vec<(String, String, &str)> = bar_where(&contexts, typing, &allow)
        .into_iter()
        .map(|(keys, desc)| (keys, t_short(desc).into_owned(), desc))
        .collect();
    let w = |(keys, desc, _): &(String, String, &str)| width(keys) + width(desc) + 2;
    let kept = |desc: &str| matches!(desc, "key.help" | "key.quit" | "key.back");
    let mut room = (area.width as usize)
        .saturating_sub(items.iter().filter(|i| kept(i.2)).map(w).sum::<usize>());
    let mut chosen: Vec<&(String, String, &str)> = Vec::new();
    for item in items.iter().filter(|i| !kept(i.2)) {
        if w(item) <= room {
            room -= w(item);
            chosen.push(item);
        } else {
            room = 0;
        }
    }
    let first = items
        .iter()
        .filter(|i| matches!(i.2, "key.help" | "key.quit"));
    let back = items.iter().filter(|i| i.2 == "key.back");
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, desc, _) in first.chain(chosen).chain(back) {
        let item_w = width(keys) + width(desc) + 2;
        if used + item_w > area.width as usize {
            break;
        }
        spans.push(Span::styled(keys.clone(), theme.key()));
        spans.push(Span::raw(format!(" {desc} ")));
        used += item_w;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
