//! Performance items name parties by id, on real temporary files: two parties of one
//! name are two, a renamed party stays the same party, a party an item names cannot be
//! removed, and someone who is not a party (an insurer) stays a name.

use super::{now, setup, signed};
use crate::domain::agreement::PerformanceItem;
use crate::storage::StorageError;

#[test]
fn same_name_parties_are_two_and_a_renamed_party_stays_named() {
    let (_dir, mut store, _, case) = setup();
    // 同名同姓: the respondent has the applicant's name too.
    let mut fields = case.fields.clone();
    fields.parties[1].name = "张三".into();
    let case = store
        .update_case(case.id, case.version, &fields, &now())
        .unwrap();
    let (first, second) = (case.fields.parties[0].id, case.fields.parties[1].id);
    let mut a = signed(&case);
    a.items = vec![PerformanceItem {
        what: "支付赔偿款".into(),
        obligor: "张三".into(),
        obligor_party: second,
        obligee: "张三".into(),
        obligee_party: first,
        ..Default::default()
    }];
    let saved = store.save_agreement(&a, &now()).unwrap();
    assert_eq!(saved.items[0].obligor_party, second);
    assert_eq!(saved.items[0].obligee_party, first);

    // The respondent's name was mistyped: corrected, the item names him as he is now.
    let mut fields = case.fields.clone();
    fields.parties[1].name = "张山".into();
    store
        .update_case(case.id, case.version, &fields, &now())
        .unwrap();
    let item = &store.agreement_of_case(case.id).unwrap().unwrap().items[0];
    assert_eq!(
        (item.obligor.as_str(), item.obligee.as_str()),
        ("张山", "张三")
    );
}

#[test]
fn a_party_an_item_names_is_not_removed_and_the_reason_says_which_item() {
    let (_dir, mut store, _, case) = setup();
    let mut a = signed(&case);
    for item in &mut a.items {
        item.obligor_party = case.fields.parties[1].id;
        item.obligee_party = case.fields.parties[0].id;
    }
    store.save_agreement(&a, &now()).unwrap();
    let mut fields = case.fields.clone();
    fields.parties.remove(1);
    let err = store
        .update_case(case.id, case.version, &fields, &now())
        .unwrap_err();
    let StorageError::Invalid(message) = &err else {
        panic!("{err:?}");
    };
    assert!(
        message.contains("李四") && message.contains("第1项") && message.contains("支付赔偿款"),
        "{message}"
    );
    // Nothing was written: the case and its parties are as they were.
    let stored = store.load_case(case.id).unwrap();
    assert_eq!(stored.version, case.version);
    assert_eq!(stored.fields.parties, case.fields.parties);
}

#[test]
fn an_insurer_stays_a_name_and_a_party_of_another_case_is_not_linked() {
    let (_dir, mut store, org, case) = setup();
    let mut other = case.fields.clone();
    for p in &mut other.parties {
        p.id = None;
    }
    let other = store.create_case(org.id, &other, "wang", &now()).unwrap();
    let mut a = signed(&case);
    a.items = vec![
        PerformanceItem {
            what: "代为赔付".into(),
            obligor: "某财产保险公司".into(),
            obligee: "张三".into(),
            obligee_party: case.fields.parties[0].id,
            ..Default::default()
        },
        PerformanceItem {
            what: "赔礼道歉".into(),
            obligor: "李四".into(),
            // A stale editor's id: a party of the other case.
            obligor_party: other.fields.parties[1].id,
            ..Default::default()
        },
    ];
    let saved = store.save_agreement(&a, &now()).unwrap();
    assert_eq!(saved.items[0].obligor, "某财产保险公司");
    assert_eq!(saved.items[0].obligor_party, None);
    assert_eq!(saved.items[0].obligee_party, case.fields.parties[0].id);
    assert_eq!(saved.items[1].obligor, "李四");
    assert_eq!(saved.items[1].obligor_party, None);
}

/// Items stored before parties had ids are linked by the migration to the first party
/// of the case with their name; a name no party has stays a name.
#[test]
fn the_migration_links_items_to_the_first_party_of_their_name() {
    let (dir, mut store, _, case) = setup();
    let mut a = signed(&case);
    a.items[1].obligor = "某财产保险公司".into();
    store.save_agreement(&a, &now()).unwrap();
    drop(store);
    // The items as they were before: names alone. The step runs again over them.
    let conn = rusqlite::Connection::open(dir.path().join("room.db")).unwrap();
    conn.execute_batch("UPDATE agreement_items SET obligor_party = NULL, obligee_party = NULL")
        .unwrap();
    let step = crate::storage::migrations::MIGRATIONS
        .iter()
        .find(|m| m.contains("agreement_items_new"))
        .unwrap();
    conn.execute_batch(&format!("BEGIN; {step} COMMIT;"))
        .unwrap();
    drop(conn);
    let store = crate::storage::Store::open(&dir.path().join("room.db")).unwrap();
    let items = store.agreement_of_case(case.id).unwrap().unwrap().items;
    let (zhang, li) = (case.fields.parties[0].id, case.fields.parties[1].id);
    assert_eq!(
        (items[0].obligor_party, items[0].obligee_party),
        (li, zhang)
    );
    assert_eq!(
        (items[1].obligor_party, items[1].obligee_party),
        (None, zhang)
    );
    assert_eq!(items[1].obligor, "某财产保险公司");
}
