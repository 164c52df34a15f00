//! End to end: the real binary in a pseudo-terminal at 80×24 on a demo room. A mediator
//! finds a case, opens the 文书 tab, sees the registration form of that case in the
//! preview and writes its PDF into the case's folder, then prints it with F5 (a fake
//! `lp` on PATH records what it was given).

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::open_case_list;
use pty::{Key, WAIT};
use tiaojie::storage::Store;

#[test]
fn open_a_case_preview_its_registration_form_and_write_the_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let mut store = Store::open(&db).expect("open");
    let now = tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now());
    tiaojie::cli::demo::fill_demo(&mut store, 120, 5, now).expect("demo");
    let org = store.organisation().expect("read").expect("room");
    let case = store
        .case_ids(org.id)
        .expect("ids")
        .into_iter()
        .map(|id| store.load_case(id).expect("load"))
        .rfind(|c| c.number.is_some())
        .expect("a numbered case");
    let number = case.number.clone().expect("number").text;
    drop(store);

    // A fake lp that records its arguments, first on PATH.
    let bin_dir = dir.path().join("bin");
    std::fs::create_dir(&bin_dir).expect("bin dir");
    let log = dir.path().join("lp.args");
    let lp = bin_dir.join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{}'; done\necho 'request id is P-1'\n",
            log.display()
        ),
    )
    .expect("fake lp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let path_env = format!("{}:/usr/bin:/bin", bin_dir.display());
    let db_arg = db.to_str().expect("temp path is UTF-8");
    let mut app = pty::PtyApp::spawn(
        std::path::Path::new(env!("CARGO_BIN_EXE_tiaojie")),
        &["--db", db_arg],
        &[("USER", "wang"), ("PATH", &path_env)],
        80,
        24,
    )
    .expect("the app starts in a pty");
    open_case_list(&app);
    app.send_str("/");
    app.send_str(&number);
    app.see(&case.fields.parties[0].name);
    // Enter ends the search, Enter again opens the case.
    app.key(Key::Enter);
    app.see(&number);
    app.key(Key::Enter);
    let facts: String = case.fields.facts.chars().take(6).collect();
    app.see(&facts);
    app.key(Key::Tab);
    app.key(Key::Tab);
    app.see("预览");
    app.see("登记日期");
    app.see(&number);
    app.key(Key::Enter);
    app.see("PDF 已保存");
    let kept = dir.path().join("文书").join(&number).join("受理登记表.pdf");
    assert!(kept.is_file(), "{kept:?} not written");
    // F5 prints: the status says so, and lp was given -n 1, the job's title (case
    // number and form, no party's name) and the kept file after `--`.
    app.see("F5 打印");
    app.key(Key::F(5));
    app.see("已送打印机");
    let args = std::fs::read_to_string(&log).expect("lp ran");
    let want = format!("-n\n1\n-t\n{number} 受理登记表\n--\n{}\n", kept.display());
    assert_eq!(args, want);
    app.key(Key::F(10));
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "exit status {status:?}");
}
