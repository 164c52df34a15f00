//! 调解通知书 (DOMAIN.md §3): a notice to one party to attend one session — addressed to
//! the party (请你, or 请你单位 for an organisation), naming the dispute, the time, the
//! place, the mediators and what to bring, the party's rights and duties (人民调解法
//! Arts 23–24), the committee's address and phone (from the room's template file, else
//! lines to fill), signed with the committee's seal line and dated the day it is made. A
//! session makes one notice per invited party (every party when the session names none).

use super::date::{chinese_date, chinese_date_time, chinese_time};
use super::forms::CaseFile;
use super::model::{Block, Document, DocumentError};
use super::names::dispute;
use super::principals;
use super::register::seal_line;
use super::template::Template;
use crate::domain::party::PartyKind;
use crate::domain::session::Session;

/// The notices of the chosen session: the chosen party's, or one for each invited party.
pub fn notices(file: &CaseFile, t: &Template) -> Result<Vec<Document>, DocumentError> {
    let session = file.session(false).ok_or(DocumentError::NoSession)?;
    let invited = invited(file, session);
    let chosen: Vec<&(String, PartyKind)> = match file.choice.party {
        Some(n) => vec![
            n.checked_sub(1)
                .and_then(|i| invited.get(i))
                .ok_or(DocumentError::NoSuchParty(n))?,
        ],
        None => invited.iter().collect(),
    };
    Ok(chosen
        .into_iter()
        .map(|(name, kind)| notice(file, session, name, *kind, t))
        .collect())
}

/// Who a session's notices go to, by name and kind: its invited parties, or every party
/// but agents. An invited name no longer among the parties is taken as a person.
pub fn invited(file: &CaseFile, session: &Session) -> Vec<(String, PartyKind)> {
    let parties = &file.case.fields.parties;
    let mut names: Vec<(String, PartyKind)> = session
        .fields
        .parties
        .iter()
        .map(|p| match parties.get(p.seq as usize) {
            Some(party) => (party.name.trim().to_string(), party.kind),
            None => (p.name.trim().to_string(), PartyKind::Person),
        })
        .collect();
    if names.is_empty() {
        names = principals::parties(parties)
            .iter()
            .map(|p| (p.name.trim().to_string(), p.kind))
            .collect();
    }
    names.retain(|(n, _)| !n.is_empty());
    names
}

/// One party's notice of one session.
pub fn notice(
    file: &CaseFile,
    session: &Session,
    party: &str,
    kind: PartyKind,
    t: &Template,
) -> Document {
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
            (
                "you",
                &t.text(match kind {
                    PartyKind::Person => "you.person",
                    PartyKind::Organisation => "you.org",
                }),
            ),
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
    rows.push((t.text("rights_label"), t.text("rights")));
    rows.push((t.text("duties_label"), t.text("duties")));
    doc.blocks.push(Block::Fields(rows));
    let or_blank = |key: &str, blank: &str| match t.text(key).trim() {
        "" => t.text(blank),
        text => text.to_string(),
    };
    doc.blocks.push(Block::Fields(vec![
        (
            t.text("contact.address_label"),
            or_blank("contact.address", "contact.address_blank"),
        ),
        (
            t.text("contact.phone_label"),
            or_blank("contact.phone", "blank"),
        ),
    ]));
    doc.blocks.push(Block::Paragraph(t.text("closing")));
    doc.seal = Some(seal_line(file.org, t));
    doc.date = Some(chinese_date(file.today));
    doc
}
