//! End to end at 80×24, for what had only state tests: calling off a session from the case
//! detail (F11) with a reason, recording a follow-up visit (F3) and finding it in the
//! detail after a restart, and a case limit changed in 设置 (F2 saves) that the 今日
//! screen then counts with.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{quit, room_with_a_case, start};
use pty::{Key, PtyApp, WAIT};

/// From 今日 to the case's detail.
fn open_the_case(app: &PtyApp) {
    app.see("今日");
    app.key(Key::Tab);
    app.see("王秀兰、张三");
    app.key(Key::Enter);
    app.see("F7 日程");
}

#[test]
fn a_session_called_off_from_the_case_detail_keeps_its_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    room_with_a_case(&db);
    let app = start(&db);
    open_the_case(&app);
    app.key(Key::F(7));
    app.see("安排日程");
    app.key(Key::F(2));
    app.see("已安排日程");

    // F11 offers the case's session; the reason is what the form starts on.
    app.key(Key::F(11));
    app.see("取消原因");
    app.send_str("当事人住院");
    app.see("当事人住院");
    app.key(Key::F(2));
    app.see("的日程");
    app.see("已取消");
    quit(app);

    // After a restart the detail shows the session as called off, with the reason.
    let app = start(&db);
    open_the_case(&app);
    app.key(Key::PageDown);
    app.key(Key::PageDown);
    app.see("日程（1）");
    app.see("取消原因：当事人住院");
    quit(app);
}

#[test]
fn a_follow_up_visit_recorded_with_f3_is_in_the_detail_after_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    room_with_a_case(&db);
    let app = start(&db);
    open_the_case(&app);
    app.key(Key::F(3));
    app.see("回访记录");
    app.see("回访人");
    // Date (today), way, performance and visitor come filled in; only measures are typed.
    for _ in 0..6 {
        app.key(Key::Tab);
    }
    app.send_str("已电话提醒按期付款");
    app.see("已电话提醒按期付款");
    app.key(Key::F(2));
    app.see("已记录回访");
    quit(app);

    let app = start(&db);
    open_the_case(&app);
    // The visits come after the parties and sessions; paging stops at the last line.
    for _ in 0..4 {
        app.key(Key::PageDown);
    }
    app.see("回访（1）");
    app.see("回访人：王建国");
    app.see("措施：已电话提醒按期付款");
    quit(app);
}

#[test]
fn a_shorter_case_limit_saved_in_settings_shows_on_the_today_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    room_with_a_case(&db);
    let app = start(&db);
    // Accepted today with 30 days to go: nothing is near its limit yet.
    app.see("没有临近或超过期限的案件");

    // 设置 is the tab before 今日; Tab moves between its fields up to the limit.
    app.key(Key::BackTab);
    app.see("调解室名称");
    // 设置 opens in browse mode: a digit switches tabs (here to 案件) and types nothing.
    app.send_str("2");
    app.see("F6");
    app.send_str("6");
    let shown = app.see("调解室名称");
    let name = shown
        .lines()
        .find(|l| l.contains("调解室名称"))
        .unwrap_or("");
    assert!(!name.trim_end_matches([' ', '│']).ends_with('2'), "{name}");
    // Room name, committee, prefix, number pattern, language, printer, copies, PDF font,
    // the mediators, the local categories, the usual court: the limit is the twelfth stop.
    for _ in 0..11 {
        app.key(Key::Tab);
    }
    app.see("▶ 一般案件期限");
    // 设置 is read first: Enter starts editing the field.
    app.key(Key::Enter);
    for _ in 0..3 {
        app.key(Key::Backspace);
    }
    app.send_str("2");
    app.wait_until(
        |s| {
            s.lines().any(|l| {
                l.contains("▶ 一般案件期限") && l.trim_end_matches([' ', '│']).ends_with(" 2")
            })
        },
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    app.key(Key::F(2));
    app.see("已保存");

    // Esc leaves 设置 for the case list; the tab before it is 今日.
    app.key(Key::Esc);
    app.see("F6");
    app.key(Key::BackTab);
    app.see("还剩2天");
    app.see("办理期限");
    quit(app);
}
