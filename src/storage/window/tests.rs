//! Window locks on a real folder: a window holds its lock while it lives, its folder is
//! private, and closing it removes its file.

use super::*;

#[test]
fn an_open_window_is_held_and_a_closed_one_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As the app makes the database's folder: owner-only.
        let private = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(dir.path(), private).unwrap();
    }
    let db = dir.path().join("room.db");
    let open = Window::open(&db);
    let token = open.token().to_string();
    let file = dir
        .path()
        .join("room.db.windows")
        .join(format!("{token}.lock"));
    assert!(file.exists());
    let mut other = Window::open(&db);
    assert!(!other.take_over(&token), "held by a window still open");
    assert!(!other.take_over(other.token().to_string().as_str()));
    drop(open);
    assert!(!file.exists());
    assert!(other.take_over(&token), "gone once closed");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("room.db.windows"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}

/// A room set up for a group (folder 0770, file 0660, docs/ssh.md): the locks can be
/// read by the group too, so one member's window can tell another's is open. Never by
/// everyone.
#[cfg(unix)]
#[test]
fn the_locks_are_as_private_as_the_database() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let room = dir.path().join("shared");
    std::fs::create_dir(&room).unwrap();
    std::fs::set_permissions(&room, std::fs::Permissions::from_mode(0o770)).unwrap();
    let db = room.join("room.db");
    std::fs::write(&db, "").unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o660)).unwrap();
    let window = Window::open(&db);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let folder = room.join("room.db.windows");
    let lock = folder.join(format!("{}.lock", window.token()));
    // The umask may take more away, never give more.
    assert_eq!(mode(&folder) & 0o707, 0o700, "{:o}", mode(&folder));
    assert_eq!(mode(&lock) & 0o707, 0o600, "{:o}", mode(&lock));
    let umask_keeps_group = mode(&folder) & 0o070 != 0;
    if umask_keeps_group {
        assert_eq!(mode(&lock) & 0o040, 0o040, "{:o}", mode(&lock));
    }
}
