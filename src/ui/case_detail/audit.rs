//! The case's history from the audit trail at the bottom of its detail: who, when, what
//! was added, changed, deleted or shown — a readable line each, never the raw JSON.

use super::super::text::clean;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::app::AppState;
use crate::domain::audit::{AuditAction, AuditEntry};
use crate::domain::case::Case;
use crate::i18n::{label, t, tf};
use ratatui::text::Line;

/// Columns kept by storage from others (shown through those), never worth a word.
const DERIVED: &[&str] = &[
    "party_names",
    "mediator_names",
    "number_year",
    "number_seq",
    "mediator_list",
    "party_list",
    "start_utc",
    "end_utc",
    "day",
    "created_at",
];

/// At most this many lines, the newest (a case edited for years stays readable).
const MOST: usize = 200;

/// Appends the section (nothing until the history has arrived for this case).
pub fn section(
    out: &mut Vec<Line<'static>>,
    state: &AppState,
    case: &Case,
    w: usize,
    theme: Theme,
) {
    let Some((id, entries)) = &state.case_history else {
        return;
    };
    if *id != case.id {
        return;
    }
    out.push(Line::default());
    out.push(Line::styled(t("detail.audit").into_owned(), theme.header()));
    let lines = summarise(entries);
    if lines.is_empty() {
        out.push(Line::styled(
            format!("  {}", t("detail.audit_empty")),
            theme.dim(),
        ));
    }
    let skip = lines.len().saturating_sub(MOST);
    for (when, who, what) in lines.into_iter().skip(skip) {
        let pieces = [
            ("  ".to_string(), theme.text()),
            (when, theme.text()),
            ("  ".to_string(), theme.text()),
            (who, theme.dim()),
            ("  ".to_string(), theme.text()),
            (what, theme.text()),
        ];
        out.extend(wrap(&pieces, w, 4));
    }
}

/// (when, who, what) per shown line: an insert swallows the changes made with it in the
/// same transaction (same minute, user and table), and changes of derived columns only
/// are left out.
pub fn summarise(entries: &[AuditEntry]) -> Vec<(String, String, String)> {
    let mut kept: Vec<(&AuditEntry, Vec<&str>)> = Vec::new();
    for e in entries {
        let changed: Vec<&str> = e
            .changed
            .iter()
            .map(String::as_str)
            .filter(|c| !DERIVED.contains(c))
            .collect();
        if e.action == AuditAction::Update {
            if changed.is_empty() {
                continue;
            }
            if let Some((last, cols)) = kept.last_mut()
                && same_moment(last, e)
            {
                if last.action == AuditAction::Update {
                    for c in changed {
                        if !cols.contains(&c) {
                            cols.push(c);
                        }
                    }
                }
                continue;
            }
        }
        kept.push((e, changed));
    }
    kept.into_iter().map(|(e, cols)| line(e, &cols)).collect()
}

fn same_moment(a: &AuditEntry, b: &AuditEntry) -> bool {
    let minute = |e: &AuditEntry| e.at.map(|t| t.format("%Y-%m-%d %H:%M").to_string());
    a.user == b.user && a.table == b.table && minute(a) == minute(b)
}

fn line(e: &AuditEntry, cols: &[&str]) -> (String, String, String) {
    let when =
        e.at.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
    let action = label("audit_action", e.action.code());
    let what = if e.action == AuditAction::View {
        tf("detail.audit_view", &[("action", &action)])
    } else if e.action == AuditAction::Refused {
        // The row's name is the operation refused (see `Store::record_refusal`).
        tf(
            "detail.audit_refused",
            &[("what", &label("rights.op", &e.name))],
        )
    } else {
        let table = label("audit_table", &e.table);
        let mut text = format!("{action}{table}");
        if !e.name.is_empty() {
            text.push_str(&format!(" {}", clean(&e.name)));
        }
        if !cols.is_empty() {
            let names: Vec<String> = cols.iter().map(|c| column(c)).collect();
            text.push_str(&tf(
                "detail.audit_fields",
                &[("fields", &names.join(t("list.sep").as_ref()))],
            ));
        }
        text
    };
    (when, clean(&e.user).into_owned(), what)
}

/// A column's name in the user's words (its name as stored when there is none).
fn column(name: &str) -> String {
    let key = format!("audit_col.{name}");
    let text = t(&key);
    if text == key {
        name.to_string()
    } else {
        text.into_owned()
    }
}
