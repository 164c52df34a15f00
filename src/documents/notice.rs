//! 调解通知书 (DOMAIN.md §3): a notice to one party to attend one session — addressed to
//! the party, naming the dispute, the time, the place, the mediators and what to bring,
//! signed with the committee's seal line and dated the day it is made. A session makes
//! one notice per invited party (every party when the session names none).

use super::date::{chinese_date, chinese_date_time, chinese_time};
use super::forms::CaseFile;
use super::model::{Block, Document, DocumentError};
use super::names::dispute;
use super::register::seal_line;
use super::template::Template;
use crate::domain::party::PartyRole;
use crate::domain::session::Session;

/// The notices of the chosen session: the chosen party's, or one for each invited party.
pub fn notices(file: &CaseFile, t: &Template) -> Result<Vec<Document>, DocumentError> {
    let session = file.session(false).ok_or(DocumentError::NoSession)?;
    let invited = invited(file, session);
    let chosen: Vec<&String> = match file.choice.party {
        Some(n) => vec![
            n.checked_sub(1)
                .and_then(|i| invited.get(i))
                .ok_or(DocumentError::NoSuchParty(n))?,
        ],
        None => invited.iter().collect(),
    };
    Ok(chosen
        .into_iter()
        .map(|name| notice(file, session, name, t))
        .collect())
}

/// The names a session's notices go to: its invited parties, or every party but agents.
pub fn invited(file: &CaseFile, session: &Session) -> Vec<String> {
    let parties = &file.case.fields.parties;
    let mut names: Vec<String> = session
        .fields
        .parties
        .iter()
        .map(|p| {
            parties
                .get(p.seq as usize)
                .map_or(p.name.trim(), |party| party.name.trim())
                .to_string()
        })
        .collect();
    if names.is_empty() {
        let mut all: Vec<_> = parties
            .iter()
            .filter(|p| p.role != PartyRole::Agent)
            .collect();
        all.sort_by_key(|p| p.role);
        names = all.iter().map(|p| p.name.trim().to_string()).collect();
    }
    names.retain(|n| !n.is_empty());
    names
}

/// One party's notice of one session.
pub fn notice(file: &CaseFile, session: &Session, party: &str, t: &Template) -> Document {
    let f = &session.fields;
    let mut doc = Document::titled(t.title());
    doc.number = file.case.number.as_ref().map(|n| n.text.clone());
    doc.addressee = Some(t.fill("addressee", &[("party", party)]));
    let time = if f.end.date_naive() == f.start.date_naive() {
        t.fill(
            "span",
            &[
                ("start", &chinese_date_time(&f.start)),
                ("end", &chinese_time(&f.end)),
            ],
        )
    } else {
        t.fill(
            "span",
            &[
                ("start", &chinese_date_time(&f.start)),
                ("end", &chinese_date_time(&f.end)),
            ],
        )
    };
    doc.blocks.push(Block::Paragraph(t.fill(
        "body",
        &[
            ("dispute", &dispute(file.case, t)),
            ("time", &chinese_date_time(&f.start)),
            ("place", f.place.trim()),
        ],
    )));
    let mut rows = vec![
        (t.text("time"), time),
        (t.text("place"), f.place.trim().to_string()),
    ];
    let mediators = session.mediator_names.trim();
    if !mediators.is_empty() {
        rows.push((t.text("mediators"), mediators.to_string()));
    }
    rows.push((t.text("bring_label"), t.text("bring")));
    doc.blocks.push(Block::Fields(rows));
    doc.blocks.push(Block::Paragraph(t.text("closing")));
    doc.seal = Some(seal_line(file.org, t));
    doc.date = Some(chinese_date(file.today));
    doc
}
