//! End to end: the real binary in a pseudo-terminal at 80×24. A mediator sets up the
//! room, registers a police referral with two parties by keystrokes (its category found by
//! typing `gr` into the list), quits, starts again and finds the case.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{quit, start};
use pty::{Key, WAIT};

#[test]
fn register_a_case_with_two_parties_quit_and_find_it_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let app = start(&db);

    // First start: the room's short form.
    app.see("调解室名称");
    app.send_str("新华街道老王调解工作室");
    app.key(Key::Tab);
    app.send_str("临河区新华街道人民调解委员会");
    app.key(Key::Tab);
    app.send_str("临新");
    app.key(Key::Tab);
    app.send_str("王建国");
    app.key(Key::F(2));
    app.see("还没有案件");

    // A new case from the police station.
    app.send_str("n");
    app.see("收案日期");
    app.key(Key::Tab); // 案件来源
    app.key(Key::Right); // 主动调解
    app.key(Key::Right); // 公安机关移交
    app.see("公安机关移交");
    app.key(Key::Tab);
    app.send_str("临河区公安局新华派出所");
    app.key(Key::Tab);
    app.send_str("JQ20261127001");
    app.key(Key::Tab); // 纠纷类型
    // Typing narrows the list: `gr` reaches 供热 (it took 14 presses of ↓ from 邻里).
    app.key(Key::Enter);
    app.see("(2/17)");
    app.send_str("gr");
    app.see("纠纷类型：gr (1/1)");
    app.see("▶ 供热（物业）");
    app.key(Key::Enter);
    app.wait_until(|s| !s.contains("(1/1)") && s.contains("供热（物业）"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.key(Key::Tab);
    app.send_str("楼上漏水，损坏楼下吊顶");
    app.key(Key::Tab); // 当事人请求
    app.key(Key::Tab);
    app.send_str("3000");
    app.key(Key::Tab);
    app.send_str("2");

    // Two parties; the ID number is checked as it is typed.
    app.key(Key::F(7));
    app.see("身份证号");
    app.send_str("王秀兰");
    app.key(Key::Tab);
    app.send_str("11010519491231002x");
    app.see("1949-12-31");
    app.key(Key::F(2));
    app.see("王秀兰");
    app.key(Key::F(7));
    app.see("身份证号");
    app.send_str("张三");
    app.key(Key::F(2));
    app.see("张三");
    app.key(Key::F(2));
    app.see("案件已登记");
    // Esc and "/" typed fast over a slow link arrive in one packet: still two keys.
    app.send(b"\x1b/");
    app.see("完成查找");
    app.send_str("秀兰");
    app.see("共 1 件");
    app.key(Key::Enter);
    app.see("王秀兰、张三");
    quit(app);

    // Tomorrow: the case is still there and opens with what was typed.
    let app = start(&db);
    app.see("王秀兰、张三");
    app.key(Key::Enter);
    app.see("临河区公安局新华派出所");
    app.see("楼上漏水");
    app.see("供热");
    quit(app);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db)
            .expect("db exists")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "the database holds personal data");
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("new.db");
    tiaojie::storage::Store::open(&db).expect("create");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.pragma_update(None, "user_version", 99).expect("bump");
    drop(conn);
    let mut app = start(&db);
    app.see("更新版本");
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(!status.success());
}

/// Issue 14 (leaving a form with unsaved changes, everywhere): Enter on a case in 今日
/// while the case form on 案件 holds typing closed that form without a word. Now the form
/// comes back as it was, and the status line says to save or discard it first.
#[test]
fn opening_a_case_from_today_brings_back_the_case_form_being_typed_in() {
    use tiaojie::domain::party::{Party, PartyKind, PartyRole};
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    {
        // A police referral received today: its 24-hour feedback is due on 今日.
        let now = chrono::Local::now().fixed_offset();
        let mut store = tiaojie::storage::Store::open(&db).expect("create");
        let profile = tiaojie::domain::org::OrgProfile {
            room_name: "新华街道老王调解工作室".into(),
            committee_name: "临河区新华街道人民调解委员会".into(),
            number_prefix: "临新".into(),
            number_pattern: tiaojie::domain::org::DEFAULT_NUMBER_PATTERN.into(),
        };
        let org = store
            .create_organisation(&profile, "王建国", &now)
            .expect("room");
        let mut fields = tiaojie::domain::case::CaseFields::blank(now.date_naive());
        fields.source = tiaojie::domain::source::Source::Police;
        fields.referrer_unit = "临河区公安局新华派出所".into();
        fields.facts = "楼上漏水，损坏楼下吊顶".into();
        let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
        p.name = "王秀兰".into();
        fields.parties.push(p);
        store
            .create_case(org.id, &fields, "wang", &now)
            .expect("case");
    }
    let app = start(&db);
    app.see("王秀兰");
    app.key(Key::Tab);
    app.see("F6");
    app.key(Key::Enter);
    app.see("案件详情");
    app.send_str("e");
    app.see("修改案件");
    // 收案日期, 案件来源, 移交单位, 移交编号, 纠纷类型, 纠纷简要情况, then 当事人请求.
    for _ in 0..6 {
        app.key(Key::Tab);
    }
    app.send_str("另要求赔礼道歉");
    app.see("另要求赔礼道歉");
    // On to the 可能激化 check box, where a digit switches tabs.
    for _ in 0..3 {
        app.key(Key::Tab);
    }
    app.send_str("1");
    app.wait_until(|s| s.contains("期限提醒") && s.contains("王秀兰"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.key(Key::Enter);
    app.wait_until(
        |s| {
            s.contains("修改案件")
                && s.contains("另要求赔礼道歉")
                && s.contains("正在编辑的内容还没有保存")
        },
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Esc still asks before anything typed is thrown away.
    app.key(Key::Esc);
    app.see("放弃");
    app.send_str("n");
    app.see("另要求赔礼道歉");
    quit_anyway(app);
}

/// F10 with unsaved typing asks; yes quits.
fn quit_anyway(mut app: pty::PtyApp) {
    app.key(Key::F(10));
    app.see("退出");
    app.send_str("y");
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "exit status {status:?}");
}
