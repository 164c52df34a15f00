//! End to end, two processes: a front desk has its own case open in an edit form when the
//! administrator restores yesterday's copy with the real `tiaojie restore`. The desk's
//! app notices by itself (no key pressed), reads everything again, keeps the form as a
//! draft and says what happened; the case registered after the restore gets a new id,
//! and the desk's stale form can never be saved into it. An audit trigger dropped around
//! the app is made again when the app opens the file, and the app says so.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{add_user, bin, demo_db, open_case_list, quit, start_as, start_case};
use pty::Key;
use std::process::Command;
use tiaojie::domain::case::CaseFields;
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::storage::Store;

fn fields(name: &str, facts: &str) -> CaseFields {
    let mut f = CaseFields::blank(
        tiaojie::domain::zone::Zone::default()
            .local(&chrono::Utc::now())
            .date_naive(),
    );
    f.facts = facts.into();
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    f.parties = vec![p];
    f
}

/// Registers a case as `user`, through storage as the app does.
fn register(db: &std::path::Path, user: &str, name: &str, facts: &str) -> i64 {
    let now = tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now());
    let mut store = Store::open(db).expect("open");
    store.set_user(user);
    let org = store.organisation().expect("read").expect("a room");
    store
        .create_case(org.id, &fields(name, facts), user, &now)
        .expect("registered")
        .id
        .0
}

#[test]
fn a_restore_reaches_a_connected_front_desk_whose_stale_form_cannot_touch_a_new_case() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 2);
    add_user(&db, "police", "clerk");
    let copy = dir.path().join("yesterday.db");
    Store::open(&db)
        .expect("open")
        .backup_to(&copy)
        .expect("backup");
    // After the copy: the desk registers a case, opens it and starts editing it.
    let desk_case = register(&db, "police", "刘春梅", "邻里噪音纠纷");
    let desk = start_as(&db, "police");
    open_case_list(&desk);
    desk.see("刘春梅");
    desk.key(Key::Enter);
    desk.see("邻里噪音纠纷");
    desk.send_str("e");
    desk.see("收案日期");
    for _ in 0..3 {
        desk.key(Key::Tab);
    }
    desk.key(Key::End);
    desk.send_str("已改过的案情");
    desk.see("已改过的案情");

    // The administrator puts yesterday's copy back, from another process.
    let out = Command::new(bin())
        .args([
            "--db",
            db.to_str().expect("UTF-8"),
            "--as",
            "wang",
            "restore",
        ])
        .arg(&copy)
        .output()
        .expect("restore runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nothing pressed at the desk: its change poll sees the restore and says so.
    desk.see("用备份 yesterday.db 恢复了本室");
    desk.see("1 份表单已保存为草");
    // ... and a case registered now is not given the restored-away case's id.
    let new_case = register(&db, "wang", "欧阳秀兰", "楼上漏水，损坏楼下吊顶");
    assert!(new_case > desk_case, "id {new_case} handed out again");

    // The draft is offered; reopening it finds its case gone, never another one.
    desk.key(Key::Enter);
    desk.see("修改案件");
    desk.key(Key::Enter);
    desk.see("找不到");
    desk.key(Key::F(2));
    quit(desk);

    let conn = app::raw_connection(&db);
    let changed: i64 = conn
        .query_row(
            "SELECT count(*) FROM cases WHERE facts LIKE '%已改过的案情%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(changed, 0, "the stale form was saved into a case");
    let facts: String = conn
        .query_row("SELECT facts FROM cases WHERE id = ?1", [new_case], |r| {
            r.get(0)
        })
        .expect("the new case");
    assert_eq!(facts, "楼上漏水，损坏楼下吊顶");
    let draft: i64 = conn
        .query_row(
            "SELECT count(*) FROM drafts WHERE form_key = ?1 AND content LIKE '%已改过的案情%'",
            [format!("case:{desk_case}")],
            |r| r.get(0),
        )
        .expect("drafts");
    assert_eq!(draft, 1, "what the desk typed is kept as a draft");
    let (who, carried): (String, i64) = conn
        .query_row(
            "SELECT (SELECT user_name FROM audit WHERE action = 'restore'),
                    (SELECT count(*) FROM audit WHERE case_id = ?1 AND action = 'insert')",
            [desk_case],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("audit");
    assert_eq!(who, "wang");
    assert!(carried > 0, "the history of what the restore undid is kept");
}

#[test]
fn a_trigger_dropped_around_the_app_is_made_again_and_said_on_the_status_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 2);
    app::raw_connection(&db)
        .execute_batch("DROP TRIGGER audit_cases_update;")
        .expect("switch part of the audit off");
    let room = start_as(&db, "wang");
    room.see("修改记录的触发器有 1 个");
    quit(room);
    let conn = app::raw_connection(&db);
    let (repairs, back): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM audit WHERE action = 'repair'
                       AND after_json LIKE '%audit_cases_update%'),
                    (SELECT count(*) FROM sqlite_schema WHERE name = 'audit_cases_update')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("audit");
    assert_eq!((repairs, back), (1, 1));
}

#[test]
fn a_restore_over_a_file_too_damaged_to_open_reaches_a_connected_session_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 2);
    let copy = dir.path().join("yesterday.db");
    Store::open(&db)
        .expect("open")
        .backup_to(&copy)
        .expect("backup");
    let room = start_as(&db, "wang");
    open_case_list(&room);
    room.see("共 2 件");
    start_case(&room, "打了一半的案情");
    // The file stops opening (its header no longer says tiaojie), so restore moves it
    // aside and writes the copy in its place, while the session still has it open.
    app::raw_connection(&db)
        .execute_batch("PRAGMA application_id = 7;")
        .expect("spoil the header");
    let out = Command::new(bin())
        .args([
            "--db",
            db.to_str().expect("UTF-8"),
            "--as",
            "wang",
            "restore",
        ])
        .arg(&copy)
        .output()
        .expect("restore runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    room.see("用备份 yesterday.db 恢复了本室");
    room.key(Key::Enter);
    room.see("新案件登记");
    quit(room);
    // The session moved to the restored file: its draft is there.
    let conn = app::raw_connection(&db);
    let drafts: i64 = conn
        .query_row(
            "SELECT count(*) FROM drafts WHERE form_key = 'case:new'
               AND content LIKE '%打了一半的案情%'",
            [],
            |r| r.get(0),
        )
        .expect("drafts");
    assert_eq!(drafts, 1);
}
