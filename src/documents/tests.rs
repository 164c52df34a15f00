//! The document values against DOMAIN.md §3: every field present, in order.

use super::feedback::feedback_letter;
use super::fixtures::{case, day, org, terminated_case};
use super::register::register_form;
use super::template::{Template, Templates};
use super::{Block, DocumentError};
use crate::domain::source::Source;

/// The built-in wording of one form.
fn tpl(name: &str) -> Template<'static> {
    static BUILTIN: std::sync::LazyLock<Templates> = std::sync::LazyLock::new(Templates::builtin);
    BUILTIN.form(name)
}

/// Asserts that each wanted line starts some outline line, in this order.
fn in_order(outline: &[String], wanted: &[&str]) {
    let mut at = 0;
    for w in wanted {
        match outline[at..].iter().position(|l| l.starts_with(w)) {
            Some(i) => at += i + 1,
            None => panic!("{w:?} missing or out of order after line {at} in {outline:#?}"),
        }
    }
}

#[test]
fn the_register_form_has_every_field_in_order() {
    let doc = register_form(&case(), &org(), &tpl("register"));
    assert_eq!(doc.title, "受理登记表");
    assert_eq!(doc.number.as_deref(), Some("（2026）新人调字第12号"));
    in_order(
        &doc.outline(),
        &[
            "受理登记表",
            "（2026）新人调字第12号",
            "登记日期：2026年11月3日",
            "申请人",
            "姓名：王秀兰",
            "性别：女",
            "民族：回族",
            "出生日期：1968年3月5日",
            "年龄：58岁",
            "身份证号：110105196803050029",
            "职业或职务：退休职工",
            "联系方式：13812345678",
            "住址：新华街道幸福里5号楼202室",
            "被申请人",
            "姓名：李建国",
            "第三人",
            "名称：北京安居物业管理有限公司",
            "统一社会信用代码：91110105MA01ABCD2X",
            "地址：朝阳区建国路88号",
            "法定代表人：赵明",
            "职务：总经理",
            "纠纷类型：邻里",
            "案件来源：公安机关移交（移送单位：新华派出所）",
            "纠纷简要情况：楼上卫生间漏水",
            "当事人（签名或按指印）",
            "登记人（签名）",
            "新华街道人民调解委员会（印）",
            "2026年11月3日",
        ],
    );
}

#[test]
fn empty_particulars_are_left_out_and_a_party_application_names_no_unit() {
    let mut c = case();
    c.fields.source = Source::Application;
    let outline = register_form(&c, &org(), &tpl("register")).outline();
    // 李建国 has no ID number or occupation: no empty rows for them.
    let li = outline
        .iter()
        .position(|l| l == "姓名：李建国")
        .unwrap_or(0);
    assert!(
        !outline[li..li + 7]
            .iter()
            .any(|l| l.starts_with("身份证号"))
    );
    assert!(outline.contains(&"案件来源：当事人申请".to_string()));
}

#[test]
fn the_feedback_letter_reports_success_with_its_date() {
    let doc = feedback_letter(&case(), &org(), day(2026, 11, 28), &tpl("feedback")).unwrap();
    assert_eq!(doc.addressee.as_deref(), Some("新华派出所："));
    in_order(
        &doc.outline(),
        &[
            "调解结果反馈函",
            "（2026）新人调字第12号",
            "新华派出所：",
            "贵单位于2026年11月3日移送我委员会调解的王秀兰与李建国邻里纠纷（贵单位编号：新公调〔2026〕58号）",
            "案件编号：（2026）新人调字第12号",
            "调解结果：调解成功",
            "达成协议日期：2026年11月20日",
            "特此函告。",
            "新华街道人民调解委员会（印）",
            "2026年11月28日",
        ],
    );
}

#[test]
fn the_feedback_letter_gives_the_reason_mediation_ended() {
    let doc = feedback_letter(
        &terminated_case(),
        &org(),
        day(2026, 11, 28),
        &tpl("feedback"),
    )
    .unwrap();
    let rows = doc.blocks.iter().find_map(|b| match b {
        Block::Fields(rows) => Some(rows.clone()),
        _ => None,
    });
    let rows = rows.unwrap_or_default();
    assert!(rows.contains(&("调解结果".into(), "调解终止".into())));
    assert!(rows.contains(&("终止日期".into(), "2026年11月21日".into())));
    assert!(rows.contains(&(
        "终止原因".into(),
        "被申请人明确拒绝继续调解，申请人表示将向法院起诉".into()
    )));
}

#[test]
fn no_feedback_letter_without_a_referral_or_a_result() {
    let mut own = case();
    own.fields.source = Source::Application;
    assert_eq!(
        feedback_letter(&own, &org(), day(2026, 11, 28), &tpl("feedback")),
        Err(DocumentError::NotReferred)
    );
    let mut open = case();
    open.history.pop();
    assert_eq!(
        feedback_letter(&open, &org(), day(2026, 11, 28), &tpl("feedback")),
        Err(DocumentError::NoResult)
    );
}

#[test]
fn a_court_referral_without_the_courts_name_is_answered_to_the_rooms_usual_court() {
    let mut sent = case();
    sent.fields.source = Source::Court;
    sent.fields.referrer_unit = String::new();
    let t = tpl("feedback");
    assert_eq!(
        super::feedback::feedback_letter_to(&sent, &org(), day(2026, 11, 28), "", &t),
        Err(DocumentError::NotReferred)
    );
    let doc =
        super::feedback::feedback_letter_to(&sent, &org(), day(2026, 11, 28), "临河区人民法院", &t)
            .unwrap();
    assert_eq!(doc.addressee.as_deref(), Some("临河区人民法院："));
    // A unit the case names wins; the usual court is for courts only.
    sent.fields.referrer_unit = "磴口县人民法院".into();
    let doc =
        super::feedback::feedback_letter_to(&sent, &org(), day(2026, 11, 28), "临河区人民法院", &t)
            .unwrap();
    assert_eq!(doc.addressee.as_deref(), Some("磴口县人民法院："));
    let mut police = case();
    police.fields.referrer_unit = String::new();
    assert!(
        super::feedback::feedback_letter_to(
            &police,
            &org(),
            day(2026, 11, 28),
            "临河区人民法院",
            &t
        )
        .is_err()
    );
}

#[test]
fn the_text_of_both_forms_matches_the_golden_files_byte_for_byte() {
    use super::text::{Encoding, TEXT_WIDTH, encode, to_text};
    let forms = [
        (
            "register.txt",
            register_form(&case(), &org(), &tpl("register")),
        ),
        (
            "feedback.txt",
            feedback_letter(
                &terminated_case(),
                &org(),
                day(2026, 11, 28),
                &tpl("feedback"),
            )
            .unwrap(),
        ),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/documents");
    for (name, doc) in forms {
        let text = to_text(&doc, TEXT_WIDTH);
        let path = dir.join(name);
        if std::env::var_os("GOLDEN_UPDATE").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let want = std::fs::read(&path).unwrap_or_default();
        assert!(
            want == text.as_bytes(),
            "{name} differs from {path:?}:\n{text}"
        );
        for line in text.lines() {
            let w: u32 = line.chars().map(super::linebreak::cells).sum();
            assert!(w <= TEXT_WIDTH, "{line:?}");
        }
        // GB18030 round-trips every character but ¥ (written ￥, which GBK has) and
        // the line ends (CRLF, for the printers it serves).
        let gb = encode(&text, Encoding::Gb18030);
        let want = text.replace('\n', "\r\n").replace('¥', "￥");
        assert_eq!(encoding_rs::GB18030.decode(&gb).0, want);
    }
}
