//! End to end: `tiaojie print` makes each form as PDF and text from a demo database;
//! the PDF's words are read back with pdftotext (poppler-utils, installed by .ci/run).

use std::path::{Path, PathBuf};
use std::process::Command;
use tiaojie::domain::case::Case;
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
            "受理登记表",
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
            "反馈函",
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
            "反馈函",
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
        let out = print(
            &db,
            &[&number, "--form", form, "-o", out_file.to_str().unwrap()],
        );
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
    let utf8 = print(&db, &[&number, "--form", "受理登记表", "--format", "txt"]);
    assert!(utf8.status.success());
    let text = String::from_utf8(utf8.stdout).unwrap();
    assert!(text.contains("受理登记表") && text.contains(&number));
    let gb = print(
        &db,
        &[
            &number,
            "--form",
            "register",
            "--format",
            "txt",
            "--encoding",
            "gb18030",
        ],
    );
    assert!(gb.status.success());
    assert_eq!(encoding_rs::GB18030.decode(&gb.stdout).0, text);
    // A case that is not there, and a font that is not there.
    let missing = print(&db, &["（1999）无此号", "--form", "反馈函"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("找不到案件"));
    let no_font = print(
        &db,
        &[
            &number,
            "--form",
            "受理登记表",
            "--font",
            "/nonexistent/font.ttc",
        ],
    );
    assert!(!no_font.status.success());
    let msg = String::from_utf8_lossy(&no_font.stderr);
    assert!(
        msg.contains("/nonexistent/font.ttc") && msg.contains("--format txt"),
        "{msg}"
    );
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
