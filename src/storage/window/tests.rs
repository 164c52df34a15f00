//! Window locks on a real folder: a window holds its lock while it lives, its folder is
//! private, and closing it removes its file.

use super::*;

#[test]
fn an_open_window_is_held_and_a_closed_one_is_gone() {
    let dir = tempfile::tempdir().unwrap();
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
