//! End to end: `tiaojie print` makes each form as PDF and text from a demo database;
//! the PDF's words are read back with pdftotext (poppler-utils, installed by .ci/run).

#[path = "documents/every_case.rs"]
mod every_case;
#[path = "documents/paper.rs"]
mod paper;

use std::path::{Path, PathBuf};
use std::process::Command;
use tiaojie::domain::case::Case;
use tiaojie::domain::session::{Session, SessionKind, SessionStatus};
use tiaojie::domain::status::CaseStatus;
use tiaojie::storage::Store;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_tiaojie"))
}

/// A demo database and, from it, a referred case that succeeded and one that ended.
fn demo() -> (tempfile::TempDir, PathBuf, Case, Case) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("room.db");
    let mut store = Store::open(&db).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
    tiaojie::cli::demo::fill_demo(&mut store, 80, 2026, now).unwrap();
    let org = store.organisation().unwrap().unwrap();
    let cases: Vec<Case> = store
        .case_ids(org.id)
        .unwrap()
        .into_iter()
        .map(|id| store.load_case(id).unwrap())
        .filter(|c| c.fields.source.is_referral() && !c.fields.referrer_unit.is_empty())
        .collect();
    let ended = |to: CaseStatus| {
        cases
            .iter()
            .find(|c| c.number.is_some() && c.history.iter().any(|h| h.to == to))
            .cloned()
            .unwrap()
    };
    let (ok, stop) = (ended(CaseStatus::Succeeded), ended(CaseStatus::Terminated));
    (dir, db, ok, stop)
}

/// A numbered case of the demo with a held session and a follow-up visit.
fn case_with_sessions_and_visits(db: &Path) -> (Case, Vec<Session>) {
    let store = Store::open(db).unwrap();
    let org = store.organisation().unwrap().unwrap();
    for id in store.case_ids(org.id).unwrap() {
        let sessions = store.sessions_of_case(id).unwrap();
        let held = sessions
            .iter()
            .any(|s| s.status == SessionStatus::Held && !s.fields.parties.is_empty());
        let case = store.load_case(id).unwrap();
        if held && case.number.is_some() && !store.follow_ups_of_case(id).unwrap().is_empty() {
            return (case, sessions);
        }
    }
    panic!("the demo has no case with a held session and a visit");
}

fn print(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .arg("--db")
        .arg(db)
        .arg("print")
        .args(args)
        .output()
        .unwrap()
}

fn pdftotext(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// pdftotext puts line breaks inside paragraphs: compare without whitespace.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn each_form_is_a_pdf_with_its_words_kept_in_the_case_folder() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) missing; .ci/run installs it");
        return;
    }
    let (dir, db, ok, stop) = demo();
    let checks: [(&Case, &str, &str, Vec<String>); 4] = [
        (
            &ok,
            "register",
            "受理登记表",
            vec![
                "受理登记表".into(),
                "登记日期".into(),
                "纠纷类型".into(),
                "案件来源".into(),
                "纠纷简要情况".into(),
                "当事人（签名或按指印）".into(),
                "登记人（签名）".into(),
                "人民调解委员会（印）".into(),
            ],
        ),
        (
            &ok,
            "feedback",
            "调解结果反馈函",
            vec![
                "调解结果反馈函".into(),
                ok.fields.referrer_unit.clone(),
                "调解结果：调解成功".into(),
                "达成协议日期".into(),
                "特此函告。".into(),
            ],
        ),
        (
            &ok,
            "协议书",
            "人民调解协议书",
            vec![
                "协议".into(),
                "纠纷主要事实、争议事项".into(),
                "经调解，自愿达成如下协议：".into(),
                "履行方式、时限：".into(),
                "（大写：人民币".into(),
                "当事人各执一份，人民调解委员会留存一份。".into(),
                "人民调解员".into(),
                "记录人".into(),
                "人民调解委员会（印）".into(),
            ],
        ),
        (
            &stop,
            "feedback",
            "调解结果反馈函",
            vec![
                "调解结果：调解终止".into(),
                "终止原因".into(),
                squeeze(
                    &stop
                        .history
                        .iter()
                        .rev()
                        .find(|h| h.to == CaseStatus::Terminated)
                        .unwrap()
                        .reason,
                ),
            ],
        ),
    ];
    for (case, form, stem, words) in checks {
        let number = case.number.as_ref().unwrap().text.clone();
        let out_file = dir.path().join(format!("{stem}-{}.pdf", case.id.0));
        let out = print(&db, &[form, &number, "-o", out_file.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let kept = dir
            .path()
            .join("文书")
            .join(&number)
            .join(format!("{stem}.pdf"));
        assert_eq!(
            std::fs::read(&kept).unwrap(),
            std::fs::read(&out_file).unwrap()
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&kept), 0o600);
            assert_eq!(mode(kept.parent().unwrap()), 0o700);
        }
        let text = squeeze(&pdftotext(&kept).unwrap());
        let mut words = words;
        words.push(number.clone());
        for w in words {
            assert!(
                text.contains(&squeeze(&w)),
                "{form} of {number}: {w:?} not in {text}"
            );
        }
        assert!(text.contains("第1页共"), "page numbers: {text}");
    }
}

#[test]
fn text_comes_out_in_utf8_or_gb18030_and_bad_requests_say_what_to_do() {
    let (_dir, db, ok, _) = demo();
    let number = ok.number.as_ref().unwrap().text.clone();
    let utf8 = print(&db, &["register", &number, "--format", "txt"]);
    assert!(utf8.status.success());
    let text = String::from_utf8(utf8.stdout).unwrap();
    assert!(text.contains("受理登记表") && text.contains(&number));
    let gb = print(
        &db,
        &[
            "受理登记表",
            &number,
            "--format",
            "txt",
            "--encoding",
            "gb18030",
        ],
    );
    assert!(gb.status.success());
    // The same text for old printers: CRLF line ends, ￥ for ¥ (not in GBK).
    let want = text.replace('\n', "\r\n").replace('¥', "￥");
    assert_eq!(encoding_rs::GB18030.decode(&gb.stdout).0, want);
    // A case that is not there, and a font that is not there.
    let missing = print(&db, &["feedback", "（1999）无此号"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("找不到案件"));
    let no_font = print(
        &db,
        &["register", &number, "--font", "/nonexistent/font.ttc"],
    );
    assert!(!no_font.status.success());
    let msg = String::from_utf8_lossy(&no_font.stderr);
    assert!(
        msg.contains("/nonexistent/font.ttc") && msg.contains("--format txt"),
        "{msg}"
    );
    // The room's font setting is used the same way, and --font wins over it.
    {
        let mut store = Store::open(&db).unwrap();
        let org = store.organisation().unwrap().unwrap();
        store
            .set_setting(org.id, "print.font", "/nonexistent/room.ttf")
            .unwrap();
    }
    let room_font = print(&db, &["register", &number]);
    assert!(!room_font.status.success());
    let msg = String::from_utf8_lossy(&room_font.stderr);
    assert!(msg.contains("/nonexistent/room.ttf"), "{msg}");
    let given = print(
        &db,
        &["register", &number, "--font", "/nonexistent/font.ttc"],
    );
    let msg = String::from_utf8_lossy(&given.stderr);
    assert!(msg.contains("/nonexistent/font.ttc"), "{msg}");
}

#[test]
fn the_documents_tab_effect_writes_the_pdf_into_the_case_folder() {
    use tiaojie::app::effects::Runner;
    use tiaojie::app::{Action, Effect};
    use tiaojie::documents::forms::FormKind;
    let (dir, db, ok, _) = demo();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
    let mut runner = Runner::new(Store::open(&db).unwrap(), "test".into());
    runner.run(Effect::LoadRoom, &now);
    let write = Effect::WriteDocument {
        case: ok.id,
        form: FormKind::Feedback,
        today: now.date_naive(),
        choice: Default::default(),
        print: false,
    };
    let Action::DocumentWritten(path) = runner.run(write, &now) else {
        panic!("not written");
    };
    let number = &ok.number.as_ref().unwrap().text;
    let want = dir
        .path()
        .join("文书")
        .join(number)
        .join("调解结果反馈函.pdf");
    assert_eq!(Path::new(&path), want);
    assert!(std::fs::read(&want).unwrap().starts_with(b"%PDF"));
}

#[test]
fn the_new_forms_are_pdfs_with_their_words_from_the_real_binary() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) missing; .ci/run installs it");
        return;
    }
    let (dir, db, _, _) = demo();
    let (case, sessions) = case_with_sessions_and_visits(&db);
    let number = case.number.as_ref().unwrap().text.clone();
    let held = sessions
        .iter()
        .rev()
        .find(|s| s.status == SessionStatus::Held && !s.fields.parties.is_empty())
        .unwrap();
    let session = held.id.0.to_string();
    let invited = held.fields.parties.len();
    // Each session keeps its own notice and record, named by its day (-2 … for a later
    // session of the case that day).
    let date = held.fields.date();
    let before = sessions
        .iter()
        .filter(|s| s.fields.kind != SessionKind::FollowUp && s.fields.date() == date)
        .take_while(|s| s.id != held.id)
        .count();
    let day = match before {
        0 => date.to_string(),
        n => format!("{date}-{}", n + 1),
    };
    let (notice_stem, record_stem) = (format!("调解通知书-{day}"), format!("调解记录-{day}"));
    let checks: [(&[&str], &str, Vec<&str>); 6] = [
        (
            &["notice", &number, "--session", &session],
            &notice_stem,
            vec![
                "调解通知书",
                "调解时间",
                "调解地点",
                "请携带",
                "人民调解委员会（印）",
            ],
        ),
        (
            &["record", &number, "--session", &session],
            &record_stem,
            vec![
                "调解记录",
                "时间",
                "地点",
                "调解员",
                "记录人",
                "参加人",
                "调解情况",
                "调解结果",
                "（签名或按指印）",
            ],
        ),
        (
            &["followup", &number],
            "回访记录",
            vec![
                "回访记录",
                "当事人",
                "协议编号",
                "回访事由",
                "回访时间",
                "履行情况",
                "当事人满意程度",
                "是否另行起诉",
                "有无激化迹象",
                "回访人（签名）",
            ],
        ),
        (
            &["cover", &number],
            "人民调解卷宗",
            vec![
                "人民调解卷宗",
                "卷名",
                "卷号",
                "受理日期",
                "保管期限",
                "立卷人",
                "卷内目录",
                "1．受理登记表",
                "调解记录",
                "回访记录",
            ],
        ),
        (
            &["confirmation", &number],
            "司法确认申请书",
            vec![
                "司法确认申请书",
                "人民法院：",
                "请求事项",
                "事实与理由",
                "（签名盖章或按指印）",
            ],
        ),
        (
            &["register", &number],
            "受理登记表",
            vec!["受理登记表", "登记日期"],
        ),
    ];
    for (args, stem, words) in checks {
        let out = print(&db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let kept = dir
            .path()
            .join("文书")
            .join(&number)
            .join(format!("{stem}.pdf"));
        let text = squeeze(&pdftotext(&kept).unwrap());
        // The application to the court carries no committee case number.
        let with_number = stem != "司法确认申请书";
        for w in words.iter().chain(with_number.then_some(&number.as_str())) {
            assert!(text.contains(&squeeze(w)), "{args:?}: {w:?} not in {text}");
        }
        assert!(text.contains("第1页共"), "page numbers: {text}");
    }
    // The session's notices: one per invited party, each numbering its own pages.
    let kept = dir
        .path()
        .join("文书")
        .join(&number)
        .join(format!("{notice_stem}.pdf"));
    let text = squeeze(&pdftotext(&kept).unwrap());
    assert_eq!(text.matches("请携带").count(), invited, "{text}");
    // One party's notice is its own file, named after the party.
    let one = print(
        &db,
        &["notice", &number, "--session", &session, "--party", "1"],
    );
    assert!(one.status.success());
    let named = held.fields.parties[0].name.trim().to_string();
    let file = dir
        .path()
        .join("文书")
        .join(&number)
        .join(format!("{notice_stem}-{named}.pdf"));
    let text = squeeze(&pdftotext(&file).unwrap());
    assert!(text.contains(&format!("{named}：")), "{text}");
    // A party the session does not invite, a session that is not there.
    let bad = print(
        &db,
        &["notice", &number, "--session", &session, "--party", "99"],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("第 99 位"));
    let gone = print(&db, &["record", &number, "--session", "999999"]);
    assert!(!gone.status.success());
    assert!(String::from_utf8_lossy(&gone.stderr).contains("日程"));
    // The case's agreement (a visited case succeeded, and the demo drafted its agreement).
    let out = dir.path().join("agreement.pdf");
    let agreement = print(
        &db,
        &["agreement", &number, "-o", out.to_str().expect("utf-8")],
    );
    let said = String::from_utf8_lossy(&agreement.stderr).into_owned();
    assert!(agreement.status.success(), "{said}");
    let text = squeeze(&pdftotext(&out).unwrap());
    assert!(text.contains("本协议一式"), "{text}");
}

#[test]
fn an_oral_agreement_is_kept_under_its_printed_title() {
    use tiaojie::app::effects::Runner;
    use tiaojie::app::{Action, Effect};
    use tiaojie::documents::forms::FormKind;
    use tiaojie::domain::agreement::AgreementKind;
    let (dir, db, _, _) = demo();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
    // A numbered case with an agreement, made oral (the demo draws oral ones at random).
    let case = {
        let mut store = Store::open(&db).unwrap();
        let org = store.organisation().unwrap().unwrap();
        let (case, mut agreement) = store
            .case_ids(org.id)
            .unwrap()
            .into_iter()
            .find_map(|id| {
                let case = store.load_case(id).unwrap();
                let a = store.agreement_of_case(id).unwrap()?;
                case.number.is_some().then_some((case, a))
            })
            .unwrap();
        agreement.kind = AgreementKind::Oral;
        store.save_agreement(&agreement, &now).unwrap();
        case
    };
    let number = case.number.as_ref().unwrap().text.clone();
    let folder = dir.path().join("文书").join(&number);
    let want = folder.join("口头协议登记表.pdf");
    // The 文书 tab.
    let mut runner = Runner::new(Store::open(&db).unwrap(), "test".into());
    runner.run(Effect::LoadRoom, &now);
    let write = Effect::WriteDocument {
        case: case.id,
        form: FormKind::Agreement,
        today: now.date_naive(),
        choice: Default::default(),
        print: false,
    };
    let Action::DocumentWritten(path) = runner.run(write, &now) else {
        panic!("not written");
    };
    assert_eq!(Path::new(&path), want);
    assert!(!folder.join("人民调解协议书.pdf").exists());
    std::fs::remove_file(&want).unwrap();
    // `tiaojie print`.
    let out = print(&db, &["agreement", &number]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&want).unwrap().starts_with(b"%PDF"));
    assert!(!folder.join("人民调解协议书.pdf").exists());
}

/// A rare name character (㛃, CJK Ext-A, not in the shipped GBK face) prints from an
/// installed face; a character no face has stops the PDF with its name and how to add a
/// face — never a placeholder on paper.
#[test]
fn a_rare_name_prints_from_an_installed_face_and_an_unknown_character_is_named() {
    if Command::new("pdftotext").arg("-v").output().is_err()
        || !Path::new(tiaojie::documents::fallback_font::SYSTEM_FACES[0].0).is_file()
    {
        eprintln!("SKIPPED: pdftotext or fonts-noto-cjk missing; .ci/run installs them");
        return;
    }
    let (dir, db, ok, _) = demo();
    let number = ok.number.as_ref().unwrap().text.clone();
    let rename = |name: &str| {
        let mut store = Store::open(&db).unwrap();
        let case = store.load_case(ok.id).unwrap();
        let mut fields = case.fields.clone();
        fields.parties[0].name = name.into();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
        store
            .update_case(ok.id, case.version, &fields, &now)
            .unwrap();
    };
    rename("陈㛃");
    let out_file = dir.path().join("rare.pdf");
    let out = print(
        &db,
        &["register", &number, "-o", out_file.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdftotext(&out_file).unwrap();
    assert!(text.contains("陈㛃"), "{text}");
    // A private-use character: no face has it.
    rename("陈\u{E000}");
    let out = print(&db, &["register", &number]);
    assert!(!out.status.success());
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(
        msg.contains('\u{E000}') && msg.contains("U+E000") && msg.contains("fonts-noto-cjk"),
        "{msg}"
    );
}

/// The application for judicial confirmation past the 30 days of Art 33 prints, dated the
/// day it is made, and the command line says the window has closed; a case that ended
/// without agreement gets none, with the reason.
#[test]
fn the_confirmation_past_30_days_warns_and_an_ended_case_gets_none() {
    let (_dir, db, ok, stop) = demo();
    let number = ok.number.as_ref().unwrap().text.clone();
    let out = print(&db, &["confirmation", &number, "--format", "txt"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    // The run is dated today: the warning is there exactly when the window has closed.
    let signed = Store::open(&db)
        .unwrap()
        .agreement_of_case(ok.id)
        .unwrap()
        .and_then(|a| a.confirmation_deadline());
    let closed = signed.is_some_and(|end| {
        tiaojie::domain::zone::Zone::default()
            .local(&chrono::Utc::now())
            .date_naive()
            > end
    });
    assert_eq!(said.contains("三十日期限已于"), closed, "{said}");
    let stopped = stop.number.as_ref().unwrap().text.clone();
    let out = print(&db, &["confirmation", &stopped, "--format", "txt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("调解终止或不予受理"));
}
