//! Demo organisations: property and heating companies, lenders, employers, shops,
//! clinics, insurers, cooperatives and village committees of Linhe, each with a legal
//! representative, a phone and — except a village committee — a valid 统一社会信用代码
//! computed by the GB 32100 rule of DOMAIN.md §5.

use super::people::{mobile, person_name, pick};
use super::words::{BRANDS, INSURERS, ROADS, TOWNS, VILLAGES};
use crate::domain::party::{Party, PartyKind, PartyRole, Sex};
use chrono::{Datelike, NaiveDate};
use fastrand::Rng;

use crate::domain::credit_code::{CREDIT_ALPHABET, check_char_of};

/// A Bayannur landline as parse_phone writes it: 0478-8412345.
fn landline(rng: &mut Rng) -> String {
    format!("0478-{}{:06}", rng.u32(7..=8), rng.u32(..1_000_000))
}

/// The kinds of organisation a dispute in Linhe involves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OrgKind {
    Property,
    Heating,
    Finance,
    Builder,
    Employer,
    Shop,
    Clinic,
    Insurer,
    Cooperative,
    Village,
    Developer,
    Buyer,
}

/// An organisation party with a 法定代表人, phone, address and — except for a village
/// committee — a valid 统一社会信用代码.
pub(super) fn organisation(
    rng: &mut Rng,
    kind: OrgKind,
    role: PartyRole,
    today: NaiveDate,
) -> Party {
    let brand = pick(rng, BRANDS);
    let village = format!("{}{}", pick(rng, TOWNS), pick(rng, VILLAGES));
    let name = match kind {
        OrgKind::Property => format!("巴彦淖尔市{brand}物业服务有限公司"),
        OrgKind::Heating => pick(
            rng,
            &["临河区{b}热力有限责任公司", "巴彦淖尔市{b}供热有限公司"],
        )
        .replace("{b}", brand),
        OrgKind::Finance => pick(
            rng,
            &["临河区{b}小额贷款有限公司", "巴彦淖尔市{b}融资担保有限公司"],
        )
        .replace("{b}", brand),
        OrgKind::Builder => format!("内蒙古{brand}建筑工程有限公司"),
        OrgKind::Employer => pick(
            rng,
            &[
                "临河区{b}餐饮有限公司",
                "巴彦淖尔市{b}商贸有限公司",
                "临河区{b}物流有限公司",
            ],
        )
        .replace("{b}", brand),
        OrgKind::Shop => pick(
            rng,
            &[
                "临河区{b}家电城",
                "巴彦淖尔市{b}汽车销售服务有限公司",
                "临河区{b}健身会所",
            ],
        )
        .replace("{b}", brand),
        OrgKind::Clinic => pick(rng, &["临河区{b}医院", "临河区{b}口腔诊所"]).replace("{b}", brand),
        OrgKind::Insurer => pick(rng, INSURERS).to_string(),
        OrgKind::Cooperative => format!("临河区{brand}养殖专业合作社"),
        OrgKind::Village => format!("临河区{village}村民委员会"),
        OrgKind::Developer => format!("巴彦淖尔市{brand}房地产开发有限公司"),
        OrgKind::Buyer => format!("巴彦淖尔市{brand}农业科技有限公司"),
    };
    let credit_code = match kind {
        OrgKind::Village => String::new(),
        // 9 = registered by market regulation; 1 = company, 3 = farmers' cooperative.
        OrgKind::Cooperative => credit_code(rng, "93"),
        _ => credit_code(rng, "91"),
    };
    let rep_sex = if rng.u32(..100) < 75 {
        Sex::Male
    } else {
        Sex::Female
    };
    let rep_born = today.year() - rng.i32(35..=62);
    let legal_rep = person_name(rng, rep_sex, "汉族", rep_born, None);
    let address = match kind {
        OrgKind::Village => format!("巴彦淖尔市临河区{village}"),
        _ => format!("巴彦淖尔市临河区{}{}号", pick(rng, ROADS), rng.u32(1..=300)),
    };
    Party {
        name,
        credit_code,
        legal_rep,
        // Drawn from nothing, so every other value of a seed stays as it was.
        legal_rep_title: match kind {
            OrgKind::Village => "村民委员会主任",
            OrgKind::Cooperative => "理事长",
            OrgKind::Clinic => "院长",
            _ => "总经理",
        }
        .to_string(),
        phone: if rng.bool() {
            landline(rng)
        } else {
            mobile(rng)
        },
        address,
        ..Party::new(role, PartyKind::Organisation)
    }
}

/// A 统一社会信用代码: `head` (authority and type), the 150802 area, a 9-character
/// organisation code, and the GB 32100 check character (DOMAIN.md §5).
pub(super) fn credit_code(rng: &mut Rng, head: &str) -> String {
    let mut body = format!("{head}150802");
    if rng.bool() {
        // Codes issued since 2015 carry "MA" where the old organisation code stood.
        body.push_str("MA");
    }
    while body.len() < 17 {
        let i = rng.usize(..CREDIT_ALPHABET.len());
        body.push(char::from(
            CREDIT_ALPHABET.as_bytes().get(i).copied().unwrap_or(b'0'),
        ));
    }
    body.push(check_char_of(&body).unwrap_or('0'));
    body
}
