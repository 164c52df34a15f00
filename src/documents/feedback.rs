//! 调解结果反馈函: the letter back to the referring police station, court or petition
//! office — addressed to the referring unit (for a court that was not named, the room's
//! usual court from 设置), naming the case, and giving the result:
//! 调解成功 with its date, or 调解终止 with the reason recorded in the status history.
//! Signed by the committee with the date of the letter.

use super::date::chinese_date;
use super::model::{Block, Document, DocumentError};
use super::register::seal_line;
use super::template::Template;
use crate::domain::case::Case;
use crate::domain::org::OrgProfile;
use crate::domain::party::PartyRole;
use crate::domain::status::CaseStatus;
use chrono::NaiveDate;

/// The feedback letter, dated `today`.
pub fn feedback_letter(
    case: &Case,
    org: &OrgProfile,
    today: NaiveDate,
    t: &Template,
) -> Result<Document, DocumentError> {
    feedback_letter_to(case, org, today, "", t)
}

/// The feedback letter; a case a court sent (诉调对接) without naming the court is
/// answered to the room's usual court (`default_court`, from 设置) when there is one.
pub fn feedback_letter_to(
    case: &Case,
    org: &OrgProfile,
    today: NaiveDate,
    default_court: &str,
    t: &Template,
) -> Result<Document, DocumentError> {
    let f = &case.fields;
    let unit = match f.referrer_unit.trim() {
        "" if f.source == crate::domain::source::Source::Court => default_court.trim(),
        unit => unit,
    };
    if !f.source.is_referral() || unit.is_empty() {
        return Err(DocumentError::NotReferred);
    }
    let outcome = case
        .history
        .iter()
        .rev()
        .find(|c| matches!(c.to, CaseStatus::Succeeded | CaseStatus::Terminated))
        .ok_or(DocumentError::NoResult)?;
    let mut doc = Document::titled(t.title());
    let number = case.number.as_ref().map(|n| n.text.clone());
    doc.number.clone_from(&number);
    doc.addressee = Some(t.fill("addressee", &[("unit", unit)]));
    let reference = match f.referrer_ref.trim() {
        "" => String::new(),
        r => t.fill("reference", &[("reference", r)]),
    };
    doc.blocks.push(Block::Paragraph(t.fill(
        "intro",
        &[
            ("received", &chinese_date(f.received_on)),
            ("applicants", &names(case, PartyRole::Applicant, t)),
            ("respondents", &names(case, PartyRole::Respondent, t)),
            ("category", f.category.display_label()),
            ("reference", &reference),
        ],
    )));
    let mut rows = vec![(
        t.text("number"),
        number.unwrap_or_else(|| t.text("unnumbered")),
    )];
    rows.push((t.text("result"), outcome.to.label().to_string()));
    match outcome.to {
        CaseStatus::Succeeded => {
            rows.push((t.text("agreed_on"), chinese_date(outcome.at.date_naive())));
        }
        _ => {
            rows.push((
                t.text("terminated_on"),
                chinese_date(outcome.at.date_naive()),
            ));
            let reason = outcome.reason.trim();
            rows.push((
                t.text("termination_reason"),
                if reason.is_empty() {
                    t.text("not_recorded")
                } else {
                    reason.to_string()
                },
            ));
        }
    }
    doc.blocks.push(Block::Fields(rows));
    doc.blocks.push(Block::Paragraph(t.text("closing")));
    doc.seal = Some(seal_line(org, t));
    doc.date = Some(chinese_date(today));
    Ok(doc)
}

/// The names of the parties in one role, joined with 、; 某某 when there are none.
fn names(case: &Case, role: PartyRole, t: &Template) -> String {
    let names: Vec<&str> = case
        .fields
        .parties
        .iter()
        .filter(|p| p.role == role)
        .map(|p| p.name.trim())
        .collect();
    if names.is_empty() {
        t.text("no_party")
    } else {
        names.join("、")
    }
}
