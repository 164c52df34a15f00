//! Storage tests on real temporary SQLite files.

use super::*;
use crate::domain::case::{CaseFields, CaseQuery, CaseSort};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::{DEFAULT_NUMBER_PATTERN, OrgProfile, Organisation};
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::source::Source;
use crate::domain::status::{CaseStatus, TransitionError};
use chrono::{DateTime, FixedOffset, NaiveDate};

mod file_versions;
mod full_disk;
mod list_pages;
mod search;
mod search_pages;
mod upgrade_notice;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn now() -> DateTime<FixedOffset> {
    at("2026-11-28T09:30:00+08:00")
}

fn profile() -> OrgProfile {
    OrgProfile {
        room_name: "老王调解工作室".into(),
        committee_name: "新华街道人民调解委员会".into(),
        number_prefix: "临新".into(),
        number_pattern: DEFAULT_NUMBER_PATTERN.into(),
    }
}

fn setup() -> (tempfile::TempDir, Store, Organisation) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("room.db")).unwrap();
    let org = store
        .create_organisation(&profile(), "王调解", &now())
        .unwrap();
    (dir, store, org)
}

fn fields(name: &str) -> CaseFields {
    let mut f = CaseFields::blank(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    f.source = Source::Police;
    f.referrer_unit = "临河区公安局新华派出所".into();
    f.referrer_ref = "JQ20261127001".into();
    f.category = CaseCategory {
        national: Category::Property,
        local: Some("供热".into()),
    };
    f.facts = "楼上漏水，损坏楼下吊顶".into();
    f.amount_fen = Some(300_000);
    f.persons_involved = 2;
    f.risk_escalation = true;
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    p.id_number = "11010519491231002X".into();
    p.phone = "13904781234".into();
    let mut q = Party::new(PartyRole::Respondent, PartyKind::Organisation);
    q.name = "某物业公司".into();
    f.parties = vec![p, q];
    f
}

#[test]
fn a_new_file_and_its_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data").join("tiaojie.db");
    Store::open(&path).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
}

#[test]
fn a_registered_case_round_trips_every_field() {
    let (dir, mut store, org) = setup();
    let case = store
        .create_case(org.id, &fields("王秀兰"), "wang", &now())
        .unwrap();
    drop(store);
    let store = Store::open(&dir.path().join("room.db")).unwrap();
    let mut loaded = store.load_case(case.id).unwrap();
    // Each party comes back with its row's id; apart from that, as typed.
    assert!(loaded.fields.parties.iter().all(|p| p.id.is_some()));
    for p in &mut loaded.fields.parties {
        p.id = None;
    }
    assert_eq!(loaded.fields, fields("王秀兰"));
    assert_eq!(loaded.status, CaseStatus::Registered);
    assert_eq!(loaded.number, None);
    assert_eq!(loaded.history.len(), 1);
    assert_eq!(loaded.history[0].at, now());
    assert_eq!(loaded.history[0].at.offset().local_minus_utc(), 8 * 3600);
    assert_eq!(loaded.history[0].operator, "wang");
}

#[test]
fn acceptance_numbers_cases_per_year_and_assigns_the_mediator() {
    let (_dir, mut store, org) = setup();
    let me = store.mediators(org.id).unwrap()[0].id;
    let mut numbers = Vec::new();
    for (i, when) in [
        "2025-12-31T23:00:00+08:00",
        "2026-01-02T09:00:00+08:00",
        "2026-01-03T09:00:00+08:00",
    ]
    .into_iter()
    .enumerate()
    {
        let mut f = fields(&format!("当事人{i}"));
        f.received_on = at(when).date_naive();
        let c = store.create_case(org.id, &f, "wang", &at(when)).unwrap();
        let c = store
            .change_status(
                &org,
                c.id,
                c.version,
                CaseStatus::Accepted,
                "",
                &[me],
                "wang",
                &at(when),
            )
            .unwrap();
        assert_eq!(c.mediators, vec![me]);
        numbers.push(c.number.unwrap().text);
    }
    assert_eq!(
        numbers,
        [
            "（2025）临新人调字第1号",
            "（2026）临新人调字第1号",
            "（2026）临新人调字第2号"
        ]
    );
}

#[test]
fn an_illegal_change_is_refused_and_nothing_is_written() {
    let (_dir, mut store, org) = setup();
    let c = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let err = store
        .change_status(
            &org,
            c.id,
            c.version,
            CaseStatus::Succeeded,
            "",
            &[],
            "wang",
            &now(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            StorageError::Transition(TransitionError::NotAllowed { .. })
        ),
        "{err}"
    );
    let again = store.load_case(c.id).unwrap();
    assert_eq!(
        (again.status, again.version, again.history.len()),
        (CaseStatus::Registered, c.version, 1)
    );
    let err = store
        .change_status(
            &org,
            c.id,
            c.version,
            CaseStatus::Accepted,
            "",
            &[],
            "wang",
            &now(),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        StorageError::Transition(TransitionError::MediatorRequired)
    ));
}

#[test]
fn the_whole_flow_is_recorded_with_reasons() {
    let (_dir, mut store, org) = setup();
    let me = store.mediators(org.id).unwrap()[0].id;
    let mut c = store
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    for (to, reason) in [
        (CaseStatus::Accepted, ""),
        (CaseStatus::Mediating, ""),
        (CaseStatus::Terminated, "被申请人拒绝继续调解"),
        (CaseStatus::Archived, ""),
    ] {
        c = store
            .change_status(&org, c.id, c.version, to, reason, &[me], "li", &now())
            .unwrap();
    }
    let flow: Vec<_> = c.history.iter().map(|h| (h.from, h.to)).collect();
    assert_eq!(flow.len(), 5);
    assert_eq!(
        flow[3],
        (Some(CaseStatus::Mediating), CaseStatus::Terminated)
    );
    assert_eq!(c.history[3].reason, "被申请人拒绝继续调解");
}

#[test]
fn a_second_editor_with_a_stale_version_is_told_instead_of_overwriting() {
    let (dir, mut first, org) = setup();
    let c = first
        .create_case(org.id, &fields("张三"), "wang", &now())
        .unwrap();
    let mut second = Store::open(&dir.path().join("room.db")).unwrap();
    let mut mine = c.fields.clone();
    mine.facts = "第一人修改".into();
    first.update_case(c.id, c.version, &mine, &now()).unwrap();
    let mut theirs = c.fields.clone();
    theirs.facts = "第二人修改".into();
    let err = second
        .update_case(c.id, c.version, &theirs, &now())
        .unwrap_err();
    assert!(
        matches!(err, StorageError::Conflict { expected, found } if expected == c.version && found == c.version + 1)
    );
    assert_eq!(second.load_case(c.id).unwrap().fields.facts, "第一人修改");
}

#[test]
fn invalid_fields_are_refused_with_the_users_message() {
    let (_dir, mut store, org) = setup();
    let mut f = fields("张三");
    f.facts = "  ".into();
    let err = store.create_case(org.id, &f, "wang", &now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        crate::domain::case::CaseProblem::FactsMissing.to_string()
    );
}

#[test]
fn the_list_reads_one_page_filtered_and_sorted() {
    let (_dir, mut store, org) = setup();
    let me = store.mediators(org.id).unwrap()[0].id;
    for (i, name) in ["甲一", "乙二", "丙三", "丁四", "戊五"].iter().enumerate() {
        let mut f = fields(name);
        f.received_on = NaiveDate::from_ymd_opt(2026, 11, 1 + i as u32).unwrap();
        let c = store.create_case(org.id, &f, "wang", &now()).unwrap();
        if i % 2 == 0 {
            store
                .change_status(
                    &org,
                    c.id,
                    c.version,
                    CaseStatus::Accepted,
                    "",
                    &[me],
                    "wang",
                    &now(),
                )
                .unwrap();
        }
    }
    let q = CaseQuery {
        sort: CaseSort::Received,
        descending: true,
        limit: 2,
        offset: 0,
        ..Default::default()
    };
    let page = store.list_cases(org.id, &q).unwrap();
    assert_eq!(page.total, 5);
    let names: Vec<_> = page.rows.iter().map(|r| r.parties.as_str()).collect();
    assert_eq!(names, ["戊五、某物业公司", "丁四、某物业公司"]);
    assert_eq!(page.rows[0].mediators, "王调解");
    assert_eq!(page.rows[0].category.display_label(), "供热");

    let accepted = CaseQuery {
        status: Some(CaseStatus::Accepted),
        limit: 10,
        ..q.clone()
    };
    assert_eq!(store.list_cases(org.id, &accepted).unwrap().total, 3);
    let by_phone = CaseQuery {
        text: "1390478".into(),
        limit: 10,
        ..q.clone()
    };
    assert_eq!(store.list_cases(org.id, &by_phone).unwrap().total, 5);
    let by_name = CaseQuery {
        text: "丙".into(),
        limit: 10,
        status: Some(CaseStatus::Accepted),
        ..q.clone()
    };
    assert_eq!(
        store.list_cases(org.id, &by_name).unwrap().rows[0].parties,
        "丙三、某物业公司"
    );
    let literal = CaseQuery {
        text: "%".into(),
        limit: 10,
        ..q.clone()
    };
    assert_eq!(store.list_cases(org.id, &literal).unwrap().total, 0);
    let numbered = CaseQuery {
        sort: CaseSort::Number,
        descending: false,
        limit: 10,
        ..q
    };
    let rows = store.list_cases(org.id, &numbered).unwrap().rows;
    // Oldest number first; the cases without a number yet (NULL) lead in this direction.
    let numbers: Vec<_> = rows.iter().map(|r| r.number.as_deref()).collect();
    assert_eq!(
        numbers,
        [
            None,
            None,
            Some("（2026）临新人调字第1号"),
            Some("（2026）临新人调字第2号"),
            Some("（2026）临新人调字第3号")
        ]
    );
}

#[test]
fn mediators_are_unique_per_room_and_settings_are_kept() {
    let (_dir, mut store, org) = setup();
    assert!(matches!(
        store.add_mediator(org.id, " 王调解 ", ""),
        Err(StorageError::Invalid(_))
    ));
    let li = store.add_mediator(org.id, "李明", "13800000000").unwrap();
    store.set_mediator_active(li.id, false).unwrap();
    let names: Vec<_> = store
        .mediators(org.id)
        .unwrap()
        .into_iter()
        .map(|m| (m.name, m.active))
        .collect();
    assert_eq!(
        names,
        [("王调解".to_string(), true), ("李明".to_string(), false)]
    );
    store.set_setting(org.id, "lang", "en").unwrap();
    store.set_setting(org.id, "lang", "zh").unwrap();
    assert_eq!(
        store.setting(org.id, "lang").unwrap().as_deref(),
        Some("zh")
    );
    let locals: Vec<_> = store
        .local_categories(org.id)
        .unwrap()
        .into_iter()
        .map(|l| l.name)
        .collect();
    assert_eq!(locals, ["供热", "金融"]);
}

#[test]
fn a_second_room_is_refused_so_no_cases_go_where_nobody_sees_them() {
    let (_dir, mut store, org) = setup();
    let second = store.create_organisation(&profile(), "李调解", &now());
    assert!(
        matches!(second, Err(StorageError::Invalid(_))),
        "{second:?}"
    );
    assert_eq!(store.organisation().unwrap().map(|o| o.id), Some(org.id));
}
