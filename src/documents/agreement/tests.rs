//! The agreement document against DOMAIN.md §3: every field present and in order, the
//! copies clause, amounts in figures and capitals, and the golden text.

use super::agreement_document;
use crate::documents::fixtures::{case, day, org};
use crate::documents::template::{Template, Templates};
use crate::domain::agreement::{Agreement, AgreementKind, PerformanceItem};
use crate::domain::case::Case;

fn tpl() -> Template<'static> {
    static BUILTIN: std::sync::LazyLock<Templates> = std::sync::LazyLock::new(Templates::builtin);
    BUILTIN.form("agreement")
}

fn agreement(case: &Case) -> Agreement {
    let mut a = Agreement::draft(case, &["王芳".into()]);
    a.facts =
        "2026年11月1日，李建国家卫生间漏水，致王秀兰家吊顶损坏。\n双方就赔偿数额争执不下。".into();
    a.clauses = vec![
        "李建国向王秀兰赔偿吊顶修复费用。".into(),
        "双方就此纠纷再无其他争议。\n此后互相谅解，和睦相处。".into(),
    ];
    a.items = vec![
        PerformanceItem {
            what: "支付修复费用".into(),
            obligor: "李建国".into(),
            obligee: "王秀兰".into(),
            amount_fen: Some(300_000),
            due: Some(day(2026, 12, 31)),
            place: "新华街道调解室".into(),
            ..Default::default()
        },
        PerformanceItem {
            what: "修复卫生间防水".into(),
            obligor: "李建国".into(),
            due: Some(day(2026, 12, 10)),
            ..Default::default()
        },
    ];
    a.date = Some(day(2026, 11, 28));
    a.recorder = "赵敏".into();
    a
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
fn every_field_of_the_agreement_is_present_in_order() {
    let c = case();
    let doc = agreement_document(&c, &agreement(&c), &org(), &tpl());
    assert_eq!(doc.title, "人民调解协议书");
    assert_eq!(doc.number.as_deref(), Some("编号：（2026）新人调字第12号"));
    in_order(
        &doc.outline(),
        &[
            "人民调解协议书",
            "编号：（2026）新人调字第12号",
            "申请人",
            "姓名：王秀兰",
            "被申请人",
            "姓名：李建国",
            "第三人",
            "名称：北京安居物业管理有限公司",
            "法定代表人：赵明",
            "职务：总经理",
            "纠纷主要事实、争议事项：2026年11月1日",
            "双方就赔偿数额争执不下。",
            "当事人请求：赔偿维修费",
            "经调解，自愿达成如下协议：",
            "一、李建国向王秀兰赔偿吊顶修复费用。",
            "二、双方就此纠纷再无其他争议。",
            "此后互相谅解，和睦相处。",
            "履行方式、时限：",
            "三、李建国于2026年12月31日前向王秀兰支付修复费用¥3,000.00（大写：人民币叁仟元整），履行地点：新华街道调解室。",
            "四、李建国于2026年12月10日前修复卫生间防水。",
            "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。",
            "本协议对各方当事人具有法律约束力",
            "各方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认。",
            "本协议一式四份，当事人各执一份，人民调解委员会留存一份。",
            "（以下无正文）",
            "当事人王秀兰（签名盖章或按指印）",
            "当事人李建国（签名盖章或按指印）",
            "当事人北京安居物业管理有限公司（盖章）",
            "人民调解员王芳（签名）",
            "记录人赵敏（签名）",
            "新华街道人民调解委员会（印）",
            "2026年11月28日",
        ],
    );
}

#[test]
fn the_copies_clause_counts_the_parties_plus_the_committee() {
    let mut c = case();
    c.fields.parties.truncate(2);
    let doc = agreement_document(&c, &agreement(&c), &org(), &tpl());
    assert!(
        doc.outline()
            .iter()
            .any(|l| l == "本协议一式三份，当事人各执一份，人民调解委员会留存一份。")
    );
    let c3 = case();
    let doc = agreement_document(&c3, &agreement(&c3), &org(), &tpl());
    assert!(
        doc.outline()
            .iter()
            .any(|l| l.starts_with("本协议一式四份"))
    );
}

#[test]
fn an_oral_agreement_is_a_registration_form_and_a_draft_has_a_blank_date() {
    let c = case();
    let mut a = agreement(&c);
    a.kind = AgreementKind::Oral;
    a.date = None;
    a.mediators.clear();
    a.recorder.clear();
    let doc = agreement_document(&c, &a, &org(), &tpl());
    assert_eq!(doc.title, "口头协议登记表");
    let outline = doc.outline();
    in_order(
        &outline,
        &[
            "经调解",
            "一、",
            "本协议系当事人口头达成",
            "本协议一式",
            "人民调解员（签名）",
            "记录人（签名）",
        ],
    );
    assert_eq!(doc.date.as_deref(), Some("　　　　年　　月　　日"));
}

#[test]
fn the_text_matches_the_golden_file_byte_for_byte() {
    use crate::documents::text::{TEXT_WIDTH, to_text};
    let c = case();
    let text = to_text(
        &agreement_document(&c, &agreement(&c), &org(), &tpl()),
        TEXT_WIDTH,
    );
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/documents/agreement.txt");
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let want = std::fs::read(&path).unwrap_or_default();
    assert!(
        want == text.as_bytes(),
        "agreement.txt differs from {path:?}:\n{text}"
    );
}

/// The fixture case with an agent, 黄娟, entered last (as the demo and the form do).
fn case_with_agent() -> Case {
    use crate::domain::party::{Party, PartyKind, PartyRole};
    let mut c = case();
    let mut agent = Party::new(PartyRole::Agent, PartyKind::Person);
    agent.name = "黄娟".into();
    agent.occupation = "律师（内蒙古河套律师事务所）".into();
    agent.phone = "13700000000".into();
    // The fixture's parties: respondent, company, applicant (王秀兰, the third).
    agent.acts_for = Some(2);
    c.fields.parties.push(agent);
    c
}

#[test]
fn an_agent_signs_beside_the_party_the_case_links_not_the_first_applicant() {
    let mut c = case_with_agent();
    // 黄娟 acts for the company this time (the second party entered).
    let last = c.fields.parties.len() - 1;
    c.fields.parties[last].acts_for = Some(1);
    let doc = agreement_document(&c, &agreement(&c), &org(), &tpl());
    let outline = doc.outline();
    in_order(
        &outline,
        &[
            "申请人",
            "姓名：王秀兰",
            "被申请人",
            "姓名：李建国",
            "第三人",
            "名称：北京安居物业管理有限公司",
            "法定代表人：赵明",
            "职务：总经理",
            "北京安居物业管理有限公司的委托代理人",
            "姓名：黄娟",
            "本协议一式四份",
            "当事人王秀兰（签名盖章或按指印）",
            "当事人李建国（签名盖章或按指印）",
            "当事人北京安居物业管理有限公司（盖章）",
            "法定代表人赵明（签名）",
            "北京安居物业管理有限公司的委托代理人黄娟（签名）",
            "人民调解员王芳（签名）",
        ],
    );
    assert!(!outline.iter().any(|l| l.starts_with("王秀兰的委托代理人")));
    assert_eq!(doc.copies, Some(4));
}

#[test]
fn an_agent_is_listed_and_signs_under_the_party_and_is_not_counted() {
    let c = case_with_agent();
    let doc = agreement_document(&c, &agreement(&c), &org(), &tpl());
    let outline = doc.outline();
    in_order(
        &outline,
        &[
            "申请人",
            "姓名：王秀兰",
            "王秀兰的委托代理人",
            "姓名：黄娟",
            "职业或职务：律师（内蒙古河套律师事务所）",
            "被申请人",
            "第三人",
            "法定代表人：赵明",
            "职务：总经理",
            "本协议一式四份",
            "当事人王秀兰（签名盖章或按指印）",
            "王秀兰的委托代理人黄娟（签名）",
            "当事人李建国（签名盖章或按指印）",
            "当事人北京安居物业管理有限公司（盖章）",
            "法定代表人赵明（签名）",
            "人民调解员王芳（签名）",
        ],
    );
    assert!(
        !outline.iter().any(|l| l.contains("当事人黄娟")),
        "{outline:#?}"
    );
    assert_eq!(
        outline.iter().filter(|l| l.ends_with("委托代理人")).count(),
        1
    );
    assert_eq!(doc.copies, Some(4));
}

#[test]
fn the_effect_and_confirmation_sentences_are_the_rooms_to_reword() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("agreement.json"),
        r#"{"confirmation": "双方可于三十日内共同申请司法确认。", "binding": ""}"#,
    )
    .unwrap();
    let (templates, errors) = Templates::load(Some(dir.path()));
    assert!(errors.is_empty());
    let c = case();
    let doc = agreement_document(&c, &agreement(&c), &org(), &templates.form("agreement"));
    let outline = doc.outline();
    assert!(
        outline
            .iter()
            .any(|l| l == "双方可于三十日内共同申请司法确认。")
    );
    assert!(
        outline
            .iter()
            .any(|l| l.starts_with("本协议自各方当事人签名"))
    );
    assert!(
        !outline.iter().any(|l| l.contains("法律约束力")),
        "{outline:#?}"
    );
}

#[test]
fn an_agreement_with_one_party_prints_with_a_warning() {
    let mut c = case();
    c.fields.parties.retain(|p| p.name == "王秀兰");
    let doc = agreement_document(&c, &agreement(&c), &org(), &tpl());
    assert_eq!(doc.warnings.len(), 1);
    assert!(doc.warnings[0].contains('1'), "{:?}", doc.warnings);
    assert_eq!(doc.copies, Some(2));
    let full = case();
    assert!(
        agreement_document(&full, &agreement(&full), &org(), &tpl())
            .warnings
            .is_empty()
    );
}

#[test]
fn a_stored_payment_without_a_payee_prints_with_a_warning_on_screen() {
    let c = case();
    let mut a = agreement(&c);
    a.items[0].obligee = String::new();
    a.items[0].obligee_party = None;
    let doc = agreement_document(&c, &a, &org(), &tpl());
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("第1项") && w.contains("权利人")),
        "{:?}",
        doc.warnings
    );
    let fine = agreement_document(&c, &agreement(&c), &org(), &tpl());
    assert!(fine.warnings.iter().all(|w| !w.contains("权利人")));
}
