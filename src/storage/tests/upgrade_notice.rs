//! Opening a file of an older version says so before the copy and the migration start
//! (at a million cases they take a minute, and the screen stayed empty meanwhile).

use super::file_versions::file_at_version;
use crate::storage::{Store, Upgrade, migrations};

#[test]
fn an_older_file_is_announced_once_with_its_versions_and_the_copy_before_it_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let older = migrations::latest_version() - 1;
    drop(file_at_version(&path, older));
    let mut heard = Vec::new();
    Store::open_noting(&path, &mut |u: &Upgrade| {
        // Said before anything is copied or changed.
        let version: i64 = rusqlite::Connection::open(&path)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, older);
        assert!(!u.backup.exists());
        heard.push(u.clone());
    })
    .unwrap();
    assert_eq!(heard.len(), 1);
    assert_eq!(heard[0].from, older);
    assert_eq!(heard[0].to, migrations::latest_version());
    // The copy named is the one made.
    assert!(heard[0].backup.exists(), "{}", heard[0].backup.display());
    let message = heard[0].to_string();
    assert!(message.contains(&older.to_string()), "{message}");
    assert!(
        message.contains(&heard[0].backup.display().to_string()),
        "{message}"
    );
}

#[test]
fn a_new_or_current_file_is_not_announced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut heard = 0;
    drop(Store::open_noting(&path, &mut |_: &Upgrade| heard += 1).unwrap());
    drop(Store::open_noting(&path, &mut |_: &Upgrade| heard += 1).unwrap());
    assert_eq!(heard, 0);
}
