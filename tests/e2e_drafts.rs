//! End to end: a form half typed (Chinese included) when the SSH connection drops
//! (SIGHUP) is offered at the next start by the same user, and restores every field;
//! discarding it deletes it. Two windows of one login keep their own drafts, and a
//! window still open never has its draft offered to another.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{add_user, demo_db, open_case_list, start_as, start_case};
use pty::{Key, PtyApp, WAIT};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn hang_up(mut app: PtyApp) {
    let pid = app.pid().expect("the child has a pid").to_string();
    let status = Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.exit_code(), 128 + 1, "{status:?}");
}

/// The drafts stored for `user`: (form key, content).
fn drafts(db: &Path, user: &str) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare("SELECT form_key, content FROM drafts WHERE user = ?1")
        .expect("prepare");
    stmt.query_map([user], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// Waits until a draft of `user` holds `text` (the app writes it after a pause in typing).
fn wait_for_draft(db: &Path, user: &str, text: &str) {
    let deadline = Instant::now() + WAIT;
    while !drafts(db, user).iter().any(|(_, c)| c.contains(text)) {
        assert!(
            Instant::now() < deadline,
            "no draft with {text:?}: {:?}",
            drafts(db, user)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_half_typed_form_survives_a_dropped_connection_and_can_be_discarded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 5);
    add_user(&db, "zhou", "mediator");
    add_user(&db, "li", "mediator");
    let app = start_as(&db, "zhou");
    open_case_list(&app);
    start_case(&app, "楼上漏水，损坏楼下吊顶");
    app.key(Key::Tab);
    app.send_str("赔偿维修费");
    app.see("赔偿维修费");
    app.key(Key::Tab);
    app.send_str("1200");
    app.see("1200");
    wait_for_draft(&db, "zhou", "1200");
    hang_up(app);

    // Another user is not offered zhou's draft.
    let other = start_as(&db, "li");
    other.see("今日");
    assert!(!other.screen_text().contains("未保存的草稿"));
    drop(other);

    let app = start_as(&db, "zhou");
    app.see("未保存的草稿");
    app.see("新案件登记");
    app.key(Key::Enter);
    // Every field as typed, the offer gone (the screen is read whole, not mid-frame).
    app.wait_until(
        |s| {
            ["楼上漏水，损坏楼下吊顶", "赔偿维修费", "1200", "登记新案件"]
                .iter()
                .all(|t| s.contains(t))
                && !s.contains("未保存的草稿")
        },
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    hang_up(app);
    assert_eq!(drafts(&db, "zhou").len(), 1, "restored but not saved: kept");

    let app = start_as(&db, "zhou");
    app.see("未保存的草稿");
    app.key(Key::Delete);
    app.see("草稿已删除");
    // Deleted beside the keyboard; quitting waits for the writes under way.
    app::quit(app);
    assert!(drafts(&db, "zhou").is_empty());
}

#[test]
fn half_an_agreement_clause_survives_a_dropped_connection_and_is_saved_after_restore() {
    use tiaojie::domain::status::CaseStatus;
    use tiaojie::storage::Store;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 120);
    add_user(&db, "zhou", "mediator");
    let store = Store::open(&db).expect("open");
    let org = store.organisation().expect("read").expect("room");
    let case = store
        .case_ids(org.id)
        .expect("ids")
        .into_iter()
        .map(|id| store.load_case(id).expect("load"))
        .rfind(|c| c.status == CaseStatus::Succeeded && c.fields.parties.len() >= 2)
        .expect("a successful case with two parties");
    drop(store);
    let conn = app::raw_connection(&db);
    conn.execute_batch("PRAGMA foreign_keys = ON")
        .expect("pragma");
    conn.execute("DELETE FROM agreements WHERE case_id = ?1", [case.id.0])
        .expect("delete");
    drop(conn);
    let number = case.number.clone().expect("number").text;
    let party = case.fields.parties[0].name.clone();

    let app = start_as(&db, "zhou");
    open_case_list(&app);
    app.send_str("/");
    app.send_str(&number);
    app.see(&party);
    app.key(Key::Enter);
    app.see(&number);
    app.key(Key::Enter);
    app.see("F6 协议");
    app.key(Key::F(6));
    app.see("人民调解协议书 · 草拟");
    for _ in 0..5 {
        app.key(Key::Tab);
    }
    app.see("F7 添加");
    app.key(Key::F(7));
    app.see("新条款");
    app.send_str("双方同意按下列方式了结");
    app.see("双方同意按下列方式了结");
    wait_for_draft(&db, "zhou", "双方同意按下列方式了结");
    hang_up(app);

    let app = start_as(&db, "zhou");
    app.see("未保存的草稿");
    app.see("调解协议书");
    app.key(Key::Enter);
    // Back on the clause page, the half clause as typed.
    app.wait_until(
        |s| s.contains("新条款") && s.contains("双方同意按下列方式了结"),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.send_str("本纠纷。");
    app.key(Key::F(2));
    app.see("一、");
    app.key(Key::F(2));
    app.see("协议已保存");
    let agreement = Store::open(&db)
        .expect("open")
        .agreement_of_case(case.id)
        .expect("read")
        .expect("saved");
    assert_eq!(agreement.clauses, ["双方同意按下列方式了结本纠纷。"]);
    // Saved: its draft is gone.
    let deadline = Instant::now() + WAIT;
    while !drafts(&db, "zhou").is_empty() {
        assert!(Instant::now() < deadline, "{:?}", drafts(&db, "zhou"));
        std::thread::sleep(Duration::from_millis(50));
    }
    app::quit(app);
}

/// Opens the new-case form and types `facts` into 纠纷简要情况.
fn type_new_case(app: &PtyApp, facts: &str) {
    open_case_list(app);
    start_case(app, facts);
}

/// The owners (window tokens) of `user`'s drafts holding `text`.
fn owners_of(db: &Path, user: &str, text: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare("SELECT owner FROM drafts WHERE user = ?1 AND instr(content, ?2) > 0")
        .expect("prepare");
    stmt.query_map([user, text], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn two_windows_of_one_front_desk_login_keep_their_own_drafts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo_db(dir.path(), 5);
    add_user(&db, "front", "clerk");

    // Two PuTTY windows on the one front-desk login, each registering a case.
    let first = start_as(&db, "front");
    type_new_case(&first, "甲窗口楼上漏水");
    wait_for_draft(&db, "front", "甲窗口楼上漏水");
    let second = start_as(&db, "front");
    // Not offered the first window's draft: the form opens and takes the typing.
    type_new_case(&second, "乙窗口邻里噪音");
    wait_for_draft(&db, "front", "乙窗口邻里噪音");
    assert!(!second.screen_text().contains("未保存的草稿"));
    let (a, b) = (
        owners_of(&db, "front", "甲窗口"),
        owners_of(&db, "front", "乙窗口"),
    );
    assert_eq!((a.len(), b.len()), (1, 1), "one draft each: {a:?} {b:?}");
    assert_ne!(a, b, "each window's draft is its own");

    // The second window's connection drops. The next start is offered its draft only:
    // the first window is still open and keeps its own.
    hang_up(second);
    let third = start_as(&db, "front");
    // The whole offer, its key line last (the screen is read whole, not mid-frame).
    let offer = third.see("Esc 以后再说");
    assert_eq!(offer.matches("新案件登记").count(), 1, "{offer}");
    third.key(Key::Enter);
    third
        .wait_until(
            |s| s.contains("乙窗口邻里噪音") && !s.contains("未保存的草稿"),
            WAIT,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!third.screen_text().contains("甲窗口"));
    // The first window's form and draft are as they were.
    assert!(first.screen_text().contains("甲窗口楼上漏水"));
    assert_eq!(owners_of(&db, "front", "甲窗口"), a);

    // Now the first window goes too: its draft is offered, and not the one the third
    // window restored and still has open.
    hang_up(first);
    let fourth = start_as(&db, "front");
    let offer = fourth.see("Esc 以后再说");
    assert_eq!(offer.matches("新案件登记").count(), 1, "{offer}");
    fourth.key(Key::Enter);
    fourth
        .wait_until(
            |s| s.contains("甲窗口楼上漏水") && !s.contains("未保存的草稿"),
            WAIT,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!fourth.screen_text().contains("乙窗口"));
    hang_up(third);
    hang_up(fourth);
}
