//! The key thread changes nothing the index holds.

use super::super::{INDEXES, index_new_case};
use super::*;
use crate::storage::Store;
use crate::storage::test_room::{now, one_applicant, open_room};

/// Every row of the three indexes' own tables, flushed: what a file holds of them.
fn stored(store: &Store) -> Vec<(String, i64, Vec<u8>)> {
    let mut rows = Vec::new();
    for table in INDEXES {
        store
            .conn
            .execute(
                &format!("INSERT INTO {table} ({table}) VALUES ('flush')"),
                [],
            )
            .unwrap();
        let mut stmt = store
            .conn
            .prepare(&format!("SELECT id, block FROM {table}_data ORDER BY id"))
            .unwrap();
        let found = stmt
            .query_map([], |r| Ok((table.to_string(), r.get(0)?, r.get(1)?)))
            .unwrap();
        rows.extend(found.map(Result::unwrap));
    }
    rows
}

/// The indexes as `write` leaves them after emptying them, in a transaction rolled back.
fn indexed_by(store: &Store, write: impl Fn(&Connection)) -> Vec<(String, i64, Vec<u8>)> {
    store.conn.execute_batch("BEGIN").unwrap();
    for table in INDEXES {
        store
            .conn
            .execute(
                &format!("INSERT INTO {table} ({table}) VALUES ('delete-all')"),
                [],
            )
            .unwrap();
    }
    write(&store.conn);
    let rows = stored(store);
    store.conn.execute_batch("ROLLBACK").unwrap();
    rows
}

#[test]
fn the_key_thread_writes_the_index_one_thread_writes() {
    let mut room = open_room();
    let surnames = ["王", "李", "张", "刘", "陈", "乌云", "欧阳"];
    let mut ids = Vec::new();
    // More batches than may wait for the thread at once, and a last one not full.
    for i in 0..(BATCH * (BATCHES_AHEAD + 2) + 7) {
        let name = format!(
            "{}{}",
            surnames[i % surnames.len()],
            ["秀兰", "建国", "其其格"][i % 3]
        );
        let facts = format!(
            "第{i}号楼漏水，楼下{}家天花板受损，协商赔偿 {} 元",
            name,
            i * 37
        );
        let case = room
            .store
            .create_case(room.org.id, &one_applicant(&name, &facts), "王调解", &now())
            .unwrap();
        ids.push(case.id.0);
    }
    assert!(ids.len() >= BESIDE_FROM);
    let one = indexed_by(&room.store, |conn| {
        for id in &ids {
            index_new_case(conn, *id).unwrap();
        }
    });
    let beside = indexed_by(&room.store, |conn| {
        index_new_cases_beside(conn, &ids).unwrap();
    });
    for table in INDEXES {
        assert!(
            one.iter().filter(|(t, ..)| t == table).count() > 2,
            "{table} is empty"
        );
    }
    assert_eq!(beside, one);
}
