//! 受理登记表 (DOMAIN.md §3): date; parties in role order with their particulars;
//! 纠纷类型; 案件来源 (+ the referring unit); 纠纷简要情况; signature lines for the party
//! and the 登记人; the committee's name with its seal line.

use super::date::chinese_date;
use super::model::{Block, Document, Signature};
use super::principals;
use super::template::Template;
use crate::domain::case::Case;
use crate::domain::org::OrgProfile;
use crate::domain::party::{Party, PartyKind};
use chrono::NaiveDate;

/// The registration form of a case, dated the day it was registered (the day it was
/// received when the history has no registration record).
#[must_use]
pub fn register_form(case: &Case, org: &OrgProfile, t: &Template) -> Document {
    let f = &case.fields;
    let mut doc = Document::titled(t.title());
    doc.number = case.number.as_ref().map(|n| n.text.clone());
    let registered = case
        .registered()
        .map_or(f.received_on, |c| c.at.date_naive());
    doc.blocks.push(Block::Fields(vec![(
        t.text("registered_on"),
        chinese_date(registered),
    )]));
    doc.blocks.extend(party_blocks(&f.parties, registered, t));
    let mut source = f.source.label().to_string();
    if f.source.is_referral() && !f.referrer_unit.trim().is_empty() {
        source = t.fill(
            "referrer",
            &[("source", &source), ("unit", f.referrer_unit.trim())],
        );
    }
    doc.blocks.push(Block::Fields(vec![
        (t.text("category"), f.category.display_label().to_string()),
        (t.text("source"), source),
    ]));
    doc.blocks.push(Block::Labelled {
        label: t.text("facts"),
        text: f.facts.trim().to_string(),
    });
    doc.end_mark = Some(t.text("end_of_text"));
    doc.signatures = vec![
        Signature::new(t.text("sign.party")),
        Signature::new(t.text("sign.registrar")),
    ];
    doc.seal = Some(seal_line(org, t));
    doc.date = Some(chinese_date(registered));
    doc
}

/// 新华街道人民调解委员会（印）.
pub fn seal_line(org: &OrgProfile, t: &Template) -> String {
    t.fill("seal", &[("committee", org.committee_name.trim())])
}

/// One block per party, in role order (申请人, 被申请人, 第三人), keeping the order they
/// were entered in within a role; each party's agents follow it as 委托代理人
/// (`principals`), never as parties of their own.
pub fn party_blocks(parties: &[Party], on: NaiveDate, t: &Template) -> Vec<Block> {
    let (groups, orphans) = principals::grouped(parties);
    let mut out = Vec::new();
    // "王秀兰的委托代理人" (DOMAIN.md §3): whom the agent acts for is said, not only
    // shown by the place — two parties may share a name, and a page may break between.
    let agent_block = |a: &Party, of: Option<&Party>| Block::Party {
        role: match of {
            Some(p) => format!("{}的{}", p.name.trim(), a.role.label()),
            None => a.role.label().to_string(),
        },
        fields: agent_particulars(a, t),
    };
    for (party, agents) in groups {
        out.push(Block::Party {
            role: party.role.label().to_string(),
            fields: particulars(party, on, t),
        });
        out.extend(agents.into_iter().map(|a| agent_block(a, Some(party))));
    }
    out.extend(orphans.into_iter().map(|a| agent_block(a, None)));
    out
}

/// An agent's particulars: who they are and how to reach them (DOMAIN.md §3: 姓名,
/// 职业/单位), empty ones left out.
fn agent_particulars(p: &Party, t: &Template) -> Vec<(String, String)> {
    let rows = vec![
        ("party.name", p.name.clone()),
        ("party.occupation", p.occupation.clone()),
        ("party.phone", p.phone.clone()),
        ("party.address", p.address.clone()),
    ];
    rows.into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(key, v)| (t.text(key), v.trim().to_string()))
        .collect()
}

/// The particulars in the official order (DOMAIN.md §3), empty ones left out.
fn particulars(p: &Party, on: NaiveDate, t: &Template) -> Vec<(String, String)> {
    let rows: Vec<(&str, String)> = match p.kind {
        PartyKind::Person => vec![
            ("party.name", p.name.clone()),
            (
                "party.sex",
                p.sex.map(|s| s.label().to_string()).unwrap_or_default(),
            ),
            ("party.ethnicity", p.ethnicity.clone()),
            (
                "party.birth_date",
                p.birth_date.map(chinese_date).unwrap_or_default(),
            ),
            (
                "party.age",
                p.birth_date
                    .and_then(|b| age(b, on))
                    .map(|a| t.fill("age", &[("years", &a.to_string())]))
                    .unwrap_or_default(),
            ),
            ("party.id_number", p.id_number.clone()),
            ("party.occupation", p.occupation.clone()),
            ("party.phone", p.phone.clone()),
            ("party.address", p.address.clone()),
        ],
        PartyKind::Organisation => {
            let (rep, title) = principals::legal_rep(p);
            vec![
                ("party.org_name", p.name.clone()),
                ("party.credit_code", p.credit_code.clone()),
                ("party.org_address", p.address.clone()),
                ("party.legal_rep", rep),
                ("party.legal_rep_title", title),
                ("party.phone", p.phone.clone()),
            ]
        }
    };
    rows.into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(key, v)| (t.text(key), v.trim().to_string()))
        .collect()
}

/// Full years from `birth` to `on`; none for a birth date after `on`.
fn age(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(birth)
}
