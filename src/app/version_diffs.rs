//! What differs between my version and the stored one, for the records other than a case
//! (see `conflict::diff` for those): an agreement (its main fields, each clause, each
//! performance item), a status change, a session's record. Rows as the conflict dialog
//! shows them, in the user's language.

use super::agreement_form::AgreementEditor;
use super::conflict::{DiffRow, StatusAsk, shown};
use super::form::FieldKind;
use crate::domain::agreement::{Agreement, PerformanceItem};
use crate::domain::case::Case;
use crate::domain::money::format_yuan;
use crate::domain::session::{Session, SessionRecord};
use crate::i18n::{label, t, tf};

fn none() -> String {
    t("conflict.none").into_owned()
}

fn row(label: String, mine: String, theirs: String) -> DiffRow {
    DiffRow {
        label,
        mine,
        theirs,
    }
}

/// The agreement fields, clauses and items that differ (`theirs` None: deleted meanwhile).
pub fn agreement_rows(case: &Case, mine: &Agreement, theirs: Option<&Agreement>) -> Vec<DiffRow> {
    let empty = Agreement::draft(case, &[]);
    let theirs = theirs.unwrap_or(&empty);
    let a = AgreementEditor::new(case.clone(), mine.clone());
    let b = AgreementEditor::new(case.clone(), theirs.clone());
    let mut rows: Vec<DiffRow> = a
        .form
        .fields
        .iter()
        .zip(&b.form.fields)
        .filter(|(x, _)| x.kind != FieldKind::List)
        .map(|(x, y)| (x, shown(x), shown(y)))
        .filter(|(_, m, o)| m != o)
        .map(|(x, m, o)| row(t(x.label).into_owned(), m, o))
        .collect();
    let n = mine.clauses.len().max(theirs.clauses.len());
    for i in 0..n {
        let (m, o) = (mine.clauses.get(i), theirs.clauses.get(i));
        if m != o {
            rows.push(row(
                tf("conflict.clause", &[("n", &(i + 1).to_string())]),
                m.cloned().unwrap_or_else(none),
                o.cloned().unwrap_or_else(none),
            ));
        }
    }
    let n = mine.items.len().max(theirs.items.len());
    for i in 0..n {
        let (m, o) = (mine.items.get(i), theirs.items.get(i));
        if m != o {
            rows.push(row(
                tf("conflict.item", &[("n", &(i + 1).to_string())]),
                m.map(item_line).unwrap_or_else(none),
                o.map(item_line).unwrap_or_else(none),
            ));
        }
    }
    rows
}

/// A performance item in one line: what, who, how much, by when, done.
fn item_line(i: &PerformanceItem) -> String {
    let mut parts = vec![i.what.clone(), i.obligor.clone()];
    if !i.obligee.is_empty() {
        parts.push(format!("→{}", i.obligee));
    }
    if let Some(fen) = i.amount_fen {
        parts.push(format!("¥{}", format_yuan(fen)));
    }
    if let Some(due) = i.due {
        parts.push(due.to_string());
    }
    if let Some(done) = i.done_on {
        parts.push(format!("✓{done}"));
    }
    parts.join(" ")
}

/// A status change against the case as stored: the status (mine asked, theirs now) and
/// the reason typed, when there is one.
pub fn status_rows(mine: &StatusAsk, theirs: &Case) -> Vec<DiffRow> {
    let mut rows = vec![row(
        t("conflict.status").into_owned(),
        label("status", mine.to.code()).into_owned(),
        label("status", theirs.status.code()).into_owned(),
    )];
    if !mine.reason.trim().is_empty() {
        rows.push(row(
            t("field.reason").into_owned(),
            mine.reason.clone(),
            none(),
        ));
    }
    rows
}

/// A session's record against the one stored.
pub fn record_rows(mine: &SessionRecord, theirs: &Session) -> Vec<DiffRow> {
    let o = &theirs.record;
    let mut rows = Vec::new();
    if mine.attendees != o.attendees {
        rows.push(row(
            t("field.record_attendees").into_owned(),
            mine.attendees.join("、"),
            o.attendees.join("、"),
        ));
    }
    if mine.notes != o.notes {
        rows.push(row(
            t("field.record_notes").into_owned(),
            mine.notes.clone(),
            o.notes.clone(),
        ));
    }
    if mine.outcome != o.outcome {
        rows.push(row(
            t("field.record_outcome").into_owned(),
            mine.outcome.clone(),
            o.outcome.clone(),
        ));
    }
    if rows.is_empty() {
        // The same record, but the session changed otherwise (postponed, called off).
        rows.push(row(
            t("conflict.session_status").into_owned(),
            label("session_status", "planned").into_owned(),
            label("session_status", theirs.status.code()).into_owned(),
        ));
    }
    rows
}
