//! Files of other versions: a newer or foreign file refused untouched, an older one copied
//! and brought to this version from every earlier one, what each step must keep.

use super::*;

#[test]
fn a_database_from_a_newer_tiaojie_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    Store::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(err, StorageError::TooNew { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("99"));
}

#[test]
fn a_foreign_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x);").unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(&path),
        Err(StorageError::NotOurs { .. })
    ));
}

/// How many of the indexes `names` the file holds.
fn indexes(store: &Store, names: &[&str]) -> usize {
    names
        .iter()
        .filter(|name| {
            store
                .conn
                .query_row(
                    "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                    [name],
                    |_| Ok(()),
                )
                .is_ok()
        })
        .count()
}

/// A file at `version`, as an older tiaojie left it (its connection still open).
pub(super) fn file_at_version(path: &std::path::Path, version: i64) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    for (i, sql) in migrations::MIGRATIONS
        .iter()
        .enumerate()
        .take(version as usize)
    {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", i as i64 + 1)
            .unwrap();
        conn.pragma_update(None, "application_id", migrations::APPLICATION_ID)
            .unwrap();
    }
    conn
}

#[test]
fn migrating_from_every_earlier_version_reaches_the_latest_schema() {
    for start in 0..migrations::latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let mut conn = file_at_version(&path, start);
        // A draft typed before drafts were kept per window (005 made the table).
        let windows_from = migrations::MIGRATIONS
            .iter()
            .position(|m| *m == include_str!("../sql/016_drafts_and_party_ids.sql"))
            .map_or(i64::MAX, |i| i as i64 + 1);
        let drafts_before_windows = (5..windows_from).contains(&start);
        if drafts_before_windows {
            conn.execute(
                "INSERT INTO drafts (user, form_key, content, updated_at)
                 VALUES ('wang', 'case:new', '{}', '2026-11-28T09:00:00+08:00')",
                [],
            )
            .unwrap();
        }
        let found = migrations::migrate(&mut conn, Some(&path)).unwrap();
        assert_eq!(found, start);
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, migrations::latest_version());
        drop(conn);
        if start > 0 {
            assert_backup_of_version(dir.path(), start);
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(audit::findings(&store.conn).unwrap(), Default::default());
        // An existing room keeps Beijing time until 设置 says otherwise (020).
        assert_eq!(store.zone().unwrap().to_string(), "+08:00", "from {start}");
        assert_eq!(store.generation(), 0);
        let org = store
            .create_organisation(&profile(), "王调解", &now())
            .unwrap();
        let case = store
            .create_case(org.id, &fields("张三"), "wang", &now())
            .unwrap();
        // The audit takes refusals (migration 014 widened its actions).
        let clerk = crate::domain::user::User::new("police1", crate::domain::user::Role::Clerk);
        let refusal = crate::domain::rights::check(
            &clerk,
            crate::domain::rights::Operation::EditCase,
            Some("wang"),
        )
        .unwrap_err();
        store.record_refusal(&refusal, Some(case.id));
        // The statistics summary (migration 019) is there and agrees with the count.
        let year = crate::domain::stats::period::Period::year_of(now().date_naive());
        assert_eq!(
            store.stats(org.id, &year).unwrap(),
            crate::domain::stats::compute(year, &store.stats_cases(org.id, &year).unwrap())
        );
        let history = store.case_history(case.id).unwrap();
        assert!(
            history
                .iter()
                .any(|e| e.action == crate::domain::audit::AuditAction::Refused),
            "from version {start}: {history:?}"
        );
        // It is offered at the next start, as a draft of a window that is gone.
        let mut window = Window::open(&path);
        let offered = store.drafts_left("wang", &mut window).unwrap();
        assert_eq!(offered.len(), usize::from(drafts_before_windows), "{start}");
        let first = store
            .create_case(org.id, &fields("张三"), "wang", &now())
            .unwrap();
        // Ids are never handed out twice, from whichever version the file came.
        store
            .conn
            .execute_batch("PRAGMA foreign_keys = OFF")
            .unwrap();
        store
            .conn
            .execute("DELETE FROM cases WHERE id = ?1", [first.id.0])
            .unwrap();
        let second = store
            .create_case(org.id, &fields("李四"), "wang", &now())
            .unwrap();
        assert!(second.id.0 > first.id.0, "from {start}");
        // Whom an agent acts for and the 职务 are kept (step 18), from whichever version.
        let mut f = fields("王五");
        let mut agent = Party::new(PartyRole::Agent, PartyKind::Person);
        agent.name = "黄娟".into();
        agent.acts_for = Some(1);
        f.parties[1].legal_rep = "赵明".into();
        f.parties[1].legal_rep_title = "总经理".into();
        f.parties.push(agent);
        let linked = store.create_case(org.id, &f, "wang", &now()).unwrap();
        let read = store.load_case(linked.id).unwrap();
        assert_eq!(read.fields.parties[2].acts_for, Some(1), "from {start}");
        assert_eq!(read.fields.parties[1].legal_rep_title, "总经理");
        // Every write counts itself (021), from whichever version.
        let counted = store.change_count().unwrap();
        store
            .create_case(org.id, &fields("赵六"), "wang", &now())
            .unwrap();
        assert_eq!(store.change_count().unwrap(), counted + 1, "from {start}");
        // 今日 reads its window of sessions through its own index (021).
        let plan: Vec<String> = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN
                 SELECT id FROM sessions INDEXED BY sessions_by_day_time
                 WHERE org_id = 1 AND day >= '2026-11-28' AND day <= '2026-11-29'
                   AND status IN ('planned', 'held')
                 ORDER BY day, start_utc, id",
            )
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let plan = plan.join(" ");
        assert!(!plan.contains("TEMP B-TREE"), "from {start}: {plan}");
        assert!(
            store
                .today_sessions(org.id, now().date_naive(), 0, 10)
                .unwrap()
                .is_empty()
        );
        // 今日's agreement alerts are found in indexes alone (022), from whichever version.
        let alerts = store
            .case_alerts(
                org.id,
                &crate::domain::deadlines::Limits::default(),
                now().date_naive(),
            )
            .unwrap();
        // (Its cases are police referrals of today, none has succeeded.)
        assert!(
            alerts
                .iter()
                .all(|a| a.deadline.kind == crate::domain::deadlines::DeadlineKind::PoliceFeedback),
            "from {start}: {alerts:?}"
        );
        assert_eq!(
            indexes(&store, &["cases_labels", "agreements_alert_dates"]),
            2,
            "from {start}"
        );
        // 今日's performance items look up only the items still owed (027).
        assert_eq!(
            indexes(&store, &["agreement_items_owed"]),
            1,
            "from {start}"
        );
        // The room's case count is kept from whichever version (023).
        let one = CaseQuery {
            limit: 1,
            ..Default::default()
        };
        let cases: i64 = store
            .conn
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            store.list_cases(org.id, &one).unwrap().total,
            cases as u64,
            "from {start}"
        );
        // The list filtered by status and sorted by number or category seeks its status
        // (024), from whichever version.
        assert_eq!(
            indexes(
                &store,
                &["cases_by_status_number", "cases_by_status_category"]
            ),
            2,
            "from {start}"
        );
        let registered = CaseQuery {
            status: Some(crate::domain::status::CaseStatus::Registered),
            sort: CaseSort::Number,
            from: crate::domain::case::PageFrom::End,
            ..one
        };
        assert_eq!(store.list_cases(org.id, &registered).unwrap().rows.len(), 1);
        // …and shows the count of its status kept by triggers (024).
        let of_status: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM cases WHERE status = 'registered'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let total = store.list_cases(org.id, &registered).unwrap().total;
        assert_eq!(total, of_status as u64, "from {start}");
        // A 登记员's list shows the count of their registrations kept by triggers (025).
        let (registrar, theirs): (String, i64) = store
            .conn
            .query_row(
                "SELECT operator, count(DISTINCT case_id) FROM status_history
                 WHERE from_status IS NULL GROUP BY operator ORDER BY operator LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let own = CaseQuery {
            registered_by: Some(registrar),
            limit: 1,
            ..Default::default()
        };
        let total = store.list_cases(org.id, &own).unwrap().total;
        assert_eq!(total, theirs as u64, "from {start}");
        // Each agreement's effective day is kept beside its case (026): filled from the
        // tables, and kept by the triggers through a case that succeeds after the upgrade.
        let days = |s: &Store, table: &str| -> Vec<(i64, Option<String>)> {
            s.conn
                .prepare(&format!(
                    "SELECT case_id, day FROM {table} ORDER BY case_id"
                ))
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        store
            .conn
            .execute_batch(
                "INSERT INTO status_history (case_id, from_status, to_status, at, operator)
                 SELECT min(id), 'mediating', 'succeeded', '2026-11-20T23:30:00+08:00', 'wang'
                 FROM cases",
            )
            .unwrap();
        let kept = days(&store, "agreement_alert_days");
        assert_eq!(
            kept,
            days(&store, "agreement_alert_days_made"),
            "from {start}"
        );
        assert!(
            kept.iter().any(|(_, d)| d.as_deref() == Some("2026-11-20")),
            "from {start}: {kept:?}"
        );
        assert_eq!(
            store.list_count.runs.get(),
            0,
            "from {start}: nothing counted"
        );
    }
}

#[test]
fn step_18_links_each_agent_to_the_first_party_of_the_applicant_side_and_splits_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let before = migrations::MIGRATIONS
        .iter()
        .position(|m| *m == include_str!("../sql/018_agent_links.sql"))
        .unwrap();
    for sql in &migrations::MIGRATIONS[..before] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", before as i64)
        .unwrap();
    conn.pragma_update(None, "application_id", migrations::APPLICATION_ID)
        .unwrap();
    // Case 1: respondent entered first, then two applicants, an agent and a company.
    // Case 2: no applicant, an agent before the respondent. Case 3: only an agent.
    conn.execute_batch(
        "INSERT INTO organisations (id, room_name, committee_name, number_prefix, number_pattern,
                                    created_at)
         VALUES (1, '老王调解工作室', '新华街道人民调解委员会', '临新', 'x', '2026-11-01');
         INSERT INTO cases (id, org_id, status, received_on, source, category, facts,
                            created_at, updated_at)
         VALUES (1, 1, 'registered', '2026-11-01', 'application', 'other', '甲', 't', 't'),
                (2, 1, 'registered', '2026-11-01', 'application', 'other', '乙', 't', 't'),
                (3, 1, 'registered', '2026-11-01', 'application', 'other', '丙', 't', 't');
         INSERT INTO parties (id, case_id, seq, role, kind, name, legal_rep) VALUES
            (10, 1, 0, 'respondent', 'person', '李建国', ''),
            (11, 1, 1, 'applicant', 'person', '王秀兰', ''),
            (12, 1, 2, 'applicant', 'person', '王大山', ''),
            (13, 1, 3, 'agent', 'person', '黄娟', ''),
            (14, 1, 4, 'third_party', 'organisation', '某物业公司', '赵明（总经理）'),
            (20, 2, 0, 'agent', 'person', '刘律师', ''),
            (21, 2, 1, 'third_party', 'organisation', '某村民委员会', '张三, 村主任'),
            (22, 2, 2, 'respondent', 'organisation', '某公司', '钱七'),
            (30, 3, 0, 'agent', 'person', '孤身', '');",
    )
    .unwrap();
    migrations::migrate(&mut conn, Some(&path)).unwrap();
    let rows: Vec<(i64, Option<i64>, String, String)> = conn
        .prepare("SELECT id, acts_for, legal_rep, legal_rep_title FROM parties ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let of = |id: i64| rows.iter().find(|r| r.0 == id).unwrap().clone();
    assert_eq!(of(13).1, Some(11), "the first applicant");
    assert_eq!(of(20).1, Some(22), "no applicant: the first respondent");
    assert_eq!(of(30).1, None, "no party to act for");
    assert!(
        [10, 11, 12, 14, 21, 22]
            .iter()
            .all(|id| of(*id).1.is_none())
    );
    assert_eq!((of(14).2, of(14).3), ("赵明".into(), "总经理".into()));
    assert_eq!((of(21).2, of(21).3), ("张三".into(), "村主任".into()));
    assert_eq!((of(22).2, of(22).3), ("钱七".into(), String::new()));
}

/// An existing file is copied before it is migrated: the copy is of the old version and,
/// holding the parties' personal data, readable by the owner only.
fn assert_backup_of_version(dir: &std::path::Path, version: i64) {
    let backups: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "bak"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let copy = rusqlite::Connection::open(&backups[0]).unwrap();
    let found: i64 = copy
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(found, version);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backups[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{:?}", backups[0]);
    }
}
