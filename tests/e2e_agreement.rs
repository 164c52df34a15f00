//! End to end: the real binary in a pseudo-terminal at 80×24 on a demo room. A mediator
//! opens a case that ended in agreement, presses F6 and finds the agreement drafted from
//! the case, writes a clause and a ¥3,000 payment due 2026-12-31, saves, quits, starts
//! again and finds it as she left it.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{open_case_list, quit, start};
use pty::{Key, PtyApp};
use tiaojie::domain::status::CaseStatus;
use tiaojie::storage::Store;

/// From the case list to the detail of the case numbered `number`.
fn open_case(app: &PtyApp, number: &str, party: &str) {
    open_case_list(app);
    app.send_str("/");
    app.send_str(number);
    app.see(party);
    // Enter ends the search, Enter again opens the case.
    app.key(Key::Enter);
    app.see(number);
    app.key(Key::Enter);
    app.see("F6 协议");
}

#[test]
fn draft_the_agreement_of_a_successful_case_save_it_and_find_it_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = app::demo_db(dir.path(), 120);
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
    // The demo wrote an agreement for it; this mediator has not yet.
    let conn = app::raw_connection(&db);
    conn.execute_batch("PRAGMA foreign_keys = ON")
        .expect("pragma");
    conn.execute("DELETE FROM agreements WHERE case_id = ?1", [case.id.0])
        .expect("delete");
    drop(conn);
    let number = case.number.clone().expect("number").text;
    let party = case.fields.parties[0].name.clone();

    let app = start(&db);
    open_case(&app, &number, &party);
    app.key(Key::F(6));
    app.see("人民调解协议书 · 草拟");
    app.see(&number);
    let facts: String = case.fields.facts.chars().take(8).collect();
    app.see(&facts);
    // Kind, number, date, status, facts, then the clauses.
    for _ in 0..5 {
        app.key(Key::Tab);
    }
    app.see("F7 添加");
    app.key(Key::F(7));
    app.see("新条款");
    app.send_str("双方同意按下列方式了结本纠纷。");
    app.key(Key::F(2));
    app.see("一、");
    app.key(Key::Tab);
    app.key(Key::F(7));
    app.see("履行事项");
    app.send_str("支付赔偿款");
    for _ in 0..3 {
        app.key(Key::Tab);
    }
    app.send_str("¥3,000");
    app.key(Key::Tab);
    app.send_str("2026-12-31");
    app.key(Key::F(2));
    app.see("¥3,000.00");
    app.key(Key::F(2));
    app.see("协议已保存");
    quit(app);

    let app = start(&db);
    open_case(&app, &number, &party);
    app.key(Key::F(6));
    app.see("双方同意按下列方式了结本纠纷。");
    app.see("¥3,000.00");
    app.see("2026-12-31");
    quit(app);

    let store = Store::open(&db).expect("open");
    let a = store
        .agreement_of_case(case.id)
        .expect("read")
        .expect("saved");
    assert_eq!(a.clauses, ["双方同意按下列方式了结本纠纷。"]);
    assert_eq!(a.items[0].amount_fen, Some(300_000));
    assert_eq!(a.items[0].obligee, case.fields.parties[0].name);
}
