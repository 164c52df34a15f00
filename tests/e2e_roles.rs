//! End to end, in a pseudo-terminal: a person the room does not know is refused in plain
//! words with a non-zero exit (not an empty screen), `--as` a 登记员 shows only the cases
//! that person registered and other cases' sessions without names, and every writing key
//! a role may not use is refused with a reason, recorded, and writes nothing.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{bin, demo_db, open_case_list, quit};
use pty::{Key, PtyApp, WAIT};
use tiaojie::domain::case::CaseFields;
use tiaojie::domain::party::{Party, PartyKind, PartyRole};
use tiaojie::domain::session::{InvitedParty, SessionFields, SessionKind};
use tiaojie::domain::user::{Role, User};

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
        let now = tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now());
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
    // The list's title and its rows may arrive in separate pieces of one frame.
    app.wait_until(|s| s.contains("共 1 件") && s.contains("钱登记"), WAIT)
        .unwrap_or_else(|e| panic!("only the desk's own case is listed: {e}"));
    quit(app);
}

/// A room with 王建国's accepted case of 王秀兰 and 张三 and a session of it today at
/// 20:00 (registered by the administrator wang), a 只读 user `reader` and a 登记员
/// `desk1`. Returns the database.
fn room_with_a_session(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("room.db");
    app::room_with_a_case(&db);
    let now = tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now());
    let mut store = tiaojie::storage::Store::open(&db).expect("open");
    store
        .identify("wang", &now)
        .expect("wang administers the room");
    for (name, role) in [("reader", Role::ReadOnly), ("desk1", Role::Clerk)] {
        store
            .add_user(&User::new(name, role), &now)
            .expect("user added");
    }
    let org = store.organisation().expect("read").expect("a room");
    let case = store.case_ids(org.id).expect("ids")[0];
    let mediator = store.mediators(org.id).expect("mediators")[0].id;
    let at = |hour: u32| {
        now.date_naive()
            .and_hms_opt(hour, 0, 0)
            .and_then(|t| t.and_local_timezone(*now.offset()).single())
            .expect("a time today")
    };
    let fields = SessionFields {
        case_id: case,
        kind: SessionKind::Mediation,
        start: at(20),
        end: at(21),
        place: "小调解室".into(),
        place_is_room: true,
        mediators: vec![mediator],
        parties: vec![InvitedParty {
            seq: 0,
            name: "王秀兰".into(),
        }],
    };
    store
        .create_session(org.id, &fields, "", &now)
        .expect("booked");
    db
}

/// What a refused key must leave as it was: the case, the session, and every audit row
/// but the refusals themselves.
fn unchanged(db: &std::path::Path) -> (i64, i64, String, i64, i64) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect("count") };
    let status: String = conn
        .query_row("SELECT group_concat(status) FROM sessions", [], |r| {
            r.get(0)
        })
        .expect("sessions");
    (
        one("SELECT sum(version) FROM cases"),
        one("SELECT sum(version) FROM sessions"),
        status,
        one("SELECT count(*) FROM follow_ups"),
        one("SELECT count(*) FROM audit WHERE action NOT IN ('refused', 'view')"),
    )
}

fn refusals(db: &std::path::Path, user: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row(
        "SELECT count(*) FROM audit WHERE action = 'refused' AND user_name = ?1",
        [user],
        |r| r.get(0),
    )
    .expect("count")
}

#[test]
fn a_read_only_user_is_refused_every_writing_key_with_a_reason_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = room_with_a_session(dir.path());
    let before = unchanged(&db);
    let app = spawn(&db, &["--as", "reader"], "root");
    // 今日 lists the session; Enter opens its case.
    app.see("小调解室");
    app.key(Key::Enter);
    app.see("王秀兰");
    for (key, said) in [
        (Key::F(4), "不能修改案件"),
        (Key::F(9), "不能变更案件状态"),
        (Key::F(7), "不能安排调解"),
        (Key::F(8), "不能填写调解记录"),
        (Key::F(5), "不能改期调解"),
        (Key::F(11), "不能取消调解"),
        (Key::F(3), "不能登记回访"),
    ] {
        app.key(key);
        // A frame can arrive in pieces: wait for the whole refusal, which names the
        // role and says who can, rather than reading the screen half drawn.
        app.wait_until(
            |s| s.contains(said) && s.contains("只读") && s.contains("管理员"),
            WAIT,
        )
        .unwrap_or_else(|e| panic!("the refusal names the role and who can: {e}"));
    }
    // On 日程 the same keys as postponing and calling off are refused too.
    app.key(Key::Esc);
    app.see("今日");
    app.send_str("3");
    app.see("王建国");
    for (key, said) in [(Key::F(7), "不能改期调解"), (Key::F(8), "不能取消调解")] {
        app.key(key);
        app.see(said);
    }
    quit(app);
    assert_eq!(unchanged(&db), before, "a refused key wrote something");
    assert_eq!(refusals(&db, "reader"), 9, "each refusal is recorded");
}

#[test]
fn the_front_desk_sees_other_cases_sessions_without_names_and_cannot_move_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = room_with_a_session(dir.path());
    let before = unchanged(&db);
    let app = spawn(&db, &["--as", "desk1"], "root");
    // When the room and the mediator are busy, but not who comes nor which case.
    let today = app.see("小调解室");
    assert!(
        today.contains("王建国") && today.contains("其他案件"),
        "{today}"
    );
    for secret in ["王秀兰", "张三", "人调字"] {
        assert!(!today.contains(secret), "今日 shows {secret}: {today}");
    }
    app.send_str("3");
    let agenda = app.see("其他案件");
    for secret in ["王秀兰", "张三", "人调字"] {
        assert!(!agenda.contains(secret), "日程 shows {secret}: {agenda}");
    }
    // F7 and F8 are not in its key bar here; pressed anyway, they are refused.
    for said in [
        "只能给自己登记的案件改期调解",
        "只能给自己登记的案件取消调解",
    ] {
        let key = if said.ends_with("改期调解") {
            Key::F(7)
        } else {
            Key::F(8)
        };
        app.key(key);
        let screen = app
            .wait_until(|s| s.contains(said) && s.contains("登记员"), WAIT)
            .unwrap_or_else(|e| panic!("the refusal names the role: {e}"));
        assert!(!screen.contains("F7 改期"), "{screen}");
    }
    quit(app);
    assert_eq!(unchanged(&db), before, "a refused key wrote something");
    assert_eq!(refusals(&db, "desk1"), 2);
}
