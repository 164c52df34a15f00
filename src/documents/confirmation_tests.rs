//! The 司法确认申请书: addressed to the court the case stores, refused without an
//! agreement or for a case that ended without one, ages as on the agreement's date, and
//! a warning past the 30 days of Art 33.

use super::fixtures::day;
use super::forms::{CaseData, Choice, FormKind, text_pages};
use super::forms_tests::{build, data, in_order};
use super::template::Templates;
use super::{Document, DocumentError};

/// The fixture data with an agreement signed on 2026-11-20, confirmation applied for at
/// the court stored with it.
pub(super) fn data_with_agreement() -> CaseData {
    let mut d = data();
    let mut a = crate::domain::agreement::Agreement::draft(&d.case, &["王芳".into()]);
    a.number = "（2026）新人调协字第12号".into();
    a.date = Some(day(2026, 11, 20));
    a.confirmation.court = "临河区人民法院".into();
    d.agreement = Some(a);
    d
}

#[test]
fn the_judicial_confirmation_names_every_party_as_applicant_and_the_agreement() {
    let d = data_with_agreement();
    let doc = build(&d, FormKind::Confirmation, Choice::default())
        .unwrap()
        .remove(0);
    assert_eq!(doc.addressee.as_deref(), Some("临河区人民法院："));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    in_order(
        &doc,
        &[
            "司法确认申请书",
            "临河区人民法院：",
            "申请人",
            "姓名：王秀兰",
            "申请人",
            "姓名：李建国",
            "申请人",
            "名称：北京安居物业管理有限公司",
            "请求事项：请求确认申请人于2026年11月20日经新华街道人民调解委员会主持调解达成的调解协议（编号：（2026）新人调协字第12号）有效。",
            "事实与理由：申请人之间的王秀兰与李建国邻里纠纷，经新华街道人民调解委员会主持调解，于2026年11月20日达成调解协议。现申请人共同申请人民法院对该调解协议予以司法确认。纠纷简要情况如下：",
            "楼上卫生间漏水，致楼下天花板受损，双方就维修与赔偿（约¥3,000.00）发生争执。",
            "申请人保证出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；如因该协议内容给他人造成损害，愿意承担相应的民事责任和其他法律责任。",
            "申请人王秀兰（签名盖章或按指印）",
            "申请人李建国（签名盖章或按指印）",
            "申请人北京安居物业管理有限公司（签名盖章或按指印）",
            "2026年11月28日",
        ],
    );
    // No court stored with the agreement: the referring court, else a line to fill.
    let mut d = data_with_agreement();
    if let Some(a) = d.agreement.as_mut() {
        a.confirmation.court.clear();
    }
    let doc = build(&d, FormKind::Confirmation, Choice::default())
        .unwrap()
        .remove(0);
    assert_eq!(doc.addressee.as_deref(), Some("＿＿＿＿＿＿＿＿人民法院："));
    d.case.fields.source = crate::domain::source::Source::Court;
    d.case.fields.referrer_unit = "磴口县人民法院".into();
    let doc = build(&d, FormKind::Confirmation, Choice::default())
        .unwrap()
        .remove(0);
    assert_eq!(doc.addressee.as_deref(), Some("磴口县人民法院："));
}

#[test]
fn a_case_naming_no_court_is_addressed_to_the_rooms_usual_court() {
    let mut d = data_with_agreement();
    if let Some(a) = d.agreement.as_mut() {
        a.confirmation.court.clear();
    }
    d.default_court = " 巴彦淖尔市临河区人民法院 ".into();
    let doc = build(&d, FormKind::Confirmation, Choice::default())
        .unwrap()
        .remove(0);
    assert_eq!(doc.addressee.as_deref(), Some("巴彦淖尔市临河区人民法院："));
    // A court the case names wins over the room's usual one.
    d.case.fields.source = crate::domain::source::Source::Court;
    d.case.fields.referrer_unit = "磴口县人民法院".into();
    let doc = build(&d, FormKind::Confirmation, Choice::default())
        .unwrap()
        .remove(0);
    assert_eq!(doc.addressee.as_deref(), Some("磴口县人民法院："));
}

#[test]
fn the_judicial_confirmation_is_refused_without_an_agreement_and_warns_past_30_days() {
    assert_eq!(
        build(&data(), FormKind::Confirmation, Choice::default()).err(),
        Some(DocumentError::NoAgreement)
    );
    for status in [
        crate::domain::status::CaseStatus::Terminated,
        crate::domain::status::CaseStatus::Rejected,
    ] {
        let mut d = data_with_agreement();
        d.case = super::fixtures::terminated_case();
        d.case.status = status;
        if let Some(last) = d.case.history.last_mut() {
            last.to = status;
        }
        let refused = build(&d, FormKind::Confirmation, Choice::default()).err();
        assert_eq!(refused, Some(DocumentError::NotConfirmable), "{status:?}");
    }
    // Printed on 2027-03-01, long after the window closed on 2026-12-20: dated that day
    // with a warning; the ages are those on the agreement's date.
    let d = data_with_agreement();
    let pages = |doc: &Document| text_pages(doc);
    let file = d.file(day(2027, 3, 10), Choice::default(), &pages);
    let doc = FormKind::Confirmation
        .build(&file, &Templates::builtin())
        .unwrap()
        .remove(0);
    assert_eq!(doc.date.as_deref(), Some("2027年3月10日"));
    assert_eq!(doc.warnings.len(), 1);
    assert!(
        doc.warnings[0].contains("2026年12月20日"),
        "{:?}",
        doc.warnings
    );
    // 王秀兰 (born 1968-03-05) was 58 on 2026-11-20 and is 59 on 2027-03-10.
    assert!(
        doc.outline().iter().any(|l| l == "年龄：58岁"),
        "{:#?}",
        doc.outline()
    );
}
