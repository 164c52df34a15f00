//! Where demo cases come from — the parties, the room itself, or a referral from the
//! police, the court, the petition office or a government department, each with its
//! unit and a reference number in the form that body uses — and the reasons written
//! when a case is refused or mediation ends without agreement.

use super::people::{pick, weighted};
use super::words::STREETS;
use crate::domain::category::Category;
use crate::domain::source::Source;
use chrono::{Datelike, NaiveDate, TimeDelta};
use fastrand::Rng;

const SOURCES: &[(Source, u32)] = &[
    (Source::Application, 40),
    (Source::Initiative, 10),
    (Source::Police, 22),
    (Source::Court, 14),
    (Source::Petition, 6),
    (Source::Government, 5),
    (Source::Other, 3),
];

const POLICE_STATIONS: &[&str] = &[
    "新华",
    "车站",
    "铁南",
    "解放",
    "汇丰",
    "先锋",
    "东环",
    "西环",
    "北环",
    "城关",
    "干召庙",
    "狼山",
    "乌兰图克",
    "双河",
];

const OTHER_UNITS: &[&str] = &[
    "临河区妇女联合会",
    "临河区总工会",
    "临河区司法局",
    "临河区残疾人联合会",
    "临河区工商业联合会",
];

/// The referral part of a case: source, unit and reference.
#[derive(Debug, Clone)]
pub(super) struct Referral {
    pub source: Source,
    pub unit: String,
    pub reference: String,
}

/// Draws where a case came from, with the unit and number a referral carries.
pub(super) fn referral(rng: &mut Rng, category: Category, received: NaiveDate) -> Referral {
    let source = weighted(rng, SOURCES, Source::Application);
    let year = received.year();
    let (unit, reference) = match source {
        Source::Application | Source::Initiative => (String::new(), String::new()),
        Source::Police => {
            let station = pick(rng, POLICE_STATIONS);
            // The call came in up to two days before the hand-over.
            let called = received - TimeDelta::days(rng.i64(0..=2));
            let number = format!(
                "JQ150802{}{:04}",
                called.format("%Y%m%d"),
                rng.u32(1..=9999)
            );
            (format!("临河区公安局{station}派出所"), number)
        }
        Source::Court => court(rng, year),
        Source::Petition => {
            if rng.u32(..100) < 75 {
                (
                    "临河区信访局".to_string(),
                    format!("临信转〔{year}〕{}号", rng.u32(1..=600)),
                )
            } else {
                (
                    "巴彦淖尔市信访局".to_string(),
                    format!("巴信转〔{year}〕{}号", rng.u32(1..=900)),
                )
            }
        }
        Source::Government => {
            let unit = government_unit(rng, category);
            let reference = if rng.bool() {
                format!("移送函〔{year}〕{}号", rng.u32(1..=200))
            } else {
                String::new()
            };
            (unit, reference)
        }
        Source::Other => {
            let unit = if rng.u32(..100) < 60 {
                pick(rng, OTHER_UNITS).to_string()
            } else {
                String::new()
            };
            (unit, String::new())
        }
    };
    Referral {
        source,
        unit,
        reference,
    }
}

/// 委派 before filing (诉前调) or 委托 after filing (民初), mostly from the district court.
fn court(rng: &mut Rng, year: i32) -> (String, String) {
    let seq = rng.u32(1..=9999);
    if rng.u32(..100) < 10 {
        return (
            "巴彦淖尔市中级人民法院".to_string(),
            format!("（{year}）内08民终{}号", rng.u32(1..=2000)),
        );
    }
    let reference = if rng.u32(..100) < 70 {
        format!("（{year}）内0802民诉前调{seq}号")
    } else {
        format!("（{year}）内0802民初{seq}号")
    };
    ("临河区人民法院".to_string(), reference)
}

fn government_unit(rng: &mut Rng, category: Category) -> String {
    let unit = match category {
        Category::Labour => "临河区人力资源和社会保障局",
        Category::Consumer => "临河区市场监督管理局",
        Category::Medical => "临河区卫生健康委员会",
        Category::Environment => "巴彦淖尔市生态环境局临河区分局",
        Category::Property => "临河区住房和城乡建设局",
        Category::Land | Category::Demolition | Category::Housing => "临河区自然资源局",
        _ => return format!("临河区{}办事处", pick(rng, STREETS)),
    };
    unit.to_string()
}

/// Why a case was not accepted.
pub(super) const REJECTED: &[&str] = &[
    "纠纷已由人民法院立案受理，不属于人民调解受理范围",
    "涉嫌刑事犯罪，已告知当事人向公安机关报案",
    "被申请人明确表示拒绝调解，已告知当事人可向人民法院起诉",
    "属于行政争议，已告知当事人向有关行政机关申请处理",
    "纠纷已由劳动人事争议仲裁委员会受理",
];

/// Why mediation ended without agreement (the parties are told the other routes).
pub(super) const TERMINATED: &[&str] = &[
    "双方分歧较大，经多次调解未能达成协议，已告知当事人可向人民法院起诉",
    "被申请人拒绝继续调解，已告知当事人可通过诉讼途径解决",
    "申请人撤回调解申请",
    "当事人无正当理由未按时参加调解，视为拒绝调解",
    "调解期限届满未能达成协议，已告知当事人可申请仲裁或提起诉讼",
];

/// Why a case ended before the first session (人民调解法 Art 17: a party may refuse).
pub(super) const REFUSED: &[&str] = &[
    "被申请人明确拒绝调解，已告知当事人其他救济途径",
    "双方当事人已自行和解，申请人撤回申请",
];
