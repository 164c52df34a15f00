//! The line format: what it writes, that it reads back what it wrote, and that every
//! refusal names its field in plain words.

use super::*;
use crate::i18n::{Lang, set_lang};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub(crate) fn sample() -> CaseLine {
    let party = |role, name: &str| PartyLine {
        role,
        kind: PartyKind::Person,
        name: name.into(),
        sex: Some(Sex::Female),
        ethnicity: "蒙古族".into(),
        birth_date: NaiveDate::from_ymd_opt(1949, 12, 31),
        id_number: "11010519491231002X".into(),
        occupation: String::new(),
        credit_code: String::new(),
        legal_rep: String::new(),
        legal_rep_title: String::new(),
        acts_for: None,
        phone: "13904781234".into(),
        address: "巴彦淖尔市临河区新华街道金川小区3号楼2单元502室".into(),
    };
    CaseLine {
        format_version: FORMAT_VERSION,
        organisation: OrgLine {
            room_name: "临河区新华街道老王调解工作室".into(),
            committee_name: "临河区新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: crate::domain::org::DEFAULT_NUMBER_PATTERN.into(),
        },
        number: Some(NumberLine {
            year: 2026,
            seq: 12,
            text: "（2026）临新人调字第12号".into(),
        }),
        status: CaseStatus::Mediating,
        received_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        source: Source::Police,
        referrer_unit: "临河区公安局新华派出所".into(),
        referrer_ref: "JQ150802202611270012".into(),
        category: CategoryLine {
            national: Category::Property,
            local: Some("供热".into()),
        },
        facts: "室内温度长期低于供热标准".into(),
        claims: "要求退还部分采暖费".into(),
        amount_fen: Some(120_000),
        persons_involved: 2,
        risk_escalation: false,
        risk_group: true,
        parties: vec![
            party(PartyRole::Applicant, "乌云其其格"),
            party(PartyRole::Respondent, "王秀兰"),
        ],
        mediators: vec!["王建国".into()],
        history: vec![
            HistoryLine {
                from: None,
                to: CaseStatus::Registered,
                at: at("2026-11-27T09:30:00+08:00"),
                operator: "王建国".into(),
                reason: String::new(),
            },
            HistoryLine {
                from: Some(CaseStatus::Registered),
                to: CaseStatus::Accepted,
                at: at("2026-11-27T10:00:00+08:00"),
                operator: "王建国".into(),
                reason: String::new(),
            },
            HistoryLine {
                from: Some(CaseStatus::Accepted),
                to: CaseStatus::Mediating,
                at: at("2026-11-28T09:00:00+08:00"),
                operator: "王建国".into(),
                reason: String::new(),
            },
        ],
        sessions: Vec::new(),
        follow_ups: Vec::new(),
        agreement: None,
    }
}

fn text(line: &CaseLine) -> String {
    serde_json::to_string(line).unwrap()
}

/// The sample's JSON text after `edit`.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value = serde_json::to_value(sample()).unwrap();
    edit(&mut value);
    value.to_string()
}

fn refusal(line: &str) -> (String, String) {
    set_lang(Lang::Zh);
    let e = parse_line(line).unwrap_err();
    (e.path(), e.message().to_string())
}

#[test]
fn a_line_reads_back_as_written() {
    let line = sample();
    assert_eq!(parse_line(&text(&line)).unwrap(), line);
}

#[test]
fn the_case_fields_are_written_as_the_domain_serialises_them() {
    let line = sample();
    let mut written = serde_json::to_value(&line).unwrap();
    let object = written.as_object_mut().unwrap();
    for key in [
        "format_version",
        "organisation",
        "number",
        "status",
        "mediators",
        "history",
    ] {
        object.remove(key);
    }
    assert_eq!(written, serde_json::to_value(line.fields()).unwrap());
}

#[test]
fn labels_times_and_nulls_are_written_as_documented() {
    let t = text(&sample());
    for piece in [
        r#""status":"调解中""#,
        r#""source":"公安机关移交""#,
        r#""category":{"national":"物业","local":"供热"}"#,
        r#""role":"申请人","kind":"自然人""#,
        r#""from":null,"to":"登记","at":"2026-11-27T09:30:00+08:00""#,
        r#""number":{"year":2026,"seq":12,"text":"（2026）临新人调字第12号"}"#,
    ] {
        assert!(t.contains(piece), "{piece} not in {t}");
    }
    assert!(!t.contains("\"reason\""), "empty reasons are left out: {t}");
    let mut none = sample();
    none.number = None;
    assert!(text(&none).contains(r#""number":null"#));
}

#[test]
fn an_unknown_status_names_the_field_and_the_allowed_labels() {
    let (path, message) = refusal(&edited(|v| v["status"] = "调解完".into()));
    assert_eq!(path, "status");
    assert_eq!(
        message,
        "「调解完」不是有效的状态，可用：登记、受理、不予受理、调解中、调解成功、调解终止、已归档"
    );
}

#[test]
fn a_typo_in_a_field_name_is_reported_with_the_real_names() {
    let (path, message) = refusal(&edited(|v| {
        let facts = v["facts"].take();
        v.as_object_mut().unwrap().remove("facts");
        v["facst"] = facts;
    }));
    assert_eq!(path, "");
    assert!(message.starts_with("不认识的字段「facst」"), "{message}");
    assert!(message.contains("facts"), "{message}");
    let (path, message) = refusal(&edited(|v| v["parties"][1]["nmae"] = "张三".into()));
    assert_eq!(path, "parties[1]");
    assert!(message.contains("「nmae」"), "{message}");
}

#[test]
fn nested_problems_carry_their_path() {
    let (path, message) = refusal(&edited(|v| v["parties"][0]["role"] = "甲方".into()));
    assert_eq!(path, "parties[0].role");
    assert!(
        message.starts_with("「甲方」不是有效的当事人身份，可用：申请人、被申请人"),
        "{message}"
    );
    let (path, message) = refusal(&edited(|v| {
        v["history"][1]["at"] = "2026-11-27 10:00".into()
    }));
    assert_eq!(path, "history[1].at");
    assert!(message.contains("2026-11-28T09:30:00+08:00"), "{message}");
    let (path, _) = refusal(&edited(|v| v["category"]["national"] = "吵架".into()));
    assert_eq!(path, "category.national");
}

#[test]
fn wrong_types_and_missing_fields_are_said_plainly() {
    let (path, message) = refusal(&edited(|v| v["persons_involved"] = "三".into()));
    assert_eq!(
        (path.as_str(), message.as_str()),
        (
            "persons_involved",
            "应为不小于 0 的整数（不加引号），现在是文字「三」"
        )
    );
    let (_, message) = refusal(&edited(|v| v["persons_involved"] = (-1).into()));
    assert_eq!(message, "「-1」不是不小于 0 的整数（不加引号）");
    let (_, message) = refusal(&edited(|v| v["risk_group"] = "是".into()));
    assert!(message.starts_with("应为true 或 false"), "{message}");
    let (path, message) = refusal(&edited(|v| {
        v.as_object_mut().unwrap().remove("facts");
    }));
    assert_eq!((path.as_str(), message.as_str()), ("", "缺少字段「facts」"));
    let (path, message) = refusal(&edited(|v| v["received_on"] = "2026-13-01".into()));
    assert_eq!(path, "received_on");
    assert_eq!(message, "「2026-13-01」不是有效的日期，写作 2026-11-28");
    let (path, message) = refusal(&edited(|v| v["number"] = "12".into()));
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("number", "应为对象 {…}，现在是文字「12」")
    );
}

#[test]
fn broken_json_and_non_objects_are_refused_as_such() {
    let (_, message) = refusal(r#"{"format_version": 1 "status": "登记"}"#);
    assert!(
        message.starts_with("不是有效的 JSON，第 22 列附近有错"),
        "{message}"
    );
    let (_, message) = refusal(r#"{"format_version": 1,"#);
    assert!(message.contains("不完整"), "{message}");
    let (_, message) = refusal("[1, 2]");
    assert_eq!(message, "每一行应是一个 JSON 对象 {…}");
}

#[test]
fn messages_follow_the_language() {
    set_lang(Lang::En);
    let e = parse_line(&edited(|v| v["status"] = "调解完".into())).unwrap_err();
    set_lang(Lang::Zh);
    assert!(
        e.message()
            .starts_with("“调解完” is not a valid status; allowed: 登记"),
        "{}",
        e.message()
    );
}

#[test]
fn every_kind_of_label_has_a_name_in_the_catalogue() {
    for key in read::KINDS {
        assert_ne!(crate::i18n::t(key), key);
    }
}
