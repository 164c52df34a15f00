//! The case's history from the audit trail at the bottom of its detail: who, when, what
//! was added, changed, deleted or shown — a readable line each, never the raw JSON.

use super::super::text::clean;
use super::super::theme::Theme;
use super::super::wrap::wrap;
use crate::app::CaseDetail;
use crate::domain::audit::{AuditAction, AuditEntry};
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
    // A party's place in the list moves when one before it is removed: that removal is
    // the line worth showing.
    "seq",
];

/// At most this many lines, the newest (a case edited for years stays readable).
const MOST: usize = 200;

/// Appends the section (nothing until the history has arrived for this case).
pub fn section(out: &mut Vec<Line<'static>>, detail: &CaseDetail, w: usize, theme: Theme) {
    let Some(entries) = &detail.history else {
        return;
    };
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
/// same transaction (same minute, user, table and row name), and changes of derived
/// columns only are left out.
pub fn summarise(entries: &[AuditEntry]) -> Vec<(String, String, String)> {
    let mut kept: Vec<(AuditEntry, Vec<&str>)> = Vec::new();
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
                        // From the first value to the last one of the minute.
                        if let Some((_, after)) = e.values.get(c) {
                            let before = last.values.get(c).map(|v| v.0.clone());
                            let before = before.or_else(|| e.values.get(c).map(|v| v.0.clone()));
                            last.values
                                .insert(c.to_string(), (before.unwrap_or_default(), after.clone()));
                        }
                    }
                }
                continue;
            }
        }
        kept.push((e.clone(), changed));
    }
    kept.iter().map(|(e, cols)| line(e, cols)).collect()
}

fn same_moment(a: &AuditEntry, b: &AuditEntry) -> bool {
    let minute = |e: &AuditEntry| e.at.map(|t| t.format("%Y-%m-%d %H:%M").to_string());
    // The name too: two parties changed in one save are two lines (a renamed party's
    // change is its own line, which says the rename).
    a.user == b.user && a.table == b.table && a.name == b.name && minute(a) == minute(b)
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
    } else if e.table == "parties" {
        party_line(e, cols)
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

/// A party's line: "添加当事人 刘春梅", "删除当事人 刘春梅", or per changed field
/// "修改当事人 刘春梅：联系电话 15847805678 → 15847809999" (values as the viewer may see
/// them: masked before they get here where the role says so).
fn party_line(e: &AuditEntry, cols: &[&str]) -> String {
    let name = clean(&e.name).into_owned();
    match e.action {
        AuditAction::Insert => tf("audit_party.insert", &[("name", &name)]),
        AuditAction::Delete => tf("audit_party.delete", &[("name", &name)]),
        _ => {
            let changes: Vec<String> = cols
                .iter()
                .map(|c| {
                    let (before, after) = e.values.get(*c).cloned().unwrap_or_default();
                    tf(
                        "audit_party.change",
                        &[
                            ("field", &column(c)),
                            ("before", &party_value(c, &before)),
                            ("after", &party_value(c, &after)),
                        ],
                    )
                })
                .collect();
            tf(
                "audit_party.update",
                &[
                    ("name", &name),
                    ("changes", &changes.join(t("audit_party.sep").as_ref())),
                ],
            )
        }
    }
}

/// A party's stored value in the user's words: codes by their label, nothing as （空）.
fn party_value(column: &str, value: &str) -> String {
    if value.is_empty() {
        return t("audit_party.empty").into_owned();
    }
    match column {
        "role" | "sex" | "kind" => label(column, value).into_owned(),
        _ => clean(value).into_owned(),
    }
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
