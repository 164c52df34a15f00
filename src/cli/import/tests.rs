//! Import on real temporary databases: what a line must satisfy on its own, with the
//! other lines and with the database — and that a refused file writes nothing.

use super::*;
use crate::cli::jsonl::{CategoryLine, HistoryLine, NumberLine};
use crate::domain::category::Category;
use crate::domain::status::CaseStatus;
use crate::i18n::{Lang, set_lang};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T12:00:00+08:00").unwrap()
}

fn sample() -> CaseLine {
    crate::cli::jsonl::tests::sample()
}

fn numbered(seq: u32) -> CaseLine {
    let mut line = sample();
    line.number = Some(NumberLine {
        year: 2026,
        seq,
        text: format!("（2026）临新人调字第{seq}号"),
    });
    line
}

fn file(lines: &[CaseLine]) -> Vec<u8> {
    lines
        .iter()
        .map(|l| serde_json::to_string(l).unwrap() + "\n")
        .collect::<String>()
        .into_bytes()
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("room.db")).unwrap();
    (dir, store)
}

/// The problems of one line checked on its own, as "path: message".
fn problems(line: &CaseLine) -> Vec<String> {
    set_lang(Lang::Zh);
    check::check_line(line, &now())
        .iter()
        .map(|e| e.to_string())
        .collect()
}

fn refused(store: &mut Store, bytes: &[u8]) -> Vec<LineProblem> {
    set_lang(Lang::Zh);
    match import_bytes(store, bytes, now()) {
        Err(ImportError::Lines(problems)) => problems,
        other => panic!("expected bad lines, got {other:?}"),
    }
}

fn change(from: CaseStatus, to: CaseStatus, at: &str, reason: &str) -> HistoryLine {
    HistoryLine {
        from: Some(from),
        to,
        at: DateTime::parse_from_rfc3339(at).unwrap(),
        operator: "王建国".into(),
        reason: reason.into(),
    }
}

#[test]
fn a_sound_line_has_no_problem() {
    assert_eq!(problems(&sample()), Vec::<String>::new());
}

#[test]
fn the_history_must_be_one_the_rules_allow() {
    let mut line = sample();
    line.history[0].to = CaseStatus::Accepted;
    assert_eq!(
        problems(&line)[0],
        "history[0]：第一条应是登记：from 为 null，to 为「登记」"
    );

    let mut line = sample();
    line.history.push(change(
        CaseStatus::Mediating,
        CaseStatus::Archived,
        "2026-11-28T10:00:00+08:00",
        "",
    ));
    line.status = CaseStatus::Archived;
    assert_eq!(
        problems(&line),
        ["history[3]：「调解中」之后不能直接改为「已归档」，只能改为：调解成功、调解终止"]
    );

    let mut line = sample();
    line.history.push(change(
        CaseStatus::Mediating,
        CaseStatus::Terminated,
        "2026-11-28T10:00:00+08:00",
        " ",
    ));
    line.status = CaseStatus::Terminated;
    assert_eq!(
        problems(&line),
        ["history[3]：改为「调解终止」须写明理由，请填写理由后再确认"]
    );

    let mut line = sample();
    line.history[2].from = Some(CaseStatus::Registered);
    assert_eq!(
        problems(&line),
        ["history[2].from：from 应为「受理」（上一条的 to）"]
    );

    let mut line = sample();
    line.status = CaseStatus::Succeeded;
    assert_eq!(
        problems(&line),
        ["status：应与最后一条 history 的 to 一致（「调解中」）"]
    );

    let mut line = sample();
    line.history.clear();
    assert!(
        problems(&line)
            .iter()
            .any(|p| p.starts_with("history：至少要有一条登记记录"))
    );

    let mut line = sample();
    line.history[2].at = DateTime::parse_from_rfc3339("2026-11-29T09:00:00+08:00").unwrap();
    assert_eq!(
        problems(&line),
        ["history[2].at：时间 2026-11-29T09:00:00+08:00 晚于现在，请核对"]
    );
}

#[test]
fn a_number_exactly_when_accepted_in_its_year() {
    let mut line = sample();
    line.number = None;
    assert_eq!(
        problems(&line),
        ["number：案件已受理（history 中有「受理」），须有案件编号"]
    );

    let mut line = sample();
    line.history.truncate(1);
    line.status = CaseStatus::Registered;
    line.mediators.clear();
    assert_eq!(
        problems(&line),
        ["number：案件从未受理，不应有案件编号，请改为 null"]
    );

    let mut line = sample();
    line.number = Some(NumberLine {
        year: 2025,
        seq: 0,
        text: " ".into(),
    });
    assert_eq!(
        problems(&line),
        [
            "number.year：应为受理的年份 2026",
            "number.seq：序号从 1 开始",
            "number.text：请填写编号文字，例如（2026）临新人调字第3号"
        ]
    );
}

#[test]
fn fields_parties_and_mediators_are_checked_like_the_form() {
    let mut line = sample();
    line.facts = " ".into();
    line.amount_fen = Some(-1);
    line.parties[1].id_number = "110105194912310021".into();
    line.mediators = vec!["王建国".into(), " 王建国 ".into(), "".into()];
    assert_eq!(
        problems(&line),
        [
            "facts：请填写纠纷简要情况",
            "amount_fen：涉及金额不能为负数",
            "parties[1].id_number：身份证号校验不通过，可能有数字输错，请对照证件逐位核对（不要只改最后一位）",
            "mediators[1]：调解员「王建国」重复了",
            "mediators[2]：调解员姓名不能为空",
        ]
    );
    let mut line = sample();
    line.format_version = 5;
    assert!(problems(&line)[0].starts_with("format_version：这一行由更新版本的 tiaojie 导出"));
}

#[test]
fn a_file_with_windows_line_ends_a_bom_and_blank_lines_is_read() {
    let (_dir, mut store) = new_store();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    let text = String::from_utf8(file(&[numbered(1), numbered(2)]))
        .unwrap()
        .replace('\n', "\r\n\r\n");
    bytes.extend(text.into_bytes());
    let report = import_bytes(&mut store, &bytes, now()).unwrap();
    assert_eq!(
        report,
        ImportReport {
            cases: 2,
            organisation_created: true,
            local_categories_added: vec![]
        }
    );
    let org = store.organisation().unwrap().unwrap();
    assert_eq!(org.profile.room_name, "临河区新华街道老王调解工作室");
    assert_eq!(store.mediators(org.id).unwrap()[0].name, "王建国");
}

#[test]
fn every_bad_line_is_listed_and_nothing_is_written() {
    let (_dir, mut store) = new_store();
    let mut bytes = file(&[numbered(1), numbered(1)]);
    bytes.extend(b"{\"format_version\": 1\n\xFF\xFE\n");
    let problems = refused(&mut store, &bytes);
    let listed: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        listed[0],
        "第 2 行，number：案件编号「（2026）临新人调字第1号」与第 1 行重复"
    );
    assert_eq!(
        listed[1],
        "第 3 行：这一行的 JSON 不完整（缺少结尾的括号或引号）"
    );
    assert_eq!(
        listed[2],
        "第 4 行：不是 UTF-8 编码的文字；请把文件另存为 UTF-8 编码后再导入"
    );
    let whole = ImportError::Lines(problems).to_string();
    assert!(
        whole.starts_with("文件中有 3 行有问题，没有导入任何案件。"),
        "{whole}"
    );
    assert_eq!(store.organisation().unwrap(), None);
}

#[test]
fn cases_of_another_room_are_refused() {
    let (_dir, mut store) = new_store();
    import_bytes(&mut store, &file(&[numbered(1)]), now()).unwrap();
    let mut other = numbered(2);
    other.organisation.room_name = "临河区车站街道老李调解工作室".into();
    let problems = refused(&mut store, &file(&[other.clone()]));
    assert_eq!(problems[0].error.path(), "organisation");
    let message = problems[0].error.message();
    assert!(
        message.contains("老李调解工作室") && message.contains("老王调解工作室"),
        "{message}"
    );

    let (_other_dir, mut empty) = new_store();
    let problems = refused(&mut empty, &file(&[numbered(1), other]));
    assert!(
        problems[0]
            .to_string()
            .starts_with("第 2 行，organisation：调解室与第 1 行不同"),
        "{}",
        problems[0]
    );
}

#[test]
fn numbers_already_in_the_database_are_refused() {
    let (_dir, mut store) = new_store();
    import_bytes(&mut store, &file(&[numbered(1)]), now()).unwrap();
    let problems = refused(&mut store, &file(&[numbered(2), numbered(1)]));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    assert!(problems[0].error.message().contains("已在数据文件中"));
}

#[test]
fn new_local_types_are_added_and_a_changed_parent_is_refused() {
    let (_dir, mut store) = new_store();
    let mut bride_price = numbered(1);
    bride_price.category = CategoryLine {
        national: Category::Marriage,
        local: Some("彩礼".into()),
    };
    let report = import_bytes(&mut store, &file(&[bride_price]), now()).unwrap();
    assert_eq!(report.local_categories_added, ["彩礼"]);
    let org = store.organisation().unwrap().unwrap();
    let names: Vec<_> = store
        .local_categories(org.id)
        .unwrap()
        .into_iter()
        .map(|l| l.name)
        .collect();
    assert_eq!(names, ["供热", "金融", "彩礼"]);

    let mut heating = numbered(2);
    heating.category = CategoryLine {
        national: Category::Contract,
        local: Some("供热".into()),
    };
    let problems = refused(&mut store, &file(&[heating]));
    assert_eq!(
        problems[0].to_string(),
        "第 1 行，category.local：本地类型「供热」在本调解室属于「物业」，这里写的是「合同」"
    );
}

#[test]
fn an_empty_file_imports_nothing_and_sets_nothing_up() {
    let (_dir, mut store) = new_store();
    let report = import_bytes(&mut store, b"\n\n", now()).unwrap();
    assert_eq!(report.cases, 0);
    assert_eq!(store.organisation().unwrap(), None);
}

#[test]
fn the_example_in_the_format_document_is_a_sound_line() {
    let doc = include_str!("../../../docs/export-format.md");
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let compact = serde_json::from_str::<serde_json::Value>(&doc[start..end])
        .unwrap()
        .to_string();
    let line = parse_line(&compact).unwrap();
    assert_eq!(problems(&line), Vec::<String>::new());
    let (_dir, mut store) = new_store();
    assert_eq!(
        import_bytes(&mut store, compact.as_bytes(), now())
            .unwrap()
            .cases,
        1
    );
}

#[test]
fn a_file_on_disk_with_a_bad_line_names_it_and_writes_nothing() {
    let (dir, mut store) = new_store();
    let mut lines: Vec<CaseLine> = (1..=50).map(numbered).collect();
    lines[36].facts = String::new();
    let path = dir.path().join("cases.jsonl");
    std::fs::write(&path, file(&lines)).unwrap();
    set_lang(Lang::Zh);
    let problems = match import_file(&mut store, &path, now()) {
        Err(ImportError::Lines(problems)) => problems,
        other => panic!("expected a bad line, got {other:?}"),
    };
    let listed: Vec<(usize, String)> = problems.iter().map(|p| (p.line, p.error.path())).collect();
    assert_eq!(listed, [(37, "facts".to_string())]);
    assert_eq!(store.organisation().unwrap(), None);
    // Corrected, the same file imports whole.
    lines[36] = numbered(37);
    std::fs::write(&path, file(&lines)).unwrap();
    assert_eq!(import_file(&mut store, &path, now()).unwrap().cases, 50);
}

/// Reads one text until it is rewound, then another: a file changed between the passes.
struct Changing {
    now: Cursor<Vec<u8>>,
    then: Option<Vec<u8>>,
}

impl std::io::Read for Changing {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.now.read(buf)
    }
}

impl BufRead for Changing {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.now.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.now.consume(amount)
    }
}

impl Seek for Changing {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        if let Some(then) = self.then.take() {
            self.now = Cursor::new(then);
        }
        self.now.seek(to)
    }
}

#[test]
fn a_file_changed_between_check_and_write_writes_nothing() {
    set_lang(Lang::Zh);
    let checked = file(&[numbered(1), numbered(2)]);
    let appended = [checked.clone(), file(&[numbered(3)])].concat();
    let mut broken = checked.clone();
    broken.truncate(checked.len() - 10);
    for (then, says) in [
        (
            appended,
            "导入时文件 cases.jsonl 被改动过，与检查时不同；没有导入任何案件。",
        ),
        (broken, "导入时文件 cases.jsonl 被改动过（第 2 行："),
    ] {
        let (_dir, mut store) = new_store();
        let mut lines = Lines::new(Changing {
            now: Cursor::new(checked.clone()),
            then: Some(then),
        });
        let error = import_lines(&mut store, &mut lines, "cases.jsonl", now()).unwrap_err();
        assert!(error.to_string().starts_with(says), "{error}");
        let org = store.organisation().unwrap().unwrap();
        assert_eq!(store.case_ids(org.id).unwrap(), []);
    }
}
