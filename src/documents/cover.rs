//! 卷宗封面 (DOMAIN.md §2.9, §3): the cover of the case file — 卷名 (the dispute), 卷号
//! (the case number), the committee, the category, the parties, the mediators, the dates
//! accepted and closed, the result, the mediation dates from–to (never past the closing
//! date), 立卷人 and 立卷日期
//! (from the archiving record, else left to write by hand), 保管期限 (the template's
//! default; a room sets its own in its template file: there is no national period) and
//! 备注.

use super::date::chinese_date;
use super::forms::CaseFile;
use super::model::{Block, Document};
use super::names::{all_names, dispute, last_change, outcome};
use super::template::Template;
use crate::domain::session::SessionStatus;
use crate::domain::status::CaseStatus;

/// The cover of the case's file.
#[must_use]
pub fn file_cover(file: &CaseFile, t: &Template) -> Document {
    let case = file.case;
    let mut doc = Document::titled(t.title());
    let blank = t.text("blank");
    let or_blank = |s: String| {
        if s.trim().is_empty() {
            blank.clone()
        } else {
            s
        }
    };
    let accepted = last_change(case, CaseStatus::Accepted)
        .map_or(case.fields.received_on, |c| c.at.date_naive());
    let result = outcome(case);
    let closed = result.map(|c| c.at.date_naive());
    // The mediation ran until the case closed: a meeting held after that (a visit, the
    // court) is not part of it.
    let held: Vec<_> = file
        .sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Held)
        .map(|s| s.fields.date())
        .filter(|d| closed.is_none_or(|c| *d <= c))
        .collect();
    let mediation = match (held.iter().min(), held.iter().max()) {
        (Some(a), Some(b)) if a == b => chinese_date(*a),
        (Some(a), Some(b)) => t.fill(
            "span",
            &[("from", &chinese_date(*a)), ("to", &chinese_date(*b))],
        ),
        _ => String::new(),
    };
    let archived = last_change(case, CaseStatus::Archived);
    doc.blocks.push(Block::Fields(vec![
        (
            t.text("committee"),
            file.org.committee_name.trim().to_string(),
        ),
        (t.text("name"), dispute(case, t)),
        (
            t.text("number"),
            or_blank(
                case.number
                    .as_ref()
                    .map(|n| n.text.clone())
                    .unwrap_or_default(),
            ),
        ),
        (
            t.text("category"),
            case.fields.category.display_label().to_string(),
        ),
        (t.text("parties"), or_blank(all_names(case))),
        (t.text("mediators"), or_blank(file.mediator_names())),
        (t.text("accepted_on"), chinese_date(accepted)),
        (
            t.text("closed_on"),
            or_blank(
                result
                    .map(|c| chinese_date(c.at.date_naive()))
                    .unwrap_or_default(),
            ),
        ),
        (
            t.text("result"),
            or_blank(result.map(|c| c.to.label().to_string()).unwrap_or_default()),
        ),
        (t.text("mediation_dates"), or_blank(mediation)),
        (
            t.text("filed_by"),
            or_blank(
                archived
                    .map(|c| c.operator.trim().to_string())
                    .unwrap_or_default(),
            ),
        ),
        (
            t.text("filed_on"),
            or_blank(
                archived
                    .map(|c| chinese_date(c.at.date_naive()))
                    .unwrap_or_default(),
            ),
        ),
        (t.text("retention"), t.text("retention.value")),
        (t.text("remarks"), t.text("remarks.value")),
    ]));
    doc
}
