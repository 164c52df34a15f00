//! The room the print tests print from: a demo room on a temporary file, the number of one
//! numbered case of it, and an empty folder for fake programs (put first on PATH by the
//! tests). Include with `#[path = "support/print_room.rs"] mod print_room;`.
#![allow(dead_code)] // each test file uses part of it

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use tiaojie::storage::Store;

/// A demo room, the number of one numbered case, and an empty folder for programs.
pub struct PrintRoom {
    /// The temporary folder holding it all (and the kept documents, under 文书/).
    pub dir: tempfile::TempDir,
    /// The room's database.
    pub db: PathBuf,
    /// The number of a numbered case.
    pub number: String,
    /// The folder for fake programs.
    pub bin: PathBuf,
}

/// A demo room of `cases` cases made on 2026-11-28 (the real `fill_demo`).
pub fn print_room(cases: u64) -> PrintRoom {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("room.db");
    let mut store = Store::open(&db).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00+08:00").unwrap();
    tiaojie::cli::demo::fill_demo(&mut store, cases, 2026, now).unwrap();
    let org = store.organisation().unwrap().unwrap();
    let number = store
        .case_ids(org.id)
        .unwrap()
        .into_iter()
        .find_map(|id| store.load_case(id).unwrap().number)
        .unwrap()
        .text;
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    PrintRoom {
        dir,
        db,
        number,
        bin,
    }
}

/// Stores a room setting as the settings tab would.
pub fn set_setting(db: &Path, key: &str, value: &str) {
    let mut store = Store::open(db).unwrap();
    let org = store.organisation().unwrap().unwrap();
    store.set_setting(org.id, key, value).unwrap();
}

/// Writes `script` to `path` as an executable program.
pub fn executable(path: &Path, script: &str) {
    std::fs::write(path, script).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}
