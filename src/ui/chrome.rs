//! What stays around every screen: the title bar, the tabs, the status line and the key
//! bar generated from the key table.

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::key_rights::may_use;
use crate::app::keymap::bar_where;
use crate::app::{AppState, Saving, Tab, key_contexts};
use crate::i18n::{t, t_short};
use crate::text::lines_within;
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

/// The line saying what just happened (or, when nothing did, nothing); while a save is
/// under way, that it is (and, after a second, that it waits for the file). A message
/// longer than the line goes on to a second one, so the path of a saved file is seen whole.
pub fn status(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let saving = match state.saving {
        Saving::No => None,
        Saving::Now => Some(t("msg.saving")),
        Saving::Waiting => Some(t("msg.saving_busy")),
    };
    let (text, style) = match (saving, &state.status) {
        // Esc or quitting was held: that says the save is under way, and why to wait.
        (Some(_), Some(held)) if held.text == t("msg.saving_hold") => {
            (held.text.clone(), theme.risk())
        }
        (Some(saving), _) => (saving.into_owned(), theme.risk()),
        (None, Some(status)) if status.error => (status.text.clone(), theme.error()),
        (None, Some(status)) => (status.text.clone(), theme.ok()),
        (None, None) => return,
    };
    // The rows given are those `status_rows` asked for, from the same rule.
    let lines = lines_within(
        &text,
        usize::from(area.width).saturating_sub(1),
        area.height.into(),
    );
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    frame.render_widget(Paragraph::new(lines).style(style), area);
}

/// How many rows the status takes: two when its message does not fit on one line (and
/// the window has rows to spare), else one — the rule the case list's page follows.
pub fn status_rows(state: &AppState, area: Rect) -> u16 {
    let text = state.status.as_ref().map(|s| s.text.as_str());
    crate::app::status_line::status_rows(text, (area.width, area.height))
}

/// The keys of the current screen, from the same table that handles them. Help, quit and
/// back are never cut off on a narrow window: help and quit come first, back last, and
/// the screen's own keys fill what is left in table order (F1 help lists the rest). When
/// they do not fit on one line, `key_rows` gives the bar a second one (see there).
pub fn key_bar(frame: &mut Frame, area: Rect, state: &AppState, theme: Theme) {
    let items = bar_items(state);
    let rows = pack(&items, area.width as usize, area.height.max(1) as usize);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let mut spans = Vec::new();
            for item in row {
                spans.push(Span::styled(item.keys.clone(), theme.key()));
                spans.push(Span::raw(format!(" {} ", item.label)));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// How many rows the key bar takes: two when the screen's keys do not fit on one line
/// and the window is at least 24 rows high (every screen can give up one row of its list
/// or text there, which scrolls), else one. Tab alone is not worth a row: the tab row
/// above shows how to switch.
pub fn key_rows(state: &AppState, area: Rect) -> u16 {
    let items = bar_items(state);
    let one = pack(&items, area.width as usize, 1);
    let shown = |desc: &str| one.iter().flatten().any(|i| i.desc == desc);
    let missing = items
        .iter()
        .any(|i| i.desc != "key.next_tab" && !shown(i.desc));
    if area.height >= 24 && missing { 2 } else { 1 }
}

/// One entry of the bar: the keys, the label shown and the catalogue key it came from.
struct Item {
    keys: String,
    label: String,
    desc: &'static str,
}

impl Item {
    fn width(&self) -> usize {
        width(&self.keys) + width(&self.label) + 2
    }
}

fn bar_items(state: &AppState) -> Vec<Item> {
    let (contexts, typing) = key_contexts(state);
    // Keys the role may not use are left out: they would only be refused.
    let allow = |c, cmd| may_use(state, &contexts, c, cmd);
    bar_where(&contexts, typing, &allow)
        .into_iter()
        .map(|(keys, desc)| Item {
            keys: without_letter_aliases(&keys),
            label: t_short(desc).into_owned(),
            desc,
        })
        .collect()
}

/// "F5/m" → "F5": the bar shows the function key only; the letter aliases stay in F1 help.
/// Keys that are letters only (y/n in a question) are kept as they are.
fn without_letter_aliases(keys: &str) -> String {
    let parts: Vec<&str> = keys.split('/').collect();
    let letter = |p: &&str| p.chars().count() == 1 && p.chars().all(|c| c.is_ascii_alphabetic());
    let kept: Vec<&str> = parts.iter().copied().filter(|p| !letter(p)).collect();
    if parts.len() < 2 || kept.is_empty() || kept.iter().all(|p| p.is_empty()) {
        keys.to_string()
    } else {
        kept.join("/")
    }
}

/// Lays the items out on at most `lines` rows of `width`: help and quit first, back at
/// the end of the last row, the others in table order; the first that fits nowhere ends
/// the bar (so the order never jumps).
fn pack(items: &[Item], width: usize, lines: usize) -> Vec<Vec<&Item>> {
    let first: Vec<&Item> = items
        .iter()
        .filter(|i| matches!(i.desc, "key.help" | "key.quit"))
        .collect();
    let back: Vec<&Item> = items.iter().filter(|i| i.desc == "key.back").collect();
    let kept = |i: &Item| matches!(i.desc, "key.help" | "key.quit" | "key.back");
    let back_w: usize = back.iter().map(|i| i.width()).sum();
    let lines = lines.max(1);
    let mut rows: Vec<Vec<&Item>> = vec![first];
    let mut used: usize = rows[0].iter().map(|i| i.width()).sum();
    let room = |row: usize, used: usize| {
        let reserve = if row + 1 == lines { back_w } else { 0 };
        width.saturating_sub(used + reserve)
    };
    for item in items.iter().filter(|i| !kept(i)) {
        if item.width() > room(rows.len() - 1, used) {
            if rows.len() >= lines {
                break;
            }
            rows.push(Vec::new());
            used = 0;
            if item.width() > room(rows.len() - 1, used) {
                break;
            }
        }
        used += item.width();
        if let Some(row) = rows.last_mut() {
            row.push(item);
        }
    }
    if used + back_w > width && rows.len() < lines {
        rows.push(Vec::new());
    }
    if let Some(row) = rows.last_mut() {
        row.extend(back);
    }
    // A window too narrow even for help, quit and back: cut at the edge, never wrap.
    for row in &mut rows {
        let mut total = 0;
        row.retain(|i| {
            total += i.width();
            total <= width
        });
    }
    rows
}
