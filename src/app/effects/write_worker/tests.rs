use super::*;
use crate::app::action::Effect;
use crate::storage::Store;

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-28T09:00:00+08:00").unwrap()
}

/// A demo room's file and a runner on it, as the event loop has one.
fn room(dir: &Path) -> (PathBuf, Runner) {
    let db = dir.join("room.db");
    let mut store = Store::open(&db).unwrap();
    crate::cli::demo::fill_demo(&mut store, 5, 7, now()).unwrap();
    let mut runner = Runner::new(Store::open(&db).unwrap(), "admin".into());
    assert!(matches!(
        runner.run(Effect::LoadRoom, &now()),
        Action::RoomLoaded(_)
    ));
    (db, runner)
}

fn cases(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_save_while_another_process_holds_the_file_leaves_the_keyboard_free() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut runner) = room(dir.path());
    let before = cases(&db);
    // Another process is in the middle of a write.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let fields = crate::ui::tests::support::case().fields;
    // Handed to the writer: back at once, while the file is still held (had it waited
    // here, this test would only go on after the writer gave up).
    let answer = runner.perform(Effect::CreateCase(Box::new(fields)), &now());
    assert_eq!(answer, None);
    let start = Instant::now();
    assert_eq!(runner.save_progress(start), Saving::Now);
    assert_eq!(runner.save_progress(start + SLOW_SAVE), Saving::Waiting);
    // Reads go on meanwhile on the keyboard's connection.
    assert!(matches!(
        runner.run(Effect::LoadCases(Default::default()), &now()),
        Action::CasesLoaded(_)
    ));
    other.execute_batch("COMMIT").unwrap();
    let saved = runner.wait_for_save().expect("the save's result");
    assert!(matches!(saved, Action::CaseSaved(_)), "{saved:?}");
    assert_eq!(runner.save_progress(Instant::now()), Saving::No);
    assert_eq!(cases(&db), before + 1);
}

#[test]
fn a_refused_save_comes_back_as_a_failure_that_keeps_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, mut runner) = room(dir.path());
    let gone = Effect::UpdateCase {
        id: crate::domain::case::CaseId(999_999),
        version: 1,
        fields: Box::new(crate::ui::tests::support::case().fields),
    };
    assert_eq!(runner.perform(gone, &now()), None);
    match runner.wait_for_save() {
        Some(Action::Failed(failure)) => assert!(failure.while_saving, "{failure:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_draft_is_written_beside_the_keyboard_without_showing_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, mut runner) = room(dir.path());
    let other = rusqlite::Connection::open(&_db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let draft = Effect::SaveDraft {
        key: "case:new".into(),
        content: "{}".into(),
    };
    assert_eq!(runner.perform(draft, &now()), None);
    assert_eq!(runner.save_progress(Instant::now()), Saving::No);
    other.execute_batch("COMMIT").unwrap();
    assert_eq!(runner.wait_for_save(), Some(Action::DraftStored));
}

#[test]
fn opening_a_case_while_the_file_is_busy_shows_it_and_records_the_view_later() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut runner) = room(dir.path());
    let views = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM audit WHERE action = 'view'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let id: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT case_id FROM parties WHERE id_number <> '' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let opened = runner.run(Effect::LoadCase(crate::domain::case::CaseId(id)), &now());
    assert!(matches!(opened, Action::CaseLoaded(_)), "{opened:?}");
    other.execute_batch("COMMIT").unwrap();
    // The writer answers in order: a draft sent after the view is stored after it.
    let draft = Effect::SaveDraft {
        key: "case:new".into(),
        content: "{}".into(),
    };
    assert_eq!(runner.perform(draft, &now()), None);
    assert_eq!(runner.wait_for_save(), Some(Action::DraftStored));
    assert_eq!(views(&db), 1);
}

#[test]
fn after_a_restore_taken_in_the_writer_saves_again() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut runner) = room(dir.path());
    // The writer's connection is open before the restore, as in a running app.
    runner.perform(
        Effect::AddMediator {
            name: "先前".into(),
            phone: String::new(),
        },
        &now(),
    );
    let first = runner.wait_for_save().expect("answered");
    assert!(!matches!(first, Action::Failed(_)), "{first:?}");
    // Another process puts a copy back.
    let copy = dir.path().join("copy.db");
    Store::open(&db).unwrap().backup_to(&copy).unwrap();
    Store::open(&db)
        .unwrap()
        .restore_from(&copy, "admin")
        .unwrap();
    let restored = Store::open(&db)
        .unwrap()
        .last_restore()
        .unwrap()
        .expect("recorded");
    // The app takes it in: both connections, or the writer would refuse every save.
    let taken = runner.perform(Effect::TakeInRestore(restored.generation), &now());
    assert!(matches!(taken, Some(Action::RestoreTakenIn)), "{taken:?}");
    runner.perform(
        Effect::AddMediator {
            name: "恢复以后".into(),
            phone: String::new(),
        },
        &now(),
    );
    let mut answers = Vec::new();
    while let Some(a) = runner.wait_for_save() {
        let done = !matches!(a, Action::RestoreTakenIn);
        answers.push(a);
        if done {
            break;
        }
    }
    let saved = answers.last().expect("answered");
    // Not refused as a restore again (which the app would take for a second restore).
    assert!(
        !matches!(saved, Action::Failed(_) | Action::RoomRestored(_)),
        "{answers:?}"
    );
}

/// The app's own saves commit on the writer's connection, which `data_version` on the
/// keyboard's connection cannot tell from another process's: each save was followed by
/// a needless re-read of the screen two seconds later. Another process's write must
/// still be noticed, also when it falls between two saves of ours.
#[test]
fn the_change_poll_passes_over_our_own_saves_and_notices_anyone_elses() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut runner) = room(dir.path());
    let mut poll = runner.change_poll();
    assert!(!poll.foreign(runner.store()), "nothing happened yet");
    let save = |runner: &mut Runner, name: &str| {
        let effect = Effect::AddMediator {
            name: name.into(),
            phone: String::new(),
        };
        assert_eq!(runner.perform(effect, &now()), None, "on the writer");
        let saved = runner.wait_for_save().expect("answered");
        assert!(!matches!(saved, Action::Failed(_)), "{saved:?}");
    };
    save(&mut runner, "甲");
    assert!(!poll.foreign(runner.store()), "our own save");
    save(&mut runner, "乙");
    // A draft is written on the writer as well.
    runner.perform(
        Effect::SaveDraft {
            key: "case:new".into(),
            content: "{}".into(),
        },
        &now(),
    );
    assert_eq!(runner.wait_for_save(), Some(Action::DraftStored));
    assert!(!poll.foreign(runner.store()), "two writes of ours");
    // Another tiaojie process.
    let mut other = Store::open(&db).unwrap();
    let org = other.organisation().unwrap().unwrap().id;
    other.add_mediator(org, "丙", "").unwrap();
    assert!(poll.foreign(runner.store()), "another process's save");
    assert!(!poll.foreign(runner.store()), "and only once");
    // Another's save between two of ours.
    save(&mut runner, "丁");
    other.add_mediator(org, "戊", "").unwrap();
    save(&mut runner, "己");
    assert!(poll.foreign(runner.store()), "between two of ours");
    // A write that does not count itself (not tiaojie's storage; the audited tables
    // refuse such a writer, whose connection lacks the audit's functions).
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE mediators SET phone = '1' WHERE name = '甲'", [])
        .unwrap();
    assert!(poll.foreign(runner.store()), "an uncounted write");
    assert!(!poll.foreign(runner.store()));
}
