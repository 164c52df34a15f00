//! Agreement storage on real temporary SQLite files.

use crate::domain::agreement::{
    Agreement, AgreementKind, AgreementStatus, ConfirmationState, PerformanceItem,
};
use crate::domain::case::{Case, CaseFields};
use crate::domain::org::Organisation;
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::storage::test_room::{TestRoom, open_room};
use crate::storage::{StorageError, Store};
use chrono::NaiveDate;

mod party;

pub(super) use crate::storage::test_room::now;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn setup() -> (tempfile::TempDir, Store, Organisation, Case) {
    let TestRoom {
        dir,
        mut store,
        org,
    } = open_room();
    let mut f = CaseFields::blank(d("2026-11-20"));
    f.facts = "楼上漏水，损坏楼下吊顶".into();
    for (role, name) in [
        (PartyRole::Applicant, "张三"),
        (PartyRole::Respondent, "李四"),
    ] {
        let mut p = Party::new(role, PartyKind::Person);
        p.name = name.into();
        f.parties.push(p);
    }
    let case = store.create_case(org.id, &f, "wang", &now()).unwrap();
    (dir, store, org, case)
}

fn item(what: &str, due: &str, amount: Option<i64>) -> PerformanceItem {
    PerformanceItem {
        what: what.into(),
        obligor: "李四".into(),
        obligee: "张三".into(),
        amount_fen: amount,
        due: Some(d(due)),
        place: "调解室".into(),
        ..Default::default()
    }
}

pub(super) fn signed(case: &Case) -> Agreement {
    let mut a = Agreement::draft(case, &["王调解".into()]);
    a.number = "（2026）临新人调字第1号".into();
    a.clauses = vec![
        "李四赔偿张三3000元。".into(),
        "  ".into(),
        "双方再无争议。\n第二段。".into(),
    ];
    a.items = vec![
        item("支付赔偿款", "2026-12-31", Some(300_000)),
        item("修复吊顶", "2026-12-10", None),
    ];
    a.date = Some(d("2026-11-28"));
    a.status = AgreementStatus::Signed;
    a.recorder = "赵记录".into();
    a
}

#[test]
fn an_agreement_round_trips_and_blank_clauses_are_dropped() {
    let (dir, mut store, _, case) = setup();
    assert_eq!(store.agreement_of_case(case.id).unwrap(), None);
    let a = signed(&case);
    let saved = store.save_agreement(&a, &now()).unwrap();
    assert_eq!(saved.version, 1);
    drop(store);
    let store = Store::open(&dir.path().join("room.db")).unwrap();
    let loaded = store.agreement_of_case(case.id).unwrap().unwrap();
    let mut expected = a.clone();
    expected.version = 1;
    expected.clauses.remove(1);
    assert_eq!(loaded, expected);
    assert_eq!(loaded.clauses[1], "双方再无争议。\n第二段。");
}

#[test]
fn a_stale_editor_gets_a_conflict_and_changes_nothing() {
    let (_dir, mut store, _, case) = setup();
    let first = store
        .save_agreement(&Agreement::draft(&case, &[]), &now())
        .unwrap();
    let mut mine = first.clone();
    let mut theirs = first.clone();
    theirs.facts = "别人改的".into();
    store.save_agreement(&theirs, &now()).unwrap();
    mine.facts = "我改的".into();
    let err = store.save_agreement(&mine, &now()).unwrap_err();
    assert!(
        matches!(
            err,
            StorageError::Conflict {
                expected: 1,
                found: 2
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        store.agreement_of_case(case.id).unwrap().unwrap().facts,
        "别人改的"
    );
    // A second "new" agreement for the same case is a conflict too: one per case.
    let err = store
        .save_agreement(&Agreement::draft(&case, &[]), &now())
        .unwrap_err();
    assert!(
        matches!(
            err,
            StorageError::Conflict {
                expected: 0,
                found: 2
            }
        ),
        "{err:?}"
    );
}

#[test]
fn status_changes_follow_the_flow_and_invalid_agreements_are_refused() {
    let (_dir, mut store, _, case) = setup();
    let draft = store
        .save_agreement(&Agreement::draft(&case, &["王调解".into()]), &now())
        .unwrap();
    let mut jump = draft.clone();
    jump.status = AgreementStatus::Performed;
    let err = store.save_agreement(&jump, &now()).unwrap_err();
    assert!(matches!(err, StorageError::Invalid(_)), "{err:?}");
    let mut sign = signed(&case);
    sign.version = draft.version;
    sign.items[0].amount_fen = Some(-5);
    let err = store.save_agreement(&sign, &now()).unwrap_err();
    assert_eq!(err.to_string(), "第1项的金额不能是负数");
    sign.items[0].amount_fen = Some(5);
    sign.kind = AgreementKind::Oral;
    let saved = store.save_agreement(&sign, &now()).unwrap();
    assert_eq!(
        (saved.status, saved.kind, saved.version),
        (AgreementStatus::Signed, AgreementKind::Oral, 2)
    );
}

#[test]
fn performance_due_lists_open_items_of_signed_agreements_only() {
    let (_dir, mut store, org, case) = setup();
    let mut a = signed(&case);
    a.items.push(item("已付", "2026-12-01", Some(1)));
    a.items[2].done_on = Some(d("2026-11-30"));
    store.save_agreement(&a, &now()).unwrap();
    let due = store.performance_due(org.id, d("2026-12-10")).unwrap();
    let whats: Vec<_> = due.iter().map(|i| i.item.what.as_str()).collect();
    assert_eq!(whats, ["修复吊顶"]);
    let due = store.performance_due(org.id, d("2027-01-05")).unwrap();
    assert_eq!(due.len(), 2);
    assert_eq!(due[1].item.amount_fen, Some(300_000));
    assert_eq!(due[1].parties, "张三、李四");
    // Once the agreement is marked 未履行 its items leave the list.
    let mut b = store.agreement_of_case(case.id).unwrap().unwrap();
    b.status = AgreementStatus::Unperformed;
    store.save_agreement(&b, &now()).unwrap();
    assert!(
        store
            .performance_due(org.id, d("2027-01-05"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn confirmation_windows_close_thirty_days_after_the_date() {
    let (_dir, mut store, org, case) = setup();
    let saved = store.save_agreement(&signed(&case), &now()).unwrap();
    // Agreed 11-28: the window closes 12-28.
    let soon = store
        .confirmation_windows(org.id, d("2026-12-25"), 3)
        .unwrap();
    assert_eq!(soon.len(), 1);
    assert_eq!(soon[0].closes_on, d("2026-12-28"));
    assert!(
        store
            .confirmation_windows(org.id, d("2026-12-20"), 3)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .confirmation_windows(org.id, d("2026-12-29"), 3)
            .unwrap()
            .is_empty()
    );
    let mut applied = saved.clone();
    applied.confirmation.state = ConfirmationState::Applied;
    applied.confirmation.court = "临河区人民法院".into();
    applied.confirmation.date = Some(d("2026-12-01"));
    store.save_agreement(&applied, &now()).unwrap();
    assert!(
        store
            .confirmation_windows(org.id, d("2026-12-25"), 3)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_today_alerts_use_the_agreement_date_and_drop_once_confirmation_is_applied() {
    use crate::domain::deadlines::{DeadlineKind, Limits};
    use crate::domain::status::CaseStatus;
    let (_dir, mut store, org, case) = setup();
    let mediators: Vec<_> = store
        .mediators(org.id)
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect();
    let mut version = case.version;
    for to in [
        CaseStatus::Accepted,
        CaseStatus::Mediating,
        CaseStatus::Succeeded,
    ] {
        let c = store
            .change_status(&org, case.id, version, to, "", &mediators, "wang", &now())
            .unwrap();
        version = c.version;
    }
    let case = store.load_case(case.id).unwrap();
    let mut a = signed(&case);
    a.date = Some(d("2026-12-02"));
    let saved = store.save_agreement(&a, &now()).unwrap();
    let confirmation = |store: &Store| {
        store
            .case_alerts(org.id, &Limits::default(), d("2027-01-01"))
            .unwrap()
            .into_iter()
            .filter(|x| x.deadline.kind == DeadlineKind::Confirmation)
            .map(|x| x.deadline.due)
            .collect::<Vec<_>>()
    };
    // 调解成功 on 11-28 would close the window on 12-28; the agreement's date wins.
    assert_eq!(confirmation(&store), [d("2027-01-01")]);
    let mut applied = saved;
    applied.confirmation.state = ConfirmationState::Applied;
    applied.confirmation.court = "临河区人民法院".into();
    applied.confirmation.date = Some(d("2026-12-20"));
    store.save_agreement(&applied, &now()).unwrap();
    assert!(confirmation(&store).is_empty());
    // The statistics read the agreement's kind and the sum of its items' amounts.
    let period = crate::domain::stats::period::Period::month_of(d("2026-11-01"));
    let rows = store.stats_cases(org.id, &period).unwrap();
    assert_eq!(
        rows[0].agreement,
        Some((AgreementKind::Written, Some(300_000)))
    );
}

#[test]
fn the_case_is_found_by_the_words_of_its_agreement() {
    use crate::domain::case::{CaseQuery, CaseSort};
    let (_dir, mut store, org, case) = setup();
    let find = |store: &Store, text: &str| {
        let q = CaseQuery {
            text: text.into(),
            sort: CaseSort::Received,
            descending: true,
            limit: 10,
            ..Default::default()
        };
        store.list_cases(org.id, &q).unwrap().rows.len()
    };
    assert_eq!(find(&store, "吊顶修复"), 0);
    let mut a = signed(&case);
    a.clauses.push("李四负责吊顶修复。".into());
    a.items[1].place = "幸福里小区".into();
    store.save_agreement(&a, &now()).unwrap();
    assert_eq!(find(&store, "吊顶修复"), 1);
    assert_eq!(find(&store, "幸福里小区"), 1);
    // Rebuilding the index (as after an upgrade) keeps the agreement's words.
    store.rebuild_search_index().unwrap();
    assert_eq!(find(&store, "修复"), 1);
}

#[test]
fn the_items_due_are_read_from_the_live_agreements_not_every_undone_item() {
    let (_dir, store, _org, _case) = setup();
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {}", super::due::DUE_ITEMS))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map(rusqlite::params![1, "2026-12-01"], |row| {
            row.get::<_, String>(3)
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(plan[0].contains("agreements_live"), "{plan:?}");
    // Each live agreement's items are looked up among those still owed with a due day
    // (migration 027): the items done, or without a day, are never read.
    assert!(
        plan[1].contains("agreement_items_owed (case_id=? AND due_on"),
        "{plan:?}"
    );
    assert!(
        plan.iter()
            .all(|p| !p.starts_with("SCAN c") && !p.contains("cases_by")),
        "the room's cases are looked up by key, never walked: {plan:?}"
    );
}
