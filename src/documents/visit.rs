//! 回访记录 (DOMAIN.md §2.7, §3): one follow-up visit — the parties, the agreement's
//! number, why the visit was made, when and how, what was found (performance,
//! satisfaction, a lawsuit since, signs of escalation), the measures taken, the visitor,
//! signature lines for the visitor and the party visited, and the date of the visit.

use super::date::chinese_date;
use super::forms::CaseFile;
use super::model::{Block, Document, DocumentError, Signature};
use super::names::all_names;
use super::template::Template;

/// The record of the chosen visit (default the latest).
pub fn follow_up_record(file: &CaseFile, t: &Template) -> Result<Document, DocumentError> {
    let v = file.visit().ok_or(DocumentError::NoFollowUp)?;
    let mut doc = Document::titled(t.title());
    doc.number = file.case.number.as_ref().map(|n| n.text.clone());
    let agreement = file
        .choice
        .agreement
        .as_ref()
        .map_or_else(|| t.text("no_agreement"), |a| a.number.clone());
    doc.blocks.push(Block::Fields(vec![
        (t.text("parties"), all_names(file.case)),
        (t.text("agreement"), agreement),
        (t.text("reason_label"), t.text("reason")),
        (t.text("visited_on"), chinese_date(v.visited_on)),
        (t.text("way"), v.way.label().to_string()),
    ]));
    doc.blocks.push(Block::Labelled {
        label: t.text("situation"),
        text: String::new(),
    });
    let yes_no = |b: bool, yes: &str, no: &str| t.text(if b { yes } else { no });
    let measures = match v.measures.trim() {
        "" => t.text("no_measures"),
        m => m.to_string(),
    };
    doc.blocks.push(Block::Fields(vec![
        (t.text("performance"), v.performance.label().to_string()),
        (t.text("satisfaction"), v.satisfaction.label().to_string()),
        (t.text("lawsuit"), yes_no(v.lawsuit, "yes", "no")),
        (t.text("escalation"), yes_no(v.escalation, "has", "has_not")),
        (t.text("measures"), measures),
    ]));
    doc.blocks.push(Block::Fields(vec![(
        t.text("by_whom"),
        v.by_whom.trim().to_string(),
    )]));
    doc.signatures = vec![
        Signature::new(t.text("sign.visitor")),
        Signature::new(t.text("sign.party")),
    ];
    doc.date = Some(chinese_date(v.visited_on));
    Ok(doc)
}
