use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

/// A room with a few demo cases (so the file has pages enough to copy in many steps).
fn room(dir: &Path) -> PathBuf {
    let path = dir.join("room.db");
    let mut store = Store::open(&path).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap();
    crate::cli::demo::fill_demo(&mut store, 40, 7, now).unwrap();
    path
}

fn drafts_in(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn while_one_start_makes_the_days_copy_another_does_not_make_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = room(dir.path());
    let backups = dir.path().join("backups");
    let first = claim(&backups, day(7))
        .unwrap()
        .expect("the first start claims it");
    assert!(
        claim(&backups, day(7)).unwrap().is_none(),
        "a second start while the first copies"
    );
    // The second start's whole daily backup does nothing while the first holds the claim.
    let second = Store::open_reader(&db).unwrap();
    assert_eq!(second.daily_backup(&backups, day(7), 30).unwrap(), None);
    let made = Store::open_reader(&db)
        .unwrap()
        .make_daily(first, 30, Pace::BESIDE_THE_APP)
        .unwrap();
    assert_eq!(made, backups.join(daily_name(day(7))));
    assert!(claim(&backups, day(7)).unwrap().is_none(), "made already");
    assert!(!backups.join(LOCK_NAME).exists(), "the lock file goes");
    assert!(claim(&backups, day(8)).unwrap().is_some(), "the next day");
}

#[test]
fn a_claim_given_up_without_a_copy_lets_the_next_start_make_it() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let abandoned = claim(&backups, day(7)).unwrap().expect("claimed");
    drop(abandoned);
    assert!(claim(&backups, day(7)).unwrap().is_some());
}

#[test]
fn a_copy_in_steps_is_one_snapshot_and_ends_while_others_keep_writing() {
    let dir = tempfile::tempdir().unwrap();
    let db = room(dir.path());
    let reader = Store::open_reader(&db).unwrap();
    let writer = Store::open(&db).unwrap();
    let pages: i64 = writer
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    assert!(pages > 20, "{pages} pages: too few to step through");
    let copy = dir.path().join("copy.db");
    let mut steps = 0;
    // One page a step and a commit by another connection after every step: without the
    // snapshot each commit would start the copy over and it would never end.
    copy_to_file_in_steps(
        &reader.conn,
        &copy,
        Pace {
            pages: 1,
            pause: Duration::ZERO,
        },
        &mut || {
            steps += 1;
            assert!(steps <= pages * 2, "the copy keeps starting over");
            writer
                .conn
                .execute(
                    "INSERT INTO drafts (user, owner, form_key, content, updated_at)
                     VALUES ('other', 'w', ?1, '{}', '2026-12-07T09:00:00+08:00')",
                    [format!("form-{steps}")],
                )
                .unwrap();
        },
    )
    .unwrap();
    assert!(steps >= pages - 1, "{steps} steps for {pages} pages");
    assert_eq!(drafts_in(&copy), 0, "the copy is the state when it began");
    assert_eq!(drafts_in(&db), steps);
    assert!(!copy.with_extension("part").exists());
}
