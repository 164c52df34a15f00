//! 卷内目录 (DOMAIN.md §3): the numbered list of the documents in the case's file, in
//! binding order, each with its date and its 页号 — the page of the file it starts on,
//! counted from the first document — built from what the case has: the 受理登记表, a
//! notice per invited party of each session, the record of each session held, the
//! 人民调解协议书 when the case succeeded, the result letter to a referring unit, and
//! each follow-up record. After a document whose pages are not known (an agreement not
//! drafted yet) the 页号 are left to write by hand.

use super::date::chinese_date;
use super::forms::{CaseFile, Choice, FormKind};
use super::model::{Block, Document};
use super::names::outcome;
use super::template::Templates;
use crate::domain::session::{SessionKind, SessionStatus};
use crate::domain::status::CaseStatus;
use chrono::NaiveDate;

/// One line of the index.
struct Entry {
    title: String,
    date: NaiveDate,
    pages: Option<usize>,
}

/// The index of the case's file.
#[must_use]
pub fn file_index(file: &CaseFile, templates: &Templates) -> Document {
    let t = templates.form(FormKind::Index.template());
    let mut doc = Document::titled(t.title());
    doc.number = file.case.number.as_ref().map(|n| n.text.clone());
    let mut next_page = Some(1);
    let rows = entries(file, templates)
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let seq = (i + 1).to_string();
            let label = t.fill("entry", &[("seq", &seq), ("title", &e.title)]);
            let value = match next_page {
                Some(page) => t.fill(
                    "dated_page",
                    &[("date", &chinese_date(e.date)), ("page", &page.to_string())],
                ),
                None => chinese_date(e.date),
            };
            next_page = next_page.zip(e.pages).map(|(p, n)| p + n);
            (label, value)
        })
        .collect();
    doc.blocks.push(Block::Fields(rows));
    doc
}

/// What the file holds, in binding order.
fn entries(file: &CaseFile, templates: &Templates) -> Vec<Entry> {
    let mut out = Vec::new();
    // Each form is built again here with the choice that picks one session or visit.
    let made = |kind: FormKind, choice: Choice, date: NaiveDate| {
        let sub = CaseFile { choice, ..*file };
        let docs = kind.build(&sub, templates).unwrap_or_default();
        docs.into_iter()
            .map(|doc| Entry {
                title: doc.title.clone(),
                date,
                pages: Some((file.pages)(&doc)),
            })
            .collect::<Vec<_>>()
    };
    let case = file.case;
    let registered = case
        .registered()
        .map_or(case.fields.received_on, |c| c.at.date_naive());
    out.extend(made(FormKind::Register, Choice::default(), registered));
    // Binding order: every notice, then every record, each group in time order.
    // A follow-up visit has its 回访记录 below, not a notice or a record.
    let live: Vec<_> = file
        .sessions
        .iter()
        .filter(|s| {
            s.fields.kind != SessionKind::FollowUp
                && !matches!(
                    s.status,
                    SessionStatus::Cancelled | SessionStatus::Postponed
                )
        })
        .collect();
    let of = |s: &crate::domain::session::Session| Choice {
        session: Some(s.id),
        ..Choice::default()
    };
    for s in &live {
        out.extend(made(FormKind::Notice, of(s), s.fields.date()));
    }
    for s in live.iter().filter(|s| s.status == SessionStatus::Held) {
        out.extend(made(FormKind::Record, of(s), s.fields.date()));
    }
    let result = outcome(case);
    if let Some(done) = result.filter(|c| c.to == CaseStatus::Succeeded) {
        let date = file
            .choice
            .agreement
            .as_ref()
            .map_or(done.at.date_naive(), |a| a.date);
        let agreement = file.agreement.filter(|a| a.case_id == case.id);
        match agreement {
            Some(_) => out.extend(made(FormKind::Agreement, Choice::default(), date)),
            None => out.push(Entry {
                title: templates.form("index").text("agreement_title"),
                date,
                pages: None,
            }),
        }
    }
    if let Some(done) = result {
        out.extend(made(
            FormKind::Feedback,
            Choice::default(),
            done.at.date_naive(),
        ));
    }
    for (i, v) in file.follow_ups.iter().enumerate() {
        let choice = Choice {
            visit: Some(i + 1),
            agreement: file.choice.agreement.clone(),
            ..Choice::default()
        };
        out.extend(made(FormKind::FollowUp, choice, v.visited_on));
    }
    out
}
