//! Search through the indexes on real temporary SQLite files: Chinese of every length,
//! pinyin, mixed words, ranking, filters, edits and an upgraded database.

use super::super::*;
use crate::domain::case::{CaseFields, CaseQuery, CaseSort};
use crate::domain::category::{CaseCategory, Category};
use crate::domain::org::Organisation;
use crate::domain::party::{Party, PartyKind, PartyRole};
use crate::domain::source::Source;
use crate::domain::status::CaseStatus;
use crate::storage::test_room::{TestRoom, open_room};
use chrono::NaiveDate;

use crate::storage::test_room::now;

fn setup() -> (tempfile::TempDir, Store, Organisation) {
    let TestRoom { dir, store, org } = open_room();
    (dir, store, org)
}

fn person(name: &str, id: &str, phone: &str, address: &str) -> Party {
    let mut p = Party::new(PartyRole::Applicant, PartyKind::Person);
    p.name = name.into();
    p.id_number = id.into();
    p.phone = phone.into();
    p.address = address.into();
    p
}

fn case(parties: Vec<Party>, facts: &str) -> CaseFields {
    let mut f = CaseFields::blank(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    f.category = CaseCategory::national(Category::Neighbour);
    f.facts = facts.into();
    f.parties = parties;
    f
}

/// The party names of every case the query finds, in the order found.
fn find(store: &Store, org: &Organisation, text: &str) -> Vec<String> {
    let q = CaseQuery {
        text: text.into(),
        sort: CaseSort::Received,
        descending: true,
        limit: 50,
        ..Default::default()
    };
    let page = store.list_cases(org.id, &q).unwrap();
    assert_eq!(page.total as usize, page.rows.len());
    page.rows.into_iter().map(|r| r.parties).collect()
}

/// Three cases: 王秀兰 (twice, as applicant and as respondent) and 曾国强.
fn three_cases() -> (tempfile::TempDir, Store, Organisation) {
    let (dir, mut store, org) = setup();
    let wang = person(
        "王秀兰",
        "11010519491231002X",
        "13904781234",
        "临河区新华街道胜利小区3号楼",
    );
    let zeng = person(
        "曾国强",
        "440524188001010014",
        "15847801111",
        "临河区城关镇河畔村",
    );
    let zhang = person("张三", "", "0478-8123456", "临河区团结路12号");
    for f in [
        case(vec![wang.clone(), zhang.clone()], "楼上漏水，损坏楼下吊顶"),
        case(vec![zeng], "宅基地界址争议"),
        case(vec![zhang, wang], "欠款三万元未还"),
    ] {
        store.create_case(org.id, &f, "王调解", &now()).unwrap();
    }
    (dir, store, org)
}

#[test]
fn chinese_words_of_every_length_are_found() {
    let (_dir, store, org) = three_cases();
    assert_eq!(find(&store, &org, "漏"), ["王秀兰、张三"]);
    assert_eq!(find(&store, &org, "漏水"), ["王秀兰、张三"]);
    assert_eq!(find(&store, &org, "楼下吊顶"), ["王秀兰、张三"]);
    assert_eq!(find(&store, &org, "曾").len(), 1);
    assert_eq!(find(&store, &org, "秀兰").len(), 2);
    assert_eq!(find(&store, &org, "胜利小区").len(), 2);
    assert_eq!(find(&store, &org, "河畔"), ["曾国强"]);
    assert!(find(&store, &org, "漏雨").is_empty());
    assert!(find(&store, &org, "吊顶漏水").is_empty());
}

#[test]
fn numbers_phones_and_ids_are_found_by_any_part() {
    let (_dir, store, org) = three_cases();
    assert_eq!(find(&store, &org, "1111"), ["曾国强"]);
    assert_eq!(find(&store, &org, "8123456").len(), 2);
    assert_eq!(find(&store, &org, "0478-8123").len(), 2);
    // A lower-case x finds the check character X.
    assert_eq!(find(&store, &org, "1231002x").len(), 2);
    assert_eq!(find(&store, &org, "44").len(), 1);
}

#[test]
fn names_are_found_by_pinyin_initials_and_full_pinyin() {
    let (_dir, store, org) = three_cases();
    assert_eq!(find(&store, &org, "wxl").len(), 2);
    assert_eq!(find(&store, &org, "wangxiulan").len(), 2);
    assert_eq!(find(&store, &org, "WangXiu").len(), 2);
    assert_eq!(find(&store, &org, "zgq"), ["曾国强"]);
    assert_eq!(find(&store, &org, "zengguoqiang"), ["曾国强"]);
    // The everyday reading of 曾 finds the name too.
    assert_eq!(find(&store, &org, "cengguoqiang"), ["曾国强"]);
    assert_eq!(find(&store, &org, "zs").len(), 2);
    assert!(find(&store, &org, "lisi").is_empty());
}

#[test]
fn mixed_words_must_all_match() {
    let (_dir, store, org) = three_cases();
    assert_eq!(find(&store, &org, "wxl 漏水"), ["王秀兰、张三"]);
    assert_eq!(find(&store, &org, "zs，欠款"), ["张三、王秀兰"]);
    assert!(find(&store, &org, "zgq 漏水").is_empty());
}

#[test]
fn the_exact_number_and_name_come_first_and_filters_still_apply() {
    let (_dir, mut store, org) = three_cases();
    let me = store.mediators(org.id).unwrap()[0].id;
    // The oldest case (王秀兰、张三) gets number 1; sorted by date it would come last.
    let ids = store.case_ids(org.id).unwrap();
    let first = store.load_case(ids[0]).unwrap();
    let accepted = store
        .change_status(
            &org,
            first.id,
            first.version,
            CaseStatus::Accepted,
            "",
            &[me],
            "王调解",
            &now(),
        )
        .unwrap();
    let number = accepted.number.unwrap().text;
    let mut q = CaseQuery {
        text: number.clone(),
        sort: CaseSort::Received,
        descending: true,
        limit: 10,
        ..Default::default()
    };
    let rows = store.list_cases(org.id, &q).unwrap().rows;
    assert_eq!(rows[0].number.as_deref(), Some(number.as_str()));
    q.text = "张三".into();
    let names: Vec<_> = store
        .list_cases(org.id, &q)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.parties)
        .collect();
    assert_eq!(names, ["张三、王秀兰", "王秀兰、张三"]);
    q.status = Some(CaseStatus::Accepted);
    assert_eq!(store.list_cases(org.id, &q).unwrap().total, 1);
    q.status = None;
    q.mediator = Some("王调解".into());
    assert_eq!(store.list_cases(org.id, &q).unwrap().total, 1);
    q.mediator = None;
    q.category = Some(Category::Housing);
    assert_eq!(store.list_cases(org.id, &q).unwrap().total, 0);
    q.category = None;
    q.source = Some(Source::Application);
    q.received_from = NaiveDate::from_ymd_opt(2026, 11, 21);
    assert_eq!(store.list_cases(org.id, &q).unwrap().total, 0);
}

#[test]
fn an_edit_moves_the_case_in_the_index() {
    let (_dir, mut store, org) = three_cases();
    let ids = store.case_ids(org.id).unwrap();
    let c = store.load_case(ids[1]).unwrap();
    let mut f = c.fields.clone();
    f.facts = "邻居装修噪音扰民".into();
    f.parties[0].name = "单立新".into();
    store.update_case(c.id, c.version, &f, &now()).unwrap();
    assert!(find(&store, &org, "宅基地").is_empty());
    assert!(find(&store, &org, "zgq").is_empty());
    assert_eq!(find(&store, &org, "噪音"), ["单立新"]);
    assert_eq!(find(&store, &org, "shanlixin"), ["单立新"]);
    store
        .conn
        .execute("DELETE FROM cases WHERE id = ?1", [c.id.0])
        .unwrap();
    let left: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM case_grams WHERE rowid = ?1",
            [c.id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_database_from_before_search_is_indexed_when_upgraded() {
    let (dir, store, org) = three_cases();
    let path = dir.path().join("room.db");
    // Make it look like version 2 (before search) with its cases: no search tables,
    // and none of the later steps (users and the audit trail with its triggers).
    let triggers: Vec<String> = store
        .conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for name in triggers {
        store
            .conn
            .execute_batch(&format!("DROP TRIGGER {name}"))
            .unwrap();
    }
    super::super::migrations::undo_agreement_alert_days(&store.conn);
    super::super::migrations::undo_agent_links(&store.conn);
    store
        .conn
        .execute_batch(
            "DROP TABLE case_text; DROP TABLE case_grams; DROP TABLE case_pinyin;
             DROP TRIGGER IF EXISTS cases_search_delete;
             DROP INDEX status_history_by_time; DROP INDEX parties_by_id_number;
             DROP INDEX parties_by_name_phone; DROP INDEX cases_by_number;
             DROP INDEX cases_by_category_rank; DROP INDEX cases_by_status_rank;
             DROP TABLE IF EXISTS drafts;
             DROP TABLE users; DROP TABLE audit; DROP INDEX status_history_registrations;
             DROP TABLE agreement_clauses; DROP TABLE agreement_items; DROP TABLE agreements;
             DROP INDEX cases_open_by_received; ALTER TABLE sessions DROP COLUMN cancel_reason;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(find(&store, &org, "wxl").len(), 2);
    assert_eq!(find(&store, &org, "漏水").len(), 1);
}

#[test]
fn earlier_cases_of_a_party_are_found_by_id_or_by_name_and_phone() {
    use crate::domain::repeat::{RepeatKey, RepeatQuery};
    let (_dir, store, org) = three_cases();
    let ids = store.case_ids(org.id).unwrap();
    let ask = |key: RepeatKey, exclude| RepeatQuery {
        keys: vec![key],
        exclude,
    };
    let by_id = RepeatKey::of("11010519491231002x", "", "").unwrap();
    let found = store
        .repeat_cases(org.id, &ask(by_id.clone(), None))
        .unwrap();
    assert_eq!(found.len(), 2);
    // Newest first; the case being edited is not a repeat of itself.
    let found = store
        .repeat_cases(org.id, &ask(by_id, Some(ids[2])))
        .unwrap();
    assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), [ids[0]]);
    let by_phone = RepeatKey::of("", "张三", "0478-8123456").unwrap();
    assert_eq!(
        store
            .repeat_cases(org.id, &ask(by_phone, None))
            .unwrap()
            .len(),
        2
    );
    let stranger = RepeatKey::of("", "张三", "13900000000").unwrap();
    assert!(
        store
            .repeat_cases(org.id, &ask(stranger, None))
            .unwrap()
            .is_empty()
    );
}

/// A database from before session records were searched (the version before the index
/// change, with the old index) is indexed again when upgraded, so records written back
/// then are found.
#[test]
fn session_records_written_before_the_upgrade_are_found_after_it() {
    let (dir, store, org) = three_cases();
    let path = dir.path().join("room.db");
    // The version before the index change that added session records (012).
    let before = super::super::migrations::MIGRATIONS
        .iter()
        .position(|m| *m == include_str!("../sql/012_contentless_search.sql"))
        .unwrap() as i64;
    super::super::migrations::undo_agreement_alert_days(&store.conn);
    super::super::migrations::undo_agent_links(&store.conn);
    store
        .conn
        .execute_batch(&format!(
            "INSERT INTO sessions (org_id, case_id, kind, status, day, start_at, end_at,
               start_utc, end_utc, attendees, notes, outcome, created_at, updated_at)
             SELECT org_id, id, 'mediation', 'held', '2026-11-21', '2026-11-21T09:00:00+08:00',
               '2026-11-21T10:00:00+08:00', 0, 3600, '欧阳娜娜', '双方就漏水赔偿达成一致', '达成协议',
               '2026-11-21T10:00:00+08:00', '2026-11-21T10:00:00+08:00'
             FROM cases WHERE facts LIKE '楼上%';
             DROP TABLE case_text;
             CREATE VIRTUAL TABLE case_text USING fts5(number, names, ids, phones, addresses,
               facts, claims, referrer, tokenize = 'trigram', detail = full);
             DELETE FROM case_grams;
             PRAGMA user_version = {before};"
        ))
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(find(&store, &org, "欧阳娜娜").len(), 1);
    assert_eq!(find(&store, &org, "赔偿").len(), 1);
    assert_eq!(find(&store, &org, "wxl").len(), 2);
    assert!(find(&store, &org, "司马").is_empty());
}

/// The count beside a short page: from the index alone for one word, from the cases for
/// several words or with a filter, the same number either way.
#[test]
fn the_total_is_right_when_the_page_is_shorter_than_the_matches() {
    let (_dir, store, org) = three_cases();
    let count = |text: &str, status: Option<CaseStatus>| {
        let q = CaseQuery {
            text: text.into(),
            status,
            limit: 1,
            ..Default::default()
        };
        let page = store.list_cases(org.id, &q).unwrap();
        assert!(page.rows.len() <= 1);
        let all = CaseQuery {
            limit: 100,
            ..q.clone()
        };
        assert_eq!(
            page.total,
            store.list_cases(org.id, &all).unwrap().rows.len() as u64
        );
        page.total
    };
    assert_eq!(count("王", None), 2);
    assert_eq!(count("临河区", None), 3);
    assert_eq!(count("wxl", None), 2);
    assert_eq!(count("x", None), 2);
    assert_eq!(count("临河 王", None), 2);
    assert_eq!(count("王", Some(CaseStatus::Registered)), 2);
    assert_eq!(count("王", Some(CaseStatus::Mediating)), 0);
    // A case of another room in the same file is not counted.
    store
        .conn
        .execute_batch(
            "INSERT INTO organisations (id, room_name, committee_name, number_prefix,
               number_pattern, created_at)
             SELECT 99, '别的室', committee_name, number_prefix, number_pattern, created_at
             FROM organisations WHERE id = 1;
             UPDATE cases SET org_id = 99 WHERE facts LIKE '宅基地%';",
        )
        .unwrap();
    assert_eq!(count("临河区", None), 2);
}

/// A word in every case lists the same page, in the list's order, as no word at all.
#[test]
fn a_word_in_every_case_lists_them_all_in_the_lists_order() {
    let (_dir, store, org) = three_cases();
    let q = |text: &str| CaseQuery {
        text: text.into(),
        sort: CaseSort::Received,
        descending: true,
        limit: 2,
        ..Default::default()
    };
    let all = store.list_cases(org.id, &q("")).unwrap();
    let word = store.list_cases(org.id, &q("临")).unwrap();
    assert_eq!((word.total, &word.rows), (3, &all.rows));
}

fn organisation(name: &str) -> Party {
    let mut p = Party::new(PartyRole::Respondent, PartyKind::Organisation);
    p.name = name.into();
    p
}

/// Issue 14: 额尔德木图·巴特尔 was found by `eedmt` only, and no company by its pinyin.
#[test]
fn each_part_of_a_dotted_name_and_each_word_of_a_company_is_found_by_pinyin() {
    let (_dir, mut store, org) = setup();
    let parties = vec![
        person("额尔德木图·巴特尔", "", "", ""),
        organisation("巴彦淖尔市恒泰供热有限公司"),
    ];
    store
        .create_case(org.id, &case(parties, "暖气不热"), "wang", &now())
        .unwrap();
    let both = ["额尔德木图·巴特尔、巴彦淖尔市恒泰供热有限公司"];
    for query in [
        "eedmt", "bte", "bateer", "hengtai", "htgr", "gongre", "bynes",
    ] {
        assert_eq!(find(&store, &org, query), both, "{query}");
    }
    assert!(find(&store, &org, "wxl").is_empty());
}

/// A file whose pinyin index was written before names were keyed by parts and words is
/// indexed again when opened (the index version is the schema version of its last change).
#[test]
fn a_pinyin_index_from_before_name_parts_is_rebuilt_on_open() {
    let (dir, mut store, org) = setup();
    store
        .create_case(
            org.id,
            &case(vec![person("额尔德木图·巴特尔", "", "", "")], "漏水"),
            "wang",
            &now(),
        )
        .unwrap();
    let before = super::super::search::index_version() - 1;
    if before < 18 {
        super::super::migrations::undo_agreement_alert_days(&store.conn);
        super::super::migrations::undo_agent_links(&store.conn);
    }
    store
        .conn
        .execute_batch(&format!(
            "INSERT INTO case_pinyin (case_pinyin) VALUES ('delete-all');
             INSERT INTO case_pinyin (rowid, keys) SELECT id, 'eedmtbte' FROM cases;
             PRAGMA user_version = {before};"
        ))
        .unwrap();
    assert!(find(&store, &org, "bte").is_empty(), "the old index");
    drop(store);
    let store = Store::open(&dir.path().join("room.db")).unwrap();
    assert_eq!(find(&store, &org, "bte"), ["额尔德木图·巴特尔"]);
}
