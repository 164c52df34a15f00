//! 人民调解协议书 (DOMAIN.md §3), or the 口头协议登记表 of an oral agreement with the same
//! content: number; parties in role order with their particulars; 纠纷主要事实、争议事项;
//! 经调解，自愿达成如下协议 with numbered clauses; 履行方式、时限 as further numbered
//! clauses (amounts in figures and in capitals); when it takes effect, that it binds,
//! and the joint application for judicial confirmation within 30 days (Arts 29, 31, 33);
//! the copies clause (parties + 1, agents not counted); （以下无正文）; signature lines
//! for every party with its agents under it, the mediators and the recorder; the parent
//! committee's seal line; the date.
//! The fixed wording comes from `assets/templates/agreement.json`.

use super::amount::{capital, figures};
use super::date::chinese_date;
use super::model::{Block, Document, Signature};
use super::principals;
use super::register::{party_blocks, seal_line};
use super::template::Template;
use crate::domain::agreement::{Agreement, AgreementKind, PerformanceItem, chinese_count, copies};
use crate::domain::case::Case;
use crate::domain::org::OrgProfile;
use crate::domain::party::{Party, PartyKind};

/// The agreement of `case` as a document, in the room's wording `t`.
#[must_use]
pub fn agreement_document(case: &Case, a: &Agreement, org: &OrgProfile, t: &Template) -> Document {
    let title = match a.kind {
        AgreementKind::Written => t.title(),
        AgreementKind::Oral => t.text("title_oral"),
    };
    let mut doc = Document::titled(title);
    let number = if a.number.trim().is_empty() {
        t.text("unnumbered")
    } else {
        a.number.trim().to_string()
    };
    doc.number = Some(t.fill("number", &[("number", &number)]));
    // Ages are given as on the day of the agreement (the day it is printed for a draft).
    let on = a.date.unwrap_or(case.fields.received_on);
    doc.blocks.extend(party_blocks(&case.fields.parties, on, t));
    doc.blocks
        .extend(labelled_paragraphs(&t.text("facts"), &a.facts));
    // The parties' claims belong to the matters in dispute; a draft already holds them.
    let claims = case.fields.claims.trim();
    if !claims.is_empty() && !a.facts.contains(claims) {
        doc.blocks
            .push(Block::Paragraph(t.fill("claims", &[("claims", claims)])));
    }
    doc.blocks.push(Block::Paragraph(t.text("clauses")));
    let clauses: Vec<&String> = a.clauses.iter().filter(|c| !c.trim().is_empty()).collect();
    let mut n = 0;
    for clause in clauses {
        n += 1;
        doc.blocks.extend(numbered(t, n, clause));
    }
    if !a.items.is_empty() {
        doc.blocks.push(Block::Paragraph(t.text("performance")));
        for item in &a.items {
            n += 1;
            doc.blocks.extend(numbered(t, n, &item_text(item, t)));
        }
    }
    // When it takes effect (Art 29, Art 30 for an oral one), that it binds (Art 31) and
    // the way to the court (Art 33): standard sentences a room may reword or leave out
    // (an empty text) in its template file.
    let closing: &[&str] = match a.kind {
        AgreementKind::Written => &["effect", "binding", "confirmation"],
        AgreementKind::Oral => &["oral_note", "binding", "confirmation"],
    };
    for key in closing {
        let text = t.text(key);
        if !text.trim().is_empty() {
            doc.blocks.push(Block::Paragraph(text));
        }
    }
    // Agents are not parties: they keep no copy of their own (DOMAIN.md §3).
    let parties = principals::count(&case.fields.parties);
    if parties < 2 {
        // An agreement settles a dispute between parties: one alone is a data error
        // made before new ones were refused. It prints, and the user is told.
        doc.warnings.push(crate::i18n::tf(
            "docs.warn.one_party",
            &[("n", &parties.to_string())],
        ));
    }
    // A payment naming nobody to receive it was accepted before the editor asked for a
    // payee: it prints as stored, and the user is told what a reviewer will ask.
    for (i, item) in a.items.iter().enumerate() {
        if item.amount_fen.is_some_and(|f| f > 0) && item.obligee.trim().is_empty() {
            doc.warnings.push(crate::i18n::tf(
                "docs.warn.no_payee",
                &[("n", &(i + 1).to_string())],
            ));
        }
    }
    let n = copies(parties);
    doc.copies = Some(n);
    let n_copies = chinese_count(n);
    doc.blocks
        .push(Block::Paragraph(t.fill("copies", &[("n", &n_copies)])));
    doc.end_mark = Some(t.text("end_of_text"));
    doc.signatures = signatures(&case.fields.parties, a, t);
    doc.seal = Some(seal_line(org, t));
    doc.date = Some(a.date.map_or_else(|| t.text("date_blank"), chinese_date));
    doc
}

/// 纠纷主要事实、争议事项：first paragraph, then the further paragraphs as typed.
fn labelled_paragraphs(label: &str, text: &str) -> Vec<Block> {
    let mut paragraphs = text.split('\n').map(str::trim).filter(|p| !p.is_empty());
    let first = paragraphs.next().unwrap_or_default().to_string();
    let mut out = vec![Block::Labelled {
        label: label.to_string(),
        text: first,
    }];
    out.extend(paragraphs.map(|p| Block::Paragraph(p.to_string())));
    out
}

/// 一、first paragraph; further paragraphs of the clause follow as their own paragraphs.
fn numbered(t: &Template, n: usize, text: &str) -> Vec<Block> {
    let mut paragraphs = text.split('\n').map(str::trim).filter(|p| !p.is_empty());
    let first = paragraphs.next().unwrap_or_default();
    let mut out = vec![Block::Paragraph(
        t.fill("clause", &[("n", &chinese_count(n)), ("text", first)]),
    )];
    out.extend(paragraphs.map(|p| Block::Paragraph(p.to_string())));
    out
}

/// 李四于2026年12月31日前向张三支付赔偿款¥3,000.00（大写：人民币叁仟元整），履行地点：调解室。
pub fn item_text(item: &PerformanceItem, t: &Template) -> String {
    let when = item
        .due
        .map(|d| t.fill("item.when", &[("due", &chinese_date(d))]))
        .unwrap_or_default();
    let to = match item.obligee.trim() {
        "" => String::new(),
        name => t.fill("item.to", &[("obligee", name)]),
    };
    let amount = item
        .amount_fen
        .map(|fen| {
            t.fill(
                "item.amount",
                &[("figures", &figures(fen)), ("capital", &capital(fen))],
            )
        })
        .unwrap_or_default();
    let place = match item.place.trim() {
        "" => String::new(),
        p => t.fill("item.place", &[("place", p)]),
    };
    let what = item.what.trim().trim_end_matches(['。', '；', ';']);
    t.fill(
        "item",
        &[
            ("who", item.obligor.trim()),
            ("when", &when),
            ("to", &to),
            ("what", what),
            ("amount", &amount),
            ("place", &place),
        ],
    )
}

/// Every party in role order — an organisation by its seal and its representative —
/// each followed by its agents signing as 委托代理人; each mediator; the recorder.
fn signatures(parties: &[Party], a: &Agreement, t: &Template) -> Vec<Signature> {
    let (groups, orphans) = principals::grouped(parties);
    let mut out = Vec::new();
    for (p, agents) in groups {
        let name = p.name.trim();
        match p.kind {
            PartyKind::Person => out.push(Signature::new(t.fill("sign.party", &[("name", name)]))),
            PartyKind::Organisation => {
                out.push(Signature::new(t.fill("sign.org", &[("name", name)])));
                let (rep, _) = principals::legal_rep(p);
                out.push(Signature::new(match rep.as_str() {
                    "" => t.text("sign.org_rep_blank"),
                    rep => t.fill("sign.org_rep", &[("name", rep)]),
                }));
            }
        }
        for agent in agents {
            out.push(Signature::new(t.fill(
                "sign.agent",
                &[("party", name), ("name", agent.name.trim())],
            )));
        }
    }
    for agent in orphans {
        out.push(Signature::new(
            t.fill("sign.agent_alone", &[("name", agent.name.trim())]),
        ));
    }
    let mediators: Vec<&String> = a
        .mediators
        .iter()
        .filter(|m| !m.trim().is_empty())
        .collect();
    if mediators.is_empty() {
        out.push(Signature::new(t.text("sign.mediator_blank")));
    }
    for m in mediators {
        out.push(Signature::new(
            t.fill("sign.mediator", &[("name", m.trim())]),
        ));
    }
    out.push(Signature::new(match a.recorder.trim() {
        "" => t.text("sign.recorder_blank"),
        name => t.fill("sign.recorder", &[("name", name)]),
    }));
    out
}

#[cfg(test)]
mod tests;
