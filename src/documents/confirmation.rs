//! 司法确认申请书 (人民调解法 Art 33; 民事诉讼法 Arts 205–206): the parties' joint
//! application to a court to confirm their agreement — addressed to the court the case
//! stores (the agreement's confirmation court, else the referring court when a court sent
//! the case, else the room's usual court from 设置, else a line to fill), every party as an applicant with its particulars as
//! the agreement gives them (ages on its date), the request naming the agreement's number
//! and date, the facts, the statement the court's form asks for, a signature line per
//! party and the date it is made — with a warning on screen when that is past the 30
//! days. Refused for a case without an agreement, or one that ended without one.

use super::date::chinese_date;
use super::forms::CaseFile;
use super::model::{Block, Document, DocumentError, Signature};
use super::names::{dispute, outcome};
use super::register::party_blocks;
use super::template::Template;
use crate::domain::agreement::confirmation_window_end;
use crate::domain::party::PartyRole;
use crate::domain::source::Source;
use crate::domain::status::CaseStatus;

/// The joint application of the case's parties, dated `file.today`.
pub fn application(file: &CaseFile, t: &Template) -> Result<Document, DocumentError> {
    let case = file.case;
    let f = &case.fields;
    if matches!(case.status, CaseStatus::Terminated | CaseStatus::Rejected)
        || outcome(case).is_some_and(|c| c.to == CaseStatus::Terminated)
    {
        return Err(DocumentError::NotConfirmable);
    }
    let agreement = file
        .agreement
        .filter(|a| a.case_id == case.id)
        .ok_or(DocumentError::NoAgreement)?;
    let mut doc = Document::titled(t.title());
    let stored = agreement.confirmation.court.trim();
    let court = match f.source {
        _ if !stored.is_empty() => stored.to_string(),
        Source::Court if !f.referrer_unit.trim().is_empty() => f.referrer_unit.trim().to_string(),
        _ if !file.default_court.trim().is_empty() => file.default_court.trim().to_string(),
        _ => t.text("court_blank"),
    };
    doc.addressee = Some(t.fill("addressee", &[("court", &court)]));
    let applicant = t.text("applicant");
    let parties: Vec<_> = f
        .parties
        .iter()
        .filter(|p| p.role != PartyRole::Agent)
        .cloned()
        .collect();
    // The ages the agreement states: on its date, not on the day this is printed.
    let on = agreement.date.unwrap_or(file.today);
    for block in party_blocks(&parties, on, t) {
        if let Block::Party { fields, .. } = block {
            doc.blocks.push(Block::Party {
                role: applicant.clone(),
                fields,
            });
        }
    }
    let (number, date) = match &file.choice.agreement {
        Some(a) => (a.number.clone(), chinese_date(a.date)),
        None => (t.text("number_blank"), t.text("date_blank")),
    };
    let committee = file.org.committee_name.trim();
    let values = [
        ("date", date.as_str()),
        ("committee", committee),
        ("number", number.as_str()),
        ("dispute", &dispute(case, t)),
    ];
    doc.blocks.push(Block::Labelled {
        label: t.text("request_label"),
        text: t.fill("request", &values),
    });
    doc.blocks.push(Block::Labelled {
        label: t.text("facts_label"),
        text: t.fill("facts", &values),
    });
    if !f.facts.trim().is_empty() {
        doc.blocks
            .push(Block::Paragraph(f.facts.trim().to_string()));
    }
    doc.blocks.push(Block::Paragraph(t.text("statement")));
    let mut sorted = parties;
    sorted.sort_by_key(|p| p.role);
    doc.signatures = sorted
        .iter()
        .map(|p| Signature::new(t.fill("sign.party", &[("name", p.name.trim())])))
        .collect();
    doc.date = Some(chinese_date(file.today));
    let effective = file
        .choice
        .agreement
        .as_ref()
        .map(|a| a.date)
        .or(agreement.date);
    let window = effective.and_then(|d| Some((d, confirmation_window_end(d)?)));
    if let Some((date, end)) = window.filter(|(_, end)| file.today > *end) {
        doc.warnings.push(crate::i18n::tf(
            "docs.warn.confirmation_late",
            &[("date", &chinese_date(date)), ("end", &chinese_date(end))],
        ));
    }
    Ok(doc)
}
