//! Drafts per user, window and form on real temporary files: a window's drafts are its
//! own, a window still open keeps its drafts from every other, and a gone window's
//! drafts are offered once.

use super::*;
use std::path::Path;

fn at(text: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(text).unwrap()
}

fn keys(drafts: &[Draft]) -> Vec<(&str, &str)> {
    drafts
        .iter()
        .map(|d| (d.key.as_str(), d.content.as_str()))
        .collect()
}

fn open(path: &Path) -> (Store, Window) {
    (Store::open(path).unwrap(), Window::open(path))
}

#[test]
fn a_draft_is_kept_per_user_window_and_form_replaced_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, window) = open(&dir.path().join("t.db"));
    let me = window.token().to_string();
    let t1 = at("2026-11-28T09:00:00+08:00");
    let t2 = at("2026-11-28T09:05:00+08:00");
    store
        .save_draft("wang", &window, "case:new", r#"{"a":"张"}"#, &t1)
        .unwrap();
    store
        .save_draft("li", &window, "case:new", r#"{"a":"李"}"#, &t1)
        .unwrap();
    store
        .save_draft("wang", &window, "case:new", r#"{"a":"张三"}"#, &t2)
        .unwrap();
    store
        .save_draft("wang", &window, "settings", "{}", &t1)
        .unwrap();
    let wang = store.drafts("wang").unwrap();
    assert_eq!(wang.len(), 2);
    assert_eq!(wang[0].key, "case:new");
    assert_eq!(wang[0].owner, me);
    assert_eq!(wang[0].content, r#"{"a":"张三"}"#);
    assert_eq!(wang[0].updated_at, t2);
    store.delete_draft("wang", &me, "case:new").unwrap();
    store.delete_draft("wang", &me, "case:none").unwrap();
    assert_eq!(keys(&store.drafts("wang").unwrap()), [("settings", "{}")]);
    assert_eq!(store.drafts("li").unwrap().len(), 1);
}

#[test]
fn two_windows_of_one_user_keep_their_own_drafts_and_an_open_one_is_never_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let (mut first, first_window) = open(&path);
    let (mut second, mut second_window) = open(&path);
    assert_ne!(first_window.token(), second_window.token());
    let t = at("2026-11-28T09:00:00+08:00");
    first
        .save_draft("front", &first_window, "case:new", "一号窗口", &t)
        .unwrap();
    second
        .save_draft("front", &second_window, "case:new", "二号窗口", &t)
        .unwrap();
    // Both kept: the same user and form, two windows.
    assert_eq!(first.drafts("front").unwrap().len(), 2);

    // Both windows are open: a third start is offered neither draft, and a window is
    // never offered its own.
    let (third, mut third_window) = open(&path);
    assert!(
        third
            .drafts_left("front", &mut third_window)
            .unwrap()
            .is_empty()
    );
    assert!(
        second
            .drafts_left("front", &mut second_window)
            .unwrap()
            .is_empty()
    );

    // The first window closes with its form still open: its draft is offered once, to
    // the next start, and not to one starting while that offer is open.
    drop(first_window);
    let offered = third.drafts_left("front", &mut third_window).unwrap();
    assert_eq!(keys(&offered), [("case:new", "一号窗口")]);
    let (fourth, mut fourth_window) = open(&path);
    assert!(
        fourth
            .drafts_left("front", &mut fourth_window)
            .unwrap()
            .is_empty()
    );
    third_window.let_go();
    let offered = fourth.drafts_left("front", &mut fourth_window).unwrap();
    assert_eq!(keys(&offered), [("case:new", "一号窗口")]);
}

#[test]
fn a_crashed_window_is_gone_although_its_lock_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let (mut store, mut window) = open(&path);
    let t = at("2026-11-28T09:00:00+08:00");
    // What a killed process leaves: its draft and its lock file, held by nobody (the
    // system let go of the lock when the process ended).
    store
        .conn
        .execute(
            "INSERT INTO drafts (user, owner, form_key, content, updated_at)
             VALUES ('front', '4242-dead-0', 'case:new', '断线前', ?1)",
            [time_text(&t)],
        )
        .unwrap();
    let lock = dir.path().join("t.db.windows").join("4242-dead-0.lock");
    std::fs::write(&lock, "").unwrap();
    // And a stale lock file of a gone window without drafts, swept at start.
    let stale = dir.path().join("t.db.windows").join("4343-dead-0.lock");
    std::fs::write(&stale, "").unwrap();

    let offered = store.drafts_left("front", &mut window).unwrap();
    assert_eq!(keys(&offered), [("case:new", "断线前")]);
    assert_eq!(offered[0].owner, "4242-dead-0");
    assert!(!stale.exists());

    // Restored here: it becomes this window's draft, deleted with its form.
    store
        .adopt_draft("front", &window, "4242-dead-0", "case:new")
        .unwrap();
    let mine = store.drafts("front").unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].owner, window.token());
    window.let_go();
    assert!(!lock.exists(), "a gone window's lock file goes with it");
    let (other, mut other_window) = open(&path);
    assert!(
        other
            .drafts_left("front", &mut other_window)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_draft_from_before_windows_is_offered_and_an_odd_owner_never_becomes_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let (store, mut window) = open(&path);
    for owner in ["", "../../etc/passwd"] {
        store
            .conn
            .execute(
                "INSERT INTO drafts (user, owner, form_key, content, updated_at)
                 VALUES ('front', ?1, 'settings', '{}', '2026-11-28T09:00:00+08:00')",
                [owner],
            )
            .unwrap();
    }
    let offered = store.drafts_left("front", &mut window).unwrap();
    assert_eq!(offered.len(), 2, "{offered:?}");
    assert!(!dir.path().join("etc").exists());
    let names: Vec<_> = std::fs::read_dir(dir.path().join("t.db.windows"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".lock") && !n.contains('/')),
        "{names:?}"
    );
}
