//! End to end: the real binary in a pseudo-terminal at 80×24 on a demo room. A mediator
//! finds a party by pinyin initials, opens the 统计 tab, moves to last month and exports
//! the figures to an .xlsx file.

#[path = "support/app.rs"]
mod app;
#[path = "support/pty.rs"]
mod pty;

use app::{open_case_list, start};
use chrono::Datelike;
use pty::{Key, WAIT};
use tiaojie::storage::Store;

#[test]
fn find_by_pinyin_then_count_and_export_a_month() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("room.db");
    let mut store = Store::open(&db).expect("open");
    let now = tiaojie::domain::zone::Zone::default().local(&chrono::Utc::now());
    tiaojie::cli::demo::fill_demo(&mut store, 200, 11, now).expect("demo");
    let org = store.organisation().expect("read").expect("room");
    let newest = store
        .case_ids(org.id)
        .expect("ids")
        .into_iter()
        .last()
        .expect("a case");
    let name = store.load_case(newest).expect("load").fields.parties[0]
        .name
        .clone();
    let initials = tiaojie::domain::search::pinyin_keys(&name)
        .into_iter()
        .min_by_key(String::len)
        .expect("pinyin");
    drop(store);

    let mut app = start(&db);
    // The app opens on 今日; the case list is the next tab.
    open_case_list(&app);
    app.send_str("/");
    app.send_str(&initials);
    app.see(&name);
    app.key(Key::Enter);

    app.key(Key::Tab);
    app.key(Key::Tab);
    app.key(Key::Tab);
    app.see("按纠纷类型");
    app.see("受理");
    app.key(Key::Left);
    let last_month = tiaojie::domain::zone::Zone::default()
        .local(&chrono::Utc::now())
        .date_naive()
        .with_day(1)
        .and_then(|d| d.pred_opt())
        .expect("a day");
    app.see(&format!("{}年{}月", last_month.year(), last_month.month()));
    app.key(Key::F(8));
    app.see("已导出统计表");
    let exported = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with(".xlsx"));
    assert!(exported, "no .xlsx beside the database");

    app.key(Key::F(10));
    let status = app.wait_exit(WAIT).unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "exit status {status:?}");
}
