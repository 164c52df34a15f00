//! End to end: two copies of the app on one database, as at a front desk and in the
//! mediation room. A case registered in one appears in the other's list by itself — no
//! key is pressed there (the idle app polls PRAGMA data_version every 2 s).

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{open_case_list, quit, register_case, start_as as start};
use pty::Key;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tiaojie");

#[test]
fn a_case_registered_at_the_front_desk_appears_in_the_mediators_list_by_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let status = Command::new(BIN)
        .args(["--db", db.to_str().expect("UTF-8"), "demo", "--cases", "3"])
        .env("USER", "wang")
        .status()
        .expect("demo runs");
    assert!(status.success());
    // The administrator (whoever ran demo) lets the front desk in.
    let status = Command::new(BIN)
        .args(["--db", db.to_str().expect("UTF-8"), "--as", "wang"])
        .args(["user", "add", "police", "--role", "mediator"])
        .status()
        .expect("user add runs");
    assert!(status.success());

    let room = start(&db, "wang");
    open_case_list(&room);
    room.see("共 3 件");

    let desk = start(&db, "police");
    open_case_list(&desk);
    desk.see("共 3 件");
    register_case(&desk, "楼上漏水，损坏楼下吊顶", "欧阳秀兰");

    // Not a key pressed in the room: the list catches up on its own.
    let bytes = room.bytes_received();
    room.see("共 4 件");
    room.see("欧阳秀兰");
    assert!(room.bytes_received() > bytes);

    quit(desk);
    quit(room);
}

/// Opens the first case of the list in its edit form.
fn edit_first_case(app: &pty::PtyApp) {
    app.key(Key::Enter);
    app.see("案件详情");
    app.send_str("e");
    app.see("修改案件");
}

/// Issue 14: two people edit one case at once, each a different field. The second save
/// used to end in the conflict dialog, where 用我的覆盖 undid the first person's change.
/// Now it merges without asking, keeps both changes and says so.
#[test]
fn two_people_changing_different_fields_of_one_case_keep_both_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = app::demo_db(dir.path(), 3);
    app::add_user(&db, "li", "mediator");
    let wang = start(&db, "wang");
    let li = start(&db, "li");
    for who in [&wang, &li] {
        open_case_list(who);
        edit_first_case(who);
    }
    // The demo's first case is a police referral: 收案日期, 案件来源, 移交单位, 移交编号,
    // 纠纷类型, 纠纷简要情况, 当事人请求, then 涉及金额 and 涉及人数.
    for _ in 0..7 {
        wang.key(Key::Tab);
    }
    wang.send_str("500");
    wang.see("500");
    wang.key(Key::F(2));
    wang.wait_until(
        |s| s.contains("案件详情") && s.contains("¥500.00") && s.contains("已保存"),
        pty::WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..8 {
        li.key(Key::Tab);
    }
    li.send_str("12");
    li.key(Key::F(2));
    let screen = li
        .wait_until(
            |s| {
                s.contains("案件详情")
                    && s.contains("¥500.00")
                    && s.contains("涉及人数  12")
                    && s.contains("别人同时对此案件所做的修改也已保留")
            },
            pty::WAIT,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!screen.contains("别人已修改此案件"), "{screen}");
    quit(li);
    quit(wang);
}
