//! 受理登记表 (DOMAIN.md §3): date; parties in role order with their particulars;
//! 纠纷类型; 案件来源 (+ the referring unit); 纠纷简要情况; signature lines for the party
//! and the 登记人; the committee's name with its seal line.

use super::date::chinese_date;
use super::model::{Block, Document, Signature};
use crate::domain::case::Case;
use crate::domain::org::OrgProfile;
use crate::domain::party::{Party, PartyKind};
use chrono::NaiveDate;

/// The registration form of a case, dated the day it was registered (the day it was
/// received when the history has no registration record).
#[must_use]
pub fn register_form(case: &Case, org: &OrgProfile) -> Document {
    let f = &case.fields;
    let mut doc = Document::titled("受理登记表");
    doc.number = case.number.as_ref().map(|n| n.text.clone());
    let registered = case
        .registered()
        .map_or(f.received_on, |c| c.at.date_naive());
    doc.blocks.push(Block::Fields(vec![(
        "登记日期".into(),
        chinese_date(registered),
    )]));
    doc.blocks.extend(party_blocks(&f.parties, registered));
    let mut source = f.source.label().to_string();
    if f.source.is_referral() && !f.referrer_unit.trim().is_empty() {
        source = format!("{source}（移送单位：{}）", f.referrer_unit.trim());
    }
    doc.blocks.push(Block::Fields(vec![
        ("纠纷类型".into(), f.category.display_label().to_string()),
        ("案件来源".into(), source),
    ]));
    doc.blocks.push(Block::Labelled {
        label: "纠纷简要情况".into(),
        text: f.facts.trim().to_string(),
    });
    doc.signatures = vec![
        Signature::new("当事人（签名或按指印）"),
        Signature::new("登记人（签名）"),
    ];
    doc.seal = Some(seal_line(org));
    doc.date = Some(chinese_date(registered));
    doc
}

/// 新华街道人民调解委员会（印）.
pub fn seal_line(org: &OrgProfile) -> String {
    format!("{}（印）", org.committee_name.trim())
}

/// One block per party, in role order (申请人, 被申请人, 第三人, 委托代理人), keeping the
/// order they were entered in within a role.
pub fn party_blocks(parties: &[Party], on: NaiveDate) -> Vec<Block> {
    let mut sorted: Vec<&Party> = parties.iter().collect();
    sorted.sort_by_key(|p| p.role);
    sorted
        .into_iter()
        .map(|p| Block::Party {
            role: p.role.label().to_string(),
            fields: particulars(p, on),
        })
        .collect()
}

/// The particulars in the official order (DOMAIN.md §3), empty ones left out.
fn particulars(p: &Party, on: NaiveDate) -> Vec<(String, String)> {
    let rows: Vec<(&str, String)> = match p.kind {
        PartyKind::Person => vec![
            ("姓名", p.name.clone()),
            (
                "性别",
                p.sex.map(|s| s.label().to_string()).unwrap_or_default(),
            ),
            ("民族", p.ethnicity.clone()),
            (
                "出生日期",
                p.birth_date.map(chinese_date).unwrap_or_default(),
            ),
            (
                "年龄",
                p.birth_date
                    .and_then(|b| age(b, on))
                    .map(|a| format!("{a}岁"))
                    .unwrap_or_default(),
            ),
            ("身份证号", p.id_number.clone()),
            ("职业或职务", p.occupation.clone()),
            ("联系方式", p.phone.clone()),
            ("住址", p.address.clone()),
        ],
        PartyKind::Organisation => vec![
            ("名称", p.name.clone()),
            ("统一社会信用代码", p.credit_code.clone()),
            ("地址", p.address.clone()),
            ("法定代表人", p.legal_rep.clone()),
            ("联系方式", p.phone.clone()),
        ],
    };
    rows.into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(l, v)| (l.to_string(), v.trim().to_string()))
        .collect()
}

/// Full years from `birth` to `on`; none for a birth date after `on`.
fn age(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(birth)
}
