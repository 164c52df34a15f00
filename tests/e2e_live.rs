//! End to end: two copies of the app on one database, as at a front desk and in the
//! mediation room. A case registered in one appears in the other's list by itself — no
//! key is pressed there (the idle app polls PRAGMA data_version every 2 s).

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{open_case_list, quit, register_case, start_as as start};
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
