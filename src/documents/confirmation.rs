//! 司法确认申请书 (人民调解法 Art 33; 民事诉讼法 Arts 205–206): the parties' joint
//! application to a court to confirm their agreement — addressed to the court (the
//! referring court when a court sent the case, else a line to fill), every party as an
//! applicant with its particulars, the request naming the agreement's number and date,
//! the facts, the statement the court's form asks for, a signature line per party and
//! the date. The agreement comes from the agreement module: until it is wired in, its
//! number and date are optional inputs, printed as lines to fill when absent.

use super::date::chinese_date;
use super::forms::CaseFile;
use super::model::{Block, Document, Signature};
use super::names::dispute;
use super::register::party_blocks;
use super::template::Template;
use crate::domain::party::PartyRole;
use crate::domain::source::Source;

/// The joint application of the case's parties, dated `file.today`.
#[must_use]
pub fn application(file: &CaseFile, t: &Template) -> Document {
    let case = file.case;
    let f = &case.fields;
    let mut doc = Document::titled(t.title());
    let court = match f.source {
        Source::Court if !f.referrer_unit.trim().is_empty() => f.referrer_unit.trim().to_string(),
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
    for block in party_blocks(&parties, file.today, t) {
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
    doc
}
