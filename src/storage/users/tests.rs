//! Users on real temporary files: the first becomes administrator, others are refused
//! until added, and the last administrator stays.

use super::*;
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-28T09:30:00+08:00").unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("room.db")).unwrap();
    (dir, store)
}

#[test]
fn the_first_user_becomes_administrator_and_strangers_are_told_who_can_add_them() {
    let (_dir, mut store) = store();
    let first = store.identify("wang", &now()).unwrap();
    assert_eq!(first, Identity::FirstAdmin(User::new("wang", Role::Admin)));
    assert_eq!(
        store.identify("wang", &now()).unwrap(),
        Identity::Known(User::new("wang", Role::Admin))
    );
    assert_eq!(
        store.identify("li", &now()).unwrap(),
        Identity::Unknown {
            admins: vec!["wang".into()]
        }
    );
}

#[test]
fn added_users_are_known_and_disabled_ones_are_refused() {
    let (_dir, mut store) = store();
    store.identify("wang", &now()).unwrap();
    let mut clerk = User::new("police1", Role::Clerk);
    clerk.display = "李警官".into();
    store.add_user(&clerk, &now()).unwrap();
    assert!(matches!(
        store.add_user(&clerk, &now()),
        Err(StorageError::Invalid(_))
    ));
    assert!(matches!(
        store.add_user(&User::new("  ", Role::Clerk), &now()),
        Err(StorageError::Invalid(_))
    ));
    assert_eq!(
        store.identify("police1", &now()).unwrap(),
        Identity::Known(clerk.clone())
    );
    clerk.active = false;
    // Identifying someone makes them the one acting: the clerk may not disable
    // themselves, the administrator may.
    assert!(matches!(
        store.update_user(&clerk),
        Err(StorageError::Refused(..))
    ));
    store.identify("wang", &now()).unwrap();
    store.update_user(&clerk).unwrap();
    assert_eq!(
        store.identify("police1", &now()).unwrap(),
        Identity::Disabled(clerk)
    );
    let names: Vec<String> = store.users().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["wang", "police1"]);
}

#[test]
fn the_last_administrator_cannot_be_demoted_or_disabled() {
    let (_dir, mut store) = store();
    store.identify("wang", &now()).unwrap();
    let mut wang = User::new("wang", Role::Mediator);
    assert!(matches!(
        store.update_user(&wang),
        Err(StorageError::Invalid(_))
    ));
    store
        .add_user(&User::new("li", Role::Admin), &now())
        .unwrap();
    store.update_user(&wang).unwrap();
    wang.role = Role::Admin;
    store.ensure_admin("zhao", &now()).unwrap();
    assert_eq!(store.user("zhao").unwrap().unwrap().role, Role::Admin);
}
