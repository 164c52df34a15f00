//! 调解记录 (DOMAIN.md §2.4, §3), or 调查记录 for an investigation: the record of one session — the dispute, time, place,
//! mediators, recorder, attendees (the mediators are not among them), what was said (the
//! record text, one paragraph per line typed), the outcome, the participants'
//! confirmation of the record, and a signature line for each attendee, the mediators and
//! the recorder. The recorder is not stored with a session: the line is left to sign.

use super::date::{chinese_date, chinese_date_time, chinese_time};
use super::forms::CaseFile;
use super::model::{Block, Document, DocumentError, Signature};
use super::names::dispute;
use super::template::Template;
use crate::domain::session::SessionKind;

/// The record of the chosen session (default the latest held).
pub fn session_record(file: &CaseFile, t: &Template) -> Result<Document, DocumentError> {
    let session = file.session(true).ok_or(DocumentError::NoSession)?;
    let f = &session.fields;
    let r = &session.record;
    // An investigation (调查核实) is recorded as what it was.
    let title = match f.kind {
        SessionKind::Investigation => t.text("title_investigation"),
        _ => t.title(),
    };
    let mut doc = Document::titled(title);
    doc.number = file.case.number.as_ref().map(|n| n.text.clone());
    let end = if f.end.date_naive() == f.start.date_naive() {
        chinese_time(&f.end)
    } else {
        chinese_date_time(&f.end)
    };
    // The mediators lead the session; they are not among its participants (DOMAIN.md §3).
    let mediators: Vec<&str> = session
        .mediator_names
        .split(['、', ','])
        .map(str::trim)
        .chain(
            f.mediators
                .iter()
                .filter_map(|id| file.mediators.iter().find(|m| m.id == *id))
                .map(|m| m.name.trim()),
        )
        .filter(|m| !m.is_empty())
        .collect();
    let attendees: Vec<&str> = r
        .attendees
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty() && !mediators.contains(a))
        .collect();
    let blank = t.text("blank");
    let or_blank = |s: &str| {
        if s.trim().is_empty() {
            blank.clone()
        } else {
            s.trim().to_string()
        }
    };
    doc.blocks.push(Block::Fields(vec![
        (t.text("dispute_label"), dispute(file.case, t)),
        (
            t.text("time"),
            t.fill(
                "span",
                &[("start", &chinese_date_time(&f.start)), ("end", &end)],
            ),
        ),
        (t.text("place"), or_blank(&f.place)),
        (t.text("mediators"), or_blank(&session.mediator_names)),
        (t.text("recorder"), blank.clone()),
        (t.text("attendees"), or_blank(&attendees.join("、"))),
    ]));
    doc.blocks.push(Block::Labelled {
        label: t.text("notes"),
        text: String::new(),
    });
    let paragraphs: Vec<&str> = r
        .notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if paragraphs.is_empty() {
        doc.blocks.push(Block::Paragraph(t.text("not_recorded")));
    }
    for p in paragraphs {
        doc.blocks.push(Block::Paragraph(p.to_string()));
    }
    doc.blocks.push(Block::Labelled {
        label: t.text("outcome"),
        text: match r.outcome.trim() {
            "" => t.text("not_recorded"),
            o => o.to_string(),
        },
    });
    // Each participant signs to confirm what was recorded.
    doc.blocks.push(Block::Paragraph(t.text("confirm")));
    doc.end_mark = Some(t.text("end_of_text"));
    doc.signatures = attendees
        .iter()
        .map(|name| Signature::new(t.fill("sign.attendee", &[("name", name)])))
        .collect();
    doc.signatures.push(Signature::new(t.text("sign.mediator")));
    doc.signatures.push(Signature::new(t.text("sign.recorder")));
    doc.date = Some(chinese_date(f.start.date_naive()));
    Ok(doc)
}
