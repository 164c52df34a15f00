//! End to end, in a pseudo-terminal: a person the room does not know is refused in plain
//! words with a non-zero exit (not an empty screen), and `--as` a 登记员 shows only the
//! cases that person registered.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{bin, demo_db, open_case_list, quit};
use pty::{PtyApp, WAIT};
use tiaojie::domain::case::CaseFields;
use tiaojie::domain::party::{Party, PartyKind, PartyRole};

fn spawn(db: &std::path::Path, args: &[&str], user: &str) -> PtyApp {
    let mut all = vec!["--db", db.to_str().expect("UTF-8")];
    all.extend_from_slice(args);
    PtyApp::spawn(bin(), &all, &[("USER", user)], 80, 24).expect("the app starts in a pty")
}

#[test]
fn an_unknown_user_is_refused_with_who_can_add_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 5);
    let mut app = spawn(&db, &[], "stranger");
    let screen = app.see("tiaojie user add stranger");
    assert!(screen.contains("不是本调解室的用户"), "{screen}");
    assert!(screen.contains("wang"), "names the administrator: {screen}");
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(!status.success(), "a refusal exits non-zero");
}

#[test]
fn as_a_clerk_only_the_cases_they_registered_are_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 12);
    let add = std::process::Command::new(bin())
        .args(["--db", db.to_str().expect("UTF-8"), "--as", "wang"])
        .args([
            "user",
            "add",
            "desk1",
            "--role",
            "登记员",
            "--display",
            "赵警官",
        ])
        .output()
        .expect("user add runs");
    assert!(add.status.success(), "{add:?}");
    {
        let mut store = tiaojie::storage::Store::open(&db).expect("open");
        let org = store.organisation().expect("read").expect("a room");
        let now = chrono::Local::now().fixed_offset();
        let mut fields = CaseFields::blank(now.date_naive());
        fields.facts = "楼道堆物纠纷".into();
        let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
        p.name = "钱登记".into();
        fields.parties = vec![p];
        store.set_user("desk1");
        store
            .create_case(org.id, &fields, "desk1", &now)
            .expect("registered");
    }
    // The OS user is someone else: --as decides, as in an SSH forced command.
    let app = spawn(&db, &["--as", "desk1"], "root");
    open_case_list(&app);
    let screen = app.see("共 1 件");
    assert!(screen.contains("钱登记"), "{screen}");
    quit(app);
}
