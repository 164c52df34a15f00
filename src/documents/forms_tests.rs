//! The new forms' document values against DOMAIN.md §3 (every field, in order, dates in
//! Chinese form), the choice of session, party and visit, and their golden text.

use super::fixtures::{case_with_mediator, day, mediators, org, sessions, visits};
use super::forms::{AgreementRef, CaseData, Choice, FormKind, text_pages};
use super::template::Templates;
use super::{Document, DocumentError};
use crate::domain::session::SessionId;

pub(super) fn data() -> CaseData {
    CaseData {
        case: case_with_mediator(),
        org: org(),
        mediators: mediators(),
        sessions: sessions(),
        follow_ups: visits(),
        agreement: None,
        default_court: String::new(),
    }
}

pub(super) fn build(
    data: &CaseData,
    kind: FormKind,
    choice: Choice,
) -> Result<Vec<Document>, DocumentError> {
    let pages = |d: &Document| text_pages(d);
    let file = data.file(day(2026, 11, 28), choice, &pages);
    kind.build(&file, &Templates::builtin())
}

fn one(kind: FormKind, choice: Choice) -> Document {
    let docs = build(&data(), kind, choice).unwrap();
    assert_eq!(docs.len(), 1);
    docs.into_iter().next().unwrap()
}

/// Asserts that each wanted line is some outline line, in this order.
pub(super) fn in_order(doc: &Document, wanted: &[&str]) {
    let outline = doc.outline();
    let mut at = 0;
    for w in wanted {
        match outline[at..].iter().position(|l| l == w) {
            Some(i) => at += i + 1,
            None => panic!("{w:?} missing or out of order after line {at} in {outline:#?}"),
        }
    }
}

#[test]
fn a_session_makes_one_notice_per_invited_party_with_time_place_and_what_to_bring() {
    let docs = build(&data(), FormKind::Notice, Choice::default()).unwrap();
    // The latest live session (the planned one on 11-30; the cancelled one is skipped).
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].addressee.as_deref(), Some("王秀兰："));
    assert_eq!(docs[1].addressee.as_deref(), Some("李建国："));
    in_order(
        &docs[0],
        &[
            "调解通知书",
            "（2026）新人调字第12号",
            "王秀兰：",
            "本委员会已依法受理王秀兰与李建国邻里纠纷一案，定于2026年11月30日9时30分在第一调解室进行调解，请你准时参加。",
            "调解时间：2026年11月30日9时30分至11时",
            "调解地点：第一调解室",
            "调解员：王芳、赵刚",
            "请携带：本人身份证件及与纠纷有关的证据材料；委托他人参加的，代理人须携带授权委托书和本人身份证件。",
            "当事人的权利：（一）选择或者接受人民调解员；（二）接受调解、拒绝调解或者要求终止调解；（三）要求调解公开进行或者不公开进行；（四）自主表达意愿、自愿达成调解协议。",
            "当事人的义务：（一）如实陈述纠纷事实；（二）遵守调解现场秩序，尊重人民调解员；（三）尊重对方当事人行使权利。",
            "本委员会地址：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
            "联系电话：＿＿＿＿＿＿＿＿",
            "如不能按时参加，请提前告知本委员会。",
            "新华街道人民调解委员会（印）",
            "2026年11月28日",
        ],
    );
    // An organisation is asked as 你单位; a room's address and phone print when it
    // keeps them in its template file.
    let mut d = data();
    d.sessions[2]
        .fields
        .parties
        .push(crate::domain::session::InvitedParty {
            seq: 1,
            name: "北京安居物业管理有限公司".into(),
        });
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notice.json"),
        r#"{"contact.address": "新华街道幸福里1号", "contact.phone": "0478-8412345"}"#,
    )
    .unwrap();
    let (templates, _) = Templates::load(Some(dir.path()));
    let pages = |d: &Document| text_pages(d);
    let file = d.file(day(2026, 11, 28), Choice::default(), &pages);
    let docs = FormKind::Notice.build(&file, &templates).unwrap();
    let company = docs[2].outline();
    assert!(
        company.iter().any(|l| l.ends_with("请你单位准时参加。")),
        "{company:#?}"
    );
    assert!(company.contains(&"本委员会地址：新华街道幸福里1号".to_string()));
    assert!(company.contains(&"联系电话：0478-8412345".to_string()));
    // One party of a chosen session.
    let choice = Choice {
        session: Some(SessionId(3)),
        party: Some(2),
        ..Choice::default()
    };
    let docs = build(&data(), FormKind::Notice, choice).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].addressee.as_deref(), Some("李建国："));
    assert!(
        docs[0]
            .outline()
            .contains(&"调解时间：2026年11月10日14时至16时30分".to_string())
    );
    let no_third = Choice {
        party: Some(3),
        ..Choice::default()
    };
    assert_eq!(
        build(&data(), FormKind::Notice, no_third),
        Err(DocumentError::NoSuchParty(3))
    );
}

#[test]
fn a_session_that_invites_nobody_notifies_every_party_and_no_session_is_an_error() {
    let mut d = data();
    for s in &mut d.sessions {
        s.fields.parties.clear();
    }
    let docs = build(&d, FormKind::Notice, Choice::default()).unwrap();
    let to: Vec<_> = docs.iter().filter_map(|d| d.addressee.clone()).collect();
    assert_eq!(to, ["王秀兰：", "李建国：", "北京安居物业管理有限公司："]);
    d.sessions.clear();
    for kind in [FormKind::Notice, FormKind::Record] {
        assert_eq!(
            build(&d, kind, Choice::default()),
            Err(DocumentError::NoSession)
        );
    }
    let missing = Choice {
        session: Some(SessionId(99)),
        ..Choice::default()
    };
    assert_eq!(
        build(&data(), FormKind::Record, missing),
        Err(DocumentError::NoSession)
    );
}

#[test]
fn the_session_record_has_every_field_its_paragraphs_and_a_line_for_each_attendee() {
    // The latest held session (the planned one has no record yet).
    let doc = one(FormKind::Record, Choice::default());
    in_order(
        &doc,
        &[
            "调解记录",
            "（2026）新人调字第12号",
            "纠纷：王秀兰与李建国邻里纠纷",
            "时间：2026年11月10日14时至16时30分",
            "地点：第一调解室",
            "调解员：王芳、赵刚",
            "记录人：＿＿＿＿＿＿＿＿",
            "参加人：王秀兰、李建国",
            "调解情况：",
            "申请人称漏水已持续两个月，天花板多处脱落。",
            "被申请人承认卫生间防水层老化，同意维修。",
            "双方就赔偿数额经多次协商。",
            "调解结果：双方达成一致意见，同意签订调解协议。",
            "以上记录已经本人阅读或者向本人宣读，与本人所述相符。",
            "王秀兰（签名或按指印）",
            "李建国（签名或按指印）",
            "调解员（签名）",
            "记录人（签名）",
            "2026年11月10日",
        ],
    );
    // The planned session chosen: its record is marked as not yet written.
    let planned = one(
        FormKind::Record,
        Choice {
            session: Some(SessionId(5)),
            ..Choice::default()
        },
    );
    assert!(planned.outline().contains(&"（尚未记录）".to_string()));
    // A mediator written among the attendees is not a participant and does not sign
    // as one.
    let mut d = data();
    d.sessions[0].record.attendees.push("王芳".into());
    let doc = build(&d, FormKind::Record, Choice::default())
        .unwrap()
        .remove(0);
    let outline = doc.outline();
    assert!(
        outline.contains(&"参加人：王秀兰、李建国".to_string()),
        "{outline:#?}"
    );
    assert!(!outline.contains(&"王芳（签名或按指印）".to_string()));
    assert!(
        planned
            .outline()
            .contains(&"调解结果：（尚未记录）".to_string())
    );
}

#[test]
fn the_follow_up_record_gives_the_visit_found_and_done_in_order() {
    let doc = one(FormKind::FollowUp, Choice::default());
    in_order(
        &doc,
        &[
            "回访记录",
            "（2026）新人调字第12号",
            "当事人：王秀兰、李建国、北京安居物业管理有限公司",
            "协议编号：＿＿＿＿＿＿＿＿",
            "回访事由：了解调解协议履行情况",
            "回访时间：2026年12月20日",
            "回访方式：上门回访",
            "回访情况：",
            "履行情况：已履行",
            "当事人满意程度：满意",
            "是否另行起诉：否",
            "有无激化迹象：有",
            "采取措施：向双方再次说明协议内容，约定一周后电话回访。",
            "回访人：王芳、赵刚",
            "回访人（签名）",
            "被回访人（签名）",
            "2026年12月20日",
        ],
    );
    let first = one(
        FormKind::FollowUp,
        Choice {
            visit: Some(1),
            agreement: Some(AgreementRef {
                number: "（2026）新人调协字第12号".into(),
                date: day(2026, 11, 20),
            }),
            ..Choice::default()
        },
    );
    let outline = first.outline();
    for line in [
        "协议编号：（2026）新人调协字第12号",
        "回访方式：电话回访",
        "履行情况：部分履行",
        "采取措施：无",
    ] {
        assert!(outline.contains(&line.to_string()), "{line}");
    }
    let mut d = data();
    d.follow_ups.clear();
    assert_eq!(
        build(&d, FormKind::FollowUp, Choice::default()),
        Err(DocumentError::NoFollowUp)
    );
}

#[test]
fn the_cover_names_the_file_and_leaves_what_is_not_known_to_write() {
    let doc = one(FormKind::Cover, Choice::default());
    assert_eq!(doc.number, None);
    in_order(
        &doc,
        &[
            "人民调解卷宗",
            "调解组织：新华街道人民调解委员会",
            "卷名：王秀兰与李建国邻里纠纷",
            "卷号：（2026）新人调字第12号",
            "纠纷类型：邻里",
            "当事人：王秀兰、李建国、北京安居物业管理有限公司",
            "人民调解员：王芳",
            "受理日期：2026年11月3日",
            "结案日期：2026年11月20日",
            "调解结果：调解成功",
            "调解日期：2026年11月10日",
            "立卷人：＿＿＿＿＿＿＿＿",
            "立卷日期：＿＿＿＿＿＿＿＿",
            "保管期限：长期",
            "备注：",
        ],
    );
    // A session held after the case was closed (a follow-up meeting) does not stretch
    // the mediation dates past the closing date.
    let mut d = data();
    d.sessions[2].status = crate::domain::session::SessionStatus::Held;
    let doc = build(&d, FormKind::Cover, Choice::default())
        .unwrap()
        .remove(0);
    assert!(
        doc.outline()
            .contains(&"调解日期：2026年11月10日".to_string()),
        "{:#?}",
        doc.outline()
    );
}

#[test]
fn the_index_gives_the_page_each_document_starts_on() {
    let pages_of = |kind: FormKind, choice: Choice| -> Vec<usize> {
        build(&data(), kind, choice)
            .unwrap()
            .iter()
            .map(text_pages)
            .collect()
    };
    let session = |id| Choice {
        session: Some(SessionId(id)),
        ..Choice::default()
    };
    let register = pages_of(FormKind::Register, Choice::default())[0];
    let first_notices = pages_of(FormKind::Notice, session(3));
    let notices: usize = first_notices.iter().sum::<usize>()
        + pages_of(FormKind::Notice, session(5)).iter().sum::<usize>();
    let record = pages_of(FormKind::Record, session(3))[0];
    let agreement_at = 1 + register + notices + record;
    let doc = one(FormKind::Index, Choice::default());
    let at = |n: usize| format!("第{n}页");
    in_order(
        &doc,
        &[
            "卷内目录",
            "（2026）新人调字第12号",
            &format!("1．受理登记表：2026年11月3日，{}", at(1)),
            &format!("2．调解通知书：2026年11月10日，{}", at(1 + register)),
            &format!(
                "3．调解通知书：2026年11月10日，{}",
                at(1 + register + first_notices[0])
            ),
            &format!("6．调解记录：2026年11月10日，{}", at(agreement_at - record)),
            // No agreement drafted: its pages are unknown, so are the 页号 after it.
            &format!("7．人民调解协议书：2026年11月20日，{}", at(agreement_at)),
            "8．调解结果反馈函：2026年11月20日",
            "10．回访记录：2026年12月20日",
        ],
    );
    // With the agreement drafted, every document has its page.
    let mut d = data();
    let mut a = crate::domain::agreement::Agreement::draft(&d.case, &["王芳".into()]);
    a.date = Some(day(2026, 11, 20));
    d.agreement = Some(a);
    let pages = |doc: &Document| text_pages(doc);
    let file = d.file(day(2026, 11, 28), Choice::default(), &pages);
    let index = FormKind::Index.build(&file, &Templates::builtin()).unwrap();
    let agreement_pages = text_pages(
        &FormKind::Agreement
            .build(&file, &Templates::builtin())
            .unwrap()[0],
    );
    in_order(
        &index[0],
        &[
            &format!("7．人民调解协议书：2026年11月20日，{}", at(agreement_at)),
            &format!(
                "8．调解结果反馈函：2026年11月20日，{}",
                at(agreement_at + agreement_pages)
            ),
        ],
    );
    // A case that ended without agreement lists no agreement.
    let mut d = data();
    d.case = super::fixtures::terminated_case();
    let pages = |doc: &Document| text_pages(doc);
    let file = d.file(day(2026, 11, 28), Choice::default(), &pages);
    let docs = FormKind::Index.build(&file, &Templates::builtin()).unwrap();
    assert!(!docs[0].outline().concat().contains("人民调解协议书"));
}

#[test]
fn the_text_of_the_new_forms_matches_the_golden_files_byte_for_byte() {
    use super::text::{TEXT_WIDTH, to_text};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/documents");
    let forms = [
        ("notice.txt", FormKind::Notice),
        ("record.txt", FormKind::Record),
        ("follow_up.txt", FormKind::FollowUp),
        ("cover.txt", FormKind::Cover),
        ("index.txt", FormKind::Index),
        ("confirmation.txt", FormKind::Confirmation),
    ];
    for (name, kind) in forms {
        let docs = build(
            &super::confirmation_tests::data_with_agreement(),
            kind,
            Choice::default(),
        )
        .unwrap();
        let text: Vec<String> = docs.iter().map(|d| to_text(d, TEXT_WIDTH)).collect();
        let text = text.join("\u{c}");
        let path = dir.join(name);
        if std::env::var_os("GOLDEN_UPDATE").is_some() {
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
    }
}

#[test]
fn a_visit_is_never_noticed_or_recorded_and_an_investigation_is_recorded_as_such() {
    use crate::domain::session::{SessionKind, SessionStatus};
    let mut d = data();
    // A follow-up visit held after the case was settled, and one planned later.
    let mut visit = d.sessions[0].clone();
    visit.id = SessionId(8);
    visit.fields.kind = SessionKind::FollowUp;
    visit.fields.start += chrono::Duration::days(40);
    visit.fields.end += chrono::Duration::days(40);
    let mut planned_visit = visit.clone();
    planned_visit.id = SessionId(9);
    planned_visit.status = SessionStatus::Planned;
    planned_visit.fields.start += chrono::Duration::days(10);
    planned_visit.fields.end += chrono::Duration::days(10);
    d.sessions.push(visit);
    d.sessions.push(planned_visit);
    let notices = build(&d, FormKind::Notice, Choice::default()).unwrap();
    assert!(
        notices[0]
            .outline()
            .contains(&"调解时间：2026年11月30日9时30分至11时".to_string()),
        "{:#?}",
        notices[0].outline()
    );
    let record = build(&d, FormKind::Record, Choice::default())
        .unwrap()
        .remove(0);
    assert_eq!(record.title, "调解记录");
    assert!(
        record
            .outline()
            .contains(&"时间：2026年11月10日14时至16时30分".to_string())
    );
    let visit_chosen = Choice {
        session: Some(SessionId(8)),
        ..Choice::default()
    };
    assert_eq!(
        build(&d, FormKind::Record, visit_chosen.clone()).err(),
        Some(DocumentError::NoSession)
    );
    assert_eq!(
        build(&d, FormKind::Notice, visit_chosen).err(),
        Some(DocumentError::NoSession)
    );
    // The index lists no notice or record of a visit.
    let index = build(&d, FormKind::Index, Choice::default())
        .unwrap()
        .remove(0);
    let outline = index.outline().concat();
    assert_eq!(outline.matches("调解记录").count(), 1, "{outline}");
    // An investigation is recorded, under its own title.
    let mut d = data();
    d.sessions[0].fields.kind = SessionKind::Investigation;
    let record = build(&d, FormKind::Record, Choice::default())
        .unwrap()
        .remove(0);
    assert_eq!(record.title, "调查记录");
}
